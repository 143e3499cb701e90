"""PDF to our markdown: the letter's structure recovered from its text layer.

:mod:`.pdfread` reads the pieces of text and the rules (pypdfium2);
:mod:`.pdflayout` drops running heads and page numbers and finds the
footnotes; :mod:`.pdfblocks` builds paragraphs, headings, lists, action
boxes and tables. The letterhead (dossier, "Nr.", "Den Haag, <date>") and
the signatory go into the front matter as for Word and text. A PDF
without text (a scan) or an encrypted one is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from briefing_reader.core.importing.letterhead import (
    apply_date,
    apply_letterhead,
    letterhead_meta,
)
from briefing_reader.core.importing.mdwriter import MISSING_TEXT, render, slugify
from briefing_reader.core.importing.model import Converted
from briefing_reader.core.importing.pdfblocks import BlockBuilder, join_lines
from briefing_reader.core.importing.pdflayout import lay_out
from briefing_reader.core.importing.pdfread import read_pages
from briefing_reader.core.messages import Message, message

FORMAT = "pdf"
_SIGNER_ROLE = re.compile(
    r"^(De|Het)\s+(minister|staatssecretaris|minister-president|"
    r"voorzitter|secretaris)\b.*,?$",
    re.IGNORECASE,
)


def convert(data: bytes, path: Path) -> Converted:
    """Convert the bytes of a PDF file.

    Raises:
        ImportFailed: not a readable PDF, encrypted, no text layer, over budget.
    """
    pages = read_pages(data, path)
    laid = lay_out(pages)
    builder = BlockBuilder(laid.body, laid.body_size)
    nodes = builder.build()
    footnotes, missing, warnings = _footnotes(builder.markers, laid.notes, laid.note_order)
    first_lines = [line.text for line in laid.body[:12]]
    found = letterhead_meta(first_lines)
    title = _title(data, found, builder.title, path)
    meta: dict[str, Any] = {
        "id": slugify(title)[:60].strip("-") or "document",
        "kind": "imported",
        "title": title,
    }
    apply_letterhead(meta, found)
    apply_date(meta, [line.text for line in laid.body[:40]], _pdf_date(data))
    signer = signatory(builder.paragraph_texts)
    if signer and found:
        meta["signatory"] = signer
    if missing:
        meta["missing_footnotes"] = missing
    warnings = laid.warnings + builder.warnings + warnings
    return Converted(meta, render(nodes, footnotes), FORMAT, None, warnings, missing)


def _footnotes(
    markers: list[str], notes: dict[str, list[str]], order: list[str]
) -> tuple[list[tuple[str, list[str]]], list[str], list[Message]]:
    """Note texts for the markers in the text, in order; missing ones marked."""
    out: list[tuple[str, list[str]]] = []
    missing: list[str] = []
    seen: set[str] = set()
    for label in markers:
        if label in seen:
            continue
        seen.add(label)
        if label in notes:
            out.append((label, [join_lines(notes[label])]))
        else:
            missing.append(label)
            out.append((label, [MISSING_TEXT]))
    warnings = [
        message("import.footnote_unplaced", label=label, text=join_lines(notes[label])[:80])
        for label in order
        if label not in seen
    ]
    if missing:
        code = "import.footnotes_not_found" if len(missing) > 1 else "import.footnote_not_found"
        warnings.append(message(code, notes=", ".join(missing)))
    return out, missing, warnings


def signatory(paragraphs: list[str]) -> dict[str, str] | None:
    """{"name", "role"} from the closing "De staatssecretaris van ..., <name>" lines."""
    for text in reversed(paragraphs[-6:]):
        match = re.match(r"^(?P<role>(?:De|Het)\s+.+?),\s*(?P<name>[A-Z][\w.\- ]{1,60})$", text)
        if match and _SIGNER_ROLE.match(match["role"]):
            role = match["role"].split(" ", 1)[1]
            return {"name": match["name"].strip(), "role": role}
    return None


def _title(data: bytes, found: dict[str, Any], heading: str, path: Path) -> str:
    title = _pdf_title(data) or str(found.get("_subject") or "") or heading or path.stem
    return " ".join(title.split())[:200] or "Document"


def _pdf_title(data: bytes) -> str:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return ""
    try:
        title = str(document.get_metadata_dict().get("Title", "")).strip()
    finally:
        document.close()
    if (
        not title
        or title.lower().startswith(("microsoft word", "untitled"))
        or (title.lower().endswith((".docx", ".doc", ".pdf")))
    ):
        return ""
    return title


_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")


def _pdf_date(data: bytes) -> dt.date | None:
    """The creation date in the PDF's info dictionary ("D:20261114..."), if any."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return None
    try:
        raw = str(document.get_metadata_dict().get("CreationDate", "")).strip()
    finally:
        document.close()
    match = _PDF_DATE.match(raw)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
