"""A cache of parsed documents, so start-up does not parse markdown.

Parsing the bundled documents costs more than showing the window (markdown
and YAML imports included); a cached document loads from JSON in a few
milliseconds. An entry is keyed by the file's bytes and by the source of
the parser itself, so an edited document or a new version of the app never
sees a stale entry. The cache is only ever a shortcut: a missing, corrupt
or unwritable cache means parsing as usual.

The key is two 32-bit checksums (CRC-32 and Adler-32) and the length, not
a cryptographic hash: nobody attacks a cache of their own files, and
``hashlib`` would load OpenSSL (milliseconds and megabytes) at start-up.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import zlib
from functools import cache
from pathlib import Path
from typing import Any

from briefing_reader.core.atomic import write_atomic
from briefing_reader.core.content.model import Block, Document, Meta, OutlineNode

_PARSER_FILES = ("parse.py", "inline.py", "frontmatter.py", "model.py", "cache.py")


def checksum(data: bytes) -> str:
    """Length, CRC-32 and Adler-32 of ``data``: a cache key, not a signature."""
    return f"{len(data):x}-{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


@cache
def parser_fingerprint() -> str:
    """Checksum of the parser's own source: a changed parser invalidates the cache."""
    here = Path(__file__).parent
    return checksum(b"".join((here / name).read_bytes() for name in _PARSER_FILES))


class DocumentCache:
    """JSON files in ``folder``, one per parsed document."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._forgotten = False

    def _entry(self, data: bytes) -> Path:
        return self.folder / f"{checksum(data)}-{parser_fingerprint()}.json"

    def get(self, data: bytes, path: Path, bundled: bool) -> Document | None:
        """The cached document for these file bytes, or None."""
        try:
            raw = json.loads(self._entry(data).read_text(encoding="utf-8"))
            return _document_from_json(raw, path, bundled)
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None

    def put(self, data: bytes, doc: Document) -> None:
        """Store a parsed document; failing to write is not an error."""
        entry = json.dumps(_document_to_json(doc), ensure_ascii=False, default=_jsonable)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self._entry(data), entry.encode("utf-8"))
        except OSError:
            return
        if not self._forgotten:  # once a run: a glob per put is quadratic in the library
            self._forgotten = True
            self._forget_other_parsers()

    def _forget_other_parsers(self) -> None:
        """Remove entries an earlier version of the parser wrote: none of
        them can be read again, and each upgrade would leave a set behind."""
        current = f"-{parser_fingerprint()}.json"
        for entry in self.folder.glob("*.json"):
            if not entry.name.endswith(current):
                with contextlib.suppress(OSError):  # a cache is never worth an error
                    entry.unlink()


def _jsonable(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _document_to_json(doc: Document) -> dict[str, Any]:
    meta = {name: getattr(doc.meta, name) for name in Meta.__dataclass_fields__}
    return {
        "meta": meta,
        "blocks": [[b.kind, b.html, b.text, b.anchor, b.start, b.line, b.markers, b.attrs]
                   for b in doc.blocks],
        "outline": _node_to_json(doc.outline),
        "footnotes": doc.footnotes,
        "source_hash": doc.source_hash,
    }


def _node_to_json(node: OutlineNode) -> list[Any]:
    return [node.id, node.title, node.kind, node.level, node.first, node.stop, node.line,
            [_node_to_json(child) for child in node.children]]


def _node_from_json(raw: list[Any], parent: OutlineNode | None) -> OutlineNode:
    node_id, title, kind, level, first, stop, line, children = raw
    node = OutlineNode(node_id, title, kind, level, first, stop, line, parent=parent)
    node.children = [_node_from_json(child, node) for child in children]
    return node


def _document_from_json(raw: dict[str, Any], path: Path, bundled: bool) -> Document:
    meta = dict(raw["meta"])
    for key in ("date", "updated"):
        meta[key] = dt.date.fromisoformat(meta[key]) if meta[key] else None
    meta["missing_footnotes"] = tuple(meta["missing_footnotes"])
    blocks = [Block(kind, html, text, anchor, start, line, [tuple(m) for m in markers], attrs)
              for kind, html, text, anchor, start, line, markers, attrs in raw["blocks"]]
    return Document(meta=Meta(**meta), path=path, blocks=blocks,
                    outline=_node_from_json(raw["outline"], None),
                    footnotes=raw["footnotes"], source_hash=raw["source_hash"],
                    bundled=bundled)
