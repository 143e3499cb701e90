"""Pipe tables of a text export: cells as printed, the header fitted to the rows."""

from __future__ import annotations

import re
from collections.abc import Sequence


def table_rows(lines: Sequence[str]) -> list[list[str]]:
    """Cells of pipe-table lines; the header is fitted to the data rows' width."""
    header: list[str] | None = None
    rows: list[list[str]] = []
    for line in lines:
        stripped = line.strip()
        if not set(stripped) - set("|-: "):
            continue
        cells = stripped.split("|")
        if stripped.startswith("|"):
            cells = cells[1:]
        if stripped.endswith("|"):
            cells = cells[:-1]
        cells = [c.strip() for c in cells]
        if header is None:
            header = cells
        else:
            rows.append(cells)
    if header is None:
        return []
    width = max([len(header), *(len(r) for r in rows)])
    while header and not header[-1] and len(header) > 1:
        header = header[:-1]
    if len(header) < width:
        labels = rows and all(r and r[0] and not _numeric(r[0]) for r in rows)
        pad = [""] * (width - len(header))
        header = pad + header if labels and not _numeric_header_label(header) else header + pad
    return [header] + [r + [""] * (width - len(r)) for r in rows]


def _numeric(text: str) -> bool:
    return bool(re.fullmatch(r"[€\s\d.,%*-]+", text))


def _numeric_header_label(header: list[str]) -> bool:
    """The header's first cell names the row labels (text), so the gap is at the end."""
    return bool(header) and not _numeric(header[0]) and not re.match(r"^\d{4}\b", header[0])
