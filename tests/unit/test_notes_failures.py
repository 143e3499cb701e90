"""Read-only data folder, full disk: clear errors, nothing saved is lost, the edit comes back."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from briefing_reader.core.notes import (
    ActionTarget,
    NotesCorruptError,
    NotesDiskFullError,
    NotesReadOnlyError,
    PendingEdit,
    open_store,
)
from briefing_reader.core.notes.model import TextAnchor, TextPositionSelector, TextQuoteSelector

LETTER = "kst-32824-456"
TARGET = ActionTarget(LETTER, "actie-taaleis-in-de-bijstand", 2, "hash", "Taaleis", "tekst")
ANCHOR = TextAnchor(
    LETTER,
    2,
    "hash",
    "thash",
    TextQuoteSelector("Taal speelt daarbij"),
    TextPositionSelector(2990, 3009),
)


def _writable(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.write_bytes(b"")
    except OSError:
        return False
    probe.unlink()
    return True


@contextmanager
def read_only(folder: Path) -> Iterator[str]:
    """Make ``folder`` and everything in it unwritable, also for root.

    chmod does not stop root (tests run as root in CI), so as root the
    immutable attribute is set instead: it stops root too, on ext4, xfs,
    btrfs and tmpfs. The probe below proves the folder really is read-only.
    """
    entries = [folder, *sorted(folder.rglob("*"), reverse=True)]
    undo: Callable[[], None]
    if os.geteuid() == 0:
        method = "chattr +i"
        done = subprocess.run(
            ["chattr", "+i", *map(str, entries)], capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            subprocess.run(["chattr", "-i", *map(str, entries)], capture_output=True, check=False)
            pytest.fail(
                f"running as root and 'chattr +i' failed ({done.stderr.strip()}); "
                "cannot make a folder read-only for root here"
            )

        def undo() -> None:
            subprocess.run(["chattr", "-i", *map(str, entries)], check=True)
    else:
        method = "chmod a-w"
        modes = {path: path.stat().st_mode for path in entries}
        for path in entries:
            path.chmod(modes[path] & ~0o222)

        def undo() -> None:
            for path in reversed(entries):
                path.chmod(modes[path])

    try:
        assert not _writable(folder), f"{method} did not make {folder} read-only"
        yield method
    finally:
        undo()
    assert _writable(folder)


def _saved_profile(data: Path) -> tuple[Path, str, str]:
    db = data / "notes.sqlite3"
    with open_store(db, data / "backups") as store:
        note = store.update_action(TARGET, stance="Kritisch", note="bewaard")
        highlight = store.add_highlight(ANCHOR, note="ook bewaard")
    return db, note.id, highlight.id


def test_read_only_folder_shows_notes_and_refuses_writes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db, note_id, highlight_id = _saved_profile(data)
    before = db.read_bytes()
    with read_only(data), open_store(db, data / "backups") as store:
        assert store.read_only and store.report.read_only
        assert "cannot be written" in store.report.message
        saved = store.action_annotation(LETTER, TARGET.action_id)
        assert saved is not None and (saved.id, saved.note) == (note_id, "bewaard")
        assert [h.id for h in store.highlights()] == [highlight_id]
        with pytest.raises(NotesReadOnlyError) as caught:
            store.update_action(TARGET, note="onbewaard")
        assert caught.value.path == db and "read-only" in str(caught.value)
        assert caught.value.pending == PendingEdit("update_action", TARGET, {"note": "onbewaard"})
        with pytest.raises(NotesReadOnlyError):
            store.delete(highlight_id)
    assert db.read_bytes() == before
    with open_store(db, data / "backups") as store:  # writable again: retry the edit
        retried = store.update_action(TARGET, **caught.value.pending.changes)  # type: ignore[union-attr]
        assert (retried.id, retried.note, retried.stance) == (note_id, "onbewaard", "Kritisch")


def test_damaged_database_in_a_read_only_folder_is_left_alone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db, _note_id, _highlight_id = _saved_profile(data)
    garbage = os.urandom(8192)
    db.write_bytes(garbage)
    with read_only(data), pytest.raises(NotesCorruptError, match="cannot be repaired"):
        open_store(db, data / "backups")
    assert db.read_bytes() == garbage
    assert sorted(p.name for p in data.iterdir()) == [
        "backups",
        "notes.sqlite3",
        "notes.sqlite3-commits",
        "notes.sqlite3.lock",
    ]


def _page_count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("PRAGMA page_count").fetchone()[0])
    finally:
        conn.close()


def test_full_database_keeps_saved_notes_and_returns_the_edit(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db, note_id, highlight_id = _saved_profile(data)
    big = "Een lange notitie. " * 3000
    with open_store(db, data / "backups", max_pages=_page_count(db) + 1) as store:
        with pytest.raises(NotesDiskFullError) as caught:
            store.update_action(TARGET, note=big, questions=["Nog een vraag?"])
        error = caught.value
        assert error.path == db and "disk is full" in error.reason
        assert "was not saved" in error.reason
        assert isinstance(error.pending, PendingEdit)
        assert error.pending.changes == {"note": big, "questions": ["Nog een vraag?"]}
        with pytest.raises(NotesDiskFullError) as second:
            store.add_highlight(ANCHOR, note=big)
        assert second.value.pending.target == ANCHOR  # type: ignore[union-attr]
        kept = store.action_annotation(LETTER, TARGET.action_id)
        assert kept is not None and (kept.note, kept.questions) == ("bewaard", ())
        assert [h.id for h in store.highlights()] == [highlight_id]
        assert store.integrity_problem() is None
    with open_store(db, data / "backups") as store:  # space again: the edit can be retried
        retried = store.update_action(TARGET, **error.pending.changes)
        assert (retried.id, retried.note) == (note_id, big)
