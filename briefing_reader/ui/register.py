"""The actions register: every action and sub-action in one sortable, filterable table.

Rows come from :func:`~briefing_reader.core.commitments.build_register`, the
member's stance, priority, note and questions from the notes store. Stance
and priority are edited in place; the write goes through the store and a
refused write leaves the old value standing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing_reader.core.commitments import ActionRow, build_register, row_due
from briefing_reader.core.commitments.register import with_notes
from briefing_reader.core.content import Library
from briefing_reader.core.content.citation import dutch_date
from briefing_reader.core.notes import DEFAULT_STANCES, PRIORITIES, NotesError, NotesStore
from briefing_reader.core.notes.anchors import action_target
from briefing_reader.ui.messages import message_text
from briefing_reader.ui.register_model import (
    ANY,
    COL_DEADLINES,
    COL_DOC,
    COL_FIRST,
    COL_ID,
    COL_NOTE,
    COL_ORGS,
    COL_PRIORITY,
    COL_QUESTIONS,
    COL_SECTION,
    COL_STANCE,
    COL_TITLE,
    NONE,
    ROW_ROLE,
    WIDTHS,
    ChoiceDelegate,
    RegisterEntry,
    RegisterFilter,
    RegisterModel,
)

# Title, stance and priority first; the technical id at the end.
SHOWN_ORDER = (
    COL_TITLE,
    COL_STANCE,
    COL_PRIORITY,
    COL_NOTE,
    COL_QUESTIONS,
    COL_DEADLINES,
    COL_SECTION,
    COL_FIRST,
    COL_ORGS,
    COL_DOC,
    COL_ID,
)


class ActionsRegisterView(QWidget):
    """The actions register: every action and sub-action of the library's letters.

    Sort by any column (click its header); filter by text, pillar, stance,
    "with note" and "overdue". Double-click or Enter opens an action (on the
    stance and priority columns a double-click edits them instead). Select
    several rows and press "Print as pack…" to print them.

    Args:
        library: the documents.
        store: the notes store, or None for a read-only register.
        today: the day "overdue" is measured against.
        parent: the parent widget.

    Signals:
        open_requested(str, str): the user asked to open an action (document
            id, action anchor).
        print_requested(list): the user asked to print the selected actions as
            a pack (their ids, in the order shown).
        annotation_saved(str, str): a stance or priority was saved in the
            store (document id, action id).
    """

    open_requested = Signal(str, str)
    print_requested = Signal(list)
    annotation_saved = Signal(str, str)

    def __init__(
        self,
        library: Library,
        store: NotesStore | None,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._store = store
        self._today = today
        headers = [
            self.tr("ID"),
            self.tr("Document"),
            self.tr("Pillar / section"),
            self.tr("Title"),
            self.tr("First sentence"),
            self.tr("Organisations"),
            self.tr("Deadlines"),
            self.tr("My stance"),
            self.tr("Priority"),
            self.tr("Note"),
            self.tr("Questions"),
        ]
        self._priority_labels = dict(
            zip(PRIORITIES, (self.tr("high"), self.tr("medium"), self.tr("low")), strict=True)
        )
        labels = {**self._priority_labels, "yes": self.tr("yes"), "no": self.tr("no")}
        self.model = RegisterModel(headers, labels, self)
        if store is not None and not store.read_only:
            self.model.writer = self._write
        self.model.write_failed.connect(
            lambda why: self._show_error(
                self.tr("Not saved"), self.tr("The change was not saved; the old value stays."), why
            )
        )
        self.proxy = RegisterFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.text_filter = QLineEdit(self)
        self.text_filter.setPlaceholderText(self.tr("Filter actions…"))
        self.text_filter.setClearButtonEnabled(True)
        self.pillar_combo, self.stance_combo = QComboBox(self), QComboBox(self)
        self.pillar_combo.setAccessibleName(self.tr("Pillar"))
        self.stance_combo.setAccessibleName(self.tr("Stance"))
        for combo, chars in ((self.pillar_combo, 28), (self.stance_combo, 16)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(chars)
        self.note_check = QCheckBox(self.tr("With note"), self)
        self.overdue_check = QCheckBox(self.tr("Overdue"), self)
        self.overdue_check.setToolTip(
            self.tr("Actions with a commitment whose deadline has passed on {day}").format(
                day=dutch_date(self._today)
            )
        )
        self.count_label = QLabel(self)
        self.print_button = QPushButton(self.tr("Print as pack…"), self)
        self.print_button.setEnabled(False)
        bar = QHBoxLayout()
        bar.addWidget(self.text_filter, 1)
        for widget in (
            self.pillar_combo,
            self.stance_combo,
            self.note_check,
            self.overdue_check,
            self.count_label,
            self.print_button,
        ):
            bar.addWidget(widget)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Actions register"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # after the indicator: starts in reading order
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        for column, width in enumerate(WIDTHS):  # set for about 9 pt; wider for larger text
            heading = (
                header.fontMetrics().horizontalAdvance(
                    self.model.headerData(column, Qt.Orientation.Horizontal)
                )
                + 24
            )
            self.table.setColumnWidth(column, max(int(width * self._text_scale()), heading))
        for visual, column in enumerate(SHOWN_ORDER):  # what the member decides, first
            header.moveSection(header.visualIndex(column), visual)
        self.table.setItemDelegateForColumn(COL_STANCE, ChoiceDelegate(self._stances, self))
        self.table.setItemDelegateForColumn(
            COL_PRIORITY,
            ChoiceDelegate(
                lambda _current: [("—", ""), *((t, v) for v, t in self._priority_labels.items())],
                self,
            ),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.text_filter.textChanged.connect(lambda text: self.proxy.update(text=text))
        self.pillar_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.update(pillar=self.pillar_combo.currentData())
        )
        self.stance_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.update(stance=self.stance_combo.currentData())
        )
        self.note_check.toggled.connect(lambda on: self.proxy.update(with_note=on))
        self.overdue_check.toggled.connect(lambda on: self.proxy.update(overdue=on))
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_count)
        self.table.doubleClicked.connect(self._on_double_clicked)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # not while an editor has focus
            enter = QShortcut(QKeySequence(key), self.table)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(lambda: self._open(self.table.currentIndex()))
        self.table.selectionModel().selectionChanged.connect(self._update_print_button)
        self.print_button.clicked.connect(self._print)

    def _text_scale(self) -> float:
        return max(1.0, self.fontMetrics().averageCharWidth() / 7)

    def refresh(self) -> None:
        """Reload the rows from the library and the member's fields from the store."""
        selected = set(self.selected_ids())
        annotations: dict[tuple[str, str], Any] = {}
        statuses: dict[str, tuple[str, str]] = {}
        if self._store is not None:
            try:
                annotations = {
                    (a.doc_id, a.action_id): a
                    for a in self._store.action_annotations(include_imported=False)
                }
                statuses = {
                    key: (value.status, value.note)
                    for key, value in self._store.commitment_statuses().items()
                }
            except NotesError as exc:
                self._show_error(
                    self.tr("Notes not read"),
                    self.tr("Your stances and priorities could not be read."),
                    message_text(exc),
                )
        entries: list[RegisterEntry] = []
        sections: dict[tuple[str, str], int] = {}
        for row in build_register(self._library):
            note = annotations.get((row.doc, row.id))
            row = with_notes(
                row,
                stance=note.stance if note else None,
                priority=note.priority if note else None,
                has_note=bool(note and note.note.strip()),
                question_count=len(note.questions) if note else 0,
            )
            rank = sections.setdefault(
                (row.doc, row.section_id or row.pillar_id or ""), len(sections)
            )
            entries.append(RegisterEntry(row, row_due(row, self._today, statuses), rank))
        self.model.set_entries(entries)
        self._fill_filters(entries)
        self.select_ids(selected)

    def _fill_filters(self, entries: list[RegisterEntry]) -> None:
        pillars: dict[str, str] = {}
        docs = {e.row.doc for e in entries}
        for e in entries:
            if e.row.pillar_id:
                suffix = f" ({e.row.doc})" if len(docs) > 1 else ""
                pillars.setdefault(f"{e.row.doc}#{e.row.pillar_id}", (e.row.pillar or "") + suffix)
        stances = list(self._store.stances() if self._store is not None else DEFAULT_STANCES)
        stances += sorted({e.row.stance for e in entries if e.row.stance} - set(stances))
        for combo, everything, nothing, items in (
            (
                self.pillar_combo,
                self.tr("All pillars"),
                self.tr("No pillar"),
                [(text, key) for key, text in pillars.items()],
            ),
            (
                self.stance_combo,
                self.tr("All stances"),
                self.tr("No stance"),
                [(s, s) for s in stances],
            ),
        ):
            chosen = combo.currentData() or ANY
            with QSignalBlocker(combo):
                combo.clear()
                for text, value in [(everything, ANY), *items, (nothing, NONE)]:
                    combo.addItem(text, value)
                combo.setCurrentIndex(max(combo.findData(chosen), 0))
        self.proxy.update(
            pillar=self.pillar_combo.currentData(), stance=self.stance_combo.currentData()
        )

    def _stances(self, current: str) -> list[tuple[str, str]]:
        stances = list(self._store.stances() if self._store is not None else DEFAULT_STANCES)
        if current and current not in stances:
            stances.append(current)
        return [("—", ""), *((s, s) for s in stances)]

    def _write(self, row: ActionRow, field: str, value: str | None) -> ActionRow:
        assert self._store is not None
        doc = self._library.get(row.doc)
        if doc is None:
            raise NotesError(
                self.tr("The document {doc} is no longer in the library.").format(doc=row.doc)
            )
        target = action_target(doc, row.id)
        saved = (
            self._store.update_action(target, stance=value)
            if field == "stance"
            else self._store.update_action(target, priority=value)
        )
        self.annotation_saved.emit(row.doc, row.id)
        return with_notes(
            row,
            stance=saved.stance,
            priority=saved.priority,
            has_note=bool(saved.note.strip()),
            question_count=len(saved.questions),
        )

    def selected_ids(self) -> list[str]:
        """Ids of the selected actions, in the order shown."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.proxy.index(r, 0).data(ROW_ROLE).id for r in rows]

    def select_ids(self, ids: set[str] | list[str]) -> None:
        """Select the rows of these action ids (those shown)."""
        wanted = set(ids)
        selection = QItemSelection()
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, 0).data(ROW_ROLE).id in wanted:
                selection.select(
                    self.proxy.index(r, 0), self.proxy.index(r, self.proxy.columnCount() - 1)
                )
        self.table.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if not index.flags() & Qt.ItemFlag.ItemIsEditable:
            self._open(index)

    def _open(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, ActionRow):
            self.open_requested.emit(row.doc, row.id)

    def _update_print_button(self) -> None:
        self.print_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("{shown} of {total}").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )

    def _print(self) -> None:
        if ids := self.selected_ids():
            self.print_requested.emit(ids)

    def _show_error(self, title: str, text: str, reason: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setInformativeText(reason)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
