"""Atomic file writes: a reader sees the old file or the new one, never half.

The data goes to a temporary file in the same folder, is flushed to disk,
and replaces the target in one rename (Picard's and qutebrowser's habit).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Write ``data`` to ``path`` atomically.

    ``sync`` False skips the flush to disk: for caches whose entries are
    verified when read (a kill -9 cannot tear a renamed file; a power cut can,
    and the check drops it).

    Raises:
        OSError: the folder is missing or not writable, the disk is full...;
            the target is then unchanged and no temporary file is left.
    """
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            if sync:
                os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
