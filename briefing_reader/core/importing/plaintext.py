"""Plain text to our markdown.

The body goes through the same line rules as the OpenTK export
(:mod:`.textbody`): wrapped lines are joined, short lines that end no
sentence become headings, "Acties" boxes become actions, and footnote
texts ending in "↩︎" are linked to their markers. A Kamerstuk's heading
lines (dossier and number) give its id and date.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefing_reader.core.importing.letterhead import (
    apply_date,
    apply_letterhead,
    letterhead_meta,
)
from briefing_reader.core.importing.mdwriter import slugify
from briefing_reader.core.importing.model import Converted
from briefing_reader.core.importing.opentk import body_markdown

FORMAT = "text"
_TITLE_MAX = 150


def convert(text: str, path: Path, encoding: str | None = None) -> Converted:
    """Convert decoded plain text."""
    lines = text.split("\n")
    found = letterhead_meta(line for line in lines if line.strip())
    title = _title(lines, found, path)
    meta: dict[str, Any] = {
        "id": slugify(title)[:60].strip("-") or "document",
        "kind": "imported",
        "title": title,
    }
    apply_letterhead(meta, found)
    apply_date(meta, lines)
    body, missing, warnings = body_markdown(lines, title)
    if missing:
        meta["missing_footnotes"] = missing
    return Converted(meta, body, FORMAT, encoding, warnings, missing)


def _title(lines: list[str], found: dict[str, Any], path: Path) -> str:
    if found.get("_subject"):
        return str(found["_subject"])
    first = next((line.strip() for line in lines if line.strip()), "")
    if first and len(first) <= _TITLE_MAX:
        return first
    return path.stem.strip() or "Document"
