"""Bulk notes import: time to import N annotations from one JSON-LD file.

Run by hand (never a timed test):

    python benchmarks/notes_import.py                 # 5k, 20k and 100k annotations
    python benchmarks/notes_import.py --sizes 2000 20000 --json

A profile with an annotated action, two highlights and a bookmark on the
letter is exported; the file is then grown to N annotations by copying those
with fresh ids (a third each highlights and bookmarks, the rest comments on
actions by a colleague), and imported into an empty profile. Printed per size:
reading and checking (timed once on its own), writing (the import's time
beyond that: one transaction), the whole import as the user waits for it, and
microseconds per annotation. The smallest size in the same run is the baseline: a linear
import keeps the per-annotation figure flat as N grows.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from briefing_reader import paths
from briefing_reader.core.notes import (
    action_target,
    anchor_place,
    anchor_quote,
    exchange,
    open_store,
)
from briefing_reader.session import open_library

LETTER = "kst-32824-456"


def sample(folder: Path) -> list[dict[str, Any]]:
    """The exported annotations of a small profile, as templates."""
    library = open_library(paths.resolve(folder / "library"))
    doc = library.get(LETTER)
    assert doc is not None
    store = open_store(folder / "mine" / "notes.sqlite3", folder / "mine" / "backups")
    store.update_action(
        action_target(doc, "actie-taaleis-in-de-bijstand"),
        stance="Kritisch",
        note="Hoe handhaven gemeenten?",
    )
    store.add_highlight(anchor_quote(doc, "De NCTV stelt het dreigingsniveau"), note="Sinds?")
    store.add_highlight(anchor_quote(doc, "De onlinewereld speelt een centrale rol"))
    store.add_bookmark(*anchor_place(doc, "s-2-4"))
    data = exchange.export_jsonld(store)
    store.close()
    return data["first"]["items"]


def grown(templates: list[dict[str, Any]], count: int) -> dict[str, Any]:
    items = []
    for number in range(count):
        item = json.loads(json.dumps(templates[number % len(templates)]))
        item["id"] = f"urn:uuid:{uuid.uuid4()}"
        items.append(item)
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "id": f"urn:uuid:{uuid.uuid4()}",
        "total": count,
        "first": {"type": "AnnotationPage", "items": items},
    }


def run(folder: Path, templates: list[dict[str, Any]], count: int) -> dict[str, float]:
    library = open_library(paths.resolve(folder / "library"))
    path = folder / f"import-{count}.jsonld"
    path.write_text(json.dumps(grown(templates, count)), encoding="utf-8")
    store = open_store(
        folder / f"empty-{count}" / "notes.sqlite3", folder / f"empty-{count}" / "backups"
    )
    try:
        with exchange.collector_paused():
            start = time.perf_counter()
            checked = len(exchange.read_jsonld(path, library))
            read = time.perf_counter() - start
        gc.collect()  # nothing of the trial read stays alive during the import
        start = time.perf_counter()
        report = exchange.import_jsonld(store, path, library)
        total = time.perf_counter() - start
        assert report.added == count, report.message()
    finally:
        store.close()
    return {
        "annotations": count,
        "read_s": round(read, 2),
        "write_s": round(max(total - read, 0), 2),
        "import_s": round(total, 2),
        "us_per_annotation": round(total / count * 1e6, 1),
        "checked": checked,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000, 100000])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        templates = sample(folder)
        results = [run(folder, templates, count) for count in sorted(args.sizes)]
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    base = results[0]["us_per_annotation"]
    print(
        f"{'annotations':>11}  {'read s':>7}  {'write s':>7}  {'import s':>8}  "
        f"{'us/annotation':>13}  vs {results[0]['annotations']}"
    )
    for r in results:
        print(
            f"{r['annotations']:>11}  {r['read_s']:>7}  {r['write_s']:>7}  {r['import_s']:>8}  "
            f"{r['us_per_annotation']:>13}  x{r['us_per_annotation'] / base:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
