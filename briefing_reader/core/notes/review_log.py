"""The review log: re-anchoring outcomes and the user's decisions, in SQL.

:class:`ReviewLog` (``store.reviews``) reads which documents have notes and
which are stale, keeps each re-anchoring outcome (:mod:`outcomes`), lists
what needs checking (the "Te controleren" list) and records the user's
decisions: accept, dismiss, re-attach. The run that drives it is
:func:`briefing_reader.core.notes.reanchoring.reanchor_library`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping

from briefing_reader.core.content.versions import NoteSpan
from briefing_reader.core.messages import message
from briefing_reader.core.notes import outcomes, row_mapping, validation
from briefing_reader.core.notes.db import Database
from briefing_reader.core.notes.errors import NotesConflictError, NotesNotFoundError
from briefing_reader.core.notes.model import (
    ActionTarget,
    AnchorStatus,
    NoteKind,
    PendingEdit,
    TextAnchor,
    utc_now,
)
from briefing_reader.core.notes.outcomes import (
    AnchorEvent,
    Decision,
    Placement,
    Review,
    ReviewItem,
    StaleItem,
)
from briefing_reader.core.notes.tables import NOTE_TABLES, TABLES


class ReviewLog:
    """Re-anchoring outcomes and review decisions of one notes database.

    Args:
        db: the store's database.
    """

    def __init__(self, db: Database) -> None:
        self._db = db

    # --- reading ------------------------------------------------------------

    def noted_documents(self) -> set[str]:
        """Ids of the documents that have live notes, highlights or bookmarks."""

        def work(conn: sqlite3.Connection) -> set[str]:
            found: set[str] = set()
            for table in NOTE_TABLES:
                found.update(
                    row[0]
                    for row in conn.execute(
                        f"SELECT DISTINCT doc_id FROM {table} WHERE deleted_at IS NULL"
                    )
                )
            return found

        return self._db.read(work)

    def stale_documents(self, current: Mapping[str, str]) -> list[str]:
        """Documents with live items not yet re-anchored against their current version.

        Args:
            current: document id -> the loaded document's ``source_hash``.
        """

        def work(conn: sqlite3.Connection) -> list[str]:
            stale = []
            for doc_id, doc_hash in current.items():
                for table in NOTE_TABLES:
                    if conn.execute(
                        f"SELECT 1 FROM {table} t WHERE t.doc_id = ? AND "
                        f"{outcomes.STALE_PLACE} AND t.deleted_at IS NULL AND NOT "
                        "EXISTS (SELECT 1 FROM anchor_events e WHERE e.item_id = t.id "
                        "AND e.to_hash = ?) LIMIT 1",
                        (doc_id, doc_hash, doc_hash),
                    ).fetchone():
                        stale.append(doc_id)
                        break
            return stale

        return self._db.read(work)

    def open_items(self, doc_id: str | None = None) -> list[ReviewItem]:
        """The "Te controleren" list: live items with an open review, by document."""

        def work(conn: sqlite3.Connection) -> list[ReviewItem]:
            found = []
            params: tuple[str, ...] = () if doc_id is None else (doc_id,)
            where = f"review = '{Review.OPEN}'" + ("" if doc_id is None else " AND doc_id = ?")
            for row in conn.execute(
                f"SELECT * FROM anchor_events WHERE {where} ORDER BY doc_id, created, id", params
            ).fetchall():
                item = conn.execute(
                    f"SELECT * FROM {TABLES[row['kind']]} WHERE id = ? AND deleted_at IS NULL",
                    (row["item_id"],),
                ).fetchone()
                if item is not None:
                    found.append(
                        ReviewItem(outcomes.event_from(row), outcomes.label_of(row["kind"], item))
                    )
            return found

        return self._db.read(work)

    def latest(self, doc_id: str | None = None) -> dict[str, AnchorEvent]:
        """The last re-anchoring event of every item that has one, by item id."""
        where, params = ("", ()) if doc_id is None else (" WHERE doc_id = ?", (doc_id,))
        sql = f"SELECT * FROM anchor_events{where} ORDER BY id"
        return self._db.read(
            lambda c: {e.item_id: e for e in map(outcomes.event_from, c.execute(sql, params))}
        )

    def history(self, item_id: str) -> list[AnchorEvent]:
        """Every re-anchoring of one item, oldest first."""
        sql = "SELECT * FROM anchor_events WHERE item_id = ? ORDER BY id"
        return self._db.read(lambda c: [outcomes.event_from(r) for r in c.execute(sql, (item_id,))])

    def note_spans(self, doc_id: str) -> list[NoteSpan]:
        """Where each live highlight and bookmark of ``doc_id`` was in each version known.

        For the "Wat is gewijzigd" view: the current anchors plus every
        anchor recorded before and after a re-anchoring.
        """

        def work(conn: sqlite3.Connection) -> list[NoteSpan]:
            spans: dict[tuple[str, str], NoteSpan] = {}
            labels: dict[str, tuple[str, str]] = {}
            kinds: tuple[str, ...] = (NoteKind.HIGHLIGHT, NoteKind.BOOKMARK)
            for kind in kinds:
                for row in conn.execute(
                    f"SELECT * FROM {TABLES[kind]} WHERE doc_id = ? AND deleted_at IS NULL",
                    (doc_id,),
                ).fetchall():
                    labels[row["id"]] = (kind, outcomes.label_of(kind, row))
                    outcomes.add_span(
                        spans, row["id"], kind, labels[row["id"]][1], row_mapping.anchor_from(row)
                    )
            for row in conn.execute(
                "SELECT * FROM anchor_events WHERE doc_id = ? ORDER BY id", (doc_id,)
            ).fetchall():
                if row["item_id"] not in labels:
                    continue
                event = outcomes.event_from(row)
                kind, label = labels[event.item_id]
                for placed in (event.before, event.after):
                    if placed is not None and placed.anchor is not None:
                        outcomes.add_span(spans, event.item_id, kind, label, placed.anchor)
            return list(spans.values())

        return self._db.read(work)

    # --- re-anchoring -------------------------------------------------------

    def reanchor_document(
        self,
        doc_id: str,
        doc_hash: str,
        doc_version: int | None,
        decide: Callable[[list[StaleItem]], list[Decision]],
    ) -> list[Decision]:
        """Re-anchor the stale items of one document in one transaction.

        ``decide`` runs inside the write transaction, so two programs
        re-anchoring at once do the work once. Items' ``modified`` stays:
        re-anchoring is not an edit.

        Raises:
            NotesError: nothing was saved.
        """

        def work(conn: sqlite3.Connection) -> list[Decision]:
            decisions = decide(outcomes.stale_items(conn, doc_id, doc_hash))
            now = utc_now()
            for decision in decisions:
                outcomes.apply_decision(conn, decision, doc_hash, doc_version, now)
            return decisions

        return self._db.write(work, pending=PendingEdit("reanchor", doc_id, {}))

    # --- the user's decisions -----------------------------------------------

    def accept(self, item_id: str) -> None:
        """Confirm a fuzzy match: the candidate becomes the item's place ("exact").

        Raises:
            NotesNotFoundError: the item has no open review.
            NotesConflictError: the item is orphaned (there is nothing to accept).
        """

        def work(conn: sqlite3.Connection) -> None:
            event = outcomes.open_event(conn, item_id)
            if event.outcome != AnchorStatus.FUZZY:
                raise NotesConflictError(message("notes.no_candidate"))
            outcomes.set_status(conn, event.kind, item_id, AnchorStatus.EXACT)
            outcomes.close_event(conn, event.id, Review.ACCEPTED)

        self._db.write(work, pending=PendingEdit("accept_review", item_id, {}))

    def dismiss(self, item_id: str) -> None:
        """Take an item off the list: a fuzzy candidate is rejected (the item is
        orphaned with its original place), an orphan stays an orphan.

        Raises:
            NotesNotFoundError: the item has no open review.
        """

        def work(conn: sqlite3.Connection) -> None:
            event = outcomes.open_event(conn, item_id)
            if event.outcome == AnchorStatus.FUZZY:
                outcomes.place(conn, event.kind, item_id, event.before)
            outcomes.set_status(conn, event.kind, item_id, AnchorStatus.ORPHANED)
            outcomes.close_event(conn, event.id, Review.DISMISSED)

        self._db.write(work, pending=PendingEdit("dismiss_review", item_id, {}))

    def reattach(self, item_id: str, anchor: TextAnchor) -> None:
        """Give a highlight or bookmark a new place chosen by the user ("exact").

        Raises:
            NotesNotFoundError: no live highlight or bookmark has that id.
            NotesValidationError: the anchor has no document or quote.
        """
        validation.check_anchor(anchor)
        self._reattach(item_id, Placement(anchor=anchor), (NoteKind.HIGHLIGHT, NoteKind.BOOKMARK))

    def reattach_action(self, item_id: str, target: ActionTarget) -> None:
        """Hang an action note on another action (from :func:`anchors.action_target`).

        Raises:
            NotesNotFoundError: no live action note has that id.
            NotesConflictError: I already annotated that action.
        """
        self._reattach(item_id, Placement(action=target), (NoteKind.ACTION,))

    def _reattach(self, item_id: str, placed: Placement, kinds: tuple[str, ...]) -> None:
        def work(conn: sqlite3.Connection) -> None:
            kind = next(
                (
                    k
                    for k in kinds
                    if conn.execute(
                        f"SELECT 1 FROM {TABLES[k]} WHERE id = ? AND deleted_at IS NULL", (item_id,)
                    ).fetchone()
                ),
                None,
            )
            if kind is None:
                action = kinds == (NoteKind.ACTION,)
                code = "notes.no_such_action_note" if action else "notes.no_such_mark"
                raise NotesNotFoundError(message(code, id=item_id))
            row = conn.execute(f"SELECT * FROM {TABLES[kind]} WHERE id = ?", (item_id,)).fetchone()
            before = outcomes.placement_of(kind, row)
            outcomes.place(conn, kind, item_id, placed)
            outcomes.set_status(conn, kind, item_id, AnchorStatus.EXACT)
            conn.execute(outcomes.SUPERSEDE_OPEN, (utc_now(), item_id))
            outcomes.insert_event(
                conn,
                item_id,
                kind,
                before,
                AnchorStatus.EXACT,
                placed,
                placed.doc_hash,
                outcomes.version_of(placed),
                1.0,
                0.0,
                "re-attached by the user",
                Review.REATTACHED,
            )

        self._db.write(work, pending=PendingEdit("reattach", item_id, {"placement": placed}))
