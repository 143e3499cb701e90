"""The search index: a rebuildable cache of the library, on disk or in memory.

Whoosh is imported on first use, never when this module is imported.

Concurrency: one writer at a time (a thread lock in this process, Whoosh's
file lock between processes), any number of searches meanwhile. A search
uses the searcher of the last commit it saw; a commit writes new segment
files and a new table of contents atomically, so a search never sees half
a commit. Opening an index that another process is committing to can fail
for a moment (a segment deleted between reading the table of contents and
opening it); Whoosh retries that for half a second. An index that still
fails to open, or fails during a search, is marked broken: searches answer
"not ready" (:attr:`SearchResult.index_ready` False) instead of failing
again, and the next :meth:`SearchIndex.update` rebuilds it under the write
lock.
"""

from __future__ import annotations

import contextlib
import gc
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing_reader.core.content import Library
from briefing_reader.core.messages import Message, message
from briefing_reader.core.search import storage as files
from briefing_reader.core.search.errors import SearchError
from briefing_reader.core.search.query import parse
from briefing_reader.core.search.results import Highlighter, SearchResult
from briefing_reader.core.search.text import CompoundSplitter, DutchTerms
from briefing_reader.core.search.vocabulary import IndexSplitter, IndexVocabulary

Progress = Callable[[int, int], None]
BATCH = 250
"""Documents per commit: a run killed while indexing keeps what it committed,
and the writer's memory does not grow with the library."""
POOL_MB = 160
"""Memory for the writer's postings (Whoosh's estimate) before it spills
sorted runs to disk. A batch of 250 letters of 15 KB fits, so nothing
spills: spilling and merging runs cost 29% of indexing's CPU time, and peak
RSS while indexing stays near 300 MiB whatever the library's size (the
pool is the bound). In a thread of the window, set ``pool_mb`` to 1: one
big sort holds the interpreter lock, and the event loop, that long."""


BULK = 500
"""Documents indexed in one update (and half the library or more) after which
the index is worth merging into one segment: a bulk import, a rebuild.
Whoosh's own policy merges only small segments, and leaves a library indexed
in batches in up to 16 of them; at 10,000 letters a query then reads every
term in each, and ran 15-35% slower than on one segment (a CLI search 1.22x
the empty library's, against 1.09x). Merging costs a quarter to a half of
the indexing (54 s CPU at 10,000 letters, against 236 s; 8.5 s at 1,000,
against 16 s: ``benchmarks/merge.py``): once, after the bulk, not after each
small import (which would rewrite the whole index for it)."""

OPEN_ATTEMPTS = 5
"""Tries at opening an index that another process may be committing to."""


@dataclass(frozen=True)
class UpdateReport:
    """What :meth:`SearchIndex.update` did.

    Attributes:
        added, changed, removed: document ids indexed anew, re-indexed and
            dropped (all empty when the index was already current).
        rebuilt: the index was created from scratch (missing, of another
            schema version, or corrupt).
        seconds: wall time of the update.
        bulk: at least :data:`BULK` documents, half the library or more,
            were indexed: worth a :meth:`SearchIndex.compact`.
    """

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    rebuilt: bool = False
    seconds: float = 0.0
    bulk: bool = False


class SearchIndex:
    """The full-text index of a library.

    Args:
        directory: where the index lives (``paths.search_index``), or None
            for an index in memory only.
        lock_timeout: seconds to wait for another process's writer.

    Attributes:
        warning: one sentence for the user when the index could not be kept
            on disk and lives in memory for this session, else None.
    """

    def __init__(self, directory: Path | str | None, *, lock_timeout: float = 3.0) -> None:
        self.directory = Path(directory) if directory is not None else None
        self.lock_timeout = lock_timeout
        self.warning: Message | None = None  # str(): English; the UI words it
        self._in_memory = directory is None
        self._lock = threading.RLock()  # the searcher, and the index it reads
        self._write_lock = threading.Lock()  # one writer in this process
        self._ix: Any = None
        self._searcher: Any = None
        self._terms: DutchTerms | None = None
        self._splitter: CompoundSplitter | None = None
        self._splitter_searcher: Any = None
        self._opened: Any = None  # the searcher that checked the index on opening, unused yet
        self._broken = False  # the index failed to open or to search: rebuild it
        self.pool_mb = POOL_MB

    # -- state -----------------------------------------------------------

    @property
    def in_memory(self) -> bool:
        """True when the index is (or will be) kept in memory only."""
        return self._in_memory

    @property
    def ready(self) -> bool:
        """True when there is an index to search (it may be out of date)."""
        with self._lock:
            return self._searcher_or_none() is not None

    def is_current(self, library: Library) -> bool:
        """True when the index holds exactly the library's documents as they are."""
        with self._lock:
            ix = self._ix = self._ix if self._ix is not None else self._open_existing()
            if ix is not None and self._opened is not None:  # no second opening
                try:
                    return files.state(self._opened) == files.fingerprint(library)
                except Exception:  # unreadable now: update() looks again under the write lock
                    return False
        if ix is None:
            return False
        try:
            with ix.searcher() as searcher:  # its own: a searcher is not for two threads
                return files.state(searcher) == files.fingerprint(library)
        except Exception:  # unreadable now: update() looks again under the write lock
            return False

    def close(self) -> None:
        """Close the searcher; the index can be used again afterwards."""
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = None
            self._ix = None
            self._drop_opened()

    def _drop_opened(self) -> None:
        if self._opened is not None:
            with contextlib.suppress(Exception):
                self._opened.close()
        self._opened = None

    def reopen(self) -> None:
        """Look at the files afresh: another process (the window's indexer)
        has committed, or rebuilt an index this one found broken."""
        with self._lock:
            if self._searcher is not None:
                with contextlib.suppress(Exception):
                    self._searcher.close()
            self._searcher = self._ix = None
            self._broken = False

    def reopen_if_broken(self) -> None:
        """Let the next search try a broken or missing index again (another
        process is rebuilding it); cheap: nothing is opened here."""
        with self._lock:
            if self._broken:
                self._broken = False

    def go_in_memory(self, problem: str) -> None:
        """Keep the index in memory from now on (the folder cannot be written)."""
        self._go_in_memory(problem)

    def __del__(self) -> None:
        # The segments are separate files (see writer.make_writer): a searcher
        # left open by a forgetful caller must not leak their handles.
        with contextlib.suppress(Exception):
            self.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------

    def update(self, library: Library, progress: Progress | None = None) -> UpdateReport:
        """Bring the index in line with ``library``: build, or update incrementally.

        Only documents that were added, changed (other source hash) or
        removed are touched. A missing, stale-schema or corrupt index is
        rebuilt. Safe to call from a worker thread while other threads
        search. ``progress(done, total)`` is called with ``done`` counting
        documents; ``(total, total)`` comes after the commit.

        Raises:
            SearchError: when even an index in memory cannot be written (an
                index on disk that cannot be written falls back to memory).
        """
        started = time.perf_counter()
        with self._write_lock:
            terms = self.terms()
            if not self._broken and self.is_current(library):
                _report_done(progress, 0)
                return UpdateReport(seconds=time.perf_counter() - started)
            try:
                with self._writing() as (ix, rebuilt):
                    report = self._apply(ix, library, terms, progress, rebuilt)
            except OSError as exc:  # disk full, vanished directory...
                if self._in_memory:
                    raise SearchError(message("search.not_built", problem=str(exc))) from exc
                self._go_in_memory(exc.strerror or str(exc))
                with self._writing() as (ix, rebuilt):
                    report = self._apply(ix, library, terms, progress, rebuilt)
            self._swap(ix)
        return UpdateReport(
            added=report.added,
            changed=report.changed,
            removed=report.removed,
            rebuilt=rebuilt,
            seconds=time.perf_counter() - started,
            bulk=report.bulk and not self._in_memory,  # an index in memory is not kept
        )

    def segment_count(self) -> int:
        """How many segments the index on disk has (0: none, or one in memory)."""
        from briefing_reader.core.search._whoosh import FileStorage

        if self._in_memory or self.directory is None or not self.directory.is_dir():
            return 0
        ix, _missing = files.try_open(FileStorage(str(self.directory)))
        return 0 if ix is None else _segment_count(ix)

    def compact(self) -> bool:
        """Merge the index on disk into one segment (after a bulk update: see
        :attr:`UpdateReport.bulk`); False when there was nothing to merge or
        another process is writing (it is left to that one). Searches go on
        meanwhile, on the segments as they were; a run killed while merging,
        or a disk that fills up, leaves them as they were.
        """
        from briefing_reader.core.search import schema
        from briefing_reader.core.search._whoosh import FileStorage
        from briefing_reader.core.search.writer import make_writer

        if self._in_memory or self.directory is None:
            return False
        with self._write_lock:
            storage = FileStorage(str(self.directory))
            lock = storage.lock(f"{schema.INDEX_NAME}_WRITELOCK")
            if not files.acquire(lock, self.lock_timeout):
                return False
            try:
                ix, _missing = files.try_open(storage)
                if ix is None or _segment_count(ix) < 2:
                    return False
                writer = make_writer(ix, self.pool_mb)
                try:
                    writer.commit(optimize=True)
                except OSError:
                    with contextlib.suppress(Exception):  # it may be closed already
                        writer.cancel()
                    return False
            finally:
                lock.release()
            self._swap(ix)
        return True

    def _apply(
        self, ix: Any, library: Library, terms: DutchTerms, progress: Progress | None, rebuilt: bool
    ) -> UpdateReport:
        """Index what changed, one batch of documents per commit, streamed:
        each document is parsed (or read from the document cache) when its
        turn comes and dropped after."""
        with ix.searcher() as searcher:
            have = files.manifest(searcher)
        wanted = files.wanted(library)
        todo = [doc_id for doc_id in sorted(wanted) if have.get(doc_id) != wanted[doc_id]]
        removed = tuple(sorted(set(have) - set(wanted)))
        total = len(todo)
        if progress:
            progress(0, total)
        words = _RunWords(terms)
        for start in range(0, max(total, 1), BATCH):
            last = start + BATCH >= total
            self._commit_batch(
                ix,
                library,
                words,
                todo[start : start + BATCH],
                have,
                removed if start == 0 else (),
                files.fingerprint(library) if last else None,
                _ticker(progress, start, total),
            )
        _report_done(progress, total)
        return UpdateReport(
            added=tuple(d for d in todo if d not in have),
            changed=tuple(d for d in todo if d in have),
            removed=removed,
            bulk=total >= BULK and 2 * total >= len(wanted),
        )

    def _commit_batch(
        self,
        ix: Any,
        library: Library,
        words: _RunWords,
        batch: list[str],
        have: dict[str, str],
        removed: tuple[str, ...],
        state: str | None,
        tick: Callable[[int], None] | None = None,
    ) -> None:
        """One commit: drop ``removed``, (re)index ``batch``, then the state
        record (the library's fingerprint) when this is the last batch.
        ``tick(n)`` after the n-th document of the batch is added."""
        from briefing_reader.core.search.schema import lexicon_record, records
        from briefing_reader.core.search.writer import add_record, make_writer

        writer = make_writer(ix, self.pool_mb)
        try:
            for doc_id in removed:
                writer.delete_by_term("doc", doc_id)
            with ix.reader() as reader:
                words.vocabulary.reader = reader
                for n, doc_id in enumerate(batch):
                    if tick is not None and n:
                        tick(n)
                    if doc_id in have:
                        writer.delete_by_term("doc", doc_id)
                    doc = library.load(doc_id)
                    if doc is None:  # gone or broken since the catalogue saw it
                        continue
                    for record in records(doc, words.terms, words.splitter, words.seen, words.keys):
                        add_record(writer, record)
                lexicon = lexicon_record(words.seen - words.in_lexicon, reader)
                words.vocabulary.reader = None
            if lexicon is not None:
                words.in_lexicon.update(lexicon["forms"])
                writer.add_document(**lexicon)
            if state is not None:
                writer.delete_by_term("kind", files.STATE_KIND)
                writer.add_document(kind=files.STATE_KIND, dochash=state)
            writer.commit()
        except BaseException:
            with contextlib.suppress(Exception):  # it may be closed already
                writer.cancel()
            raise

    @contextlib.contextmanager
    def _writing(self) -> Iterator[tuple[Any, bool]]:
        """The index to write to, with the write lock held: (index, rebuilt)."""
        from briefing_reader.core.search import schema

        if not self._in_memory:
            problem = files.writable(self.directory)
            if problem is None:
                assert self.directory is not None
                from briefing_reader.core.search._whoosh import FileStorage

                storage = FileStorage(str(self.directory))
                lock = storage.lock(f"{schema.INDEX_NAME}_WRITELOCK")
                if files.acquire(lock, self.lock_timeout):
                    try:
                        ix, rebuilt = self._open_or_create(storage)
                        yield ix, rebuilt
                    finally:
                        lock.release()
                    return
            self._go_in_memory(problem or message("search.busy"))  # None: another writer
        with self._lock:
            ix = self._ix
        rebuilt = ix is None
        if ix is None:
            ix = _ram_storage().create_index(schema.make_schema(), indexname=schema.INDEX_NAME)
        yield ix, rebuilt

    def _open_or_create(self, storage: Any) -> tuple[Any, bool]:
        from briefing_reader.core.search import schema

        if not self._broken:
            ix, _missing = files.try_open(storage)
            if ix is not None:
                files.remove_other_versions(storage)
                return ix, False
        with self._lock:  # nobody reads the old files while they go
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = self._ix = None
            files.clear(storage)
            self._broken = False
        return storage.create_index(schema.make_schema(), indexname=schema.INDEX_NAME), True

    def _go_in_memory(self, problem: str | Message) -> None:
        self._in_memory = True
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = self._ix = None
        self.warning = message("search.in_memory", folder=str(self.directory), problem=problem)

    def _swap(self, ix: Any) -> None:
        with self._lock:
            self._drop_opened()
            old = self._searcher
            self._ix = ix
            self._searcher = ix.searcher()
            if old is not None:
                old.close()

    # -- reading ---------------------------------------------------------

    def terms(self) -> DutchTerms:
        """The Dutch term maker shared by indexing, queries and highlighting."""
        if self._terms is None:
            self._terms = DutchTerms()
        return self._terms

    def search(
        self, query: str, *, doc: str | None = None, actions_only: bool = False, limit: int = 50
    ) -> SearchResult:
        """Search the index.

        Never raises for the query: a malformed one is searched as plain
        words. Without any index yet, returns an empty result with
        ``index_ready`` False.

        Args:
            query: in the query language (see :mod:`.query`).
            doc: only this document (like ``doc:ID``).
            actions_only: only text inside actions (like ``in:acties``).
            limit: at most this many hits (``total`` counts them all).

        Raises:
            SearchError: when the index fails while being read (call
                :meth:`update`, which rebuilds it).
        """
        from briefing_reader.core.search import searching

        parsed = parse(query)
        terms = self.terms()
        with self._lock:
            searcher = self._searcher_or_none()
            if searcher is None:
                return SearchResult(query, malformed=parsed.malformed, index_ready=False)
            try:
                return searching.run(
                    searcher,
                    parsed,
                    terms,
                    self._splitter_of(searcher),
                    doc=doc,
                    actions_only=actions_only,
                    limit=limit,
                )
            except Exception as exc:
                self._broken = True
                with contextlib.suppress(Exception):
                    searcher.close()
                self._searcher = self._ix = None
                raise SearchError(message("search.not_read", problem=str(exc))) from exc

    def highlighter(self, query: str) -> Highlighter:
        """Marks every word of ``query`` in a text (e.g. a whole document)."""
        from briefing_reader.core.search import searching

        parsed = parse(query)
        with self._lock:
            searcher = self._searcher_or_none()
            forms: set[str] = set()
            if searcher is not None:
                forms = searching.compile_query(parsed, self.terms(), searcher.reader()).forms
            splitter = self._splitter_of(searcher) if searcher is not None else None
            return searching.highlighter(parsed, self.terms(), forms, splitter)

    def _searcher_or_none(self) -> Any:
        """The current searcher (refreshed if another commit happened), or None."""
        if self._searcher is None:
            ix = self._open_existing()
            if ix is None:
                return None
            self._ix = ix
            self._searcher, self._opened = self._opened or ix.searcher(), None
        elif not self._in_memory:
            self._refresh_searcher()
        return self._searcher

    def _refresh_searcher(self) -> None:
        """The searcher of the latest commit, opened afresh (Whoosh's own
        refresh hands the old readers over and loses them when opening fails
        half-way); the old view if the new one cannot be opened (a segment
        merged away meanwhile). Whoosh leaves the files of a half-opened reader
        to the garbage collector: they go quietly."""
        try:
            if self._searcher.up_to_date():
                return
        except Exception:
            return
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            fresh, failed = None, False
            for _attempt in range(5):
                fresh = _open_searcher(self._ix)
                if fresh is not None:
                    break
                failed = True
            if failed:  # only a failed attempt leaves files behind
                gc.collect()  # (a full collection: 100 ms and more in a big window)
        if fresh is not None:
            old, self._searcher = self._searcher, fresh
            with contextlib.suppress(Exception):
                old.close()

    def _open_existing(self) -> Any:
        if self._ix is not None:
            return self._ix
        if self._broken or self._in_memory or self.directory is None or not self.directory.is_dir():
            return None
        from briefing_reader.core.search._whoosh import FileStorage

        storage = FileStorage(str(self.directory), readonly=True)
        # Another process's commit can remove a segment between reading the
        # table of contents and opening it: try again before calling it broken.
        for _attempt in range(OPEN_ATTEMPTS):
            ix, missing, searcher = files.open_searching(storage)
            if ix is not None or missing:
                break
        if ix is None and not missing:
            self._broken = True  # searches answer "not ready" until update() rebuilds
        self._drop_opened()
        self._opened = searcher
        return ix

    def _splitter_of(self, searcher: Any) -> CompoundSplitter:
        """The splitter for highlighting, its vocabulary read from the index
        this searcher sees (made again when the searcher is)."""
        if self._splitter is None or self._splitter_searcher is not searcher:
            vocabulary = IndexVocabulary(
                searcher.reader(), set(), self.terms().stop_words, self._ix
            )
            self._splitter = IndexSplitter(vocabulary)
            self._splitter_searcher = searcher
        return self._splitter


class _RunWords:
    """What the compound splitter knows during one update, across its batches.

    The forms of every document indexed in this run are ``seen`` (the
    splitter asks them first); other words are looked up in the index as it
    was, and the answers kept for the whole run (a word the run commits is
    in ``seen``, so no kept "unknown" goes stale). One look-up asks every
    segment: kept per batch, they cost a fifth of a 1,500-letter build.
    """

    def __init__(self, terms: DutchTerms) -> None:
        from briefing_reader.core.search.schema import FormKeys

        self.terms = terms
        self.seen: set[str] = set()
        self.in_lexicon: set[str] = set()  # forms this run wrote to lexicon records
        self.vocabulary = IndexVocabulary(None, self.seen, terms.stop_words)
        self.splitter = IndexSplitter(self.vocabulary)
        self.keys = FormKeys(terms, self.splitter)


def _open_searcher(ix: Any) -> Any:
    """A new searcher of ``ix``, or None when it cannot be opened just now."""
    try:
        return ix.searcher()
    except Exception:
        return None


def _ram_storage() -> Any:
    """Whoosh's memory storage, with a temporary folder of its own per writer.

    Whoosh names a memory index's spill folder after the index
    (``/tmp/units_v1.tmp``): two processes writing at once delete each
    other's files.
    """
    from briefing_reader.core.search._whoosh import RamStorage

    class PrivateRamStorage(RamStorage):
        def temp_storage(self, name: str | None = None) -> Any:
            return super().temp_storage(None)

    return PrivateRamStorage()


def _segment_count(ix: Any) -> int:
    with ix.reader() as reader:
        return len(reader.leaf_readers())


def _ticker(progress: Progress | None, start: int, total: int) -> Callable[[int], None] | None:
    """``tick(n)`` for a batch starting at ``start``: ``progress(start + n, total)``."""
    if progress is None:
        return None
    report = progress

    def tick(n: int) -> None:
        report(min(start + n, total), total)

    return tick


def _report_done(progress: Progress | None, total: int) -> None:
    if progress:
        progress(total, total)
