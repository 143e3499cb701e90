"""Old versions of documents, kept as text, and what changed between two of them.

When the app meets a version of a document it has not kept yet, it writes
the document's paragraphs (the text blocks, in reading order, with their
offsets and anchors) to ``<data>/versions/<doc_id>/<version>-<hash12>.json``,
atomically (a temporary file replaced into place). Re-anchoring uses the old
text to map offsets from one version to the next (:class:`OffsetMap`); the
"Wat is gewijzigd" view shows :func:`diff_versions`, paragraph by paragraph,
with the notes each change touched. Nothing here imports Qt.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_reader.core.atomic import write_atomic
from briefing_reader.core.content.errors import ContentError
from briefing_reader.core.messages import Message, message

if TYPE_CHECKING:
    from briefing_reader.core.content import Document

FORMAT = 1
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]+$")


class VersionsError(ContentError):
    """A kept version could not be written or read."""

    def __init__(self, reason: str | Message, path: Path | str) -> None:
        super().__init__(path, reason)


def text_hash(text: str) -> str:
    """SHA-256 (hex) of a plain text: equal hashes, equal positions."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _stamp(moment: dt.datetime) -> str:
    """When a version was kept, in the form the notes store their times."""
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class Paragraph:
    """One text block of a kept version: its text, offset and anchor."""

    text: str
    start: int
    anchor: str | None = None
    kind: str = "paragraph"

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class VersionText:
    """The text of one version of a document, as the reader showed it.

    Attributes:
        doc_id: the document.
        version: ``meta.version`` (None when the document has none).
        source_hash: the document's ``source_hash`` (identifies the version).
        text_hash: SHA-256 of the plain text.
        title: the document title then.
        saved: when this version was first kept (UTC, ISO 8601).
        paragraphs: the text blocks in reading order.
    """

    doc_id: str
    version: int | None
    source_hash: str
    text_hash: str
    title: str
    saved: str
    paragraphs: tuple[Paragraph, ...]

    @property
    def plain_text(self) -> str:
        """Equal to ``Document.plain_text`` of that version."""
        return "\n".join(p.text for p in self.paragraphs)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "doc_id": self.doc_id,
            "version": self.version,
            "source_hash": self.source_hash,
            "text_hash": self.text_hash,
            "title": self.title,
            "saved": self.saved,
            "paragraphs": [[p.text, p.anchor, p.kind] for p in self.paragraphs],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> VersionText:
        paragraphs, start = [], 0
        for text, anchor, kind in data["paragraphs"]:
            paragraphs.append(Paragraph(str(text), start, anchor, str(kind)))
            start += len(text) + 1
        return cls(
            str(data["doc_id"]),
            data.get("version"),
            str(data["source_hash"]),
            str(data["text_hash"]),
            str(data.get("title", "")),
            str(data.get("saved", "")),
            tuple(paragraphs),
        )


def snapshot(doc: Document, saved: str = "") -> VersionText:
    """The text of ``doc`` as a :class:`VersionText` (nothing is written)."""
    paragraphs = tuple(Paragraph(b.text, b.start, b.anchor, b.kind) for b in doc.blocks if b.text)
    plain = "\n".join(p.text for p in paragraphs)
    return VersionText(
        doc.id, doc.meta.version, doc.source_hash, text_hash(plain), doc.title, saved, paragraphs
    )


def version_path(versions_dir: Path, doc_id: str, version: int | None, source_hash: str) -> Path:
    """``<versions_dir>/<doc_id>/<version>-<hash12>.json`` (version 0 when unversioned).

    Raises:
        VersionsError: the id cannot be used as a folder name.
    """
    if not _SAFE_ID.match(doc_id) or doc_id in (".", ".."):
        raise VersionsError(message("versions.bad_id", id=doc_id), versions_dir)
    return versions_dir / doc_id / f"{version or 0}-{source_hash[:12]}.json"


def save_version(versions_dir: Path, doc: Document, now: dt.datetime | None = None) -> Path | None:
    """Keep the text of ``doc`` unless this version is kept already.

    Returns:
        The file written, or None when it was there already.

    Raises:
        VersionsError: the file could not be written (disk full, read-only...).
    """
    path = version_path(versions_dir, doc.id, doc.meta.version, doc.source_hash)
    if path.exists():
        return None
    kept = snapshot(doc, _stamp(now or dt.datetime.now(dt.UTC)))
    data = json.dumps(kept.to_json(), ensure_ascii=False).encode("utf-8")
    try:
        _atomic_write(path, data)
    except OSError as exc:
        raise VersionsError(
            message("versions.not_kept", problem=exc.strerror or str(exc)), path
        ) from exc
    return path


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data)


def _read(path: Path) -> VersionText | None:
    try:
        return VersionText.from_json(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a damaged file is as good as no file: the version is not known


def load_version(versions_dir: Path, doc_id: str, source_hash: str) -> VersionText | None:
    """The kept version of ``doc_id`` with this source hash, or None."""
    if not source_hash or not _SAFE_ID.match(doc_id):
        return None
    for path in sorted((versions_dir / doc_id).glob(f"*-{source_hash[:12]}.json")):
        found = _read(path)
        if found is not None and found.source_hash == source_hash:
            return found
    return None


def list_versions(versions_dir: Path, doc_id: str) -> list[VersionText]:
    """Every kept version of ``doc_id``, oldest first (by version, then when kept)."""
    if not _SAFE_ID.match(doc_id):
        return []
    found = [v for v in map(_read, (versions_dir / doc_id).glob("*.json")) if v is not None]
    return sorted(found, key=lambda v: (v.version or 0, v.saved))


class OffsetMap:
    """Maps offsets in an old plain text to the new one, paragraph by paragraph.

    Paragraphs are matched with :class:`difflib.SequenceMatcher`; an offset
    in an unchanged paragraph moves with it, one in a changed paragraph goes
    to the same column of the text that replaced it (clamped).

    Args:
        old: the old paragraphs' texts.
        new: the new paragraphs' texts.
    """

    def __init__(self, old: Sequence[str], new: Sequence[str]) -> None:
        self._old_starts = _starts(old)
        new_starts = _starts(new)
        self._old_len, self._new_len = self._old_starts[-1], new_starts[-1]
        self._ops: list[tuple[str, int, int, int, int]] = []
        matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            self._ops.append(
                (tag, self._old_starts[i1], self._old_starts[i2], new_starts[j1], new_starts[j2])
            )
        self._op_starts = [op[1] for op in self._ops]

    @classmethod
    def from_texts(cls, old: str, new: str) -> OffsetMap:
        return cls(old.split("\n"), new.split("\n"))

    def map(self, offset: int) -> int:
        """Where ``offset`` in the old text most likely is in the new text."""
        if not self._ops:
            return 0
        index = max(0, bisect.bisect_right(self._op_starts, offset) - 1)
        tag, o1, _o2, n1, n2 = self._ops[index]
        column = offset - o1
        if tag == "equal":
            return min(n1 + column, self._new_len)
        return min(n1 + min(column, max(0, n2 - n1 - 1)), self._new_len)

    def map_unchanged(self, offset: int) -> int | None:
        """Where ``offset`` is in the new text if its paragraph did not change, else None."""
        if not self._ops:
            return None
        index = max(0, bisect.bisect_right(self._op_starts, offset) - 1)
        tag, o1, o2, n1, _n2 = self._ops[index]
        return n1 + offset - o1 if tag == "equal" and o1 <= offset < o2 else None

    def unchanged_parts(self, start: int, end: int) -> list[tuple[int, int]]:
        """The parts of ``new[start:end]`` that the edit left alone, as old offsets."""
        parts = []
        for tag, o1, _o2, n1, n2 in self._ops:
            if tag == "equal" and n1 < end and start < n2:
                lo, hi = max(start, n1), min(end, n2)
                parts.append((o1 + lo - n1, o1 + hi - n1))
        return parts


def _starts(texts: Sequence[str]) -> list[int]:
    """Offsets of each paragraph in the joined text, plus the end (with the newline)."""
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    starts.append(at)
    return starts


@dataclass(frozen=True)
class NoteSpan:
    """A note placed in one version: which item, and where in that version's text."""

    item_id: str
    kind: str
    label: str
    doc_hash: str
    start: int
    end: int


@dataclass(frozen=True)
class Change:
    """One paragraph-level difference between two versions.

    Attributes:
        kind: "removed", "added" or "changed".
        old: the paragraphs of the old version concerned (empty when added).
        new: the paragraphs of the new version concerned (empty when removed).
        notes: the notes placed on those paragraphs, in either version.
    """

    kind: str
    old: tuple[Paragraph, ...]
    new: tuple[Paragraph, ...]
    notes: tuple[NoteSpan, ...] = ()


def diff_versions(
    old: VersionText, new: VersionText, notes: Iterable[NoteSpan] = ()
) -> list[Change]:
    """The paragraph-level differences from ``old`` to ``new``, in reading order.

    Replaced paragraphs are paired with the most alike one in order
    ("changed"); the rest are "removed" or "added". A note touches a change
    when its place in the old version overlaps the old paragraphs, or its
    place in the new version overlaps the new ones (``NoteSpan.doc_hash``
    says which version a span refers to).
    """
    old_texts = [p.text for p in old.paragraphs]
    new_texts = [p.text for p in new.paragraphs]
    matcher = difflib.SequenceMatcher(None, old_texts, new_texts, autojunk=False)
    raw: list[tuple[str, tuple[Paragraph, ...], tuple[Paragraph, ...]]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        olds, news = old.paragraphs[i1:i2], new.paragraphs[j1:j2]
        if tag == "delete":
            raw.extend(("removed", (p,), ()) for p in olds)
        elif tag == "insert":
            raw.extend(("added", (), (p,)) for p in news)
        elif tag == "replace":
            raw.extend(_pair(olds, news))
    spans = list(notes)
    return [
        Change(kind, olds, news, _touching(spans, old, new, olds, news)) for kind, olds, news in raw
    ]


def _pair(
    olds: Sequence[Paragraph], news: Sequence[Paragraph]
) -> list[tuple[str, tuple[Paragraph, ...], tuple[Paragraph, ...]]]:
    out: list[tuple[str, tuple[Paragraph, ...], tuple[Paragraph, ...]]] = []
    j = 0
    for paragraph in olds:
        best, best_ratio = None, 0.5
        for k in range(j, len(news)):
            ratio = difflib.SequenceMatcher(
                None, paragraph.text.split(), news[k].text.split(), autojunk=False
            ).ratio()
            if ratio > best_ratio:
                best, best_ratio = k, ratio
        if best is None:
            out.append(("removed", (paragraph,), ()))
            continue
        out.extend(("added", (), (p,)) for p in news[j:best])
        out.append(("changed", (paragraph,), (news[best],)))
        j = best + 1
    out.extend(("added", (), (p,)) for p in news[j:])
    return out


def _touching(
    spans: list[NoteSpan],
    old: VersionText,
    new: VersionText,
    olds: Sequence[Paragraph],
    news: Sequence[Paragraph],
) -> tuple[NoteSpan, ...]:
    found: dict[str, NoteSpan] = {}
    for span in spans:
        if span.doc_hash == old.source_hash:
            paragraphs = olds
        elif span.doc_hash == new.source_hash:
            paragraphs = news
        else:
            continue
        if any(
            span.start < p.end + 1 and p.start < max(span.end, span.start + 1) for p in paragraphs
        ):
            found.setdefault(span.item_id, span)
    return tuple(found.values())


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Word-level differences inside a changed paragraph.

    Returns:
        (op, text) pieces in order, op being "=" (kept), "-" (removed) or
        "+" (added); the pieces of "=" and "-" make ``old``, of "=" and "+"
        make ``new``.
    """
    a, b = re.findall(r"\s+|[^\s]+", old), re.findall(r"\s+|[^\s]+", new)
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", "".join(b[j1:j2])))
    return out
