"""Inline markdown to Qt rich-text HTML and to plain text.

Both come from the same token list, so the plain text is exactly what the
reader sees: footnote markers show as their number, images as their
alternative text (an image never loads: it may point off the machine).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from html import escape

from markdown_it.token import Token

_SAFE_SCHEMES = ("http:", "https:", "mailto:", "doc:", "#")

_TAGS = {
    "em_open": "<i>",
    "em_close": "</i>",
    "strong_open": "<b>",
    "strong_close": "</b>",
    "s_open": "<s>",
    "s_close": "</s>",
}


def slugify(text: str) -> str:
    """'Verandering van binnenuit' -> 'verandering-van-binnenuit'."""
    folded = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_only.lower()).strip("-")


def link_target(href: str) -> str | None:
    """The href if it is a kind of link the reader handles, else None."""
    return href if href.startswith(_SAFE_SCHEMES) else None


def render_html(children: Sequence[Token]) -> str:
    """Render inline tokens to Qt rich-text HTML."""
    parts: list[str] = []
    for tok in children:
        if tok.type == "text":
            parts.append(escape(tok.content, quote=False))
        elif tok.type == "code_inline":
            parts.append(f"<code>{escape(tok.content, quote=False)}</code>")
        elif tok.type == "softbreak":
            parts.append(" ")
        elif tok.type == "hardbreak":
            parts.append("<br/>")
        elif tok.type in _TAGS:
            parts.append(_TAGS[tok.type])
        elif tok.type == "footnote_ref":
            label = escape(str(tok.meta["label"]))
            parts.append(f'<sup><a class="fnref" href="#fn-{label}">{label}</a></sup>')
        elif tok.type == "image":
            alt = escape(plain_text(tok.children or []) or "afbeelding", quote=False)
            parts.append(f'<span class="image">[{alt}]</span>')
        elif tok.type == "link_open":
            target = link_target(str(tok.attrs.get("href", "")))
            parts.append(f'<a href="{escape(target)}">' if target else "<span>")
        elif tok.type == "link_close":
            # Closing tag must mirror the opening one; look it up by nesting.
            parts.append(_close_link(children, tok))
    return "".join(parts)


def _close_link(children: Sequence[Token], closing: Token) -> str:
    depth = 0
    index = list(children).index(closing)
    for tok in reversed(children[:index]):
        if tok.type == "link_close":
            depth += 1
        elif tok.type == "link_open":
            if depth == 0:
                return "</a>" if link_target(str(tok.attrs.get("href", ""))) else "</span>"
            depth -= 1
    return "</span>"


def plain_text(children: Sequence[Token]) -> str:
    """The text a reader sees of these inline tokens."""
    return "".join(text for text, _ in text_runs(children))


def text_runs(children: Sequence[Token]) -> list[tuple[str, bool]]:
    """Pieces of plain text, each flagged True when it is a footnote marker.

    Search strips the markers ('rol.1' must index as 'rol'); anchoring keeps
    them, since they are on screen.
    """
    runs: list[tuple[str, bool]] = []
    for tok in children:
        if tok.type in ("text", "code_inline"):
            runs.append((tok.content, False))
        elif tok.type == "softbreak":
            runs.append((" ", False))
        elif tok.type == "hardbreak":
            runs.append(("\n", False))
        elif tok.type == "footnote_ref":
            runs.append((str(tok.meta["label"]), True))
        elif tok.type == "image":
            runs.append((f"[{plain_text(tok.children or []) or 'afbeelding'}]", False))
    return runs
