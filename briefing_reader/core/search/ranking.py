"""Ranking the matching passages and filling a page of hits with them.

The passages come as unit bitmaps per record (see :mod:`.collect`). Order:
passages holding more of the query's parts first (in a partial result),
then those holding more parts as whole words rather than compound parts,
then the letters before our companion documents; within that, records by
score, a record's passages together, headings first, then in reading order.

Imports Whoosh through :mod:`.collect`; import it lazily.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from briefing_reader.core.search import collect
from briefing_reader.core.search.results import Highlighter, Hit
from briefing_reader.core.search.text import WORD, fold

VERIFY_ALL = 300
"""Phrases of 3+ words are checked word by word on every candidate up to
this many candidates, above it on the hits returned only."""


def contains_phrase(text: str, words: tuple[str, ...]) -> bool:
    """True when the exact forms ``words`` occur one after another in ``text``."""
    forms = WORD.findall(fold(text))
    n = len(words)
    return any(
        forms[i : i + n] == list(words) for i in range(len(forms) - n + 1) if forms[i] == words[0]
    )


class Lacking(Mapping[tuple[int, int], tuple[str, ...]]):
    """(record, unit) -> the labels of the parts it lacks, worked out when asked."""

    def __init__(self, labels: list[str], held: list[collect.Bits]) -> None:
        self._labels = labels
        self._held = held

    def __getitem__(self, place: tuple[int, int]) -> tuple[str, ...]:
        doc, unit = place
        has = [bits.get(doc, 0) >> unit & 1 for bits in self._held]
        if not any(has):
            raise KeyError(place)
        return tuple(label for label, h in zip(self._labels, has, strict=True) if not h)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        for doc, bits in collect.union(self._held).items():
            for unit in _unit_numbers(bits):
                yield doc, unit

    def __len__(self) -> int:
        return collect.Matches(collect.union(self._held)).count


def tiers(
    postings: collect.Postings,
    keyed: list[set[str] | None],
    matches: collect.Matches,
    held: list[collect.Bits],
) -> Iterator[collect.Bits]:
    """The matching passages in ranking tiers, best first.

    ``keyed``: per part of the query, the body keys of its plain words (None
    for a phrase, a prefix...), for telling whole words from compound parts.
    ``held``: in a partial result, the passages holding each part.
    At each level the letters come before our companion documents. Made as
    they are asked for: the page is usually filled from the first.
    """
    demoted = [
        (number, _part_only(postings, keys))
        for number, keys in enumerate(keyed)
        if keys is not None
    ]
    ours = _companions(postings)
    for level in _whole_word_levels(matches.units, held, demoted):
        theirs = dict(level)
        for doc in ours:
            theirs.pop(doc, None)
        yield theirs
        if ours:
            yield {d: level[d] for d in ours if d in level}


def _whole_word_levels(
    units: collect.Bits, held: list[collect.Bits], demoted: list[tuple[int, collect.Bits]]
) -> Iterator[collect.Bits]:
    """``units`` by how many parts they hold, then by how many as whole words."""
    if held:  # a partial result: most parts held first, then most whole words
        whole = [collect.without(held[n], only) for n, only in demoted]
        for has in reversed(_levels(units, held)):
            yield from reversed(_levels(has, whole))
        return
    # Every passage holds every part: those holding none only in compounds first.
    sets = [only for _, only in demoted if only]
    if not sets:
        yield units
        return
    anywhere = collect.union(sets)
    yield collect.without(units, anywhere)
    yield from _levels(collect.intersection([units, anywhere]), sets)[1:]


def _levels(units: collect.Bits, sets: list[collect.Bits]) -> list[collect.Bits]:
    """``units`` split by how many of ``sets`` hold them (index: that count).

    Only the records of each set are visited: the sets of compound-only
    passages are small beside the result.
    """
    levels = [units]
    for members in sets:
        moved = [dict(level) for level in levels] + [{}]
        for doc, held in members.items():
            below = 0  # the record's units one level down, before the move
            for count, level in enumerate(moved):
                bits = levels[count].get(doc, 0) if count < len(levels) else 0
                if now := (bits & ~held) | (below & held):
                    level[doc] = now
                else:
                    level.pop(doc, None)
                below = bits
        levels = moved
    return levels


def ranked(
    postings: collect.Postings,
    matches: collect.Matches,
    tiers: Iterable[collect.Bits],
    first: int,
) -> Iterator[tuple[int, int, float]]:
    """(record, its passages in this tier, score) for ``tiers`` in turn,
    each tier's records by score, best first."""
    for tier in tiers:
        if not tier:
            continue
        order = list(tier)
        best = postings.best(matches, order, first) if len(order) > first else None
        if best:  # usually the page is filled from these
            best.sort(reverse=True)
            for score, doc in best:
                yield -doc, tier[-doc], score
            shown = {-doc for _, doc in best}
            order = [doc for doc in order if doc not in shown]
        scored = postings.scores(matches, order)
        scored.sort(reverse=True)
        for score, doc in scored:
            yield -doc, tier[-doc], score


def _unit_numbers(bits: int) -> Iterator[int]:
    """The numbers of the set bits of ``bits``, lowest first."""
    while bits:
        low = bits & -bits
        yield low.bit_length() - 1
        bits ^= low


def _part_only(postings: collect.Postings, keys: set[str]) -> collect.Bits:
    """Passages holding ``keys`` only as compound parts, never as a whole word."""
    only = collect.union([postings.part_only(key) for key in keys])
    if len(keys) > 1 and only:  # a whole word of one key outranks a part of another
        whole = collect.union(
            [collect.without(postings.bits("body", k), postings.part_only(k)) for k in keys]
        )
        only = collect.without(only, whole)
    return only


def _documents(postings: collect.Postings, records: Iterable[int]) -> int:
    """How many documents ``records`` belong to (a long one has several)."""
    held = records if isinstance(records, (set, dict)) else set(records)
    more = postings.weights("scope", "more")  # a later record -> its number in its document
    later = [r for r in more if r in held]
    firsts = {r - int(more[r]) for r in later}  # the documents' first records
    return len(held) - len(later) + sum(1 for r in firsts if r not in held)


def _companions(postings: collect.Postings) -> set[int]:
    return set(postings.weights("dockind", "companion"))


class Page:
    """The hits of one result page, made from the ranked passages."""

    def __init__(
        self,
        postings: collect.Postings,
        verify: list[tuple[str, ...]],
        marker: Highlighter,
        limit: int,
        lacking: Mapping[tuple[int, int], tuple[str, ...]],
    ) -> None:
        self._postings = postings
        self._searcher = postings.searcher
        self._verify = verify
        self._marker = marker
        self._limit = limit
        self._lacking = lacking
        self._stored: dict[int, Any] = {}

    def fill(
        self, ranked: Iterable[tuple[int, int, float]], matches: collect.Matches
    ) -> tuple[list[Hit], int, int]:
        """(the first hits, passages in all, documents in all).

        Phrases of three or more words are checked in each passage's text:
        every candidate when there are at most :data:`VERIFY_ALL`, else the
        hits shown only (the totals then count the candidates).
        """
        total = matches.count
        check_all = bool(self._verify) and total <= VERIFY_ALL
        hits: list[Hit] = []
        held: set[int] = set()
        for doc, bits, score in ranked:
            if len(hits) == self._limit and not check_all:
                break
            for unit in self._in_order(doc, bits):
                passage = self._passage(doc, unit)
                if self._verify and not all(contains_phrase(passage[3], p) for p in self._verify):
                    total -= 1
                    continue
                held.add(doc)
                if len(hits) < self._limit:
                    hits.append(self._hit(doc, unit, score, passage))
                elif not check_all:
                    break
        documents = _documents(self._postings, held if check_all else matches.units)
        return hits, total, documents

    def _stored_of(self, doc: int) -> Any:
        stored = self._stored.get(doc)
        if stored is None:
            stored = self._stored[doc] = self._searcher.stored_fields(doc)
        return stored

    def _in_order(self, doc: int, bits: int) -> Iterator[int]:
        """A record's passages among ``bits``: headings and sub-action
        titles first (the section is about the words), then reading order."""
        titles = self._stored_of(doc)["passages"][2]
        yield from _unit_numbers(bits & titles)
        yield from _unit_numbers(bits & ~titles)

    def _passage(self, doc: int, unit: int) -> tuple[str, str, str, str]:
        sections, units, _titles, _compounds = self._stored_of(doc)["passages"]
        anchor, kind, section, text = units[unit]
        return anchor, kind, sections[section], text

    def _hit(self, doc: int, unit: int, score: float, passage: tuple[str, str, str, str]) -> Hit:
        stored = self._stored[doc]
        anchor, kind, section, text = passage
        return Hit(
            doc=stored["doc"],
            doc_title=stored.get("doctitle", ""),
            anchor=anchor,
            section_path=section,
            kind=kind,
            score=float(score or 0.0),
            text=text,
            highlighter=self._marker,
            missing=self._lacking.get((doc, unit), ()),
            compounds=stored["passages"][3],
        )
