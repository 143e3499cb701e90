"""Walking a .docx's WordprocessingML into :class:`~.mdwriter.Node` blocks.

Only text is taken: ``w:t`` (shown text, also of fields), tabs, breaks,
footnote and endnote references; deleted text, field codes, pictures and
embedded objects are left out. Parts python-docx does not model (footnotes,
endnotes) are parsed with an lxml parser that resolves no entities and
never touches the network.
"""

from __future__ import annotations

import re
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from briefing_reader.core.importing.mdwriter import (
    MISSING_TEXT,
    Node,
    attr_line,
    escape_inline,
    escape_line_start,
    slugify,
)
from briefing_reader.core.messages import Message, message

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
BR = "\x00"  # a line break inside a paragraph (NUL cannot occur in XML text)
_SAFE_URL = re.compile(r"^(https?://|mailto:)[^\s<>]+$", re.IGNORECASE)
_HEADING_NAME = re.compile(r"^(?:heading|kop)\s*([1-9])$", re.IGNORECASE)
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+\S")
_SKIP_NOTES = {"separator", "continuationSeparator", "continuationNotice"}
_INLINE_WRAPPERS = {
    "ins",
    "moveTo",
    "smartTag",
    "fldSimple",
    "customXml",
    "sdt",
    "sdtContent",
    "bdo",
    "dir",
}
_TITLE_LEVEL = 0


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _safe_parser() -> Any:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


class DocxWalker:
    """Collects the blocks, the footnotes and the first lines of a document."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.part = document.part
        self.nodes: list[Node] = []
        self.warnings: list[Message] = []
        self.first_lines: list[str] = []
        self.title = ""
        self.missing: list[str] = []
        self._labels: dict[tuple[str, str], str] = {}
        self._used: set[str] = set()
        self._context = ""
        self._items: list[tuple[int, bool, str]] = []  # (depth, ordered, markdown)
        self._in_box = False
        self._images = 0
        self._rels = {rel.rId: rel for rel in self.part.rels.values()}
        self._styles = self._read_styles()
        self._numbering = self._read_numbering()

    # -- blocks ---------------------------------------------------------------

    def walk(self) -> None:
        self._blocks(self.document.element.body)
        self._flush_list()
        if self._images:
            self.warnings.append(message("import.pictures_left_out", count=self._images))
        outside = [r for r in self._rels.values() if r.is_external and r.reltype != RT.HYPERLINK]
        if outside:
            self.warnings.append(message("import.outside_files"))

    def _blocks(self, parent: Any, skip_first: bool = False) -> None:
        for child in parent:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == w("p"):
                if skip_first and self._plain(child).strip():
                    skip_first = False
                    continue
                self._paragraph(child)
            elif tag == w("tbl"):
                self._flush_list()
                self._table(child)
            elif tag in (w("sdt"), w("customXml"), w("ins"), w("sdtContent")):
                inner = child.find(w("sdtContent")) if tag == w("sdt") else child
                if inner is not None:
                    self._blocks(inner, skip_first)

    def _paragraph(self, p: Any) -> None:
        markdown, plain = self._inline_paragraph(p)
        if not plain.strip():
            return
        if len(self.first_lines) < 12 and not self._in_box:
            self.first_lines.append(" ".join(plain.split()))
        style = self._style_id(p)
        level = self._heading_level(p, style)
        if level is not None:
            self._flush_list()
            self._heading(level, markdown, " ".join(plain.split()))
            return
        numbering = self._num(p, style)
        if numbering is not None:
            depth, ordered = numbering
            self._items.append((depth, ordered, markdown))
            return
        self._flush_list()
        self.nodes.append(Node("raw", text=markdown))

    def _heading(self, level: int, markdown: str, plain: str) -> None:
        if level == _TITLE_LEVEL:
            self.title = self.title or plain
            level = 1
        elif level == 1 and not self.title:
            self.title = plain
        number = _NUMBERED.match(plain)
        if number:
            wanted = "s-" + number.group(1).replace(".", "-")
            self._context = plain[number.end() - 1 :].strip()
        else:
            wanted = slugify(plain) if level <= 2 else "t-" + slugify(plain)
            self._context = plain
        text = markdown.replace("\\\n", " ")
        self.nodes.append(
            Node("raw", text=attr_line(self._id(wanted)) + "\n" + "#" * min(level, 6) + " " + text)
        )

    def _id(self, wanted: str) -> str:
        base = wanted.strip("-") or "kop"
        candidate, n = base, 2
        while candidate in self._used:
            candidate, n = f"{base}-{n}", n + 1
        self._used.add(candidate)
        return candidate

    def _flush_list(self) -> None:
        if not self._items:
            return
        lines: list[str] = []
        widths: list[int] = []
        previous = -1
        top: bool | None = None
        for depth, ordered, markdown in self._items:
            depth = min(depth, previous + 1)
            if depth == 0:
                if top is not None and ordered != top:
                    lines.append("")  # bullets and numbers are two lists
                top = ordered
            previous = depth
            marker = "1." if ordered else "-"
            widths = [*widths[:depth], len(marker) + 1]
            indent = " " * sum(widths[:depth])
            continuation = "\\\n" + " " * (len(indent) + len(marker) + 1)
            lines.append(f"{indent}{marker} {markdown.replace(chr(92) + chr(10), continuation)}")
        self.nodes.append(Node("raw", text="\n".join(lines)))
        self._items = []

    def _table(self, tbl: Any) -> None:
        rows = [[tc for tc in tr if tc.tag == w("tc")] for tr in tbl if tr.tag == w("tr")]
        rows = [r for r in rows if r]
        if not rows:
            return
        if not self._in_box and all(len(r) == 1 for r in rows) and self._is_box(rows[0][0]):
            self._box(rows)
            return
        table: list[list[str]] = []
        for row in rows:
            cells: list[str] = []
            for tc in row:
                cells.append(self._cell(tc))
                span = tc.find(f"{w('tcPr')}/{w('gridSpan')}")
                extra = int(span.get(w("val"), "1")) - 1 if span is not None else 0
                cells += [""] * max(0, min(extra, 60))
            table.append(cells)
        width = max(len(r) for r in table)

        def line(cells: list[str]) -> str:
            padded = cells + [""] * (width - len(cells))
            return "| " + " | ".join(c or " " for c in padded) + " |"

        text = "\n".join([line(table[0]), "|" + "---|" * width, *(line(r) for r in table[1:])])
        self.nodes.append(Node("raw", text=text))

    def _cell(self, tc: Any) -> str:
        parts = [self._inline_paragraph(p)[0] for p in tc.iter(w("p"))]
        return " ".join(p.replace("\\\n", " ") for p in parts if p).strip()

    def _is_box(self, tc: Any) -> bool:
        first = next(
            (self._plain(p).strip() for p in tc.iter(w("p")) if self._plain(p).strip()), ""
        )
        return first in ("Acties", "Actie")

    def _box(self, rows: list[list[Any]]) -> None:
        title = self._context or self.title or "acties"
        self.nodes.append(Node("open", text="actie", id=self._id("actie-" + slugify(title))))
        self._in_box = True
        for index, row in enumerate(rows):
            self._blocks(row[0], skip_first=index == 0)
        self._flush_list()
        self._in_box = False
        self.nodes.append(Node("close", text="actie"))

    # -- inline ---------------------------------------------------------------

    def _inline_paragraph(self, p: Any) -> tuple[str, str]:
        out: list[str] = []
        plain: list[str] = []
        self._inline(p, out, plain)
        lines = [escape_line_start(line.strip()) for line in "".join(out).split(BR)]
        return "\\\n".join(line for line in lines if line), "".join(plain)

    def _plain(self, p: Any) -> str:
        out: list[str] = []
        plain: list[str] = []
        self._inline(p, out, plain, notes=False)
        return "".join(plain)

    def _inline(self, element: Any, out: list[str], plain: list[str], notes: bool = True) -> None:
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            local = tag.rsplit("}", 1)[-1] if tag.startswith(f"{{{W}}}") else ""
            if local == "r":
                self._run(child, out, plain, notes)
            elif local == "hyperlink":
                inner: list[str] = []
                inner_plain: list[str] = []
                self._inline(child, inner, inner_plain, notes)
                text = "".join(inner).replace(BR, " ").strip()
                url = self._url(child.get(f"{{{R}}}id"))
                if url and text and "[^" not in text:
                    out.append(f"[{text}](<{url}>)")
                else:
                    out.append("".join(inner))
                plain.extend(inner_plain)
            elif local in _INLINE_WRAPPERS:
                self._inline(child, out, plain, notes)

    def _run(self, run: Any, out: list[str], plain: list[str], notes: bool) -> None:
        for child in run:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == w("t"):
                text = child.text or ""
                out.append(escape_inline(text))
                plain.append(text)
            elif tag in (w("tab"), w("ptab")):
                out.append(" ")
                plain.append(" ")
            elif tag in (w("br"), w("cr")) and child.get(w("type")) in (None, "textWrapping"):
                out.append(BR)
                plain.append("\n")
            elif tag == w("noBreakHyphen"):
                out.append("-")
                plain.append("-")
            elif tag in (w("footnoteReference"), w("endnoteReference")) and notes:
                kind = "footnote" if tag == w("footnoteReference") else "endnote"
                label = self._label(kind, child.get(w("id"), ""))
                out.append(f"[^{label}]")
                plain.append(label)
            elif tag in (w("drawing"), w("pict"), w("object")):
                self._images += 1

    def _url(self, rid: str | None) -> str | None:
        rel = self._rels.get(rid or "")
        if rel is None or not rel.is_external:
            return None
        url = str(rel.target_ref)
        return url if _SAFE_URL.match(url) else None

    def _label(self, kind: str, note_id: str) -> str:
        key = (kind, note_id)
        if key not in self._labels:
            count = sum(1 for k in self._labels if k[0] == kind) + 1
            self._labels[key] = str(count) if kind == "footnote" else f"e{count}"
        return self._labels[key]

    # -- footnotes ------------------------------------------------------------

    def footnotes(self) -> list[tuple[str, list[str]]]:
        """(label, lines) for every referenced note, in order; missing texts marked."""
        texts = {"footnote": self._notes("footnote"), "endnote": self._notes("endnote")}
        result: list[tuple[str, list[str]]] = []
        self.missing = []
        for (kind, note_id), label in self._labels.items():
            lines = texts[kind].get(note_id)
            if not lines:
                self.missing.append(label)
                lines = [MISSING_TEXT]
            result.append((label, lines))
        if self.missing:
            self.warnings.append(
                message("import.notes_without_text", notes=", ".join(self.missing))
            )
        for kind, found in texts.items():
            unused = [i for i in found if (kind, i) not in self._labels]
            if unused:
                self.warnings.append(message(f"import.{kind}_texts_unused", count=len(unused)))
        return result

    def _notes(self, kind: str) -> dict[str, list[str]]:
        reltype = RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES
        rel = next(
            (r for r in self._rels.values() if r.reltype == reltype and not r.is_external), None
        )
        if rel is None:
            return {}
        root = etree.fromstring(rel.target_part.blob, _safe_parser())
        notes: dict[str, list[str]] = {}
        for note in root.findall(w(kind)):
            if note.get(w("type")) in _SKIP_NOTES:
                continue
            lines: list[str] = []
            for p in note.iter(w("p")):
                lines += [" ".join(x.split()) for x in self._plain(p).split("\n")]
            notes[note.get(w("id"), "")] = [line for line in lines if line]
        return notes

    # -- styles and numbering ---------------------------------------------------

    def _read_styles(self) -> dict[str, dict[str, Any]]:
        styles: dict[str, dict[str, Any]] = {}
        try:
            root = self.document.styles.element
        except Exception:  # no styles part: every paragraph is plain
            return styles
        for style in root.findall(w("style")):
            name = style.find(w("name"))
            based = style.find(w("basedOn"))
            styles[style.get(w("styleId"), "")] = {
                "name": name.get(w("val"), "") if name is not None else "",
                "based": based.get(w("val")) if based is not None else None,
                "outline": _val(style, f"{w('pPr')}/{w('outlineLvl')}"),
                "num": _val(style, f"{w('pPr')}/{w('numPr')}/{w('numId')}"),
                "ilvl": _val(style, f"{w('pPr')}/{w('numPr')}/{w('ilvl')}"),
            }
        return styles

    def _chain(self, style_id: str | None) -> list[dict[str, Any]]:
        chain: list[dict[str, Any]] = []
        while style_id and style_id in self._styles and len(chain) < 10:
            chain.append(self._styles[style_id])
            style_id = self._styles[style_id]["based"]
        return chain

    @staticmethod
    def _style_id(p: Any) -> str | None:
        return _val(p, f"{w('pPr')}/{w('pStyle')}")

    def _heading_level(self, p: Any, style_id: str | None) -> int | None:
        for style in self._chain(style_id):
            name = str(style["name"]).strip()
            match = _HEADING_NAME.match(name)
            if match:
                return int(match.group(1))
            if name.lower() in ("title", "titel"):
                return _TITLE_LEVEL
        outline = _val(p, f"{w('pPr')}/{w('outlineLvl')}") or next(
            (s["outline"] for s in self._chain(style_id) if s["outline"]), None
        )
        if outline and outline.isdigit() and int(outline) < 9:
            return int(outline) + 1
        return None

    def _num(self, p: Any, style_id: str | None) -> tuple[int, bool] | None:
        num = _val(p, f"{w('pPr')}/{w('numPr')}/{w('numId')}")
        ilvl = _val(p, f"{w('pPr')}/{w('numPr')}/{w('ilvl')}")
        chain = self._chain(style_id)
        if num is None:
            num = next((s["num"] for s in chain if s["num"]), None)
            ilvl = ilvl or next((s["ilvl"] for s in chain if s["ilvl"]), None)
        if num is None or num == "0":
            name = " ".join(str(s["name"]) for s in chain).lower()
            if "list number" in name or "lijstnummering" in name:
                return 0, True
            if "list bullet" in name or "lijstopsomteken" in name:
                return 0, False
            return None
        depth = int(ilvl) if ilvl and ilvl.isdigit() else 0
        fmt = self._numbering.get((num, str(depth)), "bullet")
        return min(depth, 8), fmt not in ("bullet", "none")

    def _read_numbering(self) -> dict[tuple[str, str], str]:
        rel = next(
            (r for r in self._rels.values() if r.reltype == RT.NUMBERING and not r.is_external),
            None,
        )
        if rel is None:
            return {}
        part = rel.target_part
        root = (
            part.element
            if hasattr(part, "element")
            else etree.fromstring(part.blob, _safe_parser())
        )
        abstract: dict[str, dict[str, str]] = {}
        for item in root.findall(w("abstractNum")):
            levels = {
                lvl.get(w("ilvl"), "0"): _val(lvl, w("numFmt")) or "decimal"
                for lvl in item.findall(w("lvl"))
            }
            abstract[item.get(w("abstractNumId"), "")] = levels
        formats: dict[tuple[str, str], str] = {}
        for num in root.findall(w("num")):
            levels = abstract.get(_val(num, w("abstractNumId")) or "", {})
            for ilvl, fmt in levels.items():
                formats[(num.get(w("numId"), ""), ilvl)] = fmt
        return formats


def _val(element: Any, path: str) -> str | None:
    found = element.find(path)
    if found is None:
        return None
    value = found.get(w("val"))
    return str(value) if value is not None else None
