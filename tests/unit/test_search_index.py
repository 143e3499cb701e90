"""The index as a cache: incremental updates, rebuilds, fallbacks, concurrency."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from briefing_reader import paths
from briefing_reader.core.content import Library, load_library
from briefing_reader.core.search import SearchIndex, fingerprint
from briefing_reader.core.search.schema import INDEX_NAME

NEW_DOC = """---
id: imported-taalcafe
kind: imported
title: Verslag taalcafé
date: 2025-08-01
---

# Verslag

Het zeldzaamwoord kwispelstaart staat alleen in dit document.
"""


def library_with(folder: Path, **docs: str) -> Library:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.md"):
        old.unlink()
    for name, text in docs.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return load_library([(paths.bundled_content_dir(), True), (folder, False)])


@pytest.fixture
def bundled() -> Library:
    return load_library([(paths.bundled_content_dir(), True)])


def test_first_build_then_current(tmp_path: Path, bundled: Library) -> None:
    index = SearchIndex(tmp_path / "ix")
    assert not index.ready
    assert index.search("taaleis").index_ready is False
    seen: list[tuple[int, int]] = []
    report = index.update(bundled, progress=lambda done, total: seen.append((done, total)))
    assert report.rebuilt
    assert set(report.added) == set(bundled.documents)
    assert seen[0] == (0, len(bundled)) and seen[-1] == (len(bundled), len(bundled))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert index.is_current(bundled)
    again = index.update(bundled)
    assert (again.added, again.changed, again.removed, again.rebuilt) == ((), (), (), False)
    assert index.warning is None and not index.in_memory


def test_a_new_process_reuses_the_index_on_disk(tmp_path: Path, bundled: Library) -> None:
    SearchIndex(tmp_path / "ix").update(bundled)
    reopened = SearchIndex(tmp_path / "ix")
    assert reopened.is_current(bundled)
    assert reopened.search("taaleis").total > 0
    assert reopened.update(bundled).added == ()


def test_incremental_add_change_remove(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    index = SearchIndex(tmp_path / "ix")
    index.update(library_with(folder))
    assert index.search("kwispelstaart").total == 0

    with_doc = library_with(folder, taalcafe=NEW_DOC)
    assert not index.is_current(with_doc)
    report = index.update(with_doc)
    assert report.added == ("imported-taalcafe",) and not report.rebuilt
    assert report.changed == () and report.removed == ()
    hits = index.search("kwispelstaart").hits
    assert [(h.doc, h.doc_title) for h in hits] == [("imported-taalcafe", "Verslag taalcafé")]

    changed = library_with(folder, taalcafe=NEW_DOC.replace("kwispelstaart", "zwiepstaart"))
    report = index.update(changed)
    assert report.changed == ("imported-taalcafe",) and report.added == ()
    assert index.search("kwispelstaart").total == 0
    assert index.search("zwiepstaart").total == 1

    report = index.update(library_with(folder))
    assert report.removed == ("imported-taalcafe",)
    assert index.search("zwiepstaart").total == 0
    assert index.search("taaleis").total > 0


def test_fingerprint_follows_ids_and_source_hashes(tmp_path: Path, bundled: Library) -> None:
    folder = tmp_path / "docs"
    one = fingerprint(library_with(folder, taalcafe=NEW_DOC))
    assert one == fingerprint(library_with(folder, taalcafe=NEW_DOC))
    assert one != fingerprint(library_with(folder, taalcafe=NEW_DOC + "\nMeer.\n"))
    assert one != fingerprint(bundled)


def _index_files(directory: Path) -> list[Path]:
    """The table of contents and the segments' files (not the lock)."""
    return [
        p
        for p in directory.iterdir()
        if p.name.startswith(("_units", "units")) and not p.name.endswith("WRITELOCK")
    ]


@pytest.mark.parametrize("damage", ["segment", "toc", "truncate"])
def test_a_corrupted_index_is_rebuilt_silently(
    tmp_path: Path, bundled: Library, damage: str
) -> None:
    directory = tmp_path / "ix"
    SearchIndex(directory).update(bundled)
    for path in _index_files(directory):
        if damage == "truncate":
            path.write_bytes(path.read_bytes()[:50])
        elif (path.suffix == ".toc") == (damage == "toc"):  # segments: one file or several
            path.write_bytes(b"\x00garbage" * 64)
    index = SearchIndex(directory)
    assert index.search("taaleis").index_ready is False  # no crash on a broken index
    report = index.update(bundled)
    assert report.rebuilt
    assert index.warning is None
    assert index.search("taaleis").total > 0
    assert SearchIndex(directory).is_current(bundled)


def test_an_index_failing_during_a_search_is_rebuilt_by_the_next_update(
    tmp_path: Path, bundled: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_reader.core.search import SearchError, searching

    index = SearchIndex(tmp_path / "ix")
    index.update(bundled)
    real_run = searching.run

    def broken_run(*args: object, **kwargs: object) -> object:
        raise OSError("segment file damaged")

    monkeypatch.setattr(searching, "run", broken_run)
    with pytest.raises(SearchError, match="could not be read"):
        index.search("taaleis")
    monkeypatch.setattr(searching, "run", real_run)
    assert index.search("taaleis").index_ready is False  # quiet until rebuilt
    assert index.update(bundled).rebuilt
    assert index.search("taaleis").total > 0


def test_an_index_of_another_schema_version_is_replaced(tmp_path: Path, bundled: Library) -> None:
    directory = tmp_path / "ix"
    directory.mkdir()
    (directory / "_units_v0_1.toc").write_bytes(b"old")
    (directory / "units_v0_abc.seg").write_bytes(b"old")
    (directory / "notes.txt").write_text("not ours")
    report = SearchIndex(directory).update(bundled)
    assert report.rebuilt
    names = {p.name for p in directory.iterdir()}
    assert "_units_v0_1.toc" not in names and "units_v0_abc.seg" not in names
    assert "notes.txt" in names
    assert any(n.startswith(f"_{INDEX_NAME}_") for n in names)


def test_unwritable_cache_dir_falls_back_to_memory_with_one_message(
    tmp_path: Path, bundled: Library
) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache directory should be")
    index = SearchIndex(blocker / "search-index")
    report = index.update(bundled)
    assert report.rebuilt
    assert index.in_memory
    assert index.warning is not None
    assert str(blocker / "search-index") in str(index.warning)
    assert "memory" in str(index.warning)
    message = index.warning
    assert index.search("statushouder").total > 0
    index.update(bundled)
    assert index.warning == message  # one message, not one per update


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions and a non-root user"
)
def test_read_only_cache_dir_falls_back_to_memory(tmp_path: Path, bundled: Library) -> None:
    directory = tmp_path / "ix"
    directory.mkdir()
    directory.chmod(0o500)
    try:
        index = SearchIndex(directory)
        index.update(bundled)
        assert index.in_memory and index.warning
        assert index.search("taaleis").total > 0
    finally:
        directory.chmod(0o700)


def test_disk_failing_mid_build_falls_back_to_memory(
    tmp_path: Path, bundled: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_reader.core.search import writer as writing

    real = writing.make_writer

    def failing_writer(ix: object, *args: object) -> object:
        writer = real(ix, *args)
        if type(ix.storage).__name__ == "FileStorage":  # type: ignore[attr-defined]

            def commit(*args: object, **kwargs: object) -> None:
                writer.cancel()
                raise OSError(28, "No space left on device")

            writer.commit = commit
        return writer

    monkeypatch.setattr(writing, "make_writer", failing_writer)
    index = SearchIndex(tmp_path / "ix")
    index.update(bundled)
    assert index.in_memory
    assert index.warning is not None and "No space left on device" in str(index.warning)
    assert index.search("taaleis").total > 0


def test_a_reopened_current_index_highlights_compounds_as_indexed(
    tmp_path: Path, bundled: Library
) -> None:
    SearchIndex(tmp_path / "ix").update(bundled)
    index = SearchIndex(tmp_path / "ix")
    assert index.update(bundled).added == ()
    marker = index.highlighter("vergunning")
    text = "een verblijfsvergunning en tewerkstellingsvergunningen, geen vergunningq"
    assert [text[s:e] for s, e in marker.spans(text)] == [
        "verblijfsvergunning",
        "tewerkstellingsvergunningen",
    ]


def test_in_memory_index_updates_incrementally(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    index = SearchIndex(None)
    index.update(library_with(folder))
    assert index.in_memory and index.warning is None
    report = index.update(library_with(folder, taalcafe=NEW_DOC))
    assert report.added == ("imported-taalcafe",) and not report.rebuilt
    assert index.search("kwispelstaart").total == 1


def test_a_writer_of_another_process_means_memory_not_waiting_forever(
    tmp_path: Path, bundled: Library
) -> None:
    from whoosh.filedb.filestore import FileStorage

    directory = tmp_path / "ix"
    directory.mkdir()
    lock = FileStorage(str(directory)).lock(f"{INDEX_NAME}_WRITELOCK")
    assert lock.acquire(False)  # as if another Briefing Reader were writing
    try:
        index = SearchIndex(directory, lock_timeout=0.2)
        started = time.monotonic()
        index.update(bundled)
        assert time.monotonic() - started < 5
        assert index.in_memory
        assert index.warning and "another Briefing Reader" in str(index.warning)
        assert index.search("taaleis").total > 0
    finally:
        lock.release()


def test_searching_while_another_thread_commits(tmp_path: Path) -> None:
    """The window's case: builds in a worker thread, searches on the GUI thread."""
    folder_a, folder_b = tmp_path / "a", tmp_path / "b"
    lib_a = library_with(folder_a)
    lib_b = library_with(folder_b, taalcafe=NEW_DOC)
    index = SearchIndex(tmp_path / "ix")
    index.update(lib_a)
    other = SearchIndex(tmp_path / "ix")  # a second reader, as another process would be
    errors: list[BaseException] = []
    stop = threading.Event()

    def writer() -> None:
        try:
            for i in range(8):
                index.update(lib_b if i % 2 == 0 else lib_a)
        except BaseException as exc:
            errors.append(exc)
        finally:
            stop.set()

    thread = threading.Thread(target=writer)
    thread.start()
    searches = 0
    while not stop.is_set() or searches < 20:
        for ix in (index, other):
            result = ix.search("taaleis gemeenten")
            assert result.total > 0
            assert ix.search("kwispelstaart").total in (0, 1)
        searches += 1
    thread.join()
    assert errors == []
    assert index.is_current(lib_a)
    assert other.search("kwispelstaart").total == 0


def test_two_threads_updating_take_turns(tmp_path: Path, bundled: Library) -> None:
    index = SearchIndex(tmp_path / "ix")
    reports = []
    threads = [
        threading.Thread(target=lambda: reports.append(index.update(bundled))) for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(1 for r in reports if r.added) == 1
    assert index.search("taaleis").total > 0


def segments(folder: Path) -> int:
    return SearchIndex(folder).segment_count()


def found(index: SearchIndex, query: str) -> list[tuple[str, str]]:
    return [(hit.doc, hit.anchor) for hit in index.search(query, limit=200).hits]


def test_a_bulk_update_is_merged_into_one_segment_and_a_small_one_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_reader.core.search import index as index_module

    monkeypatch.setattr(index_module, "BATCH", 2)  # a commit, a segment, per 2 documents
    monkeypatch.setattr(index_module, "BULK", 4)
    folder = tmp_path / "ix"
    index = SearchIndex(folder)
    library = library_with(tmp_path / "mine")  # the bundled documents alone
    report = index.update(library)
    assert report.bulk and len(report.added) >= 4
    assert segments(folder) > 1
    before = {q: found(index, q) for q in ("taaleis", '"open en vrije samenleving"', "inburger*")}
    assert all(before.values())
    assert index.compact() is True
    assert segments(folder) == 1
    assert {q: found(index, q) for q in before} == before  # the same hits, in the same order
    assert index.compact() is False  # one segment: nothing to merge

    grown = library_with(tmp_path / "mine", taalcafe=NEW_DOC)
    small = index.update(grown)  # one document of seven: not a bulk
    assert small.added == ("imported-taalcafe",) and not small.bulk
    assert [doc for doc, _anchor in found(index, "kwispelstaart")] == ["imported-taalcafe"]
    assert SearchIndex(None).update(grown).bulk is False  # in memory: never merged


def test_compacting_leaves_the_index_to_another_process_writing_it(
    tmp_path: Path, bundled: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_reader.core.search import index as index_module
    from briefing_reader.core.search._whoosh import FileStorage

    monkeypatch.setattr(index_module, "BATCH", 2)
    folder = tmp_path / "ix"
    index = SearchIndex(folder, lock_timeout=0.1)
    index.update(bundled)
    count = segments(folder)
    lock = FileStorage(str(folder)).lock(f"{INDEX_NAME}_WRITELOCK")
    assert lock.acquire(False)  # as if another Briefing Reader were writing
    try:
        assert index.compact() is False
    finally:
        lock.release()
    assert segments(folder) == count > 1
    assert index.search("taaleis").hits
