"""Commitments (toezeggingen) in documents: rules, plus explicit markers.

A sentence is a commitment when the government promises to deliver, send,
inform, start or decide something (see :mod:`.cues`). Its time expression
(see :mod:`.timeexpr`) becomes an earliest and latest date; without one,
the commitment is listed undated. A sentence may hold several commitments
("Ik ontvang de uitkomsten aan het einde van dit jaar en informeer de Kamer
in het eerste kwartaal van 2026"): it is cut into clauses between its time
expressions, and each clause is judged on its own.

A paragraph written with ``{.toezegging}`` is one commitment whatever the
rules say, with dates from its ``datum``/``van``/``tot`` attributes; a
paragraph with ``{.geen-toezegging}`` is never one. See
``docs/content-format.md``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from briefing_reader.core.commitments import cues
from briefing_reader.core.commitments.errors import MarkerError
from briefing_reader.core.commitments.timeexpr import (
    KIND_SINCE,
    KIND_START,
    KIND_VAGUE,
    TimeExpression,
    find_expressions,
)
from briefing_reader.core.content import Block, Document, Library
from briefing_reader.core.content.model import ACTION_KINDS
from briefing_reader.core.messages import message

SOURCE_KINDS = ("paragraph", "list_item")
MARKER_CLASS = "toezegging"
NO_MARKER_CLASS = "geen-toezegging"
SKIPPED_DOC_KINDS = ("companion",)  # our own summaries quote the letters
_UNDATED_REF = dt.date(2000, 1, 1)  # stands in for a missing document date; dates dropped

_ABBREVIATIONS = {
    "o.a",
    "c.s",
    "ca",
    "jl",
    "nr",
    "mln",
    "mld",
    "struc",
    "e.d",
    "bijv",
    "m.n",
    "i.v.m",
    "t.z.t",
    "a.s",
    "z.s.m",
    "dhr",
    "mevr",
    "drs",
    "dr",
    "prof",
    "mr",
    "ir",
    "blz",
    "art",
    "vgl",
    "zgn",
    "resp",
    "etc",
    "d.d",
    "e.a",
    "o.m",
}
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'’”)]*\s+(?=[\"'‘“(]?[A-Z0-9À-Þ])")
_JOINER = re.compile(r"^\s*(?:,|en|of|tot|-|–|,\s*en|,\s*of)\s*$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r",\s+|;\s+|\s+en\s+|\s+maar\s+|\s+terwijl\s+", re.IGNORECASE)
_REFERENCE = re.compile(r"\b(?:van|d\.d\.)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Commitment:
    """One commitment found in a document.

    Attributes:
        id: stable id, ``f"{doc}:{anchor}:{sha1(sentence)[:10]}"``; the
            notes store keeps the member's status under it.
        doc: document id.
        anchor: the paragraph's anchor ("p-31" or its own id).
        block: index of the paragraph in ``Document.blocks``.
        node: id of the innermost outline node (action, theme or section)
            around the paragraph: the link the timeline opens.
        section_path: "Pijler 1 > 1.1 ... > Verandering van binnenuit".
        sentence: the sentence, footnote markers removed.
        phrase: the time expression as written, or None.
        earliest: first day of the range, or None when undated.
        latest: last day of the range (the deadline), or None when undated.
        to_kamer: a promise to inform or send something to the Kamer.
        explicit: marked ``{.toezegging}`` in the markdown.
        rule: the cue or marker that made it a commitment.
    """

    id: str
    doc: str
    anchor: str
    block: int
    node: str
    section_path: str
    sentence: str
    phrase: str | None
    earliest: dt.date | None
    latest: dt.date | None
    to_kamer: bool
    explicit: bool = False
    rule: str = ""

    @property
    def dated(self) -> bool:
        return self.latest is not None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready fields (dates as ISO strings or None)."""
        return {
            "id": self.id,
            "doc": self.doc,
            "anchor": self.anchor,
            "node": self.node,
            "section_path": self.section_path,
            "sentence": self.sentence,
            "phrase": self.phrase,
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "latest": self.latest.isoformat() if self.latest else None,
            "to_kamer": self.to_kamer,
            "explicit": self.explicit,
            "rule": self.rule,
        }


@dataclass(frozen=True)
class Found:
    """A commitment in one sentence, before it is placed in a document."""

    sentence: str
    phrase: str | None
    earliest: dt.date | None
    latest: dt.date | None
    to_kamer: bool
    rule: str
    key: str  # what the id hashes: the sentence, or sentence + phrase


def commitment_id(doc_id: str, anchor: str, key: str) -> str:
    """``doc:anchor:`` and the first ten hex digits of the SHA-1 of ``key``."""
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    return f"{doc_id}:{anchor}:{digest}"


def block_text(block: Block) -> str:
    """The block's text without footnote markers ("rol.1" -> "rol.")."""
    text = block.text
    for start, end in sorted(block.markers, reverse=True):
        text = text[:start] + text[end:]
    return text


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph; abbreviations such as "o.a." do not end one."""
    sentences: list[str] = []
    for line in text.split("\n"):
        start = 0
        for m in _SENTENCE_END.finditer(line):
            before = line[start : m.start()].split()
            word = before[-1].rstrip(".").lower() if before else ""
            if word in _ABBREVIATIONS or re.fullmatch(r"(?:\w\.)*\w", word):
                continue  # "o.a.", "nr.", initials such as "J.N.J."
            sentences.append(line[start : m.start()].strip())
            start = m.end()
        sentences.append(line[start:].strip())
    return [" ".join(s.split()) for s in sentences if s.strip()]


@dataclass
class _Group:
    start: int
    end: int
    earliest: dt.date
    latest: dt.date


def _dated_groups(sentence: str, found: list[TimeExpression]) -> list[_Group]:
    """Dated expressions, with neighbours joined by "en"/"of"/"," merged."""
    groups: list[_Group] = []
    for expr in found:
        if not expr.dated or expr.earliest is None or expr.latest is None:
            continue
        if expr.rule.endswith("date") and _REFERENCE.search(sentence[: expr.start]):
            continue  # "in mijn brief van 7 februari 2025": a reference, not a date to meet
        if expr.phrase.lower().endswith("jl."):
            continue
        if groups and _JOINER.match(sentence[groups[-1].end : expr.start]):
            last = groups[-1]
            last.end = expr.end
            last.earliest = min(last.earliest, expr.earliest)
            last.latest = max(last.latest, expr.latest)
            continue
        groups.append(_Group(expr.start, expr.end, expr.earliest, expr.latest))
    return groups


def dated_phrases(sentence: str, ref: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    """(phrase, earliest, latest) of every dated expression in a sentence.

    Neighbours joined by "en"/"of" merge ("dit najaar en begin volgend
    jaar"); references such as "in mijn brief van 7 februari 2025" and
    "sinds ..." are left out.
    """
    found = [e for e in find_expressions(sentence, ref) if e.kind != KIND_SINCE]
    return [
        (sentence[g.start : g.end], g.earliest, g.latest) for g in _dated_groups(sentence, found)
    ]


def _clauses(sentence: str, groups: list[_Group]) -> list[tuple[_Group, str]]:
    """Each group with the clause around it; groups with no break between merge."""
    if len(groups) <= 1:
        return [(g, sentence) for g in groups]
    merged: list[_Group] = [groups[0]]
    cuts: list[int] = []
    for group in groups[1:]:
        between = sentence[merged[-1].end : group.start]
        breaks = list(_CLAUSE_BREAK.finditer(between))
        if not breaks:
            last = merged[-1]
            last.end = group.end
            last.earliest = min(last.earliest, group.earliest)
            last.latest = max(last.latest, group.latest)
            continue
        cuts.append(merged[-1].end + breaks[-1].start())
        merged.append(group)
    bounds = [0, *cuts, len(sentence)]
    return [(g, sentence[bounds[i] : bounds[i + 1]]) for i, g in enumerate(merged)]


def find_in_sentence(
    sentence: str, ref: dt.date, *, list_item_in_action: bool = False
) -> list[Found]:
    """The commitments one sentence holds, by the rules alone.

    Args:
        sentence: one sentence, footnote markers removed.
        ref: the date of the document.
        list_item_in_action: the sentence is a list item in an action box.
    """
    found = [e for e in find_expressions(sentence, ref) if e.kind != KIND_SINCE]
    groups = _clauses(sentence, _dated_groups(sentence, found))
    results: list[Found] = []
    for group, clause in groups:
        norm = cues.normalise(clause)
        cue = cues.strong_cue(norm, list_item_in_action=list_item_in_action) or cues.weak_cue(norm)
        if cue is None:
            continue
        results.append(
            Found(
                sentence,
                sentence[group.start : group.end],
                group.earliest,
                group.latest,
                cues.to_kamer(norm),
                cue,
                sentence,
            )
        )
    if not groups:
        norm = cues.normalise(sentence)
        cue = cues.strong_cue(norm, list_item_in_action=list_item_in_action)
        if cue is not None:
            vague = next((e.phrase for e in found if e.kind in (KIND_VAGUE, KIND_START)), None)
            results.append(Found(sentence, vague, None, None, cues.to_kamer(norm), cue, sentence))
    if len(results) > 1:
        results = [
            Found(
                r.sentence,
                r.phrase,
                r.earliest,
                r.latest,
                r.to_kamer,
                r.rule,
                f"{r.sentence}\n{r.phrase}",
            )
            for r in results
        ]
    return results


def _parse_date(doc: Document, anchor: str, name: str, value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise MarkerError(
            doc.id, anchor, message("commitments.not_a_date", name=name, value=value)
        ) from exc


def _explicit(
    doc: Document, block: Block, sentences: list[str], rule_hits: list[Found], ref: dt.date | None
) -> Found:
    """The one commitment a ``{.toezegging}`` paragraph makes.

    Dates written on the marker win; otherwise the rules' dates, which need
    the document's date.
    """
    anchor = block.anchor or ""
    attrs = block.attrs
    fragment = (attrs.get("zin") or "").strip().lower()
    if fragment:
        sentence = next((s for s in sentences if fragment in s.lower()), "")
        if not sentence:
            raise MarkerError(
                doc.id, anchor, message("commitments.no_sentence", value=attrs["zin"])
            )
        hit = next((h for h in rule_hits if h.sentence == sentence), None)
    else:
        hit = next((h for h in rule_hits if h.latest), rule_hits[0] if rule_hits else None)
        sentence = hit.sentence if hit else sentences[0] if sentences else ""
    exprs = [e for e in find_expressions(sentence, ref or _UNDATED_REF) if e.kind != KIND_SINCE]
    phrase = (
        hit.phrase
        if hit
        else next((e.phrase for e in exprs if e.dated), exprs[0].phrase if exprs else None)
    )
    day = _parse_date(doc, anchor, "datum", attrs.get("datum"))
    first = _parse_date(doc, anchor, "van", attrs.get("van")) or day
    last = _parse_date(doc, anchor, "tot", attrs.get("tot")) or day
    if first and last and first > last:
        raise MarkerError(doc.id, anchor, message("commitments.van_after_tot"))
    if not (first or last) and ref is not None:
        dated = hit if hit and hit.latest else next((e for e in exprs if e.dated), None)
        first = dated.earliest if dated else None
        last = dated.latest if dated else None
    kamer = (attrs.get("kamer") or "").strip().lower()
    if kamer in ("ja", "true", "1"):
        to_kamer = True
    elif kamer in ("nee", "false", "0"):
        to_kamer = False
    else:
        to_kamer = cues.to_kamer(cues.normalise(sentence))
    return Found(sentence, phrase, first, last, to_kamer, "marker", sentence)


def extract_commitments(
    doc: Document, *, errors: list[MarkerError] | None = None
) -> list[Commitment]:
    """Every commitment in a document, in reading order.

    Args:
        doc: the document; its ``meta.date`` anchors relative expressions
            (without a date, commitments are found but left undated).
        errors: when given, unreadable markers are appended here and their
            paragraphs skipped; otherwise the first one is raised.

    Raises:
        MarkerError: a ``{.toezegging}`` attribute cannot be read.
    """
    ref = doc.meta.date
    results: list[Commitment] = []
    for index, block in enumerate(doc.blocks):
        if block.kind not in SOURCE_KINDS or not block.text:
            continue
        classes = block.attrs.get("class", "").split()
        if NO_MARKER_CLASS in classes:
            continue
        node = doc.node_at_block(index)
        in_action = block.kind == "list_item" and any(n.kind in ACTION_KINDS for n in node.path())
        sentences = split_sentences(block_text(block))
        hits = [
            h
            for s in sentences
            for h in find_in_sentence(s, ref or _UNDATED_REF, list_item_in_action=in_action)
        ]
        if ref is None:
            hits = [
                Found(h.sentence, h.phrase, None, None, h.to_kamer, h.rule, h.key) for h in hits
            ]
        explicit = MARKER_CLASS in classes
        if explicit:
            try:
                hits = [_explicit(doc, block, sentences, hits, ref)]
            except MarkerError as exc:
                if errors is None:
                    raise
                errors.append(exc)
                continue
        anchor = block.anchor or f"block-{index}"
        for hit in hits:
            results.append(
                Commitment(
                    id=commitment_id(doc.id, anchor, hit.key),
                    doc=doc.id,
                    anchor=anchor,
                    block=index,
                    node=node.id,
                    section_path=doc.section_path(node),
                    sentence=hit.sentence,
                    phrase=hit.phrase,
                    earliest=hit.earliest,
                    latest=hit.latest,
                    to_kamer=hit.to_kamer,
                    explicit=explicit,
                    rule=hit.rule,
                )
            )
    return results


def library_commitments(
    documents: Library | Iterable[Document], *, errors: list[MarkerError] | None = None
) -> list[Commitment]:
    """The commitments of every letter in the library (not of our companions)."""
    return [
        c
        for doc in documents
        if doc.meta.kind not in SKIPPED_DOC_KINDS
        for c in extract_commitments(doc, errors=errors)
    ]
