"""A short-lived lock between processes opening the same notes database.

Opening may move a damaged file aside and restore a backup. Two programs
doing that at once could each restore over the other's fresh writes, so the
whole opening sequence (check, repair, journal mode, migration) runs under
an OS file lock on ``notes.sqlite3.lock``. The lock is held for
milliseconds, only while opening; SQLite's own locking covers the rest.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


@contextlib.contextmanager
def opening_lock(db_path: Path) -> Iterator[bool]:
    """Hold the opening lock of ``db_path``; yields whether a lock was taken.

    Where no lock file can be made (read-only folder, full disk) or the
    platform has no ``fcntl``, it proceeds without one.
    """
    lock_path = db_path.with_name(db_path.name + ".lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield False
        return
    try:
        if fcntl is None:  # pragma: no cover - Windows
            yield False
            return
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
