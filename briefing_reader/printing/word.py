"""A composition as a Word document (.docx), with real Word footnotes (no Qt).

The excerpt, pack and card compositions are HTML in a small, known subset
(:mod:`composing`, :mod:`card`); :class:`_WordWriter` walks that HTML and
writes Word paragraphs: headings as Word headings, lists, data tables as
tables, the boxes around actions and notes as their paragraphs. Composed
with :data:`~composing.FOOTNOTE_LINKS` set, a footnote marker stays a link;
it becomes a Word footnote (numbered by Word, its text naming the letter's
own number), and
the "Voetnoten" table after it fills the footnotes' text instead of being
printed. python-docx has no footnote API, so the footnotes part is written
here (WordprocessingML, ECMA-376 part 1, 17.11).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from docx import Document as new_document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Pt, RGBColor

from briefing_reader.printing.composing import APP_NAME, FOOTNOTE_LINKS, Composition
from briefing_reader.printing.request import output_target, save_output

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_GREY = RGBColor(0x4A, 0x4A, 0x4A)
_BLUE = RGBColor(0x15, 0x42, 0x73)
_CONTAINERS = {"actie", "deelactie", "notes"}
_SMALL = {"muted", "src", "pack-cite", "path", "date", "sub"}
_HEADING = re.compile(r"h([1-6])$")
KEEP_ANCHOR = "br-keep"  # composing.KEEP: a label that keeps with the text after it


def compose_for_word(make: Callable[[], Composition]) -> Composition:
    """Run ``make`` (a compose call) with footnote markers kept as links."""
    token = FOOTNOTE_LINKS.set(True)
    try:
        return make()
    finally:
        FOOTNOTE_LINKS.reset(token)


def docx_bytes(composition: Composition) -> bytes:
    """The composition as a .docx file."""
    document = new_document()
    document.core_properties.title = composition.title
    document.core_properties.author = APP_NAME
    writer = _WordWriter(document, composition.labels["footnote_of"])
    writer.feed(composition.html)
    writer.close()
    writer.finish()
    footer = document.sections[0].footer.paragraphs[0]
    footer.text = composition.footer
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_docx(composition: Composition, path: Path | str) -> None:
    """Write the composition as a .docx file, atomically.

    Raises:
        PrintError: the folder does not exist or the file cannot be written.
    """
    path = output_target(path)
    data = docx_bytes(composition)
    save_output(path, data)


class _Footnotes:
    """The footnotes part: a reference per marker, its text from the table after it."""

    def __init__(self, source: str = "{}") -> None:
        self.source = source  # "voetnoot {} in de brief"
        self.texts: dict[int, tuple[str, str]] = {}  # id -> (label, text)
        self.pending: dict[str, list[int]] = {}  # label -> ids waiting for their text

    def reference(self, label: str) -> int:
        number = len(self.texts) + 1
        self.texts[number] = (label, "")
        self.pending.setdefault(label, []).append(number)
        return number

    def fill(self, label: str, text: str) -> None:
        for number in self.pending.pop(label, []):
            self.texts[number] = (label, text)

    def xml(self) -> bytes:
        notes = [
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
            "</w:p></w:footnote>",
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
            "<w:continuationSeparator/></w:r></w:p></w:footnote>",
        ]
        for number, (label, text) in self.texts.items():
            notes.append(
                f'<w:footnote w:id="{number}"><w:p><w:r><w:rPr><w:vertAlign '
                f'w:val="superscript"/><w:sz w:val="18"/></w:rPr><w:footnoteRef/></w:r>'
                f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">'
                f" {xml_escape(text)} ({xml_escape(self.source.format(label))})</w:t></w:r>"
                f"</w:p></w:footnote>"
            )
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:footnotes xmlns:w="{_W}">{"".join(notes)}</w:footnotes>'
        ).encode()


class _WordWriter(HTMLParser):
    """Our print HTML as Word paragraphs (see the module text)."""

    def __init__(self, document: Any, source: str = "{}") -> None:
        super().__init__(convert_charrefs=True)
        self.document = document
        self.footnotes = _Footnotes(source)
        self.paragraph: Any = None
        self.format: dict[str, bool] = {"b": False, "i": False, "small": False, "sup": False}
        self.lists: list[list[Any]] = []  # [kind, next number]
        self.tables: list[str] = []  # class of each open table
        self.cells: list[list[str]] | None = None  # rows of a data or footnotes table
        self.cell: list[str] | None = None
        self.footnote_link: str | None = None
        self.skip = 0  # inside something not written (the contents' page column)
        self.dropping = False  # inside the "Voetnoten" label
        self.run_style: tuple[int | None, RGBColor | None, bool] = (None, None, False)

    # -- structure ----------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        css = attr.get("class") or ""
        if tag == "table":
            self.tables.append(css or "data")
            if css not in _CONTAINERS and css != "contents":
                self.cells = []
        elif tag == "tr" and self.cells is not None and self._in_table_kind():
            self.cells.append([])
        elif tag in ("td", "th"):
            if self.cells is not None and self._in_table_kind():
                self.cell = []
            elif self.tables and self.tables[-1] == "contents" and attr.get("align") == "right":
                self.skip += 1
        elif tag == "tr" and self.tables and self.tables[-1] == "contents":
            self._new_paragraph("")
        elif tag == "a" and css == "fnref":
            self.footnote_link = ""
        elif tag == "a" and attr.get("name") == KEEP_ANCHOR and self.paragraph is not None:
            self.paragraph.paragraph_format.keep_with_next = True  # a label heads its text
        elif tag in ("b", "strong"):
            self.format["b"] = True
        elif tag in ("i", "em"):
            self.format["i"] = True
        elif tag == "sup":
            self.format["sup"] = True
        elif tag == "span" and css in _SMALL:
            self.format["small"] = True
        elif tag == "br":
            if self.cell is not None:
                self.cell.append("\n")
            elif self.paragraph is not None:
                self.paragraph.add_run().add_break()
        elif tag in ("ul", "ol"):
            self.lists.append([tag, int(attr.get("start") or 1)])
        elif tag == "li":
            self._list_item()
        elif _HEADING.match(tag):
            self._new_heading(int(tag[1]), css)
        elif tag == "p":
            self._new_paragraph(css)
            if self.paragraph is not None and css in (
                "cite",
                "doc-title",
                "date",
                "path",
                "pack-cite",
                "notes-label",
            ):
                self.paragraph.paragraph_format.keep_with_next = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.tables:
            kind = self.tables.pop()
            if self.cells is not None and kind not in _CONTAINERS and kind != "contents":
                self._end_table(kind)
        elif tag in ("td", "th"):
            if self.cell is not None and self.cells:
                self.cells[-1].append("".join(self.cell).strip())
                self.cell = None
            elif self.skip:
                self.skip -= 1
        elif tag == "a" and self.footnote_link is not None:
            self._reference(self.footnote_link.strip())
            self.footnote_link = None
        elif tag in ("b", "strong"):
            self.format["b"] = False
        elif tag in ("i", "em"):
            self.format["i"] = False
        elif tag == "sup":
            self.format["sup"] = False
        elif tag == "span":
            self.format["small"] = False
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag in ("p", "li") or _HEADING.match(tag):
            self.paragraph, self.dropping = None, False

    def handle_data(self, data: str) -> None:
        if self.skip or self.dropping:
            return
        if self.footnote_link is not None:
            self.footnote_link += data
            return
        if self.cell is not None:
            self.cell.append(data)
            return
        text = " ".join(data.split()) if not data.isspace() else ""
        if not text:
            return
        if data[:1].isspace():
            text = " " + text
        if data[-1:].isspace():
            text += " "
        if self.paragraph is None:
            self._new_paragraph("")
            self.run_style = (None, None, False)
        run = self.paragraph.add_run(text)
        run.bold = self.format["b"] or None
        run.italic = self.format["i"] or None
        run.font.superscript = self.format["sup"] or None
        size, colour, bold = self.run_style
        if self.format["small"] or size:
            run.font.size = Pt(size or 8)
        if self.format["small"] or colour is not None:
            run.font.color.rgb = colour or _GREY
        if bold:
            run.bold = True

    # -- pieces ---------------------------------------------------------------------

    def _in_table_kind(self) -> bool:
        return bool(self.tables) and self.tables[-1] not in _CONTAINERS | {"contents"}

    def _new_heading(self, level: int, css: str) -> None:
        self.run_style = (None, None, False)
        self.paragraph = self.document.add_heading("", level=min(level - 1, 4) if level > 1 else 0)

    def _new_paragraph(self, css: str) -> None:
        self.run_style = (None, None, False)
        if css == "fn-head":  # the footnotes become real ones: no heading for them
            self.paragraph, self.dropping = None, True
            return
        if css == "cite":  # the excerpt's title: a heading, for Word's navigation pane
            self._new_heading(2, css)
            return
        self.paragraph = self.document.add_paragraph()
        if any(name in css.split() for name in _SMALL):
            self.paragraph.paragraph_format.space_after = Pt(2)
            self.run_style = (8, _GREY, False)
        elif css in ("cite", "notes-label", "action"):
            self.run_style = (None, _BLUE, True)
        elif css in ("box-label", "subaction-title"):
            self.run_style = (None, None, True)
        if self.tables and self.tables[-1] in _CONTAINERS:
            self.paragraph.paragraph_format.left_indent = Pt(12 * len(self.tables))

    def _list_item(self) -> None:
        self.run_style = (None, None, False)
        kind: list[Any] = self.lists[-1] if self.lists else ["ul", 1]
        if kind[0] == "ol":
            self.paragraph = self.document.add_paragraph()
            self.paragraph.add_run(f"{kind[1]}. ")
            kind[1] += 1
        else:
            self.paragraph = self.document.add_paragraph(style="List Bullet")
        self.paragraph.paragraph_format.left_indent = Pt(18 * max(1, len(self.lists)))

    def _reference(self, label: str) -> None:
        if self.paragraph is None:
            self._new_paragraph("")
        number = self.footnotes.reference(label)
        # Word numbers its footnotes itself (a custom mark shows twice in LibreOffice);
        # the footnote's text names the letter's own number.
        self.paragraph._p.append(
            parse_xml(
                f'<w:r xmlns:w="{_W}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteReference w:id="{number}"/></w:r>'
            )
        )

    def _end_table(self, kind: str) -> None:
        rows = [row for row in (self.cells or []) if any(cell for cell in row)]
        self.cells = None
        if kind == "footnotes":
            for row in rows:
                if len(row) >= 2:
                    self.footnotes.fill(row[0], " ".join(row[1].split()))
            return
        if not rows:
            return
        width = max(len(row) for row in rows)
        table = self.document.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        self.paragraph = None

    def finish(self) -> None:
        """Add the footnotes part (when there are footnotes)."""
        if not self.footnotes.texts:
            return
        main = self.document.part
        part = Part(
            PackURI("/word/footnotes.xml"), _FOOTNOTES_TYPE, self.footnotes.xml(), main.package
        )
        main.relate_to(part, RT.FOOTNOTES)
