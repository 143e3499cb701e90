"""HTML comment bodies (``text/html``) as markdown, safely.

Tools such as Hypothesis and text-annotator store comments as HTML. This
keeps the text and its simple structure (paragraphs, line breaks, bold,
italics, lists, quotes, code, links) and drops everything else: scripts and
styles with their content, images (their ``alt`` text stays), forms and
attributes. A link keeps its text and, when it is http(s) or mailto, its
address as a markdown link, which the reader never loads by itself.
Markdown characters in the text are escaped, so the HTML cannot smuggle in
markdown either.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_DROP = {
    "script",
    "style",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "head",
    "title",
    "noscript",
    "select",
    "textarea",
    "button",
}
_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "pre",
    "ul",
    "ol",
    "blockquote",
    "hr",
    "dl",
    "figure",
}
_MARKS = {"strong": "**", "b": "**", "em": "*", "i": "*", "code": "`"}
_SAFE_LINK = re.compile(r"^(https?://|mailto:)[^\s()<>]+$", re.IGNORECASE)
_ESCAPE = re.compile(r"([\\`*_\[\]<>#|!])")
#: Deepest element nesting followed; deeper content is kept as plain text.
MAX_NESTING = 64


def _escape(text: str) -> str:
    return _ESCAPE.sub(r"\\\1", text)


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.dropping = 0
        self.lists: list[str] = []
        self.quote = 0
        self.link: str | None = None
        self.link_text: list[str] = []

    def _write(self, text: str) -> None:
        if self.link is not None:
            self.link_text.append(text)
        else:
            self.out.append(text)

    def _break(self, blank: bool = True) -> None:
        prefix = "> " * self.quote
        self.out.append("\n\n" + prefix if blank else "  \n" + prefix)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP:
            self.dropping += 1
            return
        if self.dropping:
            return
        values = dict(attrs)
        if tag == "blockquote":
            self.quote += 1
        if tag in ("ul", "ol") and len(self.lists) < MAX_NESTING:
            self.lists.append(tag)
        if tag in _BLOCKS:
            self._break()
        elif tag == "br":
            self._break(blank=False)
        elif tag == "li":
            depth = max(len(self.lists) - 1, 0)
            bullet = "1." if self.lists and self.lists[-1] == "ol" else "-"
            self.out.append("\n" + "> " * self.quote + "  " * depth + bullet + " ")
        elif tag in _MARKS:
            self._write(_MARKS[tag])
        elif tag == "img":
            self._write(_escape(values.get("alt") or ""))
        elif tag == "a" and self.link is None:
            self.link = values.get("href") or ""
            self.link_text = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP:
            self.dropping = max(self.dropping - 1, 0)
            return
        if self.dropping:
            return
        if tag in _MARKS:
            self._write(_MARKS[tag])
        elif tag == "a" and self.link is not None:
            text, href = "".join(self.link_text).strip(), self.link
            self.link = None
            self.out.append(
                f"[{text or _escape(href)}]({href})" if _SAFE_LINK.match(href) else text
            )
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag == "blockquote":
            self.quote = max(self.quote - 1, 0)
        if tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self._write(_escape(re.sub(r"\s+", " ", data)))


def html_to_markdown(html: str) -> str:
    """The text of an HTML fragment as markdown (see the module docstring)."""
    converter = _Converter()
    converter.feed(html)
    converter.close()
    if converter.link is not None:
        converter.out.append("".join(converter.link_text))
    text = "".join(converter.out)
    lines = [line.rstrip() if not line.endswith("  ") else line for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
