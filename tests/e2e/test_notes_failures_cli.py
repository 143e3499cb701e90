"""Notes that cannot be written, through the real program: read-only folder, no
folder, full disk."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_reader.core.notes import NotesReadOnlyError, open_store
from tests.e2e.program import cli
from tests.unit.test_notes_failures import _saved_profile, read_only

LETTER = "kst-32824-456"


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return cli(data, "notes", *args, timeout=60)


def test_read_only_folder_through_the_cli(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db, note_id, highlight_id = _saved_profile(data)
    with read_only(data):
        wrote = _cli(data, "highlight", LETTER, "--quote", "Integreren is meedoen.")
        listed = _cli(data, "list", "--json")
    assert wrote.returncode == 1 and wrote.stdout == ""
    assert str(db) in wrote.stderr and "read-only" in wrote.stderr
    assert listed.returncode == 0, listed.stderr
    shown = json.loads(listed.stdout)
    assert [a["id"] for a in shown["actions"]] == [note_id]
    assert [h["id"] for h in shown["highlights"]] == [highlight_id]


def test_read_only_folder_without_notes_says_so(tmp_path: Path) -> None:
    data = tmp_path / "empty"
    data.mkdir()
    with read_only(data):
        with pytest.raises(NotesReadOnlyError, match="cannot be written") as caught:
            open_store(data / "notes.sqlite3")
        assert caught.value.path == data
        result = _cli(data, "bookmark", f"{LETTER}#s-1-1")
    assert result.returncode == 1 and str(data) in result.stderr


def test_data_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    data = blocker / "data"  # a path under a regular file stops root as well
    with pytest.raises(NotesReadOnlyError, match="cannot be created") as caught:
        open_store(data / "notes.sqlite3")
    assert caught.value.path == data
    result = _cli(data, "set-action", "actie-taaleis-in-de-bijstand", "--note", "x")
    assert result.returncode == 1 and "cannot be created" in result.stderr
    assert str(data) in result.stderr


MOUNT_SCRIPT = """
set -e
mount -t tmpfs -o size=4m tmpfs "$1"
shift
"$@"
"""


def _in_small_filesystem(folder: Path, script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            "unshare",
            "--mount",
            "sh",
            "-c",
            MOUNT_SCRIPT,
            "sh",
            str(folder),
            sys.executable,
            "-c",
            script,
            str(folder),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_really_full_disk_through_the_cli(tmp_path: Path) -> None:
    """A real ENOSPC, on a 4 MB tmpfs in a private mount namespace (root only)."""
    if shutil.which("unshare") is None or os.geteuid() != 0:
        pytest.skip(
            "needs root and unshare to mount a small filesystem; the full-disk path "
            "is covered by test_full_database_keeps_saved_notes_and_returns_the_edit"
        )
    probe = _in_small_filesystem(tmp_path, "pass")
    if probe.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {probe.stderr.strip()}")
    script = """
import json, os, subprocess, sys
data = sys.argv[1]
def cli(*args):
    return subprocess.run([sys.executable, "-m", "briefing_reader", "--data-dir", data,
                           "notes", *args], capture_output=True, text=True)
first = cli("set-action", "actie-taaleis-in-de-bijstand", "--note", "bewaard")
assert first.returncode == 0, first.stderr
filler = os.path.join(data, "filler")
with open(filler, "wb", buffering=0) as handle:
    try:
        while True:
            handle.write(b"x" * 4096)
    except OSError:
        pass
full = cli("set-action", "actie-taaleis-in-de-bijstand", "--note", "y" * 100000)
os.remove(filler)
after = cli("list", "--json")
print(json.dumps([first.stdout.strip(), full.returncode, full.stdout, full.stderr]))
print(after.stdout)
"""
    result = _in_small_filesystem(tmp_path, script)
    assert result.returncode == 0, result.stderr
    first_line, listing = result.stdout.split("\n", 1)
    note_id, code, out, err = json.loads(first_line)
    assert code == 1 and out == ""
    assert "disk is full" in err.lower() and "notes.sqlite3" in err
    shown = json.loads(listing)
    assert [(a["id"], a["note"]) for a in shown["actions"]] == [(note_id, "bewaard")]
