"""Reading positions: one row per document, where the reader last was.

These functions run inside a transaction the store holds.
"""

from __future__ import annotations

import sqlite3

from briefing_reader.core.notes.model import ReadingPosition, utc_now


def save_position(conn: sqlite3.Connection, position: ReadingPosition) -> ReadingPosition:
    """Insert or replace the reading position of ``position.doc_id``."""
    now = utc_now()
    conn.execute(
        'INSERT INTO reading_positions (doc_id, "offset", place, doc_version, doc_hash, '
        "text_hash, modified) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (doc_id) DO "
        'UPDATE SET "offset" = excluded."offset", place = excluded.place, '
        "doc_version = excluded.doc_version, doc_hash = excluded.doc_hash, "
        "text_hash = excluded.text_hash, modified = excluded.modified",
        (
            position.doc_id,
            position.offset,
            position.place,
            position.doc_version,
            position.doc_hash,
            position.text_hash,
            now,
        ),
    )
    found = load_position(conn, position.doc_id)
    assert found is not None
    return found


def load_position(conn: sqlite3.Connection, doc_id: str) -> ReadingPosition | None:
    row = conn.execute("SELECT * FROM reading_positions WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    return ReadingPosition(
        row["doc_id"],
        row["offset"],
        row["place"],
        row["doc_version"],
        row["doc_hash"] or "",
        row["modified"],
        row["text_hash"],
    )
