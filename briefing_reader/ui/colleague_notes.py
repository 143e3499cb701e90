"""Colleagues' notes in the window (issue 16): a filter by author, a colour per
person, their action notes beside mine (read-only) and "Overnemen".

The filter is one choice for the whole window (all, mine, or one colleague);
the highlights list, the annotation panel and the highlights painted in the
text follow it. A person's colour comes from their creator id
(:mod:`briefing_reader.core.notes.colleagues`), so it is the same everywhere.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_reader.core.notes import ActionAnnotation, NotesStore
from briefing_reader.core.notes.colleagues import marker

ALL = ""
MINE = "mine"
ID_ROLE = Qt.ItemDataRole.UserRole
SWATCH_PX = 14


def background_of(widget: QWidget) -> str:
    """The list background the marker must stand out against (this theme's Base)."""
    return widget.palette().color(QPalette.ColorRole.Base).name()


def swatch(colour: str, outline: str = "#1b1b1b") -> QIcon:
    """A filled circle in the person's colour: their marker in lists. The thin
    outline keeps it visible on a selected row's highlight colour too."""
    pixmap = QPixmap(SWATCH_PX, SWATCH_PX)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(outline))
    painter.setBrush(QColor(colour))
    painter.drawEllipse(1, 1, SWATCH_PX - 3, SWATCH_PX - 3)
    painter.end()
    return QIcon(pixmap)


def shows(choice: str, key: str | None) -> bool:
    """Whether a note by ``key`` (None: mine) passes the filter ``choice``."""
    if choice == ALL:
        return True
    if choice == MINE:
        return key is None
    return key == choice


class AuthorFilter(QComboBox):
    """All / mine / each colleague by name, each with their colour."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Show notes of"))
        self.setToolTip(self.tr("Whose notes to show: everyone's, yours, or one colleague's"))
        self.currentIndexChanged.connect(lambda _i: self.chosen.emit(self.choice()))

    def choice(self) -> str:
        return str(self.currentData() or ALL)

    def fill(self, store: NotesStore | None, choice: str) -> None:
        """List the colleagues in ``store`` and select ``choice`` (silently)."""
        blocked = self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("Everyone"), ALL)
        self.addItem(self.tr("Mine"), MINE)
        background = background_of(self)
        for colleague in store.authors() if store is not None else ():
            self.addItem(swatch(marker(colleague.key, background)), colleague.name, colleague.key)
            self.setItemData(
                self.count() - 1,
                self.tr("%s: %d note(s)") % (colleague.name, colleague.count),
                Qt.ItemDataRole.ToolTipRole,
            )
        index = self.findData(choice)
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(blocked)


class ColleagueNotes(QWidget):
    """Colleagues' notes on the action the panel shows: read-only, with "Overnemen".

    Signals:
        copy_requested(str): take this colleague's note over into mine.
    """

    copy_requested = Signal(str)

    def __init__(self, store: NotesStore | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setAccessibleName(self.tr("Colleagues' notes"))
        heading = QLabel(self.tr("Colleagues' notes on this action (read-only)"), self)
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.filter = AuthorFilter(self)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Colleagues' notes on this action"))
        self.list.setWordWrap(True)
        # Room for three or four notes; the full text shows below the list.
        self.list.setMaximumHeight(7 * self.list.fontMetrics().lineSpacing())
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.detail.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.detail.setAccessibleName(self.tr("The colleague's note"))
        self.take_over = QPushButton(self.tr("Take over"), self)
        self.take_over.setAccessibleName(self.tr("Take over into my notes"))
        self.take_over.setToolTip(
            self.tr(
                "Copy this colleague's note into your own note "
                "on this action; theirs stays as it is"
            )
        )
        self.take_over.clicked.connect(self._take_over)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Show:"), self))
        row.addWidget(self.filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(heading)
        layout.addLayout(row)
        layout.addWidget(self.list)
        layout.addWidget(self.detail)
        layout.addWidget(self.take_over)
        self.show_notes([], {}, ALL)

    def follow_in_tab_order(self, before: QWidget) -> None:
        """Tab goes from ``before`` (the panel's last field) into this section."""
        chain = [before, self.filter, self.list, self.detail, self.take_over]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def show_notes(self, notes: list[ActionAnnotation], keys: dict[str, str], choice: str) -> None:
        """Show colleagues' ``notes`` on one action that pass ``choice``."""
        current = self.list.currentItem()
        keep = current.data(ID_ROLE) if current is not None else None
        self.list.clear()
        background = background_of(self.list)
        for note in notes:
            key = keys.get(note.id, note.imported_from or "")
            if note.is_mine or note.is_empty or not shows(choice, key):
                continue
            item = QListWidgetItem(swatch(marker(key, background)), self._label(note), self.list)
            item.setData(ID_ROLE, note.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, self._text(note))
            item.setToolTip(self.tr("Note of %s (read-only)") % note.author)
            if note.id == keep:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._show_current()

    def _label(self, note: ActionAnnotation) -> str:
        first = note.note.strip().splitlines()[0][:60] if note.note.strip() else ""
        parts = [part for part in (note.stance or "", first) if part]
        return f"{note.author}: " + " — ".join(parts)

    def _text(self, note: ActionAnnotation) -> str:
        lines = [self.tr("Note of %s (read-only)") % note.author]
        if note.stance:
            lines.append(self.tr("Stance: %s") % note.stance)
        if note.priority:
            lines.append(self.tr("Priority: %s") % note.priority)
        if note.note.strip():
            lines += ["", note.note.strip()]
        if note.questions:
            lines += ["", self.tr("Questions for the debate:")]
            lines += [f"• {question}" for question in note.questions]
        if note.tags:
            lines.append(self.tr("Tags: %s") % ", ".join(note.tags))
        return "\n".join(lines)

    def _show_current(self) -> None:
        item = self.list.currentItem()
        self.detail.setText(
            item.data(Qt.ItemDataRole.UserRole + 1)
            if item
            else self.tr("No colleague's note here.")
        )
        self.take_over.setEnabled(
            item is not None and self.store is not None and not self.store.read_only
        )

    def _take_over(self) -> None:
        item = self.list.currentItem()
        if item is not None and self.take_over.isEnabled():
            self.copy_requested.emit(item.data(ID_ROLE))
