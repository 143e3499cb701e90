"""Whoosh's segment writer, made cheaper per posting (Whoosh 2.7.4 is pinned).

A letter adds ~2,600 postings; Whoosh handles each with a few Python calls
(the pool, the length look-up, the posting writer). Here the work is done
a record, a term or a block at a time. The index files are in Whoosh's
own format, read by Whoosh's own reader; only a posting block's ids and
weights are pickled as arrays rather than tuples (:func:`_write_block`).
``tests/unit/test_search_writer.py`` reads them back against Whoosh's own
writer. Imports Whoosh: import it lazily.
"""

from __future__ import annotations

import heapq
import marshal
import pickle
import zlib
from array import array
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import groupby
from operator import itemgetter, sub
from typing import Any

from briefing_reader.core.search._whoosh import (
    WHOOSH3_HEADER_MAGIC,
    PostingPool,
    length_to_byte,
    pack_ushort,
)

Posting = tuple[int, float, bytes]
"""(record number, weight, value) of one term."""


class ChunkedPool(PostingPool):
    """Whoosh's posting pool, made cheaper per posting (Whoosh 2.7.4 is pinned).

    * ``add_many`` files a record's postings under their terms as they come,
      so that a commit sorts the distinct terms, not every posting (a batch
      of 250 letters holds ~650,000 postings of ~30,000 terms); postings
      that come one at a time (Whoosh's own records, merges) join them.
    * ``add`` drops the per-posting type assertions.
    * When a big build or merge outgrows the memory limit, Whoosh writes
      sorted runs one ``pickle.dump`` per posting and merges them back one
      posting at a time; here a run is its terms in order, each with its
      postings, marshalled in chunks and merged back a term at a time.
    """

    CHUNK = 20_000
    current: list[Any]  # Whoosh's own list of postings not yet filed or spilled
    runs: list[str]  # paths of the runs spilled
    _terms: dict[tuple[str, bytes], list[Posting]]

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        self.fieldnames.add(item[0])
        self.currentsize += 128 + len(item[0]) + 2 * len(item[1]) + len(item[4] or b"")
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)

    def add_many(
        self, fieldname: str, docnum: int, items: list[tuple[bytes, int, float, bytes]]
    ) -> None:
        """The postings of one field of one record, at once (see :func:`add_record`)."""
        self.fieldnames.add(fieldname)
        terms = self._by_term()
        for text, _freq, weight, value in items:
            postings = terms.get((fieldname, text))
            if postings is None:
                terms[(fieldname, text)] = [(docnum, weight, value)]
            else:
                postings.append((docnum, weight, value))
        self.currentsize += len(items) * (128 + len(fieldname) + 8) + 2 * sum(
            len(t) for t, _f, _w, _v in items
        )
        if self.currentsize > self.limit:
            self.save()

    def add_filed(self, fieldname: str, text: bytes, postings: list[Posting]) -> None:
        """A term's postings from a segment being merged in (see
        :func:`_add_segment_postings`)."""
        self.fieldnames.add(fieldname)
        terms = self._by_term()
        filed = terms.get((fieldname, text))
        if filed is None:
            terms[(fieldname, text)] = postings
        else:
            filed.extend(postings)
        self.currentsize += len(postings) * (128 + len(fieldname) + 8) + 2 * len(text)
        if self.currentsize > self.limit:
            self.save()

    def _by_term(self) -> dict[tuple[str, bytes], list[Posting]]:
        terms: dict[tuple[str, bytes], list[Posting]] | None = getattr(self, "_terms", None)
        if terms is None:  # the class is swapped in after Whoosh made the pool
            terms = {}
            self._terms = terms
        return terms

    def save(self) -> None:
        """Spill the postings held so far to disk: a run of terms in order,
        each with its postings (merged back a term at a time, not a posting)."""
        terms = self._gathered()
        if not terms:
            return
        path, f = self._new_run()
        self._write_run(f, [(f_, t, ps) for (f_, t), ps in sorted(terms.items())])
        self.runs.append(path)
        terms.clear()
        self.currentsize = 0

    def items(self, maxfiles: int = 128) -> ByTerm:
        """The postings in order, a term at a time."""
        if not self.runs:
            return ByTerm(sorted(self._gathered().items()))
        self.save()
        while len(self.runs) > maxfiles:  # merge the oldest runs into one
            merging, self.runs = self.runs[:maxfiles], self.runs[maxfiles:]
            path, f = self._new_run()
            self._write_run(f, ((f_, t, ps) for (f_, t), ps in self._merged(merging)))
            self.runs.insert(0, path)
        runs, self.runs = self.runs, []
        return ByTerm(self._merged(runs))

    def _gathered(self) -> dict[tuple[str, bytes], list[Posting]]:
        """The filed postings, with those added one at a time filed too."""
        terms = self._by_term()
        for fieldname, text, docnum, weight, value in self.current:
            terms.setdefault((fieldname, text), []).append((docnum, weight, value))
        self.current = []
        return terms

    def _merged(self, runs: list[str]) -> Iterator[tuple[tuple[str, bytes], list[Posting]]]:
        """The terms of ``runs`` in order, each with all its postings."""
        streams = [self._read_run(path) for path in runs]
        for key, group in groupby(heapq.merge(*streams, key=_TERM), _TERM):
            postings = [p for _f, _t, ps in group for p in ps]
            postings.sort()
            yield key, postings

    def _write_run(self, f: Any, items: Iterable[tuple[str, bytes, list[Posting]]]) -> None:
        """Terms with their postings, in chunks of about :attr:`CHUNK`
        postings: merging reads one chunk of every run at a time, so a chunk
        must be small whatever the terms (one can have 100,000 postings)."""
        chunk: list[tuple[str, bytes, list[Posting]]] = []
        size = 0
        for item in items:
            chunk.append(item)
            size += len(item[2])
            if size >= self.CHUNK:
                _write_chunk(f, chunk)
                chunk, size = [], 0
        if chunk:
            _write_chunk(f, chunk)
        f.close()

    def _read_run(self, path: str) -> Iterator[Any]:
        f = self._open_run(path)
        try:
            while chunk := _read_chunk(f):
                yield from chunk
        finally:
            f.close()
            self._remove_run(path)


def _write_chunk(f: Any, chunk: list[Any]) -> None:
    """A chunk of a run: its length, then the chunk marshalled."""
    data = marshal.dumps(chunk)
    f.write(len(data).to_bytes(8, "little"))
    f.write(data)


def _read_chunk(f: Any) -> list[Any]:
    """The next chunk of a run (empty at its end), read whole and unmarshalled
    from bytes: ``marshal.load`` on a file reads each object with a call of
    its own, which made reading a run back 13x slower than writing it (a
    quarter of merging 1,500 letters' segments)."""
    head = f.read(8)
    if len(head) < 8:
        return []
    return marshal.loads(f.read(int.from_bytes(head, "little")))  # type: ignore[no-any-return]


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
        return self.column(fieldname)[docnum]

    def column(self, fieldname: str) -> list[int]:
        """Every record's length of ``fieldname`` (0 where it has none)."""
        column = self._columns.get(fieldname)
        if column is None:
            read = self._reader.doc_field_length
            column = [read(d, fieldname, 0) for d in range(self._reader.doc_count_all())]
            self._columns[fieldname] = column
        return column

    def close(self) -> None:
        self._reader.close()


def make_writer(ix: Any, limit_mb: int = 1) -> Any:
    """A segment writer for ``ix`` (the caller holds the lock), made faster.

    Uses :class:`ChunkedPool`, :class:`_CachedLengths`,
    :func:`_add_postings` and, when it merges segments,
    :func:`_add_segment_postings`; the index files are Whoosh's format
    (see the module's note). Segments are not packed into one
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
    w.fieldwriter.add_postings = partial(_add_postings, w.fieldwriter)
    w.add_postings_to_pool = partial(_add_segment_postings, w)
    return w


def add_record(writer: Any, record: dict[str, Any]) -> None:
    """``writer.add_document(**record)`` for a writer of :func:`make_writer`,
    each field's postings handed to the pool at once rather than one call
    per posting (a letter has ~2,600). What is written is the same; records
    here use no boosts, term vectors or columns (the schema has none)."""
    writer._check_state()
    schema, docnum, pool, perdoc = writer.schema, writer.docnum, writer.pool, writer.perdocwriter
    perdoc.start_doc(docnum)
    for name in sorted(record):
        value = record[name]
        field = schema[name]  # KeyError: a field the schema lacks
        if value is None:
            continue
        length = 0
        if field.indexed:
            items = field.index(value)
            if not isinstance(items, list):
                items = list(items)
            if field.scorable:
                length = sum(freq for _t, freq, _w, _v in items)
            pool.add_many(name, docnum, items)
        perdoc.add_field(name, field, value if field.stored else None, length)
    perdoc.finish_doc()
    writer._added = True
    writer.docnum += 1


BLOCK = 1024
"""Postings per block (Whoosh's own: 128). A query reads a term's postings
whole (see :mod:`.collect`), and each block costs a header, a seek and two
unpicklings: a common word at 10,000 letters was 79 blocks."""
INLINE = 8
"""A term with fewer postings keeps them in its entry of the term table: no
posting block to write or to seek to (most word pairs of real letters
occur in one letter only)."""
COMPRESSION = 3
"""zlib level of a posting block (Whoosh's default)."""
SMALL_BLOCK = 16
"""Blocks of fewer postings are written uncompressed."""


def _add_segment_postings(writer: Any, reader: Any, startdoc: int, docmap: Any) -> None:
    """``SegmentWriter.add_postings_to_pool`` for a segment being merged in,
    a term's postings at a time: Whoosh walks every posting with three
    method calls and two generators (at 1,500 letters its merges were a
    third of the build)."""
    from briefing_reader.core.search.collect import raw_postings

    pool = writer.pool
    deleted, terms = _segment_terms(reader, writer.schema)
    for (fieldname, text), matcher in terms:
        ids, weights, values = raw_postings(matcher, deleted)
        if not ids:
            continue
        if docmap is not None:
            ids = list(map(docmap.__getitem__, ids))
        elif startdoc:
            ids = list(map(startdoc.__add__, ids))
        pool.add_filed(fieldname, text, list(zip(ids, weights, values, strict=True)))


def _segment_terms(
    reader: Any, schema: Any
) -> tuple[frozenset[int], Iterator[tuple[tuple[str, bytes], Any]]]:
    """(the records to leave out, every term of a segment in the schema in
    order with a matcher of its postings).

    Walks a Whoosh 2.7.4 segment's term table once (pinned), rather than
    looking each term up in it again as ``reader.postings`` does (a hash
    look-up per term, and the set of deleted records made again per term:
    a fifth of a merge); its matchers hold the deleted records. Any other
    reader is asked term by term, and leaves them out itself.
    """
    table, perdoc = getattr(reader, "_terms", None), getattr(reader, "_perdoc", None)
    if table is None or perdoc is None or not hasattr(table, "_postfile"):
        asked = (
            ((fieldname, text), reader.postings(fieldname, text))
            for fieldname, text in reader.all_terms()
            if fieldname in schema
        )
        return frozenset(), asked
    deleted = frozenset(perdoc.deleted_docs()) if reader.has_deletions() else frozenset()
    postings_reader, postfile = table._codec.postings_reader, table._postfile
    walked = (
        ((fieldname, text), postings_reader(postfile, info, schema[fieldname].format))
        for (fieldname, text), info in table.items()
        if fieldname in schema
    )
    return deleted, walked


class ByTerm:
    """A pool's postings, a term at a time in order: ((fieldname, term),
    postings in record order). Iterated, they are Whoosh's sorted
    (fieldname, term, docnum, weight, value) tuples; :func:`_add_postings`
    takes them a term at a time."""

    def __init__(self, groups: Iterable[tuple[tuple[str, bytes], list[Posting]]]) -> None:
        self._groups = groups

    def groups(self) -> Iterator[tuple[tuple[str, bytes], list[Posting]]]:
        for key, postings in self._groups:
            postings.sort()  # already in order but for merged segments
            yield key, postings

    def __iter__(self) -> Iterator[tuple[str, bytes, int, float, bytes]]:
        for (fieldname, text), postings in self.groups():
            for docnum, weight, value in postings:
                yield fieldname, text, docnum, weight, value


_TERM = itemgetter(0, 1)


def _add_postings(fieldwriter: Any, schema: Any, lengths: Any, items: Iterable[Any]) -> None:
    """``FieldWriter.add_postings`` a term at a time: each block of postings
    is put into the posting writer's buffers whole, not one call each.

    ``items`` are sorted (fieldname, term, docnum, weight, value) tuples,
    or a :class:`ByTerm` of our pool.
    """
    if isinstance(items, ByTerm):
        terms: Iterable[tuple[tuple[str, bytes], list[Any]]] = items.groups()
        at = 0
    else:
        terms = ((key, list(group)) for key, group in groupby(items, _TERM))
        at = 2  # the docnum's place in Whoosh's tuples
    field = None
    docnum_of, weight_of, value_of = itemgetter(at), itemgetter(at + 1), itemgetter(at + 2)
    for (fieldname, btext), postings in terms:
        if fieldname != field:
            if field is not None:
                fieldwriter.finish_field()
            field = fieldname
            fieldwriter.start_field(fieldname, schema[fieldname])  # a new posting writer
            postwriter = fieldwriter._postwriter
            postwriter._write_block = partial(_write_block, postwriter)
            column = lengths.column(fieldname) if lengths is not None else None
        docnums = list(map(docnum_of, postings))
        weights = list(map(weight_of, postings))
        values = list(map(value_of, postings))
        sizes = list(map(column.__getitem__, docnums)) if column is not None else None
        fieldwriter.start_term(btext)
        writer = fieldwriter._postwriter
        if len(docnums) < INLINE:
            _fill_block(writer, docnums, weights, values, 0, len(docnums), sizes)
            _finish_inlined(fieldwriter, writer, btext)
            continue
        limit = BLOCK
        for start in range(0, len(docnums), limit):
            if start:
                writer._write_block()
            end = start + limit
            _fill_block(writer, docnums[start:end], weights[start:end], values, start, end, sizes)
        fieldwriter.finish_term()
    if field is not None:
        fieldwriter.finish_field()


def _write_block(writer: Any, last: bool = False) -> None:
    """``W3PostingsWriter._write_block``, its block data pickled as arrays.

    Whoosh pickles a block's ids and weights as tuples (protocol 2, where
    even an array pickles as a list): unpickling 1,024 floats one object
    at a time was a third of reading a posting list, and minifying them
    walked every posting in a Python generator. Here they are ``array``
    objects pickled with protocol 5 (bytes inside): Whoosh's own reader
    takes them as it takes tuples (it indexes and iterates them).
    """
    if not writer._blockcount:
        writer._postfile.write(WHOOSH3_HEADER_MAGIC)
    writer._terminfo.add_block(writer)
    ids, weights = writer._ids, writer._weights
    deltas = array("I", ids[:1])
    deltas.extend(map(sub, ids[1:], ids[:-1]))
    if weights.count(1.0) == len(weights):
        mini: Any = None
    elif weights.count(weights[0]) == len(weights):
        mini = weights[0]
    else:
        mini = weights
    fixed = writer._format.fixed_value_size()
    values: Any = tuple(writer._values)  # of varying sizes (fixed is None)
    if fixed == 0:
        values = None
    elif fixed:
        values = b"".join(values)
    data = pickle.dumps((deltas, mini, values), 5)
    comp = writer._compression
    if comp:
        data = zlib.compress(data, comp)
    info = pickle.dumps(
        (
            len(ids),
            ids[-1],
            writer._maxweight,
            comp,
            length_to_byte(writer._minlength),
            length_to_byte(writer._maxlength),
        ),
        2,
    )
    size = len(info) + len(data)
    writer._postfile.write_int(-size if last else size)
    writer._postfile.write(info)
    writer._postfile.write(data)
    writer._blockcount += 1
    writer._new_block()


def _finish_inlined(fieldwriter: Any, writer: Any, btext: bytes) -> None:
    """Finish a term whose few postings go into its entry of the term table.

    Whoosh 2.7.4 can read such terms but cannot write them (its writer
    calls a ``set_inline`` that ``W3TermInfo`` lacks), so this does what
    ``finish_term`` would have done with them.
    """
    terminfo = writer._terminfo
    terminfo.add_block(writer)
    terminfo.set_inlined(writer._ids, writer._weights, writer._values)
    writer._terminfo = None
    fieldwriter._tindex.add(pack_ushort(fieldwriter._fieldid) + btext, terminfo.to_bytes())


def _fill_block(
    writer: Any,
    docnums: list[int],
    weights: list[float],
    values: list[bytes],
    start: int,
    end: int,
    sizes: list[int] | None,
) -> None:
    """Put one block's postings into ``writer``'s buffers, with its statistics
    as ``W3PostingsWriter.add_posting`` keeps them."""
    # Whoosh compresses every block, even one of a single posting (its own
    # "under 20 bytes, don't bother" test is overwritten); the header says
    # per block whether it is compressed, and a small one gains nothing.
    writer._compression = 0 if len(docnums) < SMALL_BLOCK else COMPRESSION
    writer._ids = array("I", docnums)
    writer._weights = array("f", weights)
    writer._values = [v for v in values[start:end] if v]  # as add_posting keeps them
    writer._maxweight = max(0, max(weights))
    known = [n for n in sizes[start:end] if n] if sizes is not None else []
    writer._minlength = min(known) if known else None
    writer._maxlength = max(known) if known else 0
