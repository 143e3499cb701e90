"""Start-up in two steps: the letter first, then notes, search and the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from briefing_reader import app as app_module
from briefing_reader import paths
from briefing_reader.app import (
    FirstPaint,
    after_first_paint,
    attach_features,
    build_frame,
    build_window,
    open_notes,
    start_features,
)
from briefing_reader.core.importing import import_files
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
    assert window.toc.index_of(LETTER, "actie-verandering-van-binnenuit").isValid()
    assert window.features is None
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
    assert window.features is not None
    assert "Steunen" in window.reader.toPlainText()  # the badge on the action box
    assert "Steunen" in window.toc.text_of(LETTER, "actie-verandering-van-binnenuit")
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
    assert again.features is None
    assert again.current_place() == place
    again.close()


@pytest.mark.parametrize("fraction", [0.0, 0.1, 0.37, 0.5, 0.83, 1.0])
def test_top_position_agrees_with_a_scan_of_every_block(qtbot: QtBot, fraction: float) -> None:
    window = shown_frame(qtbot)
    reader, qdoc = window.reader, window.reader.document()
    layout = qdoc.documentLayout()
    bar = reader.verticalScrollBar()
    bar.setValue(int(bar.maximum() * fraction))
    tops = [
        layout.blockBoundingRect(qdoc.findBlockByNumber(n)).top() for n in range(qdoc.blockCount())
    ]
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
    window.navigate(LETTER, "s-2-2")
    window.close()
    assert window.settings.value("reader/offset") not in (None, "0")
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


def test_typing_a_search_before_the_features_carries_over(qtbot: QtBot) -> None:
    window = shown_frame(qtbot)
    qtbot.keyClicks(window.toolbar_search, "statushouder")  # no search yet: nothing breaks
    attach_features(window, paths.resolve())
    assert window.side_tabs.currentIndex() == window.search.tab_index
    assert window.search.panel.field.text() == "statushouder"
    window.close()


def test_settings_wait_for_the_notes_store(qtbot: QtBot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from briefing_reader.ui import settings_dialog

    def refuse(*_args: object) -> None:
        raise AssertionError("the settings dialog opened without the notes store")

    monkeypatch.setattr(settings_dialog, "SettingsDialog", refuse)
    window = shown_frame(qtbot)
    window.settings_action.trigger()  # Ctrl+, works from the first paint
    window.close()


def test_a_window_closed_before_its_paint_starts_nothing(qtbot: QtBot) -> None:
    window = shown_frame(qtbot)
    window.close()
    assert after_first_paint(window, paths.resolve(), None) is False
    assert window.features is None
    assert not paths.resolve().notes_db.exists()


def test_a_failure_to_start_the_features_is_told_and_reading_goes_on(
    qtbot: QtBot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    told: list[str] = []

    def broken(*_args: object) -> None:
        raise OSError("disk on fire")

    monkeypatch.setattr(app_module, "attach_features", broken)
    monkeypatch.setattr(
        app_module.QMessageBox,
        "critical",
        lambda _parent, title, text: told.append(f"{title}: {text}"),
    )
    window = shown_frame(qtbot)
    assert start_features(window, paths.resolve()) is False
    assert told and "disk on fire" in told[0]
    assert window.reader.document_shown is not None
    window.navigate(LETTER, "s-2-2")  # the reader still works
    window.close()


def test_imported_letters_join_the_contents_after_the_start_up_check(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The first paint shows the bundled documents; once the files are checked
    in the background, "My documents" holds the imports (the real two steps)."""
    letter = tmp_path / "brief.md"
    letter.write_text(
        "---\nid: mijn-brief\nkind: imported\ntitle: Mijn brief\n---\n\n# Een\n\nTekst.\n",
        encoding="utf-8",
    )
    assert import_files(paths.resolve(), [letter]).results[0].ok
    first = build_window(paths.resolve())  # a start that catalogues it: files as they were
    qtbot.addWidget(first)
    first.close()
    window = shown_frame(qtbot)
    assert "My documents" not in top_rows(window)  # the first paint: bundled only
    assert after_first_paint(window, paths.resolve(), None)
    app_module.check_files(window)
    qtbot.waitUntil(lambda: "My documents" in top_rows(window), timeout=10_000)
    row = window.toc.contents.document_node("mijn-brief")  # no dossier: a row of the group
    assert row is not None and row.parent is not None and row.parent.title == "My documents"
    window.close()


def top_rows(window: MainWindow) -> list[str]:
    return [node.title for node in window.toc.contents.root.children or []]
