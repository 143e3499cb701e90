"""Tables that do not add up: check "Totaal" rows and columns.

A table's first row is its header and its first column holds the row
labels. A row labelled "Totaal" is checked column by column against the sum
of the rows above it; a column headed "Totaal" is checked row by row
against the sum of the columns before it. Cells hold Dutch numbers as
printed ("10,6", "1.000", "€ 5,0", "17,4*"); an empty cell or a dash counts
as zero. A column (or row) with a cell that is not a number is not checked.

Printed figures are rounded, so a sum may be off by rounding alone. Every
total that differs from its sum is reported, with ``rounding`` set when the
difference is within what rounding can explain: half a unit of the last
decimal shown, for each figure and for the total (a zero or an empty cell
counts as exact). The letter's "5" against 5,0 + 1,3 + 0 = 6,3 is off by
1,3 where rounding explains at most 0,6: a real difference.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from briefing_reader.core.content.library import Library
from briefing_reader.core.content.model import Document

_TOTAL = re.compile(r"^\s*totaal\b", re.IGNORECASE)
_SUBTOTAL = re.compile(r"^\s*subtotaal\b", re.IGNORECASE)
_NUMBER = re.compile(
    r"^[-−–]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^[-−–]?\d+(?:,\d+)?$|"
    r"^[-−–]?\d+\.\d{1,2}$"
)
_EMPTY = {"", "-", "–", "—"}


@dataclass(frozen=True)
class SumDifference:
    """A total cell that differs from the sum of the figures it totals.

    Attributes:
        doc: document id.
        anchor: the table's anchor ("tabel-1").
        row: the row label ("Totaal", or the row of a total column).
        column: the column header ("2025", or "Totaal").
        printed: the cell as printed ("5").
        computed: the sum, written the Dutch way ("6,3").
        difference: computed minus printed, the Dutch way ("1,3").
        rounding: the difference is small enough to be rounding alone.
    """

    doc: str
    anchor: str
    row: str
    column: str
    printed: str
    computed: str
    difference: str
    rounding: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "anchor": self.anchor,
            "row": self.row,
            "column": self.column,
            "printed": self.printed,
            "computed": self.computed,
            "difference": self.difference,
            "rounding": self.rounding,
        }


def parse_number(cell: str) -> Decimal | None:
    """A Dutch number as printed, or None when the cell is not one.

    "10,6" -> 10.6; "1.000" -> 1000; "€ 5,0" -> 5.0; "17,4*" -> 17.4;
    "" and "-" -> 0.
    """
    text = cell.replace("€", "").replace("\u00a0", " ").strip().rstrip("*").strip()
    text = text.replace(" ", "")
    if text in _EMPTY:
        return Decimal(0)
    if not _NUMBER.match(text):
        return None
    text = text.replace("−", "-").replace("–", "-")
    if "," in text or re.search(r"\.\d{3}(?:\.|$)", text):
        text = text.replace(".", "").replace(",", ".")
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern rules it out
        return None


def format_number(value: Decimal) -> str:
    """A number the Dutch way: "6,3", "1000", "-1"."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") or "0"


def _slack(cell: str) -> Decimal:
    """How far rounding may have moved a printed figure: half its last unit."""
    value = parse_number(cell)
    if value is None or value == 0:
        return Decimal(0)  # an empty cell or a printed zero is taken as exact
    match = re.search(r",(\d+)", cell)
    places = len(match.group(1)) if match else 0
    return Decimal(5) / (Decimal(10) ** (places + 1))


def _check_line(printed: str, parts: list[str]) -> tuple[Decimal, Decimal, bool] | None:
    """(computed, printed value, within rounding) when the total differs from the sum."""
    total = parse_number(printed)
    values = [parse_number(p) for p in parts]
    if printed.strip() in _EMPTY or total is None or any(v is None for v in values):
        return None
    computed = sum((v for v in values if v is not None), Decimal(0))
    if computed == total:
        return None
    slack = sum((_slack(c) for c in [printed, *parts]), Decimal(0))
    return computed, total, abs(computed - total) <= slack


def check_rows(rows: list[list[str]], *, doc: str = "", anchor: str = "") -> list[SumDifference]:
    """The differences in one table given as rows of cells (header first)."""
    if len(rows) < 3:
        return []
    width = max(len(r) for r in rows)
    grid = [r + [""] * (width - len(r)) for r in rows]
    header, body = grid[0], grid[1:]
    found: list[SumDifference] = []
    for t, row in enumerate(body):
        if not _TOTAL.match(row[0]):
            continue
        above = [r for r in body[:t] if not _TOTAL.match(r[0]) and not _SUBTOTAL.match(r[0])]
        for col in range(1, width):
            result = _check_line(row[col], [r[col] for r in above])
            if result:
                computed, printed, rounding = result
                found.append(
                    SumDifference(
                        doc,
                        anchor,
                        row[0],
                        header[col],
                        row[col],
                        format_number(computed),
                        format_number(computed - printed),
                        rounding,
                    )
                )
    for col in range(1, width):
        if not _TOTAL.match(header[col]):
            continue
        for row in body:
            result = _check_line(row[col], row[1:col])
            if result:
                computed, printed, rounding = result
                found.append(
                    SumDifference(
                        doc,
                        anchor,
                        row[0],
                        header[col],
                        row[col],
                        format_number(computed),
                        format_number(computed - printed),
                        rounding,
                    )
                )
    return found


def table_rows(text: str) -> list[list[str]]:
    """A table block's text (rows joined by newlines, cells by tabs) as rows."""
    return [line.split("\t") for line in text.split("\n")]


def has_total(rows: list[list[str]]) -> bool:
    """Whether a table has a "Totaal" row or column to check."""
    return bool(rows) and (
        any(r and _TOTAL.match(r[0]) for r in rows[1:]) or any(_TOTAL.match(c) for c in rows[0][1:])
    )


def check_document(doc: Document) -> list[SumDifference]:
    """The differences in every table of a document."""
    found: list[SumDifference] = []
    for block in doc.blocks:
        if block.kind == "table" and block.text:
            found += check_rows(table_rows(block.text), doc=doc.id, anchor=block.anchor or "")
    return found


def check_library(documents: Library | Iterable[Document]) -> list[SumDifference]:
    """The differences in every table of every document."""
    return [d for doc in documents for d in check_document(doc)]
