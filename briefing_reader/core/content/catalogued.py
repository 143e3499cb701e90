"""The library as the app holds it: a catalogue plus a loader.

What every start, the contents pane and search need (titles, dates,
dossiers, outlines, content hashes) comes from the :mod:`.catalogue`; a
document is parsed only when it is used (opened, printed, re-anchored,
exported), through a small bounded cache of parsed documents in memory with
the on-disk cache (:mod:`.cache`) behind it. Memory at start and while idle
does not grow with the number of documents beyond one small row each.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from pathlib import Path

from briefing_reader.core.content.cache import DocumentCache, parser_fingerprint
from briefing_reader.core.content.catalogue import Catalogue, Entry, SyncReport
from briefing_reader.core.content.errors import ContentError
from briefing_reader.core.content.library import Library, entry_sort_key
from briefing_reader.core.content.model import Document, Meta, OutlineNode

KEEP_PARSED = 8
"""Parsed documents kept in memory (the shown one, the last few opened)."""
QUICK = "quick"
"""``check`` for a short run (a search): only the folders' own times are looked
at for the ``trusted`` folders, every file of the others (see
:meth:`.Catalogue.sync`)."""


class LazyDocuments(Mapping[str, Document]):
    """``library.documents`` of a catalogued library: ids known, documents
    parsed when one is looked up."""

    def __init__(self, library: CataloguedLibrary) -> None:
        self._library = library

    def __getitem__(self, doc_id: str) -> Document:
        doc = self._library.get(doc_id)
        if doc is None:
            raise KeyError(doc_id)
        return doc

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._library.by_id

    def __iter__(self) -> Iterator[str]:
        return iter(self._library.by_id)

    def __len__(self) -> int:
        return len(self._library.by_id)


class CataloguedLibrary(Library):
    """A :class:`Library` read from a catalogue; documents parsed on use.

    Args:
        catalogue: where metadata and outlines are kept.
        folders: (folder, bundled) pairs in load order (later ones replace
            earlier documents by id).
        cache: the on-disk parsed-document cache, or None.
        keep: parsed documents kept in memory.
    """

    def __init__(
        self,
        catalogue: Catalogue,
        folders: list[tuple[Path, bool]],
        cache: DocumentCache | None,
        keep: int = KEEP_PARSED,
        *,
        check: bool | str = True,
        trusted: tuple[Path, ...] = (),
    ) -> None:
        super().__init__(errors=[], cache=cache)
        self.catalogue = catalogue
        self.folders = folders
        self.keep = keep
        self._by_id: dict[str, Entry] | None = None
        self._ordered: list[Entry] = []
        self._parsed: OrderedDict[str, Document] = OrderedDict()
        self._lock = threading.Lock()  # the window's thread and the indexing worker
        # A read-only view where Library holds a dict: the one method that writes to
        # it (add_folder) is overridden to go through the catalogue instead.
        self.documents = LazyDocuments(self)  # type: ignore[assignment]
        if check == QUICK and not self.catalogue.is_empty():
            self.last_sync = self.catalogue.sync(
                self.folders, self._load, parser_fingerprint(), trusted=trusted
            )
            self.errors = self.catalogue.errors()  # the entries are read when asked for
        elif check or self.catalogue.is_empty():
            self.last_sync = self.refresh()
        else:  # the window paints first, then reads the entries and checks the files
            self.last_sync = SyncReport()
            self.errors = self.catalogue.errors()

    @property
    def entries_read(self) -> bool:  # type: ignore[override]
        return self._by_id is not None

    def first_entries(self) -> list[Entry]:
        if self._by_id is not None:
            return super().first_entries()
        found = (self.catalogue.entry(doc_id) for doc_id in self.catalogue.bundled_ids())
        return sorted(
            (entry for entry in found if entry is not None and entry.bundled), key=entry_sort_key
        )

    @property
    def by_id(self) -> dict[str, Entry]:
        """Document id -> catalogue entry (read from the catalogue when first asked)."""
        if self._by_id is None:
            self.reload_entries()
        assert self._by_id is not None
        return self._by_id

    def refresh(self) -> SyncReport:
        """Look at the files again (after an import or a removal, or at start)."""
        report = self.catalogue.sync(self.folders, self._load, parser_fingerprint())
        self.reload_entries()
        self.last_sync = report
        return report

    def digest(self) -> str:
        """The digest of every document's id and hash: of the entries held,
        once read (any thread may ask); else the catalogue's (one row)."""
        if self._by_id is not None:
            return super().digest()
        return self.catalogue.digest()

    def check_files(self) -> SyncReport:
        """The start-up check of the files, for a worker thread: brings the
        catalogue file up to date through a connection of its own. Call
        :meth:`reload_entries` on the library's thread afterwards."""
        if self.catalogue.path is None:  # in memory: there is only the one
            return self.catalogue.sync(self.folders, self._load, parser_fingerprint())
        own = Catalogue(self.catalogue.path)
        try:
            return own.sync(self.folders, self._load, parser_fingerprint())
        finally:
            own.close()

    def read_entries(self) -> list[Entry]:
        """Every entry, read through a connection of its own (for a worker
        thread); give them to :meth:`adopt_entries` on the library's thread."""
        if self.catalogue.path is None:
            return self.catalogue.entries()
        own = Catalogue(self.catalogue.path)
        try:
            return own.entries()
        finally:
            own.close()

    def reload_entries(self) -> None:
        """Read the entries from the catalogue (after :meth:`check_files`)."""
        self.adopt_entries(self.catalogue.entries())

    def adopt_entries(self, entries: list[Entry]) -> None:
        """Hold ``entries`` (of :meth:`read_entries`) as the library's."""
        by_id: dict[str, Entry] = {}
        for entry in entries:  # in load order: a later one wins
            by_id[entry.id] = entry
        self._by_id = by_id
        self._ordered = sorted(by_id.values(), key=entry_sort_key)
        self.errors = self.catalogue.errors()
        for doc_id, doc in list(self._parsed.items()):
            kept = by_id.get(doc_id)
            if kept is None or kept.source_hash != doc.source_hash or kept.path != doc.path:
                del self._parsed[doc_id]

    # -- without parsing ---------------------------------------------------

    def __len__(self) -> int:
        return len(self.by_id)

    def entries(self) -> list[Entry]:
        if self._by_id is None:
            self.reload_entries()
        return list(self._ordered)

    def entry(self, doc_id: str) -> Entry | None:
        if self._by_id is None:  # one row, not all of them
            return self.catalogue.entry(doc_id)
        return self._by_id.get(doc_id)

    def hashes(self) -> dict[str, str]:
        return {doc_id: entry.source_hash for doc_id, entry in self.by_id.items()}

    def outline(self, doc_id: str) -> OutlineNode | None:
        entry = self.entry(doc_id)
        return self.catalogue.outline(entry.file) if entry else None

    def meta(self, doc_id: str) -> Meta | None:
        entry = self.entry(doc_id)
        return self.catalogue.meta(entry.file) if entry else None

    def action_documents(self, action_id: str | None = None) -> list[str]:
        """From the catalogued outlines: nothing is parsed."""
        files = set(self.catalogue.holding(action_id))
        return [e.id for e in self._ordered if e.file in files]

    def identified(self, key: tuple[str, ...]) -> Meta | None:
        """From the identities stored in the catalogue: one look-up, not a
        reading of every entry (a document opened at 10,000 letters read
        them all, 0.35 s, to link its references)."""
        from briefing_reader.core.content.citing import key_text

        found = [
            entry
            for path, doc_id in self.catalogue.identified(key_text(key))
            if (entry := self.entry(doc_id)) is not None and entry.file == path  # the winner
        ]
        return self.catalogue.meta(min(found, key=entry_sort_key).file) if found else None

    def cited_by(self, meta: Meta) -> list[tuple[str, str | None, str, int]]:
        """From the references stored in the catalogue: nothing is parsed,
        and only the citing files' entries are read."""
        from briefing_reader.core.content.citing import identity_keys, key_text

        rows = self.catalogue.citing(key_text(k) for k in identity_keys(meta))
        doc_of: dict[str, str | None] = {}
        for path, *_rest in rows:
            if path not in doc_of:
                doc_id = self.catalogue.doc_id(path)
                entry = self.entry(doc_id) if doc_id is not None else None
                doc_of[path] = doc_id if entry is not None and entry.file == path else None
        found = [
            (doc_id, anchor, text, offset)
            for path, anchor, text, offset in rows
            if (doc_id := doc_of[path]) is not None and doc_id != meta.id
        ]
        return sorted(found, key=lambda row: (row[0], row[3]))

    # -- parsing on use ------------------------------------------------------

    def get(self, doc_id: str) -> Document | None:
        """The parsed document (kept among the last few used), or None."""
        with self._lock:
            doc = self._parsed.get(doc_id)
            if doc is not None:
                self._parsed.move_to_end(doc_id)
                return doc
        doc = self.load(doc_id)
        if doc is not None:
            with self._lock:
                self._parsed[doc_id] = doc
                while len(self._parsed) > self.keep:
                    self._parsed.popitem(last=False)
        return doc

    def load(self, doc_id: str) -> Document | None:
        """The parsed document without keeping it (indexing reads them all,
        possibly from a worker thread)."""
        with self._lock:
            doc = self._parsed.get(doc_id)
        if doc is not None:
            return doc
        entry = self.entry(doc_id)
        if entry is None:
            return None
        try:
            return self._load(entry.path, entry.bundled)
        except ContentError as exc:  # changed behind our back since the last sync
            self.errors.append(exc)
            return None

    def __iter__(self) -> Iterator[Document]:
        """Every document, parsed one at a time (for features that read them all)."""
        for entry in self.entries():
            doc = self.get(entry.id)
            if doc is not None:
                yield doc

    def ordered(self) -> list[Document]:
        return list(self)

    def add_folder(self, folder: Path, *, bundled: bool) -> None:
        self.folders.append((folder, bundled))
        self.refresh()


def open_catalogued(
    folders: list[tuple[Path, bool]],
    catalogue_path: Path | None,
    cache_dir: Path | None,
    *,
    check: bool | str = True,
    trusted: tuple[Path, ...] = (),
) -> CataloguedLibrary:
    """The library of ``folders`` as catalogued at ``catalogue_path``.

    ``check``: look at the files now (else the caller runs
    :meth:`CataloguedLibrary.check_files` soon, as the window does after
    its first paint); :data:`QUICK`: look at every file of the folders not
    in ``trusted``, and at the others only when the folder changed.
    """
    cache = DocumentCache(cache_dir) if cache_dir else None
    return CataloguedLibrary(
        Catalogue(catalogue_path), list(folders), cache, check=check, trusted=trusted
    )
