"""Which documents cite which: references found in documents, resolved to the library.

Qt-free. Three pieces, so the index can move into a catalogue later:

- :func:`document_references` - the references in one document's text and
  footnotes, each with the anchor of the place it stands in;
- :func:`identity_keys` / :class:`Resolver` - the keys a document answers
  to (Kamerstuk dossier and number, an Aanhangsel's year and number), and
  the document a reference points to (any version: the library holds one
  document per identity);
- :class:`CitationIndex` - a small SQLite table of (citing document, its
  source hash, cited key, anchor, text), refreshed per document when its
  source changes, so "cited by" needs no document in memory.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_reader.core.content.citation import citation
from briefing_reader.core.content.model import Document, Meta
from briefing_reader.core.content.references import (
    Reference,
    dossier_key,
    find_references,
    kamerstuk_citation,
)

if TYPE_CHECKING:
    from briefing_reader.core.content.library import Library

SCHEMA_VERSION = 1
_AH_ID = re.compile(r"^ah-(?P<house>tk|ek)-(?P<y1>\d{4})(?P<y2>\d{4})-(?P<nr>\d+)$")


@dataclass(frozen=True)
class Found:
    """A reference in a document: where it stands and what it cites."""

    ref: Reference
    offset: int  # in the document's plain text
    anchor: str | None  # the outline node (or footnote, "fn-8") it stands in


def document_references(doc: Document) -> list[Found]:
    """Every reference in the document's blocks (text and footnotes), in order."""
    found: list[Found] = []
    for index, block in enumerate(doc.blocks):
        if not block.text:
            continue
        refs = find_references(block.text)
        if not refs:
            continue
        if block.kind == "footnote":
            anchor: str | None = block.anchor
        else:
            node = doc.node_at_block(index)
            anchor = None if node.kind == "document" else node.id
        found += [Found(ref, block.start + ref.start, anchor) for ref in refs]
    return found


def identity_keys(meta: Meta) -> set[tuple[str, ...]]:
    """The keys a document answers to: ('kst', '32824', '456'), ('ah', 'II', '2024/25', '753')."""
    keys: set[tuple[str, ...]] = set()
    if meta.dossier_number and meta.volgnummer is not None:
        keys.add(("kst", dossier_key(meta.dossier_number), str(meta.volgnummer)))
    for value in (meta.id, str(meta.raw.get("publication") or "")):
        if match := _AH_ID.match(value):
            chamber = "II" if match["house"] == "tk" else "I"
            keys.add(("ah", chamber, f"{match['y1']}/{match['y2'][2:]}", match["nr"]))
    return keys


class Resolver:
    """Finds the library document a reference cites (built from front matter only)."""

    def __init__(self, metas: Iterable[Meta]) -> None:
        self.by_key: dict[tuple[str, ...], Meta] = {}
        for meta in metas:
            if meta.kind == "companion":  # ours; it may carry a letter's numbers
                continue
            for key in identity_keys(meta):
                self.by_key.setdefault(key, meta)

    def target(self, ref: Reference) -> Meta | None:
        return self.by_key.get(ref.key)

    def citation(self, ref: Reference) -> str:
        """The normalised citation; the year from the library when the text omits it."""
        meta = self.target(ref)
        if meta is not None and ref.kind == "kst" and not ref.year:
            return citation(meta) or kamerstuk_citation(ref.dossier or "", ref.volgnummer, None)
        return ref.citation


def library_resolver(library: Library) -> Resolver:
    """A resolver over the library's front matter, read from the catalogue:
    no document is parsed (a library holds thousands)."""
    metas = (library.meta(entry.id) for entry in library.entries())
    return Resolver(meta for meta in metas if meta is not None)


def refs_json(doc: Document, resolver: Resolver) -> list[dict[str, Any]]:
    """The ``refs --json`` records of a document."""
    out = []
    for found in document_references(doc):
        target = resolver.target(found.ref)
        out.append(
            {
                "text": found.ref.text,
                "dossier": found.ref.dossier,
                "volgnummer": found.ref.volgnummer,
                "citation": resolver.citation(found.ref),
                "target": target.id if target is not None else None,
                "in_library": target is not None,
                "anchor": found.anchor,
                "offset": found.offset,
            }
        )
    return out


class CitationIndex:
    """Citations between documents, kept in SQLite (``path``) or in memory (None).

    ``refresh(library)`` re-reads only documents whose source changed and
    forgets removed ones; ``cited_by(meta)`` answers from the table.
    """

    def __init__(self, path: Path | None) -> None:
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path) if path is not None else ":memory:")
        try:
            self._setup()
        except sqlite3.DatabaseError:  # damaged cache: it is rebuildable
            self.db.close()
            if path is not None:
                path.unlink(missing_ok=True)
            self.db = sqlite3.connect(str(path) if path is not None else ":memory:")
            self._setup()

    def _setup(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION:
            self.db.executescript(
                "DROP TABLE IF EXISTS sources; DROP TABLE IF EXISTS cites;"
                "CREATE TABLE sources (doc TEXT PRIMARY KEY, hash TEXT NOT NULL);"
                "CREATE TABLE cites (doc TEXT NOT NULL, key TEXT NOT NULL, anchor TEXT,"
                " text TEXT NOT NULL, offset INTEGER NOT NULL);"
                "CREATE INDEX cites_key ON cites (key);"
                f"PRAGMA user_version = {SCHEMA_VERSION};"
            )
            self.db.commit()

    def close(self) -> None:
        self.db.close()

    def refresh(self, documents: Mapping[str, Document]) -> int:
        """Bring the table up to date; returns how many documents were (re)read."""
        known = dict(self.db.execute("SELECT doc, hash FROM sources"))
        changed = 0
        with self.db:
            for doc_id in set(known) - set(documents):
                self._forget(doc_id)
            for doc_id, doc in documents.items():
                if known.get(doc_id) == doc.source_hash:
                    continue
                self._forget(doc_id)
                self.db.execute("INSERT INTO sources VALUES (?, ?)", (doc_id, doc.source_hash))
                self.db.executemany(
                    "INSERT INTO cites VALUES (?, ?, ?, ?, ?)",
                    [
                        (doc_id, _key_text(f.ref.key), f.anchor, f.ref.text, f.offset)
                        for f in document_references(doc)
                    ],
                )
                changed += 1
        return changed

    def _forget(self, doc_id: str) -> None:
        self.db.execute("DELETE FROM sources WHERE doc = ?", (doc_id,))
        self.db.execute("DELETE FROM cites WHERE doc = ?", (doc_id,))

    def cited_by(self, meta: Meta) -> list[tuple[str, str | None, str, int]]:
        """(citing document, anchor, text, offset) for every reference to this document,
        by document and place; the document's references to itself left out."""
        keys = [_key_text(k) for k in identity_keys(meta)]
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        rows = self.db.execute(
            f"SELECT doc, anchor, text, offset FROM cites WHERE key IN ({marks}) AND doc != ? "
            f"ORDER BY doc, offset",
            (*keys, meta.id),
        ).fetchall()
        return [(str(d), a, str(t), int(o)) for d, a, t, o in rows]


def _key_text(key: tuple[str, ...]) -> str:
    return "|".join(key)
