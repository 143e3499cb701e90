"""Start-up in two steps: the letter first, then notes, search and the rest."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from briefing_reader import paths
from briefing_reader.app import FirstPaint, attach_features, build_frame, open_notes
from briefing_reader.core.notes import action_target, anchor_range
from briefing_reader.ui.main_window import MainWindow

LETTER = "kst-32824-456"


def shown_frame(qtbot: QtBot) -> MainWindow:
    """What the app paints first, the way run_gui does it."""
    window = build_frame(paths.resolve())
    qtbot.addWidget(window)
    window.restore_geometry()
    window.resize(1200, 800)
    window.show()
    window.restore_place()
    qtbot.waitExposed(window)
    return window


def test_the_first_paint_has_the_letter_and_its_contents(qtbot: QtBot) -> None:
    window = shown_frame(qtbot)
    assert window.reader.document_shown is not None
    assert window.reader.document_shown.id == LETTER
    assert "Actieagenda" in window.reader.toPlainText()
    assert (LETTER, "actie-verandering-van-binnenuit") in window.toc._items
    assert not window.features_ready
    assert window.file_menu.isEmpty()  # import and print come with the features
    window.close()


def test_features_arrive_with_badges_highlights_and_menus(qtbot: QtBot) -> None:
    store, _message = open_notes(paths.resolve())
    assert store is not None
    frame = build_frame(paths.resolve())
    qtbot.addWidget(frame)
    letter = frame.library.get(LETTER)
    assert letter is not None
    store.update_action(action_target(letter, "actie-verandering-van-binnenuit"), stance="Steunen")
    start = letter.plain_text.index("statushouders")
    store.add_highlight(anchor_range(letter, start, start + len("statushouders")))
    store.close()

    window = shown_frame(qtbot)
    assert "Steunen" not in window.reader.toPlainText()
    attach_features(window, paths.resolve())
    assert window.features_ready
    assert "Steunen" in window.reader.toPlainText()  # the badge on the action box
    assert "Steunen" in window.toc._items[(LETTER, "actie-verandering-van-binnenuit")].text(0)
    marks = [s.cursor.selectedText() for s in window.reader.extraSelections()]
    assert "statushouders" in marks
    assert not window.file_menu.isEmpty()
    assert window.side_tabs.count() == 2  # contents and search
    window.close()


def test_the_reading_place_comes_back_before_the_notes_open(qtbot: QtBot) -> None:
    window = shown_frame(qtbot)
    attach_features(window, paths.resolve())
    window.navigate(LETTER, "s-2-2")
    place = window.current_place()
    window.close()

    again = shown_frame(qtbot)
    assert not again.features_ready
    assert again.current_place() == place
    again.close()


@pytest.mark.parametrize("fraction", [0.0, 0.1, 0.37, 0.5, 0.83, 1.0])
def test_top_position_agrees_with_a_scan_of_every_block(qtbot: QtBot, fraction: float) -> None:
    window = shown_frame(qtbot)
    reader, qdoc = window.reader, window.reader.document()
    layout = qdoc.documentLayout()
    bar = reader.verticalScrollBar()
    bar.setValue(int(bar.maximum() * fraction))
    tops = [layout.blockBoundingRect(qdoc.findBlockByNumber(n)).top()
            for n in range(qdoc.blockCount())]
    expected = max([0] + [n for n, top in enumerate(tops) if top <= bar.value() + 1])
    got = qdoc.findBlock(reader.top_position()).blockNumber()
    # Where the view starts in a block's bottom margin, the next block is the top.
    assert got in (expected, expected + 1)
    window.close()


def test_first_paint_calls_back_once_after_a_paint(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[bool] = []
    FirstPaint(widget, lambda: calls.append(widget.isVisible()))
    widget.show()
    qtbot.waitUntil(lambda: calls == [True])
    widget.repaint()  # a second paint, at once
    queued: list[int] = []
    QTimer.singleShot(0, lambda: queued.append(1))
    qtbot.waitUntil(lambda: queued == [1])  # whatever that paint queued has run
    assert calls == [True]


def test_first_paint_falls_back_when_nothing_is_painted(qtbot: QtBot) -> None:
    widget = QWidget()  # never shown
    qtbot.addWidget(widget)
    calls: list[int] = []
    FirstPaint(widget, lambda: calls.append(1), fallback_ms=10)
    qtbot.waitUntil(lambda: calls == [1])


def test_a_damaged_place_in_the_settings_opens_at_the_top(qtbot: QtBot) -> None:
    window = shown_frame(qtbot)
    window.close()
    window.settings.setValue("reader/offset", "not a number")
    window.settings.sync()
    again = shown_frame(qtbot)
    assert again.reader.top_position() == 0
    again.close()


def test_the_action_opened_at_start_fills_the_panel_once_ready(qtbot: QtBot) -> None:
    window = build_frame(paths.resolve())
    qtbot.addWidget(window)
    window.show()
    window.restore_place(f"{LETTER}#actie-verandering-van-binnenuit")
    qtbot.waitExposed(window)
    attach_features(window, paths.resolve())
    assert window.annotations.panel.action_id == "actie-verandering-van-binnenuit"
    window.close()
