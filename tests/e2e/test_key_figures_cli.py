"""``notes highlight --key-figure``: the real program in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

LETTER = "kst-32824-456"
QUOTE = "De NCTV stelt het dreigingsniveau voor een terroristische aanslag"


def test_cli_marks_a_key_figure(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefing_reader",
            "--data-dir",
            str(data),
            "notes",
            "highlight",
            LETTER,
            "--quote",
            QUOTE,
            "--key-figure",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "briefing_reader", "--data-dir", str(data), "notes", "list"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "kerncijfer" in listed.stdout
