"""Wires the notes store to the window: panels, highlights, bookmarks, undo,
badges, reading positions and backups."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
)

from briefing_reader.core.content import Document, Library, OutlineNode
from briefing_reader.core.content.model import ACTION_KINDS, OutlineKind
from briefing_reader.core.notes import (
    COLOURS,
    DEFAULT_COLOUR,
    NotesError,
    NotesStore,
    TextAnchor,
    anchor_place,
    anchor_range,
    locate,
    reading_position,
)
from briefing_reader.core.notes.colleagues import Copied, tint
from briefing_reader.core.notes.model import AnchorStatus
from briefing_reader.ui import sizing
from briefing_reader.ui.colleague_notes import ALL, ColleagueNotes, shows
from briefing_reader.ui.marks_panel import MarksPanel
from briefing_reader.ui.messages import message_text
from briefing_reader.ui.note_dialog import ask_highlight
from briefing_reader.ui.notes_panel import ActionNotesPanel
from briefing_reader.ui.reader import Mark, ReaderView
from briefing_reader.ui.review import ChangesDialog, ReviewPanel
from briefing_reader.ui.toc import OutlineTree

BACKUP_INTERVAL_MS = 10 * 60 * 1000


class Annotations(QObject):
    """The annotation features of one window, over one store (or none).

    Signals:
        offset_requested(doc_id, offset): go to this place (a highlight, a bookmark).
        status_message(text, ms): a short message for the status bar.
    """

    offset_requested = Signal(str, int)
    status_message = Signal(str, int)

    def __init__(
        self,
        window: QMainWindow,
        library: Library,
        store: NotesStore | None,
        reader: ReaderView,
        toc: OutlineTree,
        docks: tuple[QDockWidget, QDockWidget, QDockWidget],
        versions: Path | None = None,
    ) -> None:
        """``docks`` are the window's (annotation, marks, review) docks to fill;
        ``versions`` holds the kept texts of earlier versions ("What changed")."""
        super().__init__(window)
        self.window = window
        self.library = library
        self.store = store
        self.reader = reader
        self.toc = toc
        self.versions = versions
        self._last_deleted: str | None = None
        self._undo: Callable[[], None] | None = None  # undoes the last "Overnemen"
        self.choice = ALL  # whose notes the window shows: all, mine, one colleague
        self._painted: list[tuple[int, int, str]] = []  # highlights on screen: start, end, id
        self.panel = ActionNotesPanel(store, window)
        self.marks = MarksPanel(library, store, window)
        self.review = ReviewPanel(library, store, self.selection_anchor, window)
        self.colleague_notes = ColleagueNotes(store, self.panel)
        self.panel.add_below(self.colleague_notes)
        self.colleague_notes.follow_in_tab_order(self.panel.tags)
        self.panel.action_shown.connect(lambda _d, _a: self.show_colleague_notes())
        self.colleague_notes.copy_requested.connect(self.take_over)
        self.colleague_notes.filter.chosen.connect(self.set_author_filter)
        self.marks.copy_requested.connect(self.take_over)
        self.marks.filter_chosen.connect(self.set_author_filter)
        self.panel_dock, self.marks_dock, self.review_dock = docks
        self.panel_dock.setWidget(sizing.scrolling(self.panel))
        self.marks_dock.setWidget(sizing.scrolling(self.marks))
        self.review_dock.setWidget(sizing.scrolling(self.review, sideways=True))
        self.undo_button = QPushButton(self.tr("Undo"), window)
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo_delete)
        self.panel.annotation_saved.connect(self._annotation_saved)
        self.panel.save_failed.connect(self._report)
        self.marks.jump_requested.connect(self.offset_requested)
        self.marks.item_deleted.connect(self._deleted)
        self.marks.marks_changed.connect(self.paint_highlights)
        self.marks.failed.connect(self._report)
        self.marks.note_edit_requested.connect(self.edit_highlight_note)
        self.review.jump_requested.connect(self.offset_requested)
        self.review.changed.connect(self._reviewed)
        self.review.failed.connect(self._report)
        self.reader.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.reader.customContextMenuRequested.connect(self._context_menu)
        self._backup_timer = QTimer(self, interval=BACKUP_INTERVAL_MS)
        self._backup_timer.timeout.connect(self.backup)
        if store is not None:
            self._backup_timer.start()
        self.show_colleague_notes()

    # -- menu -------------------------------------------------------------

    def build_menu(self, menu: QMenu) -> None:
        """Fill the Notes menu and register its shortcuts on the window."""
        self.highlight_menu = menu.addMenu(self.tr("&Highlight selection"))
        for name in COLOURS:
            action = self.highlight_menu.addAction(name)
            action.triggered.connect(lambda _c=False, n=name: self.highlight_selection(n))
        quick = self._add(
            menu, self.tr("Highlight with an optional &note…"), self.highlight_with_note, "Ctrl+H"
        )
        quick.setShortcuts([QKeySequence("Ctrl+H"), QKeySequence("Ctrl+Shift+H")])
        quick.setStatusTip(
            self.tr("Highlight the selected text in yellow; a note is optional (Enter without one)")
        )
        self._add(menu, self.tr("&Bookmark this place"), self.bookmark_here, "Ctrl+D")
        menu.addSeparator()
        self.undo_action = self._add(
            menu, self.tr("&Undo delete"), self.undo_delete, QKeySequence.StandardKey.Undo
        )
        self.undo_action.setEnabled(False)
        self._add(menu, self.tr("Make a backup no&w"), self.backup_now)
        menu.addSeparator()
        menu.addAction(self.panel_dock.toggleViewAction())
        menu.addAction(self.marks_dock.toggleViewAction())
        menu.addAction(self.review_dock.toggleViewAction())
        self._add(menu, self.tr("What has &changed in this document…"), self.show_changes)

    def _add(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = menu.addAction(text)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    # -- the document on screen ------------------------------------------

    def badges(self, doc_id: str) -> dict[str, str]:
        """Badge text per annotated action: my stance, or 'notitie'; 'collega's'
        where only colleagues' notes (in the filter's choice) are."""
        if self.store is None:
            return {}
        keys = self.store.author_keys()
        badges: dict[str, str] = {}
        for note in self.store.action_annotations(doc_id):  # mine come first
            if (
                note.is_empty
                or note.action_id in badges
                or not shows(self.choice, keys.get(note.id))
            ):
                continue
            # a colleague's stance is not shown as if it were mine
            badges[note.action_id] = (
                (note.stance or self.tr("note")) if note.is_mine else self.tr("colleagues")
            )
        return badges

    def document_shown(self, doc: Document) -> None:
        """Call after the reader rendered ``doc``: paint highlights, badges."""
        self.toc.set_badges(doc.id, self.badges(doc.id))
        self.paint_highlights()

    def paint_highlights(self) -> None:
        doc = self.reader.document_shown
        if doc is None or self.store is None:
            return
        marks = []
        self._painted = []
        keys = self.store.author_keys()
        for highlight in self.store.highlights(doc.id):
            key = keys.get(highlight.id)
            found = locate(doc.plain_text, highlight.anchor)
            if found is not None and shows(self.choice, key):
                self._painted.append((found.start, found.end, highlight.id))
                tip = highlight.note or ""
                colour = COLOURS.get(highlight.colour, COLOURS[DEFAULT_COLOUR])
                if highlight.imported_from:  # their colour, their name on hover
                    tip = self.tr("%s (colleague, read-only)") % highlight.author + (
                        f": {tip}" if tip else ""
                    )
                    colour = tint(key or highlight.imported_from)
                if highlight.anchor_status == AnchorStatus.FUZZY:
                    tip = self.tr("Check: the text changed in a new version. ") + tip
                marks.append(Mark(found.start, found.end, colour, tip))
        self.reader.set_marks("highlights", marks)

    def show_place(self, doc_id: str, offset: int, anchor: str = "") -> OutlineNode | None:
        """The reading place moved (a navigation, a click in the text): the
        panel shows the action there, or none. ``anchor`` is the node or
        paragraph navigated to, when there was one: a section or theme that
        holds a single action then shows that action. Returns the node the
        contents should select: the action, or the innermost node there."""
        doc = self.library.get(doc_id)
        action = None
        if doc is not None:
            action = action_for_place(doc, anchor) if anchor else action_at(doc, offset)
        self.panel.show_action(doc, action.id if action is not None else "")
        if doc is None:
            return None
        if action is not None and self.panel.action_id == action.id:
            return action
        return doc.node(anchor) or doc.node_at_block(block_at(doc, offset))

    def _annotation_saved(self, doc_id: str, _action_id: str) -> None:
        self.refresh_after_edit(doc_id, reload_panel=False)  # the panel holds the edit
        self.status_message.emit(self.tr("Annotation saved"), 2000)

    def refresh_after_edit(self, doc_id: str, reload_panel: bool = True) -> None:
        """An annotation of ``doc_id`` changed: update badges (and the panel
        when the change was made elsewhere, e.g. in the register)."""
        badges = self.badges(doc_id)
        self.toc.set_badges(doc_id, badges)
        doc = self.reader.document_shown
        if doc is not None and doc.id == doc_id and badges != self.reader.badges:
            self.reader.rerender(badges)
            self.paint_highlights()
        if reload_panel and self.panel.doc is not None and self.panel.doc.id == doc_id:
            self.panel.show_action(self.panel.doc, self.panel.action_id)
        self.show_colleague_notes()

    # -- colleagues' notes (issue 16) ---------------------------------------

    def show_colleague_notes(self) -> None:
        """Colleagues' notes on the panel's action, in the filter's choice; the
        section is hidden for someone who has no colleagues' notes at all."""
        view = self.colleague_notes
        view.filter.fill(self.store, self.choice)
        if self.store is None or not view.filter.count() > 2:
            view.hide()
            return
        view.show()
        doc, action_id = self.panel.doc, self.panel.action_id
        notes = (
            [a for a in self.store.action_annotations(doc.id) if a.action_id == action_id]
            if doc is not None and action_id
            else []
        )
        view.show_notes(notes, self.store.author_keys(), self.choice)

    def set_author_filter(self, choice: str) -> None:
        """Show everyone's notes, mine, or one colleague's: lists and text follow."""
        self.choice = choice
        self.marks.set_choice(choice)
        doc = self.reader.document_shown
        if doc is not None:
            self.refresh_after_edit(doc.id, reload_panel=False)  # badges follow
        self.show_colleague_notes()
        self.paint_highlights()

    def take_over(self, item_id: str) -> None:
        """ "Overnemen": a colleague's note becomes (part of) mine; undo-able."""
        if self.store is None:
            return
        if self.panel.doc is not None:
            self.panel.save_now()  # my pending edit first: the copy adds to it
        try:
            copied = self.store.copy_to_mine(item_id)
        except NotesError as error:
            self._report(message_text(error))
            return
        if not copied.changed:
            self.status_message.emit(self.tr("Already in your notes"), 5000)
            return
        self._offer_undo(lambda: self._undo_copy(copied))
        self.marks.refresh()
        self.paint_highlights()
        doc = self.reader.document_shown
        panel_doc = self.panel.doc
        for doc_id in {d.id for d in (doc, panel_doc) if d is not None}:
            self.refresh_after_edit(doc_id)
        self.status_message.emit(self.tr("Taken over into your notes"), 10000)

    def _undo_copy(self, copied: Copied) -> None:
        assert self.store is not None
        self.store.undo_copy(copied)
        if self.panel.doc is not None:
            self.refresh_after_edit(self.panel.doc.id)

    # -- highlights and bookmarks -------------------------------------------

    def highlight_selection(
        self, colour: str = DEFAULT_COLOUR, note: str = "", key_figure: bool = False
    ) -> None:
        doc, selected = self.reader.document_shown, self.reader.selected_range()
        if self.store is None or doc is None or selected is None or selected[0] == selected[1]:
            self.status_message.emit(self.tr("Select some text first"), 4000)
            return
        try:
            self.store.add_highlight(
                anchor_range(doc, *selected), colour=colour, note=note, key_figure=key_figure
            )
        except NotesError as error:
            self._report(message_text(error))
            return
        self.marks.refresh()
        self.paint_highlights()
        self.status_message.emit(self.tr("Highlight saved"), 3000)

    def highlight_with_note(self) -> None:
        """Ctrl+H: highlight the selection, asking for a note (optional)."""
        if self.reader.selected_range() is None:
            self.status_message.emit(self.tr("Select some text first"), 4000)
            return
        answer = ask_highlight(self.window, self.tr("Highlight"))
        if answer is not None:
            self.highlight_selection(DEFAULT_COLOUR, *answer)

    def highlight_at(self, offset: int) -> str | None:
        """The id of the highlight painted over a plain-text offset, or None."""
        return next(
            (item_id for start, end, item_id in self._painted if start <= offset < end), None
        )

    def edit_highlight_note(self, item_id: str) -> None:
        """Change the note of a highlight afterwards (only my own)."""
        highlight = self.store.highlight(item_id) if self.store is not None else None
        if highlight is None or self.store is None:
            return
        if highlight.imported_from:
            self._report(self.tr("a colleague's highlight cannot be edited; it stays theirs"))
            return
        answer = ask_highlight(
            self.window, self.tr("Note of the highlight"), highlight.note, highlight.key_figure
        )
        if answer is None or answer == (highlight.note, highlight.key_figure):
            return
        try:
            self.store.update_highlight(item_id, note=answer[0], key_figure=answer[1])
        except NotesError as error:
            self._report(message_text(error))
            return
        self.marks.refresh()
        self.paint_highlights()
        self.status_message.emit(self.tr("Highlight saved"), 3000)

    def bookmark_here(self) -> None:
        doc = self.reader.document_shown
        if doc is None or self.store is None:
            return
        offset = self.reader.core_offset(self.reader.top_position())
        place = self._bookmark_place(doc, offset)
        try:
            anchor, name = anchor_place(doc, place)
            self.store.add_bookmark(anchor, name)
        except NotesError as error:
            self._report(message_text(error))
            return
        self.marks.refresh()
        self.marks_dock.show()
        self.marks.setCurrentIndex(1)
        self.status_message.emit(self.tr("Bookmark saved: %s") % name, 4000)

    def _bookmark_place(self, doc: Document, offset: int) -> str | None:
        """The heading at the top of the view; else the panel's action when it
        is on screen (the member works there, though the top may still show
        its theme's text); else the text at the top."""
        top = place_of(doc, offset)
        if doc.blocks[block_at(doc, offset)].kind == "heading":
            return top
        action = self.panel.action_id if self.panel.doc is doc else ""
        start = self.reader.anchor_position(action) if action else None
        return action if start is not None and self.reader.is_visible(start) else top

    def _context_menu(self, point: QPoint) -> None:
        menu = self.context_menu(point)
        menu.exec(self.reader.viewport().mapToGlobal(point))
        menu.deleteLater()

    def context_menu(self, point: QPoint) -> QMenu:
        """The reader's menu at a viewport point: copy, highlight, the note of
        the highlight under the point, bookmark."""
        menu = self.reader.createStandardContextMenu(point)
        if self.reader.selected_range() is not None and self.store is not None:
            menu.addSeparator()
            menu.addMenu(self.highlight_menu)
            menu.addAction(self.tr("Highlight with an optional note…"), self.highlight_with_note)
        position = self.reader.position_at(point)
        item_id = self.highlight_at(self.reader.core_offset(position)) if position >= 0 else None
        if item_id is not None:
            menu.addAction(
                self.tr("Edit the highlight's note…"), lambda: self.edit_highlight_note(item_id)
            )
        menu.addAction(self.tr("Bookmark this place"), self.bookmark_here)
        return menu

    # -- re-anchoring ---------------------------------------------------------

    def selection_anchor(self) -> TextAnchor | None:
        """The selected text as an anchor (to re-attach a note), or None."""
        doc, selected = self.reader.document_shown, self.reader.selected_range()
        if doc is None or selected is None or selected[0] == selected[1]:
            return None
        return anchor_range(doc, *selected)

    def _reviewed(self) -> None:
        self.marks.refresh()
        self.paint_highlights()
        doc = self.reader.document_shown
        if doc is not None:
            self.refresh_after_edit(doc.id)

    def show_changes(self) -> None:
        doc = self.reader.document_shown
        if doc is None or self.versions is None:
            return
        dialog = ChangesDialog(self.versions, doc.id, self.store, self.window)
        dialog.show()

    # -- undo, errors, backups, reading position ---------------------------

    def _offer_undo(self, undo: Callable[[], None]) -> None:
        self._last_deleted, self._undo = None, undo
        self.undo_action.setEnabled(True)
        self.undo_button.show()

    def _deleted(self, item_id: str, label: str) -> None:
        self._last_deleted, self._undo = item_id, None
        self.undo_action.setEnabled(True)
        self.undo_button.show()
        self.status_message.emit(self.tr("Deleted: %s") % label[:60], 10000)

    def undo_delete(self) -> None:
        """Undo the last delete or "Overnemen"."""
        if self.store is None or (self._last_deleted is None and self._undo is None):
            return
        try:
            if self._undo is not None:
                self._undo()
            else:
                assert self._last_deleted is not None
                self.store.restore(self._last_deleted)
        except NotesError as error:
            self._report(message_text(error))
            return
        self._last_deleted, self._undo = None, None
        self.undo_action.setEnabled(False)
        self.undo_button.hide()
        self.marks.refresh()
        self.paint_highlights()
        self.status_message.emit(self.tr("Restored"), 3000)

    def _report(self, reason: str) -> None:
        self.status_message.emit(self.tr("Not saved: %s") % reason, 15000)

    def backup(self) -> None:
        if self.store is not None and not self.store.read_only:
            try:
                self.store.maybe_backup()
            except NotesError as error:
                self.status_message.emit(message_text(error), 10000)

    def backup_now(self) -> None:
        if self.store is None:
            return
        try:
            path = self.store.backup_now()
        except NotesError as error:
            self._report(message_text(error))
            return
        self.status_message.emit(self.tr("Backup made: %s") % path.name, 6000)

    def _choose_version(self) -> None:
        """Closing with a note changed elsewhere: the user says which stays."""
        answer = QMessageBox.question(
            self.window,
            self.tr("This note was changed elsewhere"),
            self.tr(
                "This note was changed elsewhere. Your version is in the fields; "
                "the version saved elsewhere:"
            )
            + "\n\n"
            + self.panel.conflict_text.toPlainText()
            + "\n\n"
            + self.tr("Keep your version?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.panel.keep_my_version()
        else:
            self.panel.take_theirs()

    def save_reading_position(self) -> None:
        doc = self.reader.document_shown
        if doc is None or self.store is None or self.store.read_only:
            return
        offset = self.reader.core_offset(self.reader.top_position())
        try:
            self.store.save_reading_position(reading_position(doc, offset))
        except NotesError:
            return  # a reading position is not worth a message

    def stored_reading_offset(self, doc_id: str) -> int | None:
        position = self.store.reading_position(doc_id) if self.store else None
        return position.offset if position else None

    def close(self) -> None:
        """Save what is pending; a failed save stays shown in the panel."""
        if self.panel.has_conflict():
            self._choose_version()
        if self.panel.doc is not None:
            self.panel.save_now()
        self.save_reading_position()
        self.backup()


def action_for_place(doc: Document, anchor: str) -> OutlineNode | None:
    """The action an anchor names, the only action a section or theme holds,
    or the action around a paragraph; None when there is no such one."""
    node = doc.node(anchor)
    if node is not None:
        if node.kind in ACTION_KINDS:
            return node
        actions = [child for child in node.children if child.kind == OutlineKind.ACTION]
        return actions[0] if len(actions) == 1 else None
    block = next((b for b in doc.blocks if b.anchor == anchor), None)
    return action_at(doc, block.start) if block is not None else None


def action_at(doc: Document, offset: int) -> OutlineNode | None:
    """The innermost action or sub-action containing ``offset``, or None."""
    index = block_at(doc, offset)
    node: OutlineNode | None = doc.node_at_block(index)
    while node is not None and node.kind not in ACTION_KINDS:
        node = node.parent
    return node


def block_at(doc: Document, offset: int) -> int:
    last = 0
    for index, block in enumerate(doc.blocks):
        if block.text:
            if block.start > offset:
                break
            last = index
    return last


def place_of(doc: Document, offset: int) -> str | None:
    """The anchor of the text block at ``offset`` (for a bookmark)."""
    block = doc.blocks[block_at(doc, offset)]
    return block.anchor
