"""Builds the QApplication and wires the core to the window: the one wiring point."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing_reader import APP_ID, APP_NAME, __version__
from briefing_reader.paths import Paths
from briefing_reader.session import open_library
from briefing_reader.ui import i18n
from briefing_reader.ui.main_window import MainWindow


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
    app.setDesktopFileName(APP_ID)
    return app


def build_window(paths: Paths) -> MainWindow:
    library = open_library(paths)
    window = MainWindow(library, make_settings(paths))
    return window


def report_load_errors(window: MainWindow) -> None:
    errors = window.library.errors
    if errors:
        QMessageBox.warning(
            window, window.tr("Some documents could not be opened"),
            "\n".join(str(error) for error in errors))


def run_gui(paths: Paths, *, open_address: str | None = None,
            exit_after_render: bool = False) -> int:
    app = create_app()
    translators = i18n.install(app, i18n.choose_language())  # noqa: F841 (kept alive)
    window = build_window(paths)
    window.restore_geometry()
    window.show()
    app.processEvents()  # lay the window out before scrolling to a place in it
    window.restore_place(open_address)
    if exit_after_render:
        app.processEvents()
        if not window.library.documents or window.reader.document_shown is None:
            print("briefing-reader: no document rendered", file=sys.stderr)
            return 1
        window.save_state()
        return 0
    report_load_errors(window)
    return app.exec()
