"""SIGKILL of the real program while it writes notes."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.unit.test_notes_crash import _present

CLI_TRIALS = 12


def test_sigkill_during_the_real_cli(tmp_path: Path) -> None:
    data = tmp_path / "data"
    rng = random.Random(456)
    confirmed: list[str] = []
    killed = 0
    duration = 0.0
    for trial in range(CLI_TRIALS):
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "briefing_reader",
                "--data-dir",
                str(data),
                "notes",
                "highlight",
                "kst-32824-456",
                "--quote",
                "Taal speelt daarbij een belangrijke rol.",
                "--note",
                f"poging {trial}",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        started = time.monotonic()
        # The first two runs complete: a database to check, and how long a warm run takes.
        try:
            proc.wait(timeout=rng.uniform(0.2, 1.2) * duration if trial > 1 else 60)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
        if trial == 1:
            duration = time.monotonic() - started
        out, err = proc.communicate(timeout=30)
        assert proc.returncode in (0, -signal.SIGKILL), err
        killed += proc.returncode == -signal.SIGKILL
        confirmed += out.split()
        check, highlights, _bookmarks, _questions = _present(data / "notes.sqlite3")
        assert check == "ok", f"trial {trial}: {check}"
        assert set(confirmed) <= highlights, f"trial {trial}: lost a confirmed highlight"
    assert confirmed and killed, (confirmed, killed)
