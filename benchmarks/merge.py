"""Merging an index of many segments into one, beside the indexing it follows.

Usage (from any folder)::

    python benchmarks/merge.py [--letters 1000] [--batch 100] [--work DIR]

Indexes generated letters (``benchmarks/library.py``'s generator) in commits
of ``--batch`` documents, as a bulk import does in batches of 250, then
merges the segments into one with ``SearchIndex.compact`` (which a bulk
import runs once at its end). In one run it prints the CPU seconds of the
indexing and of the merge, and the cold query time of the benchmark's query
classes on the index before and after the merge.

(Whoosh's own writer cannot be the baseline: its merge asserts on the
postings our writer keeps in the term table, which Whoosh 2.7.4 reads but
cannot write itself; see ``writer._finish_inlined``.)
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import library  # benchmarks/library.py: the generator, the query classes


def cold_ms(folder: Path) -> float:
    """Median over the query classes' queries of the best of 3 cold runs (ms)."""
    from briefing_reader.core.search import SearchIndex

    index = SearchIndex(folder)
    index.search("x")  # opened, code warm
    best = []
    for queries in library.QUERY_CLASSES.values():
        for query in queries:
            runs = []
            for _ in range(3):
                library.forget_postings(index)
                started = time.perf_counter()
                index.search(query, limit=50)
                runs.append((time.perf_counter() - started) * 1000)
            best.append(min(runs))
    index.close()
    return statistics.median(best)


def our_merge(folder: Path) -> float:
    from briefing_reader.core.search import SearchIndex

    index = SearchIndex(folder)
    started = time.process_time()
    assert index.compact()
    seconds = time.process_time() - started
    index.close()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="br-merge-"))
    from briefing_reader.core.importing import import_files
    from briefing_reader.core.search import SearchIndex
    from briefing_reader.core.search import index as index_module
    from briefing_reader.session import open_library

    letters, run_paths = library.generated(work, args.letters)
    import_files(run_paths, letters)
    built = work / "segments"
    shutil.rmtree(built, ignore_errors=True)
    index_module.BATCH = args.batch  # commits as a bulk import makes them, smaller
    with SearchIndex(built) as index:
        letters_library = open_library(run_paths)
        started = time.process_time()
        index.update(letters_library)
        indexing = time.process_time() - started
    count = SearchIndex(built).segment_count()
    before = cold_ms(built)
    merging = our_merge(built)
    assert SearchIndex(built).segment_count() == 1
    after = cold_ms(built)
    print(f"{args.letters} letters indexed in {count} segments (commits of {args.batch})")
    print(f"  CPU: indexing {indexing:.2f} s, merging into one {merging:.2f} s")
    print(f"  merging / indexing: {merging / indexing:.2f}")
    print(f"  cold query, median of the query classes: {before:.1f} ms, {after:.1f} ms merged")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
