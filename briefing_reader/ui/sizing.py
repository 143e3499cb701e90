"""Sizes that follow the text size: a field that keeps several lines, a
panel that scrolls when the text is large."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QFrame, QPlainTextEdit, QScrollArea, QTextEdit, QWidget


class _KeepLines(QObject):
    def __init__(self, edit: QPlainTextEdit | QTextEdit, lines: int) -> None:
        super().__init__(edit)
        self.lines = lines
        self.fit(edit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange and isinstance(
            watched, (QPlainTextEdit, QTextEdit)
        ):
            self.fit(watched)
        return False

    def fit(self, edit: QPlainTextEdit | QTextEdit) -> None:
        margin = edit.document().documentMargin()
        height = self.lines * edit.fontMetrics().lineSpacing() + 2 * margin + 2 * edit.frameWidth()
        edit.setMinimumHeight(int(height))


def keep_lines(edit: QPlainTextEdit | QTextEdit, lines: int) -> None:
    """``edit`` never shrinks below ``lines`` lines of its current font."""
    edit.installEventFilter(_KeepLines(edit, lines))


def scrolling(panel: QWidget, sideways: bool = False) -> QScrollArea:
    """``panel`` in a scroll area without a frame: at large text sizes a
    tall panel scrolls instead of making the window taller than the screen;
    ``sideways``: a wide one scrolls too (else the window makes room)."""
    area = QScrollArea(panel.parentWidget())
    area.setWidget(panel)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F6 and Tab go to the panel's fields
    if not sideways:  # the window gives the column this panel's width
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setAccessibleName(panel.accessibleName())
    follower = _FollowFocus(area)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.focusChanged.connect(follower.follow)
    return area


class _FollowFocus(QObject):
    """Alt+letter or F6 into a field scrolled out of sight: scroll to it.
    (A QObject slot: Qt disconnects it when the area is deleted.)"""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self.area = area

    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.area.isAncestorOf(new):
            self.area.ensureWidgetVisible(new)
