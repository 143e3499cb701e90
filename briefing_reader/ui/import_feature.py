"""Importing letters from the window: File > Import, drag and drop, removal.

The import itself runs in a worker thread; the library object every part of
the window shares is then refreshed in place, notes re-anchored and the
search index updated.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_reader.core.content import Library
from briefing_reader.core.notes import NotesError, NotesStore, reanchor_library
from briefing_reader.paths import Paths
from briefing_reader.ui import file_dialogs
from briefing_reader.ui.background import run_in_background
from briefing_reader.ui.messages import located_text, message_text

if TYPE_CHECKING:  # the importers are loaded when first used, not at start-up
    from collections.abc import Callable

    from briefing_reader.core.importing import ImportReport
    from briefing_reader.core.importing.model import FileResult


MAX_LINES = 30
"""An import of more files tells the refusals and the counts, not every file."""

MAX_DATE_QUESTIONS = 5
"""Undated letters asked about after one import; the rest are counted."""


class ImportFeature(QObject):
    """Brings files into the library and takes imported ones out again.

    Signals:
        library_changed(): documents were imported or removed.
        navigate_requested(doc_id, anchor): go to this place ("": the start).
        status_message(text, ms): a short message for the status bar.
    """

    library_changed = Signal()
    navigate_requested = Signal(str, str)
    status_message = Signal(str, int)

    def __init__(
        self, window: QMainWindow, library: Library, store: NotesStore | None, paths: Paths | None
    ) -> None:
        super().__init__(window)
        self.window = window
        self.library = library
        self.store = store
        self.paths = paths
        self.busy = False
        self.date_dialog: DateDialog | None = None
        self.progress = QProgressBar(window)
        self.progress.setMaximumWidth(180)
        self.progress.setFormat(self.tr("Importing %v/%m"))
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel import"), window)
        self.cancel_button.setToolTip(self.tr("Stop after the letter being imported now"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop the running import after its current letter; what was
        imported stays (and is catalogued and indexed)."""
        self._cancel.set()
        self.cancel_button.setEnabled(False)

    def build_menu(self, menu: QMenu) -> None:
        action = menu.addAction(self.tr("&Import letters…"))
        action.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        action.triggered.connect(lambda _checked=False: self.choose_files())
        self.window.addAction(action)

    def choose_files(self) -> None:
        names = file_dialogs.open_names(
            self.window,
            self.tr("Import letters"),
            self.tr(
                "Letters (*.docx *.pdf *.xml *.html *.htm *.txt *.md *.markdown);;All files (*)"
            ),
        )
        if names:
            self.import_paths([Path(name) for name in names])

    def import_paths(self, files: list[Path], ask_bundled: bool = True) -> None:
        """Import in the background; ``files`` are also the allowed roots.

        A file that would become a new version of a bundled document is
        imported only after the user says yes (``ask_bundled`` False then).
        """
        if self.paths is None or self.busy or not files:
            return
        self.busy = True
        self.progress.setRange(0, len(files))
        self.progress.setValue(0)
        self.progress.show()
        self._cancel.clear()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        paths = self.paths
        library = self.library
        cancelled = self._cancel.is_set
        from briefing_reader.core.importing import import_files
        from briefing_reader.core.importing.folders import files_in

        def work(progress: Callable[[int, int], None]) -> ImportReport:
            inside = files_in(files)  # a dropped folder: everything in it
            report = import_files(
                paths,
                inside,
                roots=files,
                progress=progress,
                ask_bundled=ask_bundled,
                cancelled=cancelled,
            )
            check = getattr(library, "check_files", None)
            if report.changed and check is not None:  # catalogue them here, not in the window
                check()
            return report

        run_in_background(work, self, self._imported, self._failed, self._progressed)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _failed(self, error: Exception) -> None:
        self.busy = False
        self.progress.hide()
        self.cancel_button.hide()
        QMessageBox.warning(self.window, self.tr("Import failed"), located_text(error))

    def _imported(self, report: ImportReport) -> None:
        self.busy = False
        self.progress.hide()
        self.cancel_button.hide()
        if report.changed:
            self.reload(catalogued=True)
        if len(report.to_ask) < len(report.results):
            self._tell(report)
        if report.document_to_open:
            self.navigate_requested.emit(report.document_to_open, "")
        undated = [
            (r.doc_id, r.title)
            for r in report.results
            if r.doc_id is not None and r.stored is not None and not r.dated
        ]
        self._ask_dates(undated)
        confirmed = [r.file for r in report.to_ask if self._may_replace_bundled(r)]
        if confirmed:
            self.import_paths(confirmed, ask_bundled=False)

    def _may_replace_bundled(self, result: FileResult) -> bool:
        """The question before an import takes a bundled document's place."""
        doc = self.library.get(result.doc_id or "")
        title = doc.title if doc is not None else result.doc_id
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("New version of a bundled letter?"),
            self.tr(
                "“%s” says it is a new version (%s) of “%s”, which came with "
                "the program (version %s)."
            )
            % (result.file.name, result.new_version, title, result.old_version),
            parent=self.window,
        )
        box.setInformativeText(
            self.tr(
                "%s%% of the letter's sentences are in it. Show it instead of the bundled "
                "version? Your notes move along with the text; removing the import later "
                "brings the bundled version back."
            )
            % round(100 * (result.shared or 0))
        )
        replace = box.addButton(self.tr("Use as new version"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Do not import"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # Enter keeps the bundled letter
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is replace

    def _tell(self, report: ImportReport) -> None:
        lines = [self._line(result) for result in report.results if result.status != "ask"]
        many = len(lines) > MAX_LINES or report.cancelled  # counts, then "cancelled"
        if many:  # a folder: the refusals and the counts
            counts = self.tr("%d imported, %d replaced, %d unchanged, %d refused") % (
                len(report.imported),
                len(report.replaced),
                len(report.unchanged),
                len(report.failed),
            )
            lines = [*(self._line(result) for result in report.failed[:MAX_LINES]), counts]
        if report.cancelled:
            lines.append(
                self.tr("Import cancelled after %d of %d files.")
                % (len(report.results), report.total)
            )
        title = self.tr("Import")
        if report.failed:
            QMessageBox.warning(self.window, title, "\n".join(lines))
        elif many or len(lines) > 1 or not report.changed or report.cancelled:
            QMessageBox.information(self.window, title, "\n".join(lines))
        else:
            self.status_message.emit(lines[0], 8000)

    def _line(self, result: FileResult) -> str:
        from briefing_reader.core.importing import FAILED, IMPORTED, REPLACED

        name = result.file.name
        if result.status == IMPORTED:
            return self.tr("%s: imported as “%s”") % (name, result.title)
        if result.status == REPLACED:
            return self.tr("%s: replaces “%s” (version %s → %s)") % (
                name,
                result.title,
                result.old_version,
                result.new_version,
            )
        if result.status == FAILED:
            return self.tr("%s: not imported: %s") % (name, self._why(result))
        return self.tr("%s: already in the library at this version") % name

    def _why(self, result: FileResult) -> str:
        """The reason for a refusal in the user's language."""
        return message_text(result.problem if result.problem is not None else result.reason)

    # -- removal --------------------------------------------------------------

    def remove(self, doc_id: str) -> None:
        doc = self.library.get(doc_id)
        if self.paths is None or doc is None:
            return
        answer = QMessageBox.question(
            self.window,
            self.tr("Remove document"),
            self.tr("Remove “%s” from the library? Your notes on it are kept.") % doc.title,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        from briefing_reader.core.importing import ImportFailed, remove_document

        try:
            remove_document(self.paths, doc_id, library=self.library)
        except ImportFailed as error:
            QMessageBox.warning(self.window, self.tr("Remove document"), message_text(error))
            return
        self.reload()

    def _ask_dates(self, undated: list[tuple[str, str]]) -> None:
        """Ask for each undated letter's date in turn, a few at most; say how
        many more there are (a folder of undated notes must not mean a
        hundred questions)."""
        if len(undated) > MAX_DATE_QUESTIONS:
            self.status_message.emit(
                self.tr(
                    "%d imported letters state no date; set it with "
                    "'briefing-reader setdate DOC YYYY-MM-DD'."
                )
                % len(undated),
                30000,
            )
            undated = undated[:MAX_DATE_QUESTIONS]
        if not undated:
            return
        (doc_id, title), rest = undated[0], undated[1:]
        dialog = self.ask_date(doc_id, title)
        dialog.finished.connect(lambda _result: self._ask_dates(rest))

    def ask_date(self, doc_id: str, title: str) -> DateDialog:
        """The letter's date was not found: ask for it (not blocking; Esc is "later")."""
        dialog = DateDialog(title, self.window)
        dialog.accepted.connect(lambda: self._set_date(doc_id, dialog.date()))
        dialog.open()
        self.date_dialog = dialog
        return dialog

    def _set_date(self, doc_id: str, day: dt.date) -> None:
        from briefing_reader.core.importing import ImportFailed
        from briefing_reader.core.importing.dating import set_date

        if self.paths is None:
            return
        try:
            set_date(self.paths, doc_id, day, library=self.library)
        except ImportFailed as error:
            QMessageBox.warning(self.window, self.tr("Date of the letter"), message_text(error))
            return
        self.reload()

    # -- the shared library ------------------------------------------------------

    def reload(self, *, catalogued: bool = False) -> None:
        """Load the library again and refresh everything that shows it.

        ``catalogued``: a worker has just brought the catalogue up to date;
        only its entries are read here (no look at every file on this thread).
        """
        if self.paths is None:
            return
        reload_entries = getattr(self.library, "reload_entries", None)
        if catalogued and reload_entries is not None:
            reload_entries()
        else:
            self.library.refresh()  # the catalogue looks at the files again
        if self.store is not None:
            try:
                reanchor_library(self.store, self.library, self.paths.versions)
            except NotesError as error:
                self.status_message.emit(message_text(error), 10000)
        self.library_changed.emit()


class DateDialog(QDialog):
    """The date of an imported letter that does not state one."""

    def __init__(self, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Date of the letter"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "No date was found in “%s”. Its date places its promises on "
                "the timeline (“voor 1 maart” needs a year)."
            )
            % title,
            self,
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.edit = QDateEdit(QDate.currentDate(), self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("d MMMM yyyy")
        label = QLabel(self.tr("&Date:"), self)
        label.setBuddy(self.edit)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Set date"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def date(self) -> dt.date:
        day = self.edit.date()
        return dt.date(day.year(), day.month(), day.day())
