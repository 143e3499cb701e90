"""The database schema, versioned with ``PRAGMA user_version``.

One function per version brings a database from the version before to its
own; each runs in its own ``BEGIN IMMEDIATE`` transaction together with the
new ``user_version``, so a crash mid-migration leaves the old version intact
and the next start simply tries again. Before migrating a database that
already holds notes, a backup is taken (``VACUUM INTO``).

Version 1 (the first schema) kept selectors in flat columns and had no
commitments. Version 2 stores W3C selectors as JSON (so selector kinds can
be added or imported without a migration), records a motivation, the
origin of imported notes and the anchoring outcome, hashes the plain text
the positions refer to, lets a colleague's annotation of an action sit
beside mine, and adds the commitment status table. Version 3 adds
``anchor_events``: one row per re-anchoring of an item against a new
document version (outcome, anchor before and after, scores, and whether the
user accepted, dismissed or re-attached it); no existing table changes.
Version 4 adds ``highlights.key_figure``: the member marked the passage as a
key figure ("kerncijfer") for the debate card (issue 17).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from briefing_reader.core.messages import message
from briefing_reader.core.notes.errors import NotesSchemaError

SCHEMA_VERSION = 4

_V1 = """
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE action_notes (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, action_id TEXT NOT NULL,
    stance TEXT, priority TEXT, note TEXT NOT NULL DEFAULT '',
    questions TEXT NOT NULL DEFAULT '[]', tags TEXT NOT NULL DEFAULT '[]',
    action_title TEXT NOT NULL DEFAULT '', doc_version INTEGER, doc_hash TEXT,
    author TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,
    deleted_at TEXT,
    UNIQUE (doc_id, action_id)
);
CREATE TABLE highlights (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL,
    exact TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    colour TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
    doc_version INTEGER, doc_hash TEXT,
    author TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,
    deleted_at TEXT
);
CREATE TABLE bookmarks (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, place TEXT,
    exact TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    name TEXT NOT NULL, position INTEGER NOT NULL,
    doc_version INTEGER, doc_hash TEXT,
    author TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,
    deleted_at TEXT
);
CREATE TABLE reading_positions (
    doc_id TEXT PRIMARY KEY, "offset" INTEGER NOT NULL, place TEXT,
    doc_version INTEGER, doc_hash TEXT, modified TEXT NOT NULL
);
"""

_V2_TABLES = """
CREATE TABLE action_notes_v2 (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, action_id TEXT NOT NULL,
    stance TEXT, priority TEXT CHECK (priority IN ('hoog', 'middel', 'laag')),
    note TEXT NOT NULL DEFAULT '',
    questions TEXT NOT NULL DEFAULT '[]', tags TEXT NOT NULL DEFAULT '[]',
    action_title TEXT NOT NULL DEFAULT '', action_text TEXT NOT NULL DEFAULT '',
    doc_version INTEGER, doc_hash TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,
    imported_from TEXT, anchor_status TEXT NOT NULL DEFAULT 'exact',
    deleted_at TEXT
);
CREATE TABLE highlights_v2 (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, place TEXT,
    selectors TEXT NOT NULL, colour TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]', motivation TEXT NOT NULL DEFAULT 'highlighting',
    doc_version INTEGER, doc_hash TEXT NOT NULL DEFAULT '', text_hash TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,
    imported_from TEXT, anchor_status TEXT NOT NULL DEFAULT 'exact',
    deleted_at TEXT
);
CREATE TABLE bookmarks_v2 (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, place TEXT,
    selectors TEXT NOT NULL, name TEXT NOT NULL, position INTEGER NOT NULL,
    doc_version INTEGER, doc_hash TEXT NOT NULL DEFAULT '', text_hash TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,
    imported_from TEXT, anchor_status TEXT NOT NULL DEFAULT 'exact',
    deleted_at TEXT
);
CREATE TABLE commitment_statuses (
    commitment_id TEXT PRIMARY KEY,
    status TEXT NOT NULL
        CHECK (status IN ('Openstaand', 'Voldaan', 'Deels voldaan', 'Vervallen')),
    note TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL
);
"""

_V2_INDEXES = """
CREATE UNIQUE INDEX action_notes_mine ON action_notes (doc_id, action_id)
    WHERE imported_from IS NULL AND deleted_at IS NULL;
CREATE INDEX action_notes_doc ON action_notes (doc_id);
CREATE INDEX highlights_doc ON highlights (doc_id);
CREATE INDEX bookmarks_doc ON bookmarks (doc_id, position);
"""


def _selectors(exact: str, prefix: str, suffix: str, start: int, end: int) -> str:
    return json.dumps(
        [
            {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
            {"type": "TextPositionSelector", "start": start, "end": end},
        ],
        ensure_ascii=False,
    )


def migrate_to_1(conn: sqlite3.Connection) -> None:
    """The first schema: settings, action notes, highlights, bookmarks, positions."""
    for statement in _V1.split(";"):
        if statement.strip():
            conn.execute(statement)


def migrate_to_2(conn: sqlite3.Connection) -> None:
    """Selectors as JSON, provenance columns, colleagues' notes, commitments."""
    for statement in _V2_TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("""
        INSERT INTO action_notes_v2 (id, doc_id, action_id, stance, priority, note, questions,
            tags, action_title, doc_version, doc_hash, author, created, modified, deleted_at)
        SELECT id, doc_id, action_id, stance,
            CASE WHEN priority IN ('hoog', 'middel', 'laag') THEN priority END,
            note, questions, tags, action_title, doc_version, COALESCE(doc_hash, ''),
            author, created, modified, deleted_at
        FROM action_notes""")
    for row in conn.execute("SELECT * FROM highlights").fetchall():
        conn.execute(
            """
            INSERT INTO highlights_v2 (id, doc_id, selectors, colour, note, motivation,
                doc_version, doc_hash, author, created, modified, deleted_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                row["id"],
                row["doc_id"],
                _selectors(row["exact"], row["prefix"], row["suffix"], row["start"], row["end"]),
                row["colour"],
                row["note"],
                "commenting" if row["note"] else "highlighting",
                row["doc_version"],
                row["doc_hash"] or "",
                row["author"],
                row["created"],
                row["modified"],
                row["deleted_at"],
            ),
        )
    for row in conn.execute("SELECT * FROM bookmarks").fetchall():
        conn.execute(
            """
            INSERT INTO bookmarks_v2 (id, doc_id, place, selectors, name, position,
                doc_version, doc_hash, author, created, modified, deleted_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                row["id"],
                row["doc_id"],
                row["place"],
                _selectors(row["exact"], row["prefix"], row["suffix"], row["start"], row["end"]),
                row["name"],
                row["position"],
                row["doc_version"],
                row["doc_hash"] or "",
                row["author"],
                row["created"],
                row["modified"],
                row["deleted_at"],
            ),
        )
    for table in ("action_notes", "highlights", "bookmarks"):
        conn.execute(f"DROP TABLE {table}")
        conn.execute(f"ALTER TABLE {table}_v2 RENAME TO {table}")
    conn.execute("ALTER TABLE reading_positions ADD COLUMN text_hash TEXT NOT NULL DEFAULT ''")
    for statement in _V2_INDEXES.split(";"):
        if statement.strip():
            conn.execute(statement)


_V3 = """
CREATE TABLE anchor_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('action', 'highlight', 'bookmark')),
    doc_id TEXT NOT NULL,
    from_version INTEGER, from_hash TEXT NOT NULL,
    to_version INTEGER, to_hash TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('exact', 'moved', 'fuzzy', 'orphaned')),
    before TEXT NOT NULL, after TEXT,
    score REAL NOT NULL DEFAULT 0, runner_up REAL NOT NULL DEFAULT 0,
    reason TEXT NOT NULL DEFAULT '',
    review TEXT NOT NULL DEFAULT 'none' CHECK (review IN
        ('none', 'open', 'accepted', 'dismissed', 'reattached', 'superseded')),
    created TEXT NOT NULL, decided TEXT
);
CREATE INDEX anchor_events_item ON anchor_events (item_id, to_hash);
CREATE INDEX anchor_events_open ON anchor_events (doc_id) WHERE review = 'open';
"""


def migrate_to_3(conn: sqlite3.Connection) -> None:
    """The log of re-anchoring outcomes and review decisions (issue 5)."""
    for statement in _V3.split(";"):
        if statement.strip():
            conn.execute(statement)


def migrate_to_4(conn: sqlite3.Connection) -> None:
    """A highlight can be a key figure ("kerncijfer") for the debate card (issue 17)."""
    conn.execute("ALTER TABLE highlights ADD COLUMN key_figure INTEGER NOT NULL DEFAULT 0")


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: migrate_to_1,
    2: migrate_to_2,
    3: migrate_to_3,
    4: migrate_to_4,
}


def user_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(
    conn: sqlite3.Connection, path: Path, backup: Callable[[int], Path | None]
) -> list[int]:
    """Bring the database to :data:`SCHEMA_VERSION`, one version at a time.

    Args:
        conn: an autocommit connection (``isolation_level=None``).
        path: the database file, for messages.
        backup: called with the old version before the first migration of a
            database that already has a schema; makes a backup.

    Returns:
        The versions migrated to, in order (empty when already current).

    Raises:
        NotesSchemaError: the file was written by a newer version of the app.
        sqlite3.Error: a migration failed; it was rolled back.
    """
    current = user_version(conn)
    if current > SCHEMA_VERSION:
        raise NotesSchemaError(
            message("notes.newer_schema", found=current, known=SCHEMA_VERSION), path
        )
    if current == SCHEMA_VERSION:
        return []
    if current > 0:
        backup(current)
    done: list[int] = []
    for version in range(current + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if user_version(conn) >= version:  # another process got here first
                conn.execute("ROLLBACK")
                continue
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        done.append(version)
    return done
