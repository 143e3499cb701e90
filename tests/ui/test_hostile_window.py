"""Issue 13 in the window: refusals named and explained, a question before a bundled
letter is replaced, and a document that hung is not reopened at the next start."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing_reader import paths
from briefing_reader.app import build_window, make_settings
from briefing_reader.core import limits
from briefing_reader.ui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import hostile_files as hostile

EXPORT = Path(__file__).resolve().parents[2] / "content" / "sources" / f"{hostile.LETTER_ID}.txt"


def _refused(window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, file: Path) -> str:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: told.append(text))
    before = set(window.library.documents)
    window.importing.import_paths([file])
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    assert set(window.library.documents) == before
    return told[0]


@pytest.mark.parametrize(
    "name, data, says",
    [
        ("laughs.md", hostile.billion_laughs_md(), "anchors and aliases"),
        ("bomb.docx", hostile.docx_bomb(12), "XML elements"),
        ("koppen.md", hostile.many_headings_md(10_000), "headings; at most"),
        ("utf16.docx", hostile.utf16_dtd_docx(), "declares a DTD"),
        ("vervalst.md", hostile.hostile_id_md(), "but its text is not that document's"),
    ],
)
def test_a_hostile_file_is_refused_by_name_and_reason(
    window: MainWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    name: str,
    data: bytes,
    says: str,
) -> None:
    file = tmp_path / name
    file.write_bytes(data)
    told = _refused(window, qtbot, monkeypatch, file)
    assert told.startswith(f"{name}: not imported: ") and says in told
    assert window.library.get(hostile.LETTER_ID).meta.version == 2  # type: ignore[union-attr]


def _newer_letter(tmp_path: Path) -> Path:
    newer = tmp_path / "kst-32824-456-v3.txt"
    newer.write_text(
        EXPORT.read_text(encoding="utf-8").replace("versie: 2 (versie 1)", "versie: 3 (versie 2)"),
        encoding="utf-8",
    )
    return newer


@pytest.mark.parametrize("answer", ["Use as new version", "Do not import"])
def test_a_new_version_of_the_bundled_letter_is_asked_first(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, answer: str
) -> None:
    asked: list[str] = []

    def click(box: QMessageBox) -> int:
        asked.append(f"{box.text()} {box.informativeText()}")
        next(b for b in box.buttons() if b.text() == answer).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    window.importing.import_paths([_newer_letter(tmp_path)])
    qtbot.waitUntil(lambda: bool(asked) and not window.importing.busy, timeout=30_000)
    assert "says it is a new version (3)" in asked[0] and "100% of the letter" in asked[0]
    expected = 3 if answer == "Use as new version" else 2
    qtbot.waitUntil(
        lambda: window.library.get(hostile.LETTER_ID).meta.version == expected, timeout=30_000
    )
    stored = list(paths.resolve().imported_documents.glob("*.md"))
    assert len(stored) == (1 if expected == 3 else 0)
    qtbot.waitUntil(lambda: window.search.progress.isHidden(), timeout=30_000)


def test_a_document_that_hung_is_not_reopened_at_the_start(qtbot: QtBot) -> None:
    run = paths.resolve()
    settings = make_settings(run)
    settings.setValue("reader/document", "begrippen")
    settings.setValue("reader/opening", "begrippen")  # the last run died opening it
    settings.sync()
    window = build_window(run)
    qtbot.addWidget(window)
    window.show()
    window.restore_place()
    assert window.reader.document_shown.id == hostile.LETTER_ID  # type: ignore[union-attr]
    message = window.statusBar().currentMessage()
    assert "Begrippen" in message and "the program stopped while opening it" in message


def test_a_slow_long_document_is_remembered(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "LONG_DOCUMENT_ANCHORS", 10)
    monkeypatch.setattr(limits, "SLOW_OPEN_SECONDS", 0.0)
    window.show_document("begrippen")
    guard = window.reader.open_guard
    assert guard is not None
    assert guard.settings.value("reader/slow") == "begrippen"
    assert guard.settings.value("reader/opening") is None  # it did open
    assert "seconds to open last time" in (guard.reason_to_avoid("begrippen") or "")
    monkeypatch.setattr(limits, "SLOW_OPEN_SECONDS", 1000.0)
    window.show_document(hostile.LETTER_ID)
    window.show_document("begrippen")
    assert guard.reason_to_avoid("begrippen") is None  # fast this time: forgiven
