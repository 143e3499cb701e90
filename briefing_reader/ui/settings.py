"""Every UI setting in one place: its key in ``ui.ini``, its type and its default.

The UI state (window layout, zoom, theme, language, the reading place) lives
in a QSettings ini file in the config dir, which a user may edit by hand or a
crash may leave half-written. Reading a setting never fails: a missing value
gives the default; a value of the wrong type or out of range (``zoom=abc``)
gives the default and a logged warning. So a garbled ``ui.ini`` never blocks
the start, and the next save writes good values over the bad ones.

Notes never live here (they are in the notes store).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

log = logging.getLogger(__name__)

T = TypeVar("T")

THEMES = ("system", "light", "dark")
LANGUAGES = ("", "nl", "en")  # "": as the system
FONT_SIZES = (0, 32)  # points; 0: as the system
RECENT_COUNT = 8


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting: ``parse`` turns what QSettings gives back into a ``T``
    or raises ValueError (or TypeError) for a value it cannot take."""

    key: str
    default: T
    parse: Callable[[object], T]

    def read(self, settings: QSettings) -> T:
        raw = settings.value(self.key)
        if raw is None:
            return self.default
        try:
            return self.parse(raw)
        except (ValueError, TypeError) as error:
            log.warning(
                "%s: setting %s=%.60r is not usable (%s); using %r",
                settings.fileName(),
                self.key,
                raw,
                error,
                self.default,
            )
            return self.default

    def write(self, settings: QSettings, value: T) -> None:
        """Store ``value``; None removes the setting (its default is then read)."""
        if value is None:
            settings.remove(self.key)
        elif isinstance(value, tuple):  # a tuple would be stored as a pickled object
            settings.setValue(self.key, list(value))
        else:
            settings.setValue(self.key, value)

    def clear(self, settings: QSettings) -> None:
        settings.remove(self.key)


# -- what a value may be ----------------------------------------------------


def whole(low: int | None = None, high: int | None = None) -> Callable[[object], int]:
    """A whole number (ini files give it back as text), within ``low``..``high``."""

    def parse(raw: object) -> int:
        if isinstance(raw, bool) or not isinstance(raw, (int, str)):
            raise TypeError(f"not a whole number: {type(raw).__name__}")
        number = int(raw)
        if (low is not None and number < low) or (high is not None and number > high):
            raise ValueError(f"outside {low}..{high}")
        return number

    return parse


def decimal(raw: object) -> float:
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        raise TypeError(f"not a number: {type(raw).__name__}")
    value = float(raw)
    if not math.isfinite(value):
        raise ValueError("not a finite number")
    return value


def text(raw: object) -> str:
    if not isinstance(raw, str):  # a list: an unquoted comma in a hand edit
        raise TypeError(f"not a text: {type(raw).__name__}")
    return raw


def one_of(*choices: str) -> Callable[[object], str]:
    def parse(raw: object) -> str:
        value = text(raw)
        if value not in choices:
            raise ValueError(f"not one of {', '.join(repr(c) for c in choices)}")
        return value

    return parse


def flag(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.lower() in ("true", "false"):
        return raw.lower() == "true"
    raise ValueError("not true or false")


def texts(raw: object) -> tuple[str, ...]:
    """A list of texts; an ini file gives a list of one back as a plain text."""
    if isinstance(raw, str):
        return (raw,)
    if isinstance(raw, list) and all(isinstance(item, str) for item in raw):
        return tuple(raw)
    raise TypeError(f"not a list of texts: {type(raw).__name__}")


def blob(raw: object) -> QByteArray | None:
    """Qt's saved geometry or layout state (``@ByteArray(...)`` in the file)."""
    if not isinstance(raw, QByteArray):
        raise TypeError(f"not saved window state: {type(raw).__name__}")
    return raw


# -- the settings -------------------------------------------------------------

LANGUAGE: Setting[str] = Setting("ui/language", "", one_of(*LANGUAGES))
THEME: Setting[str] = Setting("ui/theme", "system", one_of(*THEMES))
FONT_SIZE: Setting[int] = Setting("ui/font_size", 0, whole(*FONT_SIZES))
WELCOMED: Setting[bool] = Setting("ui/welcomed", False, flag)
LAST_FOLDER: Setting[str] = Setting("ui/last_folder", "", text)
TEAM_FOLDER: Setting[str] = Setting("team/folder", "", text)
RECENT: Setting[tuple[str, ...]] = Setting("contents/recent", (), texts)

GEOMETRY: Setting[QByteArray | None] = Setting("window/geometry", None, blob)
SPLITTER: Setting[QByteArray | None] = Setting("window/splitter", None, blob)
WINDOW_STATE: Setting[QByteArray | None] = Setting("window/state", None, blob)

ZOOM: Setting[int] = Setting("reader/zoom", 0, whole())  # the reader clamps it
DOCUMENT: Setting[str] = Setting("reader/document", "", text)
OFFSET: Setting[int | None] = Setting("reader/offset", None, whole(0))
FOCUS: Setting[int | None] = Setting("reader/focus", None, whole(0))
OPENING: Setting[str] = Setting("reader/opening", "", text)  # set while opening a document
SLOW: Setting[str] = Setting("reader/slow", "", text)  # the last document slow to open
SLOW_SECONDS: Setting[float] = Setting("reader/slow_seconds", 0.0, decimal)

ALL: tuple[Setting[Any], ...] = (
    LANGUAGE,
    THEME,
    FONT_SIZE,
    WELCOMED,
    LAST_FOLDER,
    TEAM_FOLDER,
    RECENT,
    GEOMETRY,
    SPLITTER,
    WINDOW_STATE,
    ZOOM,
    DOCUMENT,
    OFFSET,
    FOCUS,
    OPENING,
    SLOW,
    SLOW_SECONDS,
)
