"""The data behind the actions register: rows, filter and the in-place editor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from briefing_reader.core.commitments import DUE_LATE, ActionRow
from briefing_reader.core.content.model import OutlineKind
from briefing_reader.core.notes import PRIORITIES, NotesError
from briefing_reader.ui import style
from briefing_reader.ui.messages import message_text
from briefing_reader.ui.timeline import date_range_text, due_colour

(
    COL_ID,
    COL_DOC,
    COL_SECTION,
    COL_TITLE,
    COL_FIRST,
    COL_ORGS,
    COL_DEADLINES,
    COL_STANCE,
    COL_PRIORITY,
    COL_NOTE,
    COL_QUESTIONS,
) = range(11)
WIDTHS = (170, 110, 210, 250, 300, 160, 210, 130, 80, 60, 80)
EDITABLE = {COL_STANCE: "stance", COL_PRIORITY: "priority"}
ROW_ROLE = Qt.ItemDataRole.UserRole
ANY, NONE = "\x00any", "\x00none"  # filter choices besides a stance or pillar
AnyIndex = QModelIndex | QPersistentModelIndex
Writer = Callable[[ActionRow, str, str | None], ActionRow]


@dataclass
class RegisterEntry:
    """A register row with what the table needs besides it.

    Attributes:
        row: the action's row, member's fields filled.
        due: its most urgent due status today ("te laat", ...).
        section_rank: position of its section in reading order.
        texts: the cells' texts (filled by the model).
    """

    row: ActionRow
    due: str
    section_rank: int
    texts: tuple[str, ...] = ()


class RegisterModel(QAbstractTableModel):
    """The register's rows; stance and priority editable when ``writer`` is set.

    Args:
        headers: the column titles.
        labels: shown text of stored values ("hoog" -> "high", "yes", "no").
        parent: the owner.

    Signals:
        write_failed(str): a stance or priority was not saved (the reason).
    """

    write_failed = Signal(str)

    def __init__(
        self, headers: list[str], labels: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._headers = headers
        self._labels = labels
        self.entries: list[RegisterEntry] = []
        self.writer: Writer | None = None

    def set_entries(self, entries: list[RegisterEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        for entry in entries:
            entry.texts = self._texts(entry.row)
        self.endResetModel()

    def _texts(self, row: ActionRow) -> tuple[str, ...]:
        return (
            row.id,
            row.doc,
            row.section or row.pillar or "",
            ("↳ " if row.kind == OutlineKind.SUBACTION else "") + row.title,
            row.first_sentence,
            ", ".join(row.organisations),
            "; ".join(d.phrase for d in row.deadlines),
            row.stance or "",
            self._labels.get(row.priority or "", row.priority or ""),
            self._labels["yes" if row.has_note else "no"],
            str(row.question_count or 0),
        )

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.writer is not None and index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry, column = self.entries[index.row()], index.column()
        row = entry.row
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.texts[column]
        if role == Qt.ItemDataRole.EditRole:
            return (getattr(row, EDITABLE[column]) or "") if column in EDITABLE else None
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_SECTION:
                return row.section_path
            if column == COL_DEADLINES and row.deadlines:
                return "\n".join(
                    f"{d.phrase}: {date_range_text(d.earliest, d.latest)}" for d in row.deadlines
                )
            return (
                entry.texts[column] if column in (COL_ID, COL_TITLE, COL_FIRST, COL_ORGS) else None
            )
        if role == Qt.ItemDataRole.ForegroundRole:
            dark = style.is_dark()
            if column == COL_DEADLINES and entry.due == DUE_LATE:
                return QBrush(QColor(due_colour(DUE_LATE, dark)))
            if (column == COL_NOTE and not row.has_note) or (
                column == COL_QUESTIONS and not row.question_count
            ):
                return QBrush(QColor(style.colours(dark)["muted"]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_NOTE, COL_QUESTIONS):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def sort_key(self, row_index: int, column: int) -> tuple[Any, ...]:
        """What a column sorts by; ties keep reading order (the order of ``entries``)."""
        entry = self.entries[row_index]
        row = entry.row
        keys: dict[int, Any] = {
            COL_DOC: row.doc,
            COL_SECTION: entry.section_rank,
            COL_TITLE: row.title.casefold(),
            COL_FIRST: row.first_sentence.casefold(),
            COL_ORGS: (not row.organisations, entry.texts[COL_ORGS].casefold()),
            COL_DEADLINES: min((d.latest for d in row.deadlines), default=dt.date.max),
            COL_STANCE: (row.stance is None, (row.stance or "").casefold()),
            COL_PRIORITY: PRIORITIES.index(row.priority)
            if row.priority in PRIORITIES
            else len(PRIORITIES),
            COL_NOTE: not row.has_note,
            COL_QUESTIONS: -(row.question_count or 0),
        }
        return (keys.get(column, row.id), row_index)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Save a stance or priority through the writer; False (old value kept) on failure."""
        field = EDITABLE.get(index.column())
        if role != Qt.ItemDataRole.EditRole or field is None or self.writer is None:
            return False
        entry = self.entries[index.row()]
        if (value or None) == getattr(entry.row, field):
            return False
        try:
            entry.row = self.writer(entry.row, field, value or None)
        except NotesError as exc:
            self.write_failed.emit(message_text(exc))
            return False
        entry.texts = self._texts(entry.row)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), COL_QUESTIONS))
        return True


class RegisterFilter(QSortFilterProxyModel):
    """Text, pillar, stance, "with note" and "overdue" filters over a :class:`RegisterModel`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.pillar = ANY  # "doc#pillar-id", ANY or NONE
        self.stance = ANY  # a stance, ANY or NONE
        self.with_note = False
        self.overdue = False

    def update(self, **changes: Any) -> None:
        """Change filters (the attributes of the same names) and filter again."""
        self.beginFilterChange()
        for name, value in changes.items():
            setattr(self, name, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _model(self) -> RegisterModel:
        model = self.sourceModel()
        assert isinstance(model, RegisterModel)
        return model

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        entry = self._model().entries[source_row]
        row = entry.row
        if not (
            self.pillar in (ANY, f"{row.doc}#{row.pillar_id}" if row.pillar_id else NONE)
            and self.stance in (ANY, row.stance or NONE)
            and (row.has_note or not self.with_note)
            and (entry.due == DUE_LATE or not self.overdue)
        ):
            return False
        haystack = " ".join((*entry.texts, row.section_path)).casefold()
        return all(word in haystack for word in self.text.casefold().split())

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        model = self._model()
        return model.sort_key(left.row(), left.column()) < model.sort_key(
            right.row(), right.column()
        )


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor offering (shown text, stored value) choices; picking one saves it."""

    def __init__(
        self, choices: Callable[[str], list[tuple[str, str]]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        for text, value in self._choices(str(index.data(Qt.ItemDataRole.EditRole))):
            combo.addItem(text, value)

        def chosen(_index: int) -> None:
            self.commitData.emit(combo)
            self.closeEditor.emit(combo)

        combo.activated.connect(chosen)
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
