"""Markdown out: the notes in reading order, by document and section.

:func:`export_markdown` groups the notes by document and section with quotes
and ``doc:`` links back. :func:`placed_notes` (where each note sits, in
reading order) and :func:`doc_link` serve the CSV export too
(:mod:`csv_export`); :func:`briefing_reader.core.notes.exchange.export_file`
writes any format to a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing_reader import APP_NAME
from briefing_reader.core.content.citation import dutch_date, full_citation
from briefing_reader.core.content.model import ACTION_KINDS, OutlineKind
from briefing_reader.core.notes.anchors import block_index_at, locate, place_at
from briefing_reader.core.notes.jsonld_out import Item, exported_items
from briefing_reader.core.notes.model import ActionAnnotation, Bookmark, parse_time, utc_now

if TYPE_CHECKING:
    from briefing_reader.core.content import Document, Library, OutlineNode
    from briefing_reader.core.notes.store import NotesStore


@dataclass
class Placed:
    """An item with where it sits in its document, for ordering and links."""

    item: Item
    doc: Document | None
    offset: int
    section: str
    anchor: str | None


def _section_node(node: OutlineNode) -> OutlineNode:
    while node.kind in ACTION_KINDS and node.parent is not None:
        node = node.parent
    return node


def _section_of(doc: Document, node: OutlineNode) -> str:
    node = _section_node(node)
    return doc.title if node.kind == OutlineKind.DOCUMENT else doc.section_path(node)


def _place(item: Item, library: Library | None) -> Placed:
    doc = library.get(item.doc_id) if library is not None else None
    if isinstance(item, ActionAnnotation):
        node = doc.node(item.action_id) if doc else None
        if doc is None or node is None:
            return Placed(item, doc, 0, "", item.action_id)
        return Placed(
            item,
            doc,
            doc.blocks[node.first].start if node.first < len(doc.blocks) else 0,
            _section_of(doc, node),
            item.action_id,
        )
    anchor = item.anchor
    if doc is None:
        return Placed(item, None, anchor.position.start, "", anchor.place)
    found = locate(doc.plain_text, anchor)
    offset = found.start if found else min(anchor.position.start, len(doc.plain_text))
    node = doc.node_at_block(block_index_at(doc, offset))
    place = (
        place_at(doc, offset)
        if found
        else (anchor.place if anchor.place in doc.anchors() else None)
    )
    return Placed(item, doc, offset, _section_of(doc, node), place)


def placed_notes(store: NotesStore, library: Library | None, mine_only: bool) -> list[Placed]:
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


def doc_link(p: Placed) -> str:
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


def _md_item(p: Placed) -> list[str]:
    item, link = p.item, doc_link(p)
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
    placed = placed_notes(store, library, mine_only)
    lines = [
        f"# Notities uit {APP_NAME}",
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
