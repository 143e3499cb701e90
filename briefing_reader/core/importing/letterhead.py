"""The heading lines of a Kamerstuk ("32 824 Integratiebeleid", "Nr. 456 Brief van ...",
"Den Haag, 4 juli 2025"): dossier, number and date, for files without metadata."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from briefing_reader.core.content.citation import MONTHS_NL

_DOSSIER = re.compile(r"^(?P<num>\d{2}\s?\d{3})(?:[ -](?P<suffix>[A-Z]{1,5}))?\s+(?P<title>\S.*)$")
_NR = re.compile(r"^Nr\.\s*(?P<nr>\d+)\s*(?P<rest>.*)$")
_MONTHS = {name: n for n, name in enumerate(MONTHS_NL, start=1)}
_PLACE_DATE = re.compile(
    r"^[A-Z][\w'’. -]+,\s*(?P<day>\d{1,2})\s+(?P<month>[a-z]+)\s+"
    r"(?P<year>\d{4})$"
)


def letterhead_meta(lines: Iterable[str], limit: int = 12) -> dict[str, Any]:
    """Front matter found in the first lines (dossier, volgnummer, date), or {}."""
    found: dict[str, Any] = {}
    for count, raw in enumerate(lines):
        if count >= limit:
            break
        line = raw.strip()
        if "dossier" not in found and (match := _DOSSIER.match(line)):
            digits = match["num"].replace(" ", "")
            number = f"{digits[:-3]} {digits[-3:]}"
            if match["suffix"]:
                number += f" {match['suffix']}"
            found["dossier"] = {"number": number, "title": match["title"]}
            found["_digits"] = digits + (f"-{match['suffix'].lower()}" if match["suffix"] else "")
        elif "volgnummer" not in found and (match := _NR.match(line)):
            found["volgnummer"] = int(match["nr"])
            if match["rest"]:
                found["_subject"] = match["rest"]
        elif "date" not in found and (match := _PLACE_DATE.match(line)):
            month = _MONTHS.get(match["month"])
            if month:
                try:
                    found["date"] = dt.date(int(match["year"]), month, int(match["day"]))
                except ValueError:
                    continue
    if "dossier" not in found or "volgnummer" not in found:
        return {}
    return found


def apply_letterhead(meta: dict[str, Any], found: dict[str, Any]) -> None:
    """Fill a converted document's front matter from :func:`letterhead_meta`.

    Without a letterhead (no dossier and number) the file is no Kamerstuk: a
    note of the VNG, a position paper. It is marked ``official: false`` so
    that it is never shown as parliamentary text.
    """
    if not found:
        meta["official"] = False
        return
    from briefing_reader.core.importing.opentk import parliamentary_year

    meta["kind"] = "kamerbrief"
    meta["id"] = f"kst-{found['_digits']}-{found['volgnummer']}"
    meta["dossier"] = found["dossier"]
    meta["volgnummer"] = found["volgnummer"]
    if "date" in found:
        meta["date"] = found["date"]
        meta["parliamentary_year"] = parliamentary_year(found["date"])


# A dated line near the top of a letter without a Kamerstuk letterhead:
# "Den Haag, 14 november 2026", "Datum: 14 november 2026", "Utrecht, 3 maart 2026".
_DATED_LINE = re.compile(
    r"^(?:(?:[A-Z][\w'’. -]{0,40}|Datum|Date)\s*[,:]\s*)?"
    r"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
    r"\s+)?(?P<day>\d{1,2})\s+(?P<month>[a-z]+)\s+(?P<year>\d{4})\.?$",
    re.IGNORECASE,
)
DATE_LINES = 20  # how far down a date line is looked for


def text_date(lines: Iterable[str], limit: int = DATE_LINES) -> dt.date | None:
    """The date of a letter from one of its first non-empty lines, or None."""
    count = 0
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        count += 1
        if count > limit:
            break
        if len(line) > 80 or not (match := _DATED_LINE.match(line)):
            continue
        month = _MONTHS.get(match["month"].lower())
        if month:
            try:
                return dt.date(int(match["year"]), month, int(match["day"]))
            except ValueError:
                continue
    return None


def apply_date(meta: dict[str, Any], lines: Iterable[str], fallback: dt.date | None = None) -> None:
    """Date a document without a letterhead date: a dated line, else ``fallback``
    (the file's own metadata), else nothing (the caller asks the user)."""
    if "date" in meta:
        return
    day = text_date(lines) or fallback
    if day is None:
        return
    from briefing_reader.core.importing.opentk import parliamentary_year

    meta["date"] = day
    meta["parliamentary_year"] = parliamentary_year(day)
