"""All documents of one run: bundled, overridden and imported."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_reader.core.content.cache import DocumentCache
from briefing_reader.core.content.errors import ContentError, read_source
from briefing_reader.core.content.model import Document, Meta, OutlineNode

if TYPE_CHECKING:
    from briefing_reader.core.content.catalogue import Entry

# Letters first, then what we compiled, each group by date.
_KIND_ORDER = {"kamerbrief": 0, "imported": 1, "companion": 2}


@dataclass
class Library:
    """The loaded documents and the files that failed to load.

    A broken file never stops the others: it lands in ``errors``.
    """

    documents: dict[str, Document] = field(default_factory=dict)
    errors: list[ContentError] = field(default_factory=list)
    cache: DocumentCache | None = None

    def __iter__(self) -> Iterator[Document]:
        return iter(self.ordered())

    def __len__(self) -> int:
        return len(self.documents)

    def ordered(self) -> list[Document]:
        return sorted(self.documents.values(), key=_sort_key)

    def get(self, doc_id: str) -> Document | None:
        return self.documents.get(doc_id)

    def find(self, doc_id: str, anchor: str | None = None) -> tuple[Document, OutlineNode]:
        """The document and the outline node an address points at.

        Raises:
            KeyError: with a message naming what was not found.
        """
        doc = self.documents.get(doc_id)
        if doc is None:
            known = ", ".join(sorted(self.documents))
            raise KeyError(f"no document '{doc_id}' (known: {known})")
        if not anchor:
            return doc, doc.outline
        node = doc.node(anchor)
        if node is None:
            raise KeyError(f"document '{doc_id}' has no place '#{anchor}'")
        return doc, node

    # What a catalogue answers without parsing (see catalogued.py); here
    # from the parsed documents, so callers need not know which they hold.

    def entries(self) -> list[Entry]:
        from briefing_reader.core.content.catalogue import entry_of

        return [entry_of(doc) for doc in self.ordered()]

    def entry(self, doc_id: str) -> Entry | None:
        from briefing_reader.core.content.catalogue import entry_of

        doc = self.documents.get(doc_id)
        return entry_of(doc) if doc is not None else None

    entries_read = True
    """False while a catalogued library has read only the entries asked for
    (the window's first paint); :meth:`entries` reads them all."""

    def first_entries(self) -> list[Entry]:
        """The bundled documents' entries (what the window shows at its
        first paint, before every entry is read)."""
        return [entry for entry in self.entries() if entry.bundled]

    def hashes(self) -> dict[str, str]:
        """Document id -> content hash of every document."""
        return {doc_id: doc.source_hash for doc_id, doc in self.documents.items()}

    def digest(self) -> str:
        """:func:`content_digest` of the documents (what a search index matches)."""
        return content_digest(self.hashes())

    def outline(self, doc_id: str) -> OutlineNode | None:
        doc = self.documents.get(doc_id)
        return doc.outline if doc is not None else None

    def meta(self, doc_id: str) -> Meta | None:
        doc = self.documents.get(doc_id)
        return doc.meta if doc is not None else None

    def action_documents(self, action_id: str | None = None) -> list[str]:
        """Ids of the documents holding an action or sub-action (with id
        ``action_id``), in library order."""
        return [
            doc.id
            for doc in self.ordered()
            if any(action_id is None or n.id == action_id for n in doc.actions())
        ]

    def identified(self, key: tuple[str, ...]) -> Meta | None:
        """The front matter of the document a reference with ``key`` cites:
        the first in library order answering to it; never our companions."""
        from briefing_reader.core.content.citing import identity_keys

        for entry in self.entries():
            meta = self.meta(entry.id)
            if meta is not None and meta.kind != "companion" and key in identity_keys(meta):
                return meta
        return None

    def cited_by(self, meta: Meta) -> list[tuple[str, str | None, str, int]]:
        """(citing document, anchor, text, offset) of every reference to the
        document of ``meta`` in another document, by document and place."""
        from briefing_reader.core.content.citing import document_references, identity_keys

        keys = identity_keys(meta)
        return [
            (doc.id, f.anchor, f.ref.text, f.offset)
            for doc in sorted(self.documents.values(), key=lambda d: d.id)
            if doc.id != meta.id
            for f in document_references(doc)
            if f.ref.key in keys
        ]

    def load(self, doc_id: str) -> Document | None:
        """The parsed document, for a reader of every document (indexing)."""
        return self.get(doc_id)

    def refresh(self) -> object:
        """A library held in memory has nothing to look at again."""
        return None

    def add_folder(self, folder: Path, *, bundled: bool) -> None:
        """Load every ``*.md`` in ``folder``; a document replaces one with its id."""
        if not folder.is_dir():
            return
        for path in sorted(folder.glob("*.md")):
            try:
                doc = self._load(path, bundled)
            except ContentError as exc:
                self.errors.append(exc)
                continue
            self.documents[doc.id] = doc

    def _load(self, path: Path, bundled: bool) -> Document:
        data = read_source(path)
        cached = self.cache.get(data, path, bundled) if self.cache else None
        if cached is not None:
            return cached
        # The parser (markdown-it, YAML) is imported only on a cache miss.
        from briefing_reader.core.content.parse import document_from_bytes

        try:
            doc = document_from_bytes(data, path, bundled=bundled)
        except ContentError:
            raise
        except Exception as exc:  # a file we cannot read must never stop the app
            raise ContentError(path, f"could not be read ({type(exc).__name__}: {exc})") from exc
        if self.cache is not None:
            self.cache.put(data, doc)
        return doc


def content_digest(hashes: dict[str, str]) -> str:
    """A digest of every document's id and content hash."""
    import hashlib

    lines = "".join(f"{doc_id}:{hashes[doc_id]}\n" for doc_id in sorted(hashes))
    return hashlib.sha256(lines.encode()).hexdigest()


def _sort_key(doc: Document) -> tuple[int, str, str]:
    date = doc.meta.date.isoformat() if doc.meta.date else "9999"
    return (_KIND_ORDER.get(doc.meta.kind, 1), date, doc.title)


def entry_sort_key(entry: Entry) -> tuple[int, str, str]:
    """The order of :func:`_sort_key`, for catalogue entries."""
    date = entry.date.isoformat() if entry.date else "9999"
    return (_KIND_ORDER.get(entry.kind, 1), date, entry.title)


def load_library(folders: Iterable[tuple[Path, bool]], cache_dir: Path | None = None) -> Library:
    """Load folders in order (later ones replace earlier documents by id).

    Args:
        folders: (folder, bundled) pairs, typically the bundled content, the
            user's imported documents and an optional override folder.
        cache_dir: where parsed documents are cached, or None for no cache.
    """
    library = Library(cache=DocumentCache(cache_dir) if cache_dir else None)
    for folder, bundled in folders:
        library.add_folder(folder, bundled=bundled)
    return library
