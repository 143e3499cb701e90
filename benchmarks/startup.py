"""Start-up time and peak memory of the app against a bare Qt window.

    python benchmarks/startup.py [--runs 10] [--json]

Runs, alternating, ``briefing-reader --exit-after-render`` (window shown,
letter rendered, TOC filled) and a bare QApplication + QMainWindow shown and
closed, each as a fresh process, offscreen, with a throw-away data dir.
Prints medians and the ratios. Targets (issue 2): time <= 1.5x, memory <= 1.3x.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 820)
window.show()
app.processEvents()
window.close()
"""


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{command} exited {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    app = [sys.executable, "-m", "briefing_reader", "--exit-after-render"]
    bare = [sys.executable, "-c", BARE]
    results: dict[str, list[tuple[float, float]]] = {"app": [], "bare": []}
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
               "BRIEFING_READER_DATA_DIR": str(Path(data) / "profile")}
        measure(app, env)  # warm the file cache and write the first settings
        for _ in range(args.runs):
            results["app"].append(measure(app, env))
            results["bare"].append(measure(bare, env))
    summary = {
        name: {"median_s": statistics.median(t for t, _ in runs),
               "median_rss_mib": statistics.median(m for _, m in runs)}
        for name, runs in results.items()}
    summary["ratio"] = {
        "time": summary["app"]["median_s"] / summary["bare"]["median_s"],
        "memory": summary["app"]["median_rss_mib"] / summary["bare"]["median_rss_mib"]}
    summary["runs"] = args.runs  # type: ignore[assignment]
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    print(f"runs each: {args.runs} (alternating, offscreen)")
    for name in ("app", "bare"):
        row = summary[name]
        print(f"{name:5} median {row['median_s'] * 1000:7.1f} ms   "
              f"peak RSS {row['median_rss_mib']:6.1f} MiB")
    ratio = summary["ratio"]
    print(f"ratio time {ratio['time']:.2f}x (target <= 1.5x)   "
          f"memory {ratio['memory']:.2f}x (target <= 1.3x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
