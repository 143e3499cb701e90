"""Checks before anything is converted: the name, the place, the size, the type.

The type comes from the extension and is confirmed by the content: a
``.docx`` must be a zip archive holding ``word/document.xml``; text and
markdown must not be binary. A file without an extension is recognised
by its content.
"""

from __future__ import annotations

import os
import stat
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from briefing_reader.core.importing.errors import (
    BAD_DOCX,
    BINARY,
    EMPTY,
    NOT_A_FILE,
    NOT_FOUND,
    ODD_NAME,
    OUTSIDE_ROOTS,
    TOO_LARGE,
    UNREADABLE,
    UNSUPPORTED,
    ImportFailed,
)
from briefing_reader.core.messages import Message, message

MAX_BYTES = 20 * 1024 * 1024
MAX_NAME = 255
DOCX, MARKDOWN, TEXT = "docx", "markdown", "text"
PDF, XML, HTML = "pdf", "xml", "html"
EXTENSIONS = {
    ".docx": DOCX,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".txt": TEXT,
    ".text": TEXT,
    ".pdf": PDF,
    ".xml": XML,
    ".html": HTML,
    ".htm": HTML,
}
SUPPORTED_TEXT = ".docx, .pdf, .xml, .html, .txt, .md"

_KNOWN_OTHERS = {  # suffix -> the message code of what it is
    ".doc": "filekind.doc",
    ".docm": "filekind.docm",
    ".dotx": "filekind.dotx",
    ".dotm": "filekind.dotm",
    ".odt": "filekind.odt",
    ".rtf": "filekind.rtf",
}
_MAGIC = [
    (b"%PDF", "filekind.pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "filekind.ole"),
    (b"{\\rtf", "filekind.rtf_magic"),
    (b"\x89PNG", "filekind.image"),
    (b"\xff\xd8\xff", "filekind.image"),
    (b"GIF8", "filekind.image"),
    (b"\x7fELF", "filekind.program"),
    (b"\x1f\x8b", "filekind.archive"),
    (b"7z\xbc\xaf", "filekind.archive"),
]


@dataclass(frozen=True)
class Source:
    """A file that passed the checks, read into memory.

    Attributes:
        path: the file as the user gave it.
        resolved: the real file (symlinks resolved).
        data: its bytes (at most ``MAX_BYTES``).
        kind: ``docx``, ``markdown`` or ``text``.
    """

    path: Path
    resolved: Path
    data: bytes
    kind: str


def read_source(
    path: Path | str, roots: Iterable[Path | str] | None = None, max_bytes: int | None = None
) -> Source:
    """Check a file the user chose and read it.

    Args:
        path: the file.
        roots: the folders (or files) the user chose; when given, the real
            file (after resolving symlinks) must lie inside one of them.
        max_bytes: the size limit (default ``MAX_BYTES``, 20 MB).

    Raises:
        ImportFailed: with the reason (see :mod:`.errors` for the codes).
    """
    path = Path(path)
    check_name(path)
    limit = MAX_BYTES if max_bytes is None else max_bytes
    try:
        resolved = path.resolve(strict=True)
    except FileNotFoundError as exc:
        raise ImportFailed(path, message("import.not_found"), NOT_FOUND) from exc
    except (OSError, RuntimeError) as exc:
        raise ImportFailed(
            path, message("import.cannot_open", problem=_why(exc)), UNREADABLE
        ) from exc
    if roots is not None:
        _check_inside(path, resolved, roots)
    if resolved.is_dir():
        raise ImportFailed(path, message("import.folder"), NOT_A_FILE)
    data = _read_limited(path, resolved, limit)
    return Source(path, resolved, data, detect(path, data))


def check_name(path: Path) -> None:
    """Refuse names with control or invisible formatting characters, '..', or too long.

    Raises:
        ImportFailed: ``odd-name``.
    """
    name = path.name
    if not name or name in (".", "..") or name.startswith(".."):
        raise ImportFailed(path, message("import.odd_name_dots"), ODD_NAME)
    odd = [c for c in str(path) if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp")]
    if odd:
        raise ImportFailed(
            path,
            message("import.odd_name_char", char=f"U+{ord(odd[0]):04X}"),
            ODD_NAME,
        )
    if len(name) > MAX_NAME or len(name.encode("utf-8")) > MAX_NAME or len(str(path)) > 4096:
        raise ImportFailed(path, message("import.long_name"), ODD_NAME)


def detect(path: Path, data: bytes) -> str:
    """The kind of file (``docx``, ``markdown``, ``text``) from extension and content.

    Raises:
        ImportFailed: ``unsupported-type``, ``bad-docx``, ``binary`` or ``empty``.
    """
    suffix = path.suffix.lower()
    if not data:
        raise ImportFailed(path, message("import.empty"), EMPTY)
    if suffix and suffix not in EXTENSIONS:
        raise ImportFailed(path, _unsupported(suffix), UNSUPPORTED)
    is_zip = data.startswith((b"PK\x03\x04", b"PK\x05\x06"))
    if suffix == ".docx":
        if not is_zip:
            raise ImportFailed(path, message("import.not_zip_docx"), BAD_DOCX)
        return DOCX
    if not suffix and is_zip:
        if _zip_has(data, "word/document.xml"):
            return DOCX
        raise ImportFailed(
            path,
            message("import.zip_not_docx", supported=SUPPORTED_TEXT),
            UNSUPPORTED,
        )
    published = _published_kind(data)
    if suffix in (".pdf", "") and data[:1024].lstrip().startswith(b"%PDF-"):
        return PDF
    if suffix == ".pdf":
        raise ImportFailed(path, message("import.not_pdf"), BINARY)
    if published is not None and suffix in ("", ".xml", ".html", ".htm"):
        return published
    if suffix in (".xml", ".html", ".htm"):
        raise ImportFailed(
            path,
            message("import.not_publication", kind=suffix[1:].upper(), supported=SUPPORTED_TEXT),
            UNSUPPORTED,
        )
    magic = next((what for sig, what in _MAGIC if data.startswith(sig)), None)
    if is_zip:
        magic = "filekind.zip"
    if magic is not None:
        code = UNSUPPORTED if not suffix else BINARY
        raise ImportFailed(path, message("import.binary", what=message(magic)), code)
    if suffix:
        return EXTENSIONS[suffix]
    return MARKDOWN if data.lstrip(b"\xef\xbb\xbf").startswith(b"---") else TEXT


def _published_kind(data: bytes) -> str | None:
    """XML or HTML by its first bytes (an officielebekendmakingen.nl publication)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return HTML
    if head.startswith(b"<?xml") or head.startswith(b"<officiele-publicatie"):
        return HTML if b"<html" in head else XML
    return None


def _zip_has(data: bytes, member: str) -> bool:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            return member in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def _check_inside(path: Path, resolved: Path, roots: Iterable[Path | str]) -> None:
    chosen = [Path(r).resolve() for r in roots]
    if any(resolved == r or resolved.is_relative_to(r) for r in chosen):
        return
    given = Path(os.path.abspath(path))
    if any(given.is_relative_to(r) for r in chosen):
        raise ImportFailed(path, message("import.outside_link"), OUTSIDE_ROOTS)
    raise ImportFailed(path, message("import.outside"), OUTSIDE_ROOTS)


def _read_limited(path: Path, resolved: Path, limit: int) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_NONBLOCK", 0)  # a FIFO must not block the import
    try:
        fd = os.open(resolved, flags)
    except OSError as exc:
        raise ImportFailed(
            path, message("import.cannot_open", problem=_why(exc)), UNREADABLE
        ) from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ImportFailed(path, message("import.folder"), NOT_A_FILE)
        if not stat.S_ISREG(info.st_mode):
            raise ImportFailed(path, message("import.not_regular"), NOT_A_FILE)
        if info.st_size > limit:
            raise ImportFailed(path, message("import.too_large", size=_mb(limit)), TOO_LARGE)
        if info.st_size == 0:
            raise ImportFailed(path, message("import.empty"), EMPTY)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise ImportFailed(path, message("import.too_large", size=_mb(limit)), TOO_LARGE)
        return b"".join(chunks)
    except OSError as exc:
        raise ImportFailed(
            path, message("import.cannot_read", problem=_why(exc)), UNREADABLE
        ) from exc
    finally:
        os.close(fd)


def _unsupported(suffix: str) -> Message:
    if suffix in _KNOWN_OTHERS:
        what = message(_KNOWN_OTHERS[suffix])
        return message("import.unsupported_known", what=what, supported=SUPPORTED_TEXT)
    return message("import.unsupported_suffix", suffix=suffix, supported=SUPPORTED_TEXT)


def _mb(limit: int) -> str:
    mb = limit / (1024 * 1024)
    return f"{mb:g} MB" if mb >= 1 else f"{limit} bytes"


def _why(exc: BaseException) -> str:
    return (exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)) or "error"
