"""Sub-commands of the command line, one module per feature.

Each module has ``register(subparsers)``, which adds its sub-commands and
sets ``func`` to a function ``(args, paths) -> exit code``. None of them may
import Qt at module level: the command line must work without a display.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from briefing_reader import paths
from briefing_reader.core.content import Library
from briefing_reader.session import open_library

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def load_library(run_paths: paths.Paths, *, check: bool | str = True) -> Library:
    """The library, with files that failed to load reported on stderr
    (``check``: see :func:`.session.open_library`)."""
    library = open_library(run_paths, check=check)
    for error in library.errors:
        print(f"briefing-reader: skipped {error}", file=sys.stderr)
    return library


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def fail(message: str, code: int = EXIT_ERROR) -> int:
    print(f"briefing-reader: {message}", file=sys.stderr)
    return code
