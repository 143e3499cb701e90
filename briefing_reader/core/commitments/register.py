"""The actions register: one row per action and sub-action of every letter.

A row holds what the text says (id, document, pillar, section, title, first
sentence, organisations named, deadlines) and leaves what the member says
(stance, priority, note yes/no, number of questions) as ``None`` for the
caller to fill from the notes store (:func:`with_notes`).

Organisations come from the glossary companion document ("begrippen"):
every level-3 entry with an id ``org-...`` is an organisation; an entry
``afk-...`` is one when its full name or description says so ("Ministerie
van ...", "Werkgeversorganisatie", "partner in de Taskforce VIA").
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from briefing_reader.core.commitments.extract import (
    SKIPPED_DOC_KINDS,
    SOURCE_KINDS,
    Commitment,
    block_text,
    dated_phrases,
    extract_commitments,
    split_sentences,
)
from briefing_reader.core.commitments.status import (
    DEFAULT_STATUS,
    DUE_CLOSED,
    DUE_LATE,
    DUE_LATER,
    DUE_SOON,
    DUE_UNDATED,
    SOON_DAYS,
    Statuses,
    due_status,
)
from briefing_reader.core.content import Document, Library, OutlineNode
from briefing_reader.core.content.model import OutlineKind

GLOSSARY_ID = "begrippen"
_ORG_NAME = re.compile(
    r"\b(?:ministerie|\w*bond|\w*vereniging|\w*dienst|\w*bureau|orgaan|coördinator|"
    r"\w*instituut|\w*raad|centrum|datacentrum|hogeschool|\w*organisatie|expertise-unit|"
    r"samenwerkingsverband|netwerk|stichting|partij|kamer)\b",
    re.IGNORECASE,
)
_ORG_DESCRIPTION = re.compile(
    r"\b(?:\w*organisatie|samenwerkingsverband|netwerk|stichting|partij|\w*vereniging|"
    r"partner)\b",
    re.IGNORECASE,
)
_BOLD = re.compile(r"<b>(.*?)</b>", re.DOTALL)
_URGENCY = (DUE_LATE, DUE_SOON, DUE_LATER, DUE_UNDATED, DUE_CLOSED)


@dataclass(frozen=True)
class GlossaryEntry:
    """One term of the glossary.

    Attributes:
        id: the entry's anchor in the glossary ("afk-coa", "org-pharos").
        term: the heading ("COA").
        names: the spellings looked for in a text (heading, full name).
        organisation: whether the term names an organisation.
    """

    id: str
    term: str
    names: tuple[str, ...]
    organisation: bool

    def pattern(self) -> re.Pattern[str]:
        """Whole-word, case-sensitive; "van" and "voor" stand for each other."""
        parts = []
        for name in self.names:
            words = [
                r"(?:van|voor)" if w in ("van", "voor") else re.escape(w) for w in name.split()
            ]
            parts.append(r"\s+".join(words))
        return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])")


def load_glossary(doc: Document | None) -> list[GlossaryEntry]:
    """The entries of a glossary document; none when it is missing."""
    if doc is None:
        return []
    entries: list[GlossaryEntry] = []
    for node in doc.outline.walk():
        if not node.id.startswith(("afk-", "org-")):
            continue
        first = next((b for b in doc.blocks[node.first : node.stop] if b.kind == "paragraph"), None)
        bold = _BOLD.search(first.html) if first else None
        full = html.unescape(re.sub(r"<[^>]+>", "", bold.group(1))).strip(" .") if bold else ""
        description = split_sentences(first.text)[0] if first and first.text else ""
        if node.id.startswith("org-"):
            organisation = True
        elif full:
            organisation = bool(_ORG_NAME.search(full))
        else:
            organisation = bool(_ORG_DESCRIPTION.search(description))
        names = tuple(n for n in (*node.title.split(", "), full) if n)
        entries.append(GlossaryEntry(node.id, node.title, names, organisation))
    return entries


def organisations_in(text: str, glossary: Iterable[GlossaryEntry]) -> list[GlossaryEntry]:
    """The organisations of the glossary that ``text`` names, in glossary order."""
    return [e for e in glossary if e.organisation and e.pattern().search(text)]


@dataclass(frozen=True)
class Deadline:
    """A dated time expression inside an action.

    Attributes:
        phrase: the words as written.
        earliest: first day of the range.
        latest: last day of the range.
        anchor: the paragraph it stands in.
        sentence: the sentence it stands in.
        commitment_id: the commitment the sentence makes, if it is one
            (a subsidy window "tot en met 30 september" is a deadline but no
            promise).
    """

    phrase: str
    earliest: dt.date
    latest: dt.date
    anchor: str
    sentence: str
    commitment_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "phrase": self.phrase,
            "earliest": self.earliest.isoformat(),
            "latest": self.latest.isoformat(),
            "anchor": self.anchor,
            "sentence": self.sentence,
            "commitment_id": self.commitment_id,
        }


@dataclass
class ActionRow:
    """One row of the actions register.

    The last four fields are the member's, filled from the notes store by
    the caller; ``None`` means "not looked up".
    """

    id: str
    doc: str
    kind: str  # OutlineKind.ACTION or OutlineKind.SUBACTION
    title: str
    pillar: str | None
    pillar_id: str | None
    section: str | None
    section_id: str | None
    section_path: str
    first_sentence: str
    organisations: tuple[str, ...] = ()
    organisation_ids: tuple[str, ...] = ()
    deadlines: tuple[Deadline, ...] = field(default_factory=tuple)
    stance: str | None = None
    priority: str | None = None
    has_note: bool | None = None
    question_count: int | None = None

    @property
    def address(self) -> str:
        """``doc#action``, what the reader opens on double-click."""
        return f"{self.doc}#{self.id}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc": self.doc,
            "kind": self.kind,
            "title": self.title,
            "pillar": self.pillar,
            "pillar_id": self.pillar_id,
            "section": self.section,
            "section_id": self.section_id,
            "section_path": self.section_path,
            "first_sentence": self.first_sentence,
            "organisations": list(self.organisations),
            "organisation_ids": list(self.organisation_ids),
            "deadlines": [d.to_dict() for d in self.deadlines],
            "stance": self.stance,
            "priority": self.priority,
            "has_note": self.has_note,
            "question_count": self.question_count,
        }


def _nearest(node: OutlineNode, kind: str) -> OutlineNode | None:
    return next((n for n in reversed(node.path()) if n.kind == kind), None)


def _deadlines(
    doc: Document, node: OutlineNode, commitments: list[Commitment]
) -> tuple[Deadline, ...]:
    if doc.meta.date is None:
        return ()
    by_place = {(c.block, c.sentence, c.phrase): c.id for c in commitments}
    found: list[Deadline] = []
    for index in range(node.first, node.stop):
        block = doc.blocks[index]
        if block.kind not in SOURCE_KINDS:
            continue
        for sentence in split_sentences(block_text(block)):
            for phrase, earliest, latest in dated_phrases(sentence, doc.meta.date):
                if latest < doc.meta.date:
                    continue  # looks back ("in 2024 gestart")
                found.append(
                    Deadline(
                        phrase,
                        earliest,
                        latest,
                        block.anchor or "",
                        sentence,
                        by_place.get((index, sentence, phrase)),
                    )
                )
    return tuple(found)


def action_rows(
    doc: Document,
    glossary: Iterable[GlossaryEntry] = (),
    commitments: list[Commitment] | None = None,
) -> list[ActionRow]:
    """A row for every action and sub-action of one document, in reading order.

    Args:
        doc: the document.
        glossary: from :func:`load_glossary`, for the organisations named.
        commitments: the document's commitments, if already extracted.
    """
    entries = list(glossary)
    found = extract_commitments(doc, errors=[]) if commitments is None else commitments
    rows: list[ActionRow] = []
    for node in doc.actions():
        pillar = _nearest(node, OutlineKind.PILLAR)
        section = _nearest(node, OutlineKind.SECTION)
        first = next(
            (b for b in doc.blocks[node.first : node.stop] if b.kind in SOURCE_KINDS and b.text),
            None,
        )
        sentences = split_sentences(block_text(first)) if first else []
        text = "\n".join(block_text(b) for b in doc.blocks[node.first : node.stop] if b.text)
        orgs = organisations_in(text, entries)
        rows.append(
            ActionRow(
                id=node.id,
                doc=doc.id,
                kind=node.kind,
                title=node.title,
                pillar=pillar.title if pillar else None,
                pillar_id=pillar.id if pillar else None,
                section=section.title if section else None,
                section_id=section.id if section else None,
                section_path=doc.section_path(node),
                first_sentence=sentences[0] if sentences else "",
                organisations=tuple(e.term for e in orgs),
                organisation_ids=tuple(e.id for e in orgs),
                deadlines=_deadlines(doc, node, found),
            )
        )
    return rows


def build_register(library: Library, glossary_id: str = GLOSSARY_ID) -> list[ActionRow]:
    """The register over every letter of the library (not our companions).

    Only the letters that hold actions are parsed (the catalogue knows which):
    in a library of thousands of letters, a handful.
    """
    glossary = load_glossary(library.get(glossary_id))
    holders = (library.get(doc_id) for doc_id in library.action_documents())
    return [
        row
        for doc in holders
        if doc is not None and doc.meta.kind not in SKIPPED_DOC_KINDS
        for row in action_rows(doc, glossary)
    ]


def with_notes(
    row: ActionRow, *, stance: str | None, priority: str | None, has_note: bool, question_count: int
) -> ActionRow:
    """A copy of ``row`` with the member's fields filled in."""
    return replace(
        row, stance=stance, priority=priority, has_note=has_note, question_count=question_count
    )


def row_due(
    row: ActionRow, today: dt.date, statuses: Statuses | None = None, soon_days: int = SOON_DAYS
) -> str:
    """The most urgent due status of the commitments among a row's deadlines.

    "zonder datum" when the row has no deadline that is a commitment; the
    register's "te laat" filter keeps rows where this is "te laat".
    """
    stored: Mapping[str, tuple[str, str]] = statuses or {}
    dues = [
        due_status(d.latest, today, stored.get(d.commitment_id, (DEFAULT_STATUS, ""))[0], soon_days)
        for d in row.deadlines
        if d.commitment_id
    ]
    return min(dues, key=_URGENCY.index) if dues else DUE_UNDATED
