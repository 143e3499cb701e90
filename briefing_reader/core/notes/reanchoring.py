"""Re-anchoring at start-up: keep new document versions, move notes along.

:func:`reanchor_library` is what the app calls at start-up, after an
import, and before any ``notes`` command: it keeps the text of every
document version it has not seen (:mod:`briefing_reader.core.content.versions`),
finds the documents whose notes were made against another version, and
re-anchors those notes (:mod:`matching`: text anchors by quote and context,
action notes by action id, else title and text), storing each outcome
through :class:`~briefing_reader.core.notes.review_log.ReviewLog`
(``store.reviews``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_reader.core.content.versions import (
    VersionsError,
    load_version,
    save_version,
    version_path,
)
from briefing_reader.core.messages import Message, message
from briefing_reader.core.notes.errors import NotesError
from briefing_reader.core.notes.matching import Reanchorer, reanchor_action
from briefing_reader.core.notes.model import TO_REVIEW, ActionTarget
from briefing_reader.core.notes.outcomes import Decision, Placement, StaleItem

if TYPE_CHECKING:
    from briefing_reader.core.content import Library
    from briefing_reader.core.notes.store import NotesStore


@dataclass
class ReanchorReport:
    """What :func:`reanchor_library` did.

    Attributes:
        documents: ids of the documents whose notes were re-anchored.
        outcomes: how many items got each outcome ("exact", "moved", ...).
        items: (item id, kind, outcome) of every item re-anchored.
        versions_kept: version files written (first sight of a version).
        problems: what went wrong, each naming its file (nothing was lost).
    """

    documents: list[str] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)
    items: list[tuple[str, str, str]] = field(default_factory=list)
    versions_kept: list[Path] = field(default_factory=list)
    problems: list[Message] = field(default_factory=list)

    @property
    def to_review(self) -> int:
        """Items this run put on the "Te controleren" list (fuzzy or orphaned)."""
        return sum(self.outcomes[outcome] for outcome in TO_REVIEW)

    def to_json(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "outcomes": dict(self.outcomes),
            "versions_kept": [str(p) for p in self.versions_kept],
            "problems": [str(problem) for problem in self.problems],
        }


def _problem(exc: NotesError | VersionsError) -> Message:
    """``exc`` as ``<file>: <why>``, worded in the user's language where it is shown."""
    if exc.path is None:
        return exc.message
    return message("notes.at", path=str(exc.path), reason=exc.message)


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


def _hashes(library: Library, doc_ids: Iterable[str]) -> dict[str, str]:
    """The content hashes of the documents ``doc_ids`` that the library
    holds, entry by entry (every entry was read to find a few: 0.09 s at
    start with 10,000 letters)."""
    entries = ((doc_id, library.entry(doc_id)) for doc_id in doc_ids)
    return {doc_id: entry.source_hash for doc_id, entry in entries if entry is not None}


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
    try:
        hashes = _hashes(library, log.noted_documents())
    except NotesError as exc:
        report.problems.append(_problem(exc))
        return report
    noted = sorted(hashes)
    for doc_id in noted:
        _keep_version(versions_dir, library, doc_id, now, report)
    try:
        stale = log.stale_documents({doc_id: hashes[doc_id] for doc_id in noted})
    except NotesError as exc:
        report.problems.append(_problem(exc))
        return report
    if stale and store.read_only:
        report.problems.append(message("notes.reanchor_read_only"))
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
            report.problems.append(
                message("notes.not_reanchored", doc=doc_id, reason=_problem(exc))
            )
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
    except VersionsError as exc:
        report.problems.append(_problem(exc))
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
