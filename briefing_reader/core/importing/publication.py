"""Officiële publicaties (officielebekendmakingen.nl) as XML or HTML to our markdown.

XML: the ``officiele-publicatie`` format. Front matter from the ``meta``
elements (``DC.identifier``, ``OVERHEIDop.dossiernummer``,
``OVERHEIDop.ondernummer``, ``OVERHEIDop.vergaderjaar``,
``DCTERMS.issued``, ``OVERHEIDop.documenttitel`` ...) and from
``kamerstukkop``, ``dossier`` (``dossiernummer``, ``titel``) and ``stuk``
(``stuknr``/``ondernummer``, ``titel``); the body from ``kop``/``titel``
(with ``nr``) and ``divisie`` nesting (heading levels), ``tussenkop``,
``al``, ``lijst``/``li``, inline ``noot`` (footnotes, numbered by their
``noot.nr``; ``nootref`` refers to one again), CALS ``tabel`` (``tgroup``,
``thead``/``tbody``, ``row``, ``entry`` with ``namest``/``nameend``),
``ondertekening``; a one-column
table headed "Acties" is an action box. Text is kept whole; emphasis
(``nadruk``) and references (``extref``, ``intref``) keep their text.

HTML: the same publication as a web page: ``meta`` elements in the head;
``h1``-``h6``, ``p``, ``ul``/``ol``, ``table``; a ``sup`` holding a link
to ``#id`` is a footnote marker whose text is the element with that id.

Both are parsed with lxml with entities and network access off; XML with
a DOCTYPE or an ENTITY declaration is refused, and so is a tree deeper
than ``MAX_DEPTH`` or with more than ``MAX_ELEMENTS`` elements.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from briefing_reader.core.content.citation import MONTHS_NL
from briefing_reader.core.importing.errors import INVALID, TOO_LARGE, ImportFailed
from briefing_reader.core.importing.mdwriter import MISSING_TEXT, Node, Span, render, slugify
from briefing_reader.core.importing.model import Converted
from briefing_reader.core.messages import Message, message

MAX_DEPTH = 200
MAX_ELEMENTS = 500_000
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,2})\.?\s")
_PILLAR = re.compile(r"^Pijler\s+(\d+)\b")
_PLACE_DATE = re.compile(r"(\d{1,2})\s+(" + "|".join(MONTHS_NL) + r")\s+(\d{4})")


def convert(data: bytes, path: Path, kind: str) -> Converted:
    """Convert an officiele-publicatie, ``kind`` "xml" or "html".

    Raises:
        ImportFailed: not well-formed, a DTD or entity declaration, too deep or large.
    """
    root = _parse(data, path, kind)
    _check_size(root, path)
    walker = _XmlWalker() if kind == "xml" else _HtmlWalker(root)
    meta_values = _meta(root)
    walker.walk(root)
    meta = walker.front_matter(meta_values, path)
    footnotes = [(label, [text or MISSING_TEXT]) for label, text in walker.notes]
    missing = [label for label, text in walker.notes if not text]
    if missing:
        meta["missing_footnotes"] = missing
    warnings = list(walker.warnings)
    return Converted(meta, render(walker.nodes, footnotes), kind, None, warnings, missing)


# -- parsing ----------------------------------------------------------------------


def _parse(data: bytes, path: Path, kind: str) -> Any:
    from lxml import etree, html

    head = data[:1_000_000]
    if (kind == "xml" and _DTD.search(head)) or _ENTITY.search(data):
        raise ImportFailed(
            path,
            message("import.publication_dtd"),
            INVALID,
        )
    try:
        if kind == "xml":
            parser = etree.XMLParser(
                resolve_entities=False,
                no_network=True,
                load_dtd=False,
                dtd_validation=False,
                huge_tree=False,
                remove_comments=True,
                remove_pis=True,
            )
            root = etree.fromstring(data, parser)
        else:
            parser = html.HTMLParser(
                no_network=True, remove_comments=True, remove_pis=True, default_doctype=False
            )
            root = html.fromstring(data, parser=parser)
    except (etree.XMLSyntaxError, etree.ParserError, ValueError) as exc:
        line = getattr(exc, "lineno", None)
        raise ImportFailed(
            path,
            message("import.not_well_formed", kind=kind.upper(), problem=str(exc)),
            INVALID,
            line=line,
        ) from exc
    if root is None:
        raise ImportFailed(path, message("import.no_markup_document", kind=kind.upper()), INVALID)
    if kind == "xml" and _local(root.tag) != "officiele-publicatie":
        raise ImportFailed(
            path,
            message("import.wrong_root", root=_local(root.tag)[:40]),
            INVALID,
        )
    return root


def _check_size(root: Any, path: Path) -> None:
    count = 0
    stack = [(root, 0)]
    while stack:
        element, depth = stack.pop()
        count += 1
        if depth > MAX_DEPTH:
            raise ImportFailed(path, message("import.markup_depth", limit=MAX_DEPTH), TOO_LARGE)
        if count > MAX_ELEMENTS:
            raise ImportFailed(
                path, message("import.markup_elements", limit=MAX_ELEMENTS), TOO_LARGE
            )
        stack.extend((child, depth + 1) for child in element)


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _meta(root: Any) -> dict[str, str]:
    values: dict[str, str] = {}
    for element in root.iter():
        if _local(element.tag) == "meta":
            name = element.get("name") or element.get("property") or ""
            content = element.get("content")
            if name and content is not None and name not in values:
                values[name] = " ".join(content.split())
    return values


def _text(element: Any) -> str:
    """All text inside an element, footnotes (``noot``) left out, spaces normalised."""
    parts: list[str] = []
    _collect(element, parts)
    return " ".join("".join(parts).split())


def _collect(element: Any, parts: list[str]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        if _local(child.tag) not in ("noot", "meta"):
            _collect(child, parts)
        if child.tail:
            parts.append(child.tail)


# -- common ----------------------------------------------------------------------------


class _Walker:
    def __init__(self) -> None:
        self.nodes: list[Node] = []
        self.notes: list[tuple[str, str]] = []
        self.warnings: list[Message] = []
        self.found: dict[str, Any] = {}
        self._used: set[str] = set()
        self._context = ""
        self._in_box = False

    def _id(self, wanted: str) -> str:
        base = wanted.strip("-")[:80] or "kop"
        candidate, n = base, 2
        while candidate in self._used:
            candidate, n = f"{base}-{n}", n + 1
        self._used.add(candidate)
        return candidate

    def heading(self, level: int, text: str) -> None:
        if not text:
            return
        classes: tuple[str, ...] = ()
        if pillar := _PILLAR.match(text):
            wanted, classes = f"pijler-{pillar.group(1)}", ("pillar",)
            self._context = text
        elif number := _NUMBERED.match(text):
            wanted = "s-" + number.group(1).replace(".", "-")
            self._context = text[number.end() :]
        else:
            wanted = slugify(text) if level <= 2 else "t-" + slugify(text)
            self._context = text
        self.nodes.append(
            Node(
                "heading",
                text=text,
                level=max(1, min(level, 6)),
                id=self._id(wanted),
                classes=classes,
            )
        )

    def table(self, rows: list[list[str]], paragraphs: list[Span] | None = None) -> None:
        if not rows:
            return
        if len(rows[0]) == 1 and rows[0][0] in ("Acties", "Actie"):
            title = self._context or "acties"
            self.nodes.append(Node("open", text="actie", id=self._id("actie-" + slugify(title))))
            for span in paragraphs or [Span(r[0]) for r in rows[1:] if r[0]]:
                self.nodes.append(Node("para", spans=[span]))
            self.nodes.append(Node("close", text="actie"))
            return
        self.nodes.append(Node("table", rows=rows))

    def front_matter(self, values: dict[str, str], path: Path) -> dict[str, Any]:
        found = self.found
        identifier = values.get("DC.identifier", "")
        dossier = values.get("OVERHEIDop.dossiernummer") or found.get("dossier", "")
        number = values.get("OVERHEIDop.ondernummer") or found.get("volgnummer", "")
        title = (
            values.get("OVERHEIDop.documenttitel")
            or found.get("title")
            or values.get("DC.title")
            or path.stem
        )
        meta: dict[str, Any] = {
            "id": "",
            "kind": "imported",
            "official": True,
            "title": " ".join(str(title).split())[:200],
        }
        digits = re.sub(r"\D", "", dossier.split(";")[0]) if dossier else ""
        suffix_match = re.search(r"\b([A-Z]{1,5})\s*$", dossier.split(";")[0]) if dossier else None
        suffix = suffix_match.group(1) if suffix_match else ""
        if digits and str(number).strip().isdigit():
            spaced = f"{digits[:-3]} {digits[-3:]}" + (f" {suffix}" if suffix else "")
            meta["kind"] = (
                "kamerbrief"
                if "brief" in (found.get("stuktitel", "") + values.get("DC.title", "")).lower()
                else "kamerstuk"
            )
            meta["dossier"] = {"number": spaced, "title": found.get("dossier_title", "")}
            meta["volgnummer"] = int(str(number).strip())
            meta["id"] = f"kst-{digits}{'-' + suffix.lower() if suffix else ''}-{number}"
        elif identifier:
            meta["id"] = slugify(identifier)[:80]
        if not meta["id"]:
            meta["id"] = slugify(str(meta["title"]))[:60].strip("-") or "document"
        day = _date(
            values.get("DCTERMS.issued")
            or values.get("OVERHEIDop.datumOndertekening")
            or values.get("DC.date")
            or ""
        ) or found.get("date")
        if day:
            meta["date"] = day
        year = values.get("OVERHEIDop.vergaderjaar") or found.get("vergaderjaar", "")
        if match := re.search(r"(\d{4})\s*[-–/]\s*(\d{2,4})", year):
            meta["parliamentary_year"] = f"{match.group(1)}/{match.group(2)[-2:]}"
        elif day:
            from briefing_reader.core.importing.opentk import parliamentary_year

            meta["parliamentary_year"] = parliamentary_year(day)
        if found.get("signatory"):
            meta["signatory"] = found["signatory"]
        if identifier:
            meta["publication"] = identifier
        return meta


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        pass
    if match := _PLACE_DATE.search(text):
        try:
            return dt.date(
                int(match.group(3)), MONTHS_NL.index(match.group(2)) + 1, int(match.group(1))
            )
        except ValueError:
            return None
    return None


# -- XML ---------------------------------------------------------------------------


_SKIP = {"metadata", "meta", "kamerstukkop", "noot"}


class _XmlWalker(_Walker):
    """Walks the ``officiele-publicatie`` tree into blocks."""

    def __init__(self) -> None:
        super().__init__()
        self._depth = 0
        self._note_numbers: set[str] = set()
        self._by_id: dict[str, str] = {}  # noot id -> label, for nootref

    def walk(self, root: Any) -> None:
        for element in root.iter():
            name = _local(element.tag)
            if name == "vergaderjaar":
                self.found["vergaderjaar"] = _text(element)
        self._children(root)

    def _children(self, element: Any) -> None:
        for child in element:
            self._element(child)

    def _element(self, element: Any) -> None:
        name = _local(element.tag)
        if name in _SKIP:
            return
        handler = getattr(self, "_" + name.replace("-", "_").replace(".", "_"), None)
        if handler is not None:
            handler(element)
        else:
            self._children(element)

    def _dossier(self, element: Any) -> None:
        number = next((e for e in element.iter() if _local(e.tag) == "dossiernummer"), None)
        title = next((e for e in element if _local(e.tag) == "titel"), None)
        if number is not None:
            self.found["dossier"] = _text(number)
            self.found["dossier_title"] = _text(title) if title is not None else ""
            self.nodes.append(
                Node(
                    "para",
                    id=self._id("opening"),
                    spans=[Span(f"{_text(number)} {self.found['dossier_title']}".strip())],
                )
            )

    def _stuk(self, element: Any) -> None:
        for child in element:
            name = _local(child.tag)
            if name == "stuknr":
                self.found["volgnummer"] = re.sub(r"\D", "", _text(child))
                self.nodes.append(Node("para", spans=[self._span(child)]))
            elif name == "titel":
                self.found["stuktitel"] = _text(child)
                self.found.setdefault("title", _text(child))
                self.nodes.append(Node("para", spans=[self._span(child)]))
            else:
                self._element(child)

    def _divisie(self, element: Any) -> None:
        self._depth += 1
        self._children(element)
        self._depth -= 1

    _hoofdstuk = _paragraaf = _afdeling = _divisie

    def _kop(self, element: Any) -> None:
        parts = [_text(child) for child in element if _local(child.tag) in ("nr", "titel")]
        text = " ".join(p for p in parts if p) or _text(element)
        self.heading(max(1, self._depth), text)

    def _tussenkop(self, element: Any) -> None:
        self.heading(max(1, self._depth) + 1 if self._depth else 3, _text(element))

    def _al(self, element: Any) -> None:
        span = self._span(element)
        if span.text.strip() or span.markers:
            self.nodes.append(Node("para", spans=[span]))

    def _dagtekening(self, element: Any) -> None:
        day = _date(_text(element))
        if day:
            self.found["date"] = day
        self._al(element)

    _aanhef = _al

    def _lijst(self, element: Any) -> None:
        ordered = element.get("type") in ("expliciet",) and any(
            (_text(nr) or "x")[0].isdigit() for nr in element.iter() if _local(nr.tag) == "li.nr"
        )
        spans = []
        for item in element:
            if _local(item.tag) != "li":
                continue
            pieces = [self._span(child) for child in item if _local(child.tag) in ("al", "lijst")]
            spans.append(_joined(pieces) if pieces else self._span(item))
        self.nodes.append(Node("list", spans=spans, ordered=ordered))

    def _tabel(self, element: Any) -> None:
        rows: list[list[str]] = []
        spans: list[Span] = []
        for group in (e for e in element.iter() if _local(e.tag) == "tgroup"):
            names = [
                c.get("colname") or str(i + 1)
                for i, c in enumerate(e for e in group if _local(e.tag) == "colspec")
            ]
            width = int(group.get("cols") or len(names) or 1)
            for row in (e for e in group.iter() if _local(e.tag) == "row"):
                cells: list[str] = []
                for entry in (e for e in row if _local(e.tag) == "entry"):
                    span = _entry_span(entry, names)
                    cells.append(_text(entry))
                    cells.extend([""] * (span - 1))
                    if width == 1:
                        spans.extend(self._span(al) for al in entry if _local(al.tag) == "al")
                rows.append((cells + [""] * width)[:width])
        if width != 1 and any(_local(e.tag) == "noot" for e in element.iter()):
            self.warnings.append(message("import.table_footnote_left_out"))
        self.table(rows, spans[1:] if spans else None)

    def _ondertekening(self, element: Any) -> None:
        lines = [_text(child) for child in element if _text(child)]
        function = next((_text(e) for e in element.iter() if _local(e.tag) == "functie"), "")
        name = next((_text(e) for e in element.iter() if _local(e.tag) == "naam"), "")
        if function and name:
            role = (
                function.rstrip(",").split(" ", 1)[-1]
                if function.startswith(("De ", "Het "))
                else function.rstrip(",")
            )
            self.found["signatory"] = {"name": name, "role": role}
        self.nodes.append(
            Node("para", id=self._id("ondertekening"), spans=[Span(line) for line in lines])
        )

    # -- inline ------------------------------------------------------------------------

    def _span(self, element: Any) -> Span:
        parts: list[str] = []
        markers: list[tuple[int, int, str]] = []
        self._inline(element, parts, markers)
        return _normalised("".join(parts), markers)

    def _inline(self, element: Any, parts: list[str], markers: list[tuple[int, int, str]]) -> None:
        if element.text:
            parts.append(element.text)
        for child in element:
            name = _local(child.tag)
            if name == "noot" or (name == "nootref" and child.get("refid") in self._by_id):
                label = self._note(child) if name == "noot" else self._by_id[child.get("refid")]
                at = len("".join(parts))
                markers.append((at, at, label))
            elif name not in ("meta", "li.nr"):
                self._inline(child, parts, markers)
            if child.tail:
                parts.append(child.tail)

    def _note(self, element: Any) -> str:
        number = next((_text(e) for e in element if _local(e.tag) == "noot.nr"), "")
        label = number if number and number not in self._note_numbers else str(len(self.notes) + 1)
        if label in self._note_numbers:
            return label
        self._note_numbers.add(label)
        if element.get("id"):
            self._by_id[element.get("id")] = label
        texts = [_text(e) for e in element if _local(e.tag) in ("noot.al", "al")]
        self.notes.append((label, " ".join(t for t in texts if t)))
        return label


def _entry_span(entry: Any, names: list[str]) -> int:
    start, end = entry.get("namest"), entry.get("nameend")
    if start in names and end in names:
        return max(1, names.index(end) - names.index(start) + 1)
    return 1


def _normalised(text: str, markers: list[tuple[int, int, str]]) -> Span:
    """Collapse runs of white space; each marker stays right after the character before it."""
    pending = sorted(markers)
    out: list[str] = []
    moved: list[tuple[int, int, str]] = []
    space = False
    index = 0
    for position, char in enumerate(text):
        while index < len(pending) and pending[index][0] <= position:
            moved.append((len(out), len(out), pending[index][2]))
            index += 1
        if char.isspace():
            space = True
            continue
        if space and out:
            out.append(" ")
        space = False
        out.append(char)
    moved += [(len(out), len(out), label) for _s, _e, label in pending[index:]]
    return Span("".join(out), moved)


def _joined(spans: list[Span]) -> Span:
    text = ""
    markers: list[tuple[int, int, str]] = []
    for span in spans:
        if text:
            text += " "
        markers += [(s + len(text), e + len(text), label) for s, e, label in span.markers]
        text += span.text
    return Span(text, markers)


# -- HTML -----------------------------------------------------------------------------


class _HtmlWalker(_Walker):
    """Walks the web-page form of a publication."""

    def __init__(self, root: Any) -> None:
        super().__init__()
        self._targets = {
            e.get("id"): e for e in root.iter() if isinstance(e.tag, str) and e.get("id")
        }
        self._note_ids: set[str] = set()
        self._note_elements: set[Any] = set()
        # the web page sets the stuk's title in h1, so its headings start at h2
        self._shift = (
            1 if any("stuktitel" in (h.get("class") or "") for h in root.iter("h1")) else 0
        )
        for sup in root.iter("sup"):
            link = sup.find(".//a")
            if link is not None and (link.get("href") or "").startswith("#"):
                target = self._targets.get(link.get("href")[1:])
                if target is not None:
                    self._note_elements.add(target)

    def walk(self, root: Any) -> None:
        body = root.find(".//body")
        main = body if body is not None else root
        for element in main.iter():
            classes = (element.get("class") or "").split() if isinstance(element.tag, str) else []
            if "dossiertitel" in classes:
                self.found["dossier_title"] = _text(element)
            elif "stuktitel" in classes:
                self.found["stuktitel"] = _text(element)
            elif "vergaderjaar" in classes:
                self.found["vergaderjaar"] = _text(element)
        self._children(main)

    def _children(self, element: Any) -> None:
        for child in element:
            if not isinstance(child.tag, str) or child in self._note_elements:
                continue
            if self._holds_only_notes(child):
                continue
            self._element(child)

    def _holds_only_notes(self, element: Any) -> bool:
        classes = (element.get("class") or "").split()
        return any(
            c in ("noten", "voetnoten", "footnotes", "voetnoot", "kamerstukkop") for c in classes
        )

    def _element(self, element: Any) -> None:
        tag = element.tag.lower()
        if tag in ("script", "style", "head", "nav", "form", "button", "template"):
            return
        if "stuktitel" in (element.get("class") or "").split():
            self._paragraph(element, self._span(element))
        elif re.fullmatch(r"h[1-6]", tag):
            self.heading(int(tag[1]) - self._shift, _text(element))
        elif tag == "p":
            span = self._span(element)
            if span.text or span.markers:
                self._paragraph(element, span)
        elif tag in ("ul", "ol"):
            items = [
                self._span(li)
                for li in element
                if isinstance(li.tag, str) and li.tag.lower() == "li"
            ]
            self.nodes.append(Node("list", spans=items, ordered=tag == "ol"))
        elif tag == "table":
            self._table(element)
        else:
            self._children(element)

    def _paragraph(self, element: Any, span: Span) -> None:
        classes = (element.get("class") or "").split()
        if "dossiernummer" in classes:
            self.found["dossier"] = span.text
        elif "stuknr" in classes:
            self.found["volgnummer"] = re.sub(r"\D", "", span.text)
        elif "dagtekening" in classes and (day := _date(span.text)):
            self.found["date"] = day
        elif "functie" in classes:
            self.found["functie"] = span.text
        elif "naam" in classes and self.found.get("functie"):
            function = self.found["functie"].rstrip(",")
            role = function.split(" ", 1)[-1] if function.startswith(("De ", "Het ")) else function
            self.found["signatory"] = {"name": span.text, "role": role}
        self.nodes.append(Node("para", spans=[span]))

    def _table(self, element: Any) -> None:
        rows: list[list[str]] = []
        for row in element.iter("tr"):
            cells: list[str] = []
            for cell in row:
                if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th"):
                    cells.append(_text(cell))
                    span = cell.get("colspan") or "1"
                    cells.extend([""] * (min(int(span), 50) - 1 if span.isdigit() else 0))
            rows.append(cells)
        width = max((len(r) for r in rows), default=0)
        rows = [r + [""] * (width - len(r)) for r in rows]
        paragraphs = list(element.iter("p"))
        if width == 1 and paragraphs and _text(paragraphs[0]) in ("Acties", "Actie"):
            self.table([["Acties"]], [self._span(p) for p in paragraphs[1:]])
            return
        self.table(rows)

    def _span(self, element: Any) -> Span:
        parts: list[str] = []
        markers: list[tuple[int, int, str]] = []
        self._inline(element, parts, markers)
        return _normalised("".join(parts), markers)

    def _inline(self, element: Any, parts: list[str], markers: list[tuple[int, int, str]]) -> None:
        if element.text:
            parts.append(element.text)
        for child in element:
            if not isinstance(child.tag, str):
                if child.tail:
                    parts.append(child.tail)
                continue
            tag = child.tag.lower()
            link = child.find(".//a") if tag == "sup" else None
            href = link.get("href") if link is not None else None
            if tag == "sup" and href and href.startswith("#") and href[1:] in self._targets:
                label = self._note(href[1:], _text(child))
                at = len("".join(parts))
                markers.append((at, at, label))
            elif tag not in ("script", "style"):
                self._inline(child, parts, markers)
            if child.tail:
                parts.append(child.tail)

    def _note(self, target_id: str, shown: str) -> str:
        label = (
            shown
            if shown.isdigit() and shown not in {n for n, _ in self.notes}
            else str(len(self.notes) + 1)
        )
        if target_id in self._note_ids:
            return next((n for n, _ in self.notes if n == shown), label)
        self._note_ids.add(target_id)
        target = self._targets[target_id]
        text = _text(target)
        text = re.sub(r"^" + re.escape(shown) + r"\s+", "", text) if shown else text
        self.notes.append((label, text))
        return label
