"""Features over a library of hundreds of letters parse only the letters they concern.

A library of 300 small generated letters (some citing the bundled letter,
each with a dated promise) is catalogued once; then every load of a
document (a parse, or a read of the parsed-document cache) is recorded
while the register, the timeline, "cited by", the pack's action lookup and
the notes export run. None of them may load a letter it does not concern.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefing_reader import paths
from briefing_reader.cli import main
from briefing_reader.core.commitments import build_register, library_commitments
from briefing_reader.core.commitments.scope import (
    RECENT_LETTERS,
    scope_documents,
    timeline_scope,
)
from briefing_reader.core.content.library import Library
from briefing_reader.printing.request import resolve_actions
from briefing_reader.session import open_library

LETTERS = 300
CITING_EVERY = 50
LETTER_ID = "kst-32824-456"
ACTION = "actie-startbanen"
START = dt.date(2025, 8, 1)  # after the bundled letter


def letter(n: int) -> str:
    cites = "Zoals gemeld in Kamerstuk 32 824, nr. 456 gaat dit door. " if n % 50 == 0 else ""
    return f"""---
id: gen-{n:03d}
kind: imported
title: Brief {n}
date: {START + dt.timedelta(days=n)}
---

# Brief {n}

{cites}Ik informeer uw Kamer voor 1 juli 2027 over onderwerp {n}.

Het kabinet werkt verder aan de uitvoering van plan {n}.
"""


@pytest.fixture
def run() -> paths.Paths:
    run = paths.resolve()
    run.imported_documents.mkdir(parents=True, exist_ok=True)
    for n in range(LETTERS):
        (run.imported_documents / f"gen-{n:03d}.md").write_text(letter(n), encoding="utf-8")
    library = open_library(run)  # catalogued once, as an import does
    assert len(library) == LETTERS + 4 and not library.errors
    return run


def generated(loaded: list[str]) -> set[str]:
    return {stem for stem in loaded if stem.startswith("gen-")}


def test_the_register_loads_only_letters_with_actions(run: paths.Paths, loads: list[str]) -> None:
    library = open_library(run)
    rows = build_register(library)
    assert {row.doc for row in rows} == {LETTER_ID}
    assert set(loads) <= {LETTER_ID, "begrippen"}


def test_the_timeline_reads_letters_with_actions_or_notes_and_the_most_recent(
    run: paths.Paths, loads: list[str]
) -> None:
    library = open_library(run)
    scope = timeline_scope(library, noted={"gen-007"})
    assert loads == []  # choosing the letters parses none
    newest = {f"gen-{n:03d}" for n in range(LETTERS - RECENT_LETTERS, LETTERS)}
    assert set(scope.documents) == {LETTER_ID, "gen-007"} | newest
    assert scope.letters == LETTERS + 1 and not scope.complete
    found = library_commitments(scope_documents(library, scope), errors=[])
    assert {c.doc for c in found if c.doc.startswith("gen-")} == {"gen-007"} | newest
    assert generated(loads) == {"gen-007"} | newest


def test_a_small_library_is_read_whole(loads: list[str]) -> None:
    library = open_library(paths.resolve())
    scope = timeline_scope(library)
    assert scope.complete and scope.documents == (LETTER_ID,)


def test_cited_by_loads_nothing(run: paths.Paths, loads: list[str]) -> None:
    library = open_library(run)
    meta = library.meta(LETTER_ID)
    assert meta is not None
    citing = {row[0] for row in library.cited_by(meta)}
    assert {f"gen-{n:03d}" for n in range(0, LETTERS, CITING_EVERY)} <= citing
    assert loads == []


def test_cli_citedby_loads_only_the_cited_letter(
    run: paths.Paths, loads: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["citedby", LETTER_ID, "--json"]) == 0
    cited = json.loads(capsys.readouterr().out)["cited_by"]
    assert "gen-050" in {c["doc"] for c in cited}
    assert next(c for c in cited if c["doc"] == "gen-050")["title"] == "Brief 50"
    assert set(loads) == {LETTER_ID}


def test_the_pack_finds_actions_without_loading_a_letter(
    run: paths.Paths, loads: list[str]
) -> None:
    library = open_library(run)
    assert resolve_actions([ACTION, f"{LETTER_ID}#{ACTION}"], library) == (
        (LETTER_ID, ACTION),
        (LETTER_ID, ACTION),
    )
    assert library.action_documents() == [LETTER_ID]
    assert loads == []


def test_the_notes_export_loads_only_the_letters_with_notes(
    run: paths.Paths, loads: list[str]
) -> None:
    from briefing_reader.core.notes import action_target, open_store
    from briefing_reader.core.notes.markdown_export import export_markdown

    library = open_library(run)
    letter_doc = library.get(LETTER_ID)
    assert letter_doc is not None
    with open_store(run.notes_db, run.backups) as store:
        store.update_action(action_target(letter_doc, ACTION), stance="Kritisch", note="Navragen")
        loads.clear()
        text = export_markdown(store, open_library(run))
    assert "Navragen" in text
    assert set(loads) == {LETTER_ID}


def test_the_catalogue_and_memory_agree_on_action_holders_and_citations(
    run: paths.Paths,
) -> None:
    library = open_library(run)
    memory = Library()
    for doc_id in library.documents:
        doc = library.get(doc_id)
        assert doc is not None
        memory.documents[doc_id] = doc
    assert library.action_documents() == memory.action_documents()
    assert library.action_documents(ACTION) == memory.action_documents(ACTION) == [LETTER_ID]
    meta = library.meta(LETTER_ID)
    assert meta is not None
    assert library.cited_by(meta) == memory.cited_by(meta)


def test_importing_one_letter_loads_none_of_the_others(
    run: paths.Paths, loads: list[str], tmp_path: Path
) -> None:
    from briefing_reader.core.importing.library import import_files

    library = open_library(run)
    new = tmp_path / "nieuw.md"
    new.write_text(letter(LETTERS).replace(f"gen-{LETTERS:03d}", "nieuw"), encoding="utf-8")
    report = import_files(run, [new], library=library)
    assert [r.doc_id for r in report.results] == ["nieuw"]
    assert generated(loads) == set()
