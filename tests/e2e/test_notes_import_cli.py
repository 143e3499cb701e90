"""``briefing-reader notes import`` of a hostile file: the real program in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_the_cli_exits_1_with_the_reason_and_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.jsonld"
    bad.write_text(
        '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", '
        '"id": "http://x.org/1", "motivation": {"o": 1}, "bodyValue": "\\ud800", '
        '"target": "urn:briefing-reader:doc:kst-32824-456"}',
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefing_reader",
            "--data-dir",
            str(tmp_path / "data"),
            "notes",
            "import",
            str(bad),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert str(bad) in result.stderr and "lone surrogate" in result.stderr
    assert "Traceback" not in result.stderr
