"""The cache of parsed documents: same documents as parsing, never stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing_reader import paths
from briefing_reader.core.content import Library, load_library, parse
from briefing_reader.core.content.cache import parser_fingerprint

LETTER = "kst-32824-456.md"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copy(paths.bundled_content_dir() / LETTER, folder / LETTER)
    return folder


def load(content: Path, cache: Path | None) -> Library:
    return load_library([(content, True)], cache)


def same(one: Library, other: Library) -> None:
    assert list(one.documents) == list(other.documents)
    for doc_id, doc in one.documents.items():
        again = other.documents[doc_id]
        assert again.meta == doc.meta
        assert again.blocks == doc.blocks
        assert again.footnotes == doc.footnotes
        assert again.source_hash == doc.source_hash
        assert [n.to_dict() for n in again.outline.walk()] == [
            n.to_dict() for n in doc.outline.walk()
        ]


def test_a_cached_document_is_the_parsed_document(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = load(content, None)
    load(content, tmp_path / "cache")  # writes the entry
    entries = list((tmp_path / "cache").glob("*.json"))
    assert len(entries) == 1

    def no_parsing(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("parsed although the cache holds the document")

    monkeypatch.setattr(parse, "document_from_bytes", no_parsing)
    same(parsed, load(content, tmp_path / "cache"))


def test_an_edited_file_is_parsed_again(content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load(content, cache)
    letter = content / LETTER
    letter.write_text(
        letter.read_text(encoding="utf-8").replace(
            "Voortgang Actieagenda", "Voortgang Actie-agenda", 1
        ),
        encoding="utf-8",
    )
    edited = load(content, cache)
    assert "Voortgang Actie-agenda" in edited.documents["kst-32824-456"].title
    assert len(list(cache.glob("*.json"))) == 2  # one per version of the file


def test_a_damaged_entry_is_parsed_again(content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load(content, cache)
    for entry in cache.glob("*.json"):
        entry.write_text("{ not json", encoding="utf-8")
    same(load(content, None), load(content, cache))


def test_entries_of_another_parser_version_are_removed(content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    old = [
        cache / "0123456789abcdef0123456789abcdef.json",  # SHA-256 names, before
        cache / f"1a2b-00000000ffffffff-{'0' * 16}.json",
    ]
    for entry in old:
        entry.write_text("{}", encoding="utf-8")
    load(content, cache)
    assert [e.name for e in cache.glob("*.json")] == [
        e.name for e in cache.glob(f"*-{parser_fingerprint()}.json")
    ]
    assert not any(entry.exists() for entry in old)


def test_an_unwritable_cache_only_costs_time(content: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    same(load(content, None), load(content, blocked))
