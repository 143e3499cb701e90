"""JSON-LD in: reading W3C Web Annotation files, bounded and checked.

:func:`read_jsonld` reads a file and checks every annotation; nothing is
written (``NotesStore.merge_notes`` does that, all or nothing). Before the
JSON is parsed the file is bounded (:mod:`json_bounds`: size, depth, lone
surrogates). Any problem is an :class:`ExchangeError` naming the file, the
annotation and the reason.
"""

from __future__ import annotations

import base64
import bisect
import datetime as dt
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_reader.core.content.model import ACTION_KINDS
from briefing_reader.core.messages import Message, message
from briefing_reader.core.notes import json_bounds, settings, validation
from briefing_reader.core.notes.anchors import (
    anchor_place,
    find_quote,
    locate,
    place_at,
    text_hash,
)
from briefing_reader.core.notes.errors import ExchangeError, NotesError
from briefing_reader.core.notes.html_text import html_to_markdown
from briefing_reader.core.notes.json_bounds import load_json
from briefing_reader.core.notes.jsonld_out import CONTEXT, DOC_PREFIX, PRIORITY_PREFIX
from briefing_reader.core.notes.merging import Incoming
from briefing_reader.core.notes.model import (
    COLOURS,
    Motivation,
    NoteKind,
    TextAnchor,
    TextPositionSelector,
    TextQuoteSelector,
    format_time,
    parse_time,
)

if TYPE_CHECKING:
    from briefing_reader.core.content import Document, Library, OutlineNode

_VERSION = re.compile(r"^(.*):v(\d+)$")
_NI = re.compile(r"^ni:///sha-256;([A-Za-z0-9_-]{43})\?ct=(text/plain|text/markdown)$")


class _Invalid(Exception):
    """Why one annotation (or the file's frame) is refused; ``message`` words it."""

    def __init__(self, said: Message) -> None:
        self.message = said
        super().__init__(str(said))


def _types(obj: Any) -> set[str]:
    value = obj.get("type", obj.get("@type")) if isinstance(obj, dict) else None
    values = value if isinstance(value, list) else [value]
    return {v for v in values if isinstance(v, str)}


def _listed(value: Any) -> list[Any]:
    return [] if value is None else value if isinstance(value, list) else [value]


def _strings(value: Any) -> list[str]:
    return [v for v in _listed(value) if isinstance(v, str)]


def _has_context(obj: dict[str, Any]) -> bool:
    return CONTEXT in _strings(obj.get("@context"))


def _is_hypothesis(obj: Any) -> bool:
    """An annotation as the Hypothesis API gives it (no JSON-LD type)."""
    return (
        isinstance(obj, dict)
        and "type" not in obj
        and isinstance(obj.get("target"), list)
        and ("uri" in obj or "user" in obj)
    )


def _annotations(data: Any) -> list[Any]:
    """The annotations of a file: a collection, a page, one annotation, a JSON
    array of them (Recogito, Annotorious) or a Hypothesis search result."""
    if isinstance(data, list):
        return data
    rows = data.get("rows") if isinstance(data, dict) and "type" not in data else None
    if isinstance(rows, list):
        return rows
    if _is_hypothesis(data):
        return [data]
    if not isinstance(data, dict) or not (_has_context(data) or "Annotation" in _types(data)):
        raise _Invalid(message("exchange.not_w3c", context=CONTEXT))
    kinds = _types(data)
    if "Annotation" in kinds:
        return [data]
    if "AnnotationPage" in kinds:
        return _listed(data.get("items"))
    if "AnnotationCollection" not in kinds:
        raise _Invalid(message("exchange.top_level"))
    found: list[Any] = []
    page = data.get("first")
    while page is not None:
        if not isinstance(page, dict):
            raise _Invalid(message("exchange.pages_outside"))
        found += _listed(page.get("items"))
        page = page.get("next")
    return found


def _text(obj: dict[str, Any], key: str, what: str | Message) -> str:
    value = obj.get(key)
    if not isinstance(value, str):
        raise _Invalid(message("exchange.missing_text", what=what))
    return value


def _time(obj: dict[str, Any], keys: tuple[str, ...], fallback: str) -> str:
    key = next((k for k in keys if k in obj), None)
    if key is None:
        return fallback
    value = obj[key]
    if not isinstance(value, str):
        raise _Invalid(message("exchange.not_datetime", key=key))
    try:
        moment = parse_time(value)
    except ValueError as exc:
        raise _Invalid(message("exchange.not_iso_time", key=key, value=repr(value[:60]))) from exc
    if moment.tzinfo is None:
        raise _Invalid(message("exchange.no_time_zone", key=key, value=repr(value[:60])))
    return value if value.endswith("Z") and len(value) == 24 else format_time(moment)


# --- ids, authors, bodies ------------------------------------------------------


_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")


def _ids(annotation: dict[str, Any]) -> tuple[str, str | None]:
    """Our id for an annotation and the original id when it is not ours.

    A ``urn:uuid:`` id is used as it is; any other IRI (Hypothesis, the W3C
    examples, other tools) gets a UUID derived from it, so the same
    annotation imported twice has the same id here.
    """
    raw_id = annotation.get("id")
    if (
        _is_hypothesis(annotation)
        and isinstance(raw_id, str)
        and re.fullmatch(r"[A-Za-z0-9_-]{1,64}", raw_id)
    ):
        raw_id = f"https://hypothes.is/a/{raw_id}"
    if not isinstance(raw_id, str) or not _IRI.match(raw_id) or len(raw_id) > 2000:
        raise _Invalid(message("exchange.bad_id"))
    if raw_id.lower().startswith("urn:uuid:"):
        try:
            return str(uuid.UUID(raw_id[len("urn:uuid:") :])), None
        except ValueError as exc:
            raise _Invalid(message("exchange.bad_uuid", id=raw_id[:80])) from exc
    return str(uuid.uuid5(uuid.NAMESPACE_URL, raw_id)), raw_id


def _creator(annotation: dict[str, Any]) -> tuple[str, str | None]:
    """The author's name and, when given, their id (an IRI)."""
    if _is_hypothesis(annotation):
        info = annotation.get("user_info")
        name = info.get("display_name") if isinstance(info, dict) else None
        user = annotation.get("user")
        if not isinstance(name, str) and isinstance(user, str):
            name = user.removeprefix("acct:").partition("@")[0]
        return _clean_name(name), user if isinstance(user, str) else None
    creators = _listed(annotation.get("creator"))
    first = creators[0] if creators else None
    if isinstance(first, str):
        return settings.FALLBACK_AUTHOR, first if _IRI.match(first) else None
    if not isinstance(first, dict):
        return settings.FALLBACK_AUTHOR, None
    names = _strings(first.get("name")) or _strings(first.get("nickname"))
    creator_id = first.get("id")
    return (
        _clean_name(names[0] if names else None),
        creator_id if isinstance(creator_id, str) and _IRI.match(creator_id) else None,
    )


def _clean_name(name: Any) -> str:
    if isinstance(name, str) and name.strip():
        return " ".join(name.split())[:200]
    return settings.FALLBACK_AUTHOR


def _bodies(annotation: dict[str, Any]) -> list[dict[str, Any]]:
    """Every body as an object; a body IRI becomes a comment linking to it."""
    bodies: list[dict[str, Any]] = []
    for body in _listed(annotation.get("body")):
        if isinstance(body, str):
            if not _IRI.match(body):
                raise _Invalid(message("exchange.bad_body"))
            bodies.append({"type": "TextualBody", "value": f"<{body}>", "format": "text/markdown"})
        elif isinstance(body, dict):
            bodies += (
                [body]
                if "Choice" not in _types(body)
                else [item for item in _listed(body.get("items"))[:1] if isinstance(item, dict)]
            )
        else:
            raise _Invalid(message("exchange.bad_body"))
    if "bodyValue" in annotation:
        bodies.append(
            {"type": "TextualBody", "value": _text(annotation, "bodyValue", "'bodyValue'")}
        )
    if (
        _is_hypothesis(annotation)
        and isinstance(annotation.get("text"), str)
        and annotation["text"].strip()
    ):
        bodies.append(
            {
                "type": "TextualBody",
                "value": annotation["text"],
                "format": "text/markdown",
                "purpose": Motivation.COMMENTING,
            }
        )
    if _is_hypothesis(annotation):
        bodies += [
            {"type": "TextualBody", "value": tag, "purpose": Motivation.TAGGING}
            for tag in _strings(annotation.get("tags"))
        ]
    return bodies


def _body_text(body: dict[str, Any]) -> str:
    """A textual body's value as markdown (HTML converted, nothing fetched)."""
    value = _text(body, "value", message("exchange.what_body_value"))
    formats = _strings(body.get("format"))
    if "text/html" in formats or "application/xhtml+xml" in formats:
        return html_to_markdown(value)
    return value


def _textual(body: dict[str, Any]) -> bool:
    kinds = _types(body)
    return "TextualBody" in kinds or (not kinds and "value" in body)


def _purposed(bodies: list[dict[str, Any]], purpose: str) -> list[str]:
    """Texts of the textual bodies with this purpose; a body without purpose
    is a comment (as in Hypothesis and the W3C model's examples)."""
    values = []
    for body in bodies:
        purposes = _strings(body.get("purpose"))
        if (
            purpose in purposes or (purpose == Motivation.COMMENTING and not purposes)
        ) and _textual(body):
            values.append(_body_text(body))
    return values


def _language(bodies: list[dict[str, Any]]) -> str:
    for body in bodies:
        languages = _strings(body.get("language"))
        if languages and re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", languages[0]):
            return languages[0]
    return ""


# --- targets -------------------------------------------------------------------


_PUBLICATION = re.compile(
    r"^(kst|stb|stcrt|blg|ah-tk|ah-ek|h-tk|h-ek|trb|gmb|prb|wsb)"
    r"-[0-9a-z-]+$"
)
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True)
class _Target:
    doc_id: str
    version: int | None
    fragment: str | None
    spec: dict[str, Any]  # the target object ({} for a bare IRI)


def _document(iri: str, library: Library | None) -> tuple[str, int | None, str | None] | None:
    """The document an IRI names: one of ours, or an official publication by its id."""
    if iri.startswith(DOC_PREFIX):
        base, _, fragment = iri[len(DOC_PREFIX) :].partition("#")
        matched = _VERSION.match(base)
        doc_id = matched.group(1) if matched else base
        if _ID.match(doc_id):
            return doc_id, int(matched.group(2)) if matched else None, fragment or None
        return None
    base, _, fragment = iri.partition("#")
    last = base.split("?")[0].rstrip("/").rpartition("/")[2]
    stem = re.sub(r"\.(html?|xml|pdf)$", "", last, flags=re.IGNORECASE)
    known = library is not None and library.get(stem) is not None
    if stem and (known or _PUBLICATION.match(stem)) and "/" in base:
        return stem, None, fragment or None
    return None


def _target(raw: Any, library: Library | None) -> _Target:
    spec: dict[str, Any] = raw if isinstance(raw, dict) else {}
    if isinstance(raw, str):
        sources: list[Any] = [raw]
    elif isinstance(raw, dict):
        source = raw.get("source")
        sources = (
            [source.get("canonical"), source.get("id")]
            if isinstance(source, dict)
            else [source]
            if source is not None
            else [raw.get("id")]
        )
    else:
        raise _Invalid(message("exchange.bad_target"))
    version = None
    source = spec.get("source")
    if isinstance(source, dict) and isinstance(source.get("id"), str):
        matched = _VERSION.match(source["id"].partition("#")[0])
        version = int(matched.group(2)) if matched else None
    for iri in sources:
        found = _document(iri, library) if isinstance(iri, str) else None
        if found is not None:
            return _Target(found[0], version if version is not None else found[1], found[2], spec)
    named = next((iri for iri in sources if isinstance(iri, str)), "")
    raise _Invalid(
        message(
            "exchange.unknown_target",
            named=named[:120] or message("exchange.no_source"),
            prefix=DOC_PREFIX,
        )
    )


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
    matched = re.search(
        re.escape(f".{style}") + r"\s*\{[^}]*background(?:-color)?:\s*"
        r"(#[0-9a-fA-F]{6})",
        value if isinstance(value, str) else "",
    )
    return matched.group(1).lower() if matched else "geel"


def _position(selectors: dict[str, dict[str, Any]]) -> TextPositionSelector | None:
    position_json = selectors.get("TextPositionSelector")
    if position_json is None:
        return None
    start, end = position_json.get("start"), position_json.get("end")
    if not (type(start) is int and type(end) is int and 0 <= start <= end):
        raise _Invalid(message("exchange.bad_position"))
    return TextPositionSelector(start, end)


def _by_context(text: str, quote: TextQuoteSelector) -> int | None:
    """Where a quote without a position stands: the only occurrence, or the
    only one whose prefix and suffix match."""
    found = find_quote(text, quote.exact)
    if len(found) > 1:
        found = [
            at
            for at in found
            if text.endswith(quote.prefix, 0, at)
            and text.startswith(quote.suffix, at + len(quote.exact))
        ]
    return found[0] if len(found) == 1 else None


def _text_anchor(target: _Target, doc: _Doc | None) -> TextAnchor:
    """The anchor of a quote or position target (``doc`` None: not in the library)."""
    selectors = _selectors(target.spec)
    doc_hash, plain_hash = _hashes(target.spec)
    quote_json = selectors.get("TextQuoteSelector")
    position = _position(selectors)
    if quote_json is not None:
        quote = TextQuoteSelector(
            _text(quote_json, "exact", message("exchange.what_exact")),
            *(
                v if isinstance(v, str) else ""
                for v in (quote_json.get("prefix"), quote_json.get("suffix"))
            ),
        )
    elif position is not None and doc is not None:
        quote = TextQuoteSelector(doc.plain_text[position.start : position.end])
    else:
        raise _Invalid(message("exchange.no_quote"))
    if position is None:
        at = _by_context(doc.plain_text, quote) if doc is not None else 0
        if at is None:
            raise _Invalid(message("exchange.quote_unplaced"))
        position = TextPositionSelector(at, at + len(quote.exact))
    if doc is None:
        # Not in the library: no hash, so re-anchoring places it when it arrives.
        anchor = TextAnchor(target.doc_id, target.version, "", "", quote, position, None)
    else:
        anchor = TextAnchor(
            target.doc_id, target.version, doc_hash, plain_hash, quote, position, None
        )
        located = locate(doc.plain_text, anchor)
        if located is not None and not doc_hash:
            # From another tool (its positions count in its own text): placed here.
            anchor = TextAnchor(
                target.doc_id,
                target.version or doc.meta.version,
                doc.source_hash,
                doc.text_hash(),
                quote,
                located,
                doc.place_at(located.start),
            )
        elif located is not None:
            anchor = TextAnchor(
                target.doc_id,
                target.version,
                doc_hash,
                plain_hash or (doc.text_hash() if located == position else ""),
                quote,
                position,
                doc.place_at(located.start),
            )
        elif not doc_hash or doc_hash == doc.source_hash:
            # Made on this very text (or on text of unknown version, such as a web
            # page): a quote that is not there cannot be placed. Notes on another
            # version are kept; re-anchoring places them.
            raise _Invalid(message("exchange.quote_absent"))
    try:
        validation.check_anchor(anchor)
    except NotesError as exc:
        raise _Invalid(exc.message) from exc
    return anchor


def _with_place(anchor: TextAnchor, place: str) -> TextAnchor:
    return TextAnchor(
        anchor.doc_id,
        anchor.doc_version,
        anchor.doc_hash,
        anchor.text_hash,
        anchor.quote,
        anchor.position,
        place,
    )


def _place_anchor(doc: _Doc, place: str | None) -> TextAnchor:
    try:
        return anchor_place(doc.doc, place)[0]
    except NotesError as exc:
        raise _Invalid(exc.message) from exc


# --- one annotation ----------------------------------------------------------


class _Doc:
    """A document with what checking thousands of annotations on it asks again
    and again (its plain text, outline ids, places by block) worked out once."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.meta = doc.meta
        self.source_hash = doc.source_hash
        self.plain_text = doc.plain_text
        self._nodes = {node.id: node for node in doc.outline.walk()}
        self._anchors: set[str] | None = None
        self._hash = ""
        self._places: dict[int, str | None] = {}
        texts = [i for i, block in enumerate(doc.blocks) if block.text]
        self._starts = [doc.blocks[i].start for i in texts]
        self._indexes = texts

    def node(self, node_id: str) -> OutlineNode | None:
        return self._nodes.get(node_id)

    def anchors(self) -> set[str]:
        if self._anchors is None:
            self._anchors = self.doc.anchors()
        return self._anchors

    def text_hash(self) -> str:
        self._hash = self._hash or text_hash(self.plain_text)
        return self._hash

    def place_at(self, offset: int) -> str | None:
        """As :func:`anchors.place_at`, by bisection and once per block."""
        if not self._starts:
            return place_at(self.doc, offset)
        block = self._indexes[max(0, bisect.bisect_right(self._starts, offset) - 1)]
        if block not in self._places:
            self._places[block] = place_at(self.doc, self.doc.blocks[block].start)
        return self._places[block]


@dataclass
class _Context:
    label: str
    library: Library | None
    fallback_time: str
    docs: dict[str, _Doc | None] = field(default_factory=dict)

    def document(self, doc_id: str) -> _Doc | None:
        if doc_id not in self.docs:
            found = self.library.get(doc_id) if self.library is not None else None
            self.docs[doc_id] = _Doc(found) if found is not None else None
        return self.docs[doc_id]


def _fragment(target: _Target) -> str | None:
    fragment_json = _selectors(target.spec).get("FragmentSelector")
    value = fragment_json.get("value") if fragment_json is not None else target.fragment
    if fragment_json is not None and not isinstance(value, str):
        raise _Invalid(message("exchange.fragment_no_value"))
    return value.lstrip("#").strip() if isinstance(value, str) else None


def _kind(target: _Target, doc: _Doc | None, motivations: set[str]) -> str:
    """action, section, text or document: what the target points at."""
    selectors = _selectors(target.spec)
    fragment = _fragment(target)
    placed = "TextQuoteSelector" in selectors or "TextPositionSelector" in selectors
    if fragment is not None and Motivation.BOOKMARKING not in motivations:
        node = doc.node(fragment) if doc is not None else None
        if node is not None and node.kind in ACTION_KINDS:
            return "action"
        if doc is None and not placed and _ID.match(fragment) and fragment.startswith("actie-"):
            return "action"
    if placed:
        return "text"
    if fragment is not None:
        if doc is not None and fragment in doc.anchors():
            return "section"
        code = (
            "exchange.fragment_unknown" if doc is not None else "exchange.fragment_unknown_missing"
        )
        raise _Invalid(message(code, fragment=fragment[:80], doc=target.doc_id))
    other = sorted(set(selectors) - {"FragmentSelector"})
    if other:
        raise _Invalid(message("exchange.unplaceable", selectors=", ".join(other)[:120]))
    if doc is None:
        raise _Invalid(message("exchange.whole_missing", doc=target.doc_id))
    return "document"


def _parse(annotation: Any, context: _Context) -> list[Incoming]:
    """One annotation as one incoming note per target."""
    if not isinstance(annotation, dict):
        raise _Invalid(message("exchange.not_object"))
    if "Annotation" not in _types(annotation) and not _is_hypothesis(annotation):
        raise _Invalid(message("exchange.not_annotation"))
    item_id, original_id = _ids(annotation)
    created = _time(annotation, ("created",), context.fallback_time)
    modified = _time(annotation, ("modified", "updated"), created)
    author, creator_id = _creator(annotation)
    bodies = _bodies(annotation)
    targets = _listed(annotation.get("target"))
    if not targets:
        raise _Invalid(message("exchange.no_target"))
    if len(targets) > 100:
        raise _Invalid(
            message("exchange.too_many_targets", count=str(len(targets)), limit=str(100))
        )
    common = {
        "author": author,
        "created": created,
        "modified": modified,
        "imported_from": context.label,
    }
    meta = {"original_id": original_id, "language": _language(bodies), "creator_id": creator_id}
    found = []
    for number, raw in enumerate(targets, start=1):
        one_id = (
            item_id
            if len(targets) == 1
            else str(
                uuid.uuid5(
                    uuid.NAMESPACE_URL, f"{original_id or 'urn:uuid:' + item_id}#target-{number}"
                )
            )
        )
        try:
            incoming = _one(
                annotation, _target(raw, context.library), bodies, {**common, "id": one_id}, context
            )
        except _Invalid as exc:
            said = exc.message
            if len(targets) > 1:
                said = message("exchange.target_numbered", number=str(number), reason=said)
            raise _Invalid(said) from exc
        found.append(
            Incoming(
                incoming.kind, one_id, modified, incoming.values, meta, incoming.missing_document
            )
        )
    return found


def _one(
    annotation: dict[str, Any],
    target: _Target,
    bodies: list[dict[str, Any]],
    common: dict[str, Any],
    context: _Context,
) -> Incoming:
    library = context.library
    doc = context.document(target.doc_id)
    missing = library is not None and doc is None
    motivations = set(_strings(annotation.get("motivation")))
    if _is_hypothesis(annotation) and not _strings(annotation.get("motivation")):
        motivations = (
            {Motivation.COMMENTING} if annotation.get("text") else {Motivation.HIGHLIGHTING}
        )
    kind = _kind(target, doc, motivations)
    tags = validation.check_tags(_purposed(bodies, Motivation.TAGGING))
    if kind == "action":
        return _action(target, doc, bodies, tags, common, missing)
    if kind == "text":
        anchor = _text_anchor(target, doc)
    else:
        assert doc is not None
        anchor = _place_anchor(doc, _fragment(target) if kind == "section" else None)
    if Motivation.BOOKMARKING in motivations:
        fragment = _fragment(target)
        if doc is not None and fragment and fragment in doc.anchors():
            anchor = _with_place(anchor, fragment)  # the place bookmarked, e.g. an action
        names = _purposed(bodies, Motivation.DESCRIBING) or _purposed(
            bodies, Motivation.BOOKMARKING
        )
        name = validation.check_name(names[0] if names else anchor.quote.exact[:64])
        return Incoming(
            NoteKind.BOOKMARK,
            common["id"],
            common["modified"],
            {**common, "anchor": anchor, "name": name},
            missing_document=missing,
        )
    note = validation.check_text("\n\n".join(_purposed(bodies, Motivation.COMMENTING)), "note")
    return Incoming(
        NoteKind.HIGHLIGHT,
        common["id"],
        common["modified"],
        {
            **common,
            "anchor": anchor,
            "colour": validation.check_colour(_colour(annotation, target.spec)),
            "note": note,
            "tags": tags,
            "motivation": Motivation.COMMENTING if note.strip() else Motivation.HIGHLIGHTING,
        },
        missing_document=missing,
    )


def _action(
    target: _Target,
    doc: _Doc | None,
    bodies: list[dict[str, Any]],
    tags: tuple[str, ...],
    common: dict[str, Any],
    missing: bool,
) -> Incoming:
    action_id = _fragment(target) or ""
    stances = _purposed(bodies, Motivation.CLASSIFYING)
    priorities = [
        b["source"][len(PRIORITY_PREFIX) :]
        for b in bodies
        if isinstance(b.get("source"), str) and b["source"].startswith(PRIORITY_PREFIX)
    ]
    node = doc.node(action_id) if doc is not None else None
    quote = _selectors(target.spec).get("TextQuoteSelector", {}).get("exact")
    return Incoming(
        NoteKind.ACTION,
        common["id"],
        common["modified"],
        {
            **common,
            "doc_id": target.doc_id,
            "action_id": action_id,
            "doc_version": target.version,
            "doc_hash": "" if missing else _hashes(target.spec)[0],
            "stance": validation.check_text(stances[0], "stance", validation.MAX_SHORT)
            if stances
            else None,
            "priority": validation.check_priority(priorities[0] if priorities else None),
            "note": validation.check_text(
                "\n\n".join(_purposed(bodies, Motivation.COMMENTING)), "note"
            ),
            "questions": validation.check_questions(_purposed(bodies, Motivation.QUESTIONING)),
            "tags": tags,
            "action_title": node.title if node else "",
            "action_text": quote
            if isinstance(quote, str)
            else (doc.doc.text(node) if doc and node else ""),
        },
        missing_document=missing,
    )


#: Errors an odd value can still cause deep in the checks (a type where another
#: was expected); they are reported like any other reason, never as a traceback.
_ODD_VALUE = (
    TypeError,
    ValueError,
    AttributeError,
    KeyError,
    IndexError,
    UnicodeError,
    OverflowError,
)


def read_jsonld(
    path: Path | str,
    library: Library | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    label: str | None = None,
) -> list[Incoming]:
    """Read and check a Web Annotation file; nothing is written.

    Raises:
        ExchangeError: naming the file and, for a bad annotation, which one and why.
    """
    path = Path(path)
    try:
        if path.stat().st_size > json_bounds.MAX_IMPORT_BYTES:
            raise ExchangeError(json_bounds.too_large(), path)
        raw = path.read_bytes()
    except OSError as exc:
        raise ExchangeError(
            message("exchange.cannot_read", problem=str(exc.strerror or exc)), path
        ) from exc
    data = load_json(path, raw)
    try:
        annotations = _annotations(data)
    except _Invalid as exc:
        raise ExchangeError(exc.message, path) from exc
    if not annotations:
        raise ExchangeError(message("exchange.no_annotations"), path)
    context = _Context(label or path.name, library, _file_time(path))
    parsed: list[Incoming] = []
    seen: set[str] = set()
    for number, annotation in enumerate(annotations, start=1):
        if progress is not None and number % 500 == 0:
            progress(number, len(annotations))
        raw_id = annotation.get("id") if isinstance(annotation, dict) else None
        which = (
            message("exchange.annotation_id", number=str(number), id=raw_id[:200])
            if isinstance(raw_id, str)
            else message("exchange.annotation", number=str(number))
        )
        try:
            incoming = _parse(annotation, context)
        except (_Invalid, NotesError) as exc:
            refused = message("exchange.refused", which=which, reason=exc.message)
            raise ExchangeError(refused, path) from exc
        except _ODD_VALUE as exc:
            odd = message("exchange.odd_value", which=which, problem=str(exc))
            raise ExchangeError(odd, path) from exc
        for item in incoming:
            if item.id in seen:
                raise ExchangeError(message("exchange.id_twice", which=which), path)
            seen.add(item.id)
        parsed += incoming
    return parsed


def _file_time(path: Path) -> str:
    """The file's time: the date of annotations that carry none (stable on re-import)."""
    try:
        return format_time(dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC))
    except (OSError, ValueError, OverflowError):
        return "2000-01-01T00:00:00.000Z"
