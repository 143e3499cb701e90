"""New files of a bulk import are flushed per batch; a batch cut off before
its flush (a power cut) is repaired at the next start: torn files set aside,
never deleted, good ones kept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing_reader import paths
from briefing_reader.core.importing import import_files
from briefing_reader.core.importing.storage import JOURNAL, Batch, repair_interrupted
from briefing_reader.session import open_library


@pytest.fixture
def run() -> paths.Paths:
    return paths.resolve()  # the test's own data dir (conftest)


GOOD = "---\nid: goed\nkind: kamerbrief\ntitle: Goed\n---\n\nDe kwartiermaker schrijft.\n"


def test_a_batch_writes_a_journal_until_it_is_flushed(tmp_path: Path) -> None:
    batch = Batch(tmp_path / "documents")
    batch.before_write()
    assert (tmp_path / "documents" / JOURNAL).exists()
    batch.written()
    batch.flush()
    assert not (tmp_path / "documents" / JOURNAL).exists()


def test_torn_files_of_a_cut_off_batch_are_set_aside_at_the_next_start(
    run: paths.Paths,
) -> None:
    folder = run.imported_documents
    folder.mkdir(parents=True)
    older = folder / "ouder.md"
    older.write_text(GOOD.replace("goed", "ouder"), encoding="utf-8")
    os.utime(older, ns=(1, 1))  # before the batch: never looked at
    Batch(folder).before_write()
    (folder / "goed.md").write_text(GOOD, encoding="utf-8")
    (folder / "leeg.md").write_bytes(b"")  # what a power cut leaves of a new file
    (folder / "half.md").write_bytes(b"---\nid: half\ntitle: [")
    library = open_library(run)  # the start repairs first
    assert sorted(p.name for p in (folder / ".damaged").iterdir()) == ["half.md", "leeg.md"]
    assert not (folder / JOURNAL).exists()
    assert library.get("goed") is not None and library.get("ouder") is not None
    assert not library.errors
    assert repair_interrupted(folder) == []  # nothing more to do


def test_a_start_while_another_import_runs_leaves_its_batch_alone(run: paths.Paths) -> None:
    # The window's index worker opens the library while a command-line
    # `import DIR` is mid-batch: that batch is not cut off, only unflushed.
    from briefing_reader.core.importing.library import import_lock

    folder = run.imported_documents
    folder.mkdir(parents=True)
    with import_lock(run) as locked:  # the other import (its own lock file handle)
        assert locked
        Batch(folder).before_write()
        (folder / "half.md").write_bytes(b"---\nid: half\ntitle: [")  # still being written
        open_library(run)
        assert (folder / JOURNAL).exists() and (folder / "half.md").exists()
        assert not (folder / ".damaged").exists()
    open_library(run)  # the import is gone and its batch was never flushed: repaired
    assert not (folder / JOURNAL).exists()
    assert [p.name for p in (folder / ".damaged").iterdir()] == ["half.md"]


def test_an_import_leaves_no_journal_and_its_files_load(run: paths.Paths, tmp_path: Path) -> None:
    files = []
    for n in range(Batch.SIZE + 5):  # one full batch and a part
        path = tmp_path / f"brief-{n}.txt"
        path.write_text(
            f"Nr. {n + 1} BRIEF VAN DE MINISTER OVER ONDERWERP {n}\n\nDe kwartiermaker{n}.\n",
            encoding="utf-8",
        )
        files.append(path)
    report = import_files(run, files)
    assert len(report.imported) == Batch.SIZE + 5
    assert not (run.imported_documents / JOURNAL).exists()
    assert len(open_library(run)) >= Batch.SIZE + 5
