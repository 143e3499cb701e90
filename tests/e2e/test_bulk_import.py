"""``import DIR``: a folder recursively, a progress line, a summary; a kill -9
in the middle leaves a library the next run repairs, notes untouched."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

Runner = Callable[..., subprocess.CompletedProcess[str]]

LETTER = "kst-32824-456"


def write_letters(folder: Path, count: int) -> None:
    for n in range(count):
        sub = folder / f"jaar-{n % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"brief-{n:03d}.txt").write_text(
            "Tweede Kamer der Staten-Generaal\n\n"
            f"36 {100 + n % 4} Dossier {n % 4}\n\n"
            f"Nr. {n + 1} BRIEF VAN DE MINISTER OVER ONDERWERP {n}\n\n"
            f"Den Haag, {n % 27 + 1} maart 2025\n\n"
            f"De kwartiermaker{n} bericht over de inburgering en de taaleis.\n",
            encoding="utf-8",
        )


def test_a_folder_is_imported_with_progress_and_a_summary(run: Runner, tmp_path: Path) -> None:
    letters = tmp_path / "brieven"
    write_letters(letters, 6)
    (letters / "jaar-0" / "scan.pdf").write_bytes(b"%PDF-1.4 nothing")
    (letters / ".verborgen").mkdir()
    (letters / ".verborgen" / "x.txt").write_text("niet dit", encoding="utf-8")
    result = run("import", str(letters), check=False)
    assert result.returncode == 1  # one file refused
    assert "imported 6, replaced 0, unchanged 0, refused 1" in result.stdout
    assert "scan.pdf" in result.stdout
    assert "[7/7]" in result.stderr and "left)" in result.stderr
    assert "indexing [" in result.stderr
    write_letters(letters, 7)  # one more: something to index
    dutch = run("import", str(letters), check=False, env_extra={"BRIEFING_READER_LANGUAGE": "nl"})
    assert "geïmporteerd 1, vervangen 0, ongewijzigd 6, geweigerd 1" in dutch.stdout
    assert re.search(r"^\[8/8\] brief-005\.txt \(nog \d+ s\)$", dutch.stderr, re.MULTILINE)
    assert "zoekindex bijwerken [" in dutch.stderr
    assert "left" not in dutch.stderr and "indexing" not in dutch.stderr
    hits = json.loads(run("search", "kwartiermaker4", "--json").stdout)["hits"]
    assert [h["doc"] for h in hits] and "kwartiermaker4" in hits[0]["snippet"]


def test_kill_9_during_a_bulk_import_is_repaired_by_the_next_run(
    run: Runner, program: list[str], tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    run(
        "notes",
        "highlight",
        LETTER,
        "--quote",
        "Taal speelt daarbij een belangrijke rol.",
        "--note",
        "blijft",
    )
    letters = tmp_path / "brieven"
    write_letters(letters, 150)
    env = {**os.environ, "BRIEFING_READER_DATA_DIR": str(profile)}
    proc = subprocess.Popen(
        [*program, "import", str(letters)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    stored = profile / "documents"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if stored.is_dir() and len(list(stored.glob("*.md"))) >= 20:
            break
        time.sleep(0.05)  # polling a real subprocess, not waiting for a result
    assert proc.poll() is None, "the import ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    before = len(list(stored.glob("*.md")))
    assert 20 <= before < 150
    docs = json.loads(run("docs", "--json").stdout)  # the catalogue catches up
    assert len(docs) == before + 4
    assert not (stored / ".import-batch").exists()  # the cut-off batch was looked at
    result = run("import", str(letters), timeout=300)
    assert f"imported {150 - before}, replaced 0, unchanged {before}, refused 0" in result.stdout
    assert len(json.loads(run("docs", "--json").stdout)) == 154
    for n in (0, 149):
        hits = json.loads(run("search", f"kwartiermaker{n}", "--json").stdout)["hits"]
        assert len(hits) == 1
    notes = run("notes", "list", "--json").stdout
    assert "blijft" in notes


def index_agrees_with_catalogue(profile: Path) -> bool:
    from briefing_reader import paths
    from briefing_reader.core.search import SearchIndex
    from briefing_reader.session import open_library

    run_paths = paths.resolve(profile)
    with SearchIndex(run_paths.search_index) as index:
        return index.is_current(open_library(run_paths))


def test_kill_9_while_indexing_is_completed_by_the_next_run(
    run: Runner, program: list[str], tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    run("notes", "highlight", LETTER, "--quote", "Taal speelt daarbij een belangrijke rol.")
    letters = tmp_path / "brieven"
    write_letters(letters, 700)  # three commits of 250
    env = {**os.environ, "BRIEFING_READER_DATA_DIR": str(profile)}
    proc = subprocess.Popen(
        [*program, "import", str(letters)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    index = profile / "cache" / "search-index"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if list(index.glob("*.toc")):  # the first batch is committed: indexing goes on
            break
        time.sleep(0.02)  # polling a real subprocess, not waiting for a result
    assert proc.poll() is None, "the import ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert len(list((profile / "documents").glob("*.md"))) == 700  # all stored
    assert not index_agrees_with_catalogue(profile)  # half-built
    docs = json.loads(run("docs", "--json").stdout)
    assert len(docs) == 704
    for n in (0, 699):  # the search completes the index and finds both ends
        hits = json.loads(run("search", f"kwartiermaker{n}", "--json", timeout=300).stdout)
        assert len(hits["hits"]) == 1
    assert index_agrees_with_catalogue(profile)
    assert "belangrijke rol" in run("notes", "list", "--json").stdout


def test_a_corrupt_index_is_rebuilt(run: Runner, tmp_path: Path) -> None:
    letters = tmp_path / "brieven"
    write_letters(letters, 5)
    run("import", str(letters))
    index = tmp_path / "profile" / "cache" / "search-index"
    segments = [p for p in index.iterdir() if p.suffix in (".col", ".trm", ".pst", ".toc")]
    assert segments
    for path in segments:  # garbage over every segment file
        path.write_bytes(os.urandom(path.stat().st_size or 64))
    hits = json.loads(run("search", "kwartiermaker3", "--json").stdout)["hits"]
    assert len(hits) == 1
    assert index_agrees_with_catalogue(tmp_path / "profile")


def test_the_summary_of_a_folder_import_is_in_dutch(run: Runner, tmp_path: Path) -> None:
    letters = tmp_path / "brieven"
    write_letters(letters, 2)
    (letters / "kapot.md").write_text(
        "---\nid: kapot\nkind: letter\ntitle: Kapot\nvolgnummer: zeven\n---\n\nTekst.\n",
        encoding="utf-8",
    )
    result = run("import", str(letters), check=False, env_extra={"BRIEFING_READER_LANGUAGE": "nl"})
    assert result.returncode == 1
    assert "geïmporteerd 2, vervangen 0, ongewijzigd 0, geweigerd 1" in result.stdout
    why = "kan niet worden getoond: 'volgnummer' moet een geheel getal van 0 tot 999.999.999"
    assert f"geweigerd 1: {why} zijn (bijv. kapot.md)" in result.stdout
    assert "imported 2" not in result.stdout and "must be" not in result.stdout
