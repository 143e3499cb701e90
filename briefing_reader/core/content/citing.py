"""Which documents cite which: references found in documents, resolved to the library.

Qt-free. Three pieces:

- :func:`document_references` - the references in one document's text and
  footnotes, each with the anchor of the place it stands in;
- :func:`identity_keys` / :class:`Resolver` - the keys a document answers
  to (Kamerstuk dossier and number, an Aanhangsel's year and number), and
  the document a reference points to (any version: the library holds one
  document per identity);
- :func:`key_text` - a key as the catalogue stores it: the catalogue keeps
  every document's references (cited key, anchor, text) beside its outline,
  written when the document is catalogued, so "cited by"
  (``Library.cited_by``) needs no document in memory.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
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
    """Finds the library document a reference cites (from front matter only).

    Made from ``metas`` (every document's, held at once), or from
    ``lookup``: a key's document, asked once per key as references come.
    """

    def __init__(
        self,
        metas: Iterable[Meta] = (),
        lookup: Callable[[tuple[str, ...]], Meta | None] | None = None,
    ) -> None:
        self.by_key: dict[tuple[str, ...], Meta | None] = {}
        self._lookup = lookup
        for meta in metas:
            if meta.kind == "companion":  # ours; it may carry a letter's numbers
                continue
            for key in identity_keys(meta):
                self.by_key.setdefault(key, meta)

    def target(self, ref: Reference) -> Meta | None:
        if self._lookup is not None and ref.key not in self.by_key:
            self.by_key[ref.key] = self._lookup(ref.key)
        return self.by_key.get(ref.key)

    def citation(self, ref: Reference) -> str:
        """The normalised citation; the year from the library when the text omits it."""
        meta = self.target(ref)
        if meta is not None and ref.kind == "kst" and not ref.year:
            return citation(meta) or kamerstuk_citation(ref.dossier or "", ref.volgnummer, None)
        return ref.citation


def library_resolver(library: Library) -> Resolver:
    """A resolver asking the library for each key cited (a catalogued one
    looks it up in the catalogue): no document parsed, no entry read but
    the cited ones'."""
    return Resolver(lookup=library.identified)


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


def key_text(key: tuple[str, ...]) -> str:
    """A reference's key as stored (catalogue and index)."""
    return "|".join(key)
