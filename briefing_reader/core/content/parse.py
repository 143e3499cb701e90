"""Markdown with front matter to a :class:`Document`: blocks, outline, footnotes.

One walk over markdown-it's tokens produces the HTML (Qt's rich-text
subset), the plain text and the outline together, so the three can never
disagree about where a section or an action starts.
"""

from __future__ import annotations

import hashlib
import re
import threading
from html import escape
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from briefing_reader.core import limits
from briefing_reader.core.content import inline
from briefing_reader.core.content.errors import ContentError, read_source
from briefing_reader.core.content.frontmatter import parse_front_matter
from briefing_reader.core.content.model import (
    ACTION_KINDS,
    Block,
    Document,
    Meta,
    OutlineKind,
    OutlineNode,
)
from briefing_reader.core.messages import message

MAX_BYTES = limits.MAX_DOCUMENT_BYTES
_HEADING_KINDS = frozenset({OutlineKind.PILLAR, OutlineKind.SECTION, OutlineKind.THEME})
_NUMBER_PREFIX = re.compile(r"^\d+(\.\d+)*\.?\s+")
_UNRESOLVED_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")
_BOX_LABEL = "Acties"


_PARSERS = threading.local()


def markdown_parser() -> MarkdownIt:
    """The one markdown dialect of the app (see docs/content-format.md): this
    thread's parser, made once (making one cost 0.1 ms, 8% of parsing a letter
    of 15 KB; a parse keeps its state apart, so one serves every document)."""
    parser: MarkdownIt | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = _new_parser()
    return parser


def _new_parser() -> MarkdownIt:
    return (
        MarkdownIt(
            "commonmark",
            {
                "html": False,
                "linkify": False,
                "typographer": False,
                "maxNesting": limits.MAX_NESTING,
            },
        )
        .use(front_matter_plugin)
        .use(footnote_plugin)
        .use(attrs_block_plugin)
        .use(container_plugin, name="actie")
        .use(container_plugin, name="deelactie")
        .enable(["table", "strikethrough"])
    )


def load_document(path: Path, *, bundled: bool = True) -> Document:
    """Read, parse and render one markdown file.

    Raises:
        ContentError: naming the file, the line where known, and the reason.
    """
    return document_from_bytes(read_source(path), path, bundled=bundled)


def document_from_bytes(data: bytes, path: Path, *, bundled: bool = True) -> Document:
    """Parse the bytes of a markdown file that was read from ``path``."""
    if len(data) > MAX_BYTES:
        raise ContentError(path, message("content.too_large", size=MAX_BYTES // (1024 * 1024)))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ContentError(path, message("content.not_utf8"), line) from exc
    return parse_document(text, path, bundled=bundled)


def parse_document(text: str, path: Path, *, bundled: bool = True) -> Document:
    """Parse markdown source that was read from ``path``."""
    _count_before_parsing(text, path)
    tokens = markdown_parser().parse(text)
    if not tokens or tokens[0].type != "front_matter":
        raise ContentError(path, message("content.no_front_matter"), 1)
    meta = parse_front_matter(tokens[0].content, path)
    _check_budgets(tokens, path)
    builder = _Builder(path, meta)
    builder.walk(tokens[1:])
    anchors = sum(1 for block in builder.blocks if block.anchor)
    if anchors > limits.MAX_ANCHORS:
        raise ContentError(
            path,
            message("content.anchors", count=anchors, limit=limits.MAX_ANCHORS),
            budget=limits.ANCHORS,
        )
    return Document(
        meta=meta,
        path=path,
        blocks=builder.blocks,
        outline=builder.root,
        footnotes=builder.footnotes,
        source_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        bundled=bundled,
    )


_HEADING_LINE = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.MULTILINE)
_BLOCK_START = re.compile(r"\n[ \t]*\n(?=[ \t]*\S)")


def _count_before_parsing(text: str, path: Path) -> None:
    """Refuse a file far over the heading or anchor budget before markdown-it reads it.

    The counts are of lines (a '#' line in a code block counts too), so only
    twice the budget is refused here; the exact counts follow the parse.
    """
    headings = len(_HEADING_LINE.findall(text))
    if headings > 2 * limits.MAX_HEADINGS:
        raise ContentError(
            path,
            message("content.headings", count=headings, limit=limits.MAX_HEADINGS),
            budget=limits.HEADINGS,
        )
    blocks = len(_BLOCK_START.findall(text))
    if blocks > 2 * limits.MAX_ANCHORS:
        raise ContentError(
            path,
            message("content.anchors", count=blocks, limit=limits.MAX_ANCHORS),
            budget=limits.ANCHORS,
        )


def _check_budgets(tokens: list[Token], path: Path) -> None:
    """Refuse a document too long to show before any HTML is built for it."""
    headings = sum(1 for tok in tokens if tok.type == "heading_open")
    if headings > limits.MAX_HEADINGS:
        raise ContentError(
            path,
            message("content.headings", count=headings, limit=limits.MAX_HEADINGS),
            budget=limits.HEADINGS,
        )
    if any(tok.level >= limits.MAX_NESTING - 1 for tok in tokens):
        # markdown-it stops reading at this depth: refuse rather than cut the rest off
        raise ContentError(
            path,
            message("content.nesting", limit=limits.MAX_NESTING),
            budget=limits.NESTING,
        )
    blocks = sum(1 for tok in tokens if tok.nesting == 1)
    if blocks > limits.MAX_BLOCKS:
        raise ContentError(
            path,
            message("content.blocks", limit=limits.MAX_BLOCKS),
            budget=limits.BLOCKS,
        )


def _line(token: Token) -> int | None:
    return token.map[0] + 1 if token.map else None


class _Builder:
    """Walks block tokens once, appending blocks and growing the outline."""

    def __init__(self, path: Path, meta: Meta) -> None:
        self.path = path
        self.meta = meta
        self.blocks: list[Block] = []
        self.footnotes: dict[str, str] = {}
        self.root = OutlineNode(meta.id, meta.title, OutlineKind.DOCUMENT, 0, 0, 0)
        self._open: list[OutlineNode] = [self.root]
        self._seen: set[str] = set()
        self._paragraphs = 0
        self._offset = 0

    # -- helpers -------------------------------------------------------

    def _add(
        self,
        kind: str,
        html: str,
        text: str = "",
        anchor: str | None = None,
        line: int | None = None,
        markers: list[tuple[int, int]] | None = None,
    ) -> None:
        if anchor:
            self._claim(anchor, line)
        if text and self._offset:
            self._offset += 1  # the newline that joins blocks in plain text
        self.blocks.append(Block(kind, html, text, anchor, self._offset, line, markers or []))
        self._offset += len(text)

    def _claim(self, anchor: str, line: int | None) -> None:
        if anchor in self._seen:
            raise ContentError(self.path, f"the id '{anchor}' is used twice", line)
        self._seen.add(anchor)

    def _push(self, node: OutlineNode) -> None:
        node.parent = self._open[-1]
        self._open[-1].children.append(node)
        self._open.append(node)

    def _close_headings(self, level: int) -> None:
        while (
            len(self._open) > 1
            and self._open[-1].kind not in ACTION_KINDS
            and self._open[-1].level >= level
        ):
            self._open.pop().stop = len(self.blocks)

    def _heading_context(self) -> OutlineNode | None:
        for node in reversed(self._open):
            if node.kind in _HEADING_KINDS:
                return node
        return None

    # -- the walk ------------------------------------------------------

    def walk(self, tokens: list[Token]) -> None:
        i = 0
        while i < len(tokens):
            i = self._step(tokens, i)
        self._finish()

    def _step(self, tokens: list[Token], i: int) -> int:
        tok = tokens[i]
        handler = getattr(self, f"_on_{tok.type}", None)
        if handler is None:
            return i + 1
        result: int = handler(tokens, i)
        return result

    def _on_heading_open(self, tokens: list[Token], i: int) -> int:
        tok, content = tokens[i], tokens[i + 1]
        level = int(tok.tag[1])
        title = inline.plain_text(content.children or []).strip()
        anchor = str(tok.attrs.get("id") or inline.slugify(title) or f"h-{i}")
        classes = str(tok.attrs.get("class", "")).split()
        kind = (
            OutlineKind.PILLAR
            if "pillar" in classes
            else OutlineKind.SECTION
            if level <= 2
            else OutlineKind.THEME
        )
        self._close_headings(level)
        html_level = min(level + 1, 6)  # h1 is the document's own title
        self._push(OutlineNode(anchor, title, kind, level, len(self.blocks), 0, _line(tok)))
        body = inline.render_html(content.children or [])
        self._add(
            "heading",
            f'<h{html_level} class="{kind}"><a name="{escape(anchor)}"></a>{body}</h{html_level}>',
            title,
            anchor,
            _line(tok),
        )
        return i + 3

    def _on_paragraph_open(self, tokens: list[Token], i: int) -> int:
        tok, content = tokens[i], tokens[i + 1]
        self._paragraph(content, _line(tok), tok.attrs, tight_item=tok.hidden)
        return i + 3

    def _paragraph(
        self, content: Token, line: int | None, attrs: dict[str, Any], tight_item: bool
    ) -> None:
        children = content.children or []
        runs = inline.text_runs(children)
        text = "".join(t for t, _ in runs)
        unresolved = _UNRESOLVED_FOOTNOTE.search(text)
        if unresolved:
            raise ContentError(self.path, f"footnote {unresolved.group()} has no text", line)
        self._paragraphs += 1
        anchor = str(attrs.get("id") or f"p-{self._paragraphs}")
        body = inline.render_html(children)
        inside_item = tight_item or self._in_list_item
        tag = "li" if inside_item else "p"
        html = f'<{tag}><a name="{escape(anchor)}"></a>{body}</{tag}>'
        kind = "list_item" if inside_item else "paragraph"
        self._add(kind, html, text, anchor, line, _marker_spans(runs))
        self.blocks[-1].attrs = {k: str(v) for k, v in attrs.items() if k != "id"}

    _in_list_item = False

    def _on_list_item_open(self, tokens: list[Token], i: int) -> int:
        self._in_list_item = True
        return i + 1

    def _on_list_item_close(self, tokens: list[Token], i: int) -> int:
        self._in_list_item = False
        return i + 1

    def _on_bullet_list_open(self, tokens: list[Token], i: int) -> int:
        self._add("list_open", "<ul>")
        return i + 1

    def _on_bullet_list_close(self, tokens: list[Token], i: int) -> int:
        self._add("list_close", "</ul>")
        return i + 1

    def _on_ordered_list_open(self, tokens: list[Token], i: int) -> int:
        start = int(tokens[i].attrs.get("start", 1))
        self._add("list_open", f'<ol start="{start}">')
        return i + 1

    def _on_ordered_list_close(self, tokens: list[Token], i: int) -> int:
        self._add("list_close", "</ol>")
        return i + 1

    def _on_blockquote_open(self, tokens: list[Token], i: int) -> int:
        self._add("quote_open", "<blockquote>")
        return i + 1

    def _on_blockquote_close(self, tokens: list[Token], i: int) -> int:
        self._add("quote_close", "</blockquote>")
        return i + 1

    def _on_hr(self, tokens: list[Token], i: int) -> int:
        self._add("rule", "<hr/>")
        return i + 1

    def _on_fence(self, tokens: list[Token], i: int) -> int:
        code = tokens[i].content.rstrip("\n")
        self._add("code", f"<pre>{escape(code, quote=False)}</pre>", code, None, _line(tokens[i]))
        return i + 1

    _on_code_block = _on_fence

    def _on_container_actie_open(self, tokens: list[Token], i: int) -> int:
        self._open_box(tokens[i], OutlineKind.ACTION)
        return i + 1

    def _on_container_deelactie_open(self, tokens: list[Token], i: int) -> int:
        self._open_box(tokens[i], OutlineKind.SUBACTION)
        return i + 1

    def _open_box(self, tok: Token, kind: OutlineKind) -> None:
        anchor = str(tok.attrs.get("id", ""))
        line = _line(tok)
        if not anchor:
            name = "actie" if kind == OutlineKind.ACTION else "deelactie"
            raise ContentError(self.path, f"a '{name}' box needs an id ({{#actie-...}})", line)
        title = str(tok.attrs.get("title", ""))
        if not title and kind == OutlineKind.ACTION:
            heading = self._heading_context()
            title = _NUMBER_PREFIX.sub("", heading.title) if heading else self.meta.title
        node = OutlineNode(anchor, title, kind, 99, len(self.blocks), 0, line)
        self._push(node)
        css = "actie" if kind == OutlineKind.ACTION else "deelactie"
        label = (
            f'<p class="box-label"><a name="{escape(anchor)}"></a>{_BOX_LABEL}</p>'
            if kind == OutlineKind.ACTION
            else f'<a name="{escape(anchor)}"></a>'
        )
        self._claim(anchor, line)
        self._add(
            "box_open",
            f'<table class="{css}" width="100%" cellspacing="0" '
            f'cellpadding="{10 if kind == OutlineKind.ACTION else 6}"><tr><td>{label}',
        )
        if kind == OutlineKind.SUBACTION and tok.attrs.get("title"):
            title_anchor = f"{anchor}--titel"
            self._add(
                "subaction_title",
                f'<p class="subaction-title"><a name="{title_anchor}">'
                f"</a><b>{escape(title)}</b></p>",
                title,
                title_anchor,
                line,
            )

    def _on_container_actie_close(self, tokens: list[Token], i: int) -> int:
        return self._close_box(i)

    _on_container_deelactie_close = _on_container_actie_close

    def _close_box(self, i: int) -> int:
        node = self._open.pop()
        self._add("box_close", "</td></tr></table>")
        node.stop = len(self.blocks)
        if not node.title:
            first = next((b.text for b in self.blocks[node.first : node.stop] if b.text), "")
            node.title = _first_sentence(first)
        return i + 1

    def _on_table_open(self, tokens: list[Token], i: int) -> int:
        rows: list[list[str]] = []
        html_rows: list[str] = []
        j = i + 1
        while tokens[j].type != "table_close":
            if tokens[j].type == "tr_open":
                rows.append([])
                html_rows.append("<tr>")
            elif tokens[j].type in ("th_open", "td_open"):
                cell = tokens[j + 1]
                tag = "th" if tokens[j].type == "th_open" else "td"
                text = inline.plain_text(cell.children or [])
                rows[-1].append(text)
                align = ' align="right"' if _looks_numeric(text) else ""
                html_rows.append(f"<{tag}{align}>{inline.render_html(cell.children or [])}</{tag}>")
            elif tokens[j].type == "tr_close":
                html_rows.append("</tr>")
            j += 1
        self._tables += 1
        anchor = f"tabel-{self._tables}"
        html = (
            f'<a name="{anchor}"></a><table class="data" border="1" cellspacing="0" '
            f'cellpadding="4">{"".join(html_rows)}</table>'
        )
        text = "\n".join("\t".join(row) for row in rows)
        self._add("table", html, text, anchor, _line(tokens[i]))
        return j + 1

    _tables = 0

    def _on_footnote_block_open(self, tokens: list[Token], i: int) -> int:
        self._close_headings(1)
        self._push(
            OutlineNode("voetnoten", "Voetnoten", OutlineKind.SECTION, 1, len(self.blocks), 0)
        )
        self._claim("voetnoten", None)
        self._add(
            "heading", '<h2 class="section"><a name="voetnoten"></a>Voetnoten</h2>', "Voetnoten"
        )
        self._add("list_open", '<table class="footnotes" cellpadding="2">')
        return i + 1

    def _on_footnote_open(self, tokens: list[Token], i: int) -> int:
        label = str(tokens[i].meta["label"])
        j = i + 1
        texts: list[str] = []
        htmls: list[str] = []
        while tokens[j].type != "footnote_close":
            if tokens[j].type == "inline":
                children = [c for c in tokens[j].children or [] if c.type != "footnote_anchor"]
                texts.append(inline.plain_text(children))
                htmls.append(inline.render_html(children))
            j += 1
        text = " ".join(texts)
        self.footnotes[label] = text
        missing = label in self.meta.missing_footnotes
        body = f'<span class="editorial">{" ".join(htmls)}</span>' if missing else " ".join(htmls)
        html = (
            f'<tr><td valign="top"><a name="fn-{escape(label)}"></a>{escape(label)}</td>'
            f"<td>{body}</td></tr>"
        )
        self._add("footnote", html, f"{label} {text}", f"fn-{label}", _line(tokens[i]))
        return j + 1

    def _on_footnote_block_close(self, tokens: list[Token], i: int) -> int:
        self._add("list_close", "</table>")
        return i + 1

    def _finish(self) -> None:
        while len(self._open) > 1:
            self._open.pop().stop = len(self.blocks)
        self.root.stop = len(self.blocks)


def _marker_spans(runs: list[tuple[str, bool]]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for text, is_marker in runs:
        if is_marker:
            spans.append((pos, pos + len(text)))
        pos += len(text)
    return spans


def _looks_numeric(text: str) -> bool:
    return bool(re.fullmatch(r"[€\s\d.,%*-]+", text)) and any(c.isdigit() for c in text)


def _first_sentence(text: str, limit: int = 90) -> str:
    sentence = re.split(r"(?<=[.;:])\s", text.strip(), maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"
