"""``briefing-reader tables``: the real program in a subprocess."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.e2e.program import cli


def run_cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return cli(data, *args)


def test_cli_tables_check(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "tables", "--check", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["tables_checked"] == 1
    assert [
        (d["column"], d["printed"], d["computed"], d["rounding"]) for d in data["differences"]
    ] == [("2025", "5", "6,3", False), ("2026", "11,6", "10,6", False)]
    text = run_cli(tmp_path, "tables", "--check")
    assert "Totaal / 2025: gedrukt 5, berekend 6,3" in text.stdout
    listing = run_cli(tmp_path, "tables")
    assert "kst-32824-456#tabel-1" in listing.stdout and "3. Financiën" in listing.stdout
