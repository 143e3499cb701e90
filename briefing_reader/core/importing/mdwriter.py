"""Writing our markdown (docs/content-format.md): escaping, blocks, front matter.

Converters build a list of :class:`Node` and hand it to :func:`render`;
every piece of source text passes through :func:`escape`, so nothing a
file contains can turn into markup (a link, a box, a footnote, HTML).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from briefing_reader.core.content.inline import slugify as content_slugify

MISSING_TEXT = "Tekst ontbreekt in de bron."

_INLINE = re.compile(r"[\\`*_\[\]<>|~&]")
_HEADING_TEXT = re.compile(r"[\\`*_\[\]<>|~&#]")
_LINE_START = re.compile(r"^([-+=#:{])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_ATTR_UNSAFE = re.compile(r'["{}\\]')


def slugify(text: str, max_words: int | None = None) -> str:
    """'Financiële zelfbeschikking' -> 'financiele-zelfbeschikking', the same
    slugs the content format derives ids from, cut to ``max_words``."""
    slug = content_slugify(text)
    if max_words is not None:
        slug = "-".join(slug.split("-")[:max_words])
    return slug


def escape(text: str) -> str:
    """Source text as markdown that renders exactly as the text."""
    text = " ".join(text.split("\n")).replace("\t", " ")
    out = _INLINE.sub(lambda m: "\\" + m.group(), text.strip())
    out = _ORDERED.sub(r"\1\\\2", out)
    return _LINE_START.sub(r"\\\1", out)


def escape_inline(text: str) -> str:
    """Escape markdown punctuation in a piece of a line (no line-start rules)."""
    return _INLINE.sub(lambda m: "\\" + m.group(), text.replace("\n", " ").replace("\t", " "))


def escape_line_start(line: str) -> str:
    """Escape what would start a block (list, heading, box, attributes) at a line start."""
    line = _ORDERED.sub(r"\1\\\2", line)
    return _LINE_START.sub(r"\\\1", line)


@dataclass
class Span:
    """A piece of running text and the footnote markers found in it.

    Attributes:
        text: the text as in the source.
        markers: (start, end, label): ``text[start:end]`` is the marker's
            digits, written as ``[^label]``.
    """

    text: str
    markers: list[tuple[int, int, str]] = field(default_factory=list)

    def markdown(self) -> str:
        parts: list[str] = []
        pos = 0
        for start, end, label in sorted(self.markers):
            parts.append(_escape_piece(self.text[pos:start], first=not parts))
            parts.append(f"[^{label}]")
            pos = end
        parts.append(_escape_piece(self.text[pos:], first=not parts))
        return "".join(parts).strip()


def _escape_piece(text: str, *, first: bool) -> str:
    text = " ".join(text.split("\n")).replace("\t", " ")
    out = _INLINE.sub(lambda m: "\\" + m.group(), text)
    if first:
        out = out.lstrip()
        out = _ORDERED.sub(r"\1\\\2", out)
        out = _LINE_START.sub(r"\\\1", out)
    return out


@dataclass
class Node:
    """One block of a converted document.

    ``kind`` is one of: ``heading`` (level, text, id, classes), ``para``
    (spans, joined by hard line breaks; id), ``list`` (items: spans;
    ordered), ``table`` (rows), ``open`` / ``close`` (box: ``actie`` or
    ``deelactie``; id, title), ``raw`` (text: markdown written as is).
    """

    kind: str
    text: str = ""
    level: int = 0
    id: str | None = None
    classes: tuple[str, ...] = ()
    title: str | None = None
    spans: list[Span] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    ordered: bool = False
    depths: list[int] = field(default_factory=list)


def attr_line(node_id: str | None, classes: Iterable[str] = (), title: str | None = None) -> str:
    parts = [f"#{node_id}"] if node_id else []
    parts += [f".{c}" for c in classes]
    if title:
        parts.append(f'title="{title}"')
    return "{" + " ".join(parts) + "}" if parts else ""


def title_fits_attr(title: str) -> bool:
    """A title can go in a ``title="..."`` attribute (no quotes, braces, backslashes)."""
    return not _ATTR_UNSAFE.search(title) and "\n" not in title


def render(nodes: list[Node], footnotes: list[tuple[str, list[str]]]) -> str:
    """The markdown body (after the front matter) of a converted document."""
    out: list[str] = []

    def block(*lines: str) -> None:
        out.append("\n".join(line for line in lines if line))

    for node in nodes:
        if node.kind == "heading":
            block(
                attr_line(node.id, node.classes),
                "#" * node.level
                + " "
                + _HEADING_TEXT.sub(lambda m: "\\" + m.group(), " ".join(node.text.split())),
            )
        elif node.kind == "para":
            body = "\\\n".join(span.markdown() for span in node.spans)
            block(attr_line(node.id), body)
        elif node.kind == "list":
            block(*_list_lines(node))
        elif node.kind == "table":
            block(*_table_lines(node.rows))
        elif node.kind == "open":
            fence = "::::" if node.text == "actie" else ":::"
            block(attr_line(node.id, (), node.title), f"{fence} {node.text}")
        elif node.kind == "close":
            block("::::" if node.text == "actie" else ":::")
        elif node.kind == "raw":
            block(node.text)
    text = _join_blocks(out, nodes)
    notes = [
        f"[^{label}]: " + "\\\n    ".join(escape(line) for line in lines)
        for label, lines in footnotes
    ]
    if notes:
        text += "\n\n" + "\n".join(notes)
    return text + "\n"


def _join_blocks(blocks: list[str], nodes: list[Node]) -> str:
    # A box's content starts right after its fence; blank lines elsewhere.
    parts: list[str] = []
    for i, text in enumerate(blocks):
        if not text:
            continue
        if parts:
            glue = "\n" if nodes[i - 1].kind == "open" or nodes[i].kind == "close" else "\n\n"
            parts.append(glue)
        parts.append(text)
    return "".join(parts)


def _list_lines(node: Node) -> list[str]:
    lines = []
    for index, span in enumerate(node.spans):
        depth = node.depths[index] if index < len(node.depths) else 0
        marker = f"{index + 1}." if node.ordered else "-"
        indent = ("   " if node.ordered else "  ") * depth
        lines.append(f"{indent}{marker} {span.markdown()}".rstrip())
    return lines


def _table_lines(rows: list[list[str]]) -> list[str]:
    width = max((len(r) for r in rows), default=0)
    if not width:
        return []
    padded = [[*r, *[""] * (width - len(r))] for r in rows]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(_cell(c) for c in cells) + " |"

    return [line(padded[0]), "|" + "---|" * width, *[line(r) for r in padded[1:]]]


def _cell(text: str) -> str:
    return _INLINE.sub(lambda m: "\\" + m.group(), " ".join(text.split())) or " "


def front_matter(meta: dict[str, Any]) -> str:
    """YAML front matter between '---' lines."""
    import yaml

    dumper = getattr(yaml, "CSafeDumper", None)
    if dumper is None or not _same_in_libyaml(meta):
        dumper = yaml.SafeDumper
    return dumped(meta, dumper)


def dumped(meta: dict[str, Any], dumper: Any) -> str:
    """``meta`` as front matter by ``dumper`` (libyaml's or PyYAML's own):
    keys in order, text as it is, one value a line."""
    import yaml

    body = yaml.dump(
        meta,
        Dumper=dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100000,
        default_flow_style=False,
    )
    return f"---\n{body}---\n"


# Characters libyaml's emitter quotes or breaks differently from PyYAML's own:
# control characters, line breaks, the byte-order mark, surrogates and
# characters beyond the Basic Multilingual Plane.
_LIBYAML_DIFFERS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\U00010000-\U0010ffff]"
)
_SIMPLE_KEY_BYTES = 64  # PyYAML counts a key's characters, libyaml its bytes (limit 128)


def _same_in_libyaml(value: Any) -> bool:
    """Whether libyaml's emitter writes ``value`` byte for byte as PyYAML's own does
    (tests/unit/test_yaml_c.py holds the two to it); otherwise the pure-Python one writes."""
    if isinstance(value, str):
        return not _LIBYAML_DIFFERS.search(value)
    if isinstance(value, dict):
        return all(
            isinstance(key, str)
            and 0 < len(key.encode("utf-8")) < _SIMPLE_KEY_BYTES
            and _same_in_libyaml(key)
            and _same_in_libyaml(item)
            for key, item in value.items()
        )
    if isinstance(value, list):
        return all(_same_in_libyaml(item) for item in value)
    return value is None or isinstance(value, bool | int | float | dt.date)
