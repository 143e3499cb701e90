"""Lists of the member's highlights and bookmarks: jump, rename, reorder, delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefing_reader.core.content import Library
from briefing_reader.core.notes import COLOURS, Highlight, NotesError, NotesStore, TextAnchor
from briefing_reader.core.notes.colleagues import marker, tint
from briefing_reader.ui.colleague_notes import ALL, AuthorFilter, background_of, shows, swatch
from briefing_reader.ui.messages import message_text

ID_ROLE = Qt.ItemDataRole.UserRole
DOC_ROLE = Qt.ItemDataRole.UserRole + 1
OFFSET_ROLE = Qt.ItemDataRole.UserRole + 2
MINE_ROLE = Qt.ItemDataRole.UserRole + 3


class MarksPanel(QTabWidget):
    """Two tabs: highlights (with their notes) and bookmarks.

    Signals:
        jump_requested(str, int): show this document at this plain-text offset.
        item_deleted(str, str): an item was deleted (id, short label), so the
            window can offer to undo.
        marks_changed(): highlights or bookmarks changed; repaint the reader.
        failed(str): a store operation failed; the text says why.
        note_edit_requested(str): the user wants to edit this highlight's note.
        copy_requested(str): take this colleague's highlight over into mine.
        filter_chosen(str): the author filter changed (see ``colleague_notes``).
    """

    jump_requested = Signal(str, int)
    item_deleted = Signal(str, str)
    marks_changed = Signal()
    failed = Signal(str)
    note_edit_requested = Signal(str)
    copy_requested = Signal(str)
    filter_chosen = Signal(str)

    def __init__(
        self, library: Library, store: NotesStore | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.store = store
        self.setAccessibleName(self.tr("Highlights and bookmarks"))
        self.tabBar().setAccessibleName(self.tr("Highlights or bookmarks"))
        self.choice = ALL  # whose notes the lists show
        self.author_filter = AuthorFilter(self)
        self.author_filter.chosen.connect(self.filter_chosen)
        self.highlight_list = QListWidget(self)
        self.highlight_list.setAccessibleName(self.tr("Highlights"))
        self.bookmark_list = QListWidget(self)
        self.bookmark_list.setAccessibleName(self.tr("Bookmarks"))
        for view in (self.highlight_list, self.bookmark_list):
            view.setWordWrap(True)
        self.addTab(self._with_buttons(self.highlight_list, bookmarks=False), self.tr("Highlights"))
        self.addTab(self._with_buttons(self.bookmark_list, bookmarks=True), self.tr("Bookmarks"))
        for view in (self.highlight_list, self.bookmark_list):
            view.itemActivated.connect(self._jump)
            view.itemDoubleClicked.connect(self._jump)
        self.bookmark_list.itemChanged.connect(self._renamed)
        self.highlight_list.currentItemChanged.connect(lambda *_: self._enable_buttons())
        self.refresh()

    def _with_buttons(self, view: QListWidget, bookmarks: bool) -> QWidget:
        page = QWidget(self)
        buttons = QHBoxLayout()
        go = QPushButton(self.tr("Go to"), page)
        go.clicked.connect(lambda: self._jump_to_current(view))
        buttons.addWidget(go)
        if not bookmarks:
            self.note_button = note = QPushButton(self.tr("Note…"), page)
            note.setToolTip(self.tr("Edit the note of this highlight"))
            note.clicked.connect(self._edit_note)
            buttons.addWidget(note)
            self.take_over = QPushButton(self.tr("Take over"), page)
            self.take_over.setAccessibleName(self.tr("Take over into my highlights"))
            self.take_over.setToolTip(
                self.tr("Copy this colleague's highlight into your own; theirs stays as it is")
            )
            self.take_over.clicked.connect(self._take_over)
        if bookmarks:
            for text, step in ((self.tr("Up"), -1), (self.tr("Down"), +1)):
                button = QPushButton(text, page)
                button.clicked.connect(lambda _checked=False, s=step: self._move(s))
                buttons.addWidget(button)
        delete = QPushButton(self.tr("Delete"), page)
        delete.clicked.connect(lambda: self._delete(view))
        buttons.addWidget(delete)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        if not bookmarks:  # colleagues' notes: shown only when there are some
            self.filter_row = QWidget(page)
            shown = QHBoxLayout(self.filter_row)
            shown.setContentsMargins(0, 0, 0, 0)
            shown.addWidget(QLabel(self.tr("Show:"), self.filter_row))
            shown.addWidget(self.author_filter, 1)
            self.author_filter.setParent(self.filter_row)
            layout.addWidget(self.filter_row)
        layout.addWidget(view)
        layout.addLayout(buttons)
        if not bookmarks:  # a row of its own: the dock stays narrow at large text sizes
            layout.addWidget(self.take_over)
        return page

    def refresh(self) -> None:
        """Reload both lists from the store, placing items where they stand now."""
        self.highlight_list.clear()
        blocked = self.bookmark_list.blockSignals(True)
        self.bookmark_list.clear()
        self.author_filter.fill(self.store, self.choice)
        has_colleagues = self.author_filter.count() > 2
        self.filter_row.setVisible(has_colleagues)
        self.take_over.setVisible(has_colleagues)
        if self.store is not None:
            keys = self.store.author_keys()
            for highlight in self.store.highlights():
                if shows(self.choice, keys.get(highlight.id)):
                    self._highlight_item(highlight, keys.get(highlight.id))
            for bookmark in self.store.bookmarks():
                if not shows(self.choice, keys.get(bookmark.id)):
                    continue
                item = self._item(self.bookmark_list, bookmark.id, bookmark.anchor, bookmark.name)
                if bookmark.is_mine:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                else:
                    self._mark_theirs(
                        self.bookmark_list, item, bookmark.author, keys.get(bookmark.id, "")
                    )
        self.bookmark_list.blockSignals(blocked)
        self._enable_buttons()

    def _highlight_item(self, highlight: Highlight, key: str | None) -> None:
        label = f"“{highlight.anchor.quote.exact[:80]}”"
        if highlight.note:
            label += f" — {highlight.note[:60]}"
        if highlight.imported_from:  # a colleague's, shown as theirs
            label += f" ({highlight.author})"
        item = self._item(self.highlight_list, highlight.id, highlight.anchor, label)
        if highlight.note:  # the whole note, where the label cuts it short
            item.setToolTip(f"{item.toolTip()}\n\n{highlight.note}")
        colour = COLOURS.get(highlight.colour, "#fff176")
        if key is not None:
            colour = tint(key)
            self._mark_theirs(self.highlight_list, item, highlight.author, key)
        item.setBackground(QBrush(QColor(colour)))
        item.setForeground(QBrush(QColor("#1b1b1b")))

    def _mark_theirs(self, view: QListWidget, item: QListWidgetItem, author: str, key: str) -> None:
        """A colleague's item: their colour as a marker, their name on hover."""
        # A highlight's row has its tint behind it; a bookmark's the list's own.
        behind = tint(key) if view is self.highlight_list else background_of(view)
        item.setIcon(swatch(marker(key, behind)))
        item.setData(MINE_ROLE, False)
        item.setToolTip(self.tr("Note of %s (read-only)") % author + "\n" + item.toolTip())

    def set_choice(self, choice: str) -> None:
        """Show the notes of ``choice`` (all, mine, one colleague)."""
        self.choice = choice
        self.refresh()

    def _enable_buttons(self) -> None:
        item = self.highlight_list.currentItem()
        theirs = item is not None and item.data(MINE_ROLE) is False
        self.take_over.setEnabled(theirs and self.store is not None and not self.store.read_only)
        self.note_button.setEnabled(item is not None and not theirs)

    def _take_over(self) -> None:
        item = self.highlight_list.currentItem()
        if item is not None and item.data(MINE_ROLE) is False:
            self.copy_requested.emit(item.data(ID_ROLE))

    def _item(
        self, view: QListWidget, item_id: str, anchor: TextAnchor, label: str
    ) -> QListWidgetItem:
        item = QListWidgetItem(label, view)
        item.setData(ID_ROLE, item_id)
        item.setData(DOC_ROLE, anchor.doc_id)
        item.setData(OFFSET_ROLE, self._offset(anchor))
        doc = self.library.get(anchor.doc_id)
        item.setToolTip(doc.title if doc else anchor.doc_id)
        return item

    def _offset(self, anchor: TextAnchor) -> int:
        from briefing_reader.core.notes import locate

        doc = self.library.get(anchor.doc_id)
        if doc is None:
            return int(anchor.position.start)
        found = locate(doc.plain_text, anchor)
        return found.start if found else int(anchor.position.start)

    def _jump_to_current(self, view: QListWidget) -> None:
        item = view.currentItem()
        if item is not None:
            self._jump(item)

    def _jump(self, item: QListWidgetItem) -> None:
        self.jump_requested.emit(item.data(DOC_ROLE), int(item.data(OFFSET_ROLE)))

    def _edit_note(self) -> None:
        item = self.highlight_list.currentItem()
        if item is not None:
            self.note_edit_requested.emit(item.data(ID_ROLE))

    def _delete(self, view: QListWidget) -> None:
        item = view.currentItem()
        if item is None or self.store is None:
            return
        try:
            trashed = self.store.delete(item.data(ID_ROLE))
        except NotesError as error:
            self.failed.emit(message_text(error))
            return
        self.refresh()
        self.item_deleted.emit(trashed.id, trashed.label)
        self.marks_changed.emit()

    def _move(self, step: int) -> None:
        row = self.bookmark_list.currentRow()
        if row < 0 or self.store is None or not 0 <= row + step < self.bookmark_list.count():
            return
        try:
            self.store.move_bookmark(self.bookmark_list.item(row).data(ID_ROLE), row + step)
        except NotesError as error:
            self.failed.emit(message_text(error))
            return
        self.refresh()
        self.bookmark_list.setCurrentRow(row + step)

    def _renamed(self, item: QListWidgetItem) -> None:
        if self.store is None:
            return
        try:
            self.store.rename_bookmark(item.data(ID_ROLE), item.text().strip())
        except NotesError as error:
            self.failed.emit(message_text(error))
            self.refresh()
