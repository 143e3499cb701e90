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

from briefing_reader.core.notes import rows
from briefing_reader.core.notes import trash as trash_mod
from briefing_reader.core.notes.model import TextAnchor, parse_time

TABLES = trash_mod.TABLES
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
    """

    kind: str
    id: str
    modified: str
    values: dict[str, Any]


@dataclass
class ImportReport:
    """What an import did, by count."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_mine: int = 0
    skipped: list[str] = field(default_factory=list)

    def message(self) -> str:
        parts = [f"{self.added} added", f"{self.updated} updated",
                 f"{self.unchanged} already there"]
        if self.kept_mine:
            parts.append(f"{self.kept_mine} left alone (yours)")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return ", ".join(parts)


Progress = Callable[[int, int], None]


def columns(incoming: Incoming, *, as_mine: bool = False) -> dict[str, Any]:
    """The row to store for ``incoming``."""
    values = dict(incoming.values)
    anchor: TextAnchor | None = values.pop("anchor", None)
    if anchor is not None:
        values.update(doc_id=anchor.doc_id, place=anchor.place,
                      selectors=rows.selectors_json(anchor), doc_version=anchor.doc_version,
                      doc_hash=anchor.doc_hash, text_hash=anchor.text_hash)
    for key in ("questions", "tags"):
        if key in values:
            values[key] = rows.json_list(values[key])
    if as_mine:
        values["imported_from"] = None
    return values


def _insert(conn: sqlite3.Connection, table: str, values: dict[str, Any]) -> None:
    names = ", ".join(f'"{k}"' for k in values)
    conn.execute(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in values)})",
                 tuple(values.values()))


def _update(conn: sqlite3.Connection, table: str, item_id: str, values: dict[str, Any]) -> None:
    values = {k: v for k, v in values.items() if k not in ("id", "created")}
    sets = ", ".join(f'"{k}" = ?' for k in values)
    conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*values.values(), item_id))


def merge(conn: sqlite3.Connection, incoming: Iterable[Incoming], report: ImportReport, *,
          as_mine: bool = False, progress: Progress | None = None, total: int = 0) -> None:
    """Add or update every item (inside the caller's transaction)."""
    last_position = conn.execute("SELECT MAX(position) FROM bookmarks").fetchone()[0] or 0
    for done, item in enumerate(incoming, start=1):
        if progress is not None and done % PROGRESS_STEP == 0:
            progress(done, total)
        values = columns(item, as_mine=as_mine)
        found = trash_mod.find(conn, item.id)
        if found is None:
            if item.kind == "bookmark":
                last_position += 1
                values["position"] = last_position
            _insert(conn, TABLES[item.kind], values)
            report.added += 1
            continue
        kind, deleted_at = found
        row = conn.execute(f"SELECT imported_from, modified FROM {TABLES[kind]} WHERE id = ?",
                           (item.id,)).fetchone()
        if kind != item.kind:
            report.skipped.append(f"{item.id}: already used by a {kind}")
        elif row["imported_from"] is None:
            report.kept_mine += 1
        elif deleted_at is not None or parse_time(row["modified"]) >= parse_time(item.modified):
            report.unchanged += 1
        else:
            _update(conn, TABLES[kind], item.id, values)
            report.updated += 1
