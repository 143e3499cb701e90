"""Keyboard-only use: panes, fields, mnemonics, closing windows, accessible names."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from briefing_reader.ui import keyboard
from briefing_reader.ui.main_window import MainWindow
from briefing_reader.ui.register_model import COL_STANCE
from briefing_reader.ui.toc import ANCHOR_ROLE, KIND_ROLE
from tests.conftest import LETTER_ID

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ACTION = "actie-taaleis-in-de-bijstand"


def press(
    qtbot: QtBot,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> QWidget:
    """One key, where the keyboard focus is (as a user's key press goes)."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)
    return QApplication.focusWidget()


def focused_in(pane: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is pane or pane.isAncestorOf(focus))


def test_an_action_is_annotated_with_key_presses_only(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    window.toolbar_search.setFocus()
    for _ in range(5):  # F6 until the contents have the focus
        if press(qtbot, Qt.Key.Key_F6) is window.toc:
            break
    assert QApplication.focusWidget() is window.toc
    press(qtbot, Qt.Key.Key_Home)
    tree = window.toc
    for _ in range(200):  # arrow down the tree, opening branches, to the first action
        index = tree.currentIndex()
        if index.isValid() and index.data(KIND_ROLE) == "action":
            break
        if index.isValid() and tree.model().hasChildren(index) and not tree.isExpanded(index):
            press(qtbot, Qt.Key.Key_Right)
        else:
            press(qtbot, Qt.Key.Key_Down)
    index = tree.currentIndex()
    assert index.data(KIND_ROLE) == "action"
    action_id = index.data(ANCHOR_ROLE)
    press(qtbot, Qt.Key.Key_Return)
    panel = window.annotations.panel
    assert panel.action_id == action_id

    assert press(qtbot, Qt.Key.Key_F6) is window.reader
    assert press(qtbot, Qt.Key.Key_F6) is panel.stance
    press(qtbot, Qt.Key.Key_Down)  # the first stance after "(no stance)"
    stance = panel.stance.currentData()
    assert stance
    assert press(qtbot, Qt.Key.Key_O, ALT) is panel.note
    qtbot.keyClicks(panel.note, "Vraag naar de kosten")
    assert press(qtbot, Qt.Key.Key_Q, ALT) is panel.question_input
    qtbot.keyClicks(panel.question_input, "Wat kost dit?")
    press(qtbot, Qt.Key.Key_Return)

    store = window.store
    assert store is not None
    qtbot.waitUntil(
        lambda: (
            (saved := store.action_annotation(LETTER_ID, action_id)) is not None
            and saved.questions == ("Wat kost dit?",)
        ),
        timeout=3000,
    )
    saved = store.action_annotation(LETTER_ID, action_id)
    assert saved is not None
    assert (saved.stance, saved.note) == (stance, "Vraag naar de kosten")


def test_f6_cycles_the_shown_panes_and_shift_f6_goes_back(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    window.navigate(LETTER_ID, ACTION)
    window.toc.setFocus()
    panel, marks = window.annotations.panel, window.annotations.marks
    order = [window.toc, window.reader, panel, marks]
    for pane in order[1:] + order[:1]:  # the notes-to-check dock is behind a tab
        press(qtbot, Qt.Key.Key_F6)
        assert focused_in(pane), QApplication.focusWidget()
    for pane in reversed(order):  # from the contents back to the highlights
        press(qtbot, Qt.Key.Key_F6, SHIFT)
        assert focused_in(pane), QApplication.focusWidget()
    window.marks_dock.hide()  # a closed dock is left out
    window.reader.setFocus()
    press(qtbot, Qt.Key.Key_F6)
    press(qtbot, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.toc


def test_ctrl_shift_a_goes_to_the_panel_and_alt_letters_to_its_fields(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.activateWindow()
    window.navigate(LETTER_ID, ACTION)
    window.annotation_dock.hide()
    window.reader.setFocus()
    panel = window.annotations.panel
    assert press(qtbot, Qt.Key.Key_A, CTRL | SHIFT) is panel.stance
    assert window.annotation_dock.isVisible()
    fields = {
        Qt.Key.Key_P: panel.priority,
        Qt.Key.Key_O: panel.note,
        Qt.Key.Key_Q: panel.question_input,
        Qt.Key.Key_T: panel.tags,
        Qt.Key.Key_S: panel.stance,
    }
    for key, field in fields.items():
        assert press(qtbot, key, ALT) is field, key


def test_tab_in_the_reader_moves_on_without_scrolling(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    window.navigate(LETTER_ID, ACTION)
    window.reader.setFocus()
    bar = window.reader.verticalScrollBar()
    scrolled = bar.value()
    assert scrolled > 0
    assert focused_in(window.annotations.panel) is False
    press(qtbot, Qt.Key.Key_Tab)
    assert focused_in(window.annotations.panel)
    assert bar.value() == scrolled
    window.reader.setFocus()
    press(qtbot, Qt.Key.Key_Backtab, SHIFT)
    assert QApplication.focusWidget() is window.toc
    assert bar.value() == scrolled


def test_ctrl_tab_steps_to_a_link_in_view(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    window.navigate(LETTER_ID, "s-2-2")
    window.reader.setFocus()
    top = window.reader.top_position()
    press(qtbot, Qt.Key.Key_Tab, CTRL)
    cursor = window.reader.textCursor()
    assert QApplication.focusWidget() is window.reader
    assert cursor.hasSelection() and cursor.charFormat().isAnchor()
    assert cursor.selectionStart() >= top  # from the view, not from the letter's top


def test_tab_leaves_the_note_and_ctrl_tab_types_a_tab(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    window.navigate(LETTER_ID, ACTION)
    panel = window.annotations.panel
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "a")
    press(qtbot, Qt.Key.Key_Tab, CTRL)
    qtbot.keyClicks(panel.note, "b")
    assert panel.note.toPlainText() == "a\tb"
    assert press(qtbot, Qt.Key.Key_Tab) is not panel.note
    assert panel.note.toPlainText() == "a\tb"
    assert "\t" not in panel.tags.text()


def test_tab_leaves_every_multi_line_field(window: MainWindow, qtbot: QtBot) -> None:
    from briefing_reader.ui.settings_dialog import SettingsDialog

    assert window.paths is not None
    dialog = SettingsDialog(window.settings, window.store, window.paths, window)
    qtbot.addWidget(dialog)
    timeline = window.overviews.show_timeline()
    for field in (dialog.stances, timeline.note_edit, window.annotations.panel.note):
        assert field.tabChangesFocus(), field.accessibleName()


@pytest.mark.parametrize(
    "key", [(Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_W, CTRL)]
)
def test_escape_and_ctrl_w_close_the_secondary_windows(
    window: MainWindow,
    qtbot: QtBot,
    key: tuple[Qt.Key, Qt.KeyboardModifier],
) -> None:
    from briefing_reader.ui import help

    window.overviews.show_register()
    window.overviews.show_timeline()
    frames = [
        window.overviews.register_window,
        window.overviews.timeline_window,
        help.show_html(window, "Help", help.shortcuts_html(window)),
    ]
    for frame in frames:
        assert frame is not None
        frame.activateWindow()
        qtbot.waitUntil(frame.isActiveWindow)
        inner = keyboard.first_focusable(frame) or frame
        inner.setFocus()
        qtbot.keyClick(inner, *key)
        assert not frame.isVisible(), frame.windowTitle()


def test_escape_in_a_cell_editor_leaves_the_register_open(window: MainWindow, qtbot: QtBot) -> None:
    view = window.overviews.show_register()
    frame = window.overviews.register_window
    assert frame is not None
    qtbot.waitUntil(frame.isActiveWindow)
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, COL_STANCE))
    view.table.edit(view.table.currentIndex())
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert frame.isVisible()


def test_f1_lists_pane_navigation_and_the_new_keys(window: MainWindow) -> None:
    from briefing_reader.ui import help

    html = help.shortcuts_html(window)
    for key in (
        "F6",
        "Shift+F6",
        "Ctrl+Shift+A",
        "Tab, Shift+Tab",
        "Ctrl+Tab",
        "Esc, Ctrl+W",
        "Alt+S",
        "Alt+P",
        "Alt+O",
        "Alt+Q",
        "Alt+T",
        "Ctrl+Shift+H",
    ):
        assert re.search(rf"<b>([^<]*, )?{re.escape(key)}", html), key


def test_f1_dialog_is_as_tall_as_its_text_needs(window: MainWindow, qtbot: QtBot) -> None:
    from briefing_reader.ui import help

    dialog = help.show_html(window, "About", "<p>short</p>")
    qtbot.waitExposed(dialog)
    assert dialog.height() < 300
    long = help.show_html(window, "Help", help.shortcuts_html(window))
    qtbot.waitExposed(long)
    bar = long.findChildren(help.OfflineBrowser)[0].verticalScrollBar()
    screen = long.screen().availableGeometry().height()
    assert bar.maximum() == 0 or long.height() >= screen * 0.8


# -- mnemonics, in both languages ---------------------------------------------


def duplicates(letters: list[tuple[str, str]]) -> list[str]:
    counts = Counter(letter for letter, _text in letters)
    return [text for letter, text in letters if counts[letter] > 1]


def test_mnemonics_are_unique_in_menus_and_the_panel(language_window: MainWindow) -> None:
    win = language_window
    bar = keyboard.menu_mnemonics(win.menuBar())
    panel = [
        (keyboard.mnemonic(label.text()), label.text())
        for label in win.annotations.panel.findChildren(QLabel)
        if keyboard.mnemonic(label.text())
    ]
    assert len(bar) == 6 and len(panel) == 5
    assert duplicates(bar + panel) == []  # Alt+letter reaches one thing in the window
    menus = [action.menu() for action in win.menuBar().actions()]
    menus += [action.menu() for menu in menus for action in menu.actions() if action.menu()]
    for menu in menus:
        assert duplicates(keyboard.menu_mnemonics(menu)) == [], menu.title()
    stance = next(
        label
        for label in win.annotations.panel.findChildren(QLabel)
        if label.buddy() is win.annotations.panel.stance
    )
    assert keyboard.mnemonic(stance.text()) == "s"  # Alt+S: the stance, in both languages


def test_mnemonics_are_unique_in_the_settings_dialog(
    language_window: MainWindow, qtbot: QtBot
) -> None:
    from briefing_reader.ui.settings_dialog import SettingsDialog

    window = language_window
    assert window.paths is not None
    dialog = SettingsDialog(window.settings, window.store, window.paths, window)
    qtbot.addWidget(dialog)
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)]
    letters = [(keyboard.mnemonic(text), text) for text in texts if keyboard.mnemonic(text)]
    assert len(letters) >= 5
    assert duplicates(letters) == []


# -- accessible names -------------------------------------------------------------


def controls(pane: QWidget) -> list[QWidget]:
    """What a keyboard or screen-reader user meets: focusable widgets and buttons."""
    found = [pane] if pane.focusPolicy() & Qt.FocusPolicy.TabFocus else []
    for widget in pane.findChildren(QWidget):
        if isinstance(widget, QAbstractButton) or widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
    return found


def unnamed(widget: QWidget) -> bool:
    if widget.accessibleName():
        return False
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return False  # a button's text is its name
    return not any(label.buddy() is widget for label in widget.window().findChildren(QLabel))


def test_every_control_of_the_main_panes_has_an_accessible_name(window: MainWindow) -> None:
    panes = [
        window.toc,
        window.reader,
        window.annotations.panel,
        window.search.panel,
        window.toolbar_search,
        window.annotations.marks,
        window.annotations.review,
        window.side_tabs.tabBar(),
    ]
    missing = [
        f"{type(w).__name__} in {type(pane).__name__}"
        for pane in panes
        for w in controls(pane)
        if unnamed(w)
        and w.window() is pane.window()  # not a combo box's popup
        and not isinstance(w.parentWidget(), QLineEdit)
    ]  # a field's clear button
    assert missing == [], missing
