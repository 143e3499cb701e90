"""What indexing costs, piece by piece, beside Whoosh's own floor.

Usage (from any folder)::

    python benchmarks/index_floor.py [--letters 200] [--work DIR]

For the same generated letters (``benchmarks/library.py``'s generator), in
one run, CPU seconds of:

1. **bare**: the issue's baseline, a bare Whoosh writer putting each letter
   into one text field with the app's Dutch analyzer (``library.bare_writer``);
2. **Whoosh, our records**: Whoosh's own writer (``ix.writer()``,
   ``add_document``) fed the records our index holds (terms with their unit
   bitmaps, compound parts, word pairs, stored passages), made beforehand:
   what Whoosh itself costs for this index, the floor for any code of ours;
3. **our writer, our records**: the same records through
   ``core/search/writer.py`` (records made beforehand);
4. **records**: making the records from parsed letters (``schema.records``);
5. **index update**: ``SearchIndex.update`` as the app runs it (loading
   each letter from the document cache, making and writing its records);
6. **import**: ``import_files`` (converting, checking and storing letters).

It also counts postings: what the bare writer writes and what our records
hold, per letter. The ratios say how much of the gap to the bare writer is
the index's size (pairs for phrases, bitmaps for passages) and how much our
code.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import library  # benchmarks/library.py: the generator and the bare writer


def cpu(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.process_time()
    out = work()
    return time.process_time() - started, out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=200)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="br-floor-"))
    from briefing_reader.core.importing import import_files
    from briefing_reader.core.search import SearchIndex, schema, writer
    from briefing_reader.core.search._whoosh import FileStorage
    from briefing_reader.core.search.text import CompoundSplitter, DutchTerms, vocabulary_of
    from briefing_reader.core.search.units import strip_markers
    from briefing_reader.session import open_library

    letters, run_paths = library.generated(work, args.letters)
    seconds: dict[str, float] = {}
    seconds["import"], _ = cpu(lambda: import_files(run_paths, letters))
    lib = open_library(run_paths)
    docs = [d for d in (lib.load(i) for i in sorted(lib.documents)) if d is not None]
    terms = DutchTerms()
    vocabulary: set[str] = set()
    for doc in docs:
        vocabulary |= vocabulary_of(strip_markers(b) for b in doc.blocks if b.text)
    splitter = CompoundSplitter(vocabulary, terms.stop_words)
    seconds["records"], made = cpu(
        lambda: [r for doc in docs for r in schema.records(doc, terms, splitter, set())]
    )

    def write(name: str, ours: bool) -> float:
        folder = work / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        ix = FileStorage(str(folder)).create_index(schema.make_schema(), indexname="t")

        def run() -> None:
            into = writer.make_writer(ix, 160) if ours else ix.writer(limitmb=160)
            for record in made:
                if ours:
                    writer.add_record(into, record)
                else:
                    into.add_document(**record)
            into.commit()

        return cpu(run)[0]

    seconds["Whoosh, our records"] = write("whoosh", ours=False)
    seconds["our writer, our records"] = write("ours", ours=True)
    seconds["bare"], _ = cpu(lambda: library.bare_writer(work / "bare", letters))
    shutil.rmtree(run_paths.search_index, ignore_errors=True)
    with SearchIndex(run_paths.search_index) as index:
        seconds["index update"], _ = cpu(lambda: index.update(open_library(run_paths)))
    ours_postings = sum(len(r[f]) for r in made for f in ("body", "pairs", "scope") if f in r)
    bare_postings = sum(len(set(terms.keys(p.read_text(encoding="utf-8")))) for p in letters)
    n = len(letters)
    bare = seconds["bare"]
    print(f"{n} letters; CPU seconds (ratio: the bare writer's time over this one's)")
    for name in (
        "bare",
        "Whoosh, our records",
        "our writer, our records",
        "records",
        "index update",
        "import",
    ):
        print(f"  {name:28s} {seconds[name]:7.2f} s   {bare / seconds[name]:5.2f}")
    total = seconds["import"] + seconds["index update"]
    print(f"  {'import + index update':28s} {total:7.2f} s   {bare / total:5.2f}")
    print(
        f"postings per letter: bare writer {bare_postings / n:.0f}, "
        f"our records {ours_postings / len(docs):.0f} (bundled documents included)"
    )
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
