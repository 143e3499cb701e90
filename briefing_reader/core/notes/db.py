"""One SQLite connection used the safe way, and SQLite errors in plain words.

The connection runs in autocommit mode (``isolation_level=None``) and every
write is an explicit ``BEGIN IMMEDIATE ... COMMIT``: the write lock is taken
up front, so a read-then-write never fails half-way with "database is
locked" when another process writes at the same time (a deferred ``BEGIN``
does). ``busy_timeout`` makes a waiting writer sleep instead of failing, and
a write that still finds the database busy is retried a few times. The
journal is WAL with ``synchronous=FULL``: a commit that returned survives a
crash of the program and a power cut.

A commit that lands in a WAL that is later deleted or truncated is lost
without SQLite noticing. So every transaction that changes rows also counts
itself in the ``settings`` table (``commits``), and the count and schema
version are mirrored in a small side file (``notes.sqlite3-commits``) after
the commit: when the database, once opened, counts fewer commits than the
side file, saved changes were lost and the user is told (see recovery).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from briefing_reader.core.messages import Message, message, plain
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


#: The settings key of the commit counter, and the side file's suffix.
COMMITS_KEY = "commits"
COMMITS_SUFFIX = "-commits"


def translate_error(
    exc: BaseException, path: Path, pending: object = None, *, writing: bool = True
) -> NotesError:
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
    outcome = _outcome(writing)
    if isinstance(exc, OSError) and not isinstance(exc, sqlite3.Error):
        return _translate_os_error(exc, path, pending, outcome)
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if primary == _SQLITE_IOERR and _nearly_full(path):
        primary = _SQLITE_FULL  # e.g. fsync reporting ENOSPC on a network drive
    if primary == _SQLITE_FULL or "disk is full" in text:
        return NotesDiskFullError(message("notes.disk_full", outcome=outcome), path, pending)
    if primary == _SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return NotesReadOnlyError(message("notes.read_only", outcome=outcome), path, pending)
    if (
        primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
        or "malformed" in text
        or "not a database" in text
    ):
        return NotesCorruptError(
            message("notes.corrupt", problem=str(exc), outcome=outcome), path, pending
        )
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text:
        return NotesBusyError(message("notes.busy", outcome=outcome), path, pending)
    if primary == _SQLITE_CANTOPEN or "unable to open" in text:
        return NotesReadOnlyError(message("notes.cannot_open", problem=str(exc)), path, pending)
    if primary == _SQLITE_IOERR:
        return NotesError(
            message("notes.disk_error", problem=str(exc), outcome=outcome), path, pending
        )
    return NotesError(message("notes.other", problem=str(exc), outcome=outcome), path, pending)


def _outcome(writing: bool) -> Message:
    """While saving, the error says that nothing changed."""
    return message("notes.outcome") if writing else plain("")


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < 1024 * 1024
    except OSError:
        return False


def _translate_os_error(exc: OSError, path: Path, pending: object, outcome: Message) -> NotesError:
    where = Path(exc.filename) if isinstance(exc.filename, str) else path
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return NotesDiskFullError(message("notes.os_disk_full", outcome=outcome), where, pending)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR):
        return NotesReadOnlyError(
            message("notes.os_read_only", problem=exc.strerror or exc, outcome=outcome),
            where,
            pending,
        )
    return NotesError(
        message("notes.other", problem=exc.strerror or exc, outcome=outcome), where, pending
    )


def is_busy(exc: sqlite3.Error) -> bool:
    """True for "database is locked/busy", which a retry may cure."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    return "locked" in str(exc).lower() or "busy" in str(exc).lower()


def connect(
    path: Path, *, read_only: bool = False, immutable: bool = False, max_pages: int | None = None
) -> sqlite3.Connection:
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
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?{flag}",
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
        )
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
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

    def __init__(
        self,
        path: Path,
        *,
        read_only: bool = False,
        max_pages: int | None = None,
        disk_full: bool = False,
    ) -> None:
        self.path = path
        self.read_only = read_only or disk_full
        self.disk_full = disk_full
        #: Called with the connection after every commit that changed rows
        #: (e.g. the backup after the first notes); errors there are not raised.
        self.after_change: list[Callable[[sqlite3.Connection], object]] = []
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
                message("notes.opened_disk_full", outcome=_outcome(True)), self.path, pending
            )
        if self.read_only:
            raise NotesReadOnlyError(
                message("notes.opened_read_only", outcome=_outcome(True)), self.path, pending
            )
        for attempt in range(WRITE_ATTEMPTS):
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                if is_busy(exc) and attempt + 1 < WRITE_ATTEMPTS:
                    time.sleep(0.05 * (attempt + 1))
                    continue
                raise translate_error(exc, self.path, pending) from exc
            try:
                changes = self.conn.total_changes
                result = work(self.conn)
                counted = _count_commit(self.conn) if self.conn.total_changes != changes else None
                self.conn.execute("COMMIT")
            except BaseException as exc:
                self._rollback()
                if isinstance(exc, sqlite3.Error | OSError):
                    raise translate_error(exc, self.path, pending) from exc
                if isinstance(exc, NotesError) and exc.pending is None:
                    exc.pending = pending
                raise
            if counted is not None:
                self._changed(*counted)
            return result
        raise NotesBusyError(message("notes.stayed_locked"), self.path, pending)  # pragma: no cover

    def _changed(self, commits: int, version: int) -> None:
        """After a commit that changed rows: mirror the counter, run the hooks.

        The commit is saved by now, so nothing here may fail the write.
        """
        write_commit_mirror(self.path, commits, version)
        for hook in self.after_change:
            with contextlib.suppress(OSError, sqlite3.Error, NotesError):
                hook(self.conn)

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


def read_commits(conn: sqlite3.Connection) -> int:
    """The commit counter stored in the database (0 before the first change)."""
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (COMMITS_KEY,)).fetchone()
    except sqlite3.OperationalError:  # no settings table yet: a new database
        return 0
    try:
        value = json.loads(row[0]) if row is not None else 0
    except ValueError:
        return 0
    return value if isinstance(value, int) else 0


def _count_commit(conn: sqlite3.Connection) -> tuple[int, int] | None:
    """Add one to the counter inside the open transaction; (count, user_version)."""
    try:
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, '1') ON CONFLICT (key) "
            "DO UPDATE SET value = CAST(value AS INTEGER) + 1",
            (COMMITS_KEY,),
        )
    except sqlite3.OperationalError:  # no settings table (not a notes database yet)
        return None
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    return read_commits(conn), version


def mirror_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + COMMITS_SUFFIX)


def write_commit_mirror(db_path: Path, commits: int, version: int) -> None:
    """Write the side file (temporary file, then rename: never half-written).

    Not synced on purpose: it is written after the commit was synced, so after
    a power cut it can only be behind the database, which never raises a
    false alarm. A failure (e.g. a full disk) only skips the check.
    """
    target = mirror_path(db_path)
    temp = target.with_name(f"{target.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    try:
        temp.write_text(json.dumps({"commits": commits, "schema": version}), encoding="utf-8")
        os.replace(temp, target)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()


def read_commit_mirror(db_path: Path) -> tuple[int, int] | None:
    """(commits, schema version) from the side file; None when absent or unreadable."""
    try:
        data = json.loads(mirror_path(db_path).read_text(encoding="utf-8")[:200])
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    commits, version = data.get("commits"), data.get("schema")
    if isinstance(commits, int) and isinstance(version, int):
        return commits, version
    return None
