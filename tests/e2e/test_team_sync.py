"""A team folder through a real sync engine (issue 16): two profiles, each with
its own local folder, kept in step through a real WebDAV server (wsgidav on
127.0.0.1) by ``rclone bisync``; the program is run as a user runs it.

Needs ``wsgidav`` (PyPI, a test dependency) and ``rclone`` (Debian); both are
started here and stopped after. Skipped, saying which, when one is missing.
"""

from __future__ import annotations

import json
import os
import selectors
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

LETTER = "kst-32824-456"
WSGIDAV = shutil.which("wsgidav", path=str(Path(sys.executable).parent)) or shutil.which("wsgidav")
RCLONE = shutil.which("rclone")
pytestmark = pytest.mark.skipif(
    WSGIDAV is None or RCLONE is None,
    reason="needs wsgidav (pip install wsgidav) and rclone (apt-get install rclone)",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_line(process: subprocess.Popen[bytes], text: str, seconds: float) -> None:
    """Read the server's log until ``text`` appears (it is listening then)."""
    assert process.stdout is not None
    deadline = time.monotonic() + seconds
    seen = b""
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while text.encode() not in seen and time.monotonic() < deadline:
            if not selector.select(deadline - time.monotonic()):
                break
            chunk = os.read(process.stdout.fileno(), 4096)
            if not chunk:
                break
            seen += chunk
    if text.encode() not in seen:
        raise AssertionError(
            f"wsgidav did not start (no '{text}' in its log):\n{seen.decode(errors='replace')}"
        )


@pytest.fixture
def webdav(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "server"
    root.mkdir()
    port = free_port()
    assert WSGIDAV is not None
    server = subprocess.Popen(
        [
            WSGIDAV,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--root",
            str(root),
            "--auth",
            "anonymous",
            "--no-config",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        wait_for_line(server, "Serving on", 30)
        # Keep reading its log, so a full pipe never stalls the server.
        assert server.stdout is not None
        drain = threading.Thread(target=server.stdout.read, daemon=True)
        drain.start()
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)
        if server.stdout is not None:
            server.stdout.close()


class Member:
    """One profile with its own data dir and its own synchronised folder."""

    def __init__(self, tmp_path: Path, name: str, url: str) -> None:
        self.data = tmp_path / name / "profile"
        self.folder = tmp_path / name / "gedeeld"
        self.folder.mkdir(parents=True)
        self.work = tmp_path / name / "rclone"
        self.env = {
            **os.environ,
            "RCLONE_CONFIG": str(tmp_path / "rclone.conf"),
            "RCLONE_CONFIG_TEAM_TYPE": "webdav",
            "RCLONE_CONFIG_TEAM_URL": url,
            "RCLONE_CONFIG_TEAM_VENDOR": "owncloud",
            "XDG_CACHE_HOME": str(tmp_path / name / "cache"),
        }
        self.synced = False

    def notes(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "briefing_reader", "--data-dir", str(self.data), "notes", *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def share(self) -> dict[str, Any]:
        """What the window does live: publish and read, as one CLI round."""
        return json.loads(self.notes("sync", "--folder", str(self.folder), "--json"))

    def bisync(self) -> None:
        """The sync engine: rclone bisync between the local folder and the server."""
        args = [
            RCLONE or "rclone",
            "bisync",
            str(self.folder),
            "team:",
            "--workdir",
            str(self.work),
        ]
        if not self.synced:
            args.append("--resync")
        result = subprocess.run(
            args, capture_output=True, text=True, timeout=120, env=self.env, check=False
        )
        assert result.returncode == 0, result.stderr
        self.synced = True

    def listing(self) -> dict[str, Any]:
        return json.loads(self.notes("list", "--json"))


def test_a_note_travels_and_a_conflict_loses_nothing(tmp_path: Path, webdav: str) -> None:
    anna, bart = Member(tmp_path, "anna", webdav), Member(tmp_path, "bart", webdav)
    (tmp_path / "rclone.conf").write_text("", encoding="utf-8")
    anna.notes("author", "Anna")
    bart.notes("author", "Bart")
    anna_note = anna.notes(
        "highlight", LETTER, "--quote", "De NCTV stelt het dreigingsniveau", "--note", "Van Anna"
    ).strip()

    assert anna.share()["published"]
    anna.bisync()
    bart.bisync()
    report = bart.share()
    assert (report["authors"], report["added"]) == (1, 1)
    (seen,) = bart.listing()["highlights"]
    assert (seen["id"], seen["author"], seen["note"]) == (anna_note, "Anna", "Van Anna")
    assert seen["imported_from"] is not None

    # Bart answers; it reaches Anna the same way.
    bart.notes(
        "highlight",
        LETTER,
        "--quote",
        "De onlinewereld speelt een centrale rol",
        "--note",
        "Van Bart",
    )
    bart.share()
    bart.bisync()
    anna.bisync()
    assert anna.share()["added"] == 1

    # A conflict: Anna's file changes on both sides before they meet (her note is
    # edited here, while a copy from her other computer with one more note lands in
    # Bart's folder). rclone keeps both; the notes are merged by id and modified.
    anna_file = Path(anna.share()["published"])
    other = json.loads(anna_file.read_text(encoding="utf-8"))
    extra = json.loads(json.dumps(other["first"]["items"][0]))
    extra["id"] = "urn:uuid:7d1c2c9e-0000-4000-8000-000000000042"
    extra["body"]["value"] = "Van Anna's laptop"
    other["first"]["items"].append(extra)
    other["total"] = 2
    (bart.folder / anna_file.name).write_text(json.dumps(other), encoding="utf-8")
    anna.notes("delete", anna_note)
    anna.notes(
        "highlight",
        LETTER,
        "--quote",
        "De NCTV stelt het dreigingsniveau",
        "--note",
        "Van Anna, herzien",
    )
    anna.share()
    anna.bisync()
    bart.bisync()
    copies = sorted(
        p.name
        for p in bart.folder.iterdir()
        if p.name.startswith(anna_file.name.removesuffix(".jsonld"))
    )
    assert len(copies) >= 2, copies  # rclone kept both sides
    bart.share()
    notes = sorted(h["note"] for h in bart.listing()["highlights"] if h["author"] == "Anna")
    # Nothing doubled, nothing lost: the deleted note is still in the laptop's copy,
    # so it stays until that copy is gone too.
    assert notes == ["Van Anna", "Van Anna's laptop", "Van Anna, herzien"]
