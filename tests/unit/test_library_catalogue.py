"""The library catalogue: consistent with the files, read without parsing,
documents parsed on use and kept in a bounded cache."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from briefing_reader import paths
from briefing_reader.core.content import catalogued, parse
from briefing_reader.core.content.cache import DocumentCache
from briefing_reader.core.content.catalogued import CataloguedLibrary, open_catalogued

LETTER = "kst-32824-456"


def letter(doc_id: str, title: str, body: str = "Eerste alinea.") -> str:
    return (
        f"---\nid: {doc_id}\nkind: kamerbrief\ntitle: {title}\n"
        f"date: 2025-03-0{len(title) % 9 + 1}\ndossier:\n  number: 36 123\n"
        f"  title: Testdossier\nvolgnummer: {len(title)}\n---\n\n"
        f"{{#s-1}}\n## 1. Aanleiding\n\n{body}\n\n{{#s-2}}\n## 2. Verder\n\nTweede.\n"
    )


def open_lib(tmp_path: Path) -> CataloguedLibrary:
    folders = [(paths.bundled_content_dir(), True), (tmp_path / "mine", False)]
    return open_catalogued(
        folders, tmp_path / "cache" / "library.sqlite3", tmp_path / "cache" / "documents"
    )


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a document was parsed")

    monkeypatch.setattr(parse, "document_from_bytes", refuse)
    monkeypatch.setattr(DocumentCache, "get", refuse)


def test_files_added_changed_and_removed_outside_the_app_are_noticed(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "a.md").write_text(letter("brief-a", "Brief A"), encoding="utf-8")
    (mine / "b.md").write_text(letter("brief-b", "Brief B"), encoding="utf-8")
    library = open_lib(tmp_path)
    assert {"brief-a", "brief-b", LETTER} <= set(library.documents)
    old_hash = library.entry("brief-a").source_hash  # type: ignore[union-attr]
    library.catalogue.close()

    (mine / "a.md").write_text(letter("brief-a", "Brief A, herzien", "Nieuw."), encoding="utf-8")
    (mine / "b.md").unlink()
    (mine / "c.md").write_text(letter("brief-c", "Brief C"), encoding="utf-8")
    again = open_lib(tmp_path)
    report = again.last_sync
    assert [Path(p).name for p in report.added] == ["c.md"]
    assert [Path(p).name for p in report.changed] == ["a.md"]
    assert [Path(p).name for p in report.removed] == ["b.md"]
    a = again.entry("brief-a")
    assert a is not None and a.title == "Brief A, herzien" and a.source_hash != old_hash
    assert "brief-b" not in again.documents and again.get("brief-b") is None
    assert again.entry("brief-c") is not None
    # the catalogue holds exactly the files there are
    rows = {
        Path(p).name
        for (p,) in again.catalogue.conn.execute(
            "SELECT path FROM files WHERE path LIKE ?", (f"{mine}%",)
        )
    }
    assert rows == {"a.md", "c.md"}


def test_same_size_and_time_is_not_read_again_but_a_touch_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    path = mine / "a.md"
    path.write_text(letter("brief-a", "Brief A"), encoding="utf-8")
    open_lib(tmp_path).catalogue.close()
    no_parsing(monkeypatch)
    quiet = open_lib(tmp_path)  # nothing changed: no file is read, nothing parsed
    assert not quiet.last_sync.any
    quiet.catalogue.close()
    monkeypatch.undo()
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    touched = open_lib(tmp_path)  # read again; same content hash: not a change
    assert not touched.last_sync.changed and not touched.last_sync.added


def test_contents_docs_and_outline_come_from_the_catalogue_without_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = open_lib(tmp_path)
    expected = [n.id for n in full.get(LETTER).outline.walk()]  # type: ignore[union-attr]
    meta = full.get(LETTER).meta  # type: ignore[union-attr]
    full.catalogue.close()
    no_parsing(monkeypatch)
    library = open_lib(tmp_path)
    assert library.entries()[0].id == LETTER
    outline = library.outline(LETTER)
    assert outline is not None and [n.id for n in outline.walk()] == expected
    action = next(n for n in outline.walk() if n.kind == "action")
    assert action.path()[0].kind == "pillar"  # parents are linked: section paths work
    assert library.meta(LETTER) == meta
    assert library.hashes()[LETTER] == library.entry(LETTER).source_hash  # type: ignore[union-attr]


def test_parsed_documents_are_kept_in_a_bounded_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    for n in range(12):
        (mine / f"d{n}.md").write_text(letter(f"brief-{n}", f"Brief {n}"), encoding="utf-8")
    monkeypatch.setattr(catalogued, "KEEP_PARSED", 3)
    library = open_catalogued([(mine, False)], tmp_path / "c.sqlite3", tmp_path / "docs")
    library.keep = 3
    parsed = [library.get(f"brief-{n}") for n in range(12)]
    assert [doc.title if doc else None for doc in parsed] == [f"Brief {n}" for n in range(12)]
    # Asked again, newest first: the last three are the same objects, the rest parsed anew.
    kept = [n for n in reversed(range(12)) if library.get(f"brief-{n}") is parsed[n]]
    assert kept == [11, 10, 9]


def test_a_broken_file_is_reported_and_the_others_load(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "good.md").write_text(letter("brief-a", "Brief A"), encoding="utf-8")
    (mine / "bad.md").write_text("---\nid: [niet goed\n---\n", encoding="utf-8")
    library = open_lib(tmp_path)
    assert "brief-a" in library.documents
    assert [e.path.name for e in library.errors] == ["bad.md"]
    library.catalogue.close()
    assert [e.path.name for e in open_lib(tmp_path).errors] == ["bad.md"]  # from the catalogue


def test_a_damaged_catalogue_is_rebuilt(tmp_path: Path) -> None:
    open_lib(tmp_path).catalogue.close()
    db = tmp_path / "cache" / "library.sqlite3"
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    db.write_bytes(b"this is not a database" * 100)
    library = open_lib(tmp_path)
    assert LETTER in library.documents
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM files").fetchone()[0] >= 4
    conn.close()


def test_the_first_paint_reads_only_the_entries_it_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    for n in range(5):
        (mine / f"{n}.md").write_text(letter(f"brief-{n}", f"Brief {n}"), encoding="utf-8")
    open_lib(tmp_path).catalogue.close()
    folders = [(paths.bundled_content_dir(), True), (mine, False)]
    library = open_catalogued(
        folders,
        tmp_path / "cache" / "library.sqlite3",
        tmp_path / "cache" / "documents",
        check=False,
    )
    real_entries = type(library.catalogue).entries

    def everything(*_args: object) -> None:
        raise AssertionError("every entry was read")

    monkeypatch.setattr(type(library.catalogue), "entries", everything)
    assert not library.entries_read
    first = library.first_entries()
    assert first and all(e.bundled for e in first) and first[0].kind == "kamerbrief"
    assert library.entry("brief-3").title == "Brief 3"  # type: ignore[union-attr]
    assert library.outline("brief-3") is not None and library.entry("brief-9") is None
    monkeypatch.setattr(type(library.catalogue), "entries", real_entries)
    assert {"brief-0", "brief-4", LETTER} <= {e.id for e in library.entries()}
    assert library.entries_read


def test_a_sync_killed_before_its_digest_leaves_no_stale_digest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_reader.core.content.catalogue import Catalogue

    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "a.md").write_text(letter("brief-a", "Brief A"), encoding="utf-8")
    first = open_lib(tmp_path)
    before = first.digest()
    first.catalogue.close()
    (mine / "a.md").write_text(letter("brief-a", "Brief A", "Anders."), encoding="utf-8")

    def killed(*_args: object) -> None:
        raise KeyboardInterrupt  # as a kill -9 after the rows were written

    monkeypatch.setattr(Catalogue, "_remember", killed)
    with pytest.raises(KeyboardInterrupt):
        open_lib(tmp_path)
    monkeypatch.undo()
    again = open_lib(tmp_path)  # the rows are current: nothing to sync
    assert not again.last_sync.any
    assert again.digest() != before
    assert again.digest() == catalogued.Library.digest(again)  # from the rows as they are


def test_a_version_1_catalogue_keeps_its_rows_and_gains_references_at_the_next_sync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_lib(tmp_path).catalogue.close()
    db = tmp_path / "cache" / "library.sqlite3"
    conn = sqlite3.connect(db)
    conn.executescript("DROP TABLE cites; DROP INDEX outline_node; PRAGMA user_version = 1;")
    conn.close()
    folders = [(paths.bundled_content_dir(), True), (tmp_path / "mine", False)]
    library = open_catalogued(folders, db, tmp_path / "cache" / "documents", check=False)
    assert LETTER in library.documents  # the window paints from the old rows
    meta = library.meta(LETTER)
    assert meta is not None and library.cited_by(meta) == []
    report = library.refresh()  # as the window's check after its first paint
    assert not report.any  # every file loaded again, none changed
    assert {row[0] for row in library.cited_by(meta)} >= {"moties", "dossier-32824"}


@pytest.mark.parametrize("number", ["99999999999999999999999", "-1"])
def test_a_number_out_of_range_is_refused_by_name_and_the_others_load(
    tmp_path: Path, number: str
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "a.md").write_text(letter("brief-a", "Brief A"), encoding="utf-8")
    text = letter("brief-b", "Brief B").replace("volgnummer: 7", f"volgnummer: {number}")
    (mine / "b.md").write_text(text, encoding="utf-8")
    library = open_lib(tmp_path)
    assert "brief-a" in library.documents and "brief-b" not in library.documents
    [error] = library.errors
    assert error.path.name == "b.md" and "'volgnummer' must be a whole number" in error.reason
    assert error.line == 9
