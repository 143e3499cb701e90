"""Which table holds each kind of note, and SQL that more than one writer needs."""

from __future__ import annotations

import sqlite3

from briefing_reader.core.notes.model import NoteKind

#: item kind -> table
TABLES: dict[str, str] = {
    NoteKind.ACTION: "action_notes",
    NoteKind.HIGHLIGHT: "highlights",
    NoteKind.BOOKMARK: "bookmarks",
}
#: Every table of notes, in the order of :data:`TABLES`.
NOTE_TABLES: tuple[str, ...] = tuple(TABLES.values())


def last_bookmark_position(conn: sqlite3.Connection) -> int:
    """The highest position in the bookmark list (0 when there is none); a new one goes after."""
    found = conn.execute("SELECT MAX(position) FROM bookmarks").fetchone()[0]
    return int(found or 0)
