"""Builds the QApplication and wires the core to the window: the one wiring point."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing_reader import APP_NAME, DESKTOP_ID, __version__
from briefing_reader import paths as paths_mod
from briefing_reader.core.content import Library
from briefing_reader.core.notes import NotesError, NotesStore, open_store, reanchor_library
from briefing_reader.core.search import SearchIndex
from briefing_reader.paths import Paths
from briefing_reader.session import open_library
from briefing_reader.ui import i18n, theme
from briefing_reader.ui.main_window import MainWindow
from briefing_reader.ui.single_instance import SingleInstance


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
    try:
        store = open_store(paths.notes_db, paths.backups)
    except NotesError as error:
        return None, f"{error.path}: {error.reason}"
    return store, store.report.message


def build_window(paths: Paths) -> MainWindow:
    library = open_library(paths)
    store, message = open_notes(paths)
    if store is not None:
        message = "\n\n".join(filter(None, [message, reanchor(store, library, paths)]))
    index = SearchIndex(paths.search_index)
    settings = make_settings(paths)
    theme.apply(settings)
    window = MainWindow(library, settings, store, index, paths)
    window.notes_message = message
    return window


def reanchor(store: NotesStore, library: Library, paths: Paths) -> str:
    """Move notes along with new versions of their documents; what to tell."""
    report = reanchor_library(store, library, paths.versions)
    lines = list(report.problems)
    if report.to_review:
        lines.append(QCoreApplication.translate(
            "App", "A new version of a document arrived: %d notes need a look "
                   "(Notes > Notes to check).") % report.to_review)
    return "\n".join(lines)


def report_start_problems(window: MainWindow) -> None:
    """Tell the user, once, about documents that failed and notes recovery."""
    errors = window.library.errors
    if errors:
        QMessageBox.warning(
            window, QCoreApplication.translate("App", "Some documents could not be opened"),
            "\n".join(str(error) for error in errors))
    if window.notes_message:
        QMessageBox.information(window, QCoreApplication.translate("App", "Your notes"),
                                window.notes_message)


def run_gui(paths: Paths, *, open_address: str | None = None,
            exit_after_render: bool = False) -> int:
    app = create_app()
    language = str(make_settings(paths).value(theme.LANGUAGE_KEY, "")) or None
    translators = i18n.install(app, i18n.choose_language(language))  # noqa: F841 (kept alive)
    instance = SingleInstance(paths.data)
    if not instance.acquire() and not exit_after_render:
        if instance.notify_running(open_address):
            print("briefing-reader: already running for this profile; brought it to the front")
            return 0
        print(f"briefing-reader: another instance holds {paths.data / 'instance.lock'} "
              "but does not answer", file=sys.stderr)
        return 1
    window = build_window(paths)
    instance.activation_requested.connect(lambda address: bring_forward(window, address))
    window.restore_geometry()
    window.show()
    app.processEvents()  # lay the window out before scrolling to a place in it
    window.restore_place(open_address)
    if exit_after_render:
        app.processEvents()
        if not window.library.documents or window.reader.document_shown is None:
            print("briefing-reader: no document rendered", file=sys.stderr)
            return 1
        window.close()
        if window.store is not None:
            window.store.close()
        instance.release()
        return 0
    report_start_problems(window)
    from briefing_reader.ui import help  # after the first paint: not on the start-up path

    help.welcome_if_first_run(window, window.settings)
    window.search.start_indexing()
    code = app.exec()
    if window.store is not None:
        window.store.close()
    instance.release()
    return code


def bring_forward(window: MainWindow, address: str) -> None:
    """A second start asked for the window (and maybe a place in a document)."""
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    if address:
        doc_id, _, anchor = address.partition("#")
        window.navigate(doc_id, anchor)
