"""Opening a long document in the window: the longest event-loop stall and the time.

    python benchmarks/long_document.py [--headings 2000] [--runs 3]

Builds the real window (offscreen, a throw-away profile) with a generated
document of ``--headings`` headings, each with a paragraph (2,000 headings
make 4,000 anchors: the budget, ``core.limits.MAX_ANCHORS``), and opens it
and the bundled letter from the contents, as a reader would, the old way
(Qt's own HTML import, ``QTextDocument.setHtml``) and the new way
(``ui/anchored_html.py``), alternating, ``--runs`` times each. Prints per
document and way the median of:

- stall: the longest lateness of a timer ticking every 10 ms while the
  document opens and is first painted (what the user feels as a freeze);
- open: from the request until the window has shown the document and the
  event loop turns again.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QTextDocument  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from briefing_reader import paths  # noqa: E402
from briefing_reader.app import build_window  # noqa: E402
from briefing_reader.ui import anchored_html  # noqa: E402

LETTER = "kst-32824-456"
LONG = "lang-document"
TICK_MS = 10


def long_markdown(headings: int) -> str:
    parts = ["---", f"id: {LONG}", "kind: imported", "title: Een lang document", "---", ""]
    for n in range(headings):
        parts += [
            f"## Hoofdstuk {n}",
            "",
            f"Tekst bij hoofdstuk {n}, lang genoeg om een regel te vullen; "
            "de minister schrijft de Kamer over de voortgang.",
            "",
        ]
    return "\n".join(parts)


def old_way(qdoc: QTextDocument, html: str) -> None:
    qdoc.setHtml(html)


def measure(window, doc_id: str) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(longest stall, open time) in seconds for opening ``doc_id``."""
    clock = QElapsedTimer()
    last = [0]
    worst = [0]

    def tick() -> None:
        now = clock.elapsed()
        worst[0] = max(worst[0], now - last[0] - TICK_MS)
        last[0] = now

    opened = [0.0]

    def open_it() -> None:
        started = time.perf_counter()
        window.navigate(doc_id)
        window.reader.viewport().repaint()  # the first paint lays out the view
        opened[0] = time.perf_counter() - started

    ticker = QTimer(interval=TICK_MS)
    ticker.timeout.connect(tick)
    loop = QEventLoop()
    clock.start()
    ticker.start()
    QTimer.singleShot(50, open_it)
    QTimer.singleShot(800, loop.quit)  # room for whatever the open leaves queued
    loop.exec()
    ticker.stop()
    return worst[0] / 1000, opened[0]


def run(headings: int, runs: int) -> None:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        run_paths = paths.resolve(tmp)
        run_paths.imported_documents.mkdir(parents=True, exist_ok=True)
        (run_paths.imported_documents / f"{LONG}.md").write_text(
            long_markdown(headings), encoding="utf-8"
        )
        window = build_window(run_paths)
        window.resize(1280, 820)
        window.show()
        window.restore_place()
        app.processEvents()
        doc = window.library.get(LONG)
        anchors = sum(1 for block in doc.blocks if block.anchor) if doc else 0
        print(
            f"generated document: {headings} headings, {anchors} anchors; "
            f"median of {runs} runs, {app.platformName()}"
        )
        ways: dict[str, Callable[[QTextDocument, str], None]] = {
            "old (QTextDocument.setHtml)": old_way,
            "new (anchored_html)": anchored_html.set_html,
        }
        new_way = anchored_html.set_html
        figures: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for _ in range(runs):
            for way, function in ways.items():
                anchored_html.set_html = function  # what the reader calls
                for doc_id in (LONG, LETTER):
                    window.navigate("begrippen")  # a different one, so it is opened anew
                    app.processEvents()
                    figures.setdefault((doc_id, way), []).append(measure(window, doc_id))
        anchored_html.set_html = new_way
        print(f"{'document':<16}{'way':<30}{'stall':>10}{'open':>10}")
        for (doc_id, way), values in figures.items():
            stall = statistics.median(v[0] for v in values)
            opened = statistics.median(v[1] for v in values)
            print(f"{doc_id:<16}{way:<30}{stall * 1000:>8.0f}ms{opened * 1000:>8.0f}ms")
        window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--headings", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    run(args.headings, args.runs)


if __name__ == "__main__":
    main()
