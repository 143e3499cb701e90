"""A cache of parsed documents, so start-up does not parse markdown.

Parsing the bundled documents costs more than showing the window (markdown
and YAML imports included); a cached document loads from JSON in a few
milliseconds. An entry is keyed by the file's bytes and by the source of
the parser itself, so an edited document or a new version of the app never
sees a stale entry. The cache is only ever a shortcut: a missing, corrupt
or unwritable cache means parsing as usual.

The key is two 32-bit checksums (CRC-32 and Adler-32) and the length, not
a cryptographic hash: ``hashlib`` would load OpenSSL (milliseconds and
megabytes) at start-up.

An entry is not trusted either. Its first line holds the checksum of the
source it came from (compared with the file read now) and a checksum of
the rest of the entry seeded with a random key kept beside the entries
(``key``), so an edited, truncated or swapped entry is dropped and the
document parsed again; the JSON is depth-checked before it is read
(:mod:`core.limits`). This stops a hand-edited or damaged cache from
changing what the reader shows; someone who can also read the key and
this code could forge an entry, but could as well edit the documents.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import zlib
from functools import cache
from pathlib import Path
from typing import Any

from briefing_reader.core import limits
from briefing_reader.core.atomic import write_atomic
from briefing_reader.core.content.model import Block, Document, Meta, OutlineNode

_PARSER_FILES = ("parse.py", "inline.py", "frontmatter.py", "model.py", "cache.py")
_KEY_FILE = "key"


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
        self._key: bytes | None = None
        self._forgotten = False

    def _entry(self, data: bytes) -> Path:
        return self.folder / f"{checksum(data)}-{parser_fingerprint()}.json"

    def get(self, data: bytes, path: Path, bundled: bool) -> Document | None:
        """The cached document for these file bytes, or None (a bad entry is removed)."""
        entry = self._entry(data)
        try:
            raw = _read_limited(entry)
        except OSError:
            return None
        try:
            body = self._verified(raw, data)
            return _document_from_json(limits.load_json(body), path, bundled)
        except Exception:  # any damage at all: parse again, never fail because of a cache
            with contextlib.suppress(OSError):
                entry.unlink()
            return None

    def put(self, data: bytes, doc: Document) -> None:
        """Store a parsed document; failing to write is not an error."""
        body = json.dumps(_document_to_json(doc), ensure_ascii=False, default=_jsonable)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            encoded = body.encode("utf-8")
            header = json.dumps(
                {"source": checksum(data), "entry": checksum(self._secret() + encoded)}
            )
            # no fsync: an entry is verified when read, a torn one parsed again
            write_atomic(self._entry(data), header.encode("utf-8") + b"\n" + encoded, sync=False)
        except OSError:
            return
        if not self._forgotten:  # once a run: a glob per put is quadratic in the library
            self._forgotten = True
            self._forget_other_parsers()

    def _verified(self, raw: bytes, data: bytes) -> str:
        """The entry's document JSON, once both checksums match.

        Raises:
            ValueError: a checksum does not match or the entry is malformed.
        """
        header_line, _, body = raw.partition(b"\n")
        header = json.loads(header_line) if len(header_line) < 200 else None
        if not isinstance(header, dict) or header.get("source") != checksum(data):
            raise ValueError("not the entry of this source")
        if header.get("entry") != checksum(self._secret() + body):
            raise ValueError("the entry was changed")
        return body.decode("utf-8")

    def _secret(self) -> bytes:
        """The random key that seeds entry checksums; made when first needed."""
        if self._key is None:
            key_file = self.folder / _KEY_FILE
            try:
                key = key_file.read_bytes()
            except FileNotFoundError:
                key = b""
            if len(key) != 32:
                key = os.urandom(32)
                self.folder.mkdir(parents=True, exist_ok=True)
                write_atomic(key_file, key)
                self._forget_all()  # written with another key: none can be verified
            self._key = key
        return self._key

    def _forget_all(self) -> None:
        for entry in self.folder.glob("*.json"):
            with contextlib.suppress(OSError):
                entry.unlink()

    def _forget_other_parsers(self) -> None:
        """Remove entries an earlier version of the parser wrote: none of
        them can be read again, and each upgrade would leave a set behind."""
        current = f"-{parser_fingerprint()}.json"
        for entry in self.folder.glob("*.json"):
            if not entry.name.endswith(current):
                with contextlib.suppress(OSError):  # a cache is never worth an error
                    entry.unlink()


def _read_limited(entry: Path) -> bytes:
    """The entry's bytes; an entry over the budget is treated as damaged (OSError)."""
    with entry.open("rb") as handle:
        raw = handle.read(limits.MAX_CACHE_ENTRY_BYTES + 1)
    if len(raw) > limits.MAX_CACHE_ENTRY_BYTES:
        with contextlib.suppress(OSError):
            entry.unlink()
        raise OSError("cache entry too large")
    return raw


def _jsonable(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _document_to_json(doc: Document) -> dict[str, Any]:
    meta = {name: getattr(doc.meta, name) for name in Meta.__dataclass_fields__}
    return {
        "meta": meta,
        "blocks": [
            [b.kind, b.html, b.text, b.anchor, b.start, b.line, b.markers, b.attrs]
            for b in doc.blocks
        ],
        "outline": _node_to_json(doc.outline),
        "footnotes": doc.footnotes,
        "source_hash": doc.source_hash,
    }


def _node_to_json(node: OutlineNode) -> list[Any]:
    return [
        node.id,
        node.title,
        node.kind,
        node.level,
        node.first,
        node.stop,
        node.line,
        [_node_to_json(child) for child in node.children],
    ]


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
    blocks = [
        Block(kind, html, text, anchor, start, line, [tuple(m) for m in markers], attrs)
        for kind, html, text, anchor, start, line, markers, attrs in raw["blocks"]
    ]
    return Document(
        meta=Meta(**meta),
        path=path,
        blocks=blocks,
        outline=_node_from_json(raw["outline"], None),
        footnotes=raw["footnotes"],
        source_hash=raw["source_hash"],
        bundled=bundled,
    )
