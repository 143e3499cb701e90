"""The OpenTK / Tweede Kamer text export to our markdown.

Layout (see ``content/sources/README.md``): a metadata header (title,
dossier title, kind of document, "Nummer: ..., datum: ..., bijgewerkt:
..., versie: ...", signatory, dossier, zaak with indiener, committee and
activities, up to "Preview document"), then the letter body, then the
footnote texts, each ending in "↩︎". The header becomes front matter; the
body goes through :mod:`.textbody`; the footnotes through :mod:`.footnotes`,
and a count mismatch is reported and shown, never papered over.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefing_reader.core.importing.footnotes import align, context_words, find_markers, split_notes
from briefing_reader.core.importing.mdwriter import MISSING_TEXT, render, slugify
from briefing_reader.core.importing.model import Converted
from briefing_reader.core.importing.textbody import BodyBuilder
from briefing_reader.core.messages import Message, message

FORMAT = "opentk"
_NUMBER = re.compile(r"^Nummer:\s*(\d{4}D\d+)")
_DATE = re.compile(r"\bdatum:\s*(\d{4}-\d{2}-\d{2})")
_UPDATED = re.compile(r"\bbijgewerkt:\s*(\d{4}-\d{2}-\d{2})")
_VERSION = re.compile(r"\bversie:\s*(\d+)")
_SIGNER = re.compile(r"Eerste ondertekenaar:\s*(?P<name>[^,]+?),\s*(?P<role>.+?)\s*$")
_DOSSIER = re.compile(
    r"kamerstukdossier\s+(?P<num>\d+)(?:[ -]?(?P<suffix>[A-Z]{1,5}))?\s*-\s*"
    r"(?P<nr>\d+)\s*(?P<title>.*?)\.?\s*$"
)
_ZAAK = re.compile(r"Onderdeel van zaak\s+(\d{4}Z\d+)")
_INDIENER = re.compile(r"^-\s*Indiener:\s*(?P<name>[^,]+?),\s*(?P<role>.+?)\s*$")
_COMMITTEE = re.compile(r"^-\s*Voortouwcommissie:\s*(.+?)\s*$")
_ACTIVITY = re.compile(r"^-\s*(\d{4}-\d{2}-\d{2})(?:\s+(\d{1,2}:\d{2}))?:\s*(.+)$")
_BODIES = {"TK": "Tweede Kamer", "EK": "Eerste Kamer"}
_HEADER_END = "Preview document"
_HEADER_LINE_MAX = 1000  # header lines are short; keeps every pattern cheap


def looks_like_opentk(text: str) -> bool:
    """The first lines hold the export's "Nummer: 2025D..." line or its preview marker."""
    head = text.split("\n", 30)[:30]
    return any(_NUMBER.match(line) for line in head) or any(
        line.startswith(_HEADER_END) for line in head
    )


def convert(text: str, path: Path, encoding: str | None = None) -> Converted:
    """Convert a text export (already decoded) to our markdown."""
    lines = text.split("\n")
    end = _header_end(lines)
    meta = header_meta(lines[:end], path)
    body, missing, warnings = body_markdown(lines[end:], str(meta["title"]))
    if missing:
        meta["missing_footnotes"] = missing
    return Converted(meta, body, FORMAT, encoding, warnings, missing)


def _header_end(lines: Sequence[str]) -> int:
    for i, line in enumerate(lines[:40]):
        if line.startswith(_HEADER_END):
            return i + 1
    last = 0
    for i, line in enumerate(lines[:40]):
        if _NUMBER.match(line) or line.startswith(
            ("- ", "Onderdeel van", "Gerelateerde", "Directe link")
        ):
            last = i + 1
    return last


def header_meta(header: Sequence[str], path: Path) -> dict[str, Any]:
    """Front matter from the export's header lines (what is there; nothing invented)."""
    lines = [line.strip()[:_HEADER_LINE_MAX] for line in header]
    title = lines[0] if lines and lines[0] else path.stem
    found: dict[str, Any] = {}
    zaak: dict[str, Any] = {}
    activities: list[dict[str, Any]] = []
    for line in lines:
        if _NUMBER.match(line):
            _number_line(line, found)
        elif (signer := _SIGNER.search(line)) and "signatory" not in found:
            found["signatory"] = {"name": signer["name"], "role": signer["role"]}
        elif dossier := _DOSSIER.search(line):
            found["dossier"] = dossier
        elif zaak_match := _ZAAK.search(line):
            zaak["number"] = zaak_match.group(1)
        elif indiener := _INDIENER.match(line):
            zaak["indiener"] = {"name": indiener["name"], "role": indiener["role"]}
        elif committee := _COMMITTEE.match(line):
            found["committee"] = committee.group(1)
        elif activity := _ACTIVITY.match(line):
            activities.append(_activity(activity))
    kind_line = lines[2] if len(lines) > 2 else ""
    meta: dict[str, Any] = {
        "id": "",
        "kind": "kamerbrief" if "brief" in kind_line.lower() else "imported",
        "official": True,
        "title": title,
    }
    dossier = found.get("dossier")
    if dossier is not None:
        number = _spaced(dossier["num"]) + (f" {dossier['suffix']}" if dossier["suffix"] else "")
        meta["dossier"] = {
            "number": number,
            "title": dossier["title"] or (lines[1] if len(lines) > 1 else ""),
        }
        meta["volgnummer"] = int(dossier["nr"])
        suffix = f"-{dossier['suffix'].lower()}" if dossier["suffix"] else ""
        meta["id"] = f"kst-{dossier['num']}{suffix}-{dossier['nr']}"
    for key in ("document_number", "date"):
        if key in found:
            meta[key] = found[key]
    if isinstance(found.get("date"), dt.date):
        meta["parliamentary_year"] = parliamentary_year(found["date"])
    for key in ("version", "updated", "signatory", "committee"):
        if key in found:
            meta[key] = found[key]
    if activities:
        zaak["activities"] = activities
    if zaak:
        meta["zaak"] = zaak
    if not meta["id"]:
        docnr = found.get("document_number")
        meta["id"] = f"tk-{str(docnr).lower()}" if docnr else slugify(title)[:60].strip("-")
    return meta


def _number_line(line: str, found: dict[str, Any]) -> None:
    match = _NUMBER.match(line)
    if match:
        found["document_number"] = match.group(1)
    for key, pattern in (("date", _DATE), ("updated", _UPDATED)):
        hit = pattern.search(line)
        if hit:
            try:
                found[key] = dt.date.fromisoformat(hit.group(1))
            except ValueError:
                continue
    version = _VERSION.search(line)
    if version:
        found["version"] = int(version.group(1))


def _activity(match: re.Match[str]) -> dict[str, Any]:
    rest = match.group(3)
    subject, kind, body = rest, "", ""
    close = rest.rfind("), ")
    if close != -1 and "(" in rest[:close]:
        open_at = rest.rfind("(", 0, close)
        subject, kind, body = rest[:open_at].strip(), rest[open_at + 1 : close], rest[close + 3 :]
    elif ", " in rest:
        subject, body = rest.rsplit(", ", 1)
    item: dict[str, Any] = {}
    try:
        item["date"] = dt.date.fromisoformat(match.group(1))
    except ValueError:
        item["date"] = match.group(1)
    if match.group(2):
        item["time"] = match.group(2)
    item["kind"] = kind or subject
    item["subject"] = subject
    item["body"] = _BODIES.get(body.strip(), body.strip())
    return item


def _spaced(digits: str) -> str:
    """'32824' -> '32 824', as dossier numbers are cited."""
    return f"{digits[:-3]} {digits[-3:]}" if len(digits) > 3 else digits


def parliamentary_year(day: dt.date) -> str:
    """The vergaderjaar of a date: it starts on Prinsjesdag, the third Tuesday of September."""
    first = dt.date(day.year, 9, 1)
    prinsjesdag = first + dt.timedelta(days=(1 - first.weekday()) % 7 + 14)
    start = day.year if day >= prinsjesdag else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def body_markdown(lines: Sequence[str], title: str) -> tuple[str, list[str], list[Message]]:
    """(markdown, labels of missing footnote texts, warnings) for a letter body."""
    body_lines, notes = split_notes(lines)
    builder = BodyBuilder(body_lines, title)
    builder.build()
    warnings: list[Message] = []
    footnotes: list[tuple[str, list[str]]] = []
    missing: list[str] = []
    if notes:
        hits = find_markers(builder.spans)
        contexts = [context_words(builder.spans[s], start) for s, start, _ in hits]
        owners = align([" ".join(n) for n in notes], contexts)
        for number, ((span_index, start, stop), owner) in enumerate(
            zip(hits, owners, strict=True), start=1
        ):
            label = str(number)
            builder.spans[span_index].markers.append((start, stop, label))
            if owner is None:
                missing.append(label)
                footnotes.append((label, [MISSING_TEXT]))
            else:
                footnotes.append((label, notes[owner]))
        used = {o for o in owners if o is not None}
        if len(hits) != len(notes):
            warnings.append(_mismatch(len(hits), len(notes), missing))
        unplaced = [" ".join(notes[i]) for i in range(len(notes)) if i not in used]
        for text in unplaced:
            warnings.append(message("import.footnote_text_unplaced", text=text[:80]))
    return render(builder.nodes, footnotes), missing, warnings


def _mismatch(markers: int, texts: int, missing: list[str]) -> Message:
    if not missing:
        return message("import.footnote_mismatch", markers=markers, texts=texts)
    if len(missing) == 1:
        return message(
            "import.footnote_mismatch_one_missing", markers=markers, texts=texts, note=missing[0]
        )
    return message(
        "import.footnote_mismatch_missing",
        markers=markers,
        texts=texts,
        notes=", ".join(missing[:-1]),
        last=missing[-1],
    )
