"""The notes store on a real SQLite file: each kind of item, checks, trash, settings."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from briefing_reader import language, paths
from briefing_reader.core.content import Document
from briefing_reader.core.notes import (
    DEFAULT_STANCES,
    SCHEMA_VERSION,
    NotesAnchorError,
    NotesConflictError,
    NotesNotFoundError,
    NotesStore,
    NotesValidationError,
    ReadingPosition,
    action_target,
    anchor_place,
    anchor_quote,
    anchor_range,
    anchors,
    locate,
    open_store,
    reading_position,
)
from briefing_reader.core.notes.db import connect
from briefing_reader.core.notes.model import parse_time
from briefing_reader.session import open_library

LETTER = "kst-32824-456"
ACTION = "actie-taaleis-in-de-bijstand"


@pytest.fixture(scope="module")
def letter(tmp_path_factory: pytest.TempPathFactory) -> Document:
    library = open_library(paths.resolve(tmp_path_factory.mktemp("lib")))
    doc = library.get(LETTER)
    assert doc is not None
    return doc


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[NotesStore]:
    opened = open_store(tmp_path / "notes.sqlite3")
    yield opened
    opened.close()


def behind(store: NotesStore, sql: str, parameters: tuple[str, ...]) -> None:
    """Change the notes file as another program would (an old date, a colleague's row)."""
    with closing(sqlite3.connect(store.path)) as conn, conn:
        conn.execute(sql, parameters)


def _is_uuid(value: str) -> bool:
    return str(uuid.UUID(value)) == value


def test_new_store_has_current_schema_wal_and_full_sync(tmp_path: Path) -> None:
    path = tmp_path / "n.sqlite3"
    with open_store(path) as store:
        assert store.report.warnings == ()
        assert store.stances() == DEFAULT_STANCES
        assert store.author()
        with closing(sqlite3.connect(path)) as other:  # the file as any program reads it
            assert other.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
            assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # Per connection, so asked of the one the store opens: commits durable, writers wait.
    with closing(connect(path)) as conn:
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_action_annotation_create_update_and_partial_change(
    store: NotesStore, letter: Document
) -> None:
    target = action_target(letter, ACTION)
    assert target.title == "Taaleis in de bijstand"
    assert "taaleis" in target.text
    assert store.action_annotation(LETTER, ACTION) is None
    first = store.update_action(
        target,
        stance="Kritisch",
        priority="hoog",
        note="**Let op** de uitvoering",
        questions=["Wanneer?", "Hoe?"],
        tags=["taal", " werk ", "taal", ""],
    )
    assert _is_uuid(first.id)
    assert (first.stance, first.priority, first.tags) == ("Kritisch", "hoog", ("taal", "werk"))
    assert first.questions == ("Wanneer?", "Hoe?")
    assert first.doc_version == letter.meta.version and first.doc_hash == letter.source_hash
    assert first.author == store.author() and first.is_mine
    assert first.created == first.modified and first.created.endswith("Z")
    parse_time(first.created)

    second = store.update_action(target, note="ander")
    assert second.id == first.id
    assert (second.stance, second.priority, second.note) == ("Kritisch", "hoog", "ander")
    assert second.created == first.created and second.modified >= first.modified
    third = store.update_action(target, questions=["Hoe?", "Wanneer?"], stance=None)
    assert third.questions == ("Hoe?", "Wanneer?") and third.stance is None
    assert store.add_question(target, "Waarom?").questions == ("Hoe?", "Wanneer?", "Waarom?")
    assert store.action_annotation(LETTER, ACTION) == store.action_annotations(LETTER)[0]
    assert store.annotated_actions(LETTER) == {ACTION}


def test_action_validation_keeps_saved_value(store: NotesStore, letter: Document) -> None:
    target = action_target(letter, ACTION)
    store.update_action(target, stance="Steunen")
    with pytest.raises(NotesValidationError, match="unknown stance") as caught:
        store.update_action(target, stance="Onbekend", note="kwijt?")
    assert caught.value.pending is not None
    assert caught.value.pending.changes == {"stance": "Onbekend", "note": "kwijt?"}
    with pytest.raises(NotesValidationError, match="priority"):
        store.update_action(target, priority="urgent")
    with pytest.raises(NotesValidationError):
        store.update_action(target, questions="één tekst")  # type: ignore[arg-type]
    saved = store.action_annotation(LETTER, ACTION)
    assert saved is not None and (saved.stance, saved.note) == ("Steunen", "")
    with pytest.raises(NotesAnchorError, match="no action"):
        action_target(letter, "s-1-1")


def test_stance_list_is_editable_and_removed_stance_is_kept(
    store: NotesStore, letter: Document
) -> None:
    target = action_target(letter, ACTION)
    store.update_action(target, stance="Motie overwegen")
    assert store.set_stances(["Voor", " Tegen "]) == ("Voor", "Tegen")
    assert store.stances() == ("Voor", "Tegen")
    # the stored stance stays valid for this annotation even though it left the list
    assert store.update_action(target, note="x").stance == "Motie overwegen"
    assert store.update_action(target, stance="Tegen").stance == "Tegen"
    with pytest.raises(NotesValidationError):
        store.update_action(target, stance="Motie overwegen")
    for bad in ([], ["a", "a"], [""]):
        with pytest.raises(NotesValidationError):
            store.set_stances(bad)


def test_a_refused_stance_list_is_told_in_the_users_language(store: NotesStore) -> None:
    with pytest.raises(NotesValidationError) as twice:
        store.set_stances(["Voor", "Voor"])
    assert twice.value.reason == "the stance 'Voor' is in the list twice"
    assert language.words(twice.value, "nl") == "het standpunt 'Voor' staat twee keer in de lijst"
    with pytest.raises(NotesValidationError) as empty:
        store.set_stances([])
    assert language.words(empty.value, "nl") == "de lijst met standpunten mag niet leeg zijn"
    with pytest.raises(NotesValidationError) as author:
        store.set_author(" ")
    assert language.words(author.value, "nl") == (
        "de naam van de auteur moet 1 tot 200 tekens lang zijn"
    )
    assert store.stances() == DEFAULT_STANCES  # nothing stored changed


def test_author_setting_is_used_for_new_items(store: NotesStore, letter: Document) -> None:
    assert store.set_author("  A. Kamerlid ") == "A. Kamerlid"
    assert store.author() == "A. Kamerlid"
    assert store.update_action(action_target(letter, ACTION), note="n").author == "A. Kamerlid"
    with pytest.raises(NotesValidationError):
        store.set_author("   ")


def test_highlight_crud(store: NotesStore, letter: Document) -> None:
    anchor = anchor_quote(letter, "Taal speelt daarbij een belangrijke rol.")
    assert anchor.position.end - anchor.position.start == len(anchor.quote.exact)
    made = store.add_highlight(anchor, colour="groen")
    assert made.anchor == anchor and made.motivation == "highlighting" and made.note == ""
    assert made.anchor.doc_hash == letter.source_hash
    assert made.anchor.text_hash == anchors.text_hash(letter.plain_text)
    changed = store.update_highlight(made.id, note="Belangrijk", colour="#ff0000", tags=["t"])
    assert (changed.note, changed.colour, changed.tags) == ("Belangrijk", "#ff0000", ("t",))
    assert changed.motivation == "commenting"
    assert store.highlight(made.id) == changed
    assert [h.id for h in store.highlights(LETTER)] == [made.id]
    assert store.highlights("andere-brief") == []
    with pytest.raises(NotesValidationError, match="colour"):
        store.add_highlight(anchor, colour="paars")
    with pytest.raises(NotesNotFoundError):
        store.update_highlight(str(uuid.uuid4()), note="x")


def test_bookmark_crud_and_reorder(store: NotesStore, letter: Document) -> None:
    places = ["s-1-1", "p-29", ACTION]
    made = []
    for place in places:
        anchor, name = anchor_place(letter, place)
        made.append(store.add_bookmark(anchor, name))
    assert made[0].name.startswith("1.1 Recht op zelfbeschikking")
    assert made[1].name == "Verandering van binnenuit"  # the section the paragraph is in
    assert made[2].name == "Taaleis in de bijstand" and made[2].anchor.place == ACTION
    assert [b.order for b in made] == [1, 2, 3]
    renamed = store.rename_bookmark(made[1].id, "Binnenuit")
    assert renamed.name == "Binnenuit" and renamed.anchor == made[1].anchor
    order = store.move_bookmark(made[2].id, 0)
    assert [b.id for b in order] == [made[2].id, made[0].id, made[1].id]
    assert [b.id for b in store.bookmarks()] == [b.id for b in order]
    with pytest.raises(NotesValidationError):
        store.rename_bookmark(made[0].id, "  ")
    with pytest.raises(NotesAnchorError, match="no place") as nowhere:
        anchor_place(letter, "geen-plek")
    assert language.words(nowhere.value, "nl") == (
        f"document '{letter.id}' heeft geen plaats '#geen-plek'"
    )
    with pytest.raises(NotesNotFoundError) as missing:
        store.rename_bookmark("geen-id", "x")
    assert language.words(missing.value, "nl") == "er is geen bladwijzer 'geen-id'"


def test_delete_undo_and_trash(store: NotesStore, letter: Document) -> None:
    highlight = store.add_highlight(anchor_quote(letter, "Taal speelt daarbij"))
    anchor, name = anchor_place(letter, "p-29")
    bookmark = store.add_bookmark(anchor, name)
    action = store.update_action(action_target(letter, ACTION), note="n")
    for item, kind in ((highlight, "highlight"), (bookmark, "bookmark"), (action, "action")):
        gone = store.delete(item.id)
        assert (gone.kind, gone.doc_id) == (kind, LETTER)
    assert store.highlights() == [] and store.bookmarks() == []
    assert store.action_annotation(LETTER, ACTION) is None
    assert {t.id for t in store.trash()} == {highlight.id, bookmark.id, action.id}
    assert store.restore(highlight.id) == "highlight"
    assert store.highlights() == [highlight]
    assert store.restore(bookmark.id) == "bookmark"
    assert store.bookmarks() == [bookmark]
    with pytest.raises(NotesNotFoundError):
        store.restore(highlight.id)  # not in the trash any more
    with pytest.raises(NotesNotFoundError):
        store.delete(str(uuid.uuid4()))
    # The action was annotated again after the delete: undo must not clobber it.
    newer = store.update_action(action_target(letter, ACTION), note="nieuw")
    with pytest.raises(NotesConflictError):
        store.restore(action.id)
    assert store.action_annotation(LETTER, ACTION) == newer
    assert [t.id for t in store.trash()] == [action.id]


def test_purge_removes_only_old_trash(store: NotesStore, letter: Document) -> None:
    old = store.add_highlight(anchor_quote(letter, "Taal speelt daarbij"))
    recent = store.add_highlight(anchor_quote(letter, "Integreren is meedoen."))
    kept = store.add_highlight(anchor_quote(letter, "Eerste uitwerking Actieagenda"))
    store.delete(old.id)
    store.delete(recent.id)
    long_ago = "2000-01-01T00:00:00.000Z"
    behind(store, "UPDATE highlights SET deleted_at = ? WHERE id = ?", (long_ago, old.id))
    assert store.purge_trash() == 1
    assert [t.id for t in store.trash()] == [recent.id]
    assert [h.id for h in store.highlights()] == [kept.id]
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=31)
    assert store.purge_trash(now=later) == 1
    assert store.trash() == []


def test_purge_runs_when_the_store_opens(tmp_path: Path, letter: Document) -> None:
    db = tmp_path / "n.sqlite3"
    with open_store(db) as store:
        item = store.add_highlight(anchor_quote(letter, "Taal speelt daarbij"))
        store.delete(item.id)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=30, minutes=1)
    with open_store(db, now=later) as store:
        assert "purged" in store.report.kinds()
        assert store.trash() == []


def test_reading_position_per_document(store: NotesStore, letter: Document) -> None:
    assert store.reading_position(LETTER) is None
    first = store.save_reading_position(reading_position(letter, 5000))
    assert first.place == "p-25" and first.offset == 5000 and first.modified
    second = store.save_reading_position(reading_position(letter, 10**9))
    assert second.offset == len(letter.plain_text)
    assert store.reading_position(LETTER) == second
    with pytest.raises(NotesValidationError):
        store.save_reading_position(ReadingPosition(LETTER, -1, None, None, "", ""))


def test_commitment_statuses(store: NotesStore) -> None:
    assert store.commitment_statuses() == {}
    made = store.set_commitment_status("TZ202507-001", "Openstaand", "na de zomer")
    assert made.status == "Openstaand" and made.author == store.author()
    updated = store.set_commitment_status("TZ202507-001", "Deels voldaan")
    assert updated.created == made.created and updated.note == ""
    assert store.commitment_statuses() == {"TZ202507-001": updated}
    with pytest.raises(NotesValidationError, match="Vervallen"):
        store.set_commitment_status("TZ202507-001", "Afgedaan")


def test_anchor_selectors_have_context_and_more_for_short_quotes(letter: Document) -> None:
    text = letter.plain_text
    long_quote = anchor_quote(letter, "Taal speelt daarbij een belangrijke rol.")
    assert len(long_quote.quote.prefix) == len(long_quote.quote.suffix) == 32
    short = anchor_quote(letter, "Taal speelt")
    assert len(short.quote.prefix) == len(short.quote.suffix) == 64
    start = short.position.start
    assert text[start - 64 : start] == short.quote.prefix
    at_start = anchor_range(letter, 0, 5)
    assert at_start.quote.prefix == "" and at_start.place == "opening"
    with pytest.raises(NotesAnchorError):
        anchor_range(letter, 5, 5)
    with pytest.raises(NotesAnchorError, match="occurs 6 times"):
        anchor_quote(letter, "Taal")
    assert anchor_quote(letter, "Taal", occurrence=2).position.start == text.find(
        "Taal", text.find("Taal") + 1
    )
    with pytest.raises(NotesAnchorError, match="occurrence 7"):
        anchor_quote(letter, "Taal", occurrence=7)


def test_locate_uses_position_then_a_unique_quote(letter: Document) -> None:
    text = letter.plain_text
    anchor = anchor_quote(letter, "Taal speelt daarbij een belangrijke rol.")
    assert locate(text, anchor) == anchor.position
    shifted = "Nieuwe eerste regel.\n" + text
    moved = locate(shifted, anchor)
    assert moved is not None and shifted[moved.start : moved.end] == anchor.quote.exact
    word = anchor_quote(letter, "Taal", occurrence=3)
    found = locate("X" + text, word)  # several occurrences: the context decides
    assert found is not None and found.start == word.position.start + 1
    assert locate(text.replace(anchor.quote.exact, "weg"), anchor) is None


def test_colleague_note_cannot_be_edited(store: NotesStore, letter: Document) -> None:
    made = store.add_highlight(anchor_quote(letter, "Taal speelt daarbij"))
    behind(
        store,
        "UPDATE highlights SET imported_from = 'collega.jsonld', author = 'B' WHERE id = ?",
        (made.id,),
    )
    with pytest.raises(NotesConflictError, match="colleague"):
        store.update_highlight(made.id, note="mijn tekst")
    assert not store.highlights()[0].is_mine


def test_colleague_action_note_sits_beside_mine(store: NotesStore, letter: Document) -> None:
    mine = store.update_action(action_target(letter, ACTION), stance="Steunen")

    behind(
        store,
        "INSERT INTO action_notes (id, doc_id, action_id, stance, author, created, "
        "modified, imported_from) VALUES (?, ?, ?, 'Kritisch', 'B', ?, ?, 'collega')",
        (str(uuid.uuid4()), LETTER, ACTION, mine.created, mine.created),
    )
    both = store.action_annotations(LETTER)
    assert [a.is_mine for a in both] == [True, False]
    assert store.action_annotation(LETTER, ACTION) == mine
    assert store.action_annotations(LETTER, include_imported=False) == [mine]
