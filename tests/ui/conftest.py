"""Fixtures for widget tests: a real window over the bundled library."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from briefing_reader import paths
from briefing_reader.app import build_window
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
    marks = selections[:len(selections) - len(reader._cell_flags)]
    return [s.cursor.selectedText() for s in marks]
