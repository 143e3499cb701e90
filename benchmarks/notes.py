"""Notes store: save latency with synchronous=FULL, and kill -9 durability.

Run by hand (never a timed test):

    python benchmarks/notes.py                      # 1000 saves, 500 kill trials
    python benchmarks/notes.py --saves 2000 --kill-trials 100 --json
    python benchmarks/notes.py --dir /path/on/the/real/disk

Save latency is measured per store call (BEGIN IMMEDIATE, the SQL, COMMIT
with its fsync), the way the side panel saves as you type, on a real file.
Beside it, in the same run: the same store with synchronous=NORMAL (WAL
without an fsync per commit: durable against a crash of the program, not of
the machine) and a plain append + fsync of a line of the same size.

The kill run starts a writer that prints each id after its commit returned,
SIGKILLs it at a random moment, then counts how many printed ("confirmed")
ids are present and runs integrity_check.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing_reader.core.notes import ActionTarget, open_store
from briefing_reader.core.notes.model import TextAnchor, TextPositionSelector, TextQuoteSelector

TARGET = ActionTarget(
    "kst-32824-456",
    "actie-taaleis-in-de-bijstand",
    2,
    "0" * 64,
    "Taaleis in de bijstand",
    "Taal is de basis van een goede integratie.",
)
ANCHOR = TextAnchor(
    "kst-32824-456",
    2,
    "0" * 64,
    "1" * 64,
    TextQuoteSelector(
        "Taal speelt daarbij een belangrijke rol.", "relatief laag.\n", " Inburgering geeft"
    ),
    TextPositionSelector(2990, 3030),
    "p-11",
)
NOTE = "Vragen aan de staatssecretaris over de **handhaving** van de taaleis. " * 4

WRITER = """
import sys
from briefing_reader.core.notes import open_store
from briefing_reader.core.notes.model import TextAnchor, TextPositionSelector, TextQuoteSelector
store = open_store(sys.argv[1])
anchor = TextAnchor("doc", 1, "h", "t", TextQuoteSelector("tekst"), TextPositionSelector(0, 5))
print("ready", flush=True)
i = 0
while True:
    print(store.add_highlight(anchor, note=f"{i}").id, flush=True)
    i += 1
"""


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summary(samples_ms: list[float]) -> dict[str, float]:
    return {
        "n": len(samples_ms),
        "p50_ms": round(statistics.median(samples_ms), 3),
        "p95_ms": round(percentile(samples_ms, 0.95), 3),
        "p99_ms": round(percentile(samples_ms, 0.99), 3),
        "max_ms": round(max(samples_ms), 3),
    }


def timed(call: Callable[[], object], count: int) -> list[float]:
    samples = []
    for _ in range(count):
        start = time.perf_counter_ns()
        call()
        samples.append((time.perf_counter_ns() - start) / 1e6)
    return samples


def store_saves(folder: Path, count: int, synchronous: str) -> list[float]:
    """Alternate the two saves of the UI: an action note edit and a new highlight."""
    store = open_store(
        folder / f"bench-{synchronous.lower()}.sqlite3", backup_interval=dt.timedelta(days=365)
    )
    try:
        store._db.conn.execute(f"PRAGMA synchronous = {synchronous}")
        counter = iter(range(10**9))

        def save() -> None:
            i = next(counter)
            if i % 2:
                store.update_action(TARGET, note=f"{NOTE} {i}")
            else:
                store.add_highlight(ANCHOR, note=f"markering {i}")

        timed(save, 20)  # warm up: schema cached, WAL file exists
        return timed(save, count)
    finally:
        store.close()


def append_fsync(folder: Path, count: int) -> list[float]:
    line = (json.dumps({"note": NOTE, "anchor": ANCHOR.selectors()}) + "\n").encode()
    fd = os.open(folder / "baseline.jsonl", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:

        def save() -> None:
            os.write(fd, line)
            os.fsync(fd)

        timed(save, 20)
        return timed(save, count)
    finally:
        os.close(fd)


def kill_run(folder: Path, trials: int, seed: int) -> dict[str, Any]:
    db = folder / "kill.sqlite3"
    rng = random.Random(seed)
    confirmed: set[str] = set()
    integrity_failures = 0
    started = time.perf_counter()
    for _ in range(trials):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        if proc.stdout.readline().strip() != "ready":
            _out, err = proc.communicate()
            raise SystemExit(f"writer failed to start: {err}")
        lines = [proc.stdout.readline() for _ in range(rng.randint(0, 30))]
        if rng.random() < 0.5:
            time.sleep(rng.random() / 200)
        os.kill(proc.pid, signal.SIGKILL)
        rest, _err = proc.communicate()
        confirmed.update(line.strip() for line in [*lines, *rest.splitlines()] if line.strip())
        conn = sqlite3.connect(db)
        try:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                integrity_failures += 1
        finally:
            conn.close()
    conn = sqlite3.connect(db)
    try:
        present = {row[0] for row in conn.execute("SELECT id FROM highlights")}
    finally:
        conn.close()
    return {
        "trials": trials,
        "confirmed": len(confirmed),
        "confirmed_present": len(confirmed & present),
        "lost": len(confirmed - present),
        "present_not_confirmed": len(present - confirmed),
        "integrity_failures": integrity_failures,
        "seconds": round(time.perf_counter() - started, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--saves", type=int, default=1000, help="saves per variant")
    parser.add_argument("--kill-trials", type=int, default=500, help="0 to skip")
    parser.add_argument(
        "--dir",
        type=Path,
        help="where to put the files (default: a temp "
        "dir; choose a folder on the disk you care about)",
    )
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--json", action="store_true", help="print figures as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        figures: dict[str, Any] = {
            "sqlite": sqlite3.sqlite_version,
            "save_full": summary(store_saves(folder, args.saves, "FULL")),
            "save_normal": summary(store_saves(folder, args.saves, "NORMAL")),
            "append_fsync": summary(append_fsync(folder, args.saves)),
        }
        if args.kill_trials:
            figures["kill9"] = kill_run(folder, args.kill_trials, args.seed)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(
        f"SQLite {figures['sqlite']}, {args.saves} saves each (alternating action note "
        "edit / new highlight)"
    )
    for key, label in (
        ("save_full", "store, WAL + synchronous=FULL"),
        ("save_normal", "store, WAL + synchronous=NORMAL"),
        ("append_fsync", "baseline: append + fsync"),
    ):
        f = figures[key]
        print(
            f"  {label:34} p50 {f['p50_ms']:7.3f} ms   p95 {f['p95_ms']:7.3f} ms   "
            f"p99 {f['p99_ms']:7.3f} ms   max {f['max_ms']:7.3f} ms"
        )
    verdict = "meets" if figures["save_full"]["p95_ms"] <= 5 else "MISSES"
    print(f"  target p95 <= 5 ms with synchronous=FULL: {verdict}")
    if "kill9" in figures:
        k = figures["kill9"]
        print(
            f"kill -9: {k['trials']} trials in {k['seconds']} s; confirmed {k['confirmed']}, "
            f"present {k['confirmed_present']}, lost {k['lost']}; committed but killed "
            f"before printing {k['present_not_confirmed']}; integrity failures "
            f"{k['integrity_failures']}"
        )
    return 0 if figures.get("kill9", {}).get("lost", 0) == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
