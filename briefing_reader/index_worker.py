"""Bring the search index up to date in a process of its own (the window's indexer).

The window starts ``python -m briefing_reader.index_worker PATHS_JSON`` and
reads its standard output, one line per message::

    progress DONE TOTAL      documents indexed so far, of those to index
    done {"added": n, "changed": n, "removed": n, "rebuilt": bool, "warning": ...}
    error MESSAGE            (exit code 1)

Why a process and not a thread: Whoosh's writer is pure Python and holds
the interpreter lock; in a thread of the window it took turns with the
event loop (stalls of up to 97 ms at each commit's sort and merge). In a
process of its own it uses the second core and the window only reads a
pipe. Killing it (or the window) at any moment leaves committed batches
that the next run completes (see :mod:`core.search.index`).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing_reader.paths import Paths


def paths_argument(paths: Paths) -> str:
    """The window's :class:`paths.Paths` as the one argument of this worker."""
    values = {
        "data": paths.data,
        "cache": paths.cache,
        "config": paths.config,
        "content_override": paths.content_override,
    }
    return json.dumps({k: str(v) if v is not None else None for k, v in values.items()})


def main(argv: list[str] | None = None) -> int:
    from briefing_reader import paths as paths_mod
    from briefing_reader.core.search import SearchError, SearchIndex
    from briefing_reader.session import open_library

    args = sys.argv[1:] if argv is None else argv
    if hasattr(os, "nice"):  # background work: the window comes first for a core
        with contextlib.suppress(OSError):
            os.nice(10)
    raw = json.loads(args[0])
    run_paths = paths_mod.Paths(
        data=Path(raw["data"]),
        cache=Path(raw["cache"]),
        config=Path(raw["config"]),
        content_override=Path(raw["content_override"]) if raw["content_override"] else None,
    )

    last = [0.0]

    def progress(done: int, total: int) -> None:  # ten lines a second at most
        now = time.monotonic()
        if 0 < done < total and now - last[0] < 0.1:
            return
        last[0] = now
        print(f"progress {done} {total}", flush=True)

    try:
        library = open_library(run_paths)  # the catalogue is synced here, not in the window
        with SearchIndex(run_paths.search_index) as index:
            report = index.update(library, progress)
            compacted = report.bulk and index.compact()  # after a bulk: one segment
            warning = index.warning
    except (SearchError, OSError) as exc:
        print(f"error {exc}", flush=True)
        return 1
    summary = {
        "added": len(report.added),
        "changed": len(report.changed),
        "removed": len(report.removed),
        "rebuilt": report.rebuilt,
        "compacted": compacted,
        "warning": warning,
    }
    print(f"done {json.dumps(summary)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
