"""What a two-level search could cost, measured on a real library's index.

Usage (after ``benchmarks/library.py`` made a library; from any folder)::

    python benchmarks/search_two_level.py /tmp/h14a-lib/lib-10000 [--top-docs 20]

Today a query reads every posting of its words: one per unit (paragraph,
heading...) holding them, ~113,000 for "gemeenten" at 10,000 letters. This
script measures, beside today's search of the same query in the same run
(CPU ms, postings unread as for a new query):

- doc level: the query's words looked up in an index of one record per
  document (built here, into a temporary folder, for the query words only:
  what a look-up costs depends only on how many postings the word has),
  matched and ranked with today's set code (``core/search/collect.py``),
  best ``--top-docs`` documents;
- unit level: the units of those documents holding the words, read from
  today's unit postings with ``skip_to`` (a document's units are numbered
  one after another, checked here);
- block-max: how many of a word's posting blocks could beat today's 50th
  hit by their header (highest weight, shortest length) and would have to
  be unpacked; max-score pruning only pays when that share is small;
- the same per document: a document-level posting that kept its units'
  highest weight and shortest length would bound its best unit's score;
  how many documents reach today's 50th hit (their units would have to be
  read for an exact first page).

Nothing in the library is changed. The two-level figures are a floor: they
leave out whatever keeps today's order, totals and tiers exact.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import library  # benchmarks/library.py: its query classes and index opening


def cpu_ms(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.process_time()
    out = work()
    return (time.process_time() - started) * 1000, out


def unit_ranges(reader: Any) -> dict[str, tuple[int, int]]:
    """document id -> (first unit, last unit); fails if a document's units are not contiguous."""
    ranges = {}
    for raw in reader.lexicon("doc"):
        doc = raw.decode("utf-8")
        ids = list(reader.postings("doc", doc).all_ids())
        if ids[-1] - ids[0] + 1 != len(ids):
            raise SystemExit(f"the units of {doc} are not numbered one after another")
        ranges[doc] = (ids[0], ids[-1])
    return ranges


def doc_index(folder: Path, searcher: Any, keys: list[str], ranges: dict[str, Any]) -> Any:
    """One record per document with the summed unit weights of ``keys``."""
    from briefing_reader.core.search import collect
    from briefing_reader.core.search._whoosh import FileStorage, fields
    from briefing_reader.core.search.schema import TermsField

    owner = {}
    for doc, (first, last) in ranges.items():
        for unit in range(first, last + 1):
            owner[unit] = doc
    postings = collect.Postings(searcher)
    per_doc: dict[str, dict[str, float]] = defaultdict(dict)
    for key in keys:
        for unit, weight in postings.weights("body", key).items():
            doc = owner[unit]
            per_doc[doc][key] = per_doc[doc].get(key, 0.0) + weight
    schema = fields.Schema(doc=fields.ID(stored=True), dbody=TermsField())
    ix = FileStorage(str(folder)).create_index(schema)
    writer = ix.writer()
    for doc in sorted(ranges):
        body = {k: (max(1, int(w)), w) for k, w in per_doc.get(doc, {}).items()}
        writer.add_document(doc=doc, dbody=body or {"-": (1, 1.0)})
    writer.commit()
    return ix


def best_documents(searcher: Any, keys: list[str], top: int) -> tuple[list[str], int]:
    from briefing_reader.core.search import collect
    from briefing_reader.core.search._whoosh import wq

    postings = collect.Postings(searcher)
    terms = [wq.Term("dbody", k) for k in keys]
    matches = collect.evaluate(postings, terms[0] if len(terms) == 1 else wq.And(terms))
    units = list(matches.units)
    ranked = postings.best(matches, units, top) if len(units) > top else None
    ranked = ranked if ranked is not None else postings.scores(matches, units)
    ranked.sort(reverse=True)
    return [searcher.stored_fields(-n)["doc"] for _, n in ranked[:top]], len(units)


def units_of_documents(reader: Any, spans: list[tuple[int, int]], keys: list[str]) -> set[int]:
    """Units within ``spans`` holding every key, read with ``skip_to``."""
    found: list[set[int]] = []
    for key in keys:
        units = set()
        matcher = reader.postings("body", key)
        for first, last in sorted(spans):
            if not matcher.is_active():
                break
            matcher.skip_to(first)
            while matcher.is_active() and matcher.id() <= last:
                units.add(matcher.id())
                matcher.next()
        found.append(units)
    return set.intersection(*found)


def blocks_to_unpack(searcher: Any, key: str, threshold: float) -> tuple[int, int]:
    """(blocks whose header bound reaches ``threshold``, all blocks) of ``key``."""
    from whoosh.matching.wrappers import FilterMatcher

    scorer = searcher.weighting.scorer(searcher, "body", key)
    over = total = 0
    for leaf, _offset in searcher.reader().leaf_readers():
        if ("body", key) not in leaf:
            continue
        matcher = leaf.postings("body", key)
        inner = matcher.child if isinstance(matcher, FilterMatcher) else matcher
        while inner.is_active() and hasattr(inner, "_next_block"):
            total += 1
            over += scorer._score(inner._maxweight, inner._minlength) >= threshold
            inner._next_block()
    return over, total


def documents_to_read(
    searcher: Any, keys: list[str], ranges: dict[str, Any], threshold: float
) -> tuple[int, int]:
    """(documents whose bound reaches ``threshold``, documents holding every key)."""
    from whoosh.util.numeric import byte_to_length

    from briefing_reader.core.search import collect

    postings = collect.Postings(searcher)
    lengths = postings.length_bytes("body")
    assert lengths is not None
    bounds: dict[str, float] = {}
    held: list[set[str]] = []
    for key in keys:
        scorer = searcher.weighting.scorer(searcher, "body", key)
        weights = postings.weights("body", key)
        docs = set()
        for doc, (first, last) in ranges.items():
            here = [(weights[u], lengths[u]) for u in range(first, last + 1) if u in weights]
            if here:
                docs.add(doc)
                best = scorer._score(
                    max(w for w, _ in here), byte_to_length(min(b for _, b in here)) or 1
                )
                bounds[doc] = bounds.get(doc, 0.0) + best
        held.append(docs)
    both = set.intersection(*held)
    return sum(bounds[d] >= threshold for d in both), len(both)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("profile", type=Path, help="a library made by benchmarks/library.py")
    parser.add_argument("--top-docs", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    index = library.open_index(args.profile)
    index.search("taaleis", limit=1)
    searcher = index._searcher
    reader = searcher.reader()
    terms = index.terms()
    classes = {name: library.QUERY_CLASSES[name] for name in ("1 word", "2 words")}
    queries = [q for qs in classes.values() for q in qs]
    keys_of = {q: [terms.key(w) or w for w in q.split()] for q in queries}
    ranges = unit_ranges(reader)
    print(f"{len(ranges)} documents, {reader.doc_count()} units (all numbered per document)")
    with tempfile.TemporaryDirectory(prefix="two-level-") as folder:
        docs_ix = doc_index(
            Path(folder), searcher, sorted({k for q in queries for k in keys_of[q]}), ranges
        )
        with docs_ix.searcher() as doc_searcher:
            for name, qs in classes.items():
                rows: dict[str, list[float]] = defaultdict(list)
                for query in qs:
                    keys = keys_of[query]
                    for _round in range(args.rounds):
                        doc_ms, (docs, matching) = cpu_ms(
                            lambda keys=keys: best_documents(doc_searcher, keys, args.top_docs)
                        )
                        spans = [ranges[d] for d in docs]
                        unit_ms, units = cpu_ms(
                            lambda spans=spans, keys=keys: units_of_documents(reader, spans, keys)
                        )
                        library.forget_postings(index)
                        today_ms, result = cpu_ms(lambda query=query: index.search(query, limit=50))
                        rows["doc"].append(doc_ms)
                        rows["unit"].append(unit_ms)
                        rows["two"].append(doc_ms + unit_ms)
                        rows["today"].append(today_ms)
                    print(
                        f"  {query!r}: {matching} documents match, {len(units)} units in the best "
                        f"{args.top_docs}; today {result.total} units"
                    )
                print(f"{name} (CPU ms, p50 / max of {len(rows['today'])}):")
                for what, label in (
                    ("doc", "doc level"),
                    ("unit", "unit level, best documents"),
                    ("two", "two-level floor"),
                    ("today", "today's search"),
                ):
                    print(
                        f"  {label:28} {statistics.median(rows[what]):7.1f} {max(rows[what]):7.1f}"
                    )
    print("block-max: blocks a header cannot rule out for today's 50th hit")
    for query in classes["1 word"]:
        key = keys_of[query][0]
        hits = index.search(query, limit=50).hits
        over, total = blocks_to_unpack(searcher, key, hits[-1].score)
        print(f"  {query!r}: {over} of {total} blocks")
    print("per-document bound: documents whose best unit could reach today's 50th hit")
    for query in queries:
        hits = index.search(query, limit=50).hits
        over, total = documents_to_read(searcher, keys_of[query], ranges, hits[-1].score)
        print(f"  {query!r}: {over} of {total} documents")
    index.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
