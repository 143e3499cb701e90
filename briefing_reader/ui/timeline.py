"""The commitments timeline: what the government promised, by when, and what is late.

Every commitment of the library (:func:`~briefing_reader.core.commitments.timeline`)
in order of its deadline, grouped by its due status on ``today``, with the
member's status (Openstaand, Voldaan, Deels voldaan, Vervallen) and a note
set in a small editor below the list and saved in the notes store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_reader.core.commitments import (
    DEFAULT_STATUS,
    DUE_CLOSED,
    DUE_LATE,
    DUE_LATER,
    DUE_SOON,
    DUE_UNDATED,
    DUE_VALUES,
    STATUSES,
    TimelineEntry,
    due_status,
    library_commitments,
    timeline,
)
from briefing_reader.core.commitments.links import linked_groups, paragraphs
from briefing_reader.core.commitments.scope import (
    Scope,
    commitment_document,
    scope_documents,
    timeline_scope,
)
from briefing_reader.core.content import Library
from briefing_reader.core.content.citation import MONTHS_NL, citation, dutch_date
from briefing_reader.core.notes import NotesError, NotesStore
from briefing_reader.ui import keyboard, style
from briefing_reader.ui.messages import message_text

#: Text colours for the due statuses, chosen for contrast on a light and a dark base.
DUE_COLOURS: dict[bool, dict[str, str]] = {
    False: {
        DUE_LATE: "#b3261e",
        DUE_SOON: "#8a4b00",
        DUE_LATER: "#1f5f99",
        DUE_UNDATED: "#5a5a5a",
        DUE_CLOSED: "#2e6b30",
    },
    True: {
        DUE_LATE: "#ff8a80",
        DUE_SOON: "#ffc870",
        DUE_LATER: "#9cc3f0",
        DUE_UNDATED: "#b0b0b0",
        DUE_CLOSED: "#a5d6a7",
    },
}
ID_ROLE = Qt.ItemDataRole.UserRole
COL_DUE, COL_WHEN, COL_PHRASE, COL_SENTENCE, COL_SECTION, COL_KAMER, COL_STATUS = range(7)
COL_DOCUMENT = 7  # last, so the other columns keep their places


def due_colour(due: str, dark: bool) -> str:
    """The text colour for a due status ("te laat", ...) on a light or dark base."""
    return DUE_COLOURS[dark].get(due, DUE_COLOURS[dark][DUE_UNDATED])


def date_range_text(earliest: dt.date | None, latest: dt.date | None) -> str:
    """Dutch dates: "4 juli 2025", "1 – 31 juli 2025", "1 september – 31 december 2025".

    Returns '' when there is no date.
    """
    if latest is None:
        return ""
    if earliest is None or earliest == latest:
        return dutch_date(latest)
    if earliest.year != latest.year:
        return f"{dutch_date(earliest)} – {dutch_date(latest)}"
    if earliest.month != latest.month:
        return f"{earliest.day} {MONTHS_NL[earliest.month - 1]} – {dutch_date(latest)}"
    return f"{earliest.day} – {dutch_date(latest)}"


class CommitmentsTimelineView(QWidget):
    """The commitments of a library by deadline, with the member's status of each.

    Args:
        library: the documents.
        store: the notes store, or None (statuses shown as Openstaand, not editable).
        today: the day the due status is measured against.
        parent: the parent widget.

    Signals:
        open_requested(str, str): the user asked to open a commitment's place
            (document id, paragraph anchor).
        status_saved(str, str): a status was saved in the store (commitment
            id, status).
    """

    open_requested = Signal(str, str)
    status_saved = Signal(str, str)

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
        self._entries: dict[str, TimelineEntry] = {}
        self._order: list[str] = []
        self._drafts: dict[str, tuple[str, str]] = {}
        self._links: dict[str, tuple[str, ...]] = {}  # the same promise elsewhere
        self.scope = Scope((), 0)
        self.linked_question: QMessageBox | None = None
        self._current: str | None = None
        self._due_labels = {
            DUE_LATE: self.tr("overdue"),
            DUE_SOON: self.tr("due soon"),
            DUE_LATER: self.tr("later"),
            DUE_UNDATED: self.tr("no date"),
            DUE_CLOSED: self.tr("done"),
        }
        self._status_labels = dict(
            zip(
                STATUSES,
                (
                    self.tr("Open"),
                    self.tr("Fulfilled"),
                    self.tr("Partly fulfilled"),
                    self.tr("Lapsed"),
                ),
                strict=True,
            )
        )
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.text_filter = QLineEdit(self)
        self.text_filter.setPlaceholderText(self.tr("Filter commitments…"))
        self.text_filter.setClearButtonEnabled(True)
        self.overdue_only = QCheckBox(self.tr("Only overdue"), self)
        self.kamer_only = QCheckBox(self.tr("Only to the Kamer"), self)
        self.count_label = QLabel(self)
        self.scope_label = QLabel(self)  # says so when not every letter is read
        self.scope_label.setWordWrap(True)
        self.scope_label.hide()
        self.document_filter = QComboBox(self)
        self.document_filter.setAccessibleName(self.tr("Only commitments of this document"))
        bar = QHBoxLayout()
        bar.addWidget(self.text_filter, 1)
        for widget in (self.document_filter, self.overdue_only, self.kamer_only, self.count_label):
            bar.addWidget(widget)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Commitments by deadline"))
        self.tree.setHeaderLabels(
            [
                self.tr("Due"),
                self.tr("When"),
                self.tr("Phrase"),
                self.tr("Commitment"),
                self.tr("Section"),
                self.tr("Kamer"),
                self.tr("My status"),
                self.tr("Document"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(0)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setMouseTracking(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in (COL_DUE, COL_WHEN, COL_KAMER, COL_STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_SENTENCE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(COL_PHRASE, 220)
        header.resizeSection(COL_SECTION, 230)
        self.editor = self._build_editor()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scope_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.editor)
        for signal in (
            self.text_filter.textChanged,
            self.overdue_only.toggled,
            self.kamer_only.toggled,
            self.document_filter.currentIndexChanged,
        ):
            signal.connect(self._rebuild)
        self.tree.currentItemChanged.connect(self._on_current_changed)
        self.tree.itemClicked.connect(self._on_clicked)
        self.tree.itemActivated.connect(self._on_activated)
        self.tree.itemEntered.connect(self._on_entered)

    def _build_editor(self) -> QGroupBox:
        box = QGroupBox(self.tr("My status"), self)
        self.sentence_label = QLabel(box)
        self.sentence_label.setWordWrap(True)
        self.sentence_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_combo = QComboBox(box)
        for status in STATUSES:
            self.status_combo.addItem(self._status_labels[status], status)
        self.note_edit = QPlainTextEdit(box)
        self.note_edit.setPlaceholderText(self.tr("Note on this status (optional)"))
        self.note_edit.setAccessibleName(self.tr("Note"))
        keyboard.tab_leaves(self.note_edit)
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.save_button = QPushButton(self.tr("Save status"), box)
        self.message_label = QLabel(box)
        self.message_label.setWordWrap(True)
        label = QLabel(self.tr("&Status:"), box)
        label.setBuddy(self.status_combo)
        row = QHBoxLayout()
        for widget, stretch in (
            (label, 0),
            (self.status_combo, 0),
            (self.message_label, 1),
            (self.save_button, 0),
        ):
            row.addWidget(widget, stretch)
        layout = QVBoxLayout(box)
        layout.addWidget(self.sentence_label)
        layout.addLayout(row)
        layout.addWidget(self.note_edit)
        self.status_combo.currentIndexChanged.connect(self._update_save_button)
        self.note_edit.textChanged.connect(self._update_save_button)
        self.save_button.clicked.connect(self.save_status)
        return box

    def changeEvent(self, event: QEvent) -> None:
        """Colour the due statuses anew when the palette turns light or dark."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "editor", None):
            self._rebuild()

    def refresh(self) -> None:
        """Reload commitments from the library and statuses from the store."""
        statuses: dict[str, tuple[str, str]] = {}
        message = ""
        if self._store is not None:
            try:
                statuses = {
                    key: (value.status, value.note)
                    for key, value in self._store.commitment_statuses().items()
                }
            except NotesError as exc:
                message = self.tr("Statuses not read: {reason}").format(reason=message_text(exc))
        self.scope = timeline_scope(self._library, self._noted_documents(statuses))
        documents = scope_documents(self._library, self.scope)  # the rest stays unparsed
        found = library_commitments(documents, errors=[])
        held = Library(documents={doc.id: doc for doc in documents})
        self._links = linked_groups(found, paragraphs(held))
        self._show_scope()
        entries = timeline(found, self._today, statuses)
        self._entries = {e.commitment.id: e for e in entries}
        self._order = [e.commitment.id for e in entries]
        self._fill_document_filter()
        self._rebuild()
        if message:
            self._show_message(message, error=True)

    def _noted_documents(self, statuses: dict[str, tuple[str, str]]) -> set[str]:
        """Documents with my statuses, notes or highlights (all in the timeline)."""
        noted = {commitment_document(cid) for cid in statuses}
        if self._store is not None:
            try:
                noted |= {a.doc_id for a in self._store.action_annotations()}
                noted |= {h.doc_id for h in self._store.highlights()}
            except NotesError:
                pass  # the statuses' message says the store is not readable
        return noted

    def _show_scope(self) -> None:
        self.scope_label.setVisible(not self.scope.complete)
        self.scope_label.setText(
            self.tr(
                "Reads {covered} of {letters} letters: those with actions or with your "
                "notes, and the {recent} most recent."
            ).format(
                covered=len(self.scope.documents),
                letters=self.scope.letters,
                recent=self.scope.recent,
            )
        )

    def entry(self, commitment_id: str) -> TimelineEntry | None:
        """The timeline entry of a commitment as shown now, or None."""
        return self._entries.get(commitment_id)

    def _items(self) -> Iterator[QTreeWidgetItem]:
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            assert group is not None
            yield from filter(None, (group.child(i) for i in range(group.childCount())))

    def visible_ids(self) -> list[str]:
        """Ids of the commitments the list shows, top to bottom."""
        return [item.data(0, ID_ROLE) for item in self._items()]

    def item_for(self, commitment_id: str) -> QTreeWidgetItem | None:
        """The list item of a commitment, if shown."""
        return next((i for i in self._items() if i.data(0, ID_ROLE) == commitment_id), None)

    def _fill_document_filter(self) -> None:
        """ "All documents" and each document that has commitments, keeping the choice."""
        chosen = self.document_filter.currentData()
        with QSignalBlocker(self.document_filter):
            self.document_filter.clear()
            self.document_filter.addItem(self.tr("All documents"), None)
            having = {e.commitment.doc for e in self._entries.values()}
            for doc_id in self.scope.documents:
                if doc_id in having:
                    self.document_filter.addItem(self._document_name(doc_id), doc_id)
            self.document_filter.setCurrentIndex(
                max(0, self.document_filter.findData(chosen)) if chosen else 0
            )

    def _document_name(self, doc_id: str) -> str:
        meta = self._library.meta(doc_id)  # the catalogue: nothing is parsed
        if meta is None:
            return doc_id
        return citation(meta) or meta.title

    def _accepts(self, entry: TimelineEntry) -> bool:
        c = entry.commitment
        chosen = self.document_filter.currentData()
        if chosen and c.doc != chosen:
            return False
        if self.overdue_only.isChecked() and entry.due != DUE_LATE:
            return False
        if self.kamer_only.isChecked() and not c.to_kamer:
            return False
        words = self.text_filter.text().casefold().split()
        haystack = " ".join(
            (
                c.sentence,
                c.phrase or "",
                c.section_path,
                c.doc,
                entry.note,
                self._status_labels[entry.status],
            )
        ).casefold()
        return all(word in haystack for word in words)

    def _rebuild(self) -> None:
        keep = self._current
        scroll = self.tree.verticalScrollBar().value()
        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[str, list[TimelineEntry]] = {due: [] for due in DUE_VALUES}
        shown = 0
        for cid in self._order:
            entry = self._entries[cid]
            if self._accepts(entry):
                groups[entry.due].append(entry)
                shown += 1
        dark = style.is_dark()
        for due, members in groups.items():
            if members:
                self._add_group(due, members, dark)
        self.tree.blockSignals(False)
        self.count_label.setText(
            self.tr("{shown} of {total} shown").format(shown=shown, total=len(self._order))
        )
        item = self.item_for(keep) if keep else None
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.verticalScrollBar().setValue(scroll)
        else:
            self._keep_draft()
            self._show_entry(None)

    def _font(self, *, bold: bool = False, underline: bool = False) -> QFont:
        font = QFont(self.tree.font())
        font.setBold(bold)
        font.setUnderline(underline)
        return font

    def _add_group(self, due: str, members: list[TimelineEntry], dark: bool) -> None:
        group = QTreeWidgetItem(self.tree)
        group.setText(0, f"{self._due_labels[due].capitalize()} ({len(members)})")
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        group.setFirstColumnSpanned(True)
        group.setFont(0, self._font(bold=True))
        group.setForeground(0, QBrush(QColor(due_colour(due, dark))))
        group.setExpanded(True)
        link = QColor(style.colours(dark)["link"])
        for entry in members:
            self._add_entry(group, entry, dark, link)

    def _add_entry(
        self, group: QTreeWidgetItem, entry: TimelineEntry, dark: bool, link: QColor
    ) -> None:
        c = entry.commitment
        item = QTreeWidgetItem(group)
        item.setData(0, ID_ROLE, c.id)
        item.setText(COL_DUE, self._due_labels[entry.due])
        item.setForeground(COL_DUE, QBrush(QColor(due_colour(entry.due, dark))))
        item.setFont(COL_DUE, self._font(bold=entry.due == DUE_LATE))
        item.setText(COL_WHEN, date_range_text(c.earliest, c.latest) or "—")
        item.setText(COL_PHRASE, c.phrase or "—")
        item.setText(COL_SENTENCE, c.sentence)
        item.setToolTip(COL_SENTENCE, c.sentence)
        item.setText(COL_SECTION, c.section_path.split(" > ")[-1])
        item.setToolTip(COL_SECTION, self.tr("Open {place}").format(place=c.section_path))
        item.setForeground(COL_SECTION, QBrush(link))
        item.setFont(COL_SECTION, self._font(underline=True))
        if c.to_kamer:
            item.setText(COL_KAMER, self.tr("to the Kamer"))
            item.setToolTip(
                COL_KAMER, self.tr("A promise to inform the Kamer or send it something")
            )
        item.setText(COL_DOCUMENT, self._document_name(c.doc))
        catalogued = self._library.entry(c.doc)
        item.setToolTip(COL_DOCUMENT, catalogued.title if catalogued else c.doc)
        status = self._status_labels[entry.status]
        item.setText(COL_STATUS, status + (" *" if entry.note else ""))
        if entry.note:
            item.setToolTip(COL_STATUS, entry.note)

    # -- interaction ----------------------------------------------------------

    def _on_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        cid = item.data(0, ID_ROLE)
        if cid and column == COL_SECTION:
            self._open(cid)

    def _on_activated(self, item: QTreeWidgetItem, column: int) -> None:
        cid = item.data(0, ID_ROLE)
        if cid and column != COL_SECTION:  # a click there already opened it
            self._open(cid)

    def _open(self, cid: str) -> None:
        c = self._entries[cid].commitment
        self.open_requested.emit(c.doc, c.anchor)

    def _on_entered(self, item: QTreeWidgetItem, column: int) -> None:
        viewport = self.tree.viewport()
        if item.data(0, ID_ROLE) and column == COL_SECTION:
            viewport.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            viewport.unsetCursor()

    def _on_current_changed(
        self, current: QTreeWidgetItem | None, previous: QTreeWidgetItem | None
    ) -> None:
        self._keep_draft()
        cid = current.data(0, ID_ROLE) if current is not None else None
        self._show_entry(cid or None)

    def _editor_values(self) -> tuple[str, str]:
        return str(self.status_combo.currentData()), self.note_edit.toPlainText()

    def _stored_values(self, cid: str) -> tuple[str, str]:
        entry = self._entries.get(cid)
        return (entry.status, entry.note) if entry else (DEFAULT_STATUS, "")

    def _keep_draft(self) -> None:
        """Keep an unsaved edit of the commitment being left, to show again later."""
        if self._dirty():
            assert self._current is not None
            self._drafts[self._current] = self._editor_values()

    def _show_entry(self, cid: str | None) -> None:
        self._current = cid
        editable = cid is not None and self._store is not None and not self._store.read_only
        entry = self._entries.get(cid) if cid else None
        values = self._drafts.get(cid, self._stored_values(cid)) if cid else (DEFAULT_STATUS, "")
        with QSignalBlocker(self.status_combo), QSignalBlocker(self.note_edit):
            self.status_combo.setCurrentIndex(max(self.status_combo.findData(values[0]), 0))
            self.note_edit.setPlainText(values[1])
        self.status_combo.setEnabled(editable)
        self.note_edit.setReadOnly(not editable)
        self.sentence_label.setText(
            f"“{entry.commitment.sentence}”"
            if entry
            else self.tr("Select a commitment to set its status.")
        )
        if self._store is None or self._store.read_only:
            self._show_message(self.tr("Notes are read-only: statuses cannot be changed."))
        elif cid in self._drafts:
            self._show_message(self.tr("Not saved yet."), error=True)
        else:
            self._show_message("")
        self._update_save_button()

    def _dirty(self) -> bool:
        return (
            self._current is not None
            and self.status_combo.isEnabled()
            and self._editor_values() != self._stored_values(self._current)
        )

    def _update_save_button(self) -> None:
        self.save_button.setEnabled(self._dirty())

    def _show_message(self, text: str, *, error: bool = False) -> None:
        colour = due_colour(DUE_LATE, style.is_dark()) if error else ""
        self.message_label.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")
        self.message_label.setText(text)

    def save_status(self) -> bool:
        """Save the editor's status and note for the selected commitment.

        Returns:
            True when saved; on failure the reason is shown and the edit kept.
        """
        cid = self._current
        if cid is None or self._store is None:
            return False
        status, note = self._editor_values()
        try:
            self._store.set_commitment_status(cid, status, note)
        except NotesError as exc:
            self._drafts[cid] = (status, note)
            self._show_message(
                self.tr("Not saved: {reason}. Your edit is kept; try again.").format(
                    reason=message_text(exc)
                ),
                error=True,
            )
            return False
        self._drafts.pop(cid, None)
        self._set_entry(cid, status, note)
        self._rebuild()
        self._show_message(self.tr("Saved."))
        self.status_saved.emit(cid, status)
        others = [
            o
            for o in self._links.get(cid, ())
            if o in self._entries and self._entries[o].status != status
        ]
        if others:
            self.ask_linked(cid, others, status, note)
        return True

    def _set_entry(self, cid: str, status: str, note: str) -> None:
        old = self._entries[cid]
        self._entries[cid] = TimelineEntry(
            old.commitment, status, note, due_status(old.commitment.latest, self._today, status)
        )

    def ask_linked(self, cid: str, others: list[str], status: str, note: str) -> QMessageBox:
        """The same promise stands elsewhere: offer to give it the same status.

        The question does not block (``open``): Enter answers yes, Esc no.
        """
        places = "\n".join(
            f"• {self._entries[o].commitment.section_path}: "
            f"“{self._entries[o].commitment.sentence}”"
            for o in others
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Same promise elsewhere"),
            self.tr(
                "This promise also stands in %n other place(s). Set them to “%1” too?",
                "",
                len(others),
            ).replace("%1", status),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setInformativeText(places)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.finished.connect(
            lambda answer: (
                self._mark_linked(others, status, note)
                if answer == QMessageBox.StandardButton.Yes
                else None
            )
        )
        box.open()
        self.linked_question = box
        return box

    def _mark_linked(self, others: list[str], status: str, note: str) -> None:
        if self._store is None:
            return
        try:
            for other in others:
                self._store.set_commitment_status(other, status, note)
                self._set_entry(other, status, note)
        except NotesError as exc:
            self._show_message(
                self.tr("Not saved: {reason}. Your edit is kept; try again.").format(
                    reason=message_text(exc)
                ),
                error=True,
            )
        self._rebuild()
        for other in others:
            self.status_saved.emit(other, status)
