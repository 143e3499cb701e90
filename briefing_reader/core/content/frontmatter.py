"""Front matter: YAML to a validated :class:`Meta`."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from briefing_reader.core.content.errors import ContentError
from briefing_reader.core.content.model import Meta
from briefing_reader.core.limits import OverBudget, load_yaml
from briefing_reader.core.messages import message

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_FENCE_LINES = 1  # front matter starts after the opening '---' line


def parse_front_matter(source: str, path: Path) -> Meta:
    """Parse and check the YAML between the '---' fences."""
    try:
        data = load_yaml(source)
    except OverBudget as exc:
        raise ContentError(path, exc.message, 1, budget=exc.what) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 + _FENCE_LINES if mark is not None else None
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ContentError(path, message("frontmatter.not_yaml", problem=problem), line) from exc
    if not isinstance(data, dict):
        raise ContentError(path, message("frontmatter.not_mapping"), 1)
    for key in ("id", "kind", "title"):
        if not data.get(key):
            raise ContentError(
                path, message("frontmatter.lacks_key", key=key), _key_line(source, key)
            )
    doc_id = str(data["id"])
    if not _ID.match(doc_id):
        raise ContentError(path, message("frontmatter.bad_id", id=doc_id), _key_line(source, "id"))
    raw_dossier = data.get("dossier")
    dossier = raw_dossier if isinstance(raw_dossier, dict) else {}
    return Meta(
        id=doc_id,
        kind=str(data["kind"]),
        title=str(data["title"]),
        official=bool(data.get("official", data["kind"] != "companion")),
        date=_date(data.get("date"), "date", source, path),
        version=_int(data.get("version"), "version", source, path),
        updated=_date(data.get("updated"), "updated", source, path),
        dossier_number=_str(dossier.get("number")),
        dossier_title=_str(dossier.get("title")),
        volgnummer=_int(data.get("volgnummer"), "volgnummer", source, path),
        document_number=_str(data.get("document_number")),
        parliamentary_year=_str(data.get("parliamentary_year")),
        missing_footnotes=_labels(data.get("missing_footnotes"), source, path),
        raw=_plain(data),
    )


def _plain(value: Any) -> Any:
    """YAML values as JSON would give them back (dates as ISO strings), so a
    document reads the same whether it was parsed now or came from the cache."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _labels(value: Any, source: str, path: Path) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ContentError(
            path,
            message("frontmatter.footnotes_not_list"),
            _key_line(source, "missing_footnotes"),
        )
    return tuple(str(label) for label in value)


def _key_line(source: str, key: str) -> int | None:
    for number, line in enumerate(source.splitlines(), start=1 + _FENCE_LINES):
        if line.startswith(f"{key}:"):
            return number
    return 1


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _date(value: Any, key: str, source: str, path: Path) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise ContentError(
            path, message("frontmatter.not_a_date", key=key), _key_line(source, key)
        ) from exc


LARGEST_NUMBER = 999_999_999
"""Largest version or volgnummer: beyond it a number is a typo, and SQLite's
integers (the catalogue) stop at 2**63."""


def _int(value: Any, key: str, source: str, path: Path) -> int | None:
    if value is None:
        return None
    wrong = message("frontmatter.not_a_number", key=key, largest=LARGEST_NUMBER)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ContentError(path, wrong, _key_line(source, key))
    try:
        number = int(value)
    except ValueError as exc:
        raise ContentError(path, wrong, _key_line(source, key)) from exc
    if not 0 <= number <= LARGEST_NUMBER:
        raise ContentError(path, wrong, _key_line(source, key))
    return number
