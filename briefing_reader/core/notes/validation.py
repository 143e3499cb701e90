"""Checks on values coming into the store: stances, priorities, texts, tags, colours."""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing_reader.core.messages import Message, message, plain
from briefing_reader.core.notes.errors import NotesValidationError
from briefing_reader.core.notes.model import COLOURS, PRIORITIES, TextAnchor

MAX_NOTE = 1_000_000
MAX_SHORT = 500
_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_FIELDS = {  # field name -> the message code that words it
    "note": "notes.what_note",
    "stance": "notes.what_stance",
    "question": "notes.what_question",
    "tag": "notes.what_tag",
    "name": "notes.what_name",
}


def check_priority(priority: str | None) -> str | None:
    if priority is None or priority == "":
        return None
    if priority not in PRIORITIES:
        raise NotesValidationError(
            message("notes.unknown_priority", value=priority, choices=", ".join(PRIORITIES))
        )
    return priority


def check_stance(stance: str | None, allowed: Iterable[str], current: str | None) -> str | None:
    """A stance from the list; the stored one stays acceptable if removed from it."""
    if stance is None or stance == "":
        return None
    allowed = tuple(allowed)
    if stance not in allowed and stance != current:
        raise NotesValidationError(
            message("notes.unknown_stance", value=stance, choices=", ".join(allowed))
        )
    return stance


def _field(what: str) -> Message:
    """The named field with its article (``the note``), as the user's language words it."""
    return message(_FIELDS[what]) if what in _FIELDS else plain(f"the {what}")


def check_text(value: str, what: str, limit: int = MAX_NOTE) -> str:
    if not isinstance(value, str):
        raise NotesValidationError(message("notes.not_text", what=_field(what)))
    if len(value) > limit:
        raise NotesValidationError(message("notes.too_long", what=_field(what), limit=str(limit)))
    return value


def check_questions(questions: Iterable[str]) -> tuple[str, ...]:
    if isinstance(questions, str):
        raise NotesValidationError(message("notes.questions_one_text"))
    return tuple(check_text(q, "question", MAX_SHORT * 10) for q in questions)


def check_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags stripped, without empties or repeats, in the order given."""
    if isinstance(tags, str):
        raise NotesValidationError(message("notes.tags_one_text"))
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
        message("notes.unknown_colour", value=colour, choices=", ".join(COLOURS))
    )


def check_name(name: str) -> str:
    cleaned = check_text(name, "name", MAX_SHORT).strip()
    if not cleaned:
        raise NotesValidationError(message("notes.bookmark_no_name"))
    return cleaned


def check_anchor(anchor: TextAnchor) -> TextAnchor:
    if not anchor.doc_id or not anchor.quote.exact:
        raise NotesValidationError(message("notes.anchor_incomplete"))
    if not 0 <= anchor.position.start <= anchor.position.end:
        raise NotesValidationError(message("notes.anchor_position"))
    return anchor
