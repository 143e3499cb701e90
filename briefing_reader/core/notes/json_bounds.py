"""Bounds on a JSON notes file, checked on its bytes before it is parsed.

Every input is hostile until bounded: :func:`load_json` refuses a file larger
than :data:`MAX_IMPORT_BYTES`, nested deeper than :data:`MAX_DEPTH` (counted
on the raw bytes, strings skipped, so 100,000 brackets cost a regular
expression, not a recursion), or holding a lone UTF-16 surrogate escape
(``\\ud800``, which no text can store), each with an ExchangeError naming the
file and the reason; only then is it parsed.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

from briefing_reader.core.messages import Message, message
from briefing_reader.core.notes.errors import ExchangeError

MAX_IMPORT_BYTES = 256 * 1024 * 1024
#: Deepest nesting of objects and arrays accepted (an export is 7 deep).
MAX_DEPTH = 64
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(rb"[^\[\]{}]+")
_STEP = [0] * 256
_STEP[ord("[")] = _STEP[ord("{")] = 1
_STEP[ord("]")] = _STEP[ord("}")] = -1
_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _lone_surrogate(raw: bytes) -> re.Match[bytes] | None:
    """The first ``\\udXXX`` escape that is not half of a pair, if any."""
    pairs: set[int] = set()  # where the low half of a pair starts
    for found in _SURROGATE.finditer(raw):
        at = found.start()
        before = at - 1
        while before >= 0 and raw[before] == 0x5C:  # backslashes before this one
            before -= 1
        if (at - 1 - before) % 2:  # "\\\\udXXX" is an escaped backslash and the letters "ud..."
            continue
        low = found.group()[3:4].lower() in b"cdef"
        if (
            not low
            and _SURROGATE.match(raw, found.end())
            and raw[found.end() + 3 : found.end() + 4].lower() in b"cdef"
        ):
            pairs.add(found.end())
        elif not (low and at in pairs):
            return found
    return None


def too_large() -> Message:
    """The reason for a file over the size limit."""
    return message("exchange.too_large", limit=MAX_IMPORT_BYTES)


def json_depth(raw: bytes) -> int:
    """How deeply arrays and objects nest in ``raw`` (strings skipped), without parsing."""
    brackets = _NOT_BRACKET.sub(b"", _STRING.sub(b"", raw))
    return max(itertools.accumulate(map(_STEP.__getitem__, brackets)), default=0)


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def load_json(path: Path, raw: bytes) -> Any:
    """Parse ``raw`` once it is within the bounds; raises ExchangeError naming ``path``."""
    if len(raw) > MAX_IMPORT_BYTES:
        raise ExchangeError(too_large(), path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExchangeError(message("exchange.not_utf8", offset=str(exc.start)), path) from exc
    depth = json_depth(raw)
    if depth > MAX_DEPTH:
        raise ExchangeError(
            message("exchange.too_deep", depth=str(depth), limit=str(MAX_DEPTH)), path
        )
    lone = _lone_surrogate(raw)
    if lone is not None:
        raise ExchangeError(
            message(
                "exchange.lone_surrogate",
                escape=lone.group().decode()[-6:],
                line=str(_line_of(raw, lone.start())),
            ),
            path,
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExchangeError(
            message(
                "exchange.bad_json_at", line=str(exc.lineno), column=str(exc.colno), problem=exc.msg
            ),
            path,
        ) from exc
    except (ValueError, RecursionError) as exc:  # e.g. a number too long to convert
        raise ExchangeError(message("exchange.bad_json", problem=str(exc)), path) from exc
