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

_KNOWN_OTHERS = {
    ".doc": "an old Word file (.doc): save it as .docx first",
    ".docm": "a Word file with macros (.docm): save it as .docx first",
    ".dotx": "a Word template",
    ".dotm": "a Word template with macros",
    ".odt": "an OpenDocument file: save it as .docx first",
    ".rtf": "an RTF file: save it as .docx first",
}
_MAGIC = [
    (b"%PDF", "a PDF file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc)"),
    (b"{\\rtf", "an RTF file"),
    (b"\x89PNG", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"GIF8", "an image"),
    (b"\x7fELF", "a program"),
    (b"\x1f\x8b", "a compressed archive"),
    (b"7z\xbc\xaf", "a compressed archive"),
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
        raise ImportFailed(path, "does not exist", NOT_FOUND) from exc
    except (OSError, RuntimeError) as exc:
        raise ImportFailed(path, f"cannot be opened ({_why(exc)})", UNREADABLE) from exc
    if roots is not None:
        _check_inside(path, resolved, roots)
    if resolved.is_dir():
        raise ImportFailed(path, "is a folder, not a file", NOT_A_FILE)
    data = _read_limited(path, resolved, limit)
    return Source(path, resolved, data, detect(path, data))


def check_name(path: Path) -> None:
    """Refuse names with control or invisible formatting characters, '..', or too long.

    Raises:
        ImportFailed: ``odd-name``.
    """
    name = path.name
    if not name or name in (".", "..") or name.startswith(".."):
        raise ImportFailed(path, "has an odd name ('..'): choose the file itself", ODD_NAME)
    odd = [c for c in str(path) if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp")]
    if odd:
        raise ImportFailed(
            path,
            f"has an odd name (it contains the invisible character "
            f"U+{ord(odd[0]):04X}): rename the file",
            ODD_NAME,
        )
    if len(name) > MAX_NAME or len(name.encode("utf-8")) > MAX_NAME or len(str(path)) > 4096:
        raise ImportFailed(path, "has a name that is too long: rename the file", ODD_NAME)


def detect(path: Path, data: bytes) -> str:
    """The kind of file (``docx``, ``markdown``, ``text``) from extension and content.

    Raises:
        ImportFailed: ``unsupported-type``, ``bad-docx``, ``binary`` or ``empty``.
    """
    suffix = path.suffix.lower()
    if not data:
        raise ImportFailed(path, "is empty", EMPTY)
    if suffix and suffix not in EXTENSIONS:
        what = _KNOWN_OTHERS.get(suffix, f"a '{suffix}' file")
        raise ImportFailed(path, f"is {what}; only {SUPPORTED_TEXT} can be imported", UNSUPPORTED)
    is_zip = data.startswith((b"PK\x03\x04", b"PK\x05\x06"))
    if suffix == ".docx":
        if not is_zip:
            raise ImportFailed(path, "is not a valid Word file (it is not a zip archive)", BAD_DOCX)
        return DOCX
    if not suffix and is_zip:
        if _zip_has(data, "word/document.xml"):
            return DOCX
        raise ImportFailed(
            path,
            f"is a zip archive, not a Word document; only {SUPPORTED_TEXT} can be imported",
            UNSUPPORTED,
        )
    published = _published_kind(data)
    if suffix in (".pdf", "") and data[:1024].lstrip().startswith(b"%PDF-"):
        return PDF
    if suffix == ".pdf":
        raise ImportFailed(path, "is not a PDF file (it does not start with %PDF-)", BINARY)
    if published is not None and suffix in ("", ".xml", ".html", ".htm"):
        return published
    if suffix in (".xml", ".html", ".htm"):
        raise ImportFailed(
            path,
            f"is not an officiele-publicatie {suffix[1:].upper()} file; "
            f"only {SUPPORTED_TEXT} can be imported",
            UNSUPPORTED,
        )
    magic = next((what for sig, what in _MAGIC if data.startswith(sig)), None)
    if is_zip:
        magic = "a zip archive"
    if magic is not None:
        code = UNSUPPORTED if not suffix else BINARY
        raise ImportFailed(path, f"is {magic}, not text", code)
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
        raise ImportFailed(path, "links to a file outside the folders you chose", OUTSIDE_ROOTS)
    raise ImportFailed(path, "is outside the folders you chose", OUTSIDE_ROOTS)


def _read_limited(path: Path, resolved: Path, limit: int) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_NONBLOCK", 0)  # a FIFO must not block the import
    try:
        fd = os.open(resolved, flags)
    except OSError as exc:
        raise ImportFailed(path, f"cannot be opened ({_why(exc)})", UNREADABLE) from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ImportFailed(path, "is a folder, not a file", NOT_A_FILE)
        if not stat.S_ISREG(info.st_mode):
            raise ImportFailed(path, "is not a regular file", NOT_A_FILE)
        if info.st_size > limit:
            raise ImportFailed(path, f"is larger than {_mb(limit)}", TOO_LARGE)
        if info.st_size == 0:
            raise ImportFailed(path, "is empty", EMPTY)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise ImportFailed(path, f"is larger than {_mb(limit)}", TOO_LARGE)
        return b"".join(chunks)
    except OSError as exc:
        raise ImportFailed(path, f"cannot be read ({_why(exc)})", UNREADABLE) from exc
    finally:
        os.close(fd)


def _mb(limit: int) -> str:
    mb = limit / (1024 * 1024)
    return f"{mb:g} MB" if mb >= 1 else f"{limit} bytes"


def _why(exc: BaseException) -> str:
    return (exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)) or "error"
