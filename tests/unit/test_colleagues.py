"""Colleagues' notes by author (issue 16): who, a colour per person, "Overnemen"."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_reader import language, paths
from briefing_reader.core.content import Library
from briefing_reader.core.notes import (
    NotesConflictError,
    NotesNotFoundError,
    NotesStore,
    action_target,
    anchor_quote,
    open_store,
)
from briefing_reader.core.notes.colleagues import AA, HIGHLIGHT_TEXT, contrast, marker, tint
from briefing_reader.core.notes.exchange import export_jsonld, import_jsonld
from briefing_reader.session import open_library

LETTER = "kst-32824-456"
ACTION = "actie-startbanen"
QUOTE = "De NCTV stelt het dreigingsniveau"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return open_library(paths.resolve(tmp_path_factory.mktemp("library")))


def colleague_file(tmp_path: Path, library: Library, name: str, note: str) -> Path:
    """A colleague's own notes, exported by the real exchange code."""
    store = open_store(tmp_path / name / "n.sqlite3", tmp_path / name / "b")
    store.set_author(name)
    doc = library.get(LETTER)
    assert doc is not None
    store.add_highlight(anchor_quote(doc, QUOTE), colour="groen", note=f"{note} (markering)")
    store.update_action(
        action_target(doc, ACTION),
        stance="Kritisch",
        note=note,
        questions=["Wat kost het?"],
        tags=["werk"],
    )
    path = tmp_path / f"{name}.jsonld"
    path.write_text(json.dumps(export_jsonld(store, mine_only=True)), encoding="utf-8")
    store.close()
    return path


@pytest.fixture
def mine(tmp_path: Path, library: Library) -> Iterator[NotesStore]:
    store = open_store(tmp_path / "ik" / "n.sqlite3", tmp_path / "ik" / "b")
    store.set_author("Ik")
    for name, note in (("Piet", "Piet vindt"), ("Anna", "Anna vindt")):
        import_jsonld(store, colleague_file(tmp_path, library, name, note), library)
    yield store
    store.close()


def theirs(store: NotesStore, kind: str, name: str) -> str:
    items = store.highlights() if kind == "highlight" else store.action_annotations()
    return next(item.id for item in items if item.author == name and not item.is_mine)


def test_authors_are_listed_by_name_with_a_stable_key_per_person(mine: NotesStore) -> None:
    found = mine.authors()
    assert [(c.name, c.count) for c in found] == [("Anna", 2), ("Piet", 2)]
    assert all(c.key.startswith("urn:uuid:") for c in found)
    keys = mine.author_keys()
    assert len(keys) == 4 and set(keys.values()) == {c.key for c in found}
    assert keys[theirs(mine, "highlight", "Piet")] == found[1].key


def test_taking_over_a_highlight_copies_it_once_and_leaves_theirs(mine: NotesStore) -> None:
    source = mine.highlight(theirs(mine, "highlight", "Piet"))
    assert source is not None
    copied = mine.copy_to_mine(source.id)
    assert copied.created and copied.changed and copied.kind == "highlight"
    copy = mine.highlight(copied.item_id)
    assert copy is not None and copy.is_mine and copy.author == "Ik"
    assert (copy.note, copy.colour, copy.anchor.quote) == (
        source.note,
        source.colour,
        source.anchor.quote,
    )
    assert mine.highlight(source.id) == source  # theirs unchanged
    again = mine.copy_to_mine(source.id)
    assert (again.item_id, again.created, again.changed) == (copied.item_id, False, False)
    assert len(mine.highlights()) == 3
    mine.update_highlight(copy.id, note="nu van mij")  # mine: editable
    mine.undo_copy(copied)
    assert mine.highlight(copied.item_id) is None and len(mine.highlights()) == 2
    back = mine.copy_to_mine(source.id)  # my deleted copy returns as I left it
    kept = mine.highlight(back.item_id)
    assert back.created and kept is not None and kept.note == "nu van mij"


def test_taking_over_an_action_note_fills_mine_and_never_doubles(
    mine: NotesStore, library: Library
) -> None:
    doc = library.get(LETTER)
    assert doc is not None
    piet = theirs(mine, "action", "Piet")
    first = mine.copy_to_mine(piet)
    made = mine.action_annotation(LETTER, ACTION)
    assert first.created and made is not None and made.id == first.item_id
    assert (made.stance, made.note, made.questions, made.tags) == (
        "Kritisch",
        "Piet vindt",
        ("Wat kost het?",),
        ("werk",),
    )
    assert mine.copy_to_mine(piet).changed is False
    anna = mine.copy_to_mine(theirs(mine, "action", "Anna"))
    merged = mine.action_annotation(LETTER, ACTION)
    assert merged is not None and not anna.created and anna.changed
    assert merged.note == "Piet vindt\n\nAnna:\n\nAnna vindt"
    assert merged.questions == ("Wat kost het?",)  # the same question, once
    assert mine.copy_to_mine(theirs(mine, "action", "Anna")).changed is False
    mine.undo_copy(anna)
    back = mine.action_annotation(LETTER, ACTION)
    assert back is not None and back.note == "Piet vindt"
    assert sum(1 for a in mine.action_annotations() if a.is_mine) == 1
    assert len([a for a in mine.action_annotations() if not a.is_mine]) == 2


def test_my_own_note_cannot_be_taken_over_and_theirs_cannot_be_edited(
    mine: NotesStore, library: Library
) -> None:
    doc = library.get(LETTER)
    assert doc is not None
    own = mine.add_highlight(anchor_quote(doc, QUOTE))
    with pytest.raises(NotesConflictError) as refused:
        mine.copy_to_mine(own.id)
    assert refused.value.reason == "this note is yours already"
    assert language.words(refused.value, "nl") == "deze notitie is al van u"
    with pytest.raises(NotesNotFoundError) as missing:
        mine.copy_to_mine("geen-id")
    assert language.words(missing.value, "nl") == "er is geen notitie 'geen-id'"
    with pytest.raises(NotesConflictError):
        mine.update_highlight(theirs(mine, "highlight", "Anna"), note="x")


@pytest.mark.parametrize("background", ["#ffffff", "#f0f0f0", "#1e1e1e", "#2b2b2b", "#353535"])
def test_every_persons_colours_meet_wcag_aa(background: str) -> None:
    keys = [f"urn:uuid:{uuid.UUID(int=n * 7919 + 1)}" for n in range(300)]
    assert all(contrast(marker(key, background), background) >= AA for key in keys)
    assert all(contrast(tint(key), HIGHLIGHT_TEXT) >= AA for key in keys)


def test_a_persons_colour_is_stable_and_people_differ() -> None:
    key = "urn:uuid:3f2a8c1e-0000-4000-8000-000000000001"
    assert tint(key) == tint(key) and marker(key, "#ffffff") == marker(key, "#ffffff")
    hues = {tint(f"urn:uuid:{uuid.UUID(int=n)}") for n in range(20)}
    assert len(hues) >= 15
