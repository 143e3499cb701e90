"""The window words the core's messages in its own language: a damaged notes file
at start-up, a refused import (issue 19)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from briefing_reader import paths
from briefing_reader.app import build_window, report_start_problems
from briefing_reader.ui import i18n
from briefing_reader.ui.main_window import MainWindow

DAMAGED = {
    "nl": ("Het notitiebestand was beschadigd (", "er is niets verwijderd"),
    "en": ("The notes file was damaged (", "nothing was deleted"),
}
REFUSED = {
    "nl": "kapot.docx: niet geïmporteerd: is geen geldig Word-bestand (het is geen zip-archief)",
    "en": "kapot.docx: not imported: is not a valid Word file (it is not a zip archive)",
}


@pytest.fixture(params=["en", "nl"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    locale, before = QLocale(), i18n.current_language()
    translators = i18n.install(app, request.param)
    try:
        yield request.param
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        for translator in i18n.install(app, before):  # only to note the language again
            app.removeTranslator(translator)
        QLocale.setDefault(locale)


def read_message_boxes(told: list[str]) -> None:
    """Read and close the next message box the window shows (it runs its own loop)."""

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                told.append(widget.text())
                widget.done(0)
                return
        QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)


def open_window(qtbot: QtBot) -> MainWindow:
    window = build_window(paths.resolve())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_damaged_notes_file_is_told_in_the_window_language(qtbot: QtBot, language: str) -> None:
    profile = paths.resolve()
    profile.notes_db.parent.mkdir(parents=True, exist_ok=True)
    profile.notes_db.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    window = open_window(qtbot)
    told: list[str] = []
    read_message_boxes(told)
    report_start_problems(window)
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    start, end = DAMAGED[language]
    assert told[0].startswith(start), told[0]
    assert end in told[0]
    other = DAMAGED["en" if language == "nl" else "nl"][0]
    assert other not in told[0]
    assert any(
        p.name.startswith("notes.sqlite3.damaged-") for p in profile.notes_db.parent.iterdir()
    )


def test_a_refused_import_is_named_in_the_window_language(
    qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    window = open_window(qtbot)
    bad = tmp_path / "kapot.docx"
    bad.write_bytes(b"dit is geen zip")
    before = set(window.library.documents)
    told: list[str] = []
    read_message_boxes(told)
    window.importing.import_paths([bad])
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    assert REFUSED[language] in told[0]
    assert set(window.library.documents) == before
