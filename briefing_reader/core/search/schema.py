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

import marshal
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import islice, pairwise
from typing import Any

from briefing_reader.core.content import Document
from briefing_reader.core.search._whoosh import PostingPool, fields, formats, pack_uint
from briefing_reader.core.search.text import WORD, CompoundSplitter, DutchTerms, fold
from briefing_reader.core.search.units import Unit, units_of

SCHEMA_VERSION = 2
"""Bumped whenever fields or term making change; an index of another
version is rebuilt (version 2: a record per chunk of units, unit bitmaps)."""

CHUNK = 64
"""Units per record: a bitmap of a chunk's units fits a 64-bit posting value.
A letter of 15 KB has about 46 units: one record."""

INDEX_NAME = f"units_v{SCHEMA_VERSION}"
MANIFEST_KIND = "_doc"
"""Kind of the small record per document that carries its source hash (read
for the manifest without unpickling the document's passages)."""
DOCUMENT_KIND = "_text"
"""Kind of the records (a document's chunks) that hold terms and passages."""


HEADING_BOOST = 2.0
"""Weight of every term of a heading or sub-action title."""
PART_WEIGHT = 0.001
"""Weight of a compound part: far below a whole word, whatever the length."""

Weighted = dict[str, tuple[int, float]]
"""term -> (frequency, weight): the value of a weighted field."""
UnitTerms = dict[str, tuple[int, float, int]]
"""term -> (frequency, weight, bitmap of the units holding it)."""


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
    """Postings whose value is the bitmap of a chunk's units: 8 bytes, little-endian.

    A fixed size lets Whoosh store a block's values as one string, which
    reads back as an array in one call (a tuple of small strings cost
    three quarters of reading a posting list).
    """

    posting_size = 8

    def decode_frequency(self, valuestring: bytes) -> int:
        return int.from_bytes(valuestring, "little").bit_count()

    def decode_weight(self, valuestring: bytes) -> float:
        return float(self.decode_frequency(valuestring))


class UnitsField(fields.TEXT):
    """A field fed a :data:`UnitTerms` dict: per term its frequency, weight
    and the bitmap of the document's units that hold it."""

    def __init__(self, scorable: bool = True) -> None:
        super().__init__(phrase=False)
        self.format = UnitsFormat()
        self.scorable = scorable

    def index(self, value: UnitTerms, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        for term, (freq, weight, bits) in value.items():
            yield term.encode("utf-8"), freq, weight, to_bytes(bits)


def to_bytes(bits: int) -> bytes:
    """A unit bitmap as a posting value."""
    return bits.to_bytes(8, "little")


LEXICON_KIND = "_lexicon"
"""Kind of the records that hold new exact forms in ``forms`` (never deleted)."""


class ChunkedPool(PostingPool):
    """Whoosh's posting pool, made cheaper per posting (Whoosh 2.7.4 is pinned).

    * ``add`` drops the per-posting type assertions.
    * When a big build outgrows the memory limit, Whoosh writes sorted runs
      one ``pickle.dump`` per posting and reads them back one ``load`` each;
      here runs are marshalled in chunks.
    """

    CHUNK = 20_000

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        self.fieldnames.add(item[0])
        self.currentsize += 128 + len(item[0]) + 2 * len(item[1]) + len(item[4] or b"")
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)

    def _write_run(self, f: Any, items: Iterable[Any]) -> None:
        # A list when a run is saved; a generator when Whoosh merges runs
        # (more than 128 of them: a big commit with a small memory limit).
        iterator = iter(items)
        while chunk := list(islice(iterator, self.CHUNK)):
            marshal.dump(chunk, f)
        f.close()

    def _read_run(self, path: str) -> Iterator[Any]:
        f = self._open_run(path)
        try:
            while True:
                try:
                    chunk = marshal.load(f)
                except EOFError:
                    return
                yield from chunk
        finally:
            f.close()
            self._remove_run(path)


class _CachedLengths:
    """Field lengths of a new segment, read once per document, not per posting.

    Whoosh looks a unit's field length up in the length column for every
    posting it writes (a seek and a read each: about a third of a big
    build); this reads each column once into a list.
    """

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._columns: dict[str, list[int]] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        column = self._columns.get(fieldname)
        if column is None:
            read = self._reader.doc_field_length
            column = [read(d, fieldname, default) for d in range(self._reader.doc_count_all())]
            self._columns[fieldname] = column
        return column[docnum]

    def close(self) -> None:
        self._reader.close()


def make_writer(ix: Any, limit_mb: int = 1) -> Any:
    """A segment writer for ``ix`` (the caller holds the lock), made faster.

    Uses :class:`ChunkedPool` and :class:`_CachedLengths`; the index files
    written are exactly Whoosh's own. Segments are not packed into one
    compound file: Whoosh reads a compound file's parts by slicing its
    memory map, which copies them, so opening a searcher on a 1,000-letter
    index cost 56 MiB; separate files are read where needed (1 MiB).
    The posting pool spills sorted runs of ``limit_mb``: one big ``sort``
    at commit holds the GIL for long (1.1 s at Whoosh's 128 MB, 25 ms at
    1 MB), which matters only in a thread beside the window's event loop;
    the window indexes in a process of its own (``index_worker``).
    """
    w = ix.writer(_lk=False, compound=False, limitmb=limit_mb)
    w.pool.__class__ = ChunkedPool
    per_document_reader = w.per_document_reader
    w.per_document_reader = lambda: _CachedLengths(per_document_reader())
    return w


def make_schema() -> fields.Schema:
    """Fields of a document record, a manifest record and a lexicon record.

    * ``doc``, ``kind``, ``dockind``, ``date``: exact filters (``date`` is
      ISO ``YYYY-MM-DD``); ``doc`` and ``kind`` are stored.
    * ``body``: the key of every word (stemmed, normalised; a stop word is
      its own key), plus the keys of compound parts with weight
      :data:`PART_WEIGHT`; each posting's value is the bitmap of the units
      holding the key.
    * ``parts``: the keys that some unit holds only as a compound part,
      with the bitmap of those units (whole words rank above parts).
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
        body=UnitsField(),
        parts=UnitsField(scorable=False),
        pairs=UnitsField(),
        scope=UnitsField(scorable=False),
        forms=TermsField(),
        passages=fields.STORED,
        doctitle=fields.STORED,
    )


class _Terms:
    """The weighted, unit-mapped terms of one document, gathered unit by unit."""

    def __init__(self) -> None:
        self.terms: dict[str, list[Any]] = {}  # term -> [freq, weight, bitmap]

    def add(self, term: str, freq: int, weight: float, bit: int) -> None:
        entry = self.terms.get(term)
        if entry is None:
            self.terms[term] = [freq, weight, bit]
        else:
            entry[0] += freq
            entry[1] += weight
            entry[2] |= bit

    def value(self) -> UnitTerms:
        return {term: (f, w, b) for term, (f, w, b) in self.terms.items()}


class _Keys:
    """Per exact form: its key and the keys of its compound parts (cached)."""

    def __init__(self, terms: DutchTerms, splitter: CompoundSplitter) -> None:
        self._key = terms.key
        self._parts = splitter.parts
        self._known: dict[str, tuple[str, tuple[str, ...]]] = {}

    def __call__(self, form: str) -> tuple[str, tuple[str, ...]]:
        found = self._known.get(form)
        if found is None:
            key = self._key(form)
            own = form if key is None else key
            parts = []
            for part in self._parts(form):
                pk = self._key(part)
                if pk is not None and pk != key and pk not in parts:
                    parts.append(pk)
            found = self._known[form] = (own, tuple(parts))
        return found


def records(
    doc: Document, terms: DutchTerms, splitter: CompoundSplitter, forms: set[str]
) -> Iterator[dict[str, Any]]:
    """The Whoosh records of one document: a record per :data:`CHUNK` units
    (their terms and passages), then the document's manifest record.

    Every exact form met is added to ``forms`` (for the lexicon record).
    """
    keys = _Keys(terms, splitter)
    units = units_of(doc)
    for number, start in enumerate(range(0, len(units), CHUNK)):
        yield _chunk_record(doc, units[start : start + CHUNK], number, keys, forms)
    yield {
        "doc": doc.id,
        "kind": MANIFEST_KIND,
        "dochash": manifest_value(doc),
        "doctitle": doc.title,
    }


def _chunk_record(
    doc: Document, units: list[Unit], number: int, keys: _Keys, forms: set[str]
) -> dict[str, Any]:
    """The record of ``units``, the ``number``-th chunk of ``doc``."""
    body, pairs = _Terms(), _Terms()
    whole_bits: dict[str, int] = {}
    part_bits: dict[str, int] = {}
    actions = 0
    for i, unit in enumerate(units):
        bit = 1 << i
        if unit.kind == "action":
            actions |= bit
        boost = HEADING_BOOST if unit.title else 1.0
        exact = WORD.findall(fold(unit.text))
        counts = Counter(exact)
        forms.update(counts)
        for form, n in counts.items():
            key, parts = keys(form)
            body.add(key, n, n * boost, bit)
            whole_bits[key] = whole_bits.get(key, 0) | bit
            for part in parts:
                body.add(part, 0, PART_WEIGHT * n * boost, bit)
                part_bits[part] = part_bits.get(part, 0) | bit
        for pair, n in Counter(f"{a} {b}" for a, b in pairwise(exact)).items():
            pairs.add(pair, n, n * boost, bit)
    return {
        "doc": doc.id,
        "kind": DOCUMENT_KIND,
        "dockind": doc.meta.kind,
        "date": doc.meta.date.isoformat() if doc.meta.date else "",
        "body": _body_value(body),
        "parts": _parts_only(part_bits, whole_bits),
        "pairs": pairs.value(),
        "scope": _scope(len(units), actions, number),
        "passages": passages_of(units),
        "doctitle": doc.title,
    }


def _body_value(body: _Terms) -> UnitTerms:
    """Body terms; a key met only as a compound part counts once per unit."""
    return {
        term: (freq or b.bit_count(), weight, b) for term, (freq, weight, b) in body.terms.items()
    }


def _parts_only(part_bits: dict[str, int], whole_bits: dict[str, int]) -> UnitTerms:
    """Per key, the units that hold it only as a compound part."""
    out: UnitTerms = {}
    for key, bits in part_bits.items():
        only = bits & ~whole_bits.get(key, 0)
        if only:
            out[key] = (1, 1.0, only)
    return out


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


Passages = tuple[tuple[str, ...], tuple[tuple[str, str, int, str], ...], int]
"""(section paths, units as (anchor, kind, section number, text), bitmap of
the units that are headings or sub-action titles)."""


def passages_of(units: list[Unit]) -> Passages:
    """What a hit shows of each unit, section paths stored once."""
    sections: dict[str, int] = {}
    rows = tuple(
        (u.anchor, u.kind, sections.setdefault(u.section_path, len(sections)), u.text)
        for u in units
    )
    titles = sum(1 << i for i, u in enumerate(units) if u.title)
    return tuple(sections), rows, titles


def lexicon_record(forms: set[str], reader: Any | None) -> dict[str, Any] | None:
    """A lexicon record of the ``forms`` that ``reader`` does not know yet."""
    new = sorted(f for f in forms if reader is None or ("forms", f) not in reader)
    return {"kind": LEXICON_KIND, "forms": new} if new else None


def manifest_value(doc: Document) -> str:
    """What the manifest record stores for a document: ``id:source_hash``."""
    return f"{doc.id}:{doc.source_hash}"
