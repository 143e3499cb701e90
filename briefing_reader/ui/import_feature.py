"""Importing letters from the window: File > Import, drag and drop, removal.

The import itself runs in a worker thread; the library object every part of
the window shares is then refreshed in place, notes re-anchored and the
search index updated.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QProgressBar

from briefing_reader.core.content import Library
from briefing_reader.core.notes import NotesError, NotesStore, reanchor_library
from briefing_reader.paths import Paths
from briefing_reader.ui.background import run_in_background

if TYPE_CHECKING:  # the importers are loaded when first used, not at start-up
    from collections.abc import Callable

    from briefing_reader.core.importing import ImportReport


MAX_LINES = 30
"""An import of more files tells the refusals and the counts, not every file."""

class ImportFeature(QObject):
    """Brings files into the library and takes imported ones out again."""

    def __init__(self, window: QMainWindow, library: Library, store: NotesStore | None,
                 paths: Paths | None) -> None:
        super().__init__(window)
        self.window = window
        self.library = library
        self.store = store
        self.paths = paths
        self.busy = False
        self.progress = QProgressBar(window)
        self.progress.setMaximumWidth(180)
        self.progress.setFormat(self.tr("Importing %v/%m"))
        self.progress.hide()
        window.statusBar().addPermanentWidget(self.progress)

    def build_menu(self, menu: QMenu) -> None:
        action = menu.addAction(self.tr("&Import letters…"))
        action.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        action.triggered.connect(lambda _checked=False: self.choose_files())
        self.window.addAction(action)

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Import letters"), str(Path.home()),
            self.tr("Letters (*.docx *.txt *.md *.markdown);;All files (*)"))
        if names:
            self.import_paths([Path(name) for name in names])

    def import_paths(self, files: list[Path]) -> None:
        """Import in the background; ``files`` are also the allowed roots."""
        if self.paths is None or self.busy or not files:
            return
        self.busy = True
        self.progress.setRange(0, len(files))
        self.progress.setValue(0)
        self.progress.show()
        paths = self.paths
        from briefing_reader.core.importing import import_files
        from briefing_reader.core.importing.folders import files_in

        def work(progress: Callable[[int, int], None]) -> ImportReport:
            inside = files_in(files)  # a dropped folder: everything in it
            return import_files(paths, inside, roots=files, progress=progress)

        run_in_background(work, self, self._imported, self._failed, self._progressed)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _failed(self, error: Exception) -> None:
        self.busy = False
        self.progress.hide()
        QMessageBox.warning(self.window, self.tr("Import failed"), str(error))

    def _imported(self, report: ImportReport) -> None:
        self.busy = False
        self.progress.hide()
        if report.changed:
            self.reload()
        self._tell(report)
        if report.document_to_open:
            self.window.navigate(report.document_to_open)  # type: ignore[attr-defined]

    def _tell(self, report: ImportReport) -> None:
        lines = [self._line(result) for result in report.results]
        many = len(lines) > MAX_LINES
        if many:  # a folder: the refusals and the counts
            counts = self.tr("%d imported, %d replaced, %d unchanged, %d refused") % (
                len(report.imported), len(report.replaced), len(report.unchanged),
                len(report.failed))
            lines = [*(self._line(result) for result in report.failed[:MAX_LINES]), counts]
        title = self.tr("Import")
        if report.failed:
            QMessageBox.warning(self.window, title, "\n".join(lines))
        elif many or len(lines) > 1 or not report.changed:
            QMessageBox.information(self.window, title, "\n".join(lines))
        else:
            self.window.statusBar().showMessage(lines[0], 8000)

    def _line(self, result) -> str:  # type: ignore[no-untyped-def]
        from briefing_reader.core.importing import FAILED, IMPORTED, REPLACED

        name = result.file.name
        if result.status == IMPORTED:
            return self.tr("%s: imported as “%s”") % (name, result.title)
        if result.status == REPLACED:
            return self.tr("%s: replaces “%s” (version %s → %s)") % (
                name, result.title, result.old_version, result.new_version)
        if result.status == FAILED:
            return self.tr("%s: not imported: %s") % (name, result.reason)
        return self.tr("%s: already in the library at this version") % name

    # -- removal --------------------------------------------------------------

    def remove(self, doc_id: str) -> None:
        doc = self.library.get(doc_id)
        if self.paths is None or doc is None:
            return
        answer = QMessageBox.question(
            self.window, self.tr("Remove document"),
            self.tr("Remove “%s” from the library? Your notes on it are kept.") % doc.title)
        if answer != QMessageBox.StandardButton.Yes:
            return
        from briefing_reader.core.importing import ImportFailed, remove_document

        try:
            remove_document(self.paths, doc_id, library=self.library)
        except ImportFailed as error:
            QMessageBox.warning(self.window, self.tr("Remove document"), error.reason)
            return
        self.reload()

    # -- the shared library ------------------------------------------------------

    def reload(self) -> None:
        """Load the library again and refresh everything that shows it."""
        if self.paths is None:
            return
        self.library.refresh()  # the catalogue looks at the files again
        if self.store is not None:
            try:
                reanchor_library(self.store, self.library, self.paths.versions)
            except NotesError as error:
                self.window.statusBar().showMessage(error.reason, 10000)
        refresh = getattr(self.window, "library_changed", None)
        if refresh is not None:
            refresh()
