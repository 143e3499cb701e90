"""Matching passages as unit bitmaps per record, scored only where the
ranking needs a score.

A record is a document, or 64 units of a long one (see :mod:`.schema`). A
term's postings are read block by block into two dicts: record -> weight
(BM25's term-frequency part, made at indexing) and record -> bitmap of its
units holding the term. A query becomes set algebra on those: an AND intersects the records
and ANDs their bitmaps, so "both words in one passage" costs one integer
operation per record, not one posting per passage. A record's score is the
sum of its weights times each term's idf, computed only for the records of
the ranking tiers that fill the page.

Imports Whoosh (see :mod:`._whoosh`); import it lazily.
"""

from __future__ import annotations

import heapq
import math
import sys
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate, compress, repeat
from operator import add, and_, invert, mul, neg, not_, or_
from typing import Any

from briefing_reader.core.search._whoosh import TermNotFound, wq

_BIG_ENDIAN = sys.byteorder == "big"
assert array("Q").itemsize == 8  # a record's unit bitmap (schema.CHUNK units)


class Unsupported(Exception):
    """A query node this module does not evaluate."""


Bits = dict[int, int]
"""record number -> bitmap of its units (bit i: its i-th unit); never 0."""

Read = tuple[dict[int, float], Bits, Bits]
"""A term's postings: record -> weight, record -> bitmap of its units holding
the term, and (``body`` only) record -> those holding it only as a compound
part."""

DOCUMENT_FIELDS = frozenset({"doc", "kind", "dockind", "date"})
"""Fields that name whole documents (no unit bitmaps): a match is every unit."""


@dataclass
class Leaf:
    """A scoring term: its postings' weights (BM25's term-frequency part, made
    at indexing: see :func:`.schema.bm25_weight`) and its idf; a term set
    scores ``constant`` wherever it matches."""

    fieldname: str
    weights: dict[int, float]
    idf: float | None = None
    constant: float = 1.0


@dataclass
class Matches:
    """The passages matching a query (per record, a unit bitmap), and the
    terms that score their records."""

    units: Bits
    leaves: list[Leaf] = field(default_factory=list)

    @property
    def count(self) -> int:
        """How many passages match."""
        return sum(map(int.bit_count, self.units.values()))


class Postings:
    """Postings of terms of one searcher, read once per query and kept.

    A few hundred recent terms are kept, so the second look at a term
    (its whole-word test, the next query typed letter by letter) is free.
    """

    KEEP = 256

    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self._weights: dict[tuple[str, str], Read] = {}
        self._records: int | None = None

    def weights(self, fieldname: str, text: str) -> dict[int, float]:
        """record -> weight of ``text`` in ``fieldname`` (deleted ones left out)."""
        return self._term(fieldname, text)[0]

    def bits(self, fieldname: str, text: str) -> Bits:
        """record -> bitmap of its units holding ``text`` in ``fieldname``.

        For a field naming whole documents (``doc``, ``dockind``...), every
        unit of each record holding the term.
        """
        if fieldname in DOCUMENT_FIELDS:
            every = self._term("scope", "all")[1]
            docs = self._term(fieldname, text)[0]
            return {d: every[d] for d in docs if d in every}
        return self._term(fieldname, text)[1]

    def units(self, fieldname: str, text: str) -> Bits:
        """:meth:`bits` of a term no score or compound test needs (a prefix's
        expansions): its weights and part-only units are not made."""
        if fieldname in DOCUMENT_FIELDS:
            return self.bits(fieldname, text)
        return self._term(fieldname, text, whole=False)[1]

    def part_only(self, key: str) -> Bits:
        """record -> bitmap of its units holding the body key ``key`` only as
        part of a compound word, never as a whole word."""
        return self._term("body", key)[2]

    def idf(self, fieldname: str, frequency: int) -> float:
        """BM25's inverse document frequency of a term in ``frequency`` records."""
        return math.log(1 + (self.records - frequency + 0.5) / (frequency + 0.5))

    @property
    def records(self) -> int:
        """How many records hold passages (the collection BM25 counts).

        From the term table's count, not the postings: reading the 10,000
        postings of ``scope:all`` cost a cold query 4 ms. Like Whoosh's own
        BM25, the count includes records deleted since the last merge.
        """
        if self._records is None:
            self._records = self.reader.doc_frequency("scope", "all")
        return self._records

    def _term(self, fieldname: str, text: str, whole: bool = True) -> Read:
        key = (fieldname, text)
        found = self._weights.get(key)
        if found is None or (whole and found[0] is _UNREAD):
            found = self._read(fieldname, text, whole)
            if len(self._weights) >= self.KEEP:
                self._weights.pop(next(iter(self._weights)))
            self._weights[key] = found
        return found

    def _read(self, fieldname: str, text: str, whole: bool = True) -> Read:
        from briefing_reader.core.search.schema import UnitsFormat

        schema = self.searcher.schema
        fmt = schema[fieldname].format if fieldname in schema else None
        size = fmt.posting_size if isinstance(fmt, UnitsFormat) else 0
        gathered = _Gathered()
        for leaf, offset in self.reader.leaf_readers():
            try:
                matcher = leaf.postings(fieldname, text)
            except TermNotFound:
                continue
            gathered.add(matcher, offset, size, whole)
        return gathered.read(size, whole)

    def scores(self, matches: Matches, docs: Iterable[int]) -> list[tuple[float, int]]:
        """(score, -record) of ``docs``: BM25 summed over the query's terms."""
        order = list(docs)
        return list(zip(self._totals(matches, order), map(neg, order), strict=True))

    def best(self, matches: Matches, units: list[int], need: int) -> list[tuple[float, int]]:
        """(score, -record) of the best ``need`` or more of the records
        ``units``: every one scoring at least as well as the ``need``-th best,
        in no particular order (pairs are made for those alone)."""
        order = list(units)
        total = self._totals(matches, order)
        if len(order) > need:
            cutoff = heapq.nlargest(need, total)[-1]
            kept = list(map(cutoff.__le__, total))
            total, order = list(compress(total, kept)), list(compress(order, kept))
        return list(zip(total, map(neg, order), strict=True))

    def _totals(self, matches: Matches, order: list[int]) -> list[float]:
        """The score of each record of ``order``. Written as maps over whole
        lists (run in C): a tier can hold 10,000 records. A term set's
        weights are 1.0 wherever it matches, times its constant."""
        total: list[float] = [0.0] * len(order)
        for leaf in matches.leaves:
            factor = leaf.constant if leaf.idf is None else leaf.idf
            weights = map(leaf.weights.get, order, repeat(0.0))
            total = list(map(add, total, map(mul, weights, repeat(factor))))
        return total


class _Gathered:
    """The postings of a term in every segment, gathered into flat lists
    (dicts are made once, at the end: merging a dict per segment cost a
    sixth of a read at nine segments)."""

    def __init__(self) -> None:
        self.ids: list[int] = []
        self.weights: list[float] = []
        self.values = array("Q")  # unit bitmaps, 8 bytes each
        self.deleted: list[int] = []

    def add(self, matcher: Any, offset: int, size: int, whole: bool = True) -> None:
        """A segment's postings, a block at a time where Whoosh allows;
        ``size``: of a posting's value (8: a unit bitmap; 16: that and the
        part-only units, in ``body``; 0: no bitmaps); ``whole``: with weights."""
        inner, deleted = _unwrapped(matcher)
        self.deleted.extend(d + offset for d in deleted)
        ids, weights, values = self.ids, self.weights, self.values
        if not _by_block(inner):  # a term's few postings in its entry: one at a time
            while matcher.is_active():
                ids.append(matcher.id() + offset)
                weights.append(matcher.weight())
                if size:
                    values.frombytes(matcher.value())
                matcher.next()
            return
        start = len(ids)
        for block_ids, block_weights, stored, _count in _each_block(inner):
            ids.extend(block_ids)
            if whole:
                weights.extend(block_weights)
            if size:
                values.frombytes(stored)
        if offset:
            ids[start:] = map(offset.__add__, ids[start:])

    def read(self, size: int, whole: bool = True) -> Read:
        """The gathered postings; without weights and part-only units
        (:data:`_UNREAD`, ``{}``) unless ``whole``."""
        if _BIG_ENDIAN:
            self.values.byteswap()  # stored little-endian (schema.UnitsField)
        weights = dict(zip(self.ids, self.weights, strict=True)) if whole else {}
        bits, parts = _bitmaps(self.ids, self.values, size, whole)
        for docnum in self.deleted:
            weights.pop(docnum, None)
            bits.pop(docnum, None)
            parts.pop(docnum, None)
        return (weights if whole else _UNREAD), bits, parts


_UNREAD: dict[int, float] = {}
"""The weights of a term read for its units alone (never filled)."""


def _bitmaps(ids: list[int], values: array[int], size: int, with_parts: bool) -> tuple[Bits, Bits]:
    """(record -> unit bitmap, record -> part-only units) of a posting list's
    values; the latter empty unless ``with_parts``."""
    if size == 8:
        return dict(zip(ids, values, strict=True)), {}
    if size != 16:
        return {}, {}
    bits = dict(zip(ids, values[0::2], strict=True))
    upper = values[1::2]
    if not with_parts or not any(upper):
        return bits, {}
    return bits, dict(zip(compress(ids, upper), compress(upper, upper), strict=True))


def raw_postings(
    matcher: Any, deleted: frozenset[int] = frozenset()
) -> tuple[list[int], list[float], list[bytes]]:
    """Every posting of a segment's term as stored: (ids, weights, values),
    ``deleted`` records (and those Whoosh's filter leaves out) left out; a
    block at a time where Whoosh allows."""
    inner, filtered = _unwrapped(matcher)
    if filtered:
        deleted = deleted | filtered
    ids: list[int] = []
    weights: list[float] = []
    values: list[bytes] = []
    if not _by_block(inner):
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            values.append(matcher.value() or b"")
            matcher.next()
    else:
        size = inner._fixedsize
        for block_ids, block_weights, stored, count in _each_block(inner):
            ids.extend(block_ids)
            weights.extend(block_weights)
            if size:  # fixed-size values, joined
                values.extend(stored[i : i + size] for i in range(0, size * count, size))
            elif size == 0 or stored is None:
                values.extend(repeat(b"", count))
            else:
                values.extend(stored)
    if deleted:
        keep = [i not in deleted for i in ids]
        ids = list(compress(ids, keep))
        weights = list(compress(weights, keep))
        values = list(compress(values, keep))
    return ids, weights, values


def _unwrapped(matcher: Any) -> tuple[Any, frozenset[int]]:
    """The leaf matcher under Whoosh's filter of deleted records, and those records."""
    from whoosh.matching.wrappers import FilterMatcher

    if isinstance(matcher, FilterMatcher) and matcher._exclude:
        return matcher.child, frozenset(matcher._ids)
    return matcher, frozenset()


def _by_block(inner: Any) -> bool:
    """True for a Whoosh 2.7.4 W3LeafMatcher (pinned), whose blocks are read whole."""
    return hasattr(inner, "_read_data") and hasattr(inner, "_next_block")


def _each_block(inner: Any) -> Iterator[tuple[Iterable[int], Iterable[float], Any, int]]:
    """(ids, weights, stored values, count) of each block of a W3LeafMatcher.

    Each block is unpacked as Whoosh stores it (ids as deltas, summed here
    in C; weights as None for all 1.0, one float for all alike, or one
    each; values as Whoosh minified them): Whoosh's own reader decodes one
    posting at a time in Python.
    """
    while inner.is_active():
        if inner._data is None:
            inner._read_data()
        data, count = inner._data, inner._blocklength
        ids = data[0] if inner._byteids else accumulate(data[0])
        yield ids, _block_weights(data[1], count), data[2], count
        inner._next_block()


def _block_weights(stored: tuple[float, ...] | float | None, count: int) -> Iterable[float]:
    """A block's weights as Whoosh stores them: None for all 1.0, one float
    for all alike, or one each."""
    if stored is None:
        return repeat(1.0, count)
    if isinstance(stored, float):
        return repeat(stored, count)
    return stored


def evaluate(postings: Postings, query: Any, score: bool = True) -> Matches:
    """The passages matching ``query`` and its scoring terms.

    Raises:
        Unsupported: a node other than Term, And, Or, AndNot or a TermSet.
    """
    from briefing_reader.core.search.searching import TermSet

    if isinstance(query, wq.Term):
        units = postings.bits(query.fieldname, query.text)
        leaves = []
        if score and units and query.fieldname not in DOCUMENT_FIELDS:
            weights = postings.weights(query.fieldname, query.text)
            leaves = [Leaf(query.fieldname, weights, postings.idf(query.fieldname, len(weights)))]
        return Matches(units, leaves)
    if isinstance(query, TermSet):
        units = union([postings.units(query.fieldname, text) for text in query.texts])
        weights = dict.fromkeys(units, 1.0)
        return Matches(units, [Leaf(query.fieldname, weights, None, query.score)] if score else [])
    if isinstance(query, wq.AndNot):
        positive = evaluate(postings, query.a, score)
        positive.units = without(positive.units, evaluate(postings, query.b, False).units)
        return positive
    if isinstance(query, (wq.And, wq.Or)) and type(query) in (wq.And, wq.Or):
        parts = [evaluate(postings, q, score) for q in query.subqueries]
        if not parts:
            return Matches({})
        sets = [part.units for part in parts]
        units = intersection(sets) if isinstance(query, wq.And) else union(sets)
        return Matches(units, [leaf for part in parts for leaf in part.leaves])
    raise Unsupported(type(query).__name__)


# The set operations below are written as maps over whole key lists (run in
# C): a common word is in every one of 10,000 records. They walk one dict and
# look its keys up in the other (``get`` with 0 for "none of its units")
# rather than first building the set of common keys: half the time.


def intersection(sets: list[Bits]) -> Bits:
    """The units held by every one of ``sets``."""
    ordered = sorted(sets, key=len)
    out = ordered[0]
    for other in ordered[1:]:
        keys = list(out)
        anded = list(map(and_, out.values(), map(other.get, keys, repeat(0))))
        out = _nonzero(keys, anded)
    return dict(out) if out is ordered[0] else out


def union(sets: list[Bits]) -> Bits:
    """The units held by any of ``sets``."""
    if not sets:
        return {}
    ordered = sorted(sets, key=len, reverse=True)
    out = dict(ordered[0])
    for other in ordered[1:]:
        keys = list(other)
        out.update(zip(keys, map(or_, map(out.get, keys, repeat(0)), other.values()), strict=True))
    return out


def without(units: Bits, other: Bits) -> Bits:
    """The units of ``units`` not in ``other``."""
    if len(other) * 4 < len(units):  # a few records to change: visit those alone
        both = list(units.keys() & other.keys())
        if not both:
            return units
        rest = list(
            map(and_, map(units.__getitem__, both), map(invert, map(other.__getitem__, both)))
        )
        out = dict(units)
        out.update(zip(both, rest, strict=True))
        for doc in compress(both, map(not_, rest)):
            del out[doc]
        return out
    keys = list(units)
    return _nonzero(
        keys, list(map(and_, units.values(), map(invert, map(other.get, keys, repeat(0)))))
    )


def _nonzero(keys: list[int], values: list[int]) -> Bits:
    """``dict(zip(keys, values))`` without the zero values."""
    return dict(compress(zip(keys, values, strict=True), values))
