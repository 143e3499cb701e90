"""Markdown and CSV out, and writing any export to a file.

:func:`export_markdown` groups the notes by document and section with quotes
and ``doc:`` links back; :func:`export_csv` gives one row per note in the
columns :data:`CSV_COLUMNS`. Every CSV cell that a spreadsheet would take for
a formula (it starts with ``= + - @``, a tab or a carriage return: the OWASP
rule against CSV injection) gets a leading apostrophe, so a colleague's note
``=HYPERLINK(...)`` stays text. :func:`export_file` writes any of the three
formats atomically.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_reader.core.atomic import write_atomic
from briefing_reader.core.content.citation import citation, dutch_date, full_citation
from briefing_reader.core.notes import json_bounds
from briefing_reader.core.notes.anchors import block_index_at, locate, place_at
from briefing_reader.core.notes.errors import ExchangeError
from briefing_reader.core.notes.jsonld_out import (
    Item,
    export_jsonld,
    exported_items,
    split_collection,
)
from briefing_reader.core.notes.model import (
    ActionAnnotation,
    Bookmark,
    Highlight,
    parse_time,
    utc_now,
)

if TYPE_CHECKING:
    from briefing_reader.core.content import Document, Library, OutlineNode
    from briefing_reader.core.notes.store import NotesStore

FORMATS = ("md", "csv", "jsonld")
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


@dataclass
class _Placed:
    """An item with where it sits in its document, for ordering and links."""

    item: Item
    doc: Document | None
    offset: int
    section: str
    anchor: str | None


def _section_node(node: OutlineNode) -> OutlineNode:
    while node.kind in ("action", "subaction") and node.parent is not None:
        node = node.parent
    return node


def _section_of(doc: Document, node: OutlineNode) -> str:
    node = _section_node(node)
    return doc.title if node.kind == "document" else doc.section_path(node)


def _place(item: Item, library: Library | None) -> _Placed:
    doc = library.get(item.doc_id) if library is not None else None
    if isinstance(item, ActionAnnotation):
        node = doc.node(item.action_id) if doc else None
        if doc is None or node is None:
            return _Placed(item, doc, 0, "", item.action_id)
        return _Placed(
            item,
            doc,
            doc.blocks[node.first].start if node.first < len(doc.blocks) else 0,
            _section_of(doc, node),
            item.action_id,
        )
    anchor = item.anchor
    if doc is None:
        return _Placed(item, None, anchor.position.start, "", anchor.place)
    found = locate(doc.plain_text, anchor)
    offset = found.start if found else min(anchor.position.start, len(doc.plain_text))
    node = doc.node_at_block(block_index_at(doc, offset))
    place = (
        place_at(doc, offset)
        if found
        else (anchor.place if anchor.place in doc.anchors() else None)
    )
    return _Placed(item, doc, offset, _section_of(doc, node), place)


def _placed(store: NotesStore, library: Library | None, mine_only: bool) -> list[_Placed]:
    placed = [_place(item, library) for item in exported_items(store, mine_only)]
    entries = library.entries() if library is not None else []  # the catalogue: no parse
    order = {entry.id: i for i, entry in enumerate(entries)}
    placed.sort(
        key=lambda p: (
            order.get(p.item.doc_id, len(order)),
            p.item.doc_id,
            p.offset,
            p.item.created,
        )
    )
    return placed


def _link(p: _Placed) -> str:
    return f"doc:{p.item.doc_id}#{p.anchor}" if p.anchor else f"doc:{p.item.doc_id}"


def _md_escape(text: str) -> str:
    return re.sub(r"([\[\]\\*_`])", r"\\\1", " ".join(text.split()))


def _day(stamp: str) -> str:
    try:
        return dutch_date(parse_time(stamp).date())
    except ValueError:
        return stamp


def _byline(item: Item) -> str:
    who = f"{item.author}, {_day(item.modified)}"
    if item.imported_from:
        who += f" (van een collega, uit {item.imported_from})"
    return who


def _md_item(p: _Placed) -> list[str]:
    item, link = p.item, _link(p)
    if isinstance(item, ActionAnnotation):
        title = item.action_title or item.action_id
        lines = [f"#### Actie: [{_md_escape(title)}]({link})", ""]
        facts = [
            ("Standpunt", item.stance),
            ("Prioriteit", item.priority),
            ("Tags", ", ".join(item.tags)),
        ]
        lines += [f"- {name}: {value}" for name, value in facts if value]
        lines += [f"- Door: {_byline(item)}", ""]
        if item.note.strip():
            lines += [item.note.strip(), ""]
        if item.questions:
            lines += ["Vragen:", ""]
            lines += [f"{n}. {' '.join(q.split())}" for n, q in enumerate(item.questions, 1)]
            lines.append("")
        return lines
    if isinstance(item, Bookmark):
        return [
            f"#### Bladwijzer: [{_md_escape(item.name)}]({link})",
            "",
            f"> {' '.join(item.anchor.quote.exact.split())}",
            "",
            f"*{_byline(item)}*",
            "",
        ]
    lines = [f"#### Markering ([naar de tekst]({link}))", ""]
    lines += [f"> {line}" if line else ">" for line in item.anchor.quote.exact.split("\n")]
    lines.append("")
    if item.note.strip():
        lines += [item.note.strip(), ""]
    tags = f" · tags: {', '.join(item.tags)}" if item.tags else ""
    lines += [f"*{item.colour} · {_byline(item)}{tags}*", ""]
    return lines


def export_markdown(store: NotesStore, library: Library | None, *, mine_only: bool = False) -> str:
    """Notes grouped by document and section, with quotes and ``doc:`` links back."""
    placed = _placed(store, library, mine_only)
    lines = [
        "# Notities uit Briefing Reader",
        "",
        f"Geëxporteerd op {_day(utc_now())}; {len(placed)} notitie(s).",
        "",
    ]
    doc_id: str | None = None
    section: str | None = None
    for p in placed:
        if p.item.doc_id != doc_id:
            doc_id, section = p.item.doc_id, None
            heading = full_citation(p.doc.meta) if p.doc else f"{doc_id} (niet geladen)"
            lines += [f"## {heading}", ""]
        if p.section and p.section != section:
            section = p.section
            lines += [f"### {p.section}", ""]
        lines += _md_item(p)
    return "\n".join(lines).rstrip() + "\n"


def export_csv(store: NotesStore, library: Library | None, *, mine_only: bool = False) -> str:
    """One row per note; columns :data:`CSV_COLUMNS` (questions one per line)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for p in _placed(store, library, mine_only):
        item = p.item
        row: dict[str, Any] = {
            "id": item.id,
            "doc_id": item.doc_id,
            "citation": (citation(p.doc.meta) or p.doc.title) if p.doc else "",
            "section": p.section,
            "anchor": p.anchor or "",
            "link": _link(p),
            "author": item.author,
            "created": item.created,
            "modified": item.modified,
            "imported_from": item.imported_from or "",
        }
        if isinstance(item, ActionAnnotation):
            row.update(
                kind="action",
                quote=item.action_title,
                stance=item.stance or "",
                priority=item.priority or "",
                note=item.note,
                questions="\n".join(item.questions),
                tags="; ".join(item.tags),
            )
        elif isinstance(item, Highlight):
            row.update(
                kind="highlight",
                quote=item.anchor.quote.exact,
                note=item.note,
                tags="; ".join(item.tags),
                colour=item.colour,
            )
        else:
            row.update(kind="bookmark", quote=item.anchor.quote.exact, name=item.name)
        writer.writerow({key: csv_cell(str(value)) for key, value in row.items()})
    return out.getvalue()


def export_file(
    store: NotesStore,
    library: Library | None,
    path: Path | str,
    fmt: str,
    *,
    mine_only: bool = False,
    written: list[Path] | None = None,
) -> int:
    """Write an export atomically; returns the number of notes written.

    A JSON-LD export larger than an import accepts (:data:`MAX_IMPORT_BYTES`)
    is written as several files, ``notities-1.jsonld``, ``notities-2.jsonld``...,
    each importable; ``written`` gets the paths of the files written.

    Raises:
        ExchangeError: unknown format, or the file cannot be written.
    """
    path = Path(path)
    files: list[tuple[Path, bytes]]
    if fmt == "jsonld":
        data = export_jsonld(store, mine_only=mine_only)
        parts = split_collection(data, json_bounds.MAX_IMPORT_BYTES)
        count = data["total"]
        files = (
            [(path, parts[0])]
            if len(parts) == 1
            else [
                (path.with_name(f"{path.stem}-{number}{path.suffix}"), part)
                for number, part in enumerate(parts, start=1)
            ]
        )
    elif fmt == "md":
        text = export_markdown(store, library, mine_only=mine_only)
        count = len(exported_items(store, mine_only))
        files = [(path, text.encode("utf-8"))]
    elif fmt == "csv":
        text = "\ufeff" + export_csv(store, library, mine_only=mine_only)  # BOM: Excel reads UTF-8
        count = len(exported_items(store, mine_only))
        files = [(path, text.encode("utf-8"))]
    else:
        raise ExchangeError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})", path)
    for target, data_bytes in files:
        atomic_write(target, data_bytes)
        if written is not None:
            written.append(target)
    return int(count)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and move it into place.

    Raises:
        ExchangeError: the folder is missing or the file cannot be written.
    """
    if not path.parent.is_dir():
        raise ExchangeError(f"the folder {path.parent} does not exist", path)
    if path.is_dir():
        raise ExchangeError("is a folder, not a file", path)
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise ExchangeError(f"cannot be written ({exc.strerror or exc})", path) from exc
