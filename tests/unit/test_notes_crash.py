"""kill -9 at random moments: every write whose id was printed is there, the file is sound."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

LOOP_TRIALS = 50
CLI_TRIALS = 12

# Prints one line per write, only after the store method returned (= committed):
# "h <id>" a highlight, "b <id>" a bookmark, "q <text>" a question appended to
# an action annotation (a read-then-write).
WRITER = """
import sys
from briefing_reader.core.notes import ActionTarget, open_store
from briefing_reader.core.notes.model import TextAnchor, TextPositionSelector, TextQuoteSelector

store = open_store(sys.argv[1])
print("report", ",".join(store.report.kinds()), flush=True)
trial = sys.argv[2]
target = ActionTarget("doc", "actie-crash", 1, "hash", "Crash", "tekst")
anchor = TextAnchor("doc", 1, "hash", "thash", TextQuoteSelector("tekst", "voor", "na"),
                    TextPositionSelector(0, 5))
i = 0
while True:
    kind = i % 3
    if kind == 0:
        print("h", store.add_highlight(anchor, note=f"{trial}-{i} " + "x" * (i % 7) * 300).id,
              flush=True)
    elif kind == 1:
        print("b", store.add_bookmark(anchor, f"{trial}-{i}").id, flush=True)
    else:
        store.add_question(target, f"{trial}-{i}")
        print("q", f"{trial}-{i}", flush=True)
    i += 1
"""


def _present(db: Path) -> tuple[str, set[str], set[str], set[str]]:
    """integrity_check, highlight ids, bookmark ids, questions; read with plain sqlite3."""
    conn = sqlite3.connect(db)
    try:
        check = ";".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
        highlights = {row[0] for row in conn.execute("SELECT id FROM highlights")}
        bookmarks = {row[0] for row in conn.execute("SELECT id FROM bookmarks")}
        row = conn.execute(
            "SELECT questions FROM action_notes WHERE action_id = 'actie-crash'"
        ).fetchone()
        questions = set(json.loads(row[0])) if row else set()
    finally:
        conn.close()
    return check, highlights, bookmarks, questions


def test_sigkill_during_writes_loses_nothing_confirmed(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite3"
    rng = random.Random(20250715)
    confirmed: dict[str, set[str]] = {"h": set(), "b": set(), "q": set()}
    for trial in range(LOOP_TRIALS):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), str(trial)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        report = proc.stdout.readline()
        assert report.startswith("report"), proc.stderr.read() if proc.stderr else ""
        assert "moved_aside" not in report and "restored" not in report, report
        lines = [proc.stdout.readline() for _ in range(rng.randint(0, 25))]
        if rng.random() < 0.5:
            time.sleep(rng.random() / 200)  # land anywhere in a transaction, not only after one
        os.kill(proc.pid, signal.SIGKILL)
        rest, _err = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        for line in [*lines, *rest.splitlines()]:
            kind, _, value = line.strip().partition(" ")
            if kind in confirmed and value:
                confirmed[kind].add(value)
        check, highlights, bookmarks, questions = _present(db)
        assert check == "ok", f"trial {trial}: {check}"
        assert confirmed["h"] <= highlights, f"trial {trial}: lost highlights"
        assert confirmed["b"] <= bookmarks, f"trial {trial}: lost bookmarks"
        assert confirmed["q"] <= questions, f"trial {trial}: lost questions"
    assert sum(len(v) for v in confirmed.values()) > LOOP_TRIALS  # the loop really wrote
