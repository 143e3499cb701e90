"""A lock between processes on the same notes database or documents folder.

Opening may move a damaged file aside and restore a backup. Two programs
doing that at once could each restore over the other's fresh writes, so the
whole opening sequence (check, repair, journal mode, migration) runs under
an OS file lock on ``notes.sqlite3.lock``. The lock is held for
milliseconds, only while opening; SQLite's own locking covers the rest.
Imports hold ``documents.lock`` the same way (``core.importing``).

POSIX: ``flock`` on the lock file. Windows (no ``fcntl``): ``msvcrt.locking``
on its first byte. Both are released by the OS when a process dies.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

if sys.platform == "win32":
    import errno
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)  # msvcrt locks bytes from the file position
        while True:
            try:  # LK_LOCK tries for about 10 seconds, then raises EDEADLOCK
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                return
            except OSError as exc:
                if exc.errno != errno.EDEADLOCK:
                    raise

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EDEADLOCK):
                return False  # another process holds it
            raise
        return True

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # another process holds it
        return True


@contextlib.contextmanager
def opening_lock(db_path: Path) -> Iterator[bool]:
    """Hold the lock of ``db_path`` (waiting for it); yields whether a lock was taken.

    Where no lock file can be made or locked (read-only folder, full disk, a
    file system without locks) it proceeds without one: the lock is a guard,
    and refusing to open the notes would be worse.
    """
    with _holding(db_path, wait=True) as state:
        yield state == "held"


@contextlib.contextmanager
def lock_unless_busy(db_path: Path) -> Iterator[bool]:
    """Hold the lock of ``db_path`` unless another process holds it: yields
    False then, at once; True otherwise (also where no lock can be made, as
    :func:`opening_lock` proceeds without one)."""
    with _holding(db_path, wait=False) as state:
        yield state != "busy"


@contextlib.contextmanager
def _holding(db_path: Path, *, wait: bool) -> Iterator[str]:
    """Yields "held", "busy" (not waiting, another process holds it) or
    "none" (no lock can be made here)."""
    lock_path = db_path.with_name(db_path.name + ".lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield "none"
        return
    try:
        try:
            if wait:
                _lock(fd)
            taken = wait or _try_lock(fd)
        except OSError:
            yield "none"
            return
        if not taken:
            yield "busy"
            return
        try:
            yield "held"
        finally:
            _unlock(fd)
    finally:
        os.close(fd)
