"""File dialogs: Qt's own dialog everywhere (one look, in the UI language),
starting in the folder used last, else the Documents folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from briefing_reader.ui import settings as ui_settings

OPTIONS = QFileDialog.Option.DontUseNativeDialog

# Labels of Qt's file dialog that Qt's own Dutch catalogue lacks (Qt 6 added
# their '&'); our catalogue has them, and Qt looks there when its own has none.
QT_LABELS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def start_folder(settings: QSettings | None) -> Path:
    """The folder a file was last chosen in, if it still exists; else Documents."""
    last = ui_settings.LAST_FOLDER.read(settings) if settings is not None else ""
    if last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember(settings: QSettings | None, chosen: str) -> None:
    if settings is not None and chosen:
        ui_settings.LAST_FOLDER.write(settings, str(Path(chosen).parent))


def settings_of(widget: QWidget | None) -> QSettings | None:
    """The window's settings (the main window keeps them), if it has any."""
    settings = getattr(widget, "settings", None)
    return settings if isinstance(settings, QSettings) else None


def open_names(parent: QWidget | None, title: str, filters: str) -> list[str]:
    settings = settings_of(parent)
    names, _chosen = QFileDialog.getOpenFileNames(
        parent, title, str(start_folder(settings)), filters, "", OPTIONS
    )
    if names:
        remember(settings, names[0])
    return list(names)


def open_name(parent: QWidget | None, title: str, filters: str) -> str:
    settings = settings_of(parent)
    name, _chosen = QFileDialog.getOpenFileName(
        parent, title, str(start_folder(settings)), filters, "", OPTIONS
    )
    remember(settings, name)
    return str(name)


def save_name(
    parent: QWidget | None, title: str, file_name: str, filters: str, folder: Path | None = None
) -> tuple[str, str]:
    """A file name to save to (or ''), and the filter chosen; ``folder``
    overrides the remembered one."""
    settings = settings_of(parent)
    start = (folder or start_folder(settings)) / file_name
    name, chosen = QFileDialog.getSaveFileName(parent, title, str(start), filters, "", OPTIONS)
    remember(settings, name)
    return str(name), str(chosen)
