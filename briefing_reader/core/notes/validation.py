"""Checks on values coming into the store: stances, priorities, texts, tags, colours."""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing_reader.core.notes.errors import NotesValidationError
from briefing_reader.core.notes.model import COLOURS, PRIORITIES, TextAnchor

MAX_NOTE = 1_000_000
MAX_SHORT = 500
_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


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
