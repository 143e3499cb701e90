"""Fixtures for widget tests: a real window over the bundled library (also in
each UI language)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication, QTextEdit
from pytestqt.qtbot import QtBot

from briefing_reader import paths
from briefing_reader.app import build_window
from briefing_reader.ui import i18n
from briefing_reader.ui.main_window import MainWindow
from briefing_reader.ui.reader import ReaderView


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    win = build_window(paths.resolve())
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.restore_place()
    yield win


def _wavy(selection: QTextEdit.ExtraSelection) -> bool:
    return selection.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline


def painted(reader: QTextEdit) -> list[str]:
    """Texts of the highlight and search marks as painted (table-sum flags,
    drawn with a wavy underline, left out)."""
    return [s.cursor.selectedText() for s in reader.extraSelections() if not _wavy(s)]


def marks_in(reader: ReaderView, *colours: str) -> list[tuple[str, int]]:
    """(text, plain-text offset) of each mark painted in one of ``colours``."""
    return [
        (s.cursor.selectedText(), reader.core_offset(s.cursor.selectionStart()))
        for s in reader.extraSelections()
        if not _wavy(s) and s.format.background().color().name() in colours
    ]


def table_flags(reader: QTextEdit) -> list[QTextEdit.ExtraSelection]:
    """The flags on table cells whose figures do not add up (a wavy underline)."""
    return [s for s in reader.extraSelections() if _wavy(s)]


@pytest.fixture(params=["en", "nl"])
def language_window(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[MainWindow]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    locale = QLocale()
    translators = i18n.install(app, request.param)
    try:
        win = build_window(paths.resolve())
        qtbot.addWidget(win)
        yield win
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(locale)
