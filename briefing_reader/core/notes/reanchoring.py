"""Re-anchoring against the store: the "Te controleren" API and the start-up run.

:func:`reanchor_library` is what the app calls at start-up, after an
import, and before any ``notes`` command: it keeps the text of every
document version it has not seen (:mod:`versions`), finds the documents
whose notes were made against another version, and re-anchors those notes
(:mod:`reanchor`; action notes follow their action id, else the action
with the same title and text: :func:`reanchor_action`), storing each
outcome (:mod:`outcomes`). :class:`ReviewLog`
(``store.reviews``) lists what needs checking and records the user's
decisions: accept, dismiss, re-attach.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_reader.core.notes import fuzzy, outcomes, rows
from briefing_reader.core.notes.db import Database
from briefing_reader.core.notes.errors import (
    NotesConflictError,
    NotesError,
    NotesNotFoundError,
)
from briefing_reader.core.notes.model import ActionTarget, PendingEdit, TextAnchor, utc_now
from briefing_reader.core.notes.outcomes import (
    AnchorEvent,
    Decision,
    Placement,
    ReviewItem,
    StaleItem,
)
from briefing_reader.core.notes.reanchor import MARGIN, THRESHOLD, Reanchorer
from briefing_reader.core.notes.trash import TABLES
from briefing_reader.core.notes.versions import (
    NoteSpan,
    load_version,
    save_version,
    version_path,
)

if TYPE_CHECKING:
    from briefing_reader.core.content import Document, Library
    from briefing_reader.core.notes.store import NotesStore


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
            for table in TABLES.values():
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
                for table in TABLES.values():
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
            where = "review = 'open'" + ("" if doc_id is None else " AND doc_id = ?")
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
            for kind in ("highlight", "bookmark"):
                for row in conn.execute(
                    f"SELECT * FROM {TABLES[kind]} WHERE doc_id = ? AND deleted_at IS NULL",
                    (doc_id,),
                ).fetchall():
                    labels[row["id"]] = (kind, outcomes.label_of(kind, row))
                    outcomes.add_span(
                        spans, row["id"], kind, labels[row["id"]][1], rows.anchor_from(row)
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
            if event.outcome != "fuzzy":
                raise NotesConflictError(
                    "an orphaned note has no candidate to accept; "
                    "re-attach it to a selection instead"
                )
            outcomes.set_status(conn, event.kind, item_id, "exact")
            outcomes.close_event(conn, event.id, "accepted")

        self._db.write(work, pending=PendingEdit("accept_review", item_id, {}))

    def dismiss(self, item_id: str) -> None:
        """Take an item off the list: a fuzzy candidate is rejected (the item is
        orphaned with its original place), an orphan stays an orphan.

        Raises:
            NotesNotFoundError: the item has no open review.
        """

        def work(conn: sqlite3.Connection) -> None:
            event = outcomes.open_event(conn, item_id)
            if event.outcome == "fuzzy":
                outcomes.place(conn, event.kind, item_id, event.before)
            outcomes.set_status(conn, event.kind, item_id, "orphaned")
            outcomes.close_event(conn, event.id, "dismissed")

        self._db.write(work, pending=PendingEdit("dismiss_review", item_id, {}))

    def reattach(self, item_id: str, anchor: TextAnchor) -> None:
        """Give a highlight or bookmark a new place chosen by the user ("exact").

        Raises:
            NotesNotFoundError: no live highlight or bookmark has that id.
            NotesValidationError: the anchor has no document or quote.
        """
        rows.check_anchor(anchor)
        self._reattach(item_id, Placement(anchor=anchor), ("highlight", "bookmark"))

    def reattach_action(self, item_id: str, target: ActionTarget) -> None:
        """Hang an action note on another action (from :func:`anchors.action_target`).

        Raises:
            NotesNotFoundError: no live action note has that id.
            NotesConflictError: I already annotated that action.
        """
        self._reattach(item_id, Placement(action=target), ("action",))

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
                raise NotesNotFoundError(f"there is no {' or '.join(kinds)} '{item_id}'")
            row = conn.execute(f"SELECT * FROM {TABLES[kind]} WHERE id = ?", (item_id,)).fetchone()
            before = outcomes.placement_of(kind, row)
            outcomes.place(conn, kind, item_id, placed)
            outcomes.set_status(conn, kind, item_id, "exact")
            conn.execute(
                "UPDATE anchor_events SET review = 'superseded', decided = ? "
                "WHERE item_id = ? AND review = 'open'",
                (utc_now(), item_id),
            )
            outcomes.insert_event(
                conn,
                item_id,
                kind,
                before,
                "exact",
                placed,
                placed.doc_hash,
                outcomes.version_of(placed),
                1.0,
                0.0,
                "re-attached by the user",
                "reattached",
            )

        self._db.write(work, pending=PendingEdit("reattach", item_id, {"placement": placed}))


@dataclass(frozen=True)
class ActionMatch:
    """The outcome of re-anchoring an action note.

    Attributes:
        outcome: "exact" (the id is there), "moved" (same title under another
            id), "fuzzy" (alike title and text) or "orphaned".
        action_id: the action's id now (None when orphaned).
        title: its title now.
        text: its plain text now.
        score: similarity of the chosen (or best) action.
        runner_up: similarity of the best other action.
        reason: why, in a few English words.
    """

    outcome: str
    action_id: str | None
    title: str = ""
    text: str = ""
    score: float = 0.0
    runner_up: float = 0.0
    reason: str = ""


def reanchor_action(doc: Document, action_id: str, title: str, text: str) -> ActionMatch:
    """Find an annotated action in a new version: by id, else by title and text.

    Args:
        doc: the document now.
        action_id: the id the note hangs on.
        title: the action's title when annotated.
        text: the action's plain text when annotated ('' if not recorded).
    """
    node = doc.node(action_id)
    if node is not None and node.kind in ("action", "subaction"):
        return ActionMatch(
            "exact", action_id, node.title, doc.text(node), 1.0, 0.0, "the action id is there"
        )
    scored = []
    for action in doc.actions():
        now = doc.text(action)
        title_sim = fuzzy.similarity(title.casefold(), action.title.casefold())
        text_sim = fuzzy.similarity(text, now) if text else title_sim
        scored.append((0.25 * title_sim + 0.75 * text_sim, title_sim, action, now))
    if not scored:
        return ActionMatch("orphaned", None, reason="the document has no actions")
    scored.sort(key=lambda s: -s[0])
    score, title_sim, best, now = scored[0]
    runner = scored[1][0] if len(scored) > 1 else 0.0
    same_title = [s for s in scored if s[2].title.casefold() == title.casefold()]
    if title and len(same_title) == 1 and same_title[0][2] is best:
        return ActionMatch(
            "moved",
            best.id,
            best.title,
            now,
            round(score, 4),
            round(runner, 4),
            "the same title under another id",
        )
    if score >= THRESHOLD and score - runner >= MARGIN:
        return ActionMatch(
            "fuzzy",
            best.id,
            best.title,
            now,
            round(score, 4),
            round(runner, 4),
            "an alike title and text",
        )
    return ActionMatch(
        "orphaned",
        None,
        score=round(score, 4),
        runner_up=round(runner, 4),
        reason="no action is clearly the same",
    )


@dataclass
class ReanchorReport:
    """What :func:`reanchor_library` did.

    Attributes:
        documents: ids of the documents whose notes were re-anchored.
        outcomes: how many items got each outcome ("exact", "moved", ...).
        items: (item id, kind, outcome) of every item re-anchored.
        versions_kept: version files written (first sight of a version).
        problems: what went wrong, in English sentences (nothing was lost).
    """

    documents: list[str] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)
    items: list[tuple[str, str, str]] = field(default_factory=list)
    versions_kept: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def to_review(self) -> int:
        """Items this run put on the "Te controleren" list (fuzzy or orphaned)."""
        return self.outcomes["fuzzy"] + self.outcomes["orphaned"]

    def to_json(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "outcomes": dict(self.outcomes),
            "versions_kept": [str(p) for p in self.versions_kept],
            "problems": self.problems,
        }


def decide(anchorer: Reanchorer, item: StaleItem) -> Decision:
    """The outcome for one stale item of ``anchorer.doc``."""
    doc = anchorer.doc
    if item.current.action is not None:
        target = item.current.action
        found = reanchor_action(doc, target.action_id, target.title, target.text)
        after = (
            None
            if found.action_id is None
            else Placement(
                action=ActionTarget(
                    doc.id,
                    found.action_id,
                    doc.meta.version,
                    doc.source_hash,
                    found.title,
                    found.text,
                )
            )
        )
        return Decision(item, found.outcome, after, found.score, found.runner_up, found.reason)
    assert item.current.anchor is not None
    match = anchorer.text_anchor(item.current.anchor)
    after = None if match.anchor is None else Placement(anchor=match.anchor)
    return Decision(item, match.outcome, after, match.score, match.runner_up, match.reason)


def reanchor_library(
    store: NotesStore, library: Library, versions_dir: Path, *, now: dt.datetime | None = None
) -> ReanchorReport:
    """Keep every new document version and re-anchor the notes on changed documents.

    Only documents with notes are looked at (their ids from one query per
    table, their hashes from the library's catalogue): cheap when nothing
    changed, whatever the size of the library; a document is parsed only
    when its version must be kept or its notes moved. Call it at start-up,
    after an import, and before any ``notes`` command.

    Args:
        store: the notes store (when read-only, re-anchoring waits).
        library: the documents as loaded now.
        versions_dir: where old versions' text is kept (``paths.data / "versions"``).
        now: the time recorded on kept versions (tests).
    """
    report = ReanchorReport()
    log = store.reviews
    hashes = library.hashes()
    try:
        noted = sorted(log.noted_documents() & hashes.keys())
    except NotesError as exc:
        report.problems.append(str(exc))
        return report
    for doc_id in noted:
        _keep_version(versions_dir, library, doc_id, now, report)
    try:
        stale = log.stale_documents({doc_id: hashes[doc_id] for doc_id in noted})
    except NotesError as exc:
        report.problems.append(str(exc))
        return report
    if stale and store.read_only:
        report.problems.append(
            "the notes are open read-only, so notes on changed documents "
            "are shown at their old places until they can be updated"
        )
        return report
    for doc_id in stale:
        changed = library.get(doc_id)
        if changed is None:
            continue
        anchorer = Reanchorer(changed, _old_texts(versions_dir, doc_id))
        try:
            decisions = log.reanchor_document(
                changed.id, changed.source_hash, changed.meta.version, _decider(anchorer)
            )
        except NotesError as exc:
            report.problems.append(f"notes on '{doc_id}' were not re-anchored: {exc}")
            continue
        report.documents.append(doc_id)
        for decision in decisions:
            report.outcomes[decision.outcome] += 1
            report.items.append((decision.item.item_id, decision.item.kind, decision.outcome))
    return report


def _keep_version(
    versions_dir: Path,
    library: Library,
    doc_id: str,
    now: dt.datetime | None,
    report: ReanchorReport,
) -> None:
    """Keep this version's text (for later re-anchoring) unless it is kept already."""
    entry = library.entry(doc_id)
    try:
        if (
            entry is None
            or version_path(versions_dir, doc_id, entry.version, entry.source_hash).exists()
        ):
            return
        doc = library.get(doc_id)
        written = save_version(versions_dir, doc, now) if doc is not None else None
    except NotesError as exc:
        report.problems.append(str(exc))
        return
    if written is not None:
        report.versions_kept.append(written)


def _decider(anchorer: Reanchorer) -> Callable[[list[StaleItem]], list[Decision]]:
    return lambda items: [decide(anchorer, item) for item in items]


def _old_texts(versions_dir: Path, doc_id: str) -> Callable[[str], str | None]:
    def old_text(source_hash: str) -> str | None:
        kept = load_version(versions_dir, doc_id, source_hash)
        return kept.plain_text if kept is not None else None

    return old_text
