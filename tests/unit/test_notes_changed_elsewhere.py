"""Saving never overwrites a newer note: the store compares ``modified``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_reader import paths
from briefing_reader.core.content import Document
from briefing_reader.core.notes import (
    NotesChangedElsewhereError,
    NotesStore,
    action_target,
    open_store,
)
from briefing_reader.session import open_library

LETTER = "kst-32824-456"
ACTION = "actie-taaleis-in-de-bijstand"


@pytest.fixture(scope="module")
def letter(tmp_path_factory: pytest.TempPathFactory) -> Document:
    doc = open_library(paths.resolve(tmp_path_factory.mktemp("lib"))).get(LETTER)
    assert doc is not None
    return doc


@pytest.fixture()
def two_stores(tmp_path: Path) -> Iterator[tuple[NotesStore, NotesStore]]:
    """Two connections to one file: the window and a second writer."""
    first = open_store(tmp_path / "notes.sqlite3")
    second = open_store(tmp_path / "notes.sqlite3")
    yield first, second
    second.close()
    first.close()


def test_a_save_on_an_old_version_is_refused_and_says_what_is_stored(
    letter: Document, two_stores: tuple[NotesStore, NotesStore]
) -> None:
    window, other = two_stores
    target = action_target(letter, ACTION)
    opened = window.update_action(target, note="eerste")
    newer = other.update_action(target, note="van elders", stance="Kritisch")
    with pytest.raises(NotesChangedElsewhereError) as caught:
        window.update_action(target, note="mijn versie", expected_modified=opened.modified)
    assert caught.value.current == newer
    stored = window.action_annotation(LETTER, ACTION)
    assert stored is not None and stored.note == "van elders" and stored.stance == "Kritisch"


def test_a_save_on_the_current_version_goes_through(
    letter: Document, two_stores: tuple[NotesStore, NotesStore]
) -> None:
    window, _ = two_stores
    target = action_target(letter, ACTION)
    first = window.update_action(target, note="een", expected_modified=None)
    second = window.update_action(target, note="twee", expected_modified=first.modified)
    assert second.note == "twee" and second.modified > first.modified


def test_expecting_no_annotation_is_refused_when_one_was_made_meanwhile(
    letter: Document, two_stores: tuple[NotesStore, NotesStore]
) -> None:
    window, other = two_stores
    other.update_action(action_target(letter, ACTION), priority="hoog")
    with pytest.raises(NotesChangedElsewhereError):
        window.update_action(action_target(letter, ACTION), note="x", expected_modified=None)


def test_modified_moves_on_even_within_one_millisecond(
    letter: Document, two_stores: tuple[NotesStore, NotesStore]
) -> None:
    window, _ = two_stores
    target = action_target(letter, ACTION)
    times = [window.update_action(target, note=str(n)).modified for n in range(30)]
    assert times == sorted(set(times))
