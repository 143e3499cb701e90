"""Soft delete: deleted items wait in the trash, can be restored, and are purged later.

Deleting sets ``deleted_at``; every query of live items skips such rows.
Restoring clears it. Items deleted more than :data:`RETENTION` ago are
purged (removed for good) when the store opens. These functions run inside
a transaction the caller holds.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from briefing_reader.core.messages import message
from briefing_reader.core.notes.errors import NotesConflictError, NotesNotFoundError
from briefing_reader.core.notes.model import NoteKind, TrashItem, format_time
from briefing_reader.core.notes.tables import TABLES

RETENTION = dt.timedelta(days=30)


def find(conn: sqlite3.Connection, item_id: str) -> tuple[str, str | None] | None:
    """The kind of an item and its ``deleted_at`` (None when live), or None if unknown."""
    for kind, table in TABLES.items():
        row = conn.execute(f"SELECT deleted_at FROM {table} WHERE id = ?", (item_id,)).fetchone()
        if row is not None:
            return kind, row[0]
    return None


def _label(conn: sqlite3.Connection, kind: str, item_id: str) -> tuple[str, str]:
    if kind == NoteKind.ACTION:
        row = conn.execute(
            "SELECT doc_id, action_title, action_id FROM action_notes WHERE id = ?", (item_id,)
        ).fetchone()
        return row[0], row[1] or row[2]
    if kind == NoteKind.BOOKMARK:
        row = conn.execute("SELECT doc_id, name FROM bookmarks WHERE id = ?", (item_id,)).fetchone()
        return row[0], row[1]
    row = conn.execute(
        "SELECT doc_id, selectors FROM highlights WHERE id = ?", (item_id,)
    ).fetchone()
    exact = next(
        (s.get("exact", "") for s in json.loads(row[1]) if s.get("type") == "TextQuoteSelector"), ""
    )
    return row[0], exact if len(exact) <= 80 else exact[:79] + "…"


def soft_delete(conn: sqlite3.Connection, item_id: str, now: str) -> TrashItem:
    """Move a live item to the trash.

    Raises:
        NotesNotFoundError: no live item has that id.
    """
    found = find(conn, item_id)
    if found is None or found[1] is not None:
        raise NotesNotFoundError(message("notes.nothing_to_delete", id=item_id))
    kind = found[0]
    conn.execute(f"UPDATE {TABLES[kind]} SET deleted_at = ? WHERE id = ?", (now, item_id))
    doc_id, label = _label(conn, kind, item_id)
    return TrashItem(id=item_id, kind=kind, doc_id=doc_id, label=label, deleted_at=now)


def restore(conn: sqlite3.Connection, item_id: str) -> str:
    """Take an item out of the trash; returns its kind.

    Raises:
        NotesNotFoundError: the item is not in the trash (never was, or purged).
        NotesConflictError: the action has been annotated again since; the
            newer annotation is kept.
    """
    found = find(conn, item_id)
    if found is None or found[1] is None:
        raise NotesNotFoundError(message("notes.not_in_trash", id=item_id))
    kind = found[0]
    try:
        conn.execute(f"UPDATE {TABLES[kind]} SET deleted_at = NULL WHERE id = ?", (item_id,))
    except sqlite3.IntegrityError as exc:
        raise NotesConflictError(message("notes.annotated_again")) from exc
    return kind


def list_trash(conn: sqlite3.Connection) -> list[TrashItem]:
    """Every item in the trash, most recently deleted first."""
    items = []
    for kind, table in TABLES.items():
        rows = conn.execute(
            f"SELECT id, deleted_at FROM {table} WHERE deleted_at IS NOT NULL"
        ).fetchall()
        for item_id, deleted_at in rows:
            doc_id, label = _label(conn, kind, item_id)
            items.append(TrashItem(item_id, kind, doc_id, label, deleted_at))
    return sorted(items, key=lambda item: item.deleted_at, reverse=True)


def purge(conn: sqlite3.Connection, now: dt.datetime, retention: dt.timedelta = RETENTION) -> int:
    """Remove for good the items deleted before ``now - retention``; returns how many."""
    cutoff = format_time(now - retention)
    removed = 0
    for table in TABLES.values():
        cursor = conn.execute(
            f"DELETE FROM {table} WHERE deleted_at IS NOT NULL AND deleted_at < ?", (cutoff,)
        )
        removed += cursor.rowcount
    return removed
