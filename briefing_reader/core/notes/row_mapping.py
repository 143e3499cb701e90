"""Database rows to dataclasses and back (the checks on values coming in: :mod:`validation`)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from briefing_reader.core.notes.model import (
    ActionAnnotation,
    Bookmark,
    Highlight,
    TextAnchor,
    TextPositionSelector,
    TextQuoteSelector,
)


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


def plain(value: Any) -> Any:
    """A value as ``notes list --json`` prints it (tuples as lists)."""
    return list(value) if isinstance(value, tuple) else value
