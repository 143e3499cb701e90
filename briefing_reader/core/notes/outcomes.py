"""Re-anchoring outcomes as stored: the records and the SQL that writes them.

Every re-anchoring of an item against a new document version adds a row to
``anchor_events`` (schema 3): the outcome, the anchor before and after, the
scores, and the review state. The item's own row then holds its current
place and ``anchor_status``:

- exact / moved: the new anchor; nothing to review;
- fuzzy: the candidate anchor, flagged until the user accepts it (review
  "open"); accepting makes it "exact" (a confirmed place in this version);
- orphaned: the anchor as it was (quote and context kept), review "open".

Dismissing a fuzzy match puts the original anchor back and orphans the
item; dismissing an orphan only takes it off the list. Re-attaching gives
an item a new anchor chosen by the user. Nothing is ever deleted. The
functions here run inside a transaction the caller holds; the API is
:class:`briefing_reader.core.notes.review_log.ReviewLog` (``store.reviews``).
"""

from __future__ import annotations

import enum
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from briefing_reader.core.content.versions import NoteSpan
from briefing_reader.core.messages import message
from briefing_reader.core.notes import row_mapping
from briefing_reader.core.notes.errors import NotesConflictError, NotesNotFoundError
from briefing_reader.core.notes.model import (
    ActionTarget,
    AnchorStatus,
    NoteKind,
    TextAnchor,
    TextPositionSelector,
    TextQuoteSelector,
    utc_now,
)
from briefing_reader.core.notes.tables import TABLES


class Review(enum.StrEnum):
    """Where an item stands on the "Te controleren" list (``anchor_events.review``)."""

    NONE = "none"
    OPEN = "open"
    ACCEPTED = "accepted"
    DISMISSED = "dismissed"
    REATTACHED = "reattached"
    SUPERSEDED = "superseded"


#: Reviews that record when the user decided.
DECIDED = frozenset({Review.ACCEPTED, Review.DISMISSED, Review.REATTACHED})
#: The SQL that takes an item's open review off the list when it is re-anchored again.
SUPERSEDE_OPEN = (
    f"UPDATE anchor_events SET review = '{Review.SUPERSEDED}', decided = ? "
    f"WHERE item_id = ? AND review = '{Review.OPEN}'"
)


@dataclass(frozen=True)
class Placement:
    """Where an item was or is: a text anchor, or an action (for action notes)."""

    anchor: TextAnchor | None = None
    action: ActionTarget | None = None

    def to_json(self) -> dict[str, Any]:
        if self.action is not None:
            a = self.action
            return {
                "action_id": a.action_id,
                "title": a.title,
                "text": a.text,
                "doc_id": a.doc_id,
                "doc_version": a.doc_version,
                "doc_hash": a.doc_hash,
            }
        assert self.anchor is not None
        t = self.anchor
        return {
            "doc_id": t.doc_id,
            "doc_version": t.doc_version,
            "doc_hash": t.doc_hash,
            "text_hash": t.text_hash,
            "place": t.place,
            "selectors": t.selectors(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Placement:
        if "action_id" in data:
            return cls(
                action=ActionTarget(
                    data["doc_id"],
                    data["action_id"],
                    data.get("doc_version"),
                    data.get("doc_hash", ""),
                    data.get("title", ""),
                    data.get("text", ""),
                )
            )
        quote, position = TextQuoteSelector(""), TextPositionSelector(0, 0)
        for s in data.get("selectors", []):
            if s.get("type") == "TextQuoteSelector":
                quote = TextQuoteSelector(
                    s.get("exact", ""), s.get("prefix", ""), s.get("suffix", "")
                )
            elif s.get("type") == "TextPositionSelector":
                position = TextPositionSelector(int(s["start"]), int(s["end"]))
        return cls(
            anchor=TextAnchor(
                data["doc_id"],
                data.get("doc_version"),
                data.get("doc_hash", ""),
                data.get("text_hash", ""),
                quote,
                position,
                data.get("place"),
            )
        )

    @property
    def doc_hash(self) -> str:
        return self.action.doc_hash if self.action else self.anchor.doc_hash if self.anchor else ""


@dataclass(frozen=True)
class AnchorEvent:
    """One re-anchoring of one item (a row of ``anchor_events``).

    Attributes:
        id: row id.
        item_id: the note, highlight or bookmark.
        kind: a :class:`NoteKind` value.
        doc_id: its document.
        from_version / from_hash: the version it was anchored in before.
        to_version / to_hash: the version it was re-anchored against.
        outcome: an :class:`AnchorStatus` value.
        before: where it was.
        after: where it went (the candidate for fuzzy; None when orphaned).
        score / runner_up: similarity of the chosen and the next candidate.
        reason: why, in a few English words.
        review: a :class:`Review` value.
        created / decided: when re-anchored, when the user decided.
    """

    id: int
    item_id: str
    kind: str
    doc_id: str
    from_version: int | None
    from_hash: str
    to_version: int | None
    to_hash: str
    outcome: str
    before: Placement
    after: Placement | None
    score: float
    runner_up: float
    reason: str
    review: str
    created: str
    decided: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "review": self.review,
            "from_version": self.from_version,
            "to_version": self.to_version,
            "score": self.score,
            "runner_up": self.runner_up,
            "reason": self.reason,
            "original": self.before.to_json(),
            "candidate": self.after.to_json() if self.after else None,
            "reanchored": self.created,
            "decided": self.decided,
        }


@dataclass(frozen=True)
class ReviewItem:
    """An item in the "Te controleren" list: a fuzzy match or an orphan.

    Attributes:
        event: the open re-anchoring event (original, candidate, scores).
        label: a bookmark's name, a highlight's note or quote, an action's title.
    """

    event: AnchorEvent
    label: str

    @property
    def item_id(self) -> str:
        return self.event.item_id

    @property
    def kind(self) -> str:
        return self.event.kind

    @property
    def doc_id(self) -> str:
        return self.event.doc_id

    @property
    def outcome(self) -> str:
        return self.event.outcome


@dataclass(frozen=True)
class StaleItem:
    """A live item anchored in another version than the current one.

    Attributes:
        item_id, kind: which item.
        current: where its row says it is now.
        open_event: its open review (an unconfirmed candidate or an orphan), if any.
        dismissed: the user dismissed its last review.
    """

    item_id: str
    kind: str
    current: Placement
    open_event: AnchorEvent | None
    dismissed: bool


@dataclass(frozen=True)
class Decision:
    """What re-anchoring decided for one stale item (see :class:`AnchorEvent`)."""

    item: StaleItem
    outcome: AnchorStatus
    after: Placement | None
    score: float = 0.0
    runner_up: float = 0.0
    reason: str = ""


def event_from(row: sqlite3.Row) -> AnchorEvent:
    after = json.loads(row["after"]) if row["after"] else None
    return AnchorEvent(
        row["id"],
        row["item_id"],
        row["kind"],
        row["doc_id"],
        row["from_version"],
        row["from_hash"],
        row["to_version"],
        row["to_hash"],
        row["outcome"],
        Placement.from_json(json.loads(row["before"])),
        Placement.from_json(after) if after else None,
        row["score"],
        row["runner_up"],
        row["reason"],
        row["review"],
        row["created"],
        row["decided"],
    )


def placement_of(kind: str, row: sqlite3.Row) -> Placement:
    if kind == NoteKind.ACTION:
        return Placement(
            action=ActionTarget(
                row["doc_id"],
                row["action_id"],
                row["doc_version"],
                row["doc_hash"],
                row["action_title"],
                row["action_text"],
            )
        )
    return Placement(anchor=row_mapping.anchor_from(row))


def label_of(kind: str, row: sqlite3.Row) -> str:
    if kind == NoteKind.ACTION:
        return str(row["action_title"] or row["action_id"])
    if kind == NoteKind.BOOKMARK:
        return str(row["name"])
    return str(row["note"]).strip() or row_mapping.anchor_from(row).quote.exact


def dump(placement: Placement | None) -> str | None:
    return None if placement is None else json.dumps(placement.to_json(), ensure_ascii=False)


def add_span(
    spans: dict[tuple[str, str], NoteSpan], item_id: str, kind: str, label: str, anchor: TextAnchor
) -> None:
    key = (item_id, anchor.doc_hash)
    if key not in spans:
        spans[key] = NoteSpan(
            item_id, kind, label, anchor.doc_hash, anchor.position.start, anchor.position.end
        )


def version_of(placed: Placement) -> int | None:
    return (
        placed.action.doc_version
        if placed.action
        else (placed.anchor.doc_version if placed.anchor else None)
    )


# An item needs re-anchoring when it sits on another version than the one
# loaded, or when it was set aside (orphaned, or a candidate to review) on a
# version that is gone again: an import removed brings the bundled version
# back, and the note is at home there.
STALE_PLACE = (
    f"(t.doc_hash != ? OR t.anchor_status IN ('{AnchorStatus.ORPHANED}', '{AnchorStatus.FUZZY}'))"
)


def stale_items(conn: sqlite3.Connection, doc_id: str, doc_hash: str) -> list[StaleItem]:
    found = []
    for kind, table in TABLES.items():
        for row in conn.execute(
            f"SELECT * FROM {table} t WHERE t.doc_id = ? AND {STALE_PLACE} AND "
            "t.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM anchor_events e WHERE "
            "e.item_id = t.id AND e.to_hash = ?) ORDER BY t.created",
            (doc_id, doc_hash, doc_hash),
        ).fetchall():
            last = conn.execute(
                "SELECT * FROM anchor_events WHERE item_id = ? ORDER BY id DESC LIMIT 1",
                (row["id"],),
            ).fetchone()
            event = event_from(last) if last is not None else None
            found.append(
                StaleItem(
                    row["id"],
                    kind,
                    placement_of(kind, row),
                    event if event and event.review == Review.OPEN else None,
                    bool(event and event.review == Review.DISMISSED),
                )
            )
    return found


def apply_decision(
    conn: sqlite3.Connection, d: Decision, doc_hash: str, version: int | None, now: str
) -> None:
    item, outcome, after = d.item, d.outcome, d.after
    pending = item.open_event
    original = pending.before if pending is not None else item.current
    if (
        outcome != AnchorStatus.ORPHANED
        and after is not None
        and item.kind == NoteKind.ACTION
        and after.action is not None
        and action_taken(conn, item.item_id, after.action)
    ):
        outcome, after = AnchorStatus.ORPHANED, None
        d = Decision(
            item,
            outcome,
            None,
            d.score,
            d.runner_up,
            "another note of mine already hangs on that action",
        )
    if (
        pending is not None
        and pending.outcome == AnchorStatus.FUZZY
        and outcome in (AnchorStatus.EXACT, AnchorStatus.MOVED)
    ):
        outcome = AnchorStatus.FUZZY  # the earlier candidate was never confirmed
    if outcome == AnchorStatus.ORPHANED:
        if original != item.current:
            place(conn, item.kind, item.item_id, original)
    elif after is not None:
        place(conn, item.kind, item.item_id, after)
    set_status(conn, item.kind, item.item_id, outcome)
    conn.execute(SUPERSEDE_OPEN, (now, item.item_id))
    review = Review.NONE
    if outcome == AnchorStatus.FUZZY or (outcome == AnchorStatus.ORPHANED and not item.dismissed):
        review = Review.OPEN
    elif outcome == AnchorStatus.ORPHANED:
        review = Review.DISMISSED
    insert_event(
        conn,
        item.item_id,
        item.kind,
        original if review == Review.OPEN else item.current,
        outcome,
        after if outcome != AnchorStatus.ORPHANED else None,
        doc_hash,
        version,
        d.score,
        d.runner_up,
        d.reason,
        review,
        now,
    )


def insert_event(
    conn: sqlite3.Connection,
    item_id: str,
    kind: str,
    before: Placement,
    outcome: str,
    after: Placement | None,
    to_hash: str,
    to_version: int | None,
    score: float,
    runner_up: float,
    reason: str,
    review: str,
    now: str | None = None,
) -> None:
    stamp = now or utc_now()
    doc_id = (
        before.action.doc_id if before.action else before.anchor.doc_id if before.anchor else ""
    )
    conn.execute(
        "INSERT INTO anchor_events (item_id, kind, doc_id, from_version, from_hash, "
        "to_version, to_hash, outcome, before, after, score, runner_up, reason, review, "
        "created, decided) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            item_id,
            kind,
            doc_id,
            version_of(before),
            before.doc_hash,
            to_version,
            to_hash,
            outcome,
            dump(before),
            dump(after),
            score,
            runner_up,
            reason,
            review,
            stamp,
            stamp if review in DECIDED else None,
        ),
    )


def action_taken(conn: sqlite3.Connection, item_id: str, target: ActionTarget) -> bool:
    row = conn.execute("SELECT imported_from FROM action_notes WHERE id = ?", (item_id,)).fetchone()
    if row is None or row[0] is not None:
        return False  # a colleague's notes may sit beside mine
    return (
        conn.execute(
            "SELECT 1 FROM action_notes WHERE doc_id = ? AND action_id = ? AND "
            "imported_from IS NULL AND deleted_at IS NULL AND id != ?",
            (target.doc_id, target.action_id, item_id),
        ).fetchone()
        is not None
    )


def place(conn: sqlite3.Connection, kind: str, item_id: str, placed: Placement) -> None:
    if kind == NoteKind.ACTION:
        a = placed.action
        if a is None:
            return
        if action_taken(conn, item_id, a):
            raise NotesConflictError(message("notes.action_taken", action=a.action_id))
        conn.execute(
            "UPDATE action_notes SET doc_id = ?, action_id = ?, action_title = ?, "
            "action_text = ?, doc_version = ?, doc_hash = ? WHERE id = ?",
            (a.doc_id, a.action_id, a.title, a.text, a.doc_version, a.doc_hash, item_id),
        )
        return
    t = placed.anchor
    if t is None:
        return
    conn.execute(
        f"UPDATE {TABLES[kind]} SET doc_id = ?, place = ?, selectors = ?, "
        "doc_version = ?, doc_hash = ?, text_hash = ? WHERE id = ?",
        (
            t.doc_id,
            t.place,
            row_mapping.selectors_json(t),
            t.doc_version,
            t.doc_hash,
            t.text_hash,
            item_id,
        ),
    )


def set_status(conn: sqlite3.Connection, kind: str, item_id: str, status: str) -> None:
    conn.execute(f"UPDATE {TABLES[kind]} SET anchor_status = ? WHERE id = ?", (status, item_id))


def open_event(conn: sqlite3.Connection, item_id: str) -> AnchorEvent:
    row = conn.execute(
        f"SELECT * FROM anchor_events WHERE item_id = ? AND review = '{Review.OPEN}' "
        "ORDER BY id DESC LIMIT 1",
        (item_id,),
    ).fetchone()
    if row is None:
        raise NotesNotFoundError(message("notes.not_to_check", id=item_id))
    return event_from(row)


def close_event(conn: sqlite3.Connection, event_id: int, review: str) -> None:
    conn.execute(
        "UPDATE anchor_events SET review = ?, decided = ? WHERE id = ?",
        (review, utc_now(), event_id),
    )
