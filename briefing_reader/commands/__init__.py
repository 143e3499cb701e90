"""Sub-commands of the command line, one module per feature.

Each module has ``register(subparsers)``, which adds its sub-commands and
sets ``func`` to a function ``(args, paths) -> exit code``. None of them may
import Qt at module level: the command line must work without a display.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

from briefing_reader import paths
from briefing_reader.core.content import Library
from briefing_reader.core.messages import Message, as_message, message
from briefing_reader.language import words
from briefing_reader.session import open_library

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def load_library(run_paths: paths.Paths, *, check: bool | str = True) -> Library:
    """The library, with files that failed to load reported on stderr
    (``check``: see :func:`.session.open_library`)."""
    library = open_library(run_paths, check=check)
    for error in library.errors:
        warn(message("cli.skipped", error=located(error)))
    return library


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def located(error: object) -> Message:
    """An error as ``<file>[:<line>]: <why>`` when it names a file, else its message."""
    where = getattr(error, "path", None)
    if where is None:
        return as_message(error)
    line = getattr(error, "line", None)
    return message(
        "cli.at", path=f"{where}:{line}" if line else str(where), reason=as_message(error)
    )


def warn(said: object) -> None:
    """One line on stderr, in the user's language (``said``: text, Message or error)."""
    text = said if isinstance(said, str) else words(located(said))
    print(f"briefing-reader: {text}", file=sys.stderr)


def fail(said: object, code: int = EXIT_ERROR) -> int:
    """Tell why on stderr (see :func:`warn`); the exit code."""
    warn(said)
    return code


KNOWN_LISTED = 20
"""At most this many known ids in an unknown-document message."""


def no_document(doc_id: str, known: Iterable[str] = ()) -> Message:
    """The message for an unknown document id, listing the known ones when
    given and few (a library of thousands is listed by `docs`, not here)."""
    names = sorted(known)
    listed = ", ".join(names)
    if not listed or len(names) > KNOWN_LISTED:
        return message("cli.no_such_document", doc=doc_id)
    return message("cli.no_document", doc=doc_id, known=listed)
