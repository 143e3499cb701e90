"""A damaged or vanished database is moved aside (never deleted); the newest good backup returns."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_reader.core.notes import (
    ActionTarget,
    NotesStore,
    list_backups,
    open_store,
    restore_backup,
)
from briefing_reader.core.notes.model import TextAnchor, TextPositionSelector, TextQuoteSelector

TARGET = ActionTarget("doc", "actie-een", 1, "hash", "Een", "tekst")


def anchor(i: int) -> TextAnchor:
    return TextAnchor(
        "doc",
        1,
        "hash",
        "thash",
        TextQuoteSelector(f"citaat {i}", "voor", "na"),
        TextPositionSelector(i, i + 9),
    )


def fill(store: NotesStore, count: int, label: str) -> list[str]:
    return [
        store.add_highlight(anchor(i), note=f"{label} {i} " + "x" * 400).id for i in range(count)
    ]


def profile(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "data" / "notes.sqlite3", tmp_path / "data" / "backups"


# A run that writes three notes and is killed before it can take its closing backup.
KILLED_RUN = """
import os, sys
from briefing_reader.core.notes import open_store
from briefing_reader.core.notes.model import TextAnchor, TextPositionSelector, TextQuoteSelector

store = open_store(sys.argv[1], sys.argv[2])
for i in range(3):
    anchor = TextAnchor("doc", 1, "hash", "thash", TextQuoteSelector(f"later {i}", "voor", "na"),
                        TextPositionSelector(i, i + 9))
    print(store.add_highlight(anchor, note=f"later {i}").id, flush=True)
os._exit(0)
"""


def saved_then_damaged(tmp_path: Path) -> tuple[Path, Path, list[str], list[str]]:
    """A profile with a backup holding ``kept`` and later notes ``after`` not backed
    up (written by a run that was killed)."""
    db, backups = profile(tmp_path)
    with open_store(db, backups) as store:
        kept = fill(store, 60, "bewaard")
        store.update_action(TARGET, stance="Steunen", note="in de backup")
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_RUN, str(db), str(backups)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    after = killed.stdout.split()
    assert len(after) == 3
    return db, backups, kept, after


def aside(db: Path) -> list[Path]:
    """The files moved aside, without the commit counter's side file that went along."""
    return sorted(
        p for p in db.parent.iterdir() if ".damaged-" in p.name and not p.name.endswith("-commits")
    )


def test_garbage_file_is_moved_aside_and_backup_restored(tmp_path: Path) -> None:
    db, backups, kept, after = saved_then_damaged(tmp_path)
    garbage = os.urandom(16384)
    db.write_bytes(garbage)
    with open_store(db, backups) as store:
        assert store.report.kinds()[:2] == ["moved_aside", "restored"]
        assert (
            "damaged" in store.report.message and "restored from the backup" in store.report.message
        )
        ids = {h.id for h in store.highlights()}
        assert ids == set(kept)  # the backup's notes; the later three were only in the bad file
        note = store.action_annotation("doc", "actie-een")
        assert note is not None and note.note == "in de backup"
        assert store.integrity_problem() is None
        assert not set(after) & ids
    moved = aside(db)[0]  # with the WAL the killed run left
    assert moved.read_bytes() == garbage  # kept as it was, never deleted
    assert str(moved) in store.report.events[0].paths


def test_truncated_file_is_detected_and_recovered(tmp_path: Path) -> None:
    db, backups, kept, _after = saved_then_damaged(tmp_path)
    size = db.stat().st_size
    with open(db, "r+b") as handle:
        handle.truncate(size // 3)
    with open_store(db, backups) as store:
        assert "moved_aside" in store.report.kinds()
        assert {h.id for h in store.highlights()} == set(kept)
    assert aside(db)[0].stat().st_size == size // 3


def test_empty_file_with_backups_is_not_taken_for_a_new_profile(tmp_path: Path) -> None:
    db, backups, kept, _after = saved_then_damaged(tmp_path)
    db.write_bytes(b"")
    with open_store(db, backups) as store:
        assert store.report.kinds()[:2] == ["moved_aside", "restored"]
        assert {h.id for h in store.highlights()} == set(kept)


def test_missing_file_is_restored_from_backup(tmp_path: Path) -> None:
    db, backups, kept, _after = saved_then_damaged(tmp_path)
    db.unlink()
    with open_store(db, backups) as store:
        assert store.report.kinds()[0] == "restored"
        assert "missing" in store.report.message
        assert {h.id for h in store.highlights()} == set(kept)


def test_stale_wal_goes_aside_with_its_damaged_database(tmp_path: Path) -> None:
    db, backups, kept, _after = saved_then_damaged(tmp_path)
    db.write_bytes(os.urandom(8192))
    wal = db.with_name(db.name + "-wal")
    wal_bytes = os.urandom(4096)
    wal.write_bytes(wal_bytes)
    with open_store(db, backups) as store:
        assert {h.id for h in store.highlights()} == set(kept)
    moved = {p.name: p for p in aside(db)}
    found = [p for name, p in moved.items() if name.endswith("-wal-as-found")]
    assert len(found) == 1 and found[0].read_bytes() == wal_bytes
    assert not wal.exists() and not db.with_name(db.name + "-wal.as-found").exists()


def test_no_good_backup_starts_empty_but_keeps_the_file(tmp_path: Path) -> None:
    db, backups = profile(tmp_path)
    with open_store(db, backups, backup_interval=dt.timedelta(days=1)) as store:
        fill(store, 5, "x")
    for info in list_backups(backups):
        info.path.write_bytes(b"not a database at all" * 100)
    db.write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    with open_store(db, backups) as store:
        assert store.report.kinds()[:2] == ["moved_aside", "started_empty"]
        assert "No sound backup" in store.report.message
        assert store.highlights() == []
    assert len(aside(db)) == 1


def test_newest_damaged_backup_is_skipped_for_an_older_good_one(tmp_path: Path) -> None:
    db, backups, kept, after = saved_then_damaged(tmp_path)
    with open_store(db, backups) as store:
        # taken at this start, as the killed run changed notes after the last backup
        newest = list_backups(backups)[0]
        later = store.backup_now()
    later.write_bytes(os.urandom(4096))
    assert list_backups(backups)[0].path == later
    db.write_bytes(os.urandom(4096))
    with open_store(db, backups) as store:
        restored = store.report.events[1]
        assert restored.kind == "restored" and restored.paths == (str(newest.path),)
        assert {h.id for h in store.highlights()} == set(kept) | set(after)


def test_backups_rotate_and_respect_the_interval(tmp_path: Path) -> None:
    db, backups = profile(tmp_path)
    start = dt.datetime(2025, 7, 15, 9, 0, tzinfo=dt.UTC)
    with open_store(db, backups, backup_keep=3, now=start) as store:
        taken = [
            store.maybe_backup(now=start + dt.timedelta(minutes=m))
            for m in (10, 61, 90, 125, 190, 260)
        ]
        assert [t is not None for t in taken] == [False, True, False, True, True, True]
        regular = list_backups(backups)
        assert len(regular) == 3
        assert regular[0].taken == start + dt.timedelta(minutes=260)
        store.backup_interval = dt.timedelta(days=365)  # no closing backup


def test_restore_backup_moves_the_current_file_aside(tmp_path: Path) -> None:
    db, backups = profile(tmp_path)
    with open_store(db, backups) as store:
        first = fill(store, 2, "eerst")
        snapshot = store.backup_now()
        fill(store, 2, "daarna")
    moved = restore_backup(snapshot, db)
    assert moved and moved[0].name.startswith("notes.sqlite3.replaced-")
    with open_store(db, backups) as store:
        assert {h.id for h in store.highlights()} == set(first)
    conn = sqlite3.connect(moved[0])
    try:
        assert conn.execute("SELECT COUNT(*) FROM highlights").fetchone()[0] == 4
    finally:
        conn.close()
    with pytest.raises(ValueError, match="not a sound backup"):
        bad = backups / "notes-20250101T000000000000Z.sqlite3"
        bad.write_bytes(os.urandom(2048))
        restore_backup(bad, db)


# --- issue 13: backups that hold notes, and saved changes lost with the WAL ---------

# Writes notes in a run that is then killed (no closing backup, the WAL stays):
# argv: db, backups, how many highlights, after how many a backup is made (0: none).
WRITE_AND_DIE = """
import os, sys
from briefing_reader.core.notes import open_store
from briefing_reader.core.notes.model import TextAnchor, TextPositionSelector, TextQuoteSelector

store = open_store(sys.argv[1], sys.argv[2])
count, backup_after = int(sys.argv[3]), int(sys.argv[4])
for i in range(count):
    anchor = TextAnchor("doc", 1, "hash", "thash", TextQuoteSelector(f"wal {i}", "voor", "na"),
                        TextPositionSelector(i, i + 5))
    print(store.add_highlight(anchor, note=f"wal {i}").id, flush=True)
    if i + 1 == backup_after:
        store.backup_now()
os._exit(0)
"""


def write_and_die(db: Path, backups: Path, count: int, backup_after: int = 0) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", WRITE_AND_DIE, str(db), str(backups), str(count), str(backup_after)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert db.with_name(db.name + "-wal").stat().st_size > 0  # the commits sit in the WAL
    return done.stdout.split()


def highlights_in(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM highlights").fetchone()[0])
    finally:
        conn.close()


def test_the_first_notes_are_backed_up_at_once(tmp_path: Path) -> None:
    db, backups = profile(tmp_path)
    with open_store(db, backups) as store:
        [empty] = list_backups(backups)  # the new profile's first backup: no notes yet
        assert highlights_in(empty.path) == 0
        fill(store, 1, "eerste")
        newest = list_backups(backups)[0]
        assert newest.path != empty.path and highlights_in(newest.path) == 1
        fill(store, 2, "meer")  # no backup per note after that
        assert list_backups(backups)[0] == newest


def test_four_notes_come_back_from_the_backup_named_with_its_time(tmp_path: Path) -> None:
    """Defect 6: the first backup was taken before any note, the next an hour
    later, so a damaged file came back with 0 of 4 notes."""
    db, backups = profile(tmp_path)
    with open_store(db, backups) as store:
        written = fill(store, 4, "notitie")
    db.write_bytes(os.urandom(8192))
    with open_store(db, backups) as store:
        assert {h.id for h in store.highlights()} == set(written)
        restored = store.report.events[1]
    [used] = [b for b in list_backups(backups) if str(b.path) in restored.paths]
    assert highlights_in(used.path) == 4
    when = used.taken.astimezone().strftime("%Y-%m-%d %H:%M")
    assert restored.kind == "restored" and used.path.name in str(restored.message)
    assert f"of {when}" in str(restored.message)
    assert restored.message.params == {"name": used.path.name, "when": when}


def test_a_run_that_changed_notes_is_backed_up_at_its_end_and_the_backups_rotate(
    tmp_path: Path,
) -> None:
    db, backups = profile(tmp_path)
    for run in range(6):
        with open_store(db, backups, backup_keep=3) as store:
            fill(store, 1, f"run {run}")
    regular = [b for b in list_backups(backups) if b.before_version is None]
    # the closing backup is rotated at the next open (a backup being restored stays)
    assert len(regular) == 4 and highlights_in(regular[0].path) == 6
    with open_store(db, backups, backup_keep=3):
        pass  # a run that changed nothing takes no backup
    assert [b.path for b in list_backups(backups)] == [b.path for b in regular[:3]]


def test_a_killed_run_is_backed_up_at_the_next_start(tmp_path: Path) -> None:
    db, backups = profile(tmp_path)
    with open_store(db, backups) as store:
        fill(store, 2, "eerst")
    written = write_and_die(db, backups, 3)
    with open_store(db, backups) as store:
        assert "backed_up" in store.report.kinds()
    assert highlights_in(list_backups(backups)[0].path) == 5 and len(written) == 3


def test_a_deleted_wal_is_reported_with_the_number_of_lost_changes(tmp_path: Path) -> None:
    """Defect 12: committed transactions in a deleted -wal vanished without a word."""
    db, backups = profile(tmp_path)
    with open_store(db, backups) as store:
        kept = fill(store, 2, "bewaard")
    write_and_die(db, backups, 3)
    for side in ("-wal", "-shm"):
        db.with_name(db.name + side).unlink()
    with open_store(db, backups) as store:
        assert store.report.kinds()[0] == "changes_lost"
        lost = store.report.events[0]
        assert lost.warning and lost.message.params["missing"] == 3
        assert lost.message.code.startswith("notes.changes_lost_no_backup")
        assert "3 saved change(s)" in store.report.message
        assert "notes.sqlite3-wal" in store.report.message
        assert {h.id for h in store.highlights()} == set(kept)
        assert store.integrity_problem() is None
    with open_store(db, backups) as store:  # told once, not at every start
        assert "changes_lost" not in store.report.kinds()


def test_a_truncated_wal_keeps_what_it_can_and_says_how_much_is_missing(tmp_path: Path) -> None:
    db, backups = profile(tmp_path)
    with open_store(db, backups) as store:
        kept = fill(store, 2, "bewaard")
    written = write_and_die(db, backups, 6)
    wal = db.with_name(db.name + "-wal")
    size = wal.stat().st_size
    with open(wal, "r+b") as handle:
        handle.truncate(size // 2)
    db.with_name(db.name + "-shm").unlink()
    with open_store(db, backups) as store:
        survived = {h.id for h in store.highlights()} - set(kept)
        assert 0 < len(survived) < len(written)
        lost = store.report.events[0]
        assert lost.kind == "changes_lost"
        assert lost.message.params["missing"] == len(written) - len(survived) > 0
        assert survived == set(written[: len(survived)])
    [left] = [p for p in db.parent.iterdir() if ".changes-lost-" in p.name]
    assert left.stat().st_size == size // 2  # what was left of the WAL, kept


def test_lost_changes_held_by_a_backup_are_restored_from_it(tmp_path: Path) -> None:
    db, backups = profile(tmp_path)
    with open_store(db, backups) as store:
        kept = fill(store, 2, "bewaard")
    written = write_and_die(db, backups, 4, backup_after=2)
    db.with_name(db.name + "-wal").unlink()
    with open_store(db, backups) as store:
        assert store.report.kinds()[:2] == ["changes_lost", "restored"]
        assert store.report.events[0].message.params["missing"] == 4
        assert {h.id for h in store.highlights()} == set(kept) | set(written[:2])
    assert [p for p in db.parent.iterdir() if ".changes-lost-" in p.name]


def test_the_backup_chosen_to_restore_survives_the_closing_backup(tmp_path: Path) -> None:
    """The settings dialog closes the store (which backs up a changed run), then
    restores the backup the user chose: the closing backup must not rotate it away."""
    db, backups = profile(tmp_path)
    for run in range(3):
        with open_store(db, backups, backup_keep=2) as store:
            fill(store, 1, f"run {run}")
    store = open_store(db, backups, backup_keep=2)
    chosen = [b for b in list_backups(backups) if b.before_version is None][-1]  # the oldest
    fill(store, 1, "nog een")
    store.close()
    restore_backup(chosen.path, db)
    with open_store(db, backups) as store:
        assert len(store.highlights()) == highlights_in(chosen.path)
