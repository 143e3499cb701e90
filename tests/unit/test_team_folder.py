"""A team folder (issue 16): each member writes their own file and reads the
others'; half-written files wait, conflict copies merge, deletes travel."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_reader import language, paths
from briefing_reader.core.content import Library
from briefing_reader.core.notes import NotesStore, anchor_quote, open_store
from briefing_reader.core.notes.team_folder import author_of, own_file_name, sync
from briefing_reader.session import open_library

LETTER = "kst-32824-456"
QUOTES = ("De NCTV stelt het dreigingsniveau", "De onlinewereld speelt een centrale rol")


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return open_library(paths.resolve(tmp_path_factory.mktemp("library")))


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[NotesStore, NotesStore, Path]]:
    anna = open_store(tmp_path / "anna" / "notes.sqlite3", tmp_path / "anna" / "b")
    bart = open_store(tmp_path / "bart" / "notes.sqlite3", tmp_path / "bart" / "b")
    anna.set_author("Anna")
    bart.set_author("Bart")
    folder = tmp_path / "gedeeld"
    folder.mkdir()
    yield anna, bart, folder
    anna.close()
    bart.close()


def highlight(store: NotesStore, library: Library, quote: str, note: str) -> str:
    doc = library.get(LETTER)
    assert doc is not None
    return store.add_highlight(anchor_quote(doc, quote), note=note).id


def test_notes_travel_both_ways_and_each_writes_only_their_own_file(
    two: tuple[NotesStore, NotesStore, Path], library: Library
) -> None:
    anna, bart, folder = two
    highlight(anna, library, QUOTES[0], "van Anna")
    highlight(bart, library, QUOTES[1], "van Bart")
    first = sync(anna, folder, library)
    assert first.published == str(folder / own_file_name(anna)) and first.authors == 0
    report = sync(bart, folder, library)
    assert (report.authors, report.added) == (1, 1)
    assert sync(anna, folder, library).added == 1
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [own_file_name(anna), own_file_name(bart)]
    )
    theirs = [h for h in anna.highlights() if not h.is_mine]
    assert [(h.note, h.author) for h in theirs] == [("van Bart", "Bart")]
    again = sync(anna, folder, library)
    assert (again.added, again.updated, again.removed) == (0, 0, 0)


def test_a_half_written_file_waits_and_changes_nothing(
    two: tuple[NotesStore, NotesStore, Path], library: Library
) -> None:
    anna, bart, folder = two
    highlight(anna, library, QUOTES[0], "een")
    sync(anna, folder, library)
    sync(bart, folder, library)
    own = folder / own_file_name(anna)
    whole = own.read_bytes()
    own.write_bytes(whole[: len(whole) // 2])
    report = sync(bart, folder, library)
    assert len(report.skipped) == 1 and own.name in str(report.skipped[0])
    assert report.removed == 0 and len(bart.highlights()) == 1
    own.write_bytes(whole)
    assert sync(bart, folder, library).skipped == []


def test_conflict_copies_merge_by_id_and_modified(
    two: tuple[NotesStore, NotesStore, Path], library: Library
) -> None:
    anna, bart, folder = two
    kept = highlight(anna, library, QUOTES[0], "oud")
    sync(anna, folder, library)
    own = folder / own_file_name(anna)
    data = json.loads(own.read_text(encoding="utf-8"))
    newer = data["first"]["items"][0]
    newer["modified"] = "2099-01-01T00:00:00.000Z"
    newer["body"]["value"] = "nieuw"
    stem = own.name.removesuffix(".jsonld")
    for name in (f"{stem} (conflicted copy 2026-12-06 101500).jsonld", f"{stem}.jsonld..path1"):
        (folder / name).write_text(json.dumps(data), encoding="utf-8")
    assert author_of(folder / name) == stem
    report = sync(bart, folder, library)
    assert report.files_read == 3 and report.added == 1
    (note,) = bart.highlights()
    assert note.id == kept and note.note == "nieuw"


def test_a_deleted_note_disappears_at_colleagues(
    two: tuple[NotesStore, NotesStore, Path], library: Library
) -> None:
    anna, bart, folder = two
    gone = highlight(anna, library, QUOTES[0], "weg")
    highlight(anna, library, QUOTES[1], "blijft")
    sync(anna, folder, library)
    sync(bart, folder, library)
    anna.delete(gone)
    sync(anna, folder, library)
    report = sync(bart, folder, library)
    assert report.removed == 1
    assert [h.note for h in bart.highlights()] == ["blijft"]
    assert [t.id for t in bart.trash()] == [gone]


def test_my_own_conflict_copy_brings_notes_from_my_other_computer(
    two: tuple[NotesStore, NotesStore, Path], library: Library, tmp_path: Path
) -> None:
    anna, _bart, folder = two
    sync(anna, folder, library)
    laptop = open_store(tmp_path / "laptop" / "n.sqlite3", tmp_path / "laptop" / "b")
    highlight(laptop, library, QUOTES[1], "op de laptop")
    laptop_folder = tmp_path / "laptop-folder"
    laptop_folder.mkdir()
    sync(laptop, laptop_folder, library)
    copy = (laptop_folder / own_file_name(laptop)).read_bytes()
    laptop.close()
    (folder / own_file_name(anna).replace(".jsonld", "-conflict-1.jsonld")).write_bytes(copy)
    sync(anna, folder, library)
    assert [(h.note, h.is_mine) for h in anna.highlights()] == [("op de laptop", True)]


def test_an_offline_folder_is_no_error(
    two: tuple[NotesStore, NotesStore, Path], library: Library, tmp_path: Path
) -> None:
    anna, _bart, _folder = two
    report = sync(anna, tmp_path / "niet-aangekoppeld", library)
    assert report.offline and "not reachable" in str(report.message())
    assert "niet bereikbaar" in language.words(report.message(), "nl")
    assert not (tmp_path / "niet-aangekoppeld").exists()


@pytest.mark.parametrize(
    "name, author",
    [
        ("0a1b2c3d-0000-4000-8000-000000000001.jsonld", "0a1b2c3d-0000-4000-8000-000000000001"),
        (
            "0A1B2C3D-0000-4000-8000-000000000001-DESKTOP-7.jsonld",
            "0a1b2c3d-0000-4000-8000-000000000001",
        ),
        (".0a1b2c3d-0000-4000-8000-000000000001.jsonld.x.tmp", None),
        ("notities.jsonld", None),
        ("0a1b2c3d-0000-4000-8000-000000000001.txt", None),
    ],
)
def test_which_files_belong_to_whom(name: str, author: str | None) -> None:
    assert author_of(Path(name)) == author


def test_an_unchanged_file_is_not_written_again(
    two: tuple[NotesStore, NotesStore, Path], library: Library
) -> None:
    anna, _bart, folder = two
    highlight(anna, library, QUOTES[0], "een")
    own = Path(sync(anna, folder, library).published or "")
    first = own.stat().st_mtime_ns, own.stat().st_ino
    sync(anna, folder, library)
    assert (own.stat().st_mtime_ns, own.stat().st_ino) == first
    highlight(anna, library, QUOTES[1], "twee")
    sync(anna, folder, library)
    assert own.stat().st_ino != first[1]
