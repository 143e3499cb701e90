"""CSV out: one row per note, safe to open in a spreadsheet.

:func:`export_csv` gives one row per note in the columns
:data:`CSV_COLUMNS`. Every cell that a spreadsheet would take for a formula
(it starts with ``= + - @``, a tab or a carriage return: the OWASP rule
against CSV injection) gets a leading apostrophe, so a colleague's note
``=HYPERLINK(...)`` stays text.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from briefing_reader.core.content.citation import citation
from briefing_reader.core.notes.markdown_export import doc_link, placed_notes
from briefing_reader.core.notes.model import ActionAnnotation, Highlight, NoteKind

if TYPE_CHECKING:
    from briefing_reader.core.content import Library
    from briefing_reader.core.notes.store import NotesStore

CSV_COLUMNS = (
    "id",
    "kind",
    "doc_id",
    "citation",
    "section",
    "anchor",
    "link",
    "quote",
    "stance",
    "priority",
    "note",
    "questions",
    "tags",
    "colour",
    "name",
    "author",
    "created",
    "modified",
    "imported_from",
)
#: First characters that make a spreadsheet evaluate a cell (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """``value`` as a cell no spreadsheet runs: a formula start gets an apostrophe."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def export_csv(store: NotesStore, library: Library | None, *, mine_only: bool = False) -> str:
    """One row per note; columns :data:`CSV_COLUMNS` (questions one per line)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for p in placed_notes(store, library, mine_only):
        item = p.item
        row: dict[str, Any] = {
            "id": item.id,
            "doc_id": item.doc_id,
            "citation": (citation(p.doc.meta) or p.doc.title) if p.doc else "",
            "section": p.section,
            "anchor": p.anchor or "",
            "link": doc_link(p),
            "author": item.author,
            "created": item.created,
            "modified": item.modified,
            "imported_from": item.imported_from or "",
        }
        if isinstance(item, ActionAnnotation):
            row.update(
                kind=NoteKind.ACTION,
                quote=item.action_title,
                stance=item.stance or "",
                priority=item.priority or "",
                note=item.note,
                questions="\n".join(item.questions),
                tags="; ".join(item.tags),
            )
        elif isinstance(item, Highlight):
            row.update(
                kind=NoteKind.HIGHLIGHT,
                quote=item.anchor.quote.exact,
                note=item.note,
                tags="; ".join(item.tags),
                colour=item.colour,
            )
        else:
            row.update(kind=NoteKind.BOOKMARK, quote=item.anchor.quote.exact, name=item.name)
        writer.writerow({key: csv_cell(str(value)) for key, value in row.items()})
    return out.getvalue()
