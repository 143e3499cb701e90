"""Printing speed: the debate pack of every action and a single excerpt, as PDF.

Usage::

    python benchmarks/printing.py [--runs N] [--json]

In a temporary profile, every action (not sub-action) of the bundled letter
gets a stance, a note and two questions, and one highlight is made. Then,
N times each (default 7; the median is reported, with min and max):

- ``excerpt``: compose + lay out + paint section 1.3 with notes, header,
  footer and footnotes into a PDF in memory (target < 200 ms);
- ``pack``: the same for the "Debatvoorbereiding" pack of all 20 actions
  (target < 2 s);

each beside a baseline measured in the same run: ``QTextDocument.print_``
of the same HTML and style sheet to a QPdfWriter (no header, footer,
highlights or heading control). Compose alone (no Qt) is shown too.
Runs without a display (Qt's offscreen platform).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

LETTER = "kst-32824-456"
TARGETS_MS = {"excerpt": 200.0, "pack": 2000.0}


def timed(work: Callable[[], object], runs: int) -> dict[str, float]:
    work()  # warm-up: fonts, first layout
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        samples.append((time.perf_counter() - start) * 1000)
    return {"median_ms": statistics.median(samples), "min_ms": min(samples), "max_ms": max(samples)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QPdfWriter, QTextDocument

    from briefing_reader import paths
    from briefing_reader.core.notes import action_target, anchor_quote, open_store
    from briefing_reader.printing import PrintRequest, compose, pdf_bytes
    from briefing_reader.printing.layout import page_layout, print_font
    from briefing_reader.session import open_library
    from briefing_reader.ui.style import document_css

    app = QGuiApplication.instance() or QGuiApplication(["benchmark"])
    folder = Path(tempfile.mkdtemp(prefix="br-print-bench-"))
    library = open_library(paths.resolve(folder / "data"))
    doc = library.get(LETTER)
    if doc is None:
        raise SystemExit(f"the bundled letter {LETTER} is missing")
    store = open_store(folder / "notes.sqlite3", folder / "backups")
    actions = [node for node in doc.actions() if node.kind == "action"]
    for number, node in enumerate(actions):
        store.update_action(
            action_target(doc, node.id),
            stance=("Steunen", "Kritisch", "Vragen stellen")[number % 3],
            priority="hoog",
            note=f"Notitie bij **{node.title}**.",
            questions=[f"Wanneer komt de evaluatie van {node.title}?", "Wat kost dit structureel?"],
        )
    store.add_highlight(anchor_quote(doc, "De NCTV stelt het dreigingsniveau"), note="Let op")

    def baseline(html: str) -> None:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setPageLayout(page_layout())
        writer.setResolution(600)
        qdoc = QTextDocument()
        qdoc.setDefaultFont(print_font())
        qdoc.setDefaultStyleSheet(document_css(False))
        qdoc.setHtml(html)
        qdoc.print_(writer)
        del writer
        buffer.close()

    requests = {
        "excerpt": PrintRequest.node(LETTER, "s-1-3", with_notes=True),
        "pack": PrintRequest.debate_pack(),
    }
    results: dict[str, Any] = {"actions": len(actions), "runs": args.runs}
    for name, request in requests.items():
        composition = compose(library, store, request)
        full = f"<html><body>{composition.html}</body></html>"
        results[name] = {
            "ours": timed(lambda r=request: pdf_bytes(compose(library, store, r)), args.runs),
            "compose_only": timed(lambda r=request: compose(library, store, r), args.runs),
            "baseline_print_": timed(lambda h=full: baseline(h), args.runs),
            "pages": pdf_bytes(composition)[1],
            "target_ms": TARGETS_MS[name],
        }
    store.close()
    del app
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"{results['actions']} actions annotated; median of {args.runs} runs (min-max), ms")
    for name in requests:
        r = results[name]
        ours, base, only = r["ours"], r["baseline_print_"], r["compose_only"]
        verdict = "ok" if ours["median_ms"] < r["target_ms"] else "OVER TARGET"
        print(
            f"{name:8} {r['pages']:3d} pages  ours {ours['median_ms']:7.1f} "
            f"({ours['min_ms']:.1f}-{ours['max_ms']:.1f})  compose {only['median_ms']:6.1f}  "
            f"baseline QTextDocument.print_ {base['median_ms']:7.1f}  "
            f"ratio {ours['median_ms'] / base['median_ms']:.2f}  "
            f"target < {r['target_ms']:.0f}: {verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
