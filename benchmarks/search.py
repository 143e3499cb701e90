"""Search speed: our Whoosh index against SQLite FTS5, on the same documents.

Usage::

    python benchmarks/search.py [--docs N] [--queries Q] [--json] [--profile CLASS]

Generates N documents (default 2,000 of about 5 KB) of Dutch text from the
bundled letter's own vocabulary (a word-bigram chain, fixed seed, so every
run sees the same text), indexes them with our index (on disk, in a temp
dir) and with SQLite FTS5 (``unicode61 remove_diacritics 2``, same units),
and runs the same queries on both: 1, 2 and 3 words, a phrase, a prefix,
and 2 words with snippets of the top 10. Prints build time and p50/p95 per
class for both, and the ratio ours/FTS5. Then the same for the bundled
corpus, and the first-start build time of the bundled corpus in a fresh
process (which includes importing Whoosh).

Ours returns the exact total number of hits with every query; the FTS5
side only fetches the top 10. FTS5 has no Dutch stemming, so the two do
not return the same hits: the comparison is about speed.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

from briefing_reader import paths
from briefing_reader.core.content import Library, parse_document
from briefing_reader.core.search import SearchIndex
from briefing_reader.core.search.text import fold
from briefing_reader.core.search.units import units_of
from briefing_reader.session import open_library

LETTER = "kst-32824-456"
CLASSES = ("1 word", "2 words", "3 words", "phrase", "prefix", "2 words + snippets")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+|[.,;:]")
_STOP_LIKE = {
    "de",
    "het",
    "een",
    "en",
    "van",
    "in",
    "op",
    "te",
    "is",
    "dat",
    "die",
    "voor",
    "met",
    "aan",
    "om",
    "zijn",
    "of",
    "als",
    "bij",
    "ook",
    "er",
    "we",
    "ik",
    "ze",
}


# -- the corpus ----------------------------------------------------------------


def letter_tokens(library: Library) -> list[str]:
    doc = library.get(LETTER)
    if doc is None:
        raise SystemExit(f"the bundled letter {LETTER} is missing")
    return _WORD.findall(
        " ".join(b.text for b in doc.blocks if b.kind in ("paragraph", "list_item"))
    )


class Chain:
    """A word-bigram chain over the letter, for text that reads like it."""

    def __init__(self, words: list[str], rng: random.Random) -> None:
        self.rng = rng
        self.next: dict[str, list[str]] = defaultdict(list)
        for a, b in pairwise(words):
            self.next[a].append(b)
        self.starts = [b for a, b in pairwise(words) if a == "." and b[:1].isupper()]

    def sentence(self) -> str:
        word = self.rng.choice(self.starts)
        out = [word]
        while len(out) < 40:
            word = self.rng.choice(self.next.get(word) or ["."])
            if word == ".":
                if len(out) >= 6:
                    break
                word = self.rng.choice(self.starts)
            out.append(word)
        text = " ".join(out)
        return re.sub(r" ([.,;:])", r"\1", text) + "."


def generate(n: int, chain: Chain, size: int = 5000) -> list[str]:
    """``n`` markdown documents of about ``size`` characters each."""
    docs = []
    for i in range(n):
        rng = chain.rng
        title = json.dumps(chain.sentence()[:70], ensure_ascii=False)
        parts = [
            f"---\nid: bench-{i:05d}\nkind: imported\ntitle: {title}\n"
            f"date: 2025-{1 + i % 12:02d}-{1 + i % 28:02d}\n---\n"
        ]
        length = 0
        section = 0
        while length < size:
            if length == 0 or rng.random() < 0.15:
                section += 1
                parts.append(f"{{#s-{section}}}\n## {section}. {chain.sentence()[:60]}\n")
            if rng.random() < 0.12:
                body = " ".join(chain.sentence() for _ in range(rng.randint(2, 4)))
                parts.append(f"{{#actie-{section}-{length}}}\n:::: actie\n{body}\n::::\n")
            else:
                body = " ".join(chain.sentence() for _ in range(rng.randint(3, 6)))
                parts.append(body + "\n")
            length += len(body)
        docs.append("\n".join(parts))
    return docs


def make_library(texts: list[str]) -> Library:
    library = Library()
    for i, text in enumerate(texts):
        doc = parse_document(text, Path(f"bench-{i:05d}.md"), bundled=False)
        library.documents[doc.id] = doc
    return library


def make_queries(tokens: list[str], rng: random.Random, count: int) -> dict[str, list[str]]:
    """The same query set for both engines, drawn from the letter."""
    words = [w for w in tokens if w[:1].isalpha()]
    freq: dict[str, int] = defaultdict(int)
    for w in words:
        freq[fold(w)] += 1
    content = sorted(
        w for w, f in freq.items() if len(w) >= 5 and w.isalpha() and w not in _STOP_LIKE and f >= 2
    )
    rare = [w for w in content if freq[w] <= 4] or content
    common = [w for w in content if freq[w] > 4] or content
    seqs = [
        tokens[i : i + 3]
        for i in range(len(tokens) - 3)
        if all(t[:1].isalpha() for t in tokens[i : i + 3])
    ]

    def pick(pool: list[str], k: int) -> str:
        return " ".join(rng.sample(pool, k))

    queries: dict[str, list[str]] = {c: [] for c in CLASSES}
    for i in range(count):
        queries["1 word"].append(rng.choice(common if i % 2 else rare))
        queries["2 words"].append(pick(common, 2))
        queries["3 words"].append(pick(common, 3))
        seq = rng.choice(seqs)
        queries["phrase"].append('"' + " ".join(seq[: 2 + i % 2]) + '"')
        queries["prefix"].append(rng.choice(content)[: 4 + i % 3] + "*")
        queries["2 words + snippets"].append(pick(common, 2))
    return queries


# -- the engines -----------------------------------------------------------------


def build_ours(library: Library, where: Path) -> tuple[SearchIndex, float]:
    index = SearchIndex(where)
    started = time.perf_counter()
    index.update(library)
    return index, time.perf_counter() - started


def run_ours(index: SearchIndex, cls: str, query: str) -> int:
    result = index.search(query, limit=10)
    if cls.endswith("snippets"):
        for hit in result.hits:
            _ = hit.snippet_html
    return len(result.hits)


def build_fts(library: Library, where: Path) -> tuple[sqlite3.Connection, float]:
    started = time.perf_counter()
    db = sqlite3.connect(where)
    db.execute(
        "CREATE VIRTUAL TABLE units USING fts5(doc UNINDEXED, anchor UNINDEXED, "
        "kind UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    with db:
        db.executemany(
            "INSERT INTO units VALUES (?, ?, ?, ?)",
            ((u.doc, u.anchor, u.kind, u.text) for doc in library for u in units_of(doc)),
        )
    return db, time.perf_counter() - started


def run_fts(db: sqlite3.Connection, cls: str, query: str) -> int:
    match = (
        query
        if query.startswith('"')
        else " ".join(f'"{w[:-1]}" *' if w.endswith("*") else f'"{w}"' for w in query.split())
    )
    if cls.endswith("snippets"):
        sql = (
            "SELECT doc, anchor, snippet(units, 3, '<b>', '</b>', '…', 24) FROM units "
            "WHERE units MATCH ? ORDER BY rank LIMIT 10"
        )
    else:
        sql = "SELECT doc, anchor FROM units WHERE units MATCH ? ORDER BY rank LIMIT 10"
    return len(db.execute(sql, (match,)).fetchall())


def timed(run: Callable[[str, str], int], queries: dict[str, list[str]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for cls, items in queries.items():
        for query in items[:5]:  # warm caches and lazy imports
            run(cls, query)
        times = []
        hits = 0
        for query in items:
            started = time.perf_counter()
            hits += run(cls, query)
            times.append((time.perf_counter() - started) * 1000)
        out[cls] = {
            "p50_ms": round(statistics.median(times), 3),
            "p95_ms": round(_p95(times), 3),
            "max_ms": round(max(times), 3),
            "mean_hits": round(hits / len(items), 1),
        }
    return out


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def first_start_seconds() -> float:
    """Bundled corpus indexed from nothing, in a fresh process (Whoosh import included)."""
    code = (
        "import time, sys; t = time.perf_counter(); "
        "from briefing_reader import paths; from briefing_reader.session import open_library; "
        "from briefing_reader.core.search import SearchIndex; "
        "lib = open_library(paths.resolve(sys.argv[1])); t1 = time.perf_counter(); "
        "SearchIndex(paths.resolve(sys.argv[1]).search_index).update(lib); "
        "print(time.perf_counter() - t1)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [sys.executable, "-c", code, tmp], capture_output=True, text=True, check=True
        )
    return float(out.stdout.strip())


# -- the run --------------------------------------------------------------------


def maintenance(library: Library, where: Path, extra: str) -> dict[str, float]:
    """Start-up check of a current index, and adding then removing one document."""
    started = time.perf_counter()
    index = SearchIndex(where)
    index.update(library)
    check = time.perf_counter() - started
    grown = Library(dict(library.documents))
    doc = parse_document(extra, Path("bench-extra.md"), bundled=False)
    grown.documents[doc.id] = doc
    started = time.perf_counter()
    index.update(grown)
    add = time.perf_counter() - started
    started = time.perf_counter()
    index.update(library)
    remove = time.perf_counter() - started
    index.close()
    return {
        "startup_check_s": round(check, 3),
        "add_one_s": round(add, 3),
        "remove_one_s": round(remove, 3),
    }


def compare(
    library: Library, queries: dict[str, list[str]], tmp: Path, extra: str
) -> dict[str, Any]:
    index, ours_build = build_ours(library, tmp / "whoosh")
    db, fts_build = build_fts(library, tmp / "fts.sqlite3")
    try:
        ours = timed(lambda c, q: run_ours(index, c, q), queries)
        fts = timed(lambda c, q: run_fts(db, c, q), queries)
    finally:
        index.close()
        db.close()
    updates = maintenance(library, tmp / "whoosh", extra)
    units = sum(len(units_of(doc)) for doc in library)
    return {
        "documents": len(library),
        "units": units,
        "characters": sum(len(u.text) for doc in library for u in units_of(doc)),
        "build_s": {
            "ours": round(ours_build, 3),
            "fts5": round(fts_build, 3),
            "ratio": round(ours_build / fts_build, 1),
        },
        "updates": updates,
        "classes": {
            cls: {
                "ours": ours[cls],
                "fts5": fts[cls],
                "p95_ratio": round(ours[cls]["p95_ms"] / max(fts[cls]["p95_ms"], 1e-3), 1),
            }
            for cls in queries
        },
    }


def print_table(title: str, data: dict[str, Any]) -> None:
    b = data["build_s"]
    print(
        f"\n{title}: {data['documents']} documents, {data['units']} units, "
        f"{data['characters'] / 1e6:.1f} M characters"
    )
    print(f"build: ours {b['ours']:.2f} s   FTS5 {b['fts5']:.2f} s   ratio {b['ratio']}x")
    u = data["updates"]
    print(
        f"ours, index current at start-up: check {u['startup_check_s']:.2f} s; "
        f"add one document {u['add_one_s']:.2f} s, remove it {u['remove_one_s']:.2f} s"
    )
    print(
        f"{'ms per query':22} {'ours p50':>9} {'p95':>7} {'FTS5 p50':>9} {'p95':>7} "
        f"{'p95 ours/FTS5':>14}"
    )
    for cls, row in data["classes"].items():
        o, f = row["ours"], row["fts5"]
        print(
            f"{cls:22} {o['p50_ms']:9.2f} {o['p95_ms']:7.2f} {f['p50_ms']:9.2f} "
            f"{f['p95_ms']:7.2f} {row['p95_ratio']:13.1f}x"
        )


def profile(library: Library, queries: dict[str, list[str]], cls: str, tmp: Path) -> None:
    index, _ = build_ours(library, tmp / "whoosh")
    for query in queries[cls][:5]:
        run_ours(index, cls, query)
    profiler = cProfile.Profile()
    profiler.enable()
    for query in queries[cls]:
        run_ours(index, cls, query)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="generated documents")
    parser.add_argument("--queries", type=int, default=200, help="queries per class")
    parser.add_argument("--seed", type=int, default=32824)
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "--profile",
        metavar="CLASS",
        choices=CLASSES,
        help="profile our index on one query class instead",
    )
    args = parser.parse_args(argv)

    bundled = open_library(paths.resolve(tempfile.mkdtemp(prefix="bench-data-")))
    rng = random.Random(args.seed)
    tokens = letter_tokens(bundled)
    queries = make_queries(tokens, rng, args.queries)
    generated_at = time.perf_counter()
    chain = Chain(tokens, rng)
    library = make_library(generate(args.docs, chain))
    extra = generate(1, chain)[0].replace("bench-00000", "bench-extra")
    generated_s = time.perf_counter() - generated_at
    with tempfile.TemporaryDirectory() as tmp:
        if args.profile:
            profile(library, queries, args.profile, Path(tmp))
            return 0
        report = {"generated": compare(library, queries, Path(tmp) / "gen", extra)}
        report["generated"]["generate_s"] = round(generated_s, 2)
        report["bundled"] = compare(bundled, queries, Path(tmp) / "bundled", extra)
        report["bundled"]["first_start_s"] = round(first_start_seconds(), 3)
    if args.json:
        json.dump(report, sys.stdout, indent=2)
        print()
        return 0
    print_table("Generated corpus", report["generated"])
    print_table("Bundled corpus", report["bundled"])
    print(
        f"\nfirst start, bundled corpus (fresh process, Whoosh import included): "
        f"{report['bundled']['first_start_s']:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
