"""Two processes writing to one notes database at once: no "locked" errors, no lost write."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from briefing_reader.core.notes import ActionTarget, open_store

ROUNDS = 200

# Each round is two read-then-write transactions: append a question (read the
# list, write it back longer) and add a bookmark (read the highest position,
# write the next). A lost update would drop a question or repeat a position.
WRITER = """
import sys
from briefing_reader.core.notes import ActionTarget, NotesError, open_store
from briefing_reader.core.notes.model import TextAnchor, TextPositionSelector, TextQuoteSelector

db, name, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = open_store(db)
target = ActionTarget("doc", "actie-gedeeld", 1, "hash", "Gedeeld", "tekst")
anchor = TextAnchor("doc", 1, "hash", "thash", TextQuoteSelector("tekst"),
                    TextPositionSelector(0, 5))
print("ready", flush=True)
sys.stdin.readline()
failures = []
for i in range(rounds):
    for step in ("question", "bookmark"):
        try:
            if step == "question":
                store.add_question(target, f"{name}-{i}")
            else:
                store.add_bookmark(anchor, f"{name}-{i}")
        except NotesError as exc:
            failures.append(f"{step} {i}: {exc}")
store.close()
print("failures", len(failures), flush=True)
for failure in failures[:5]:
    print(failure, flush=True)
"""


def test_two_processes_lose_nothing_and_never_see_locked(tmp_path: Path) -> None:
    db = tmp_path / "shared.sqlite3"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), name, str(ROUNDS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    try:
        for proc in procs:  # both have opened the store (and raced on creating it)
            assert proc.stdout is not None and proc.stderr is not None
            line = proc.stdout.readline().strip()
            assert line == "ready", proc.stderr.read()
        for proc in procs:  # start them together
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        outputs = [proc.communicate(timeout=120) for proc in procs]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert out.splitlines()[0] == "failures 0", out + err
        assert "locked" not in err

    with open_store(db) as store:
        annotation = store.action_annotation("doc", "actie-gedeeld")
        assert annotation is not None
        questions = annotation.questions
        assert len(questions) == 2 * ROUNDS
        for name in ("a", "b"):  # every write present, each writer's in its own order
            assert [q for q in questions if q.startswith(f"{name}-")] == [
                f"{name}-{i}" for i in range(ROUNDS)
            ]
        bookmarks = store.bookmarks()
        assert sorted(b.name for b in bookmarks) == sorted(
            f"{name}-{i}" for name in ("a", "b") for i in range(ROUNDS)
        )
        assert [b.order for b in bookmarks] == list(range(1, 2 * ROUNDS + 1))
        assert store.integrity_problem() is None


def test_a_second_connection_sees_a_commit_at_once(tmp_path: Path) -> None:
    db = tmp_path / "n.sqlite3"
    target = ActionTarget("doc", "actie-x")
    with open_store(db) as first, open_store(db) as second:
        saved = first.update_action(target, note="eerst")
        seen = second.action_annotation("doc", "actie-x")
        assert seen is not None and seen.id == saved.id and seen.note == "eerst"
        second.update_action(target, stance="Steunen")
        both = first.action_annotation("doc", "actie-x")
        assert both is not None and (both.note, both.stance) == ("eerst", "Steunen")
