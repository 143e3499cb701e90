"""Keyboard-only use: cycling the panes with F6, closing secondary windows
with Esc or Ctrl+W, Ctrl+Tab for a tab character in text fields, and the
mnemonic letters shown in labels and menus."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def first_focusable(pane: QWidget) -> QWidget | None:
    """The first widget in ``pane`` that Tab could reach (``pane`` itself first)."""

    def takes_focus(widget: QWidget) -> bool:
        return (
            widget.isVisible()
            and widget.isEnabled()
            and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        )

    proxy = pane.focusProxy()
    if proxy is not None and takes_focus(proxy):  # a pane that says where focus goes
        return proxy
    if takes_focus(pane):
        return pane
    widget = pane.nextInFocusChain()
    while widget is not None and widget is not pane:
        if pane.isAncestorOf(widget) and takes_focus(widget):
            return widget
        widget = widget.nextInFocusChain()
    return None


def in_sight(pane: QWidget) -> bool:
    """Shown and inside its window: a dock behind another's tab stays
    "visible", moved out of the window."""
    if not pane.isVisible():
        return False
    top_left = pane.mapTo(pane.window(), QPoint(0, 0))
    return pane.window().rect().intersects(QRect(top_left, pane.size()))


class PaneCycler(QObject):
    """F6 / Shift+F6: focus moves to the next / previous pane that is shown.

    ``panes`` is called each time: panes come and go (docks closed, the
    search tab chosen). A pane that holds nothing focusable (the annotation
    panel without an action) is skipped.
    """

    def __init__(self, parent: QObject, panes: Callable[[], list[QWidget]]) -> None:
        super().__init__(parent)
        self._panes = panes

    def current(self, panes: list[QWidget]) -> int:
        focus = QApplication.focusWidget()
        for index, pane in enumerate(panes):
            if focus is not None and (focus is pane or pane.isAncestorOf(focus)):
                return index
        return -1

    def step(self, direction: int) -> QWidget | None:
        """Focus the next pane in ``direction`` (+1 or -1); the widget focused."""
        panes = [pane for pane in self._panes() if in_sight(pane)]
        if not panes:
            return None
        here = self.current(panes)
        if here < 0 and direction < 0:
            here = 0
        for distance in range(1, len(panes) + 1):
            target = first_focusable(panes[(here + direction * distance) % len(panes)])
            if target is not None:
                target.setFocus(
                    Qt.FocusReason.TabFocusReason
                    if direction > 0
                    else Qt.FocusReason.BacktabFocusReason
                )
                return target
        return None


class _CloseOnEscape(QObject):
    """Closes the window when Esc reaches it: an Esc that a cell editor, a
    popup or a field used for itself never gets here."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and isinstance(watched, QWidget)
        ):
            watched.close()
            return True
        return False


def closable_by_keyboard(window: QWidget) -> None:
    """Esc and Ctrl+W (the platform's Close key) close ``window``."""
    window.installEventFilter(_CloseOnEscape(window))
    keys = {
        QKeySequence("Ctrl+W").toString(),
        *(key.toString() for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Close)),
    }
    for key in sorted(keys):
        shortcut = QShortcut(QKeySequence(key), window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(window.close)


class _TabLeaves(QObject):
    """Ctrl+Tab types a tab character; plain Tab moves on (setTabChangesFocus)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kinds = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
        if (
            event.type() in kinds
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            and isinstance(watched, (QPlainTextEdit, QTextEdit))
        ):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # ours, not a window shortcut's
                return False
            if not watched.isReadOnly():
                watched.insertPlainText("\t")
            return True
        return False


def tab_leaves(edit: QPlainTextEdit | QTextEdit) -> None:
    """Tab and Shift+Tab leave ``edit``; Ctrl+Tab inserts a tab character."""
    edit.setTabChangesFocus(True)
    edit.installEventFilter(_TabLeaves(edit))


# -- mnemonics ----------------------------------------------------------------

_MNEMONIC = re.compile(r"&(.)")


def mnemonic(text: str) -> str:
    """The letter after a single '&' (lower case), or ''."""
    for match in _MNEMONIC.finditer(text.replace("&&", "")):
        return match.group(1).lower()
    return ""


def menu_mnemonics(menu: QMenu | QMenuBar) -> list[tuple[str, str]]:
    """(letter, text) of every visible entry of ``menu`` (not its submenus)."""
    return [
        (mnemonic(action.text()), action.text())
        for action in menu.actions()
        if action.isVisible() and not action.isSeparator() and mnemonic(action.text())
    ]
