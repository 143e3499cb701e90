"""Builds the QApplication and wires the core to the window: the one wiring point.

Start-up comes in two steps. First the window with the contents and the
letter, painted as soon as it can be; then, from the event loop, the notes
store, the search index and the features that use them. Nothing of the
second step is imported before the first paint.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from briefing_reader import APP_NAME, DESKTOP_ID, __version__
from briefing_reader import paths as paths_mod
from briefing_reader.paths import Paths
from briefing_reader.session import open_library
from briefing_reader.ui import i18n, theme
from briefing_reader.ui import settings as ui_settings
from briefing_reader.ui.main_window import MainWindow
from briefing_reader.ui.messages import located_text, message_text
from briefing_reader.ui.single_instance import SingleInstance

if TYPE_CHECKING:
    from briefing_reader.core.content import Library
    from briefing_reader.core.notes import NotesStore


def make_settings(paths: Paths) -> QSettings:
    """UI state only (window, zoom, reading place), in the config dir."""
    paths.config.mkdir(parents=True, exist_ok=True)
    return QSettings(str(paths.config / "ui.ini"), QSettings.Format.IniFormat)


def create_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)  # Wayland matches the window to the .desktop file
    if app.platformName() == "offscreen":
        # The offscreen platform crashes at exit while its clipboard holds
        # rich data (Ctrl+Shift+C); real platforms hand it to the desktop.
        app.aboutToQuit.connect(lambda: QApplication.clipboard().clear())
    icon = paths_mod.icons_dir() / "briefing-reader.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def open_notes(paths: Paths) -> tuple[NotesStore | None, str]:
    """The notes store and what to tell the user about opening it ('' if nothing)."""
    from briefing_reader.core.notes import NotesError, open_store
    from briefing_reader.ui.notes_notice import notes_notice

    try:
        store = open_store(paths.notes_db, paths.backups)
    except NotesError as error:
        return None, located_text(error)  # in the window's language
    return store, notes_notice(store.report)  # in the window's language


def build_frame(paths: Paths) -> MainWindow:
    """The window with the library's contents, without notes or search yet."""
    library = open_library(paths, check=False)  # the files are checked after the paint
    settings = make_settings(paths)
    theme.apply(settings)
    return MainWindow(library, settings, paths)


def attach_features(window: MainWindow, paths: Paths) -> None:
    """Open the notes (moving them to new document versions) and the search
    index, and give the window the features that use them."""
    from briefing_reader.core.search import SearchIndex

    store, message = open_notes(paths)
    if store is not None:
        message = "\n\n".join(filter(None, [message, reanchor(store, window.library, paths)]))
    window.attach_features(store, SearchIndex(paths.search_index))
    window.notes_message = message


def build_window(paths: Paths) -> MainWindow:
    """The whole window at once (tests, tools); the app itself uses two steps."""
    window = build_frame(paths)
    report = window.library.refresh()  # the start-up check of the files, at once here
    if getattr(report, "any", False):
        window.toc.set_library(window.library)
    window.show_whole_library()
    attach_features(window, paths)
    return window


def reanchor(store: NotesStore, library: Library, paths: Paths) -> str:
    """Move notes along with new versions of their documents; what to tell."""
    from briefing_reader.core.notes import reanchor_library

    report = reanchor_library(store, library, paths.versions)
    lines = [message_text(problem) for problem in report.problems]
    if report.to_review:
        lines.append(
            QCoreApplication.translate(
                "App",
                "A new version of a document arrived: %d notes need a look "
                "(Notes > Notes to check).",
            )
            % report.to_review
        )
    return "\n".join(lines)


def report_start_problems(window: MainWindow) -> None:
    """Tell the user, once, about documents that failed and notes recovery."""
    errors = window.library.errors
    if errors:
        QMessageBox.warning(
            window,
            QCoreApplication.translate("App", "Some documents could not be opened"),
            "\n".join(located_text(error) for error in errors),
        )
    if window.notes_message:
        QMessageBox.information(
            window, QCoreApplication.translate("App", "Your notes"), window.notes_message
        )


def run_gui(
    paths: Paths,
    *,
    open_address: str | None = None,
    exit_after_render: bool = False,
    exit_when_ready: bool = False,
) -> int:
    """The window. ``exit_after_render``: leave after the first paint of the
    letter; ``exit_when_ready``: after notes and search are open too."""
    app = create_app()
    language = ui_settings.LANGUAGE.read(make_settings(paths)) or None
    translators = i18n.install(app, i18n.choose_language(language))  # noqa: F841 (kept alive)
    instance = SingleInstance(paths.data)
    owner = instance.acquire()
    if not owner and not (exit_after_render or exit_when_ready):
        handed = instance.hand_over(open_address)
        if handed:
            print("briefing-reader: already running for this profile; brought it to the front")
            return 0
        if handed is False:
            print(
                f"briefing-reader: another instance holds {paths.data / 'instance.lock'} "
                "but does not answer",
                file=sys.stderr,
            )
            return 1
        owner = True  # the other one closed while we waited
    window = build_frame(paths)

    def painted() -> None:
        if exit_after_render:
            app.exit(0)
            return
        started = after_first_paint(window, paths, instance if owner else None)
        if exit_when_ready:
            app.exit(0 if started else 1)
        elif started:
            report_start_problems(window)
            from briefing_reader.ui import help

            help.welcome_if_first_run(window, window.settings)
            check_files(window)

    FirstPaint(window.reader, painted)  # its frame is painted with the text
    window.restore_geometry()
    window.show()
    window.restore_place(open_address)  # before the first paint, after the final width
    code = app.exec()
    if exit_after_render or exit_when_ready:
        code = smoke_check(window, code)
        window.close()
    if window.store is not None:
        window.store.close()
    instance.release()
    return code


def after_first_paint(window: MainWindow, paths: Paths, instance: SingleInstance | None) -> bool:
    """Answer later starts and attach notes and search; False when the
    window was closed before its first paint or the features failed."""
    if not window.isVisible():
        return False
    if instance is not None:
        instance.listen()  # first: a failure below must not make us deaf
        instance.activation_requested.connect(lambda address: bring_forward(window, address))
    return start_features(window, paths)


def start_features(window: MainWindow, paths: Paths) -> bool:
    """Attach notes and search to the shown window; on an unexpected error
    the letter stays readable and the user is told what failed."""
    try:
        attach_features(window, paths)
    except Exception as error:  # the event loop would only print it
        traceback.print_exc()
        QMessageBox.critical(
            window,
            QCoreApplication.translate("App", "Notes and search are not available"),
            QCoreApplication.translate(
                "App",
                "Briefing Reader could not start its notes and search (%s: %s). "
                "You can read the documents; your saved notes are kept.",
            )
            % (type(error).__name__, error),
        )
        return False
    return True


def check_files(window: MainWindow) -> None:
    """Look at the library's files (added, changed or removed behind the app's
    back) in a worker thread, then update the index: the window stays usable."""
    from briefing_reader.core.content.catalogue import Entry, SyncReport
    from briefing_reader.core.content.catalogued import CataloguedLibrary
    from briefing_reader.ui.background import run_in_background

    library = window.library
    if not isinstance(library, CataloguedLibrary):  # documents held in memory: nothing to check
        window.search.start_indexing()
        return
    catalogued = library

    def check_and_read(_progress: object) -> tuple[SyncReport, list[Entry] | None]:
        report = catalogued.check_files()
        # the first paint read only a few entries: read the rest here, off the GUI thread
        return report, None if catalogued.entries_read else catalogued.read_entries()

    def checked(result: tuple[SyncReport, list[Entry] | None]) -> None:
        report, entries = result
        if report.any:
            window.importing.reload(catalogued=True)  # notes re-anchored, contents, index
            return
        if entries is not None and not catalogued.entries_read:
            catalogued.adopt_entries(entries)
        window.show_whole_library()
        window.search.start_indexing()

    def failed(error: object) -> None:
        window.statusBar().showMessage(located_text(error), 10000)
        window.show_whole_library()
        window.search.start_indexing()

    run_in_background(check_and_read, window, checked, failed)


def smoke_check(window: MainWindow, code: int) -> int:
    """The exit code of a smoke run: 1 when no document was rendered."""
    if window.reader.document_shown is None:  # (not the library's size: not read yet)
        print("briefing-reader: no document rendered", file=sys.stderr)
        return 1
    return code


class FirstPaint(QObject):
    """Calls ``callback`` once, from the event loop, after ``widget`` was first
    painted, or after ``fallback_ms`` if it is never painted (a minimised start)."""

    def __init__(
        self, widget: QWidget, callback: Callable[[], None], fallback_ms: int = 1500
    ) -> None:
        super().__init__(widget)
        self._callback: Callable[[], None] | None = callback
        self._widget = widget
        widget.installEventFilter(self)
        # Armed from the event loop: laying the letter out before it may
        # take longer than the fallback on a slow machine.
        QTimer.singleShot(0, self, lambda: QTimer.singleShot(fallback_ms, self, self._fire))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._fire)  # once this paint is done
        return False

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            self._widget.removeEventFilter(self)
            callback()


def bring_forward(window: MainWindow, address: str) -> None:
    """A second start asked for the window (and maybe a place in a document)."""
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    if address:
        doc_id, _, anchor = address.partition("#")
        window.navigate(doc_id, anchor)
