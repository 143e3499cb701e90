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

import contextlib
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_reader.core import limits
from briefing_reader.core.importing import sniff
from briefing_reader.core.importing.errors import (
    INTERNAL,
    NOT_FOUND,
    PROTECTED,
    TOO_LARGE,
    WRITE_FAILED,
    ImportFailed,
)
from briefing_reader.core.importing.mdwriter import front_matter, slugify
from briefing_reader.core.importing.model import (
    ASK,
    FAILED,
    IMPORTED,
    REPLACED,
    UNCHANGED,
    Converted,
    FileResult,
    ImportReport,
)
from briefing_reader.core.importing.storage import Batch, validate, write_atomic
from briefing_reader.core.messages import message

if TYPE_CHECKING:
    from briefing_reader.core.content import Document, Library
    from briefing_reader.core.content.cache import DocumentCache
    from briefing_reader.core.content.places import LibraryPlaces

Progress = Callable[[int, int], None]
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


def import_files(
    paths: LibraryPlaces,
    files: Iterable[Path | str],
    roots: Iterable[Path | str] | None = None,
    progress: Progress | None = None,
    *,
    library: Library | None = None,
    now: dt.datetime | None = None,
    ask_bundled: bool = False,
    as_version_of: str | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
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
        ask_bundled: a file that would become a new version of a bundled
            document is not stored but reported as ``ask`` (the window asks
            the user, then imports it again without this flag). A file that
            claims a bundled document's identity without holding its text
            (:data:`core.limits.MIN_SHARED_SENTENCES`) is always refused.
        as_version_of: the user says the file(s) are the next version of this
            document (its id), whatever their titles and numbers.
        cancelled: asked before each file; True stops the import there
            (``report.cancelled``); what was imported stays, flushed.

    Returns:
        The report. When ``report.changed``, reload the library
        (``core.content.places.open_library``), re-anchor the notes
        (``reanchor_library``) and update the search index.
    """
    files = list(files)
    with import_lock(paths):
        return _import_all(
            paths,
            files,
            None if roots is None else list(roots),
            progress,
            _current(paths, library),
            now,
            ask_bundled,
            as_version_of,
            cancelled,
        )


@contextlib.contextmanager
def import_lock(paths: LibraryPlaces) -> Iterator[bool]:
    """One import (or removal) at a time per profile, across processes.

    The identity check and the write must see each other's results: two
    programs importing one file at once would otherwise both find it new.
    The lock is ``documents.lock`` in the data dir (see ``core.notes.lock``).
    """
    from briefing_reader.core.notes.lock import opening_lock

    folder = paths.imported_documents
    with contextlib.suppress(OSError):  # no lock where none can be made; it is a guard
        folder.parent.mkdir(parents=True, exist_ok=True)
    with opening_lock(folder) as locked:
        yield locked


@contextlib.contextmanager
def import_lock_unless_busy(paths: LibraryPlaces) -> Iterator[bool]:
    """:func:`import_lock` if no other process imports now: yields False
    (holding nothing) while another one does."""
    from briefing_reader.core.notes.lock import lock_unless_busy

    with lock_unless_busy(paths.imported_documents) as free:
        yield free


def _current(paths: LibraryPlaces, library: Library | None) -> Library | None:
    """The caller's library, unless another process has imported since it was loaded."""
    if library is None:
        return None
    folder = paths.imported_documents
    try:
        on_disk = {p.name for p in folder.glob("*.md")} if folder.is_dir() else set()
    except OSError:
        return library
    here = resolved(folder)
    entries = library.entries()  # the catalogue: no document is parsed
    parents = {p: resolved(p) == here for p in {entry.path.parent for entry in entries}}
    known = {entry.path.name for entry in entries if parents[entry.path.parent]}
    known |= {error.path.name for error in library.errors}
    return library if on_disk <= known else None  # None: load it again


def _import_all(
    paths: LibraryPlaces,
    files: list[Path | str],
    root_list: list[Path | str] | None,
    progress: Progress | None,
    library: Library | None,
    now: dt.datetime | None,
    ask_bundled: bool,
    as_version_of: str | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    from briefing_reader.core.content.cache import DocumentCache

    state = _State.load(paths, library)
    state.batch = Batch(paths.imported_documents)
    state.cache = DocumentCache(paths.document_cache)
    moment = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    report = ImportReport(total=len(files))
    try:
        _import_each(
            files,
            root_list,
            paths,
            state,
            moment,
            ask_bundled,
            as_version_of,
            report,
            progress,
            cancelled,
        )
    finally:
        state.batch.flush()  # before anyone catalogues these files
    return report


def _import_each(
    files: list[Path | str],
    root_list: list[Path | str] | None,
    paths: LibraryPlaces,
    state: _State,
    moment: dt.datetime,
    ask_bundled: bool,
    as_version_of: str | None,
    report: ImportReport,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    for done, file in enumerate(files, start=1):
        if cancelled is not None and cancelled():
            report.cancelled = True
            return
        path = Path(file)
        try:
            result = _import_one(
                path, root_list, paths.imported_documents, state, moment, ask_bundled, as_version_of
            )
        except ImportFailed as exc:
            result = FileResult(
                path, FAILED, reason=exc.reason, code=exc.code, line=exc.line, budget=exc.budget
            )
            result.problem = exc.message
        except Exception as exc:  # a bug in one converter must not stop the batch
            result = FileResult(
                path,
                FAILED,
                code=INTERNAL,
                reason=f"could not be imported (internal error: {type(exc).__name__}: {exc})",
            )
        report.results.append(result)
        if progress is not None:
            progress(done, len(files))


def convert_source(source: sniff.Source) -> Converted:
    """The converter for a checked file (decoding text first).

    Raises:
        ImportFailed: the file cannot be read or converted.
    """
    if source.kind == sniff.DOCX:
        from briefing_reader.core.importing import docx

        return docx.convert(source.data, source.path)
    if source.kind == sniff.PDF:
        from briefing_reader.core.importing import pdf

        return pdf.convert(source.data, source.path)
    if source.kind in (sniff.XML, sniff.HTML):
        from briefing_reader.core.importing import publication

        return publication.convert(source.data, source.path, source.kind)
    from briefing_reader.core.importing.textdecode import CP1252, decode

    if len(source.data) > limits.MAX_DOCUMENT_BYTES:  # text is parsed as it is: bound it
        raise ImportFailed(
            source.path,
            message("import.text_too_large", size=limits.MAX_DOCUMENT_BYTES // (1024 * 1024)),
            TOO_LARGE,
        )
    decoded = decode(source.data, source.path)
    if source.kind == sniff.MARKDOWN:
        from briefing_reader.core.importing import markdown

        converted = markdown.convert(decoded.text, source.path, decoded.encoding)
    else:
        from briefing_reader.core.importing import opentk, plaintext

        module = opentk if opentk.looks_like_opentk(decoded.text) else plaintext
        converted = module.convert(decoded.text, source.path, decoded.encoding)
    converted.notices[:0] = decoded.warnings
    if decoded.encoding == CP1252:
        converted.notices.insert(0, message("import.read_as_cp1252"))
    return converted


def convert_file(path: Path | str, roots: Iterable[Path | str] | None = None) -> Converted:
    """Check and convert one file without storing it (previews, tests, benchmarks).

    Raises:
        ImportFailed: the file cannot be imported.
    """
    return convert_source(sniff.read_source(path, roots))


# -- one file ------------------------------------------------------------------


def _import_one(
    path: Path,
    roots: Sequence[Path | str] | None,
    folder: Path,
    state: _State,
    now: dt.datetime,
    ask_bundled: bool = False,
    as_version_of: str | None = None,
) -> FileResult:
    source = sniff.read_source(path, roots)
    converted = convert_source(source)
    digest = hashlib.sha256(source.data).hexdigest()
    meta = converted.meta
    keys = identity_keys(meta, digest, converted.explicit_id)
    version = _int_or_none(meta.get("version"))
    result = FileResult(
        path,
        IMPORTED,
        title=str(meta.get("title", "")),
        format=converted.format,
        encoding=converted.encoding,
        new_version=version,
        warnings=[*converted.notices, *converted.warnings],
        missing_footnotes=list(converted.missing_footnotes),
    )
    match, how = state.find(keys)
    if how == "id" and (version is None or _conflicts(keys, match)):
        match = None  # only the id is shared: another document that chose the same id
    if (
        how == "title"
        and match is not None
        and converted.explicit_id
        and meta.get("id") != match.id
    ):
        match = None  # markdown naming its own, other id: another document, same title
    if as_version_of is not None:
        match, how = state.entries.get(as_version_of), "user"
        if match is None:
            raise ImportFailed(
                path,
                message("import.no_such_document", id=as_version_of),
                NOT_FOUND,
            )
    if match is not None and how in ("title", "user"):
        version = _next_version(match, converted, version)
        result.new_version = version
    if match is not None:
        result.doc_id, result.old_version = match.id, match.version
        if how in ("title", "user"):
            result.old_version = match.version or 1  # an import without one is version 1
        if (version or 0) <= (match.version or 0):
            result.status = UNCHANGED
            result.title = match.title
            result.warnings, result.missing_footnotes = [], []
            result.reason = _unchanged_reason(version, match.version)
            return result
        result.status = REPLACED
        doc_id = match.id
        target = match.path if match.imported else folder / f"{doc_id}.md"
        if match.bundled is not None:
            _check_bundled_text(path, match, converted, target, result)
            if ask_bundled:
                result.status = ASK
                result.problem = message(
                    "import.would_become_bundled",
                    version=version,
                    title=match.title,
                    old=match.version,
                )
                result.reason = str(result.problem)
                return result
    else:
        doc_id = state.free_id(
            str(meta.get("id") or ""), str(meta.get("title") or path.stem), folder
        )
        target = folder / f"{doc_id}.md"
        if converted.explicit_id and doc_id != meta.get("id"):
            taken = message("import.id_taken", id=meta.get("id"), stored=doc_id)
            result.warnings.append(taken)
    meta["imported"] = {
        "file": path.name,
        "format": converted.format,
        "encoding": converted.encoding,
        "sha256": digest,
        "at": now.isoformat(),
    }
    if converted.format != "markdown":
        meta.setdefault("provenance", {"source": path.name, "description": _describe(converted)})
    replace = result.status == REPLACED
    for _attempt in range(20):
        meta["id"] = doc_id
        text = front_matter(meta) + "\n" + converted.body
        parsed = validate(text, target, path)
        if not replace:  # a new file: flushed with its batch (a replacement at once)
            try:
                state.batch.before_write()
            except OSError as exc:
                raise ImportFailed(
                    path, f"could not be stored ({exc.strerror or exc})", WRITE_FAILED
                ) from exc
        try:
            write_atomic(target, text, path, replace=replace, sync=replace)
            break
        except FileExistsError:  # another import took the name just now: take the next
            state.taken_files.add(target.name.lower())
            doc_id = state.free_id(doc_id, result.title, folder)
            target = folder / f"{doc_id}.md"
    else:
        raise ImportFailed(path, message("import.no_free_name"), WRITE_FAILED)
    if not replace:
        state.batch.written()
    if state.cache is not None:  # parsed once: the catalogue and the index read it here
        state.cache.put(text.encode("utf-8"), parsed)
    result.doc_id, result.stored = doc_id, target
    result.dated = meta.get("date") is not None
    state.add(_Entry(doc_id, result.title, version, target, True, keys))
    return result


def _next_version(match: _Entry, converted: Converted, version: int | None) -> int | None:
    """A revision found by its title (or named by the user) follows the library's version,
    unless the file states a higher one or holds the very same text."""
    current = match.version or 1
    if version is not None and version > current:
        return version
    if _same_body(match.path, converted.body):
        return match.version  # the same letter again: unchanged
    converted.meta["version"] = current + 1
    return current + 1


def _same_body(stored: Path, body: str) -> bool:
    try:
        text = stored.read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        return False
    return text.endswith("\n" + body) or text.endswith("---\n" + body)


def _check_bundled_text(
    path: Path, match: _Entry, converted: Converted, target: Path, result: FileResult
) -> None:
    """A file may only become a bundled document's new version when it holds its text.

    Raises:
        ImportFailed: ``protected``, with the share of sentences in common.
    """
    assert match.bundled is not None
    new = validate(front_matter(converted.meta) + "\n" + converted.body, target, path)
    result.shared = shared_sentences(match.bundled.plain_text, new.plain_text)
    if result.shared < limits.MIN_SHARED_SENTENCES:
        raise ImportFailed(
            path,
            message(
                "import.protected",
                title=match.title,
                id=match.id,
                shared=round(result.shared * 100),
            ),
            PROTECTED,
        )


_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n+")
_WORD = re.compile(r"\w+")


def shared_sentences(original: str, candidate: str) -> float:
    """The share (0-1) of ``original``'s sentences (four words or more) in ``candidate``.

    Sentences are compared by their words only (case, punctuation and
    markup ignored), so a letter re-exported from Word or text compares
    equal to our markdown of it.
    """
    ours = _sentences(original)
    if not ours:
        return 0.0
    return len(ours & _sentences(candidate)) / len(ours)


def _sentences(text: str) -> set[str]:
    found = set()
    for sentence in _SENTENCE_END.split(text):
        words = _WORD.findall(sentence.lower())
        if len(words) >= 4:
            found.add(" ".join(words))
    return found


def identity_keys(
    meta: dict[str, Any], digest: str | None = None, explicit_id: bool = False
) -> set[tuple[str, ...]]:
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
    title = " ".join(_WORD.findall(str(meta.get("title") or "").lower()))
    if title:  # a revision keeps its title and its numbers (or lack of them)
        digits = (
            re.sub(r"\s+", "", str(dossier.get("number") or "")).lower()
            if isinstance(dossier, dict)
            else ""
        )
        keys.add(("title", title, digits, "" if volgnummer is None else str(volgnummer)))
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
        return (
            "already in the library at this version"
            if old is not None
            else "already in the library"
        )
    return f"the library already has version {old}, newer than this file's version {new}"


def _describe(converted: Converted) -> str:
    what = {
        "opentk": "the OpenTK text export",
        "docx": "a Word document",
        "text": "plain text",
        "pdf": "a PDF file",
        "xml": "an officiele-publicatie XML file",
        "html": "an officiele-publicatie web page",
    }.get(converted.format, converted.format)
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
    bundled: Document | None = None  # the bundled document this entry is


class _State:
    """Ids and identities of the documents in the library, kept up to date in a batch."""

    def __init__(self) -> None:
        self.entries: dict[str, _Entry] = {}
        self.by_key: dict[tuple[str, ...], str] = {}
        self.taken_files: set[str] = set()
        self.batch = Batch(Path("."))
        self.cache: DocumentCache | None = None

    @classmethod
    def load(cls, paths: LibraryPlaces, library: Library | None) -> _State:
        if library is None:
            from briefing_reader.core.content.places import open_library

            library = open_library(paths)
        state = cls()
        folder = resolved(paths.imported_documents)
        bundled = _bundled_documents(paths)
        for doc in library.entries():  # the catalogue: nothing is parsed
            meta = library.meta(doc.id)
            raw = meta.raw if meta is not None else {}
            imported = raw.get("imported")
            digest = imported.get("sha256") if isinstance(imported, dict) else None
            keys: set[tuple[str, ...]] = {("id", doc.id)}
            if doc.kind != "companion":  # ours; it may cite a letter's numbers
                keys |= identity_keys(raw, str(digest) if digest else None)
            in_folder = resolved(doc.path.parent) == folder
            # an import that replaced a bundled document is checked against the original
            original = bundled.get(doc.id)
            state.add(_Entry(doc.id, doc.title, doc.version, doc.path, in_folder, keys, original))
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
        for kind in ("sha256", "docnr", "kamerstuk", "id", "title"):
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


def _bundled_documents(paths: LibraryPlaces) -> dict[str, Document]:
    """The documents that came with the program (from the document cache: cheap)."""
    from briefing_reader.core.content import load_library

    return load_library([(paths.bundled_documents, True)], cache_dir=paths.document_cache).documents


def resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def is_imported(doc: Document, paths: LibraryPlaces) -> bool:
    """The document is one of the user's imports (for "Mijn documenten" in the TOC)."""
    return resolved(doc.path.parent) == resolved(paths.imported_documents)
