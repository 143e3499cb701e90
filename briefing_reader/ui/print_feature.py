"""Wires printing, PDF export, copy-with-citation and notes exchange into the
window's File menu."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QProgressDialog

from briefing_reader.core.content import Library
from briefing_reader.core.notes import NotesError, NotesStore
from briefing_reader.ui import file_dialogs
from briefing_reader.ui.background import run_in_background
from briefing_reader.ui.messages import located_text, message_text
from briefing_reader.ui.reader import ReaderView

if TYPE_CHECKING:  # loaded when first used, not at start-up
    from briefing_reader.core.notes import exchange
    from briefing_reader.printing import PrintRequest

Shortcut = QKeySequence | QKeySequence.StandardKey | str

EXPORT_FORMATS = (
    ("md", "Markdown (*.md)"),
    ("csv", "CSV (*.csv)"),
    ("jsonld", "W3C Web Annotation JSON-LD (*.jsonld)"),
)


class PrintFeature(QObject):
    """Print or export what the member is looking at; exchange notes.

    Signals:
        notes_changed(doc_id): notes were imported ("": in any document).
        status_message(text, ms): a short message for the status bar.
    """

    notes_changed = Signal(str)
    status_message = Signal(str, int)

    def __init__(
        self, window: QMainWindow, library: Library, store: NotesStore | None, reader: ReaderView
    ) -> None:
        super().__init__(window)
        self.window = window
        self.library = library
        self.store = store
        self.reader = reader
        self.with_notes = True
        self.pack_order = "priority"

    def build_menu(self, menu: QMenu) -> None:
        def add(text: str, slot: Callable[[], object], key: Shortcut | None = None) -> None:
            action = menu.addAction(text)
            if key:
                action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _checked=False: slot())
            self.window.addAction(action)

        add(self.tr("&Print…"), self.print_current, QKeySequence.StandardKey.Print)
        add(self.tr("&Export as PDF…"), self.export_current, "Ctrl+E")
        add(self.tr("Export as &Word…"), self.export_current_word)
        add(self.tr("Print &debate preparation…"), self.print_pack, "Ctrl+Shift+P")
        add(self.tr("Debate preparation as Wo&rd…"), self.export_pack_word)
        add(self.tr("Debate c&ard…"), self.export_card)
        letter_order = menu.addAction(self.tr("Debate preparation in &letter order"))
        letter_order.setCheckable(True)
        letter_order.setToolTip(self.tr("Off: actions by priority, then letter order"))
        letter_order.toggled.connect(
            lambda on: setattr(self, "pack_order", "letter" if on else "priority")
        )
        self.letter_order_action = letter_order
        notes_toggle = menu.addAction(self.tr("Include my &notes when printing"))
        notes_toggle.setCheckable(True)
        notes_toggle.setChecked(self.with_notes)
        notes_toggle.toggled.connect(lambda on: setattr(self, "with_notes", on))
        menu.addSeparator()
        add(self.tr("&Copy with citation"), self.copy_with_citation, "Ctrl+Shift+C")
        menu.addSeparator()
        add(self.tr("Export n&otes…"), self.export_notes)
        add(self.tr("Import no&tes…"), self.import_notes)

    def build_notes_menu(self, menu: QMenu) -> None:
        """Notes > "Restore my notes…": my own notes from another machine, as mine."""
        menu.addSeparator()
        action = menu.addAction(self.tr("&Restore my notes…"))
        action.setToolTip(
            self.tr(
                "Import a file of your own notes (exported on another "
                "computer) as yours: editable, exported as yours"
            )
        )
        action.triggered.connect(lambda _checked=False: self.import_notes(as_mine=True))
        self.restore_action = action

    # -- what to print ------------------------------------------------------

    def current_request(self) -> PrintRequest | None:
        """The selection if there is one, else the section or action in view."""
        from briefing_reader.printing import PrintRequest

        doc = self.reader.document_shown
        if doc is None:
            return None
        selected = self.reader.selected_range()
        if selected is not None and selected[0] != selected[1]:
            return PrintRequest.selection(doc.id, *selected, with_notes=self.with_notes)
        node_id = self.reader.current_node_id()
        return PrintRequest.node(doc.id, node_id or None, with_notes=self.with_notes)

    def print_current(self) -> None:
        from briefing_reader.ui.printing import print_preview

        request = self.current_request()
        if request is not None:
            print_preview(self.window, self.library, self.store, request)

    def export_current(self) -> None:
        from briefing_reader.ui.printing import export_pdf

        request = self.current_request()
        if request is not None:
            export_pdf(self.window, self.library, self.store, request)

    def print_pack(self, action_refs: list[tuple[str, str]] | None = None) -> None:
        from briefing_reader.printing import PrintRequest
        from briefing_reader.ui.printing import print_preview

        print_preview(
            self.window,
            self.library,
            self.store,
            PrintRequest.debate_pack(action_refs, order=self.pack_order),
        )

    def export_current_word(self) -> None:
        """What is in view (the selection, section or action, with my notes) as Word."""
        from briefing_reader.ui.printing import export_word

        request = self.current_request()
        if request is not None:
            export_word(self.window, self.library, self.store, request)

    def export_pack_word(self) -> None:
        from briefing_reader.printing import PrintRequest
        from briefing_reader.ui.printing import export_word

        export_word(
            self.window, self.library, self.store, PrintRequest.debate_pack(order=self.pack_order)
        )

    def export_card(self) -> None:
        """The debate card (one page) as a PDF."""
        from briefing_reader.ui.printing import export_card

        written = export_card(self.window, self.library, self.store)
        if written is not None:
            self.status_message.emit(self.tr("Debate card saved as %s") % written, 6000)

    def print_actions(self, action_ids: list[str]) -> None:
        """A pack of the actions chosen in the register (ids of any document)."""
        refs = [  # the catalogue says which documents hold them: none is parsed
            (doc_id, action_id)
            for action_id in action_ids
            for doc_id in self.library.action_documents(action_id)
        ]
        self.print_pack(refs)

    def copy_with_citation(self) -> None:
        from briefing_reader.ui.printing import copy_to_clipboard

        doc, selected = self.reader.document_shown, self.reader.selected_range()
        if doc is None or selected is None or selected[0] == selected[1]:
            self.status_message.emit(self.tr("Select some text first"), 4000)
            return
        copy_to_clipboard(doc, *selected)
        self.status_message.emit(self.tr("Copied with citation"), 3000)

    # -- notes exchange ------------------------------------------------------

    def export_notes(self) -> None:
        from briefing_reader.core.notes import exchange

        if self.store is None:
            return
        filters = ";;".join(label for _, label in EXPORT_FORMATS)
        name, chosen = file_dialogs.save_name(
            self.window, self.tr("Export notes"), "notities.md", filters
        )
        if not name:
            return
        fmt = next(key for key, label in EXPORT_FORMATS if label == chosen)
        try:
            exchange.export_file(self.store, self.library, Path(name), fmt)
        except (NotesError, OSError) as error:
            QMessageBox.warning(self.window, self.tr("Export failed"), message_text(error))
            return
        self.status_message.emit(self.tr("Notes exported to %s") % name, 6000)

    def import_notes(self, *, as_mine: bool = False) -> None:
        """Choose a notes file and import it off the GUI thread, with progress."""
        from briefing_reader.core.notes import exchange, open_store

        if self.store is None:
            return
        name = file_dialogs.open_name(
            self.window,
            self.tr("Restore my notes") if as_mine else self.tr("Import notes"),
            "W3C Web Annotation JSON-LD (*.jsonld *.json)",
        )
        if not name:
            return
        db_path, backups = self.store.path, self.store.backup_dir

        def work(progress: Callable[[int, int], None]) -> exchange.ImportReport:
            # SQLite connections belong to their thread: the worker opens its own.
            store = open_store(db_path, backups)
            try:
                return exchange.import_jsonld(
                    store, Path(name), self.library, as_mine=as_mine, progress=progress
                )
            finally:
                store.close()

        dialog = QProgressDialog(self.tr("Importing notes…"), "", 0, 0, self.window)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        self._import_progress = dialog

        def progressed(done: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

        def failed(error: object) -> None:
            dialog.close()
            QMessageBox.warning(self.window, self.tr("Import failed"), located_text(error))

        run_in_background(work, self, self._imported, failed, progressed)

    def _imported(self, report: exchange.ImportReport) -> None:
        self._import_progress.close()
        text = self.tr("%d added, %d updated, %d already there.") % (
            report.added,
            report.updated,
            report.unchanged,
        )
        if report.kept_mine:
            text += " " + self.tr("%d of yours left as they were.") % report.kept_mine
        skipped = report.skipped
        if skipped:
            text += (
                " "
                + self.tr("%d skipped:") % len(skipped)
                + "\n"
                + "\n".join(message_text(why) for why in skipped[:10])
            )
        QMessageBox.information(self.window, self.tr("Notes imported"), text)
        self.notes_changed.emit("")
