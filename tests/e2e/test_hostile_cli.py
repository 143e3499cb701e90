"""Hostile and concurrent use through the real program in subprocesses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import hostile_files as hostile

from tests.e2e.program import cli
from tests.unit.test_hostile_input import _newer_export

SENTENCE = "Taal speelt daarbij een belangrijke rol."


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return cli(data, *args)


def test_removing_an_import_re_anchors_its_notes_to_the_bundled_letter(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    made = _cli(data, "notes", "highlight", hostile.LETTER_ID, "--quote", SENTENCE)
    assert made.returncode == 0, made.stderr
    newer = _newer_export(tmp_path, drop=SENTENCE)
    imported = _cli(data, "import", str(newer))
    assert imported.returncode == 0, imported.stdout + imported.stderr
    [orphan] = json.loads(_cli(data, "notes", "list", "--json").stdout)["highlights"]
    assert orphan["anchor_status"] == "orphaned"
    removed = _cli(data, "remove", hostile.LETTER_ID)
    assert removed.returncode == 0, removed.stderr
    [home] = json.loads(_cli(data, "notes", "list", "--json").stdout)["highlights"]
    assert home["anchor_status"] == "exact"
    assert home["anchor"]["quote"]["exact"] == SENTENCE
    review = _cli(data, "notes", "review", "--json")
    assert review.returncode == 0 and json.loads(review.stdout) == []


def test_five_concurrent_imports_of_one_file_make_one_document(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    file = tmp_path / "basis-brief.md"
    file.write_text("# Basis brief\n\nEen brief met een zin erin.\n", encoding="utf-8")
    assert _cli(data, "docs").returncode == 0  # a warm cache, so the five start together
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "briefing_reader", "--data-dir", str(data), "import", str(file)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(5)
    ]
    statuses = sorted(run.communicate(timeout=120)[0].split()[0] for run in runs)
    assert statuses == ["imported", "unchanged", "unchanged", "unchanged", "unchanged"]
    stored = sorted(p.name for p in (data / "documents").glob("*.md"))
    assert stored == ["basis-brief.md"]
