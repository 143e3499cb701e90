"""The real program tells the user when saved changes were lost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from briefing_reader.core.notes import open_store
from tests.unit.test_notes_recovery import fill, write_and_die


def test_the_command_line_says_that_saved_changes_were_lost(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db, backups = data / "notes.sqlite3", data / "backups"
    with open_store(db, backups) as store:
        fill(store, 1, "bewaard")
    write_and_die(db, backups, 2)
    db.with_name(db.name + "-wal").unlink()
    env = {k: v for k, v in os.environ.items() if k != "BRIEFING_READER_DATA_DIR"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefing_reader",
            "--data-dir",
            str(data),
            "notes",
            "list",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "2 saved change(s) to your notes are missing from notes.sqlite3" in result.stderr
    assert "notes.sqlite3-wal" in result.stderr and "No backup holds them" in result.stderr
