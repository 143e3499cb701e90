"""Citations and dates the way Dutch parliamentary documents write them."""

from __future__ import annotations

import datetime as dt

from briefing_reader.core.content.model import Meta

MONTHS_NL = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def dutch_date(day: dt.date) -> str:
    """2025-07-04 -> '4 juli 2025'."""
    return f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"


def parliamentary_year(day: dt.date) -> str:
    """The vergaderjaar a date falls in: it starts on the third Tuesday of September."""
    september_first = dt.date(day.year, 9, 1)
    first_tuesday = september_first + dt.timedelta(days=(1 - september_first.weekday()) % 7)
    prinsjesdag = first_tuesday + dt.timedelta(weeks=2)
    start = day.year if day >= prinsjesdag else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def citation(meta: Meta) -> str | None:
    """'Kamerstukken II 2024/25, 32 824, nr. 456', or None for documents
    that are not Kamerstukken (our companion documents, plain imports)."""
    if not (meta.dossier_number and meta.volgnummer):
        return None
    year = meta.parliamentary_year or (parliamentary_year(meta.date) if meta.date else None)
    prefix = f"Kamerstukken II {year}" if year else "Kamerstuk"
    return f"{prefix}, {meta.dossier_number}, nr. {meta.volgnummer}"


def full_citation(meta: Meta) -> str:
    """Citation with title and date, for headers of printed excerpts."""
    parts = [citation(meta) or meta.title]
    if citation(meta):
        parts.append(meta.title)
    if meta.date:
        parts.append(dutch_date(meta.date))
    return ", ".join(parts)
