"""Merging checked notes from a file into the store, in one transaction.

:func:`merge` runs inside the store's write transaction (see
``NotesStore.merge_notes``). Each incoming item is looked up by its primary
key; bookmark positions are counted on from the current last one once, not
looked up per item, so a file of 100,000 notes merges in linear time.

New ids are added with ``imported_from`` = the file's name (shown as the
colleague's) or, restoring one's own notes (``as_mine``), as mine; an id I
already have as mine is never touched; one imported earlier is updated only
when the file's ``modified`` is newer; deleted ones stay deleted. Merging the
same file twice therefore changes nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from briefing_reader.core.messages import Message, message
from briefing_reader.core.notes import outcomes, row_mapping
from briefing_reader.core.notes import trash as trash_mod
from briefing_reader.core.notes.model import AnchorStatus, NoteKind, TextAnchor, parse_time
from briefing_reader.core.notes.outcomes import Review
from briefing_reader.core.notes.tables import TABLES, last_bookmark_position

#: The re-anchoring reason of a note whose document is not in the library.
MISSING_DOCUMENT = "document not in the library"
#: What a file said beyond our columns, by item id. Created on first use, so
#: it needs no schema version of its own (older versions ignore the table).
META_TABLE = """CREATE TABLE IF NOT EXISTS exchange_meta (
    item_id TEXT PRIMARY KEY, original_id TEXT, language TEXT NOT NULL DEFAULT '',
    creator_id TEXT)"""
#: Report progress every this many items.
PROGRESS_STEP = 500


@dataclass(frozen=True)
class Incoming:
    """One checked note from a file, ready to insert.

    Attributes:
        kind: "action", "highlight" or "bookmark".
        id: the id it is stored under.
        modified: its ``modified`` time, to decide whether it is newer.
        values: column values (an ``anchor`` is spread over its columns).
        meta: what the file said beyond our columns: ``original_id`` (an id
            that was not ours), ``language`` of the bodies, ``creator_id``.
        missing_document: its document is not in the library (it waits in
            the list to check until the document arrives).
    """

    kind: str
    id: str
    modified: str
    values: dict[str, Any]
    meta: dict[str, str | None] = field(default_factory=dict)
    missing_document: bool = False


@dataclass
class ImportReport:
    """What an import did, by count."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_mine: int = 0
    skipped: list[Message] = field(default_factory=list)

    def message(self) -> str:
        parts = [
            f"{self.added} added",
            f"{self.updated} updated",
            f"{self.unchanged} already there",
        ]
        if self.kept_mine:
            parts.append(f"{self.kept_mine} left alone (yours)")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return ", ".join(parts)


Progress = Callable[[int, int], None]


def _taken(item: Incoming) -> Message:
    """Why an incoming note of mine is skipped: I have a note on its action already."""
    values = item.values
    return message(
        "notes.skipped_taken", id=item.id, doc=values["doc_id"], action=values["action_id"]
    )


def columns(incoming: Incoming, *, as_mine: bool = False) -> dict[str, Any]:
    """The row to store for ``incoming``."""
    values = dict(incoming.values)
    anchor: TextAnchor | None = values.pop("anchor", None)
    if anchor is not None:
        values.update(
            doc_id=anchor.doc_id,
            place=anchor.place,
            selectors=row_mapping.selectors_json(anchor),
            doc_version=anchor.doc_version,
            doc_hash=anchor.doc_hash,
            text_hash=anchor.text_hash,
        )
    for key in ("questions", "tags"):
        if key in values:
            values[key] = row_mapping.json_list(values[key])
    if as_mine:
        values["imported_from"] = None
    return values


def _insert(conn: sqlite3.Connection, table: str, values: dict[str, Any]) -> None:
    names = ", ".join(f'"{k}"' for k in values)
    conn.execute(
        f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in values)})",
        tuple(values.values()),
    )


def _update(conn: sqlite3.Connection, table: str, item_id: str, values: dict[str, Any]) -> None:
    values = {k: v for k, v in values.items() if k not in ("id", "created")}
    sets = ", ".join(f'"{k}" = ?' for k in values)
    conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*values.values(), item_id))


def _remember(conn: sqlite3.Connection, item: Incoming) -> None:
    if any(item.meta.values()):
        conn.execute(
            "INSERT OR REPLACE INTO exchange_meta (item_id, original_id, language, "
            "creator_id) VALUES (?, ?, ?, ?)",
            (
                item.id,
                item.meta.get("original_id"),
                item.meta.get("language") or "",
                item.meta.get("creator_id"),
            ),
        )


def _wait_for_document(conn: sqlite3.Connection, item: Incoming) -> None:
    """Mark a note on a document not in the library as one to check: never exact."""
    table = TABLES[item.kind]
    row = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (item.id,)).fetchone()
    outcomes.set_status(conn, item.kind, item.id, AnchorStatus.ORPHANED)
    conn.execute(
        f"UPDATE anchor_events SET review = '{Review.SUPERSEDED}' "
        f"WHERE item_id = ? AND review = '{Review.OPEN}'",
        (item.id,),
    )
    outcomes.insert_event(
        conn,
        item.id,
        item.kind,
        outcomes.placement_of(item.kind, row),
        AnchorStatus.ORPHANED,
        None,
        "",
        None,
        0.0,
        0.0,
        MISSING_DOCUMENT,
        Review.OPEN,
    )


def _action_taken(conn: sqlite3.Connection, item: Incoming) -> bool:
    """Restoring an action note as mine where I already have another one."""
    if item.kind != NoteKind.ACTION:
        return False
    return (
        conn.execute(
            "SELECT 1 FROM action_notes WHERE doc_id = ? AND action_id = ? AND "
            "imported_from IS NULL AND deleted_at IS NULL AND id != ?",
            (item.values["doc_id"], item.values["action_id"], item.id),
        ).fetchone()
        is not None
    )


def read_meta(conn: sqlite3.Connection) -> dict[str, sqlite3.Row]:
    """Every item's remembered original id, language and creator id."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'exchange_meta'").fetchone() is None:
        return {}
    return {row["item_id"]: row for row in conn.execute("SELECT * FROM exchange_meta")}


def merge(
    conn: sqlite3.Connection,
    incoming: Iterable[Incoming],
    report: ImportReport,
    *,
    as_mine: bool = False,
    progress: Progress | None = None,
    total: int = 0,
) -> None:
    """Add or update every item (inside the caller's transaction)."""
    conn.execute(META_TABLE)
    last_position = last_bookmark_position(conn)
    for done, item in enumerate(incoming, start=1):
        if progress is not None and done % PROGRESS_STEP == 0:
            progress(done, total)
        values = columns(item, as_mine=as_mine)
        found = trash_mod.find(conn, item.id)
        if found is None and as_mine and _action_taken(conn, item):
            report.skipped.append(_taken(item))
            continue
        if found is None:
            if item.kind == NoteKind.BOOKMARK:
                last_position += 1
                values["position"] = last_position
            _insert(conn, TABLES[item.kind], values)
            _remember(conn, item)
            if item.missing_document:
                _wait_for_document(conn, item)
            report.added += 1
            continue
        kind, deleted_at = found
        row = conn.execute(
            f"SELECT imported_from, modified FROM {TABLES[kind]} WHERE id = ?", (item.id,)
        ).fetchone()
        if kind != item.kind:
            report.skipped.append(
                message("notes.skipped_other_kind", id=item.id, kind=message(f"notes.kind_{kind}"))
            )
        elif row["imported_from"] is None:
            report.kept_mine += 1
        elif deleted_at is not None or (
            not as_mine and parse_time(row["modified"]) >= parse_time(item.modified)
        ):
            # Restoring as mine takes a colleague's copy over whatever its date.
            report.unchanged += 1
        elif as_mine and _action_taken(conn, item):
            report.skipped.append(_taken(item))
        else:
            _update(conn, TABLES[kind], item.id, values)
            _remember(conn, item)
            if item.missing_document:
                _wait_for_document(conn, item)
            report.updated += 1
