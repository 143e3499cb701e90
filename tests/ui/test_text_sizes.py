"""The window at text sizes 8 to 20 pt: the text stays the widest pane, the note
keeps several lines, titles are reachable, and 10 pt again restores everything."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from briefing_reader.ui import settings as ui_settings
from briefing_reader.ui.main_window import MainWindow
from briefing_reader.ui.toc import ACTION_MARK, KIND_ROLE
from tests.conftest import LETTER_ID


@pytest.fixture
def sized(window: MainWindow) -> Iterator[MainWindow]:
    window.navigate(LETTER_ID, "actie-taaleis-in-de-bijstand")
    yield window
    window.settings.setValue(ui_settings.FONT_SIZE.key, 0)
    window.apply_appearance()


def set_size(window: MainWindow, qtbot: QtBot, points: int) -> None:
    window.settings.setValue(ui_settings.FONT_SIZE.key, points)
    with qtbot.waitSignal(window.panes_balanced):
        window.apply_appearance()
    panel = window.annotations.panel
    qtbot.waitUntil(lambda: panel.width() >= panel.minimumSizeHint().width())


def layout(window: MainWindow) -> dict[str, int]:
    panel = window.annotations.panel
    return {
        "side": window.side_tabs.width(),
        "reader": window.reader.width(),
        "dock": window.annotation_dock.width(),
        "note": panel.note.height(),
        "title": panel.title.height(),
    }


def check(window: MainWindow, points: int) -> None:
    sizes = layout(window)
    assert sizes["reader"] > max(sizes["side"], sizes["dock"]), (points, sizes)
    assert not window.reader.horizontalScrollBar().isVisible()
    area = window.annotation_dock.widget()
    assert isinstance(area, QScrollArea)
    for panel in (window.annotations.panel, window.annotations.marks):
        assert panel.width() >= panel.minimumSizeHint().width(), points  # nothing cut
    note = window.annotations.panel.note
    assert note.height() >= 3 * note.fontMetrics().lineSpacing(), points
    reader = window.reader
    assert reader.width() >= 30 * reader.fontMetrics().averageCharWidth()


def titles_are_reachable(window: MainWindow) -> None:
    """Cut titles are elided; the tooltip holds the whole title."""
    for index in contents_rows(window):
        if index.data(KIND_ROLE) == "group":  # "Recently opened", "My documents"
            continue
        title = str(index.data()).removeprefix(ACTION_MARK).removeprefix("• ").split("  ✎")[0]
        tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
        assert title in tip.replace("\n", " "), title


def contents_rows(window: MainWindow) -> list[QModelIndex]:
    """Every row of the contents model that is loaded."""
    model, rows = window.toc.model(), []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            rows.append(index)
            walk(index)

    walk(QModelIndex())
    return rows


def drawn_size(widget: QWidget, font: QFont) -> int:
    """The point size an item font is drawn in: its set attributes over the view's."""
    return font.resolve(widget.font()).pointSize()


def test_layout_holds_from_8_to_20_points_and_10_restores_it(
    sized: MainWindow, qtbot: QtBot
) -> None:
    window = sized
    set_size(window, qtbot, 10)
    at_ten = layout(window)
    check(window, 10)
    for points in (8, 14, 20):
        set_size(window, qtbot, points)
        check(window, points)
    titles_are_reachable(window)
    set_size(window, qtbot, 10)
    check(window, 10)
    again = layout(window)
    for name, size in at_ten.items():
        assert abs(again[name] - size) <= 2, (name, at_ten, again)
    shown = [w for w in window.findChildren(QWidget) if w.isVisible()]
    assert {w.font().pointSize() for w in shown} == {10}
    fonts = [index.data(Qt.ItemDataRole.FontRole) for index in contents_rows(window)]
    assert {drawn_size(window.toc, font) for font in fonts if font is not None} <= {10}
    assert QApplication.font().pointSize() == 10
