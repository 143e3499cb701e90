"""What a conversion produces and what an import reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing_reader.core.messages import Message

IMPORTED, REPLACED, UNCHANGED, FAILED = "imported", "replaced", "unchanged", "failed"
# Would become a new version of a bundled document: nothing written, the caller asks first.
ASK = "ask"


@dataclass
class Converted:
    """A file converted to our markdown, not yet stored.

    Attributes:
        meta: front matter (``id`` may be a proposal; the library decides).
        body: the markdown after the front matter.
        format: ``opentk``, ``docx``, ``markdown`` or ``text``.
        encoding: the text encoding used (``UTF-8``, ``Windows-1252``), or None.
        warnings: what the user should know (a footnote count mismatch ...), as
            messages.
        notices: what the importer adds (the encoding used ...), as messages.
        missing_footnotes: markers whose text the source lacks.
        explicit_id: the id came from the file itself (markdown front matter).
    """

    meta: dict[str, Any]
    body: str
    format: str
    encoding: str | None = None
    warnings: list[Message] = field(default_factory=list)
    missing_footnotes: list[str] = field(default_factory=list)
    explicit_id: bool = False
    notices: list[Message] = field(default_factory=list)


@dataclass
class FileResult:
    """The outcome for one file of an import.

    Attributes:
        file: the file as given.
        status: ``imported``, ``replaced``, ``unchanged`` or ``failed``.
        doc_id: the document's id in the library (None when failed).
        title: its title ('' when failed).
        format: ``opentk``, ``docx``, ``markdown``, ``text`` (None when not known).
        encoding: the text encoding used, for text files.
        old_version / new_version: versions, for ``replaced`` and ``unchanged``.
        reason: why it failed or why nothing changed; '' for imported/replaced.
        code: the failure's stable code (see ``errors.py``), '' otherwise.
        line: where in the file the problem is, when known.
        warnings: notes for the user (count mismatch of footnotes, encoding...),
            as messages the window and the command line word in the user's language.
        missing_footnotes: footnote markers without a text in the source.
        stored: the markdown file written (imported/replaced), else None.
        budget: for code ``over-budget``, the budget exceeded (see ``core.limits``).
        shared: for a file that claims a bundled document's identity, the
            share of that document's sentences found in the file (0-1).
        problem: for ``failed`` and ``ask``, the reason as a message (code and values) that
            the window and the command line word in the user's language.
    """

    file: Path
    status: str
    doc_id: str | None = None
    title: str = ""
    format: str | None = None
    encoding: str | None = None
    old_version: int | None = None
    new_version: int | None = None
    reason: str = ""
    code: str = ""
    line: int | None = None
    warnings: list[Message] = field(default_factory=list)
    missing_footnotes: list[str] = field(default_factory=list)
    stored: Path | None = None
    budget: str = ""
    shared: float | None = None
    dated: bool = True  # False: no date found; the user is asked or told
    problem: Message | None = None

    @property
    def ok(self) -> bool:
        return self.status != FAILED

    def message(self) -> str:
        """One line for the user (English; the window may build its own from the fields)."""
        name = self.file.name or str(self.file)
        if self.status == IMPORTED:
            return f"{name}: imported as '{self.title}' ({self.doc_id})"
        if self.status == REPLACED:
            return (
                f"{name}: replaced '{self.title}' ({self.doc_id}), version "
                f"{_v(self.old_version)} -> {_v(self.new_version)}"
            )
        if self.status in (UNCHANGED, ASK):
            return f"{name}: {self.reason} ({self.doc_id})"
        return f"{name}: {self.reason}"

    def to_json(self) -> dict[str, Any]:
        return {
            "file": str(self.file),
            "status": self.status,
            "doc_id": self.doc_id,
            "title": self.title,
            "format": self.format,
            "encoding": self.encoding,
            "old_version": self.old_version,
            "new_version": self.new_version,
            "reason": self.reason,
            "code": self.code,
            "line": self.line,
            "warnings": [str(warning) for warning in self.warnings],
            "missing_footnotes": list(self.missing_footnotes),
            "stored": str(self.stored) if self.stored else None,
            "budget": self.budget,
            "shared": self.shared,
            "dated": self.dated,
        }


@dataclass
class ImportReport:
    """One :class:`FileResult` per file, in the order given."""

    results: list[FileResult] = field(default_factory=list)
    cancelled: bool = False
    """The user cancelled: the files after the last result were not looked at."""
    total: int = 0
    """Files given (more than ``len(results)`` when cancelled)."""

    def by_status(self, status: str) -> list[FileResult]:
        return [r for r in self.results if r.status == status]

    @property
    def imported(self) -> list[FileResult]:
        return self.by_status(IMPORTED)

    @property
    def replaced(self) -> list[FileResult]:
        return self.by_status(REPLACED)

    @property
    def unchanged(self) -> list[FileResult]:
        return self.by_status(UNCHANGED)

    @property
    def failed(self) -> list[FileResult]:
        return self.by_status(FAILED)

    @property
    def to_ask(self) -> list[FileResult]:
        """Files that would become a new version of a bundled document (not yet written)."""
        return self.by_status(ASK)

    @property
    def changed(self) -> bool:
        """Something was written: reload the library, re-anchor, update the index."""
        return any(r.status in (IMPORTED, REPLACED) for r in self.results)

    @property
    def changed_ids(self) -> list[str]:
        return [r.doc_id for r in self.results if r.status in (IMPORTED, REPLACED) and r.doc_id]

    @property
    def document_to_open(self) -> str | None:
        """The document to show when exactly one file was given and it is in the library."""
        if len(self.results) == 1 and self.results[0].ok:
            return self.results[0].doc_id
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "results": [r.to_json() for r in self.results],
            "changed_ids": self.changed_ids,
            "counts": {s: len(self.by_status(s)) for s in (IMPORTED, REPLACED, UNCHANGED, FAILED)},
        }


@dataclass
class RemoveResult:
    """What :func:`remove_document` did.

    Attributes:
        doc_id: the document removed.
        title: its title.
        removed: the markdown file deleted.
        reverted_to_bundled: the import had replaced a bundled document with
            the same id, which is now shown again.
    """

    doc_id: str
    title: str
    removed: Path
    reverted_to_bundled: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "removed": str(self.removed),
            "reverted_to_bundled": self.reverted_to_bundled,
        }


def _v(version: int | None) -> str:
    return "?" if version is None else str(version)
