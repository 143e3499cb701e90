"""JSON-LD out: notes as W3C Web Annotations.

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
"""

from __future__ import annotations

import base64
import re
import uuid
from typing import TYPE_CHECKING, Any

from briefing_reader.core.notes.model import (
    COLOURS,
    ActionAnnotation,
    Bookmark,
    Highlight,
    TextQuoteSelector,
    utc_now,
)

if TYPE_CHECKING:
    from briefing_reader.core.notes.store import NotesStore

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
DOC_PREFIX = "urn:briefing-reader:doc:"
PRIORITY_PREFIX = "urn:briefing-reader:priority:"
RFC3986 = "http://tools.ietf.org/rfc/rfc3986"
Item = ActionAnnotation | Highlight | Bookmark


def exported_items(store: NotesStore, mine_only: bool) -> list[Item]:
    """Every live note worth exporting (empty action annotations left out)."""
    found: list[Item] = [a for a in store.action_annotations() if not a.is_empty]
    found += store.highlights()
    found += store.bookmarks()
    return [item for item in found if item.is_mine or not mine_only]


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
    items = [annotation_json(item) for item in exported_items(store, mine_only)]
    collection: dict[str, Any] = {
        "@context": CONTEXT, "id": f"urn:uuid:{uuid.uuid4()}", "type": "AnnotationCollection",
        "label": "Notities uit Briefing Reader",
        "generator": {"type": "Software", "name": "Briefing Reader"},
        "generated": utc_now(), "total": len(items)}
    if items:
        collection["first"] = {"id": f"urn:uuid:{uuid.uuid4()}", "type": "AnnotationPage",
                               "startIndex": 0, "items": items}
    return collection
