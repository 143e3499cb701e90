"""A damaged or vanished database is moved aside (never deleted); the newest good backup returns."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
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
    return TextAnchor("doc", 1, "hash", "thash", TextQuoteSelector(f"citaat {i}", "voor", "na"),
                      TextPositionSelector(i, i + 9))


def fill(store: NotesStore, count: int, label: str) -> list[str]:
    return [store.add_highlight(anchor(i), note=f"{label} {i} " + "x" * 400).id
            for i in range(count)]


def profile(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "data" / "notes.sqlite3", tmp_path / "data" / "backups"


def saved_then_damaged(tmp_path: Path) -> tuple[Path, Path, list[str], list[str]]:
    """A profile with a backup holding ``kept`` and later notes ``after`` not backed up."""
    db, backups = profile(tmp_path)
    with open_store(db, backups) as store:
        kept = fill(store, 60, "bewaard")
        store.update_action(TARGET, stance="Steunen", note="in de backup")
        store.backup_now()
        after = fill(store, 3, "later")
    return db, backups, kept, after


def aside(db: Path) -> list[Path]:
    return sorted(p for p in db.parent.iterdir() if ".damaged-" in p.name)


def test_garbage_file_is_moved_aside_and_backup_restored(tmp_path: Path) -> None:
    db, backups, kept, after = saved_then_damaged(tmp_path)
    garbage = os.urandom(16384)
    db.write_bytes(garbage)
    with open_store(db, backups) as store:
        assert store.report.kinds()[:2] == ["moved_aside", "restored"]
        assert "damaged" in store.report.message and "restored from the backup" in \
            store.report.message
        ids = {h.id for h in store.highlights()}
        assert ids == set(kept)  # the backup's notes; the later three were only in the bad file
        note = store.action_annotation("doc", "actie-een")
        assert note is not None and note.note == "in de backup"
        assert store.integrity_problem() is None
        assert not set(after) & ids
    [moved] = aside(db)
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
    db, backups, kept, _after = saved_then_damaged(tmp_path)
    newest = list_backups(backups)[0]
    with open_store(db, backups) as store:
        later = store.backup_now()
    later.write_bytes(os.urandom(4096))
    assert list_backups(backups)[0].path == later
    db.write_bytes(os.urandom(4096))
    with open_store(db, backups) as store:
        restored = store.report.events[1]
        assert restored.kind == "restored" and restored.paths == (str(newest.path),)
        assert {h.id for h in store.highlights()} == set(kept)


def test_backups_rotate_and_respect_the_interval(tmp_path: Path) -> None:
    db, backups = profile(tmp_path)
    start = dt.datetime(2025, 7, 15, 9, 0, tzinfo=dt.UTC)
    with open_store(db, backups, backup_keep=3, now=start) as store:
        taken = [store.maybe_backup(now=start + dt.timedelta(minutes=m))
                 for m in (10, 61, 90, 125, 190, 260)]
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
