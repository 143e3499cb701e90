"""Notes out and in: Markdown, CSV and W3C Web Annotation JSON-LD.

Exports (:func:`export_markdown`, :func:`export_csv`, :func:`export_jsonld`,
or :func:`export_file` to write one atomically) cover every live highlight,
bookmark and annotation of an action (empty ones, with nothing filled in,
are left out), mine and colleagues' (``mine_only`` for mine alone). Import
(:func:`import_jsonld`) reads the JSON-LD back as a colleague's notes.

Web Annotation mapping (https://www.w3.org/TR/annotation-model/)
-----------------------------------------------------------------
The file is an ``AnnotationCollection`` (``id`` a fresh ``urn:uuid:``,
``label``, ``generator`` {Software}, ``generated``, ``total``) with one
embedded ``AnnotationPage`` as ``first`` (omitted when ``total`` is 0).
Every annotation repeats ``"@context": "http://www.w3.org/ns/anno.jsonld"``
and has ``id`` ``urn:uuid:<item id>``, ``type`` "Annotation", ``created``,
``modified``, ``creator`` {"type": "Person", "name": author}.

The target is a ``SpecificResource``:

- ``source``: {"id": "urn:briefing-reader:doc:<doc id>:v<version>" (no
  ``:v`` part when unversioned), "type": "Text", "canonical":
  "urn:briefing-reader:doc:<doc id>"}; the id names the version annotated,
  ``canonical`` the document across versions.
- ``state``: a ``TimeState`` whose ``cached`` names, by RFC 6920 hash URI,
  the representations the note was made against:
  ``ni:///sha-256;<base64url>?ct=text/markdown`` (the markdown source,
  ``Document.source_hash``) and ``?ct=text/plain`` (the plain text the
  positions count in, ``TextAnchor.text_hash``).
- ``selector``: for highlights and bookmarks ``[TextQuoteSelector,
  TextPositionSelector]`` over ``Document.plain_text``; for an action
  ``[FragmentSelector]`` (``conformsTo`` RFC 3986, ``value`` the action id,
  e.g. "actie-taaleis-in-de-bijstand") plus a TextQuoteSelector of the
  action's text when known (the same segment, for re-anchoring). An empty
  ``prefix`` or ``suffix`` is left out.
- ``styleClass`` (highlights): the colour name ("geel"), or "kleur-rrggbb"
  for a colour given as #rrggbb; the annotation's ``stylesheet``
  (CssStylesheet) gives the class its background colour.

Motivations and bodies (TextualBody unless said otherwise):

- highlight: ``highlighting``, or ``commenting`` with a note body
  (purpose commenting, format text/markdown);
- bookmark: ``bookmarking``; its name is a body with purpose describing
  (text/plain);
- action annotation: one motivation per part present, in this order:
  ``classifying`` (stance: body with purpose classifying, text/plain;
  priority: a SpecificResource body, purpose classifying, source
  ``urn:briefing-reader:priority:<hoog|middel|laag>``), ``commenting`` (the
  note, text/markdown), ``questioning`` (one body per question,
  text/markdown, in order), ``tagging``;
- tags (any kind): one body per tag, purpose tagging, text/plain.

Import accepts such a collection, a single page or a single annotation.
Everything is checked before anything is written; then all of it goes in
one ``BEGIN IMMEDIATE`` transaction, so an invalid file imports nothing.
New ids are added with ``imported_from`` = the file's name (shown as the
colleague's); an id I already have as mine is never touched; one imported
earlier is updated only when the file's ``modified`` is newer; deleted ones
stay deleted. Importing the same file twice therefore changes nothing.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import re
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_reader.core.atomic import write_atomic
from briefing_reader.core.content.citation import citation, dutch_date, full_citation
from briefing_reader.core.notes import rows, settings
from briefing_reader.core.notes import trash as trash_mod
from briefing_reader.core.notes.anchors import (
    block_index_at,
    find_quote,
    locate,
    place_at,
    text_hash,
)
from briefing_reader.core.notes.errors import NotesError
from briefing_reader.core.notes.model import (
    COLOURS,
    ActionAnnotation,
    Bookmark,
    Highlight,
    TextAnchor,
    TextPositionSelector,
    TextQuoteSelector,
    format_time,
    parse_time,
    utc_now,
)

if TYPE_CHECKING:
    from briefing_reader.core.content import Document, Library, OutlineNode
    from briefing_reader.core.notes.store import NotesStore

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
DOC_PREFIX = "urn:briefing-reader:doc:"
PRIORITY_PREFIX = "urn:briefing-reader:priority:"
RFC3986 = "http://tools.ietf.org/rfc/rfc3986"
FORMATS = ("md", "csv", "jsonld")
CSV_COLUMNS = ("id", "kind", "doc_id", "citation", "section", "anchor", "link", "quote",
               "stance", "priority", "note", "questions", "tags", "colour", "name", "author",
               "created", "modified", "imported_from")
MAX_IMPORT_BYTES = 50 * 1024 * 1024
_VERSION = re.compile(r"^(.*):v(\d+)$")
_NI = re.compile(r"^ni:///sha-256;([A-Za-z0-9_-]{43})\?ct=(text/plain|text/markdown)$")
Item = ActionAnnotation | Highlight | Bookmark


class ExchangeError(NotesError):
    """A file could not be exported or imported; ``path`` and ``reason`` say why."""


@dataclass
class ImportReport:
    """What an import did, by count."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_mine: int = 0
    skipped: list[str] = field(default_factory=list)

    def message(self) -> str:
        parts = [f"{self.added} added", f"{self.updated} updated",
                 f"{self.unchanged} already there"]
        if self.kept_mine:
            parts.append(f"{self.kept_mine} left alone (yours)")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return ", ".join(parts)


def _items(store: NotesStore, mine_only: bool) -> list[Item]:
    found: list[Item] = [a for a in store.action_annotations() if not a.is_empty]
    found += store.highlights()
    found += store.bookmarks()
    return [item for item in found if item.is_mine or not mine_only]


# --- JSON-LD out -----------------------------------------------------------


def _ni(hex_hash: str, content_type: str) -> str:
    digest = base64.urlsafe_b64encode(bytes.fromhex(hex_hash)).rstrip(b"=").decode()
    return f"ni:///sha-256;{digest}?ct={content_type}"


def _target(doc_id: str, version: int | None, doc_hash: str, plain_hash: str,
            selectors: list[dict[str, Any]]) -> dict[str, Any]:
    canonical = DOC_PREFIX + doc_id
    source = {"id": canonical if version is None else f"{canonical}:v{version}",
              "type": "Text", "canonical": canonical}
    target: dict[str, Any] = {"type": "SpecificResource", "source": source}
    cached = [_ni(h, ct) for h, ct in ((doc_hash, "text/markdown"),
                                       (plain_hash, "text/plain"))
              if re.fullmatch(r"[0-9a-f]{64}", h or "")]
    if cached:
        target["state"] = {"type": "TimeState",
                           "cached": cached[0] if len(cached) == 1 else cached}
    # An empty prefix or suffix (the quote starts or ends the text) is left out.
    target["selector"] = [{k: v for k, v in selector.items()
                           if not (k in ("prefix", "suffix") and v == "")}
                          for selector in selectors]
    return target


def _body(value: str, purpose: str, fmt: str = "text/plain") -> dict[str, Any]:
    return {"type": "TextualBody", "value": value, "format": fmt, "purpose": purpose}


def _style_class(colour: str) -> str:
    return colour if colour in COLOURS else "kleur-" + colour.lstrip("#").lower()


def annotation_json(item: Item) -> dict[str, Any]:
    """One stored item as a W3C Web Annotation (see the module docstring)."""
    bodies: list[dict[str, Any]] = []
    sheet: dict[str, Any] | None = None
    out: dict[str, Any] = {"@context": CONTEXT, "id": f"urn:uuid:{item.id}", "type": "Annotation"}
    if isinstance(item, ActionAnnotation):
        motivations = [m for m, present in (
            ("classifying", item.stance or item.priority), ("commenting", item.note.strip()),
            ("questioning", item.questions), ("tagging", item.tags)) if present]
        if item.stance:
            bodies.append(_body(item.stance, "classifying"))
        if item.priority:
            bodies.append({"type": "SpecificResource", "purpose": "classifying",
                           "source": PRIORITY_PREFIX + item.priority})
        if item.note.strip():
            bodies.append(_body(item.note, "commenting", "text/markdown"))
        bodies += [_body(q, "questioning", "text/markdown") for q in item.questions]
        selectors: list[dict[str, Any]] = [
            {"type": "FragmentSelector", "conformsTo": RFC3986, "value": item.action_id}]
        if item.action_text:
            selectors.append(TextQuoteSelector(item.action_text).to_json())
        target = _target(item.doc_id, item.doc_version, item.doc_hash, "", selectors)
    else:
        anchor = item.anchor
        target = _target(anchor.doc_id, anchor.doc_version, anchor.doc_hash, anchor.text_hash,
                         anchor.selectors())
        if isinstance(item, Highlight):
            motivations = ["commenting" if item.note.strip() else "highlighting"]
            if item.note.strip():
                bodies.append(_body(item.note, "commenting", "text/markdown"))
            style = _style_class(item.colour)
            target["styleClass"] = style
            colour = COLOURS.get(item.colour, item.colour)
            sheet = {"type": "CssStylesheet",
                     "value": f".{style} {{ background-color: {colour}; }}"}
        else:
            motivations = ["bookmarking"]
            bodies.append(_body(item.name, "describing"))
    if not isinstance(item, Bookmark):
        bodies += [_body(tag, "tagging") for tag in item.tags]
    out["motivation"] = motivations[0] if len(motivations) == 1 else motivations
    out["created"], out["modified"] = item.created, item.modified
    out["creator"] = {"type": "Person", "name": item.author}
    if bodies:
        out["body"] = bodies[0] if len(bodies) == 1 else bodies
    out["target"] = target
    if sheet is not None:
        out["stylesheet"] = sheet
    return out


def export_jsonld(store: NotesStore, *, mine_only: bool = False) -> dict[str, Any]:
    """Every live note as one AnnotationCollection."""
    items = [annotation_json(item) for item in _items(store, mine_only)]
    collection: dict[str, Any] = {
        "@context": CONTEXT, "id": f"urn:uuid:{uuid.uuid4()}", "type": "AnnotationCollection",
        "label": "Notities uit Briefing Reader",
        "generator": {"type": "Software", "name": "Briefing Reader"},
        "generated": utc_now(), "total": len(items)}
    if items:
        collection["first"] = {"id": f"urn:uuid:{uuid.uuid4()}", "type": "AnnotationPage",
                               "startIndex": 0, "items": items}
    return collection


# --- Markdown and CSV out ----------------------------------------------------


@dataclass
class _Placed:
    """An item with where it sits in its document, for ordering and links."""

    item: Item
    doc: Document | None
    offset: int
    section: str
    anchor: str | None


def _section_node(node: OutlineNode) -> OutlineNode:
    while node.kind in ("action", "subaction") and node.parent is not None:
        node = node.parent
    return node


def _section_of(doc: Document, node: OutlineNode) -> str:
    node = _section_node(node)
    return doc.title if node.kind == "document" else doc.section_path(node)


def _place(item: Item, library: Library | None) -> _Placed:
    doc = library.get(item.doc_id) if library is not None else None
    if isinstance(item, ActionAnnotation):
        node = doc.node(item.action_id) if doc else None
        if doc is None or node is None:
            return _Placed(item, doc, 0, "", item.action_id)
        return _Placed(item, doc, doc.blocks[node.first].start if node.first < len(doc.blocks)
                       else 0, _section_of(doc, node), item.action_id)
    anchor = item.anchor
    if doc is None:
        return _Placed(item, None, anchor.position.start, "", anchor.place)
    found = locate(doc.plain_text, anchor)
    offset = found.start if found else min(anchor.position.start, len(doc.plain_text))
    node = doc.node_at_block(block_index_at(doc, offset))
    place = place_at(doc, offset) if found else (
        anchor.place if anchor.place in doc.anchors() else None)
    return _Placed(item, doc, offset, _section_of(doc, node), place)


def _placed(store: NotesStore, library: Library | None, mine_only: bool) -> list[_Placed]:
    placed = [_place(item, library) for item in _items(store, mine_only)]
    order = {doc.id: i for i, doc in enumerate(library)} if library is not None else {}
    placed.sort(key=lambda p: (order.get(p.item.doc_id, len(order)), p.item.doc_id, p.offset,
                               p.item.created))
    return placed


def _link(p: _Placed) -> str:
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


def _md_item(p: _Placed) -> list[str]:
    item, link = p.item, _link(p)
    if isinstance(item, ActionAnnotation):
        title = item.action_title or item.action_id
        lines = [f"#### Actie: [{_md_escape(title)}]({link})", ""]
        facts = [("Standpunt", item.stance), ("Prioriteit", item.priority),
                 ("Tags", ", ".join(item.tags))]
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
        return [f"#### Bladwijzer: [{_md_escape(item.name)}]({link})", "",
                f"> {' '.join(item.anchor.quote.exact.split())}", "",
                f"*{_byline(item)}*", ""]
    lines = [f"#### Markering ([naar de tekst]({link}))", ""]
    lines += [f"> {line}" if line else ">" for line in item.anchor.quote.exact.split("\n")]
    lines.append("")
    if item.note.strip():
        lines += [item.note.strip(), ""]
    tags = f" · tags: {', '.join(item.tags)}" if item.tags else ""
    lines += [f"*{item.colour} · {_byline(item)}{tags}*", ""]
    return lines


def export_markdown(store: NotesStore, library: Library | None, *,
                    mine_only: bool = False) -> str:
    """Notes grouped by document and section, with quotes and ``doc:`` links back."""
    placed = _placed(store, library, mine_only)
    lines = ["# Notities uit Briefing Reader", "",
             f"Geëxporteerd op {_day(utc_now())}; {len(placed)} notitie(s).", ""]
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


def export_csv(store: NotesStore, library: Library | None, *, mine_only: bool = False) -> str:
    """One row per note; columns :data:`CSV_COLUMNS` (questions one per line)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for p in _placed(store, library, mine_only):
        item = p.item
        row: dict[str, Any] = {
            "id": item.id, "doc_id": item.doc_id,
            "citation": (citation(p.doc.meta) or p.doc.title) if p.doc else "",
            "section": p.section, "anchor": p.anchor or "", "link": _link(p),
            "author": item.author, "created": item.created, "modified": item.modified,
            "imported_from": item.imported_from or ""}
        if isinstance(item, ActionAnnotation):
            row.update(kind="action", quote=item.action_title, stance=item.stance or "",
                       priority=item.priority or "", note=item.note,
                       questions="\n".join(item.questions), tags="; ".join(item.tags))
        elif isinstance(item, Highlight):
            row.update(kind="highlight", quote=item.anchor.quote.exact, note=item.note,
                       tags="; ".join(item.tags), colour=item.colour)
        else:
            row.update(kind="bookmark", quote=item.anchor.quote.exact, name=item.name)
        writer.writerow(row)
    return out.getvalue()


def export_file(store: NotesStore, library: Library | None, path: Path | str, fmt: str, *,
                mine_only: bool = False) -> int:
    """Write an export atomically; returns the number of notes written.

    Raises:
        ExchangeError: unknown format, or the file cannot be written.
    """
    path = Path(path)
    if fmt == "jsonld":
        data = export_jsonld(store, mine_only=mine_only)
        text, count = json.dumps(data, ensure_ascii=False, indent=2) + "\n", data["total"]
    elif fmt == "md":
        text = export_markdown(store, library, mine_only=mine_only)
        count = len(_items(store, mine_only))
    elif fmt == "csv":
        text = "\ufeff" + export_csv(store, library, mine_only=mine_only)  # BOM: Excel reads UTF-8
        count = len(_items(store, mine_only))
    else:
        raise ExchangeError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})", path)
    atomic_write(path, text.encode("utf-8"))
    return int(count)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and move it into place.

    Raises:
        ExchangeError: the folder is missing or the file cannot be written.
    """
    if not path.parent.is_dir():
        raise ExchangeError(f"the folder {path.parent} does not exist", path)
    if path.is_dir():
        raise ExchangeError("is a folder, not a file", path)
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise ExchangeError(f"cannot be written ({exc.strerror or exc})", path) from exc


# --- JSON-LD in ------------------------------------------------------------


@dataclass(frozen=True)
class _Incoming:
    """One checked annotation, ready to insert."""

    kind: str  # action, highlight, bookmark
    id: str
    modified: str
    values: dict[str, Any]


class _Invalid(Exception):
    pass


def _types(obj: Any) -> set[str]:
    value = obj.get("type", obj.get("@type")) if isinstance(obj, dict) else None
    values = value if isinstance(value, list) else [value]
    return {v for v in values if isinstance(v, str)}


def _listed(value: Any) -> list[Any]:
    return [] if value is None else value if isinstance(value, list) else [value]


def _has_context(obj: dict[str, Any]) -> bool:
    return CONTEXT in _listed(obj.get("@context"))


def _annotations(data: Any) -> list[Any]:
    if not isinstance(data, dict) or not _has_context(data):
        raise _Invalid(f"it is not a W3C Web Annotation file (no \"@context\": \"{CONTEXT}\")")
    kinds = _types(data)
    if "Annotation" in kinds:
        return [data]
    if "AnnotationPage" in kinds:
        return _listed(data.get("items"))
    if "AnnotationCollection" not in kinds:
        raise _Invalid("the top level is not an AnnotationCollection, AnnotationPage or "
                       "Annotation")
    found: list[Any] = []
    page = data.get("first")
    while page is not None:
        if not isinstance(page, dict):
            raise _Invalid("its pages are not included in the file (only self-contained "
                           "collections can be imported)")
        found += _listed(page.get("items"))
        page = page.get("next")
    return found


def _text(obj: dict[str, Any], key: str, what: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str):
        raise _Invalid(f"{what} is missing or not text")
    return value


def _time(obj: dict[str, Any], key: str, fallback: str | None = None) -> str:
    value = obj.get(key, fallback)
    if not isinstance(value, str):
        raise _Invalid(f"'{key}' is missing or not a date-time")
    try:
        moment = parse_time(value)
    except ValueError as exc:
        raise _Invalid(f"'{key}' is not an ISO 8601 date-time: {value!r}") from exc
    if moment.tzinfo is None:
        raise _Invalid(f"'{key}' has no time zone: {value!r}")
    return value if value.endswith("Z") and len(value) == 24 else format_time(moment)


def _source(target: dict[str, Any]) -> tuple[str, int | None, str | None]:
    """Document id, version and a fragment (``#actie-...``) from a target's source."""
    source = target.get("source")
    iris = [source] if isinstance(source, str) else (
        [source.get("canonical"), source.get("id")] if isinstance(source, dict) else [])
    version = None
    if isinstance(source, dict) and isinstance(source.get("id"), str):
        matched = _VERSION.match(source["id"].partition("#")[0])
        version = int(matched.group(2)) if matched else None
    for iri in iris:
        if isinstance(iri, str) and iri.startswith(DOC_PREFIX):
            base, _, fragment = iri[len(DOC_PREFIX):].partition("#")
            doc_id = _VERSION.sub(r"\1", base)
            if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", doc_id):
                return doc_id, version, fragment or None
    raise _Invalid(f"the target's source is not a Briefing Reader document "
                   f"({DOC_PREFIX}<id>)")


def _hashes(target: dict[str, Any]) -> tuple[str, str]:
    doc_hash = plain_hash = ""
    for state in _listed(target.get("state")):
        for cached in _listed(state.get("cached") if isinstance(state, dict) else None):
            matched = _NI.match(cached) if isinstance(cached, str) else None
            if matched:
                hex_hash = base64.urlsafe_b64decode(matched.group(1) + "=").hex()
                if matched.group(2) == "text/plain":
                    plain_hash = hex_hash
                else:
                    doc_hash = hex_hash
    return doc_hash, plain_hash


def _selectors(target: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for selector in _listed(target.get("selector")):
        for kind in _types(selector):
            found.setdefault(kind, selector)
    return found


def _bodies(annotation: dict[str, Any]) -> list[dict[str, Any]]:
    bodies = _listed(annotation.get("body"))
    if "bodyValue" in annotation:
        bodies.append({"type": "TextualBody", "value": annotation["bodyValue"],
                       "purpose": "commenting"})
    if not all(isinstance(b, dict) for b in bodies):
        raise _Invalid("a body is not an object (only embedded bodies can be imported)")
    return bodies


def _purposed(bodies: list[dict[str, Any]], purpose: str) -> list[str]:
    values = []
    for body in bodies:
        if purpose in _listed(body.get("purpose")) and "TextualBody" in _types(body):
            values.append(_text(body, "value", f"a {purpose} body's value"))
    return values


def _colour(annotation: dict[str, Any], target: dict[str, Any]) -> str:
    style = target.get("styleClass")
    if not isinstance(style, str) or not style:
        return "geel"
    if style in COLOURS:
        return style
    if re.fullmatch(r"kleur-[0-9a-fA-F]{6}", style):
        return "#" + style[6:].lower()
    sheet = annotation.get("stylesheet")
    value = sheet.get("value", "") if isinstance(sheet, dict) else ""
    matched = re.search(re.escape(f".{style}") + r"\s*\{[^}]*background(?:-color)?:\s*"
                        r"(#[0-9a-fA-F]{6})", value if isinstance(value, str) else "")
    return matched.group(1).lower() if matched else "geel"


def _anchor(target: dict[str, Any], library: Library | None) -> TextAnchor:
    doc_id, version, _fragment = _source(target)
    doc_hash, plain_hash = _hashes(target)
    selectors = _selectors(target)
    quote_json = selectors.get("TextQuoteSelector")
    if quote_json is None:
        raise _Invalid("the target has no TextQuoteSelector")
    quote = TextQuoteSelector(_text(quote_json, "exact", "the quote ('exact')"),
                              str(quote_json.get("prefix") or ""),
                              str(quote_json.get("suffix") or ""))
    doc = library.get(doc_id) if library is not None else None
    position_json = selectors.get("TextPositionSelector")
    if position_json is not None:
        start, end = position_json.get("start"), position_json.get("end")
        if not (type(start) is int and type(end) is int and 0 <= start <= end):
            raise _Invalid("the TextPositionSelector needs whole numbers 0 <= start <= end")
        position = TextPositionSelector(start, end)
    else:
        found = find_quote(doc.plain_text, quote.exact) if doc else []
        if len(found) != 1:
            raise _Invalid("the target has no TextPositionSelector and the quote cannot be "
                           "placed in the document")
        position = TextPositionSelector(found[0], found[0] + len(quote.exact))
    anchor = TextAnchor(doc_id, version, doc_hash, plain_hash, quote, position, None)
    if doc is not None:
        located = locate(doc.plain_text, anchor)
        if located is not None:
            anchor = TextAnchor(doc_id, version, doc_hash,
                                plain_hash or (text_hash(doc.plain_text)
                                               if located == position else ""),
                                quote, position, place_at(doc, located.start))
    try:
        rows.check_anchor(anchor)
    except NotesError as exc:
        raise _Invalid(exc.reason) from exc
    return anchor


def _parse(annotation: Any, label: str, library: Library | None) -> _Incoming:
    if not isinstance(annotation, dict) or "Annotation" not in _types(annotation):
        raise _Invalid("it is not an object of type Annotation")
    raw_id = annotation.get("id")
    if not isinstance(raw_id, str) or not raw_id.startswith("urn:uuid:"):
        raise _Invalid("its id is not a urn:uuid: identifier")
    try:
        item_id = str(uuid.UUID(raw_id[len("urn:uuid:"):]))
    except ValueError as exc:
        raise _Invalid(f"its id is not a valid UUID: {raw_id}") from exc
    created = _time(annotation, "created")
    modified = _time(annotation, "modified", created)
    creator = _listed(annotation.get("creator"))
    name = creator[0].get("name") if creator and isinstance(creator[0], dict) else None
    author = " ".join(name.split())[:200] if isinstance(name, str) and name.strip() \
        else settings.FALLBACK_AUTHOR
    targets = _listed(annotation.get("target"))
    if len(targets) != 1 or not isinstance(targets[0], dict):
        raise _Invalid("it needs exactly one target naming a place in a document")
    target = targets[0]
    bodies = _bodies(annotation)
    motivations = set(_listed(annotation.get("motivation")))
    common = {"id": item_id, "author": author, "created": created, "modified": modified,
              "imported_from": label}
    tags = rows.check_tags(_purposed(bodies, "tagging"))
    selectors = _selectors(target)
    doc_id, version, fragment = _source(target)
    if "bookmarking" in motivations:
        anchor = _anchor(target, library)
        names = _purposed(bodies, "describing") or _purposed(bodies, "bookmarking")
        bookmark_name = rows.check_name(names[0] if names else anchor.quote.exact[:64])
        return _Incoming("bookmark", item_id, modified, {**common, "anchor": anchor,
                                                         "name": bookmark_name})
    fragment_json = selectors.get("FragmentSelector")
    if fragment_json is not None or (fragment and "TextQuoteSelector" not in selectors):
        action_id = fragment_json.get("value") if fragment_json else fragment
        if not isinstance(action_id, str) or not action_id.strip():
            raise _Invalid("the FragmentSelector has no action id")
        action_id = action_id.lstrip("#")
        stances = _purposed(bodies, "classifying")
        priorities = [str(b.get("source", ""))[len(PRIORITY_PREFIX):] for b in bodies
                      if str(b.get("source", "")).startswith(PRIORITY_PREFIX)]
        notes = _purposed(bodies, "commenting")
        doc = library.get(doc_id) if library is not None else None
        node = doc.node(action_id) if doc else None
        quote = selectors.get("TextQuoteSelector", {}).get("exact")
        return _Incoming("action", item_id, modified, {
            **common, "doc_id": doc_id, "action_id": action_id, "doc_version": version,
            "doc_hash": _hashes(target)[0],
            "stance": rows.check_text(stances[0], "stance", rows.MAX_SHORT) if stances else None,
            "priority": rows.check_priority(priorities[0] if priorities else None),
            "note": rows.check_text("\n\n".join(notes), "note"),
            "questions": rows.check_questions(_purposed(bodies, "questioning")),
            "tags": tags, "action_title": node.title if node else "",
            "action_text": quote if isinstance(quote, str) else (
                doc.text(node) if doc and node else "")})
    anchor = _anchor(target, library)
    note = rows.check_text("\n\n".join(_purposed(bodies, "commenting")), "note")
    return _Incoming("highlight", item_id, modified, {
        **common, "anchor": anchor, "colour": rows.check_colour(_colour(annotation, target)),
        "note": note, "tags": tags, "motivation": "commenting" if note.strip()
        else "highlighting"})


def read_jsonld(path: Path | str, library: Library | None = None) -> list[_Incoming]:
    """Read and check a Web Annotation file; nothing is written.

    Raises:
        ExchangeError: naming the file and, for a bad annotation, which one and why.
    """
    path = Path(path)
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise ExchangeError("is larger than 50 MB", path)
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        raise ExchangeError(f"cannot be read ({exc.strerror or exc})", path) from exc
    except UnicodeDecodeError as exc:
        raise ExchangeError("is not UTF-8 text", path) from exc
    except json.JSONDecodeError as exc:
        raise ExchangeError(f"is not valid JSON (line {exc.lineno}, column {exc.colno}: "
                            f"{exc.msg})", path) from exc
    try:
        annotations = _annotations(data)
    except _Invalid as exc:
        raise ExchangeError(str(exc), path) from exc
    parsed: list[_Incoming] = []
    seen: set[str] = set()
    for number, annotation in enumerate(annotations, start=1):
        raw_id = annotation.get("id") if isinstance(annotation, dict) else None
        which = f"annotation {number}" + (f" ({raw_id})" if isinstance(raw_id, str) else "")
        try:
            incoming = _parse(annotation, path.name, library)
        except (_Invalid, NotesError) as exc:
            reason = exc.reason if isinstance(exc, NotesError) else str(exc)
            raise ExchangeError(f"{which}: {reason}; nothing was imported", path) from exc
        if incoming.id in seen:
            raise ExchangeError(f"{which}: the id occurs twice; nothing was imported", path)
        seen.add(incoming.id)
        parsed.append(incoming)
    return parsed


_TABLE = {"action": "action_notes", "highlight": "highlights", "bookmark": "bookmarks"}


def _columns(incoming: _Incoming) -> dict[str, Any]:
    values = dict(incoming.values)
    anchor: TextAnchor | None = values.pop("anchor", None)
    if anchor is not None:
        values.update(doc_id=anchor.doc_id, place=anchor.place,
                      selectors=rows.selectors_json(anchor), doc_version=anchor.doc_version,
                      doc_hash=anchor.doc_hash, text_hash=anchor.text_hash)
    for key in ("questions", "tags"):
        if key in values:
            values[key] = rows.json_list(values[key])
    return values


def _write(conn: sqlite3.Connection, incoming: Iterable[_Incoming],
           report: ImportReport) -> None:
    for item in incoming:
        table = _TABLE[item.kind]
        found = trash_mod.find(conn, item.id)
        values = _columns(item)
        if found is None:
            if item.kind == "bookmark":
                last = conn.execute("SELECT MAX(position) FROM bookmarks").fetchone()[0]
                values["position"] = (last or 0) + 1
            names = ", ".join(f'"{k}"' for k in values)
            conn.execute(f"INSERT INTO {table} ({names}) VALUES "
                         f"({', '.join('?' for _ in values)})", tuple(values.values()))
            report.added += 1
            continue
        kind, deleted_at = found
        row = conn.execute(f"SELECT imported_from, modified FROM {_TABLE[kind]} WHERE id = ?",
                           (item.id,)).fetchone()
        if kind != item.kind:
            report.skipped.append(f"{item.id}: already used by a {kind}")
        elif row["imported_from"] is None:
            report.kept_mine += 1
        elif deleted_at is not None or parse_time(row["modified"]) >= parse_time(item.modified):
            report.unchanged += 1
        else:
            values.pop("id")
            values.pop("created")
            sets = ", ".join(f'"{k}" = ?' for k in values)
            conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*values.values(), item.id))
            report.updated += 1


def import_jsonld(store: NotesStore, path: Path | str,
                  library: Library | None = None) -> ImportReport:
    """Merge a colleague's Web Annotation file into the store, all or nothing.

    Args:
        store: the notes store (writable).
        path: the JSON-LD file.
        library: the loaded documents, to fill in places and action titles.

    Raises:
        ExchangeError: the file is invalid (nothing imported).
        NotesError: the store could not be written (nothing imported).
    """
    incoming = read_jsonld(path, library)
    report = ImportReport()
    # The store has no bulk-insert method; use its write discipline (one
    # BEGIN IMMEDIATE transaction, rolled back on any error) directly.
    store._db.write(lambda conn: _write(conn, incoming, report))
    return report
