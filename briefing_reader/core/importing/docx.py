"""Word (.docx) to our markdown, read with python-docx and the package's XML.

Headings come from the paragraph styles (Heading/Kop 1-9, Title/Titel, or
an outline level); lists from numbering (bullets or numbers, nested by
level); tables cell by cell (a one-column table headed "Acties" is an
action box); footnotes and endnotes from ``word/footnotes.xml`` and
``word/endnotes.xml``, numbered in order of reference. Nothing in the file
is run or fetched: macros are ignored, fields keep their shown text only,
linked pictures and templates are not followed, web links become links
the reader asks about before opening. XML with a DTD is refused, and so is
a zip archive that unpacks to more than 256 MB.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from io import BytesIO
from pathlib import Path
from typing import Any

from briefing_reader.core.importing.docxml import DocxWalker
from briefing_reader.core.importing.errors import BAD_DOCX, ImportFailed
from briefing_reader.core.importing.letterhead import apply_letterhead, letterhead_meta
from briefing_reader.core.importing.mdwriter import render, slugify
from briefing_reader.core.importing.model import Converted

FORMAT = "docx"
MAX_UNPACKED = 256 * 1024 * 1024
MAX_MEMBERS = 10_000
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


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
        raise ImportFailed(path, f"is not a valid Word document ({_why(exc)})", BAD_DOCX) from exc
    try:
        walker = DocxWalker(document)
        walker.walk()
        notes = walker.footnotes()
    except ImportFailed:
        raise
    except Exception as exc:  # malformed XML inside a valid zip
        raise ImportFailed(path, f"could not be read as a Word document ({_why(exc)})",
                           BAD_DOCX) from exc
    warnings += walker.warnings
    title = _title(document, walker, path)
    meta: dict[str, Any] = {"id": slugify(title)[:60].strip("-") or "document",
                            "kind": "imported", "title": title}
    apply_letterhead(meta, letterhead_meta(walker.first_lines))
    if walker.missing:
        meta["missing_footnotes"] = walker.missing
    body = render(walker.nodes, notes)
    return Converted(meta, body, FORMAT, None, warnings, list(walker.missing))


def _check_package(data: bytes, path: Path) -> list[str]:
    """Zip sanity (size, members), no DTD in any XML part; what to tell the user."""
    warnings: list[str] = []
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_UNPACKED:
                raise ImportFailed(path, "is not a valid Word document (it unpacks to too "
                                         "much data)", BAD_DOCX)
            names = {i.filename for i in infos}
            if "word/document.xml" not in names and "[Content_Types].xml" not in names:
                raise ImportFailed(path, "is a zip archive but not a Word document", BAD_DOCX)
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    with archive.open(info) as member:
                        if _DTD.search(member.read(MAX_UNPACKED)):
                            raise ImportFailed(path, "is not a valid Word document (its XML "
                                                     "declares a DTD)", BAD_DOCX)
            if any(n.lower().endswith("vbaproject.bin") for n in names):
                warnings.append("the file contains macros; they were ignored (never run)")
    except ImportFailed:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
            NotImplementedError, RuntimeError, zlib.error) as exc:
        raise ImportFailed(path, f"is not a valid Word document ({_why(exc)})",
                           BAD_DOCX) from exc
    return warnings


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
