"""The real program's command line, run as a subprocess on a data dir."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def cli(
    data: Path, *args: str, content: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``briefing-reader --data-dir DATA [--content-dir CONTENT] ARGS``; never raises
    for its exit code (the caller asserts on it)."""
    extra = ["--content-dir", str(content)] if content else []
    return subprocess.run(
        [sys.executable, "-m", "briefing_reader", "--data-dir", str(data), *extra, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
