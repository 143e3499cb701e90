"""The few settings that belong with the notes: the author and the stance list.

They live in the ``settings`` table of the same database (values as JSON),
so an exported note carries the author it was written by and the stance
list travels with the notes it classifies.
"""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
from collections.abc import Iterable
from typing import Any

from briefing_reader.core.messages import message
from briefing_reader.core.notes.errors import NotesValidationError
from briefing_reader.core.notes.model import DEFAULT_STANCES

AUTHOR = "author"
STANCES = "stances"
#: This profile's creator id in exported annotations (a urn:uuid, made once).
CREATOR_ID = "creator_id"
FALLBACK_AUTHOR = "onbekend"
MAX_STANCE_LENGTH = 60


def default_author() -> str:
    """The OS user name, or a fallback where none can be found."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError, ImportError):  # no passwd entry, no env variable
        name = os.environ.get("USERNAME", "")
    return name.strip() or FALLBACK_AUTHOR


def read(conn: sqlite3.Connection, key: str) -> Any:
    """The stored value of ``key``, or None."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else json.loads(row[0])


def write(conn: sqlite3.Connection, key: str, value: Any) -> None:
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value, ensure_ascii=False)),
    )


def author(conn: sqlite3.Connection) -> str:
    value = read(conn, AUTHOR)
    return value if isinstance(value, str) and value.strip() else default_author()


def stances(conn: sqlite3.Connection) -> tuple[str, ...]:
    value = read(conn, STANCES)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return tuple(value)
    return DEFAULT_STANCES


def clean_author(name: str) -> str:
    """``name`` stripped; rejects an empty or over-long one."""
    cleaned = name.strip() if isinstance(name, str) else ""
    if not cleaned or len(cleaned) > 200:
        raise NotesValidationError(message("notes.author_length"))
    return cleaned


def clean_stances(values: Iterable[str]) -> tuple[str, ...]:
    """The stance list as stored: stripped, non-empty, unique, in order.

    Raises:
        NotesValidationError: the list is empty or holds an empty, duplicate
            or over-long entry.
    """
    cleaned: list[str] = []
    for value in values:
        stance = value.strip() if isinstance(value, str) else ""
        if not stance or len(stance) > MAX_STANCE_LENGTH:
            raise NotesValidationError(
                message("notes.stance_length", limit=MAX_STANCE_LENGTH, value=repr(value))
            )
        if stance in cleaned:
            raise NotesValidationError(message("notes.stance_twice", stance=stance))
        cleaned.append(stance)
    if not cleaned:
        raise NotesValidationError(message("notes.stances_empty"))
    return tuple(cleaned)
