"""Start-up time and peak memory of the app beside a floor window, in one run.

    python benchmarks/startup.py [--runs 10] [--json] [--also NAME=DIR ...]

Runs each of these as a fresh process, offscreen, alternating, ``--runs``
times, and prints medians and the ratios to the floor:

- floor: ``benchmarks/floor_window.py``, the first paint's window with no
  app code: menus, a toolbar, a contents tree of the bundled outlines and
  the letter's HTML in a QTextBrowser, closed once the letter is painted;
- first paint: ``briefing-reader --exit-after-render``, which exits once
  the letter is painted with the contents filled;
- first, deep: the same, opened at the finance section near the end of the
  letter (a returning reader's place), which Qt must lay out first;
- ready: ``briefing-reader --exit-when-ready``, which also opens the notes,
  re-anchors them and opens the search index (that happens after the paint);
- bare: a QApplication and an empty QMainWindow (what Qt itself costs);
- ``--also NAME=DIR``: the first paint of another checkout of the app (to
  weigh a change: the same tree without an optimisation, say).

The app runs on a throw-away profile found through the XDG variables, as a
user's would be (so platformdirs is part of the start), set to Dutch (so
the catalogues load), with its bytecode compiled first, as ``pip install``
does. Targets (issue 19): first paint <= 1.5x the floor's time, peak memory
<= 1.25x the floor's.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing_reader import APP_ID  # noqa: E402 (after the path is set)

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 820)
window.show()
app.processEvents()
window.close()
"""

FLOOR = Path(__file__).with_name("floor_window.py")
TARGETS = {"time": 1.5, "memory": 1.25}  # first paint against the floor

DEEP_PLACE = "kst-32824-456#s-3"


Run = tuple[float, float, float]  # wall seconds, CPU seconds, peak RSS in MiB


def measure(command: list[str], env: dict[str, str]) -> Run:
    """Wall and CPU seconds (user + system: less disturbed by a busy machine
    than the wall clock) and peak RSS (MiB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{command} exited {process.returncode}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def write_floor_page(target: Path) -> None:
    """The letter's HTML and every outline, made by the app's own code."""
    from briefing_reader import paths
    from briefing_reader.core.content import OutlineNode, load_library
    from briefing_reader.core.content.citation import citation
    from briefing_reader.ui import style

    library = load_library([(paths.bundled_content_dir(), True)])
    letter = next(iter(library))

    def outline(node: OutlineNode) -> list[object]:
        return [node.title, [outline(child) for child in node.children]]

    page = {
        "html": style.page_html(letter, "banner"),
        "css": style.document_css(False),
        "citation": citation(letter.meta),
        "outlines": [outline(d.outline) for d in library],
    }
    target.write_text(json.dumps(page), encoding="utf-8")


def profile_env(home: Path, root: Path = ROOT) -> dict[str, str]:
    """The environment of a run on a new profile in ``home``, set to Dutch."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("BRIEFING_READER_DATA_DIR", "BRIEFING_READER_CONTENT_DIR")
    }
    env.update(
        {
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(root),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_CONFIG_HOME": str(home / "config"),
        }
    )
    config = home / "config" / APP_ID
    config.mkdir(parents=True)
    (config / "ui.ini").write_text("[ui]\nlanguage=nl\n", encoding="utf-8")
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--also",
        action="append",
        default=[],
        metavar="NAME=DIR",
        help="also the first paint of the app in this checkout",
    )
    args = parser.parse_args()
    others = dict(also.split("=", 1) for also in args.also)
    for root in [ROOT, *map(Path, others.values())]:
        compileall.compile_dir(root / "briefing_reader", quiet=1)
    # -P: the app from PYTHONPATH (this checkout, or the other one), not the cwd.
    app = [sys.executable, "-P", "-m", "briefing_reader"]
    with tempfile.TemporaryDirectory() as temp:
        home = Path(temp)
        page = home / "floor.json"
        write_floor_page(page)
        commands = {
            "floor": [sys.executable, str(FLOOR), str(page)],
            "first paint": [*app, "--exit-after-render"],
            **{name: [*app, "--exit-after-render"] for name in others},
            "first, deep": [*app, "--exit-after-render", "--open", DEEP_PLACE],
            "ready": [*app, "--exit-when-ready"],
            "bare": [sys.executable, "-c", BARE],
        }
        # One profile per command: each run starts where the last run of the
        # same command left the reader (the top, or the finance section).
        envs = {
            name: profile_env(home / f"profile-{number}", Path(others.get(name, ROOT)))
            for number, name in enumerate(commands)
        }
        # Warm the file cache, write the first settings and the document cache.
        for name, command in commands.items():
            measure(command, envs[name])
        results: dict[str, list[Run]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                results[name].append(measure(command, envs[name]))
    summary = summarise(results)
    if args.json:
        print(json.dumps({"runs": args.runs, **summary}, indent=2))
        return 0
    print(f"runs each: {args.runs} (alternating, offscreen, bytecode compiled)")
    print(
        f"{'':16} {'wall':>9} {'/floor':>6}   {'CPU':>9} {'/floor':>6}   "
        f"{'peak RSS':>9} {'/floor':>6}   (medians)"
    )
    for name, row in summary.items():
        print(
            f"{name:16} {row['median_s'] * 1000:6.0f} ms {row['time_ratio']:5.2f}x   "
            f"{row['median_cpu_s'] * 1000:6.0f} ms {row['cpu_ratio']:5.2f}x   "
            f"{row['median_rss_mib']:5.1f} MiB {row['memory_ratio']:5.2f}x"
        )
    first = summary["first paint"]
    met = first["time_ratio"] <= TARGETS["time"] and first["memory_ratio"] <= TARGETS["memory"]
    print(
        f"targets (first paint against the floor): time <= {TARGETS['time']}x, "
        f"memory <= {TARGETS['memory']}x: {'met' if met else 'NOT met'}"
    )
    return 0


def summarise(results: dict[str, list[Run]]) -> dict[str, dict[str, float]]:
    medians = {
        name: tuple(statistics.median(run[i] for run in runs) for i in range(3))
        for name, runs in results.items()
    }
    floor_time, floor_cpu, floor_memory = medians["floor"]
    return {
        name: {
            "median_s": seconds,
            "median_cpu_s": cpu,
            "median_rss_mib": memory,
            "time_ratio": seconds / floor_time,
            "cpu_ratio": cpu / floor_cpu,
            "memory_ratio": memory / floor_memory,
        }
        for name, (seconds, cpu, memory) in medians.items()
    }


if __name__ == "__main__":
    sys.exit(main())
