"""Importing files into the user's library: conversion, identity, versions, storing.

An imported document is a markdown file in ``paths.imported_documents``
(the data dir's ``documents`` folder), written atomically (a temporary
file in the same folder, then ``os.replace``). The library loads that
folder after the bundled documents, so an import with the id of a bundled
document shows instead of it.

Identity: two documents are the same when they share the Tweede Kamer
document number, or dossier and volgnummer (the Kamerstuk), or (markdown
with its own front matter) the id, or the bytes of the file. The same
document at a higher version replaces the old one (same id, so notes stay
with it and are re-anchored by the caller); at the same or a lower
version nothing changes and the result says so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_reader.core.importing import sniff
from briefing_reader.core.importing.errors import INTERNAL, WRITE_FAILED, ImportFailed
from briefing_reader.core.importing.mdwriter import front_matter, slugify
from briefing_reader.core.importing.model import (
    FAILED,
    IMPORTED,
    REPLACED,
    UNCHANGED,
    Converted,
    FileResult,
    ImportReport,
)
from briefing_reader.core.importing.storage import validate, write_atomic

if TYPE_CHECKING:
    from briefing_reader.core.content import Document, Library
    from briefing_reader.paths import Paths

Progress = Callable[[int, int], None]
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


def import_files(paths: Paths, files: Iterable[Path | str],
                 roots: Iterable[Path | str] | None = None,
                 progress: Progress | None = None, *,
                 library: Library | None = None,
                 now: dt.datetime | None = None) -> ImportReport:
    """Convert and store files; one result per file, in order.

    A failed file changes nothing in the library; the others are imported.
    Nothing is raised for a bad file: its result has status ``failed``.

    Args:
        paths: the run's directories (documents go to ``paths.imported_documents``).
        files: the files the user chose (or dropped).
        roots: when given, every file must really lie (symlinks resolved)
            inside one of these folders or be one of these files: pass the
            folders (or the files) the user chose in the dialog.
        progress: ``progress(done, total)`` after each file (from the
            calling thread; the window runs this in a worker thread).
        library: the library as loaded now; loaded from ``paths`` when None.
        now: the time recorded in the imported documents (tests).

    Returns:
        The report. When ``report.changed``, reload the library
        (``session.open_library``), re-anchor the notes
        (``reanchor_library``) and update the search index.
    """
    files = list(files)
    root_list = None if roots is None else list(roots)
    state = _State.load(paths, library)
    moment = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    report = ImportReport()
    for done, file in enumerate(files, start=1):
        path = Path(file)
        try:
            result = _import_one(path, root_list, paths.imported_documents, state, moment)
        except ImportFailed as exc:
            result = FileResult(path, FAILED, reason=exc.reason, code=exc.code, line=exc.line)
        except Exception as exc:  # a bug in one converter must not stop the batch
            result = FileResult(path, FAILED, code=INTERNAL,
                                reason=f"could not be imported (internal error: "
                                       f"{type(exc).__name__}: {exc})")
        report.results.append(result)
        if progress is not None:
            progress(done, len(files))
    return report


def convert_source(source: sniff.Source) -> Converted:
    """The converter for a checked file (decoding text first).

    Raises:
        ImportFailed: the file cannot be read or converted.
    """
    if source.kind == sniff.DOCX:
        from briefing_reader.core.importing import docx

        return docx.convert(source.data, source.path)
    from briefing_reader.core.importing.textdecode import CP1252, decode

    decoded = decode(source.data, source.path)
    if source.kind == sniff.MARKDOWN:
        from briefing_reader.core.importing import markdown

        converted = markdown.convert(decoded.text, source.path, decoded.encoding)
    else:
        from briefing_reader.core.importing import opentk, plaintext

        module = opentk if opentk.looks_like_opentk(decoded.text) else plaintext
        converted = module.convert(decoded.text, source.path, decoded.encoding)
    converted.warnings[:0] = decoded.warnings
    if decoded.encoding == CP1252:
        converted.warnings.insert(0, "read as Windows-1252 text (it is not UTF-8)")
    return converted


def convert_file(path: Path | str, roots: Iterable[Path | str] | None = None) -> Converted:
    """Check and convert one file without storing it (previews, tests, benchmarks).

    Raises:
        ImportFailed: the file cannot be imported.
    """
    return convert_source(sniff.read_source(path, roots))


# -- one file ------------------------------------------------------------------


def _import_one(path: Path, roots: Sequence[Path | str] | None, folder: Path,
                state: _State, now: dt.datetime) -> FileResult:
    source = sniff.read_source(path, roots)
    converted = convert_source(source)
    digest = hashlib.sha256(source.data).hexdigest()
    meta = converted.meta
    keys = identity_keys(meta, digest, converted.explicit_id)
    version = _int_or_none(meta.get("version"))
    result = FileResult(path, IMPORTED, title=str(meta.get("title", "")),
                        format=converted.format, encoding=converted.encoding,
                        new_version=version, warnings=list(converted.warnings),
                        missing_footnotes=list(converted.missing_footnotes))
    match, how = state.find(keys)
    if how == "id" and (version is None or _conflicts(keys, match)):
        match = None  # only the id is shared: another document that chose the same id
    if match is not None:
        result.doc_id, result.old_version = match.id, match.version
        if (version or 0) <= (match.version or 0):
            result.status = UNCHANGED
            result.title = match.title
            result.warnings, result.missing_footnotes = [], []
            result.reason = _unchanged_reason(version, match.version)
            return result
        result.status = REPLACED
        doc_id = match.id
        target = match.path if match.imported else folder / f"{doc_id}.md"
    else:
        doc_id = state.free_id(str(meta.get("id") or ""), str(meta.get("title") or path.stem),
                               folder)
        target = folder / f"{doc_id}.md"
        if converted.explicit_id and doc_id != meta.get("id"):
            result.warnings.append(f"the id '{meta.get('id')}' is taken by another document; "
                                   f"stored as '{doc_id}'")
    meta["imported"] = {"file": path.name, "format": converted.format,
                        "encoding": converted.encoding, "sha256": digest,
                        "at": now.isoformat()}
    if converted.format != "markdown":
        meta.setdefault("provenance", {"source": path.name, "description": _describe(
            converted)})
    for _attempt in range(20):
        meta["id"] = doc_id
        text = front_matter(meta) + "\n" + converted.body
        validate(text, target, path)
        try:
            write_atomic(target, text, path, replace=result.status == REPLACED)
            break
        except FileExistsError:  # another import took the name just now: take the next
            state.taken_files.add(target.name.lower())
            doc_id = state.free_id(doc_id, result.title, folder)
            target = folder / f"{doc_id}.md"
    else:
        raise ImportFailed(path, "could not be stored (no free file name)", WRITE_FAILED)
    result.doc_id, result.stored = doc_id, target
    state.add(_Entry(doc_id, result.title, version, target, True, keys))
    return result


def identity_keys(meta: dict[str, Any], digest: str | None = None,
                  explicit_id: bool = False) -> set[tuple[str, ...]]:
    """What makes a document the same document (see the module docstring)."""
    keys: set[tuple[str, ...]] = set()
    number = meta.get("document_number")
    if number:
        keys.add(("docnr", str(number).strip().upper()))
    dossier = meta.get("dossier")
    volgnummer = _int_or_none(meta.get("volgnummer"))
    if isinstance(dossier, dict) and dossier.get("number") and volgnummer is not None:
        digits = re.sub(r"\s+", "", str(dossier["number"])).lower()
        keys.add(("kamerstuk", digits, str(volgnummer)))
    if explicit_id and meta.get("id"):
        keys.add(("id", str(meta["id"])))
    if digest:
        keys.add(("sha256", digest))
    return keys


def _conflicts(keys: set[tuple[str, ...]], entry: _Entry | None) -> bool:
    """Both documents carry a document number or Kamerstuk number, and they differ."""
    if entry is None:
        return False
    for kind in ("docnr", "kamerstuk"):
        ours = {k for k in keys if k[0] == kind}
        theirs = {k for k in entry.keys if k[0] == kind}
        if ours and theirs and not ours & theirs:
            return True
    return False


def _unchanged_reason(new: int | None, old: int | None) -> str:
    if (new or 0) == (old or 0):
        return ("already in the library at this version" if old is not None
                else "already in the library")
    return f"the library already has version {old}, newer than this file's version {new}"


def _describe(converted: Converted) -> str:
    what = {"opentk": "the OpenTK text export", "docx": "a Word document",
            "text": "plain text"}.get(converted.format, converted.format)
    encoding = f" ({converted.encoding})" if converted.encoding else ""
    return f"Imported by Briefing Reader from {what}{encoding}."


def _int_or_none(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


# -- what is in the library ------------------------------------------------------


@dataclass
class _Entry:
    id: str
    title: str
    version: int | None
    path: Path
    imported: bool
    keys: set[tuple[str, ...]] = field(default_factory=set)


class _State:
    """Ids and identities of the documents in the library, kept up to date in a batch."""

    def __init__(self) -> None:
        self.entries: dict[str, _Entry] = {}
        self.by_key: dict[tuple[str, ...], str] = {}
        self.taken_files: set[str] = set()

    @classmethod
    def load(cls, paths: Paths, library: Library | None) -> _State:
        if library is None:
            from briefing_reader.session import open_library

            library = open_library(paths)
        state = cls()
        folder = resolved(paths.imported_documents)
        for doc in library.entries():  # the catalogue: nothing is parsed
            meta = library.meta(doc.id)
            raw = meta.raw if meta is not None else {}
            imported = raw.get("imported")
            digest = imported.get("sha256") if isinstance(imported, dict) else None
            keys: set[tuple[str, ...]] = {("id", doc.id)}
            if doc.kind != "companion":  # ours; it may cite a letter's numbers
                keys |= identity_keys(raw, str(digest) if digest else None)
            in_folder = resolved(doc.path.parent) == folder
            state.add(_Entry(doc.id, doc.title, doc.version, doc.path, in_folder, keys))
        if paths.imported_documents.is_dir():
            state.taken_files = {p.name.lower() for p in paths.imported_documents.iterdir()}
        return state

    def add(self, entry: _Entry) -> None:
        self.entries[entry.id] = entry
        for key in entry.keys:
            self.by_key.setdefault(key, entry.id)
        self.taken_files.add(f"{entry.id}.md")

    def find(self, keys: set[tuple[str, ...]]) -> tuple[_Entry | None, str]:
        """The document with one of these identities, and the kind of key that matched."""
        for kind in ("sha256", "docnr", "kamerstuk", "id"):
            for key in sorted(k for k in keys if k[0] == kind):
                if key in self.by_key:
                    return self.entries[self.by_key[key]], kind
        return None, ""

    def free_id(self, wanted: str, title: str, folder: Path) -> str:
        base = wanted if ID_PATTERN.match(wanted) else slugify(title)[:60].strip("-")
        base = base or "document"
        candidate, n = base, 2
        while candidate in self.entries or f"{candidate}.md" in self.taken_files:
            suffix = f"-{n}"
            candidate, n = base[: 80 - len(suffix)] + suffix, n + 1
        return candidate


def resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def is_imported(doc: Document, paths: Paths) -> bool:
    """The document is one of the user's imports (for "Mijn documenten" in the TOC)."""
    return resolved(doc.path.parent) == resolved(paths.imported_documents)
