"""Fixtures for widget tests: a real window over the bundled library (also in
each UI language)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing_reader import paths
from briefing_reader.app import build_window
from briefing_reader.ui import i18n
from briefing_reader.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    win = build_window(paths.resolve())
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.restore_place()
    yield win


def painted(reader) -> list[str]:  # type: ignore[no-untyped-def]
    """Texts of the highlight and search marks, without table-sum flags."""
    selections = reader.extraSelections()
    marks = selections[: len(selections) - len(reader._cell_flags)]
    return [s.cursor.selectedText() for s in marks]


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
