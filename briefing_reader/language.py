"""The language the command line speaks, and its words for the core's messages.

The same rule as the window: the language chosen in the window's settings
(``ui.ini``), else Dutch on a Dutch system (``LC_ALL``, ``LC_MESSAGES``,
``LANG``), else English. ``BRIEFING_READER_LANGUAGE`` (``nl``/``en``) overrides
both, for scripts. No Qt: the Dutch texts are read from the shipped
``briefing_reader_nl.ts`` (the catalogue the window's ``.qm`` is built from),
only when a message is to be worded in Dutch; parsing it takes a few
milliseconds, importing QtCore for its translator about 200.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from briefing_reader import paths
from briefing_reader.core.messages import CONTEXT, as_message, render

LANGUAGE_ENV = "BRIEFING_READER_LANGUAGE"
SUPPORTED = ("nl", "en")
#: Where the window keeps its settings, and the language's key in that file.
SETTINGS_FILE, SETTINGS_SECTION, SETTINGS_KEY = "ui.ini", "ui", "language"

_chosen: dict[str, str] = {}
_profile: dict[str, Path | None] = {}


def choose(config_dir: Path | None) -> str:
    """``nl`` or ``en`` for a profile whose settings are in ``config_dir``."""
    wanted = os.environ.get(LANGUAGE_ENV, "").strip().lower()
    if wanted in SUPPORTED:
        return wanted
    setting = _setting(config_dir) if config_dir is not None else ""
    if setting in SUPPORTED:
        return setting
    return "nl" if _system_is_dutch() else "en"


def _setting(config_dir: Path) -> str:
    """The language chosen in the window (''): a garbled file is no setting."""
    if not (config_dir / SETTINGS_FILE).is_file():
        return ""
    import configparser  # only when there is a file to read: a few ms saved

    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    try:
        parser.read(config_dir / SETTINGS_FILE, encoding="utf-8")
        return parser.get(SETTINGS_SECTION, SETTINGS_KEY, fallback="").strip().strip('"')
    except (OSError, UnicodeError, configparser.Error):
        return ""


def _system_is_dutch() -> bool:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):  # POSIX precedence
        value = os.environ.get(variable)
        if value:
            return value.lower().startswith("nl")
    import locale  # no variable set (Windows): ask the C library; 6 ms, so only then

    name = locale.getlocale()[0] or ""  # Windows: 'Dutch_Netherlands'
    return name.lower().startswith(("nl", "dutch"))


def use(config_dir: Path | None) -> None:
    """The profile of this run (the command line calls this once); the language
    is chosen when first needed, so a command that says nothing reads no file."""
    _chosen.clear()
    _profile["config"] = config_dir


def current() -> str:
    """The language of this run (for the profile given to :func:`use`)."""
    if "language" not in _chosen:
        _chosen["language"] = choose(_profile.get("config"))
    return _chosen["language"]


@cache
def catalogue(language: str) -> dict[str, str]:
    """English template -> its text in ``language``, for the core's messages."""
    if language == "en":
        return {}
    import xml.etree.ElementTree as ET

    ts = paths.translations_dir() / f"briefing_reader_{language}.ts"
    try:
        root = ET.parse(ts).getroot()
    except (OSError, ET.ParseError):
        return {}  # English then: a message is never lost for want of a catalogue
    found: dict[str, str] = {}
    for context in root.iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for entry in context.iter("message"):
            translation = entry.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                found[entry.findtext("source") or ""] = translation.text
    return found


def words(value: object, language: str | None = None) -> str:
    """A core Message (or an error carrying one) in ``language`` (default: this run's)."""
    chosen = language or current()
    table = catalogue(chosen)
    separator = "." if chosen == "nl" else ","
    return render(
        as_message(value),
        lambda template: table.get(template, template),
        lambda number: f"{number:,}".replace(",", separator),
    )
