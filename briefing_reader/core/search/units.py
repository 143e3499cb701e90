"""A document cut into index units: the smallest places a hit can open at."""

from __future__ import annotations

from dataclasses import dataclass

from briefing_reader.core.content import Block, Document, OutlineNode
from briefing_reader.core.content.model import ACTION_KINDS

UNIT_KINDS = ("paragraph", "heading", "action", "footnote", "table")


@dataclass(frozen=True)
class Unit:
    """One searchable piece of a document.

    Attributes:
        doc: document id.
        anchor: where the reader opens it: ``p-N`` for a paragraph or list
            item, the heading id, ``tabel-N``, ``fn-LABEL`` for a footnote,
            the sub-action id for a sub-action title.
        kind: paragraph, heading, action (anything inside an action or
            sub-action), footnote or table.
        section_path: "Pijler 2 > 2.4 Taaleis in de bijstand"; '' for the
            text before the first heading (the letter's opening), which the
            window and the CLI call "Opening".
        text: the text as the reader shows it, footnote markers removed.
        title: the text again for headings and sub-action titles (a boosted
            field), '' otherwise.
        start, end: where the unit's block lies in the document's plain text.
    """

    doc: str
    anchor: str
    kind: str
    section_path: str
    text: str
    title: str = ""
    start: int = 0
    end: int = 0


def strip_markers(block: Block) -> str:
    """The block's text without its footnote marker digits ('rol.1' -> 'rol.')."""
    if not block.markers:
        return block.text
    pieces: list[str] = []
    pos = 0
    for start, end in sorted(block.markers):
        pieces.append(block.text[pos:start])
        pos = max(pos, end)
    pieces.append(block.text[pos:])
    return "".join(pieces)


def units_of(doc: Document) -> list[Unit]:
    """Every unit of ``doc`` in reading order; blocks without text give none."""
    units: list[Unit] = []
    paths: dict[int, str] = {}
    for index, block in enumerate(doc.blocks):
        if not block.text.strip():
            continue
        node = doc.node_at_block(index)
        path = paths.get(id(node))
        if path is None:
            path = paths[id(node)] = doc.section_path(node)
        in_action = _in_action(node)
        text = strip_markers(block)
        title = ""
        if block.kind == "footnote":
            label, _, text = text.partition(" ")
            anchor, kind = f"fn-{label}", "footnote"
        elif block.kind == "heading":
            anchor, kind, title = block.anchor or node.id, "heading", text
        elif block.kind == "subaction_title":
            anchor, kind, title = node.id, "action", text
        elif block.kind == "table":
            anchor, kind = block.anchor or node.id, "table"
        else:
            anchor, kind = block.anchor or node.id, "paragraph"
        if in_action and kind != "footnote":
            kind = "action"
        units.append(Unit(doc.id, anchor, kind, path, text, title, block.start, block.end))
    return units


def _in_action(node: OutlineNode) -> bool:
    current: OutlineNode | None = node
    while current is not None:
        if current.kind in ACTION_KINDS:
            return True
        current = current.parent
    return False
