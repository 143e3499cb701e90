"""The Whoosh schema and the conversion of units into index records.

Importing this module imports Whoosh (about 70 ms, see :mod:`._whoosh`);
import it lazily.

Text fields are fed ready-made terms (see :mod:`.text`), not raw text: the
Dutch analysis runs once per word form (cached) instead of once per token
through Whoosh's generic analyzer chain, and the query side uses exactly the
same functions, so index and query can never disagree.

Phrases use word pairs, not positions. Profiled at 2,000 documents, Whoosh's
positional phrase query spent its time unpickling position lists and
matching spans in Python for every unit that holds all the words (p95
129 ms; 290 ms for "in het"); a pair is one term look-up (p95 8 ms). The
price is paid at build time: one more posting per word.
"""

from __future__ import annotations

import marshal
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import islice, pairwise
from typing import Any

from briefing_reader.core.content import Document
from briefing_reader.core.search._whoosh import PostingPool, fields, pack_uint
from briefing_reader.core.search.text import WORD, CompoundSplitter, DutchTerms, fold
from briefing_reader.core.search.units import units_of

SCHEMA_VERSION = 1
"""Bumped whenever fields or term making change; an index of another
version is rebuilt."""

INDEX_NAME = f"units_v{SCHEMA_VERSION}"
MANIFEST_KIND = "_doc"
"""Kind of the one record per document that carries its source hash."""


HEADING_BOOST = 2.0
"""Weight of every term of a heading or sub-action title (the boosted title)."""
PART_WEIGHT = 0.001
"""Weight of a compound part: far below a whole word, whatever the unit's length."""

Weighted = dict[str, tuple[int, float]]
"""term -> (frequency, weight): the value of a weighted field."""


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
    """Fields of a unit record, a manifest record and a lexicon record.

    * ``doc``, ``kind``, ``dockind``, ``date``: exact filters (``date`` is
      ISO ``YYYY-MM-DD``); ``doc`` and ``kind`` are stored.
    * ``body``: the key of every word (stemmed, normalised; a stop word is
      its own key), plus the keys of compound parts with weight
      :data:`PART_WEIGHT`.
    * ``pairs``: every two consecutive exact forms (lower case, accents
      folded, stop words kept) as "a b": exact phrases without positions.
    * ``forms``: the lexicon of exact forms, on lexicon records only (one
      posting per form, not per unit): ``prefix*``, ``fuzzy~`` and
      suggestions expand against it.
    * ``anchor``, ``section``, ``text``, ``doctitle``: stored for hits.
    * ``dochash``: ``ID:source_hash`` on the manifest record only.

    Headings and sub-action titles carry :data:`HEADING_BOOST` on all fields.
    """
    return fields.Schema(
        doc=fields.ID(stored=True),
        kind=fields.ID(stored=True),
        dockind=fields.ID,
        date=fields.ID,
        dochash=fields.ID(stored=True),
        body=TermsField(),
        pairs=TermsField(),
        forms=TermsField(),
        anchor=fields.STORED,
        section=fields.STORED,
        text=fields.STORED,
        doctitle=fields.STORED,
    )


def body_terms(exact: list[str], terms: DutchTerms, splitter: CompoundSplitter) -> Weighted:
    """The weighted ``body`` value of a unit from its exact forms."""
    key = terms.key
    counts: Counter[str] = Counter()
    parts: Counter[str] = Counter()
    for word in exact:
        k = key(word)
        counts[word if k is None else k] += 1
        for part in splitter.parts(word):
            pk = key(part)
            if pk is not None and pk != k:
                parts[pk] += 1
    body: Weighted = {k: (f, float(f)) for k, f in counts.items()}
    for pk, g in parts.items():
        freq, weight = body.get(pk, (0, 0.0))
        body[pk] = (freq or g, weight + PART_WEIGHT * g)
    return body


def records(
    doc: Document, terms: DutchTerms, splitter: CompoundSplitter, forms: set[str]
) -> Iterator[dict[str, Any]]:
    """The Whoosh records of one document: its units, then its manifest.

    Every exact form met is added to ``forms`` (for the lexicon record).
    """
    date = doc.meta.date.isoformat() if doc.meta.date else ""
    for unit in units_of(doc):
        exact = WORD.findall(fold(unit.text))
        forms.update(exact)
        record: dict[str, Any] = {
            "doc": doc.id,
            "kind": unit.kind,
            "dockind": doc.meta.kind,
            "date": date,
            "body": body_terms(exact, terms, splitter),
            "pairs": [f"{a} {b}" for a, b in pairwise(exact)],
            "anchor": unit.anchor,
            "section": unit.section_path,
            "text": unit.text,
            "doctitle": doc.title,
        }
        if unit.title:
            record["_boost"] = HEADING_BOOST
        yield record
    yield {
        "doc": doc.id,
        "kind": MANIFEST_KIND,
        "dochash": manifest_value(doc),
        "doctitle": doc.title,
    }


def lexicon_record(forms: set[str], reader: Any | None) -> dict[str, Any] | None:
    """A lexicon record of the ``forms`` that ``reader`` does not know yet."""
    new = sorted(f for f in forms if reader is None or ("forms", f) not in reader)
    return {"kind": LEXICON_KIND, "forms": new} if new else None


def manifest_value(doc: Document) -> str:
    """What the manifest record stores for a document: ``id:source_hash``."""
    return f"{doc.id}:{doc.source_hash}"
