"""Search that reads only its index: no document parsed for a query, the
compound vocabulary from the index, an interrupted build completed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefing_reader import cli, paths
from briefing_reader.core.content import Library, parse
from briefing_reader.core.content.cache import DocumentCache
from briefing_reader.core.search import SearchIndex
from briefing_reader.core.search import index as index_module
from briefing_reader.session import open_library


def letter(n: int) -> str:
    return (
        f"---\nid: brief-{n}\nkind: kamerbrief\ntitle: Brief {n}\ndate: 2025-01-0{n % 9 + 1}"
        f"\n---\n\n{{#s-1}}\n## 1. Aanleiding\n\nDe tewerkstellingsvergunningen van brief"
        f" {n} en de kwartiermaker{n}.\n"
    )


def forbid_parsing(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make every way of getting a parsed document fail loudly."""
    calls: list[str] = []

    def refuse(*_args: object, **_kwargs: object) -> None:
        calls.append("parsed")
        raise AssertionError("a document was parsed")

    monkeypatch.setattr(parse, "document_from_bytes", refuse)
    monkeypatch.setattr(parse, "parse_document", refuse)
    monkeypatch.setattr(DocumentCache, "get", refuse)
    monkeypatch.setattr(Library, "_load", refuse)
    return calls


def test_a_cli_search_parses_no_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert cli.main(["--data-dir", str(data), "search", "statushouders", "--json"]) == 0
    capsys.readouterr()
    calls = forbid_parsing(monkeypatch)
    assert cli.main(["--data-dir", str(data), "search", "vergunning", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert hits and any("vergunning" in hit["snippet"].lower() for hit in hits)
    assert cli.main(["--data-dir", str(data), "docs"]) == 0
    assert cli.main(["--data-dir", str(data), "toc", "kst-32824-456"]) == 0
    assert "Pijler" in capsys.readouterr().out
    assert calls == []


def test_a_new_index_object_splits_compounds_with_the_stored_vocabulary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_paths = paths.resolve(tmp_path / "data")
    with SearchIndex(run_paths.search_index) as index:
        index.update(open_library(run_paths))
    forbid_parsing(monkeypatch)
    with SearchIndex(run_paths.search_index) as fresh:  # no library, no update
        result = fresh.search("vergunning")
        assert result.total > 0
        spans = fresh.highlighter("vergunning").spans("tewerkstellingsvergunningen")
        assert spans  # the compound's part is known from the index's own lexicon


def test_an_interrupted_build_is_completed_not_restarted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_paths = paths.resolve(tmp_path / "data")
    folder = run_paths.imported_documents
    folder.mkdir(parents=True)
    for n in range(8):
        (folder / f"brief-{n}.md").write_text(letter(n), encoding="utf-8")
    library = open_library(run_paths)
    monkeypatch.setattr(index_module, "BATCH", 3)
    real_load = type(library).load
    loaded: list[str] = []

    def dying_load(self: Library, doc_id: str) -> object:
        if len(loaded) == 7:
            raise KeyboardInterrupt  # as good as a kill -9 between two commits
        loaded.append(doc_id)
        return real_load(self, doc_id)

    monkeypatch.setattr(type(library), "load", dying_load)
    with SearchIndex(run_paths.search_index) as index, pytest.raises(KeyboardInterrupt):
        index.update(library)
    monkeypatch.setattr(type(library), "load", real_load)
    with SearchIndex(run_paths.search_index) as index:
        assert not index.is_current(library)
        report = index.update(library)
        assert not report.rebuilt
        assert len(report.added) == len(library) - 6  # two batches of three were kept
        assert index.is_current(library)
        for n in range(8):
            assert index.search(f"kwartiermaker{n}").total == 1


def test_a_spilled_run_is_written_in_small_chunks_and_read_back_whole(tmp_path: Path) -> None:
    """Merging reads one chunk of every run at a time: a chunk holds about
    ``CHUNK`` postings however they fall into terms (a generator, as when
    runs are merged into one)."""
    from briefing_reader.core.search.writer import ChunkedPool, _read_chunk

    pool = ChunkedPool.__new__(ChunkedPool)
    run = tmp_path / "run"
    many = [(d, 1.0, b"v" * 8) for d in range(3 * ChunkedPool.CHUNK)]
    items = [("body", b"common", many)]
    items += [("body", f"term{i:05d}".encode(), [(i, 1.0, b"v" * 8)]) for i in range(45_000)]
    pool._write_run(run.open("wb"), (item for item in items))
    chunks = []
    with run.open("rb") as f:
        while chunk := _read_chunk(f):
            chunks.append(chunk)
    sizes = [sum(len(postings) for _f, _t, postings in chunk) for chunk in chunks]
    assert sizes[0] == len(many)  # one big term is a chunk of its own
    assert all(size <= ChunkedPool.CHUNK for size in sizes[1:]) and len(chunks) > 3
    assert [item for chunk in chunks for item in chunk] == items


def search_json(data: Path, word: str, capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    assert cli.main(["--data-dir", str(data), *extra, "search", word, "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_a_cli_search_looks_at_no_file_of_unchanged_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing_reader.core.content import catalogue

    data = tmp_path / "data"
    folder = paths.resolve(data).imported_documents
    folder.mkdir(parents=True)
    for n in range(3):
        (folder / f"brief-{n}.md").write_text(letter(n), encoding="utf-8")
    assert search_json(data, "kwartiermaker1", capsys)["total"] == 1

    def listed(*_args: object) -> None:
        raise AssertionError("a folder's files were looked at one by one")

    monkeypatch.setattr(catalogue, "_markdown_files", listed)
    forbid_parsing(monkeypatch)
    assert search_json(data, "kwartiermaker2", capsys)["total"] == 1


def test_a_cli_search_sees_files_added_removed_or_changed_behind_its_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, own = tmp_path / "data", tmp_path / "own"
    folder = paths.resolve(data).imported_documents
    folder.mkdir(parents=True)
    own.mkdir()
    (folder / "brief-1.md").write_text(letter(1), encoding="utf-8")
    (own / "brief-5.md").write_text(letter(5), encoding="utf-8")
    content = ("--content-dir", str(own))
    assert search_json(data, "kwartiermaker1", capsys, *content)["total"] == 1

    (folder / "brief-2.md").write_text(letter(2), encoding="utf-8")  # added
    (folder / "brief-1.md").unlink()  # removed
    assert search_json(data, "kwartiermaker2", capsys, *content)["total"] == 1
    assert search_json(data, "kwartiermaker1", capsys, *content)["total"] == 0

    # The user's own folder is looked at file by file: an edit in place is seen.
    (own / "brief-5.md").write_text(letter(5).replace("kwartiermaker5", "pimpelmeesje"), "utf-8")
    assert search_json(data, "pimpelmeesje", capsys, *content)["total"] == 1

    # A file of the imports rewritten in place (the folder's time unchanged)
    # waits for the next full check: the window's start, docs, an import.
    stat = folder.stat()
    (folder / "brief-2.md").write_text(
        letter(2).replace("kwartiermaker2", "zwaluwstaartje"), "utf-8"
    )
    os.utime(folder, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert search_json(data, "zwaluwstaartje", capsys, *content)["total"] == 0
    assert cli.main(["--data-dir", str(data), *content, "docs"]) == 0
    capsys.readouterr()
    assert search_json(data, "zwaluwstaartje", capsys, *content)["total"] == 1


@pytest.mark.parametrize("how", ["import DIR", "index worker"])
def test_a_bulk_import_ends_with_the_index_in_one_segment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    """Both ways a bulk of letters gets indexed merge the index once at the end
    (BATCH and BULK made small: six letters stand for thousands)."""
    from briefing_reader import index_worker

    monkeypatch.setattr(index_module, "BATCH", 2)
    monkeypatch.setattr(index_module, "BULK", 4)
    monkeypatch.setenv("BRIEFING_READER_LANGUAGE", "en")
    folder = tmp_path / "brieven"
    folder.mkdir()
    for n in range(1, 7):
        (folder / f"brief-{n}.md").write_text(letter(n), encoding="utf-8")
    data = tmp_path / "data"
    if how == "import DIR":
        assert cli.main(["--data-dir", str(data), "import", str(folder)]) == 0
        err = capsys.readouterr().err
        assert "merging the search index into one (once, after a bulk import)" in err
    else:
        from briefing_reader.core.importing import import_files

        import_files(paths.resolve(data), sorted(folder.iterdir()))
        assert index_worker.main([index_worker.paths_argument(paths.resolve(data))]) == 0
        summary = capsys.readouterr().out.splitlines()[-1]
        assert summary.startswith("done ") and json.loads(summary[5:])["compacted"] is True
    assert SearchIndex(paths.resolve(data).search_index).segment_count() == 1
    hits = search_json(data, "kwartiermaker4", capsys)["hits"]
    assert [hit["doc"] for hit in hits] == ["brief-4"]
