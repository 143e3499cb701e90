"""``briefing-reader commitments`` and ``actions``: the real program in a subprocess."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from briefing_reader import paths
from briefing_reader.core.commitments import (
    DUE_CLOSED,
    DUE_LATE,
    DUE_UNDATED,
    extract_commitments,
)
from briefing_reader.core.content import Document
from briefing_reader.session import open_library
from tests.e2e.program import cli

LETTER_ID = "kst-32824-456"


@pytest.fixture(scope="module")
def letter(tmp_path_factory: pytest.TempPathFactory) -> Document:
    doc = open_library(paths.resolve(tmp_path_factory.mktemp("data"))).get(LETTER_ID)
    assert doc is not None
    return doc


def run_cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return cli(data, *args)


def test_cli_commitments_json(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "commitments", "--json", "--today", "2025-10-01")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["today"] == "2025-10-01"
    first = data["commitments"][0]
    for key in (
        "id",
        "doc",
        "anchor",
        "section_path",
        "sentence",
        "phrase",
        "earliest",
        "latest",
        "to_kamer",
        "status",
        "due",
    ):
        assert key in first
    assert (first["anchor"], first["latest"], first["status"], first["due"]) == (
        "p-96",
        "2025-06-30",
        "Openstaand",
        DUE_LATE,
    )
    assert any(c["latest"] is None and c["due"] == DUE_UNDATED for c in data["commitments"])
    assert not (tmp_path / "notes.sqlite3").exists()  # reading never creates the notes file


def test_cli_commitments_overdue_and_readable(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "commitments", "--json", "--overdue", "--today", "2025-10-01")
    overdue = json.loads(result.stdout)["commitments"]
    assert [c["phrase"] for c in overdue] == [
        "in de eerste helft van 2025",
        "begin Q3",
        "Voor het eind van de zomer",
        "Q3",
        "in het derde kwartaal van 2025",
    ]
    text = run_cli(tmp_path, "commitments", "--today", "2025-10-01", "--kamer")
    assert text.returncode == 0
    assert "te laat" in text.stdout and "[Kamer]" in text.stdout
    assert "in het derde kwartaal van 2025" in text.stdout


def test_cli_rejects_a_bad_date(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "commitments", "--today", "2025-13-01")
    assert result.returncode == 2
    assert "not a date" in result.stderr


def test_cli_actions(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "actions", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    row = next(r for r in data if r["id"] == "actie-problematisch-gedrag")
    assert row["deadlines"][1]["phrase"] == "in het eerste kwartaal van 2026"
    assert (row["stance"], row["has_note"], row["question_count"]) == (None, False, 0)
    text = run_cli(tmp_path, "actions")
    assert "actie-asielzoekers-eerste-verkenning" in text.stdout
    assert "organisaties: ABU, AWVN, COA" in text.stdout


def test_cli_reads_statuses_and_stances_from_the_notes_store(
    tmp_path: Path, letter: Document
) -> None:
    notes = pytest.importorskip("briefing_reader.core.notes")
    run_paths = paths.resolve(tmp_path)
    peiling = next(c for c in extract_commitments(letter) if c.anchor == "p-96" and c.dated)
    with notes.open_store(run_paths.notes_db, run_paths.backups) as store:
        store.set_commitment_status(peiling.id, "Voldaan", "Peiling gepubliceerd")
        store.update_action(
            notes.action_target(letter, "actie-startbanen"),
            stance="Kritisch",
            note="Navragen",
            questions=["Hoeveel?"],
        )
    data = json.loads(run_cli(tmp_path, "commitments", "--json", "--today", "2025-10-01").stdout)
    item = next(c for c in data["commitments"] if c["id"] == peiling.id)
    assert (item["status"], item["status_note"], item["due"]) == (
        "Voldaan",
        "Peiling gepubliceerd",
        DUE_CLOSED,
    )
    overdue = json.loads(
        run_cli(tmp_path, "commitments", "--json", "--overdue", "--today", "2025-10-01").stdout
    )["commitments"]
    assert len(overdue) == 4
    rows = json.loads(run_cli(tmp_path, "actions", "--json").stdout)
    row = next(r for r in rows if r["id"] == "actie-startbanen")
    assert (row["stance"], row["has_note"], row["question_count"]) == ("Kritisch", True, 1)
