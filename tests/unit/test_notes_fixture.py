"""A notes store written before the status words were enums opens and works.

``data/notes-schema3.sqlite3`` was made by ``data/make_notes_fixture.py``
with the code of commit f348eca. The enums (AnchorStatus, Review, NoteKind,
Priority, CommitmentState) must read its plain words and write the same
plain words back, so a member's existing notes keep loading.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from briefing_reader.core.commitments.status import CommitmentState
from briefing_reader.core.content import Library
from briefing_reader.core.notes import (
    AnchorStatus,
    NoteKind,
    NotesStore,
    Priority,
    Review,
    open_store,
    reanchor_library,
)
from briefing_reader.core.notes.exchange import export_jsonld

DATA = Path(__file__).parent / "data"
WORDS = {
    "anchor_status": {s.value for s in AnchorStatus},
    "outcome": {s.value for s in AnchorStatus},
    "review": {r.value for r in Review},
    "kind": {k.value for k in NoteKind},
}


@pytest.fixture(scope="module")
def maker() -> ModuleType:
    sys.path.insert(0, str(DATA))
    try:
        import make_notes_fixture
    finally:
        sys.path.remove(str(DATA))
    return make_notes_fixture


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return Path(shutil.copy(DATA / "notes-schema3.sqlite3", tmp_path / "notes.sqlite3"))


@pytest.fixture
def store(db_path: Path, tmp_path: Path) -> Iterator[NotesStore]:
    with open_store(db_path, tmp_path / "backups") as opened:
        yield opened


def stored_words(db_path: Path) -> dict[str, set[tuple[str, str]]]:
    """(SQLite type, value) of every status-like column, as the file holds them."""
    found: dict[str, set[tuple[str, str]]] = {name: set() for name in WORDS}
    with sqlite3.connect(db_path) as conn:
        for table in ("action_notes", "highlights", "bookmarks"):
            found["anchor_status"] |= set(
                conn.execute(f"SELECT typeof(anchor_status), anchor_status FROM {table}")
            )
        for column in ("outcome", "review", "kind"):
            found[column] |= set(
                conn.execute(f"SELECT typeof({column}), {column} FROM anchor_events")
            )
    return found


def test_old_store_reads_into_the_enums(store: NotesStore) -> None:
    assert store.report.message == ""
    statuses = sorted(h.anchor_status for h in store.highlights())
    assert statuses == [AnchorStatus.FUZZY, AnchorStatus.MOVED, AnchorStatus.ORPHANED]
    [item] = store.reviews.open_items()
    assert item.outcome == AnchorStatus.FUZZY and item.kind == NoteKind.HIGHLIGHT
    assert item.event.review == Review.OPEN and item.label == "vraag"
    [note] = store.action_annotations()
    assert note.priority == Priority.HIGH and note.stance == "Kritisch"
    assert store.commitment_statuses()["toezegging-1"].status == CommitmentState.PARTLY_MET
    [bookmark] = store.bookmarks()
    assert bookmark.anchor_status == AnchorStatus.MOVED


def test_old_store_takes_decisions_and_keeps_plain_words(
    store: NotesStore, db_path: Path, maker: ModuleType, tmp_path: Path
) -> None:
    [item] = store.reviews.open_items()
    store.reviews.accept(item.item_id)
    highlight = store.highlight(item.item_id)
    assert highlight is not None and highlight.anchor_status == AnchorStatus.EXACT
    store.set_commitment_status("toezegging-2", CommitmentState.MET)
    v4 = maker.letter(
        maker.NEW_PARAGRAPH,
        (maker.HANDHAVEN, maker.REWORDED),
        (maker.ROUTE, ""),
        ("Nieuw.", "Nieuw en anders."),
        version=4,
    )
    report = reanchor_library(store, Library(documents={v4.id: v4}), tmp_path / "versions")
    assert report.documents == [v4.id]
    assert report.outcomes == {"moved": 3, "exact": 1, "orphaned": 1}  # the orphan stays one
    assert store.reviews.open_items() == []  # it was dismissed: it stays off the list
    assert json.loads(json.dumps(report.to_json()))["outcomes"] == report.outcomes
    exported = json.dumps(export_jsonld(store))
    assert "AnchorStatus" not in exported and "NoteKind" not in exported
    store.close()

    found = stored_words(db_path)
    for column, words in WORDS.items():
        assert {kind for kind, _ in found[column]} == {"text"}, column
        assert {value for _, value in found[column]} <= words, column
    assert ("text", "accepted") in found["review"]
    with sqlite3.connect(db_path) as conn:
        rows = set(conn.execute("SELECT typeof(status), status FROM commitment_statuses"))
    assert rows == {("text", "Deels voldaan"), ("text", "Voldaan")}
