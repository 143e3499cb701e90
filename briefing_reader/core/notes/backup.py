"""Rotating backups of the notes database, and putting one back.

A backup is a ``VACUUM INTO`` copy: a consistent snapshot even while
another process writes. It is written under a temporary name, synced and
then renamed, so a half-written backup never looks like a good one. At most
one regular backup is taken per interval and the newest ``keep`` are kept;
backups taken before a migration are named for it and never rotated away.
A damaged database is moved aside under a timestamped name, never deleted.

Backups that hold notes (issue 13): besides the interval, a backup is taken
as soon as the first notes are written (:class:`FirstNotesBackup`), and at the
end and the start of every run whose database differs from the newest backup
(:func:`backup_if_changed`, by the commit counter; the start covers a run
that was killed before it could take its closing backup).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from briefing_reader.core.messages import message
from briefing_reader.core.notes.db import COMMITS_SUFFIX, read_commits
from briefing_reader.core.notes.errors import NotesValidationError
from briefing_reader.core.notes.tables import NOTE_TABLES

DEFAULT_KEEP = 10
DEFAULT_INTERVAL = dt.timedelta(hours=1)
_NAME = re.compile(r"^notes-(\d{8}T\d{12}Z)(?:-before-v(\d+))?\.sqlite3$")
_STAMP = "%Y%m%dT%H%M%S%fZ"
_SIDE_FILES = ("", "-wal", "-shm", "-journal", COMMITS_SUFFIX)
#: A ``.partial`` backup older than this was left by a run that died.
_STALE_PARTIAL = dt.timedelta(minutes=10)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file.

    Attributes:
        path: the file.
        taken: when it was taken (UTC).
        before_version: for a backup taken before a migration, the schema
            version it holds; None for a regular backup.
    """

    path: Path
    taken: dt.datetime
    before_version: int | None = None


def _stamp(now: dt.datetime | None) -> str:
    return (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime(_STAMP)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where not supported)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Every backup in ``backup_dir``, newest first."""
    if not backup_dir.is_dir():
        return []
    found = []
    for path in backup_dir.iterdir():
        match = _NAME.match(path.name)
        if match is None:
            continue
        taken = dt.datetime.strptime(match.group(1), _STAMP).replace(tzinfo=dt.UTC)
        before = int(match.group(2)) if match.group(2) else None
        found.append(BackupInfo(path, taken, before))
    return sorted(found, key=lambda info: info.taken, reverse=True)


def make_backup(
    conn: sqlite3.Connection,
    backup_dir: Path,
    *,
    before_version: int | None = None,
    now: dt.datetime | None = None,
) -> Path:
    """Write a backup of the database behind ``conn`` into ``backup_dir``.

    Args:
        conn: an open connection, not inside a transaction.
        backup_dir: created if missing.
        before_version: mark the backup as taken before migrating from this
            schema version (such backups are not rotated).
        now: the time to name it by (tests).

    Returns:
        The backup file.

    Raises:
        sqlite3.Error, OSError: the backup failed (the partial file is removed).
    """
    backup_dir.mkdir(parents=True, exist_ok=True)
    suffix = f"-before-v{before_version}" if before_version is not None else ""
    final = backup_dir / f"notes-{_stamp(now)}{suffix}.sqlite3"
    partial = final.with_name(final.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        conn.execute("VACUUM INTO ?", (str(partial),))
        _fsync_file(partial)
        os.replace(partial, final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    fsync_dir(backup_dir)
    return final


def rotate(backup_dir: Path, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` regular backups, and partial ones a
    killed run left behind; return what went."""
    regular = [info for info in list_backups(backup_dir) if info.before_version is None]
    removed = []
    for info in regular[keep:]:
        info.path.unlink(missing_ok=True)
        removed.append(info.path)
    limit = dt.datetime.now().timestamp() - _STALE_PARTIAL.total_seconds()
    for path in backup_dir.glob("notes-*.sqlite3.partial"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # another process finished or removed it meanwhile
    return removed


def holds_notes(conn: sqlite3.Connection) -> bool:
    """Whether the database holds any action note, highlight or bookmark."""
    try:
        return any(
            conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]
            for table in NOTE_TABLES
        )
    except sqlite3.OperationalError:  # no such table: no schema yet
        return False


@dataclass(frozen=True)
class BackupFacts:
    """What a backup file holds: its commit counter and whether it has notes."""

    commits: int
    notes: bool


def backup_facts(path: Path) -> BackupFacts | None:
    """The facts of a backup file, or None when it cannot be read."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    except sqlite3.Error:
        return None
    try:
        return BackupFacts(read_commits(conn), holds_notes(conn))
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def newest_facts(backup_dir: Path) -> BackupFacts | None:
    """The facts of the newest backup (of any kind), or None when there is none."""
    found = list_backups(backup_dir)
    return backup_facts(found[0].path) if found else None


def backup_if_changed(
    conn: sqlite3.Connection,
    backup_dir: Path,
    *,
    keep: int | None = DEFAULT_KEEP,
    now: dt.datetime | None = None,
) -> Path | None:
    """Take a backup when the database's commit counter differs from the
    newest backup's, or there is none; returns it, or None.

    Args:
        keep: rotate to this many regular backups after; None: do not rotate
            now (the next open does), e.g. when closing.
    """
    newest = newest_facts(backup_dir)
    if newest is not None and newest.commits == read_commits(conn):
        return None
    path = make_backup(conn, backup_dir, now=now)
    if keep is not None:
        rotate(backup_dir, keep)
    return path


class FirstNotesBackup:
    """An ``after_change`` hook of the database: a backup as soon as the
    database holds notes and the newest backup does not."""

    def __init__(self, backup_dir: Path, keep: int = DEFAULT_KEEP) -> None:
        self.backup_dir = backup_dir
        self.keep = keep
        facts = newest_facts(backup_dir)
        self.done = facts is not None and facts.notes

    def __call__(self, conn: sqlite3.Connection) -> Path | None:
        if self.done or not holds_notes(conn):
            return None
        path = make_backup(conn, self.backup_dir)
        rotate(self.backup_dir, self.keep)
        self.done = True
        return path


def maybe_backup(
    conn: sqlite3.Connection,
    backup_dir: Path,
    *,
    interval: dt.timedelta = DEFAULT_INTERVAL,
    keep: int = DEFAULT_KEEP,
    now: dt.datetime | None = None,
) -> Path | None:
    """Take a backup unless a regular one is younger than ``interval``.

    Returns:
        The new backup, or None when none was due.
    """
    moment = now or dt.datetime.now(dt.UTC)
    regular = [info for info in list_backups(backup_dir) if info.before_version is None]
    if regular and moment - regular[0].taken < interval:
        return None
    path = make_backup(conn, backup_dir, now=moment)
    rotate(backup_dir, keep)
    return path


def check_file(path: Path) -> str | None:
    """Why ``path`` is not a sound SQLite database, or None if it is.

    The file is opened as immutable, so checking never writes next to it.
    """
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        conn.close()
    problems = [str(row[0]) for row in rows if row[0] != "ok"]
    return "; ".join(problems[:3]) if problems else None


def newest_good_backup(backup_dir: Path) -> BackupInfo | None:
    """The newest backup that passes ``integrity_check``, or None."""
    for info in list_backups(backup_dir):
        if info.path.stat().st_size > 0 and check_file(info.path) is None:
            return info
    return None


def move_aside(db_path: Path, tag: str = "damaged", now: dt.datetime | None = None) -> list[Path]:
    """Rename the database and its WAL/SHM files to timestamped names.

    The WAL goes with the file it belongs to: left behind, it could be
    replayed onto a restored backup.

    Returns:
        The new names (the database first, when it existed).
    """
    stamp = _stamp(now)
    moved = []
    for side in _SIDE_FILES:
        source = db_path.with_name(db_path.name + side)
        if not source.exists():
            continue
        target = db_path.with_name(f"{db_path.name}.{tag}-{stamp}{side}")
        os.replace(source, target)
        moved.append(target)
    fsync_dir(db_path.parent)
    return moved


def copy_into_place(backup: Path, db_path: Path) -> None:
    """Copy ``backup`` to ``db_path`` atomically (temporary file, sync, rename).

    The caller must have moved any existing database (and its WAL) aside.
    """
    partial = db_path.with_name(db_path.name + ".restoring")
    try:
        shutil.copyfile(backup, partial)
        _fsync_file(partial)
        os.replace(partial, db_path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    fsync_dir(db_path.parent)


def restore_backup(backup: Path, db_path: Path, now: dt.datetime | None = None) -> list[Path]:
    """Put ``backup`` in place of the database; the current one is moved aside.

    Call with every connection to the database closed.

    Returns:
        Where the replaced database files went.

    Raises:
        ValueError: the backup does not pass ``integrity_check``.
        OSError: a file could not be moved or written.
    """
    problem = check_file(backup)
    if problem is not None:
        raise NotesValidationError(message("notes.unsound_backup", problem=problem), backup)
    moved = move_aside(db_path, "replaced", now)
    copy_into_place(backup, db_path)
    return moved
