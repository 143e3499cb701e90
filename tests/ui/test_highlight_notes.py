"""Highlights explain themselves: the note on hover, editing it afterwards,
Ctrl+H asking for an optional note; flagged table cells say their totals."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QPushButton, QToolTip
from pytestqt.qtbot import QtBot

from briefing_reader.core.notes import anchor_quote
from briefing_reader.ui import help
from briefing_reader.ui.main_window import MainWindow
from briefing_reader.ui.note_dialog import NoteDialog
from tests.ui.conftest import table_flags

LETTER = "kst-32824-456"
QUOTE = "Taal is de basis van een goede integratie in Nederland."


def point_at(window: MainWindow, position: int) -> QPoint:
    """A viewport point on the character at Qt ``position`` (scrolled into view)."""
    window.reader.scroll_to_position(position)
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(position)
    rect = window.reader.cursorRect(cursor)
    return QPoint(rect.left() + 4, rect.center().y())


def hover(window: MainWindow, point: QPoint) -> str:
    viewport = window.reader.viewport()
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    )
    return QToolTip.text() if QToolTip.isVisible() else ""


def answer_note(qtbot: QtBot, typed: str, clear: bool = False) -> list[str]:
    """When the note dialog opens: type ``typed`` and press Enter. Returns
    what the dialog showed first."""
    seen: list[str] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NoteDialog)
        seen.append(dialog.field.toPlainText())
        if clear:
            dialog.field.clear()
        qtbot.keyClicks(dialog.field, typed)
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)
    return seen


def select(window: MainWindow, text: str) -> int:
    found = window.reader.document().find(text)
    assert not found.isNull()
    window.reader.setTextCursor(found)
    return found.selectionStart()


def only_highlight(window: MainWindow):  # type: ignore[no-untyped-def]
    assert window.store is not None
    [highlight] = window.store.highlights(LETTER)
    return highlight


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    window.activateWindow()
    window.reader.setFocus()
    qtbot.keyClick(window.reader, key, modifiers)


def test_ctrl_h_asks_for_an_optional_note_and_enter_saves_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    start = select(window, QUOTE)
    seen = answer_note(qtbot, "Waarom nu pas?")
    press(qtbot, window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert seen == [""]  # an empty field: the note is optional
    highlight = only_highlight(window)
    assert highlight.anchor.quote.exact == QUOTE and highlight.note == "Waarom nu pas?"
    assert hover(window, point_at(window, start + 3)) == "Waarom nu pas?"


def test_enter_alone_highlights_without_a_note(window: MainWindow, qtbot: QtBot) -> None:
    select(window, QUOTE)
    answer_note(qtbot, "")
    press(
        qtbot,
        window,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    highlight = only_highlight(window)
    assert highlight.anchor.quote.exact == QUOTE and highlight.note == ""


def test_the_note_is_edited_from_the_highlights_list(window: MainWindow, qtbot: QtBot) -> None:
    doc = window.library.get(LETTER)
    assert window.store is not None and doc is not None
    window.store.add_highlight(anchor_quote(doc, QUOTE), note="Eerste gedachte")
    marks = window.annotations.marks
    marks.refresh()
    window.annotations.paint_highlights()
    marks.highlight_list.setCurrentRow(0)
    seen = answer_note(qtbot, "Tweede gedachte", clear=True)
    button = next(b for b in marks.widget(0).findChildren(QPushButton) if b.text() == "Note…")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert seen == ["Eerste gedachte"]
    assert only_highlight(window).note == "Tweede gedachte"
    assert "Tweede gedachte" in marks.highlight_list.item(0).text()
    start = window.reader.document().find(QUOTE).selectionStart()
    assert hover(window, point_at(window, start + 3)) == "Tweede gedachte"


def test_the_note_is_edited_from_the_highlight_in_the_text(
    window: MainWindow, qtbot: QtBot
) -> None:
    doc = window.library.get(LETTER)
    assert window.store is not None and doc is not None
    window.store.add_highlight(anchor_quote(doc, QUOTE), note="")
    window.annotations.paint_highlights()
    start = window.reader.document().find(QUOTE).selectionStart()
    menu = window.annotations.context_menu(point_at(window, start + 5))
    edit = next(a for a in menu.actions() if a.text() == "Edit the highlight's note…")
    answer_note(qtbot, "Navragen bij SZW")
    edit.trigger()
    assert only_highlight(window).note == "Navragen bij SZW"
    elsewhere = window.annotations.context_menu(QPoint(2, 2))  # no highlight there
    assert all(a.text() != "Edit the highlight's note…" for a in elsewhere.actions())


def test_a_total_that_does_not_add_up_says_both_totals_on_hover(window: MainWindow) -> None:
    flags = table_flags(window.reader)
    assert flags, "the letter's finance table has a total that does not add up"
    cell = flags[0].cursor
    text = hover(window, point_at(window, cell.selectionStart()))
    assert text.startswith("Does not add up")
    assert "printed" in text and "sum to" in text
    assert text == flags[0].format.toolTip()


def test_help_says_which_key_highlights_with_a_note(window: MainWindow) -> None:
    assert "Ctrl+H" in help.welcome_html() and "optional" in help.welcome_html()
    shortcuts = help.shortcuts_html(window)
    assert "Highlight with an optional note" in shortcuts
    assert "Ctrl+H, Ctrl+Shift+H" in shortcuts


def test_flags_stay_when_a_new_badge_re_renders_the_letter(window: MainWindow) -> None:
    before = [f.format.toolTip() for f in table_flags(window.reader)]
    assert before
    window.reader.rerender({"actie-startbanen": "Kritisch"})
    after = table_flags(window.reader)
    assert [f.format.toolTip() for f in after] == before
    cell = after[0].cursor
    assert hover(window, point_at(window, cell.selectionStart())) == before[0]
