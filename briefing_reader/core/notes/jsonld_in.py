"""JSON-LD in: reading W3C Web Annotation files, bounded and checked.

:func:`read_jsonld` reads a file and checks every annotation; nothing is
written (``NotesStore.merge_notes`` does that, all or nothing). Before the
JSON is parsed the file is bounded: its size (:data:`MAX_IMPORT_BYTES`), the
depth of its nesting (:data:`MAX_DEPTH`, counted on the raw bytes) and lone
UTF-16 surrogates (``\\ud800``, which no text can store). Any problem is an
:class:`ExchangeError` naming the file, the annotation and the reason.
"""

from __future__ import annotations

import base64
import itertools
import json
import re
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_reader.core.notes import rows, settings
from briefing_reader.core.notes.anchors import find_quote, locate, place_at, text_hash
from briefing_reader.core.notes.errors import ExchangeError, NotesError
from briefing_reader.core.notes.jsonld_out import CONTEXT, DOC_PREFIX, PRIORITY_PREFIX
from briefing_reader.core.notes.merging import Incoming
from briefing_reader.core.notes.model import (
    COLOURS,
    TextAnchor,
    TextPositionSelector,
    TextQuoteSelector,
    format_time,
    parse_time,
)

if TYPE_CHECKING:
    from briefing_reader.core.content import Library

MAX_IMPORT_BYTES = 256 * 1024 * 1024
#: Deepest nesting of objects and arrays accepted (an export is 7 deep).
MAX_DEPTH = 64
_VERSION = re.compile(r"^(.*):v(\d+)$")
_NI = re.compile(r"^ni:///sha-256;([A-Za-z0-9_-]{43})\?ct=(text/plain|text/markdown)$")
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(rb"[^\[\]{}]+")
_STEP = [0] * 256
_STEP[ord("[")] = _STEP[ord("{")] = 1
_STEP[ord("]")] = _STEP[ord("}")] = -1
_LONE_SURROGATE = re.compile(
    rb"(?<!\\)(?:\\\\)*\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    rb"|(?<![dD][89abAB][0-9a-fA-F]{2})(?<!\\)(?:\\\\)*\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def json_depth(raw: bytes) -> int:
    """How deeply arrays and objects nest in ``raw`` (strings skipped), without parsing."""
    brackets = _NOT_BRACKET.sub(b"", _STRING.sub(b"", raw))
    return max(itertools.accumulate(map(_STEP.__getitem__, brackets)), default=0)


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def load_json(path: Path, raw: bytes) -> Any:
    """Parse ``raw`` once it is within the bounds; raises ExchangeError naming ``path``."""
    if len(raw) > MAX_IMPORT_BYTES:
        raise ExchangeError(f"is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB", path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExchangeError(f"is not UTF-8 text (byte {exc.start})", path) from exc
    depth = json_depth(raw)
    if depth > MAX_DEPTH:
        raise ExchangeError(f"is nested {depth} levels deep; notes files may nest at most "
                            f"{MAX_DEPTH}", path)
    lone = _LONE_SURROGATE.search(raw)
    if lone is not None:
        raise ExchangeError(f"holds a lone surrogate {lone.group().decode()[-6:]} on line "
                            f"{_line_of(raw, lone.start())}, which is not text", path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExchangeError(f"is not valid JSON (line {exc.lineno}, column {exc.colno}: "
                            f"{exc.msg})", path) from exc
    except (ValueError, RecursionError) as exc:  # e.g. a number too long to convert
        raise ExchangeError(f"is not valid JSON ({exc})", path) from exc


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


def _parse(annotation: Any, label: str, library: Library | None) -> Incoming:
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
        return Incoming("bookmark", item_id, modified, {**common, "anchor": anchor,
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
        return Incoming("action", item_id, modified, {
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
    return Incoming("highlight", item_id, modified, {
        **common, "anchor": anchor, "colour": rows.check_colour(_colour(annotation, target)),
        "note": note, "tags": tags, "motivation": "commenting" if note.strip()
        else "highlighting"})


#: Errors an odd value can still cause deep in the checks (a type where another
#: was expected); they are reported like any other reason, never as a traceback.
_ODD_VALUE = (TypeError, ValueError, AttributeError, KeyError, IndexError, UnicodeError,
              OverflowError)


def read_jsonld(path: Path | str, library: Library | None = None, *,
                progress: Callable[[int, int], None] | None = None) -> list[Incoming]:
    """Read and check a Web Annotation file; nothing is written.

    Raises:
        ExchangeError: naming the file and, for a bad annotation, which one and why.
    """
    path = Path(path)
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise ExchangeError(f"is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB", path)
        raw = path.read_bytes()
    except OSError as exc:
        raise ExchangeError(f"cannot be read ({exc.strerror or exc})", path) from exc
    data = load_json(path, raw)
    try:
        annotations = _annotations(data)
    except _Invalid as exc:
        raise ExchangeError(str(exc), path) from exc
    parsed: list[Incoming] = []
    seen: set[str] = set()
    for number, annotation in enumerate(annotations, start=1):
        if progress is not None and number % 500 == 0:
            progress(number, len(annotations))
        raw_id = annotation.get("id") if isinstance(annotation, dict) else None
        which = f"annotation {number}" + (f" ({raw_id[:200]})" if isinstance(raw_id, str)
                                          else "")
        try:
            incoming = _parse(annotation, path.name, library)
        except (_Invalid, NotesError) as exc:
            reason = exc.reason if isinstance(exc, NotesError) else str(exc)
            raise ExchangeError(f"{which}: {reason}; nothing was imported", path) from exc
        except _ODD_VALUE as exc:
            raise ExchangeError(f"{which}: a value has an unexpected form ({exc}); nothing "
                                "was imported", path) from exc
        if incoming.id in seen:
            raise ExchangeError(f"{which}: the id occurs twice; nothing was imported", path)
        seen.add(incoming.id)
        parsed.append(incoming)
    return parsed
