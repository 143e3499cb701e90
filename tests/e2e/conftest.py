"""Run the real program as a subprocess, with its own data dir, offscreen."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

Runner = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def program() -> list[str]:
    """The installed console script if there is one, else ``python -m``."""
    script = shutil.which("briefing-reader", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "briefing_reader"]


@pytest.fixture
def run(tmp_path: Path, program: list[str]) -> Runner:
    def _run(
        *args: str, timeout: float = 60, check: bool = True, env_extra: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "BRIEFING_READER_DATA_DIR": str(tmp_path / "profile"),
            **(env_extra or {}),
        }
        result = subprocess.run(
            [*program, *args], capture_output=True, text=True, env=env, timeout=timeout, check=False
        )
        if check:
            assert result.returncode == 0, result.stderr
        return result

    return _run
