"""Importing from the window: drop a file, see it under My documents, remove it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing_reader.ui.main_window import MainWindow

LETTER_MD = """---
id: brief-taaleis
kind: kamerbrief
title: Uitwerking taaleis in de bijstand
date: 2025-10-01
version: 1
---

{#s-1}
## 1. Aanleiding

De taaleis in de bijstand wordt per 1 januari 2026 beter gehandhaafd door gemeenten.
"""


def drop(window: MainWindow, *files: Path) -> None:
    """What a file manager's drag does: enter, then drop."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)  # offscreen Qt runs no drag session to deliver it
    assert event.isAccepted()


def test_dropping_a_letter_imports_and_opens_it(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    source = tmp_path / "taaleis.md"
    source.write_text(LETTER_MD, encoding="utf-8")
    drop(window, source)
    qtbot.waitUntil(
        lambda: not window.importing.busy and window.library.get("brief-taaleis") is not None,
        timeout=20_000,
    )
    assert window.reader.document_shown.id == "brief-taaleis"  # type: ignore[union-attr]
    tops = window.toc.top_titles()
    assert tops[-1] == "My documents"
    mine = window.toc.model().index(len(tops) - 1, 0)
    assert window.toc.model().index(0, 0, mine).data() == "Uitwerking taaleis in de bijstand"
    assert source.read_text(encoding="utf-8") == LETTER_MD  # the original is never changed
    # search finds the new letter once the index has caught up
    qtbot.waitUntil(lambda: window.search.progress.isHidden(), timeout=20_000)
    result = window.search.index.search("gehandhaafd", doc="brief-taaleis")
    assert result.total == 1


def test_a_bad_file_is_named_and_nothing_changes(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: told.append(text))
    bad = tmp_path / "kapot.docx"
    bad.write_bytes(b"dit is geen zip")
    before = set(window.library.documents)
    drop(window, bad)
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    assert "kapot.docx" in told[0]
    assert set(window.library.documents) == before


def test_removing_an_imported_document(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "taaleis.md"
    source.write_text(LETTER_MD, encoding="utf-8")
    window.importing.import_paths([source])
    qtbot.waitUntil(lambda: window.library.get("brief-taaleis") is not None, timeout=20_000)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    window.toc.remove_requested.emit("brief-taaleis")
    assert window.library.get("brief-taaleis") is None
    assert window.reader.document_shown is not None
    qtbot.waitUntil(lambda: window.search.progress.isHidden(), timeout=20_000)  # no stray task


def test_an_undated_letter_asks_for_its_date(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    import datetime as dt

    from PySide6.QtCore import QDate

    source = tmp_path / "notitie.txt"
    source.write_text(
        "Notitie over de pilots\n\nIk zal uw Kamer voor 1 maart 2027 informeren over de pilots.\n",
        encoding="utf-8",
    )
    window.importing.import_paths([source])
    qtbot.waitUntil(
        lambda: (
            window.importing.date_dialog is not None and window.importing.date_dialog.isVisible()
        ),
        timeout=20_000,
    )
    dialog = window.importing.date_dialog
    assert dialog is not None
    doc_id = "notitie-over-de-pilots"
    assert window.library.get(doc_id).meta.date is None  # type: ignore[union-attr]
    dialog.edit.setDate(QDate(2026, 11, 14))
    dialog.accept()
    qtbot.waitUntil(
        lambda: (
            window.library.get(doc_id).meta.date  # type: ignore[union-attr]
            == dt.date(2026, 11, 14)
        ),
        timeout=10_000,
    )


def test_each_undated_letter_of_a_folder_is_asked_about_in_turn(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    folder = tmp_path / "brieven"
    folder.mkdir()
    for name in ("Eerste notitie", "Tweede notitie"):
        (folder / f"{name}.txt").write_text(
            f"{name}\n\nIk zal uw Kamer informeren.\n", encoding="utf-8"
        )
    window.importing.import_paths([folder])
    asked = []
    for _ in range(2):
        qtbot.waitUntil(
            lambda: (
                window.importing.date_dialog is not None
                and window.importing.date_dialog.isVisible()
                and window.importing.date_dialog not in asked
            ),
            timeout=20_000,
        )
        dialog = window.importing.date_dialog
        asked.append(dialog)
        dialog.reject()  # "later"
    assert len(asked) == 2 and asked[0] is not asked[1]
    assert told and "Eerste notitie" in told[0]  # the summary, before the questions


def test_a_note_of_the_vng_is_marked_not_parliamentary(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_reader.ui import references

    source = tmp_path / "vng.txt"
    source.write_text(
        "Reactie VNG op de integratieagenda\n\nUtrecht, 2 december 2026\n\n"
        "De VNG vraagt het kabinet om meer middelen voor gemeenten.\n",
        encoding="utf-8",
    )
    window.importing.import_paths([source])
    doc_id = "reactie-vng-op-de-integratieagenda"
    qtbot.waitUntil(
        lambda: not window.importing.busy and window.library.get(doc_id) is not None, timeout=20_000
    )
    assert window.library.get(doc_id).meta.official is False  # type: ignore[union-attr]
    banner = window.reader.toPlainText()
    assert "Not a parliamentary document" in banner and "Compiled by" not in banner
    model = window.toc.model()
    mine = model.index(len(window.toc.top_titles()) - 1, 0)
    tip = model.index(0, 0, mine).data(Qt.ItemDataRole.ToolTipRole)
    assert "Not a parliamentary document (no Kamerstuk number)" in tip
    seen: list[str] = []
    monkeypatch.setattr(
        references.DocumentInformation,
        "exec",
        lambda dialog: seen.append(dialog.findChild(references.QLabel).text()) or 0,
    )
    window.references.show_information()
    assert "Not a parliamentary document" in seen[0]
    # the bundled letter stays official, the companion stays "compiled"
    assert window.library.get("kst-32824-456").meta.official  # type: ignore[union-attr]
