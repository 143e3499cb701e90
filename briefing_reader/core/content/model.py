"""The document model: front matter, blocks of rendered text, the outline."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class OutlineKind(enum.StrEnum):
    """What an outline node is; ``OutlineNode.kind`` holds one of these values."""

    DOCUMENT = "document"
    PILLAR = "pillar"
    SECTION = "section"
    THEME = "theme"
    ACTION = "action"
    SUBACTION = "subaction"


#: The outline kinds a member annotates, prints and registers as actions.
ACTION_KINDS = frozenset({OutlineKind.ACTION, OutlineKind.SUBACTION})


@dataclass(frozen=True)
class Meta:
    """Front matter of a document, with the fields the app relies on typed.

    ``raw`` keeps every key as written, for fields only some views need.
    """

    id: str
    kind: str
    title: str
    official: bool = True
    date: dt.date | None = None
    version: int | None = None
    updated: dt.date | None = None
    dossier_number: str | None = None
    dossier_title: str | None = None
    volgnummer: int | None = None
    document_number: str | None = None
    parliamentary_year: str | None = None
    missing_footnotes: tuple[str, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        """The main fields as JSON-ready data (``docs --json``)."""
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "official": self.official,
        }
        for key in (
            "date",
            "version",
            "updated",
            "dossier_number",
            "dossier_title",
            "volgnummer",
            "document_number",
        ):
            value = getattr(self, key)
            out[key] = value.isoformat() if isinstance(value, dt.date) else value
        return out


@dataclass
class Block:
    """One piece of the rendered document, in reading order.

    Structural blocks (``box_open``/``box_close``/``list_open``/``list_close``)
    carry HTML but no text; any balanced run of blocks renders on its own,
    which is how a section or an action is printed or shown alone.

    Attributes:
        kind: heading, paragraph, list_item, table, subaction_title,
            footnote, box_open, box_close, list_open, list_close.
        html: Qt rich-text HTML of the block.
        text: the text a reader sees ('' for structural blocks).
        anchor: the anchor of the block itself, if any.
        start: offset of ``text`` in the document's plain text.
        line: 1-based source line, if known.
        markers: (start, end) spans of footnote markers within ``text``.
        attrs: block attributes written in the markdown (``{.toezegging}``),
            other than the id: classes under "class", the rest by name.
    """

    kind: str
    html: str
    text: str = ""
    anchor: str | None = None
    start: int = 0
    line: int | None = None
    markers: list[tuple[int, int]] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class OutlineNode:
    """A node of the table of contents.

    ``first``/``stop`` delimit the node's blocks (``blocks[first:stop]``).
    """

    id: str
    title: str
    kind: str
    level: int
    first: int
    stop: int
    line: int | None = None
    children: list[OutlineNode] = field(default_factory=list)
    parent: OutlineNode | None = field(default=None, repr=False, compare=False)

    def walk(self) -> Iterator[OutlineNode]:
        yield self
        for child in self.children:
            yield from child.walk()

    def path(self) -> list[OutlineNode]:
        """The nodes from the top (excluding the document) down to this one."""
        nodes: list[OutlineNode] = []
        node: OutlineNode | None = self
        while node is not None and node.kind != OutlineKind.DOCUMENT:
            nodes.append(node)
            node = node.parent
        return nodes[::-1]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "anchor": self.id,
            "children": [child.to_dict() for child in self.children],
        }


@dataclass
class Document:
    """A loaded, rendered document."""

    meta: Meta
    path: Path
    blocks: list[Block]
    outline: OutlineNode
    footnotes: dict[str, str]
    source_hash: str
    bundled: bool = True

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def plain_text(self) -> str:
        return "\n".join(block.text for block in self.blocks if block.text)

    def node(self, anchor: str) -> OutlineNode | None:
        """The outline node with this anchor, or None."""
        for node in self.outline.walk():
            if node.id == anchor:
                return node
        return None

    def anchors(self) -> set[str]:
        return {b.anchor for b in self.blocks if b.anchor} | {n.id for n in self.outline.walk()}

    def actions(self) -> list[OutlineNode]:
        return [n for n in self.outline.walk() if n.kind in ACTION_KINDS]

    def node_at_block(self, index: int) -> OutlineNode:
        """The innermost outline node containing block ``index``."""
        node = self.outline
        while True:
            inner = next((c for c in node.children if c.first <= index < c.stop), None)
            if inner is None:
                return node
            node = inner

    def section_path(self, node: OutlineNode) -> str:
        """'Pijler 2 > 2.4 Taaleis in de bijstand' for a node in 2.4.

        An action named after its heading does not repeat that name.
        """
        titles: list[str] = []
        for item in node.path():
            if not titles or not titles[-1].endswith(item.title):
                titles.append(item.title)
        return " > ".join(_short_pillar(t) for t in titles)

    def html(self, node: OutlineNode | None = None) -> str:
        """HTML of the whole document, or of one outline node."""
        chosen = self.blocks if node is None else self.blocks[node.first : node.stop]
        return "\n".join(block.html for block in chosen)

    def text(self, node: OutlineNode | None = None) -> str:
        """Plain text of the whole document, or of one outline node."""
        chosen = self.blocks if node is None else self.blocks[node.first : node.stop]
        return "\n".join(block.text for block in chosen if block.text)


def _short_pillar(title: str) -> str:
    """'Pijler 2 Nieuwkomers aan het werk' -> 'Pijler 2' in a path, as cited."""
    words = title.split()
    if len(words) > 2 and words[0] == "Pijler" and words[1].isdigit():
        return " ".join(words[:2])
    return title
