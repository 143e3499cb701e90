"""Word (.docx) to our markdown, read with python-docx and the package's XML.

Headings come from the paragraph styles (Heading/Kop 1-9, Title/Titel, or
an outline level); lists from numbering (bullets or numbers, nested by
level); tables cell by cell (a one-column table headed "Acties" is an
action box); footnotes and endnotes from ``word/footnotes.xml`` and
``word/endnotes.xml``, numbered in order of reference. Nothing in the file
is run or fetched: macros are ignored, fields keep their shown text only,
linked pictures and templates are not followed, web links become links
the reader asks about before opening. XML with a DTD is refused (in any
encoding), and so is a package over the budgets of :mod:`core.limits`
(bytes really unpacked, XML elements), before python-docx parses anything.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import zipfile
import zlib
from io import BytesIO
from pathlib import Path
from typing import Any

from briefing_reader.core import limits
from briefing_reader.core.importing.docxml import DocxWalker
from briefing_reader.core.importing.errors import BAD_DOCX, ImportFailed, over_budget
from briefing_reader.core.importing.letterhead import (
    apply_date,
    apply_letterhead,
    letterhead_meta,
)
from briefing_reader.core.importing.mdwriter import render, slugify
from briefing_reader.core.importing.model import Converted
from briefing_reader.core.limits import OverBudget
from briefing_reader.core.messages import Message, message

FORMAT = "docx"
_CHUNK = 256 * 1024
_DTD_TEXT = re.compile(r"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_DECLARED = re.compile(rb"""\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def convert(data: bytes, path: Path) -> Converted:
    """Convert the bytes of a .docx file.

    Raises:
        ImportFailed: ``bad-docx`` when the file is not a readable Word document.
    """
    warnings = _check_package(data, path)
    try:
        import docx as python_docx

        document = python_docx.Document(BytesIO(data))
    except ImportFailed:
        raise
    except Exception as exc:  # python-docx raises many kinds on a broken package
        raise ImportFailed(path, message("import.bad_docx", problem=_why(exc)), BAD_DOCX) from exc
    try:
        walker = DocxWalker(document)
        walker.walk()
        notes = walker.footnotes()
    except ImportFailed:
        raise
    except Exception as exc:  # malformed XML inside a valid zip
        raise ImportFailed(
            path, message("import.docx_unreadable", problem=_why(exc)), BAD_DOCX
        ) from exc
    warnings += walker.warnings
    title = _title(document, walker, path)
    meta: dict[str, Any] = {
        "id": slugify(title)[:60].strip("-") or "document",
        "kind": "imported",
        "title": title,
    }
    apply_letterhead(meta, letterhead_meta(walker.first_lines))
    apply_date(meta, walker.first_lines, _core_date(document))
    if walker.missing:
        meta["missing_footnotes"] = walker.missing
    body = render(walker.nodes, notes)
    return Converted(meta, body, FORMAT, None, warnings, list(walker.missing))


def _core_date(document: Any) -> dt.date | None:
    """The date the Word file says it was made (core properties), if it says one."""
    try:
        stamp = document.core_properties.created
    except Exception:  # a malformed core.xml: no date rather than no import
        return None
    return stamp.date() if isinstance(stamp, dt.datetime) else None


def _check_package(data: bytes, path: Path) -> list[Message]:
    """Zip sanity, budgets, no DTD in any XML part; what to tell the user.

    Every member is unpacked once here, counting the bytes that really come
    out (the sizes in the zip directory are the file's claim, not a fact),
    so python-docx, which unpacks all of them again, never meets a bomb.

    Raises:
        ImportFailed: ``bad-docx`` or ``over-budget``.
    """
    warnings: list[Message] = []
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            infos = archive.infolist()
            _check_directory(infos, path)
            names = {i.filename for i in infos}
            if "word/document.xml" not in names and "[Content_Types].xml" not in names:
                raise ImportFailed(path, message("import.zip_not_word"), BAD_DOCX)
            _Unpacked(path).read_all(archive, infos)
            if any(n.lower().endswith("vbaproject.bin") for n in names):
                warnings.append(message("import.docx_macros"))
    except ImportFailed:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,
        RuntimeError,
        zlib.error,
    ) as exc:
        raise ImportFailed(path, message("import.bad_docx", problem=_why(exc)), BAD_DOCX) from exc
    return warnings


def _check_directory(infos: list[zipfile.ZipInfo], path: Path) -> None:
    """What the zip directory claims, refused early when the claim alone is too much."""
    if len(infos) > limits.DOCX_MAX_MEMBERS:
        raise over_budget(
            path,
            OverBudget(
                limits.MEMBERS,
                limits.DOCX_MAX_MEMBERS,
                message("budget.docx_members", limit=limits.DOCX_MAX_MEMBERS),
            ),
        )
    if sum(i.file_size for i in infos) > limits.DOCX_MAX_UNPACKED:
        raise over_budget(path, _unpacked_too_large())


def _unpacked_too_large() -> OverBudget:
    return OverBudget(
        limits.UNPACKED,
        limits.DOCX_MAX_UNPACKED,
        message("budget.docx_unpacked", size=limits.DOCX_MAX_UNPACKED // (1024 * 1024)),
    )


class _Unpacked:
    """Unpacks every member in chunks, within the budgets, checking the XML parts."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.total = 0
        self.xml = 0
        self.elements = 0

    def read_all(self, archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
        for info in infos:
            is_xml = info.filename.lower().endswith((".xml", ".rels"))
            with archive.open(info) as member:
                scanner = _XmlScanner(self.path) if is_xml else None
                while chunk := member.read(_CHUNK):
                    self._count(len(chunk), is_xml)
                    if scanner is not None:
                        self.elements += scanner.feed(chunk)
                        self._check_elements()
                if scanner is not None:
                    self.elements += scanner.feed(b"", final=True)
                    self._check_elements()

    def _count(self, size: int, is_xml: bool) -> None:
        self.total += size
        if self.total > limits.DOCX_MAX_UNPACKED:
            raise over_budget(self.path, _unpacked_too_large())
        if is_xml:
            self.xml += size
            if self.xml > limits.DOCX_MAX_XML_BYTES:
                raise over_budget(
                    self.path,
                    OverBudget(
                        limits.UNPACKED,
                        limits.DOCX_MAX_XML_BYTES,
                        message(
                            "budget.docx_xml_size", size=limits.DOCX_MAX_XML_BYTES // (1024 * 1024)
                        ),
                    ),
                )

    def _check_elements(self) -> None:
        if self.elements > limits.DOCX_MAX_ELEMENTS:
            raise over_budget(
                self.path,
                OverBudget(
                    limits.XML_ELEMENTS,
                    limits.DOCX_MAX_ELEMENTS,
                    message(
                        "budget.docx_elements",
                        limit=limits.DOCX_MAX_ELEMENTS,
                    ),
                ),
            )


class _XmlScanner:
    """Decodes one XML part as its parser would, refusing a DTD and counting elements.

    The encoding comes from the byte order mark or the first bytes (UTF-16
    without a mark), else the XML declaration; Word writes UTF-8 or UTF-16,
    and any other encoding is refused rather than guessed at, so no DTD can
    hide in an encoding this check does not read.
    """

    _TAIL = 16  # longer than '<!DOCTYPE', so a match split over two chunks is seen

    def __init__(self, path: Path) -> None:
        self.path = path
        self.decoder: codecs.IncrementalDecoder | None = None
        self.head = b""
        self.tail = ""

    def feed(self, chunk: bytes, final: bool = False) -> int:
        """The number of elements that start in this chunk."""
        if self.decoder is None:
            self.head += chunk
            if len(self.head) < 256 and not final:
                return 0
            self.decoder = codecs.getincrementaldecoder(self._encoding())("replace")
            chunk, self.head = self.head, b""
        text = self.tail + self.decoder.decode(chunk, final)
        if _DTD_TEXT.search(text):
            raise ImportFailed(self.path, message("import.dtd"), BAD_DOCX)
        counted = text[len(self.tail) :]
        self.tail = text[-self._TAIL :]
        return counted.count("<") - counted.count("</") - counted.count("<?")

    def _encoding(self) -> str:
        head = self.head
        for mark, name in (
            (codecs.BOM_UTF8, "utf-8-sig"),
            (codecs.BOM_UTF32_LE, "utf-32"),
            (codecs.BOM_UTF32_BE, "utf-32"),
            (codecs.BOM_UTF16_LE, "utf-16"),
            (codecs.BOM_UTF16_BE, "utf-16"),
        ):
            if head.startswith(mark):
                return self._allowed(name)
        if head.startswith(b"<\x00\x00\x00") or head.startswith(b"\x00\x00\x00<"):
            return self._allowed("utf-32")
        if head.startswith(b"<\x00"):
            return "utf-16-le"
        if head.startswith(b"\x00<"):
            return "utf-16-be"
        declared = _DECLARED.match(head)
        name = declared[1].decode("ascii").lower() if declared else "utf-8"
        if name.replace("_", "-") in ("utf-8", "utf8", "us-ascii", "ascii"):
            return "utf-8"
        # The bytes read as ASCII here, so a label of UTF-16 (or anything else)
        # is a lie a parser might resolve either way: refuse it.
        return self._allowed(name, labelled_only=True)

    def _allowed(self, name: str, labelled_only: bool = False) -> str:
        if not labelled_only and name in (
            "utf-8-sig",
            "utf-16",
            "utf-16le",
            "utf-16be",
            "utf-16-le",
            "utf-16-be",
        ):
            return name
        raise ImportFailed(
            self.path,
            message("import.docx_encoding", encoding=name[:20]),
            BAD_DOCX,
        )


def _title(document: Any, walker: DocxWalker, path: Path) -> str:
    try:
        core = (document.core_properties.title or "").strip()
    except Exception:  # a broken core.xml is no reason to refuse the letter
        core = ""
    title = core or walker.title or path.stem.strip() or "Document"
    return " ".join(title.split())[:200]


def _why(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}"[:160] if text else type(exc).__name__
