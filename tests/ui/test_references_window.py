"""References in the reader: links, the card for a letter not in the library, "Cited in"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from briefing_reader import paths
from briefing_reader.app import build_window
from briefing_reader.ui import references
from briefing_reader.ui.main_window import MainWindow

LETTER = "kst-32824-456"
CITING = """---
id: notitie-taal
kind: imported
title: Notitie taal
---

{#inleiding}
# Inleiding

Zoals gemeld (Kamerstukken II 2024/25, 32 824, nr. 456) gaat de taaleis door.
"""


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    run = paths.resolve()
    run.imported_documents.mkdir(parents=True, exist_ok=True)
    (run.imported_documents / "notitie-taal.md").write_text(CITING, encoding="utf-8")
    win = build_window(run)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win


def links(window: MainWindow) -> list[tuple[str, str]]:
    """(href, linked text) of every ref: link in the reader."""
    out = []
    block = window.reader.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            href = fragment.charFormat().anchorHref()
            if href.startswith("ref:"):
                out.append((href, fragment.text()))
            it += 1
        block = block.next()
    return out


def test_every_reference_is_a_link(window: MainWindow) -> None:
    window.navigate(LETTER)
    texts = [text for _href, text in links(window)]
    assert "Kamerstuk II, 2023 -2024, 32 824, nr. 418" in texts
    assert "Aanhangsel Handelingen II 2024/25, nr. 753" in texts
    assert "Kamerstuk 36 600 XV, nr. 82" in texts
    assert len({href for href, _ in links(window)}) >= 11


def test_links_survive_a_rerender(window: MainWindow) -> None:
    window.navigate(LETTER)
    before = links(window)
    window.reader.rerender({"actie-startbanen": "●"})
    assert links(window) == before


def test_reference_in_the_library_opens_it(window: MainWindow) -> None:
    window.navigate("notitie-taal")
    [(href, text)] = links(window)
    assert text == "Kamerstukken II 2024/25, 32 824, nr. 456"
    window.reader.anchorClicked.emit(QUrl(href))
    assert window.reader.document_shown is not None
    assert window.reader.document_shown.id == LETTER
    window.go_back()
    assert window.reader.document_shown.id == "notitie-taal"


def test_reference_not_in_the_library_shows_the_card(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[references.ReferenceCard] = []

    def exec_card(card: references.ReferenceCard) -> int:
        shown.append(card)
        card.copy_button.click()
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(references.ReferenceCard, "exec", exec_card)
    window.navigate(LETTER)
    href = next(
        h for h, text in links(window) if text == "Kamerstuk II, 2023 -2024, 32 824, nr. 418"
    )
    window.reader.anchorClicked.emit(QUrl(href))
    assert len(shown) == 1
    card = shown[0]
    assert card.citation_label.text() == "Kamerstukken II 2023/24, 32 824, nr. 418"
    assert QGuiApplication.clipboard().text() == "Kamerstukken II 2023/24, 32 824, nr. 418"
    assert window.reader.document_shown.id == LETTER


def test_document_information_shows_cited_in(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[references.DocumentInformation] = []

    def exec_info(dialog: references.DocumentInformation) -> int:
        seen.append(dialog)
        row = next(
            i
            for i in range(dialog.list.count())
            if dialog.list.item(i).text().startswith("Notitie taal")
        )
        dialog.list.itemActivated.emit(dialog.list.item(row))
        return int(dialog.result())

    monkeypatch.setattr(references.DocumentInformation, "exec", exec_info)
    window.navigate(LETTER)
    window.references.show_information()
    [dialog] = seen
    items = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert "Notitie taal — Inleiding" in items
    assert window.reader.document_shown.id == "notitie-taal"


def test_link_positions_cover_the_reference_text(window: MainWindow) -> None:
    window.navigate(LETTER)
    feature = window.references
    found = feature.found[0]
    start = window.reader.qt_position(found.offset)
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(found.ref.text), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == found.ref.text
