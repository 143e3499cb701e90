"""A small dialog asking for a highlight's note (optional, Enter saves) and
whether it is a key figure ("kerncijfer") for the debate card."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class NoteField(QPlainTextEdit):
    """Enter submits (as in a one-line field); Shift+Enter starts a new line."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class NoteDialog(QDialog):
    """The note of a highlight; empty is fine (a highlight without a note)."""

    def __init__(
        self, parent: QWidget | None, title: str, text: str = "", key_figure: bool | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(
            self.tr("&Note (optional). Enter saves; Shift+Enter starts a new line."), self
        )
        label.setWordWrap(True)
        self.field = NoteField(self)
        self.field.setAccessibleName(self.tr("Note"))
        self.field.setTabChangesFocus(True)
        self.field.setPlainText(text)
        self.field.moveCursor(self.field.textCursor().MoveOperation.End)
        self.field.submitted.connect(self.accept)
        label.setBuddy(self.field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.field)
        self.key_figure: QCheckBox | None = None
        if key_figure is not None:
            self.key_figure = QCheckBox(self.tr("&Key figure (on the debate card)"), self)
            self.key_figure.setChecked(key_figure)
            layout.addWidget(self.key_figure)
        layout.addWidget(buttons)
        self.resize(420, 180)
        self.field.setFocus()

    def text(self) -> str:
        return self.field.toPlainText().strip()


def ask_note(parent: QWidget | None, title: str, text: str = "") -> str | None:
    """The note the user typed ('' for none), or None when cancelled."""
    dialog = NoteDialog(parent, title, text)
    try:
        return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def ask_highlight(
    parent: QWidget | None, title: str, text: str = "", key_figure: bool = False
) -> tuple[str, bool] | None:
    """The note ('' for none) and whether it is a key figure, or None when cancelled."""
    dialog = NoteDialog(parent, title, text, key_figure)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.text(), bool(dialog.key_figure and dialog.key_figure.isChecked())
    finally:
        dialog.deleteLater()
