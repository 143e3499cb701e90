"""Colleagues' notes by author: who they are, a colour per person, "take over".

A colleague is known by a stable key: the creator id their file gave
(``urn:uuid:...``, kept in ``exchange_meta``), or else the label of the file
the note came from. Their name is the ``author`` on their newest note.

Each person gets a colour derived from the key alone, so it is the same on
every computer and every run: :func:`tint` for their highlights in the text
(dark text on it stays readable, WCAG AA) and :func:`marker` for a swatch or
name beside a list or panel background of either theme.

:func:`copy_to_mine` ("Overnemen") makes a colleague's note mine without
touching theirs, and never twice: a highlight copy gets an id derived from my
creator id and theirs (taken over again after I deleted my copy, that copy
comes back from the trash as I left it); an action note fills my note on
that action, adding only what is not in it yet.
"""

from __future__ import annotations

import colorsys
import hashlib
import sqlite3
import uuid
from dataclasses import dataclass
from typing import Any

from briefing_reader.core.messages import message
from briefing_reader.core.notes import actions, row_mapping, settings
from briefing_reader.core.notes import trash as trash_mod
from briefing_reader.core.notes.errors import NotesConflictError, NotesNotFoundError
from briefing_reader.core.notes.model import ActionAnnotation, ActionTarget, NoteKind, utc_now
from briefing_reader.core.notes.tables import NOTE_TABLES, TABLES

#: The text colour the reader writes over highlights.
HIGHLIGHT_TEXT = "#1b1b1b"
#: WCAG AA for normal text.
AA = 4.5
#: Namespace of the ids of copies ("Overnemen"); any fixed uuid does.
COPY_NAMESPACE = uuid.UUID("5d3c1f0e-8a8b-4f4e-9a51-2f0f6a1c7b10")


@dataclass(frozen=True)
class Colleague:
    """One colleague whose notes are in my store."""

    key: str
    name: str
    count: int


@dataclass(frozen=True)
class Copied:
    """What "Overnemen" did.

    Attributes:
        kind: "action" or "highlight".
        item_id: my note that holds the copy.
        created: True when my note is new (undo deletes it).
        changed: False when everything was already in mine (nothing written).
        before: my action note as it was before (undo puts it back), or None.
    """

    kind: str
    item_id: str
    created: bool
    changed: bool
    before: ActionAnnotation | None = None


# -- colours ---------------------------------------------------------------


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(first: str, second: str) -> float:
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def hue(key: str) -> float:
    """A hue in [0, 1) from the key alone (the same everywhere)."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") / 2**32


def _hls(hue_value: float, lightness: float, saturation: float) -> str:
    red, green, blue = colorsys.hls_to_rgb(hue_value, lightness, saturation)
    return "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in (red, green, blue)))


def tint(key: str) -> str:
    """The person's highlight colour: pale, so ``HIGHLIGHT_TEXT`` on it meets AA."""
    lightness = 0.80
    colour = _hls(hue(key), lightness, 0.75)
    while contrast(colour, HIGHLIGHT_TEXT) < AA + 0.5 and lightness < 0.97:
        lightness += 0.02
        colour = _hls(hue(key), lightness, 0.75)
    return colour


def marker(key: str, background: str) -> str:
    """The person's colour for a swatch or name on ``background`` (``#rrggbb``):
    their hue, darkened on a light background and lightened on a dark one until
    it meets AA."""
    dark_background = luminance(background) < 0.18
    lightness, step = (0.70, 0.03) if dark_background else (0.40, -0.03)
    colour = _hls(hue(key), lightness, 0.70)
    while contrast(colour, background) < AA and 0.0 < lightness + step < 1.0:
        lightness += step
        colour = _hls(hue(key), lightness, 0.70)
    return colour


# -- who -------------------------------------------------------------------


def _has_meta(conn: sqlite3.Connection) -> bool:
    return (
        conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'exchange_meta'").fetchone()
        is not None
    )


def _theirs(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every live colleague's note: id, author, modified and key."""
    found: list[sqlite3.Row] = []
    meta = _has_meta(conn)
    for table in NOTE_TABLES:
        key = "COALESCE(m.creator_id, t.imported_from)" if meta else "t.imported_from"
        join = "LEFT JOIN exchange_meta m ON m.item_id = t.id" if meta else ""
        found += conn.execute(
            f"SELECT t.id AS id, t.author AS author, t.modified AS modified, {key} AS key "
            f"FROM {table} t {join} WHERE t.imported_from IS NOT NULL "
            "AND t.deleted_at IS NULL"
        ).fetchall()
    return found


def author_keys(conn: sqlite3.Connection) -> dict[str, str]:
    """The author key of every live colleague's note, by note id."""
    return {row["id"]: row["key"] for row in _theirs(conn)}


def colleagues(conn: sqlite3.Connection) -> list[Colleague]:
    """Everyone whose notes I hold, by name; the name on their newest note."""
    newest: dict[str, tuple[str, str]] = {}
    counts: dict[str, int] = {}
    for row in _theirs(conn):
        counts[row["key"]] = counts.get(row["key"], 0) + 1
        held = newest.get(row["key"])
        if held is None or row["modified"] > held[0]:
            newest[row["key"]] = (row["modified"], row["author"])
    found = [Colleague(key, newest[key][1], counts[key]) for key in counts]
    return sorted(found, key=lambda c: (c.name.casefold(), c.key))


# -- take over -------------------------------------------------------------


def copy_to_mine(conn: sqlite3.Connection, item_id: str, my_creator: str) -> Copied:
    """Copy a colleague's action note or highlight into mine (see the module).

    Raises:
        NotesNotFoundError: no such live note.
        NotesConflictError: it is mine already, or a bookmark.
    """
    found = trash_mod.find(conn, item_id)
    if found is None or found[1] is not None:
        raise NotesNotFoundError(message("notes.no_such_note", id=item_id))
    kind = found[0]
    row = conn.execute(f"SELECT * FROM {TABLES[kind]} WHERE id = ?", (item_id,)).fetchone()
    if row["imported_from"] is None:
        raise NotesConflictError(message("notes.yours_already"))
    if kind == NoteKind.HIGHLIGHT:
        return _copy_highlight(conn, row, my_creator)
    if kind == NoteKind.ACTION:
        return _copy_action(conn, row_mapping.action_from(row))
    raise NotesConflictError(message("notes.cannot_take_over"))


def copy_id(my_creator: str, item_id: str) -> str:
    """The id of my copy of ``item_id``: the same for every "Overnemen"."""
    return str(uuid.uuid5(COPY_NAMESPACE, f"{my_creator} {item_id}"))


def _copy_highlight(conn: sqlite3.Connection, row: sqlite3.Row, my_creator: str) -> Copied:
    new_id = copy_id(my_creator, row["id"])
    held = trash_mod.find(conn, new_id)
    if held is not None and held[1] is None:
        return Copied(NoteKind.HIGHLIGHT, new_id, created=False, changed=False)
    if held is not None:  # I took it over before and deleted my copy: it comes back
        trash_mod.restore(conn, new_id)
        return Copied(NoteKind.HIGHLIGHT, new_id, created=True, changed=True)
    now = utc_now()
    values: dict[str, Any] = {
        name: row[name]
        for name in (
            "doc_id",
            "place",
            "selectors",
            "colour",
            "note",
            "tags",
            "motivation",
            "doc_version",
            "doc_hash",
            "text_hash",
            "anchor_status",
        )
    }
    values.update(id=new_id, author=settings.author(conn), created=now, modified=now)
    names = ", ".join(f'"{name}"' for name in values)
    conn.execute(
        f"INSERT INTO highlights ({names}) VALUES ({', '.join('?' for _ in values)})",
        tuple(values.values()),
    )
    return Copied(NoteKind.HIGHLIGHT, new_id, created=True, changed=True)


def _copy_action(conn: sqlite3.Connection, theirs: ActionAnnotation) -> Copied:
    mine = actions.mine(conn, theirs.doc_id, theirs.action_id)
    changes = merged_fields(mine, theirs)
    if changes.get("stance") not in settings.stances(conn):
        changes.pop("stance", None)  # not a stance of my list: their note still says it
    if not changes:
        assert mine is not None
        return Copied(NoteKind.ACTION, mine.id, created=False, changed=False, before=mine)
    target = ActionTarget(
        theirs.doc_id,
        theirs.action_id,
        theirs.doc_version,
        theirs.doc_hash,
        theirs.action_title,
        theirs.action_text,
    )
    saved = actions.update(conn, target, changes)
    return Copied(NoteKind.ACTION, saved.id, created=mine is None, changed=True, before=mine)


def merged_fields(mine: ActionAnnotation | None, theirs: ActionAnnotation) -> dict[str, Any]:
    """What taking ``theirs`` over changes in ``mine``: empty fields take their
    value; their note is added below mine (with their name) unless mine holds
    it; their questions and tags that I lack are added. Mine never shrinks."""
    if mine is None:
        changes: dict[str, Any] = {
            "stance": theirs.stance,
            "priority": theirs.priority,
            "note": theirs.note,
            "questions": theirs.questions,
            "tags": theirs.tags,
        }
        return changes if not theirs.is_empty else {"note": theirs.note}
    changes = {}
    if not mine.stance and theirs.stance:
        changes["stance"] = theirs.stance
    if not mine.priority and theirs.priority:
        changes["priority"] = theirs.priority
    if theirs.note.strip() and theirs.note.strip() not in mine.note:
        changes["note"] = (
            mine.note.rstrip() + "\n\n" if mine.note.strip() else ""
        ) + f"{theirs.author}:\n\n{theirs.note.strip()}"
    extra = tuple(q for q in theirs.questions if q not in mine.questions)
    if extra:
        changes["questions"] = mine.questions + extra
    tags = tuple(t for t in theirs.tags if t not in mine.tags)
    if tags:
        changes["tags"] = mine.tags + tags
    return changes


def restore_action(conn: sqlite3.Connection, before: ActionAnnotation) -> ActionAnnotation:
    """Put my action note back as it was before a take-over (undo)."""
    target = ActionTarget(
        before.doc_id,
        before.action_id,
        before.doc_version,
        before.doc_hash,
        before.action_title,
        before.action_text,
    )
    return actions.update(
        conn,
        target,
        {
            "stance": before.stance,
            "priority": before.priority,
            "note": before.note,
            "questions": before.questions,
            "tags": before.tags,
        },
    )
