"""One SQLite connection used the safe way, and SQLite errors in plain words.

The connection runs in autocommit mode (``isolation_level=None``) and every
write is an explicit ``BEGIN IMMEDIATE ... COMMIT``: the write lock is taken
up front, so a read-then-write never fails half-way with "database is
locked" when another process writes at the same time (a deferred ``BEGIN``
does). ``busy_timeout`` makes a waiting writer sleep instead of failing, and
a write that still finds the database busy is retried a few times. The
journal is WAL with ``synchronous=FULL``: a commit that returned survives a
crash of the program and a power cut.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from briefing_reader.core.notes.errors import (
    NotesBusyError,
    NotesCorruptError,
    NotesDiskFullError,
    NotesError,
    NotesReadOnlyError,
)

T = TypeVar("T")

BUSY_TIMEOUT_MS = 5000
WRITE_ATTEMPTS = 3

# Primary SQLite result codes (the low byte of an extended code).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL = 10, 11, 13
_SQLITE_CANTOPEN, _SQLITE_NOTADB = 14, 26

_NOT_SAVED = "the change was not saved; what was saved before is unchanged"


def translate_error(exc: BaseException, path: Path, pending: object = None, *,
                    writing: bool = True) -> NotesError:
    """The typed notes error for a SQLite or OS error, with a reason in plain words.

    Args:
        exc: the error raised by sqlite3 or the operating system.
        path: the file concerned (named in the message).
        pending: the unsaved edit, handed back to the caller.
        writing: the error happened while saving (the message says that
            nothing changed); False while opening or reading.
    """
    if isinstance(exc, NotesError):
        return exc
    outcome = f": {_NOT_SAVED}" if writing else ""
    if isinstance(exc, OSError) and not isinstance(exc, sqlite3.Error):
        return _translate_os_error(exc, path, pending, outcome)
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if primary == _SQLITE_IOERR and _nearly_full(path):
        primary = _SQLITE_FULL  # e.g. fsync reporting ENOSPC on a network drive
    if primary == _SQLITE_FULL or "disk is full" in text:
        return NotesDiskFullError(
            f"the disk is full, or the notes file reached its size limit{outcome}. "
            "Free some space and try again", path, pending)
    if primary == _SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return NotesReadOnlyError(
            f"the notes file cannot be written (read-only file or folder){outcome}",
            path, pending)
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in text \
            or "not a database" in text:
        return NotesCorruptError(
            f"the notes file is damaged ({exc}){outcome}. Restart the app to "
            "recover it from the newest backup", path, pending)
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text:
        return NotesBusyError(
            f"another program kept the notes file locked{outcome}. Try again",
            path, pending)
    if primary == _SQLITE_CANTOPEN or "unable to open" in text:
        return NotesReadOnlyError(
            f"the notes file cannot be opened ({exc}); check that the folder exists "
            "and may be written", path, pending)
    if primary == _SQLITE_IOERR:
        return NotesError(f"the disk reported an error ({exc}){outcome}", path, pending)
    return NotesError(f"{exc}{outcome}", path, pending)


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < 1024 * 1024
    except OSError:
        return False


def _translate_os_error(exc: OSError, path: Path, pending: object, outcome: str) -> NotesError:
    where = Path(exc.filename) if isinstance(exc.filename, str) else path
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return NotesDiskFullError(f"the disk is full{outcome}. Free some space and try again",
                                  where, pending)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR):
        return NotesReadOnlyError(f"cannot be written ({exc.strerror or exc}){outcome}",
                                  where, pending)
    return NotesError(f"{exc.strerror or exc}{outcome}", where, pending)


def is_busy(exc: sqlite3.Error) -> bool:
    """True for "database is locked/busy", which a retry may cure."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    return "locked" in str(exc).lower() or "busy" in str(exc).lower()


def connect(path: Path, *, read_only: bool = False, immutable: bool = False,
            max_pages: int | None = None) -> sqlite3.Connection:
    """A configured connection (WAL, synchronous=FULL, busy_timeout).

    Args:
        path: the database file.
        read_only: open with ``mode=ro`` (no journal changes, no writes).
        immutable: open as an unchanging file (read-only folders where the
            WAL index cannot be created); implies ``read_only``.
        max_pages: cap on the number of pages (simulates a full disk in tests).

    Raises:
        sqlite3.Error: when the file cannot be opened or configured.
    """
    if read_only or immutable:
        flag = "immutable=1" if immutable else "mode=ro"
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{flag}", uri=True,
                               timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000,
                               isolation_level=None)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not (read_only or immutable):
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = FULL")
            if max_pages is not None:
                conn.execute(f"PRAGMA max_page_count = {int(max_pages)}")
        conn.execute("PRAGMA schema_version").fetchone()  # fails now if not a database
    except BaseException:
        conn.close()
        raise
    return conn


def _connect_retrying(path: Path, max_pages: int | None) -> sqlite3.Connection:
    """:func:`connect`, retried when switching to WAL finds the file busy.

    ``PRAGMA journal_mode`` can report "database is locked" at once, without
    waiting for ``busy_timeout``, while another process is opening the file.
    """
    for attempt in range(WRITE_ATTEMPTS * 10):
        try:
            return connect(path, max_pages=max_pages)
        except sqlite3.Error as exc:
            if not is_busy(exc) or attempt + 1 == WRITE_ATTEMPTS * 10:
                raise
            time.sleep(0.02 * (attempt + 1))
    raise AssertionError("unreachable")  # pragma: no cover


class Database:
    """A connection plus the write discipline: one IMMEDIATE transaction per call.

    Args:
        path: the database file.
        read_only: open without writing; every write raises NotesReadOnlyError.
        max_pages: see :func:`connect`.
        disk_full: opened read-only because the disk was full; writes raise
            NotesDiskFullError instead.
    """

    def __init__(self, path: Path, *, read_only: bool = False,
                 max_pages: int | None = None, disk_full: bool = False) -> None:
        self.path = path
        self.read_only = read_only or disk_full
        self.disk_full = disk_full
        try:
            if self.read_only:
                try:
                    self.conn = connect(path, read_only=True)
                except sqlite3.Error:
                    # WAL in a folder we cannot write: no -shm can be made.
                    self.conn = connect(path, immutable=True)
            else:
                self.conn = _connect_retrying(path, max_pages)
        except sqlite3.Error as exc:
            raise translate_error(exc, path, writing=False) from exc

    def write(self, work: Callable[[sqlite3.Connection], T], *, pending: object = None) -> T:
        """Run ``work`` in one ``BEGIN IMMEDIATE`` transaction and commit.

        Returns only after the commit returned, so a caller may say "saved".

        Args:
            work: does the reads and writes; its result is returned.
            pending: the edit being saved, attached to any error raised.

        Raises:
            NotesReadOnlyError, NotesDiskFullError, NotesBusyError,
            NotesCorruptError, NotesError: the transaction was rolled back.
        """
        if self.disk_full:
            raise NotesDiskFullError(
                f"the disk was full when the notes were opened, so they are open read-only: "
                f"{_NOT_SAVED}. Free some space and open the notes again", self.path, pending)
        if self.read_only:
            raise NotesReadOnlyError(
                f"the notes are open read-only (the folder cannot be written): {_NOT_SAVED}",
                self.path, pending)
        for attempt in range(WRITE_ATTEMPTS):
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                if is_busy(exc) and attempt + 1 < WRITE_ATTEMPTS:
                    time.sleep(0.05 * (attempt + 1))
                    continue
                raise translate_error(exc, self.path, pending) from exc
            try:
                result = work(self.conn)
                self.conn.execute("COMMIT")
            except BaseException as exc:
                self._rollback()
                if isinstance(exc, sqlite3.Error | OSError):
                    raise translate_error(exc, self.path, pending) from exc
                if isinstance(exc, NotesError) and exc.pending is None:
                    exc.pending = pending
                raise
            return result
        raise NotesBusyError("the notes file stayed locked", self.path, pending)  # pragma: no cover

    def read(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``work`` in one read transaction (a consistent snapshot)."""
        try:
            self.conn.execute("BEGIN")
            try:
                return work(self.conn)
            finally:
                self._rollback()
        except sqlite3.Error as exc:
            raise translate_error(exc, self.path, writing=False) from exc

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back already
                self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()
