"""Database rows to dataclasses and back, and the checks on values coming in."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from typing import Any

from briefing_reader.core.notes.errors import NotesValidationError
from briefing_reader.core.notes.model import (
    COLOURS,
    PRIORITIES,
    ActionAnnotation,
    Bookmark,
    Highlight,
    TextAnchor,
    TextPositionSelector,
    TextQuoteSelector,
)

MAX_NOTE = 1_000_000
MAX_SHORT = 500
_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _strings(value: str) -> tuple[str, ...]:
    data = json.loads(value)
    return tuple(str(item) for item in data) if isinstance(data, list) else ()


def anchor_from(row: sqlite3.Row) -> TextAnchor:
    """The TextAnchor of a highlight or bookmark row (selectors as JSON)."""
    quote = TextQuoteSelector("")
    position = TextPositionSelector(0, 0)
    for selector in json.loads(row["selectors"]):
        if selector.get("type") == "TextQuoteSelector":
            quote = TextQuoteSelector(
                selector.get("exact", ""), selector.get("prefix", ""), selector.get("suffix", "")
            )
        elif selector.get("type") == "TextPositionSelector":
            position = TextPositionSelector(int(selector["start"]), int(selector["end"]))
    return TextAnchor(
        doc_id=row["doc_id"],
        doc_version=row["doc_version"],
        doc_hash=row["doc_hash"],
        text_hash=row["text_hash"],
        quote=quote,
        position=position,
        place=row["place"],
    )


def action_from(row: sqlite3.Row) -> ActionAnnotation:
    return ActionAnnotation(
        id=row["id"],
        doc_id=row["doc_id"],
        action_id=row["action_id"],
        stance=row["stance"],
        priority=row["priority"],
        note=row["note"],
        questions=_strings(row["questions"]),
        tags=_strings(row["tags"]),
        action_title=row["action_title"],
        action_text=row["action_text"],
        doc_version=row["doc_version"],
        doc_hash=row["doc_hash"],
        author=row["author"],
        created=row["created"],
        modified=row["modified"],
        imported_from=row["imported_from"],
        anchor_status=row["anchor_status"],
    )


def highlight_from(row: sqlite3.Row) -> Highlight:
    return Highlight(
        id=row["id"],
        anchor=anchor_from(row),
        colour=row["colour"],
        note=row["note"],
        tags=_strings(row["tags"]),
        motivation=row["motivation"],
        author=row["author"],
        created=row["created"],
        modified=row["modified"],
        imported_from=row["imported_from"],
        anchor_status=row["anchor_status"],
        key_figure=bool(row["key_figure"]),
    )


def bookmark_from(row: sqlite3.Row) -> Bookmark:
    return Bookmark(
        id=row["id"],
        anchor=anchor_from(row),
        name=row["name"],
        order=row["position"],
        author=row["author"],
        created=row["created"],
        modified=row["modified"],
        imported_from=row["imported_from"],
        anchor_status=row["anchor_status"],
    )


def json_list(values: Iterable[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def selectors_json(anchor: TextAnchor) -> str:
    return json.dumps(anchor.selectors(), ensure_ascii=False)


# --- checks on what comes in -------------------------------------------------


def check_priority(priority: str | None) -> str | None:
    if priority is None or priority == "":
        return None
    if priority not in PRIORITIES:
        raise NotesValidationError(
            f"unknown priority '{priority}' (choose from {', '.join(PRIORITIES)})"
        )
    return priority


def check_stance(stance: str | None, allowed: Iterable[str], current: str | None) -> str | None:
    """A stance from the list; the stored one stays acceptable if removed from it."""
    if stance is None or stance == "":
        return None
    allowed = tuple(allowed)
    if stance not in allowed and stance != current:
        raise NotesValidationError(f"unknown stance '{stance}' (choose from {', '.join(allowed)})")
    return stance


def check_text(value: str, what: str, limit: int = MAX_NOTE) -> str:
    if not isinstance(value, str):
        raise NotesValidationError(f"the {what} must be text")
    if len(value) > limit:
        raise NotesValidationError(f"the {what} is longer than {limit} characters")
    return value


def check_questions(questions: Iterable[str]) -> tuple[str, ...]:
    if isinstance(questions, str):
        raise NotesValidationError("questions must be a list of texts, not one text")
    return tuple(check_text(q, "question", MAX_SHORT * 10) for q in questions)


def check_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags stripped, without empties or repeats, in the order given."""
    if isinstance(tags, str):
        raise NotesValidationError("tags must be a list of texts, not one text")
    cleaned: list[str] = []
    for tag in tags:
        text = check_text(tag, "tag", MAX_SHORT).strip()
        if text and text not in cleaned:
            cleaned.append(text)
    return tuple(cleaned)


def check_colour(colour: str) -> str:
    """A named colour (geel, groen, ...) or ``#rrggbb``."""
    if colour in COLOURS or (isinstance(colour, str) and _HEX_COLOUR.match(colour)):
        return colour
    raise NotesValidationError(
        f"unknown colour '{colour}' (choose from {', '.join(COLOURS)} or #rrggbb)"
    )


def check_name(name: str) -> str:
    cleaned = check_text(name, "name", MAX_SHORT).strip()
    if not cleaned:
        raise NotesValidationError("a bookmark needs a name")
    return cleaned


def check_anchor(anchor: TextAnchor) -> TextAnchor:
    if not anchor.doc_id or not anchor.quote.exact:
        raise NotesValidationError("an anchor needs a document and a quote")
    if not 0 <= anchor.position.start <= anchor.position.end:
        raise NotesValidationError("an anchor's position must be 0 <= start <= end")
    return anchor


def plain(value: Any) -> Any:
    """A value as ``notes list --json`` prints it (tuples as lists)."""
    return list(value) if isinstance(value, tuple) else value
