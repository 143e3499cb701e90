"""The index writer's shortcuts write exactly what Whoosh's own path writes.

``writer.add_record`` hands a record's postings to the pool at once, and
the posting writer is fed a block at a time, instead of one call per
posting; the index written (including a merge of segments) must read back
posting for posting, length for length, stored field for stored field, as
Whoosh's own writer writes it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefing_reader import paths
from briefing_reader.core.search import schema, writer
from briefing_reader.core.search._whoosh import FileStorage
from briefing_reader.core.search.text import CompoundSplitter, DutchTerms, vocabulary_of
from briefing_reader.core.search.units import strip_markers
from briefing_reader.session import open_library


def build(folder: Path, ours: bool, limit_mb: int = 160) -> Any:
    """The bundled library indexed in two commits, then merged into one segment
    with one document deleted:
    by our writer (``ours``, its pool spilling runs above ``limit_mb``) or by
    Whoosh's own, untouched."""
    library = open_library(paths.resolve(folder.parent / "data"))
    folder.mkdir(parents=True)
    ix = FileStorage(str(folder)).create_index(schema.make_schema(), indexname="t")
    terms = DutchTerms()
    forms: set[str] = set()
    docs = [library.load(doc_id) for doc_id in sorted(library.documents)]
    for doc in docs:
        assert doc is not None
        forms |= vocabulary_of(strip_markers(b) for b in doc.blocks if b.text)
    splitter = CompoundSplitter(forms, terms.stop_words)
    for half in (docs[:2], docs[2:]):
        into = writer.make_writer(ix, limit_mb) if ours else ix.writer()
        for doc in half:
            assert doc is not None
            for record in schema.records(doc, terms, splitter, set()):
                if ours:
                    writer.add_record(into, record)
                else:
                    into.add_document(**record)
        into.commit()
    merging = writer.make_writer(ix, limit_mb) if ours else ix.writer()
    merging.delete_by_term("doc", "begrippen")  # a merge that drops deleted records
    merging.commit(optimize=True)
    return ix


def everything(ix: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with ix.reader() as reader:
        for fieldname in sorted(reader.indexed_field_names()):
            for text in reader.lexicon(fieldname):
                matcher = reader.postings(fieldname, text)
                postings = []
                while matcher.is_active():
                    # No value reads as None from a block, as '' from a term's entry.
                    postings.append((matcher.id(), matcher.weight(), matcher.value() or None))
                    matcher.next()
                out[f"{fieldname}:{text!r}"] = postings
                info = reader.term_info(fieldname, text)
                out[f"{fieldname}:{text!r} info"] = (
                    info.weight(),
                    info.doc_frequency(),
                    info.min_length(),
                    info.max_length(),
                    info.max_weight(),
                    info.min_id(),
                    info.max_id(),
                )
            out[f"{fieldname} lengths"] = [
                reader.doc_field_length(d, fieldname, 0) for d in range(reader.doc_count_all())
            ]
        out["stored"] = [reader.stored_fields(d) for d in range(reader.doc_count_all())]
    return out


@pytest.mark.parametrize("limit_mb", [160, 1], ids=["in memory", "spilled to disk"])
def test_records_added_at_once_read_back_as_whoosh_writes_them(
    tmp_path: Path, limit_mb: int
) -> None:
    ours = everything(build(tmp_path / "a" / "index", ours=True, limit_mb=limit_mb))
    whoosh = everything(build(tmp_path / "b" / "index", ours=False))
    assert ours.keys() == whoosh.keys()
    assert len(ours) > 1000 and ours["stored"]
    assert all(stored.get("doc") != "begrippen" for stored in ours["stored"])
    for key in whoosh:
        assert ours[key] == whoosh[key], key


def test_a_pool_spilling_more_runs_than_it_may_open_gives_every_posting_in_order(
    tmp_path: Path,
) -> None:
    ix = FileStorage(str(tmp_path)).create_index(schema.make_schema(), indexname="t")
    into = writer.make_writer(ix)
    pool = into.pool
    pool.limit = 1  # every record's postings spill a run of their own
    expected = []
    for docnum in range(12):
        items = [(f"t{(docnum * 7 + k) % 10}".encode(), 1, float(k), b"v" * 8) for k in range(4)]
        pool.add_many("body", docnum, items)
        expected += [("body", t, docnum, w, v) for t, _f, w, v in items]
    pool.add(("doc", b"x", 99, 1.0, b""))  # one added Whoosh's way, never spilled
    expected.append(("doc", b"x", 99, 1.0, b""))
    assert len(pool.runs) == 12
    assert list(pool.items(maxfiles=3)) == sorted(expected)
    assert pool.runs == []
    into.cancel()
