"""Per-action annotations: my annotation of an action, created or changed in place.

These functions run inside a transaction the store holds, so a read and the
write that depends on it cannot be split by another process.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from typing import Any

from briefing_reader.core.messages import message
from briefing_reader.core.notes import row_mapping, settings, validation
from briefing_reader.core.notes.errors import NotesValidationError
from briefing_reader.core.notes.model import (
    ActionAnnotation,
    ActionTarget,
    format_time,
    parse_time,
    utc_now,
)


def mine(conn: sqlite3.Connection, doc_id: str, action_id: str) -> ActionAnnotation | None:
    """My live annotation of an action, or None."""
    row = conn.execute(
        "SELECT * FROM action_notes WHERE doc_id = ? AND action_id = ? "
        "AND imported_from IS NULL AND deleted_at IS NULL",
        (doc_id, action_id),
    ).fetchone()
    return None if row is None else row_mapping.action_from(row)


def update(
    conn: sqlite3.Connection, target: ActionTarget, changes: dict[str, Any]
) -> ActionAnnotation:
    """Create my annotation of ``target`` or change it; fields not in ``changes`` stay.

    The action's title, text, version and hash are refreshed from ``target``.

    Raises:
        NotesValidationError: a value is not acceptable.
    """
    if not target.doc_id or not target.action_id:
        raise NotesValidationError(message("notes.action_needs_target"))
    current = mine(conn, target.doc_id, target.action_id)
    values: dict[str, Any] = {
        "stance": current.stance if current else None,
        "priority": current.priority if current else None,
        "note": current.note if current else "",
        "questions": current.questions if current else (),
        "tags": current.tags if current else (),
    }
    values.update(changes)
    values["stance"] = validation.check_stance(
        values["stance"], settings.stances(conn), current.stance if current else None
    )
    values["priority"] = validation.check_priority(values["priority"])
    values["note"] = validation.check_text(values["note"], "note")
    values["questions"] = validation.check_questions(values["questions"])
    values["tags"] = validation.check_tags(values["tags"])
    now = utc_now()
    if current and parse_time(now) <= parse_time(current.modified):
        now = later_than(current.modified)  # two saves in one millisecond: still a new version
    item_id = current.id if current else str(uuid.uuid4())
    params = (
        values["stance"],
        values["priority"],
        values["note"],
        row_mapping.json_list(values["questions"]),
        row_mapping.json_list(values["tags"]),
        target.title,
        target.text,
        target.doc_version,
        target.doc_hash,
        now,
    )
    if current:
        conn.execute(
            "UPDATE action_notes SET stance = ?, priority = ?, note = ?, "
            "questions = ?, tags = ?, action_title = ?, action_text = ?, "
            "doc_version = ?, doc_hash = ?, modified = ? WHERE id = ?",
            (*params, item_id),
        )
    else:
        conn.execute(
            "INSERT INTO action_notes (stance, priority, note, questions, tags, "
            "action_title, action_text, doc_version, doc_hash, modified, id, "
            "doc_id, action_id, author, created) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*params, item_id, target.doc_id, target.action_id, settings.author(conn), now),
        )
    row = conn.execute("SELECT * FROM action_notes WHERE id = ?", (item_id,)).fetchone()
    return row_mapping.action_from(row)


def later_than(moment: str) -> str:
    """One millisecond after a stored time, so ``modified`` always moves on
    (editors compare it to know whether they hold the newest version)."""
    return format_time(parse_time(moment) + dt.timedelta(milliseconds=1))
