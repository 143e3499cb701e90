"""Loading the translation catalogues for the user's language."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from briefing_reader import paths

CATALOGUE = "briefing_reader"
SUPPORTED = ("nl", "en")
#: The language installed; printouts label their text in it (Dutch until one is installed).
_installed = {"language": "nl"}


def current_language() -> str:
    """The interface language, for what the program writes (printed labels)."""
    return _installed["language"]


def choose_language(requested: str | None = None) -> str:
    """Dutch on a Dutch system, English otherwise, unless one is requested."""
    if requested in SUPPORTED:
        return requested
    return "nl" if QLocale.system().name().startswith("nl") else "en"


def install(app: QApplication, language: str) -> list[QTranslator]:
    """Install our catalogue and Qt's own (standard dialogs) for ``language``.

    English is the source language and needs no catalogue. The translators
    are returned so the caller keeps them alive.
    """
    _installed["language"] = language
    if language == "en":
        return []
    installed = []
    ours = QTranslator(app)
    if ours.load(f"{CATALOGUE}_{language}", str(paths.translations_dir())):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    return installed
