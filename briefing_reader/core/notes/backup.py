"""Rotating backups of the notes database, and putting one back.

A backup is a ``VACUUM INTO`` copy: a consistent snapshot even while
another process writes. It is written under a temporary name, synced and
then renamed, so a half-written backup never looks like a good one. At most
one regular backup is taken per interval and the newest ``keep`` are kept;
backups taken before a migration are named for it and never rotated away.
A damaged database is moved aside under a timestamped name, never deleted.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

DEFAULT_KEEP = 10
DEFAULT_INTERVAL = dt.timedelta(hours=1)
_NAME = re.compile(r"^notes-(\d{8}T\d{12}Z)(?:-before-v(\d+))?\.sqlite3$")
_STAMP = "%Y%m%dT%H%M%S%fZ"
_SIDE_FILES = ("", "-wal", "-shm", "-journal")


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


def make_backup(conn: sqlite3.Connection, backup_dir: Path, *,
                before_version: int | None = None, now: dt.datetime | None = None) -> Path:
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
    """Delete all but the newest ``keep`` regular backups; return what went."""
    regular = [info for info in list_backups(backup_dir) if info.before_version is None]
    removed = []
    for info in regular[keep:]:
        info.path.unlink(missing_ok=True)
        removed.append(info.path)
    return removed


def maybe_backup(conn: sqlite3.Connection, backup_dir: Path, *,
                 interval: dt.timedelta = DEFAULT_INTERVAL, keep: int = DEFAULT_KEEP,
                 now: dt.datetime | None = None) -> Path | None:
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
        raise ValueError(f"{backup}: not a sound backup ({problem})")
    moved = move_aside(db_path, "replaced", now)
    copy_into_place(backup, db_path)
    return moved
