"""Old versions kept in the data dir, offsets mapped across versions, paragraph diffs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_reader.core.content import Document
from briefing_reader.core.content.parse import document_from_bytes
from briefing_reader.core.content.versions import (
    NoteSpan,
    OffsetMap,
    VersionsError,
    diff_versions,
    list_versions,
    load_version,
    save_version,
    snapshot,
    version_path,
    word_diff,
)
from briefing_reader.paths import bundled_content_dir

LETTER = "kst-32824-456"
SOURCE = (bundled_content_dir() / f"{LETTER}.md").read_text("utf-8")
ROUTE = "De snelste route naar financiële zelfbeschikking is werk."


def edited(*replacements: tuple[str, str], version: int = 3) -> Document:
    text = SOURCE.replace("version: 2\n", f"version: {version}\n", 1)
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new, 1)
    return document_from_bytes(text.encode(), Path(f"/v{version}/{LETTER}.md"), bundled=False)


@pytest.fixture(scope="module")
def letter() -> Document:
    return edited(version=2)


def test_a_version_is_kept_once_atomically_and_read_back(tmp_path: Path, letter: Document) -> None:
    moment = dt.datetime(2025, 7, 15, 13, 18, tzinfo=dt.UTC)
    path = save_version(tmp_path, letter, moment)
    assert path == version_path(tmp_path, LETTER, 2, letter.source_hash)
    assert path is not None and path.name == f"2-{letter.source_hash[:12]}.json"
    assert save_version(tmp_path, letter) is None  # already kept
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary left
    kept = load_version(tmp_path, LETTER, letter.source_hash)
    assert kept is not None and kept.plain_text == letter.plain_text
    assert kept.saved == "2025-07-15T13:18:00.000Z" and kept.version == 2
    assert [p.start for p in kept.paragraphs] == [b.start for b in letter.blocks if b.text]
    assert load_version(tmp_path, LETTER, "0" * 64) is None


def test_versions_are_listed_oldest_first_and_damage_is_ignored(
    tmp_path: Path, letter: Document
) -> None:
    newer = edited((ROUTE, ""), version=3)
    save_version(tmp_path, newer)
    save_version(tmp_path, letter)
    (tmp_path / LETTER / "9-000000000000.json").write_text("{not json", "utf-8")
    assert [v.version for v in list_versions(tmp_path, LETTER)] == [2, 3]
    assert list_versions(tmp_path, "../etc") == []


def test_unusable_ids_and_unwritable_folders_raise_typed_errors(
    tmp_path: Path, letter: Document
) -> None:
    with pytest.raises(VersionsError):
        version_path(tmp_path, "../x", 1, "ab")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(VersionsError) as caught:
        save_version(blocker, letter)
    assert caught.value.path is not None


def test_offsets_follow_unchanged_paragraphs_and_stay_in_changed_ones() -> None:
    old = ["een", "twee drie", "vier"]
    new = ["nul", "een", "twee DRIE", "vier"]
    mapping = OffsetMap(old, new)
    assert mapping.map(0) == 4  # "een" moved down one paragraph
    assert mapping.map(4 + 5) == 8 + 5  # same column of the changed paragraph
    assert mapping.map_unchanged(0) == 4 and mapping.map_unchanged(5) is None
    assert mapping.unchanged_parts(8, 22) == [(14, 18)]  # only "vier" is as it was


def test_diff_lists_removed_added_and_changed_paragraphs_with_their_notes(letter: Document) -> None:
    new_para = "Een geheel nieuwe alinea over de voortgang."
    newer = edited(
        (ROUTE, "De snelste route naar zelfbeschikking is betaald werk."),
        ("## 1.1 Recht", f"{new_para}\n\n## 1.1 Recht"),
        version=3,
    )
    old, new = snapshot(letter), snapshot(newer)
    at = letter.plain_text.index(ROUTE)
    note = NoteSpan("h1", "highlight", "route", letter.source_hash, at, at + len(ROUTE))
    elsewhere = NoteSpan("h2", "highlight", "x", letter.source_hash, 0, 5)
    changes = diff_versions(old, new, [note, elsewhere])
    kinds = [c.kind for c in changes]
    assert kinds == ["added", "changed"]
    assert changes[0].new[0].text == new_para and changes[0].notes == ()
    changed = changes[1]
    assert ROUTE in changed.old[0].text and "betaald werk" in changed.new[0].text
    assert [n.item_id for n in changed.notes] == ["h1"]
    gone = diff_versions(
        old,
        snapshot(
            edited(
                (SOURCE[SOURCE.index("Iedereen moet volop") : SOURCE.index(ROUTE) + len(ROUTE)], "")
            )
        ),
    )
    assert [c.kind for c in gone] == ["removed"]


@given(st.text(alphabet="ab c.", max_size=40), st.text(alphabet="ab c.", max_size=40))
def test_word_diff_rebuilds_both_texts(old: str, new: str) -> None:
    pieces = word_diff(old, new)
    assert "".join(t for op, t in pieces if op in "=-") == old
    assert "".join(t for op, t in pieces if op in "=+") == new
