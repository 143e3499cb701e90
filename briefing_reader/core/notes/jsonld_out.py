"""JSON-LD out: notes as W3C Web Annotations.

Web Annotation mapping (https://www.w3.org/TR/annotation-model/)
-----------------------------------------------------------------
The file is an ``AnnotationCollection`` (``id`` a fresh ``urn:uuid:``,
``label``, ``generator`` {Software}, ``generated``, ``total``) with one
embedded ``AnnotationPage`` as ``first`` (omitted when ``total`` is 0).
Every annotation (and the page) repeats ``"@context":
"http://www.w3.org/ns/anno.jsonld"`` and has ``id`` ``urn:uuid:<item id>``,
``type`` "Annotation", ``created``, ``modified``, ``creator`` {"id", "type":
"Person", "name"}: the id is this profile's ``urn:uuid`` for my notes
(``NotesStore.creator_id``), the one a colleague's file gave, or one derived
from the colleague's name. A note imported with an id that was not ours
carries that original id as ``via``. Every annotation passes every MUST
assertion of the W3C test suite (tests/unit/test_w3c_export.py).

The target is a ``SpecificResource``:

- ``source``: {"id": "urn:briefing-reader:doc:<doc id>:v<version>" (no
  ``:v`` part when unversioned), "type": "Text", "canonical":
  "urn:briefing-reader:doc:<doc id>"}; the id names the version annotated,
  ``canonical`` the document across versions.
- ``state``: one ``TimeState`` per representation the note was made
  against, each with ``sourceDate`` (the note's ``modified``) and one
  ``cached``, an RFC 6920 hash URI:
  ``ni:///sha-256;<base64url>?ct=text/markdown`` (the markdown source,
  ``Document.source_hash``) and ``?ct=text/plain`` (the plain text the
  positions count in, ``TextAnchor.text_hash``).
- ``selector``: for highlights and bookmarks ``[TextQuoteSelector,
  TextPositionSelector]`` over ``Document.plain_text``; for an action
  ``[FragmentSelector]`` (``conformsTo`` RFC 3986, ``value`` the action id,
  e.g. "actie-taaleis-in-de-bijstand") plus a TextQuoteSelector of the
  action's text when known (the same segment, for re-anchoring); a bookmark
  adds a FragmentSelector of the place it marks (``actie-startbanen``,
  ``s-2-4``). An empty ``prefix`` or ``suffix`` is left out.
- ``styleClass`` (highlights): the colour name ("geel"), or "kleur-rrggbb"
  for a colour given as #rrggbb; the annotation's ``stylesheet``
  (CssStylesheet) gives the class its background colour.

Motivations and bodies (TextualBody with ``language``, "nl" unless the
file it came from said otherwise, unless said otherwise):

- highlight: ``highlighting``, and also ``commenting`` with a note body
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
import json
import re
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from briefing_reader import APP_NAME
from briefing_reader.core.notes.model import (
    COLOURS,
    ActionAnnotation,
    Bookmark,
    Highlight,
    Motivation,
    TextQuoteSelector,
    utc_now,
)

if TYPE_CHECKING:
    from briefing_reader.core.notes.store import NotesStore

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
DOC_PREFIX = "urn:briefing-reader:doc:"
PRIORITY_PREFIX = "urn:briefing-reader:priority:"
RFC3986 = "http://tools.ietf.org/rfc/rfc3986"
#: Creator ids of colleagues whose file gave none are derived from this and the name.
AUTHOR_PREFIX = "urn:briefing-reader:author:"
#: The language of notes written here (a file may say otherwise; that is kept).
DEFAULT_LANGUAGE = "nl"
Details = Mapping[str, str | None]
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


def _target(
    doc_id: str,
    version: int | None,
    doc_hash: str,
    plain_hash: str,
    selectors: list[dict[str, Any]],
    observed: str,
) -> dict[str, Any]:
    canonical = DOC_PREFIX + doc_id
    source = {
        "id": canonical if version is None else f"{canonical}:v{version}",
        "type": "Text",
        "canonical": canonical,
    }
    target: dict[str, Any] = {"type": "SpecificResource", "source": source}
    # One TimeState per cached representation: the model lets a TimeState
    # cache one copy, and it must say when (sourceDate).
    states = [
        {"type": "TimeState", "sourceDate": observed, "cached": _ni(h, ct)}
        for h, ct in ((doc_hash, "text/markdown"), (plain_hash, "text/plain"))
        if re.fullmatch(r"[0-9a-f]{64}", h or "")
    ]
    if states:
        target["state"] = states[0] if len(states) == 1 else states
    # An empty prefix or suffix (the quote starts or ends the text) is left out.
    target["selector"] = [
        {k: v for k, v in selector.items() if not (k in ("prefix", "suffix") and v == "")}
        for selector in selectors
    ]
    return target


def _style_class(colour: str) -> str:
    return colour if colour in COLOURS else "kleur-" + colour.lstrip("#").lower()


def _author_id(item: Item, details: Details, my_id: str | None) -> str:
    """A stable creator id: mine, the one the file gave, or one derived from the name."""
    if item.is_mine and my_id:
        return my_id
    given = details.get("creator_id")
    if given:
        return given
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, AUTHOR_PREFIX + item.author)}"


def annotation_json(
    item: Item, details: Mapping[str, Details] | None = None, my_id: str | None = None
) -> dict[str, Any]:
    """One stored item as a W3C Web Annotation (see the module docstring).

    Args:
        item: the note.
        details: ``NotesStore.exchange_details()`` (original ids, languages).
        my_id: ``NotesStore.creator_id()``, the creator id of my notes.
    """
    known: Details = (details or {}).get(item.id, {})
    language = known.get("language") or DEFAULT_LANGUAGE

    def body(value: str, purpose: str, fmt: str = "text/plain") -> dict[str, Any]:
        return {
            "type": "TextualBody",
            "value": value,
            "format": fmt,
            "language": language,
            "purpose": purpose,
        }

    bodies: list[dict[str, Any]] = []
    sheet: dict[str, Any] | None = None
    out: dict[str, Any] = {"@context": CONTEXT, "id": f"urn:uuid:{item.id}", "type": "Annotation"}
    if isinstance(item, ActionAnnotation):
        motivations = [
            m
            for m, present in (
                (Motivation.CLASSIFYING, item.stance or item.priority),
                (Motivation.COMMENTING, item.note.strip()),
                (Motivation.QUESTIONING, item.questions),
                (Motivation.TAGGING, item.tags),
            )
            if present
        ]
        if item.stance:
            bodies.append(body(item.stance, Motivation.CLASSIFYING))
        if item.priority:
            bodies.append(
                {
                    "type": "SpecificResource",
                    "purpose": Motivation.CLASSIFYING,
                    "source": PRIORITY_PREFIX + item.priority,
                }
            )
        if item.note.strip():
            bodies.append(body(item.note, Motivation.COMMENTING, "text/markdown"))
        bodies += [body(q, Motivation.QUESTIONING, "text/markdown") for q in item.questions]
        selectors: list[dict[str, Any]] = [
            {"type": "FragmentSelector", "conformsTo": RFC3986, "value": item.action_id}
        ]
        if item.action_text:
            selectors.append(TextQuoteSelector(item.action_text).to_json())
        target = _target(item.doc_id, item.doc_version, item.doc_hash, "", selectors, item.modified)
    else:
        anchor = item.anchor
        selectors = anchor.selectors()
        if isinstance(item, Bookmark) and anchor.place:
            # The place bookmarked (a section or an action), so it comes back exactly.
            selectors.append(
                {"type": "FragmentSelector", "conformsTo": RFC3986, "value": anchor.place}
            )
        target = _target(
            anchor.doc_id,
            anchor.doc_version,
            anchor.doc_hash,
            anchor.text_hash,
            selectors,
            item.modified,
        )
        if isinstance(item, Highlight):
            motivations = (
                [Motivation.HIGHLIGHTING, Motivation.COMMENTING]
                if item.note.strip()
                else [Motivation.HIGHLIGHTING]
            )
            if item.note.strip():
                bodies.append(body(item.note, Motivation.COMMENTING, "text/markdown"))
            style = _style_class(item.colour)
            target["styleClass"] = style
            colour = COLOURS.get(item.colour, item.colour)
            sheet = {
                "type": "CssStylesheet",
                "value": f".{style} {{ background-color: {colour}; }}",
            }
        else:
            motivations = [Motivation.BOOKMARKING]
            bodies.append(body(item.name, Motivation.DESCRIBING))
    if not isinstance(item, Bookmark):
        bodies += [body(tag, Motivation.TAGGING) for tag in item.tags]
    out["motivation"] = motivations[0] if len(motivations) == 1 else motivations
    out["created"], out["modified"] = item.created, item.modified
    out["creator"] = {"id": _author_id(item, known, my_id), "type": "Person", "name": item.author}
    if known.get("original_id"):
        out["via"] = known["original_id"]
    if bodies:
        out["body"] = bodies[0] if len(bodies) == 1 else bodies
    out["target"] = target
    if sheet is not None:
        out["stylesheet"] = sheet
    return out


def export_jsonld(store: NotesStore, *, mine_only: bool = False) -> dict[str, Any]:
    """Every live note as one AnnotationCollection."""
    details, my_id = store.exchange_details(), store.creator_id()
    return collection_of(
        [annotation_json(item, details, my_id) for item in exported_items(store, mine_only)]
    )


def collection_of(
    items: list[dict[str, Any]], label: str = f"Notities uit {APP_NAME}"
) -> dict[str, Any]:
    """An AnnotationCollection holding ``items`` in one embedded page."""
    collection: dict[str, Any] = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": "AnnotationCollection",
        "label": label,
        "generator": {"type": "Software", "name": APP_NAME},
        "generated": utc_now(),
        "total": len(items),
    }
    if items:
        collection["first"] = {
            "@context": CONTEXT,
            "id": f"urn:uuid:{uuid.uuid4()}",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        }
    return collection


def encode(data: dict[str, Any]) -> bytes:
    """A collection as written to a file."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def split_collection(collection: dict[str, Any], limit: int) -> list[bytes]:
    """The collection as one file, or as several each under ``limit`` bytes when one
    would be larger than an import accepts ("deel 1 van 3" in their labels)."""
    whole = encode(collection)
    items = collection.get("first", {}).get("items", [])
    if len(whole) <= limit or len(items) < 2:
        return [whole]
    budget = limit - len(encode(collection_of([])))
    chunks: list[list[dict[str, Any]]] = [[]]
    size = 0
    for item in items:
        # nested three levels deeper in the file: 6 more spaces on every line
        text = json.dumps(item, ensure_ascii=False, indent=2)
        needed = len(text.encode("utf-8")) + 6 * text.count("\n") + 16
        if chunks[-1] and size + needed > budget:
            chunks.append([])
            size = 0
        chunks[-1].append(item)
        size += needed
    return [
        encode(
            collection_of(chunk, f"Notities uit Briefing Reader (deel {number} van {len(chunks)})")
        )
        for number, chunk in enumerate(chunks, start=1)
    ]
