"""The Whoosh schema and the conversion of a document into index records.

Importing this module imports Whoosh (about 70 ms, see :mod:`._whoosh`);
import it lazily.

**A record per document (per 64 units of a long one), its passages inside.**
A unit (paragraph, heading, footnote...: see :mod:`.units`) is where a hit
opens, but it is not a Whoosh document: at 10,000 letters a common word is
in ~113,000 units, and a query had to read (and rank) a posting for each.
Here a term has one posting per record; the posting's value is a 64-bit
bitmap of the record's units holding the term (bit *i*: its *i*-th unit).
A query is set algebra on those bitmaps: "both words in one passage" is an
AND of two integers, the number of passages is a bit count. Ranking reads
the record-level weights (BM25F over the record's text) and opens the
passages, stored with the record, only for the records shown.

Text fields are fed ready-made terms (see :mod:`.text`), not raw text: the
Dutch analysis runs once per word form (cached) instead of once per token
through Whoosh's generic analyzer chain, and the query side uses exactly the
same functions, so index and query can never disagree.

Phrases use word pairs, not positions: a pair is one term look-up, and its
bitmap says which passages hold it. Profiled at 2,000 documents, Whoosh's
positional phrase query spent its time unpickling position lists and
matching spans in Python (p95 129 ms; 290 ms for "in het").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from briefing_reader.core.content import Document
from briefing_reader.core.search._whoosh import fields, formats, pack_uint
from briefing_reader.core.search.text import WORD, CompoundSplitter, DutchTerms, fold
from briefing_reader.core.search.units import Unit, units_of

SCHEMA_VERSION = 3
"""Bumped whenever fields or term making change; an index of another
version is rebuilt (version 2: a record per chunk of units, unit bitmaps;
3: a body posting carries its compound-part-only units too)."""

CHUNK = 64
"""Units per record: a bitmap of a chunk's units fits a 64-bit posting value.
A letter of 15 KB has about 46 units: one record."""

INDEX_NAME = f"units_v{SCHEMA_VERSION}"
MANIFEST_KIND = "_doc"
"""Kind of the small record per document that carries its source hash (read
for the manifest without unpickling the document's passages)."""
DOCUMENT_KIND = "_text"
"""Kind of the records (a document's chunks) that hold terms and passages."""


K1, B = 1.2, 0.75
"""BM25's term-frequency saturation and length normalisation (Whoosh's)."""
TYPICAL_LENGTH = 2500.0
"""Words in a typical record (a letter of 15 KB): BM25's length norm."""


def bm25_weight(frequency: float, length: int) -> float:
    """A posting's weight: BM25's term-frequency part for a record of
    ``length`` words; a query multiplies it by the term's idf.

    Made when the record is indexed, with a fixed typical length rather than
    the index's running average, so a query's score is one multiplication
    per record (and an old record's weight never goes stale).
    """
    norm = 1 - B + B * length / TYPICAL_LENGTH
    return frequency * (K1 + 1) / (frequency + K1 * norm)


HEADING_BOOST = 2.0
"""Weight of every term of a heading or sub-action title."""
PART_WEIGHT = 0.001
"""Weight of a compound part: far below a whole word, whatever the length."""

Weighted = dict[str, tuple[int, float]]
"""term -> (frequency, weight): the value of a weighted field."""
UnitTerms = dict[str, tuple[int, float, int]]
"""term -> (frequency, weight, bitmap of the units holding it); in ``body``
the bitmap's upper 64 bits are the units holding it only as a compound part."""


class TermsField(fields.TEXT):
    """A text field fed ready-made terms: a list, or a :data:`Weighted` dict.

    Frequencies and weights only: no positions (phrases use word pairs).
    """

    def __init__(self) -> None:
        super().__init__(phrase=False)

    def index(
        self, value: list[str] | Weighted, **kwargs: Any
    ) -> Iterator[tuple[bytes, int, float, bytes]]:
        items = (
            value.items()
            if isinstance(value, dict)
            else ((term, (freq, float(freq))) for term, freq in Counter(value).items())
        )
        for term, (freq, weight) in items:
            yield term.encode("utf-8"), freq, weight, pack_uint(freq)


class UnitsFormat(formats.Format):
    """Postings whose value is the bitmap of a chunk's units: 8 bytes,
    little-endian; 16 in ``body``, whose upper 8 are the units holding the
    term only as a compound part.

    A fixed size lets Whoosh store a block's values as one string, which
    reads back as an array in one call (a tuple of small strings cost
    three quarters of reading a posting list). The part-only units ride
    in the body posting because a query needs both for every word (whole
    words rank first): one posting list read instead of two, and the
    upper half is mostly zeros, which the block compression takes away.
    """

    def __init__(self, size: int = 8) -> None:
        super().__init__()
        self.posting_size = size

    def decode_frequency(self, valuestring: bytes) -> int:
        return int.from_bytes(valuestring[:8], "little").bit_count()

    def decode_weight(self, valuestring: bytes) -> float:
        return float(self.decode_frequency(valuestring))


class UnitsField(fields.TEXT):
    """A field fed a :data:`UnitTerms` dict: per term its frequency, weight
    and the bitmap of the document's units that hold it."""

    def __init__(self, size: int = 8) -> None:
        super().__init__(phrase=False)
        self.format = UnitsFormat(size)
        self.scorable = False  # the weights carry the length (bm25_weight): no length column

    def index(self, value: UnitTerms, **kwargs: Any) -> list[tuple[bytes, int, float, bytes]]:
        size = self.format.posting_size
        return [
            (term.encode("utf-8"), freq, weight, bits.to_bytes(size, "little"))
            for term, (freq, weight, bits) in value.items()
        ]


LEXICON_KIND = "_lexicon"
"""Kind of the records that hold new exact forms in ``forms`` (never deleted)."""


def make_schema() -> fields.Schema:
    """Fields of a document record, a manifest record and a lexicon record.

    * ``doc``, ``kind``, ``dockind``, ``date``: exact filters (``date`` is
      ISO ``YYYY-MM-DD``); ``doc`` and ``kind`` are stored.
    * ``body``: the key of every word (stemmed, normalised; a stop word is
      its own key), plus the keys of compound parts with weight
      :data:`PART_WEIGHT`; each posting's value is the bitmap of the units
      holding the key, then the bitmap of those holding it only as a
      compound part (whole words rank above parts).
    * ``pairs``: every two consecutive exact forms (lower case, accents
      folded, stop words kept) as "a b", with their units: exact phrases
      without positions.
    * ``scope``: ``all`` (every unit) and ``action`` (units inside actions).
    * ``forms``: the lexicon of exact forms, on lexicon records only (one
      posting per form, not per document): ``prefix*``, ``fuzzy~`` and
      suggestions expand against it.
    * ``passages``: stored, the document's units for hits (see
      :func:`passages_of`); ``doctitle`` stored.
    * ``dochash``: ``ID:source_hash`` on the manifest record only.

    Terms of headings and sub-action titles weigh :data:`HEADING_BOOST`.
    """
    return fields.Schema(
        doc=fields.ID(stored=True),
        kind=fields.ID(stored=True),
        dockind=fields.ID,
        date=fields.ID,
        dochash=fields.ID(stored=True),
        body=UnitsField(16),
        pairs=UnitsField(),
        scope=UnitsField(),
        forms=TermsField(),
        passages=fields.STORED,
        doctitle=fields.STORED,
    )


class FormKeys:
    """Per exact form: its key and the keys of its compound parts (cached for
    a batch of documents: the splitter's vocabulary grows with the batch)."""

    def __init__(self, terms: DutchTerms, splitter: CompoundSplitter) -> None:
        self._key = terms.key
        self._parts = splitter.parts
        self.known: dict[str, tuple[str, tuple[str, ...]]] = {}

    def __call__(self, form: str) -> tuple[str, tuple[str, ...]]:
        found = self.known.get(form)
        if found is None:
            key = self._key(form)
            own = form if key is None else key
            parts = []
            for part in self._parts(form):
                pk = self._key(part)
                if pk is not None and pk != key and pk not in parts:
                    parts.append(pk)
            found = self.known[form] = (own, tuple(parts))
        return found


def records(
    doc: Document,
    terms: DutchTerms,
    splitter: CompoundSplitter,
    forms: set[str],
    keys: FormKeys | None = None,
) -> Iterator[dict[str, Any]]:
    """The Whoosh records of one document: a record per :data:`CHUNK` units
    (their terms and passages), then the document's manifest record.

    Every exact form of the document is added to ``forms`` (the lexicon
    record, and the vocabulary ``splitter`` may consult) before its
    compounds are split.
    """
    keys = keys or FormKeys(terms, splitter)
    units = units_of(doc)
    exact = [WORD.findall(fold(unit.text)) for unit in units]
    for words in exact:  # before any compound is split: the document's own words count
        forms.update(words)
    for number, start in enumerate(range(0, len(units), CHUNK)):
        end = start + CHUNK
        yield _chunk_record(doc, units[start:end], exact[start:end], number, keys)
    yield {
        "doc": doc.id,
        "kind": MANIFEST_KIND,
        "dochash": manifest_value(doc),
        "doctitle": doc.title,
    }


def _chunk_record(
    doc: Document, units: list[Unit], exact: list[list[str]], number: int, keys: FormKeys
) -> dict[str, Any]:
    """The record of ``units``, the ``number``-th chunk of ``doc``.

    Written for speed (it runs for every word of every letter imported):
    counting is done by ``Counter.update`` on lists (in C); Python loops
    only over each unit's distinct keys and pairs, to set their bits.
    """
    key_of: dict[str, str] = {}  # form -> key
    compounds: dict[str, tuple[str, ...]] = {}  # form -> keys of its parts
    for form in {w for words in exact for w in words}:
        key, parts = keys.known.get(form) or keys(form)
        key_of[form] = key
        if parts:
            compounds[form] = parts
    freq: Counter[str] = Counter()  # of whole words
    extra: dict[str, float] = {}  # weight beyond the frequency: titles, parts
    whole: dict[str, int] = {}  # key -> units holding it as a whole word
    part: dict[str, int] = {}  # key -> units holding it as a compound part
    pair_freq: Counter[str] = Counter()
    pair_extra: dict[str, float] = {}
    pair_where: dict[str, int] = {}
    actions = 0
    for i, (unit, words) in enumerate(zip(units, exact, strict=True)):
        bit = 1 << i
        if unit.kind == "action":
            actions |= bit
        unit_keys = list(map(key_of.__getitem__, words))
        freq.update(unit_keys)
        for key in set(unit_keys):
            whole[key] = whole.get(key, 0) | bit
        unit_pairs = list(map(" ".join, pairwise(words)))
        pair_freq.update(unit_pairs)
        for pair in set(unit_pairs):
            pair_where[pair] = pair_where.get(pair, 0) | bit
        boost = HEADING_BOOST if unit.title else 1.0
        if unit.title:
            for k, n in Counter(unit_keys).items():
                extra[k] = extra.get(k, 0.0) + (boost - 1.0) * n
            for p, n in Counter(unit_pairs).items():
                pair_extra[p] = pair_extra.get(p, 0.0) + (boost - 1.0) * n
        for form in compounds.keys() & set(words):
            n = words.count(form)
            for pk in compounds[form]:
                extra[pk] = extra.get(pk, 0.0) + PART_WEIGHT * n * boost
                part[pk] = part.get(pk, 0) | bit
    length = sum(map(len, exact))
    body: UnitTerms = {}
    for key in freq.keys() | part.keys():
        held = whole.get(key, 0)
        bits = held | part.get(key, 0)
        only = bits & ~held
        n = freq.get(key, 0)
        weight = bm25_weight(n + extra.get(key, 0.0), length)
        body[key] = (n or bits.bit_count(), weight, bits | only << 64)
    pairs: UnitTerms = {
        p: (n, bm25_weight(n + pair_extra.get(p, 0.0), length), pair_where[p])
        for p, n in pair_freq.items()
    }
    return {
        "doc": doc.id,
        "kind": DOCUMENT_KIND,
        "dockind": doc.meta.kind,
        "date": doc.meta.date.isoformat() if doc.meta.date else "",
        "body": body,
        "pairs": pairs,
        "scope": _scope(len(units), actions, number),
        "passages": passages_of(units, compounds),
        "doctitle": doc.title,
    }


def _scope(count: int, actions: int, chunk: int) -> UnitTerms:
    """``all`` units; those in ``action``s; ``more``: a document's chunk after
    its first, weighing its number (so chunks count as one document)."""
    every = (1 << count) - 1
    scope: UnitTerms = {"all": (1, 1.0, every)}
    if actions:
        scope["action"] = (1, 1.0, actions)
    if chunk:
        scope["more"] = (1, float(chunk), every)
    return scope


Passages = tuple[
    tuple[str, ...],
    tuple[tuple[str, str, int, str], ...],
    int,
    dict[str, tuple[str, ...]],
]
"""(section paths, units as (anchor, kind, section number, text), bitmap of
the units that are headings or sub-action titles, the keys of the compound
parts of the record's words as they were indexed)."""


def passages_of(units: list[Unit], compounds: dict[str, tuple[str, ...]]) -> Passages:
    """What a hit shows of each unit, section paths stored once.

    The compound parts go with them so that a hit marks exactly the parts
    the index matched, without splitting its words again (each split asks
    the index's lexicon dozens of times).
    """
    sections: dict[str, int] = {}
    rows = tuple(
        (u.anchor, u.kind, sections.setdefault(u.section_path, len(sections)), u.text)
        for u in units
    )
    titles = sum(1 << i for i, u in enumerate(units) if u.title)
    return tuple(sections), rows, titles, compounds


def lexicon_record(forms: set[str], reader: Any | None) -> dict[str, Any] | None:
    """A lexicon record of the ``forms`` that ``reader`` does not know yet."""
    new = sorted(f for f in forms if reader is None or ("forms", f) not in reader)
    return {"kind": LEXICON_KIND, "forms": new} if new else None


def manifest_value(doc: Document) -> str:
    """What the manifest record stores for a document: ``id:source_hash``."""
    return f"{doc.id}:{doc.source_hash}"
