"""Opening the notes store: repair what can be repaired, and say what happened.

On open:

- a folder that cannot be written opens the notes read-only (they are
  shown; saving raises NotesReadOnlyError with the reason);
- a database that will not open or fails ``integrity_check`` is moved aside
  under a timestamped name (never deleted) and the newest backup that
  passes ``integrity_check`` is put in its place;
- a database that opens soundly but counts fewer commits than its side file
  (``notes.sqlite3-commits``) lost saved changes with its WAL (deleted or
  truncated): the user is told, and when a backup holds more, it is put in
  place (the file is moved aside first);
- the schema is migrated, after a backup of the old file;
- trash older than 30 days is purged, and a backup taken when the database
  differs from the newest backup (the last run changed notes).

Everything worth telling the user lands in the store's
:class:`OpenReport`, in plain words.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

from briefing_reader.core.messages import Message, message
from briefing_reader.core.notes import backup, schema, trash
from briefing_reader.core.notes.db import (
    Database,
    read_commit_mirror,
    read_commits,
    translate_error,
    write_commit_mirror,
)
from briefing_reader.core.notes.errors import (
    NotesCorruptError,
    NotesDiskFullError,
    NotesReadOnlyError,
)
from briefing_reader.core.notes.lock import opening_lock
from briefing_reader.core.notes.model import OpenEvent, OpenReport
from briefing_reader.core.notes.store import NotesStore

_READ_ONLY_ERRNOS = (errno.EACCES, errno.EPERM, errno.EROFS)
_DAMAGED = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
_DAMAGE_WORDS = re.compile(r"malformed|not a database|corrupt", re.IGNORECASE)


def open_store(
    db_path: Path | str,
    backup_dir: Path | str | None = None,
    *,
    backup_interval: dt.timedelta = backup.DEFAULT_INTERVAL,
    backup_keep: int = backup.DEFAULT_KEEP,
    now: dt.datetime | None = None,
    max_pages: int | None = None,
) -> NotesStore:
    """Open (creating, repairing or migrating as needed) the notes database.

    Args:
        db_path: the database file (``Paths.notes_db``).
        backup_dir: where backups live (``Paths.backups``; default: a
            ``backups`` folder beside the database).
        backup_interval: at most one rotating backup per interval.
        backup_keep: rotating backups to keep.
        now: the current time (tests).
        max_pages: cap on the database size in pages (simulates a full disk).

    Returns:
        The store; ``store.report`` says what was found and done.

    Raises:
        NotesReadOnlyError: the folder cannot be created, or is read-only
            and holds no notes yet (or notes in an old format).
        NotesCorruptError: the database is damaged and the folder is read-only.
        NotesSchemaError: the database was made by a newer version of the app.
        NotesError: another failure, with the file and reason.
    """
    db_path = Path(db_path)
    backups = Path(backup_dir) if backup_dir is not None else db_path.parent / "backups"
    moment = now or dt.datetime.now(dt.UTC)
    folder = db_path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NotesReadOnlyError(
            message("notes.folder_uncreatable", problem=exc.strerror or exc),
            folder,
        ) from exc
    events: list[OpenEvent] = []
    if not (_can_create_in(folder) and _can_write(db_path)):
        return _open_read_only(db_path, backups, events)
    try:
        with opening_lock(db_path):
            return _open_writable(
                db_path, backups, events, moment, backup_interval, backup_keep, max_pages
            )
    except NotesDiskFullError as full:
        if not db_path.exists() or db_path.stat().st_size == 0:
            raise
        events.append(OpenEvent("disk_full", message("notes.disk_full_open"), True, (str(folder),)))
        return _open_read_only(db_path, backups, events, full)


def _open_writable(
    db_path: Path,
    backups: Path,
    events: list[OpenEvent],
    moment: dt.datetime,
    backup_interval: dt.timedelta,
    backup_keep: int,
    max_pages: int | None,
) -> NotesStore:
    _repair(db_path, backups, events, moment)
    db = Database(db_path, max_pages=max_pages)
    try:
        _migrate(db, backups, events, moment)
        purged = db.write(lambda conn: trash.purge(conn, moment))
        if purged:
            events.append(OpenEvent("purged", message("notes.purged", count=purged)))
        try:
            # The last run changed notes (or was killed before its closing backup).
            taken = backup.backup_if_changed(db.conn, backups, keep=backup_keep, now=moment)
            backup.rotate(backups, backup_keep)  # also the last run's closing backup
        except (OSError, sqlite3.Error) as exc:
            reason = translate_error(exc, backups, writing=False).message
            events.append(
                OpenEvent(
                    "backup_failed",
                    message("notes.backup_failed", reason=reason),
                    True,
                    (str(backups),),
                )
            )
        else:
            if taken is not None:
                events.append(
                    OpenEvent("backed_up", message("notes.backed_up"), False, (str(taken),))
                )
    except BaseException as exc:
        db.close()
        if isinstance(exc, sqlite3.Error | OSError):
            raise translate_error(exc, db_path, writing=False) from exc
        raise
    db.after_change.append(backup.FirstNotesBackup(backups, backup_keep))
    return NotesStore(
        db,
        backups,
        OpenReport(tuple(events)),
        backup_interval=backup_interval,
        backup_keep=backup_keep,
    )


def _can_create_in(folder: Path) -> bool:
    """Whether a file can be created in ``folder`` (probed: works for root too)."""
    probe = folder / f".write-probe-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    try:
        fd = os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError as exc:
        return exc.errno not in _READ_ONLY_ERRNOS
    os.close(fd)
    probe.unlink(missing_ok=True)
    return True


def _can_write(db_path: Path) -> bool:
    try:
        fd = os.open(db_path, os.O_RDWR)
    except FileNotFoundError:
        return True
    except OSError as exc:
        return exc.errno not in _READ_ONLY_ERRNOS
    os.close(fd)
    return True


def _open_read_only(
    db_path: Path, backups: Path, events: list[OpenEvent], full: NotesDiskFullError | None = None
) -> NotesStore:
    """Open for reading only: the folder cannot be written (or the disk is full)."""
    folder = db_path.parent
    if not db_path.exists() or db_path.stat().st_size == 0:
        raise NotesReadOnlyError(message("notes.folder_read_only"), folder)

    def unrepairable(problem: object) -> Message:
        return message("notes.unrepairable", problem=str(problem))

    try:
        db = Database(db_path, read_only=True, disk_full=full is not None)
    except NotesCorruptError as exc:
        cause = exc.__cause__ or exc
        raise NotesCorruptError(unrepairable(cause), db_path) from exc
    try:
        problem = _integrity(db.conn)
        if problem is not None:
            raise NotesCorruptError(unrepairable(problem), db_path)
        version = schema.user_version(db.conn)
        if version < schema.SCHEMA_VERSION and full is not None:
            raise full
        if version < schema.SCHEMA_VERSION:
            raise NotesReadOnlyError(message("notes.needs_migration"), folder)
        if version > schema.SCHEMA_VERSION:
            schema.migrate(db.conn, db_path, lambda _v: None)  # raises NotesSchemaError
    except BaseException as exc:
        db.close()
        if isinstance(exc, sqlite3.Error):
            error = translate_error(exc, db_path, writing=False)
            if isinstance(error, NotesCorruptError):
                error = NotesCorruptError(unrepairable(exc), db_path)
            raise error from exc
        raise
    if full is None:
        events.append(
            OpenEvent(
                "read_only",
                message("notes.read_only_open", folder=str(folder)),
                True,
                (str(folder),),
            )
        )
    return NotesStore(db, backups, OpenReport(tuple(events), read_only=True))


def _integrity(conn: sqlite3.Connection) -> str | None:
    found = [str(row[0]) for row in conn.execute("PRAGMA integrity_check").fetchall()]
    problems = [p for p in found if p != "ok"]
    return "; ".join(problems[:3]) if problems else None


def _as_found_wal(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-wal.as-found")


@dataclass(frozen=True)
class _Found:
    """What checking the database found: a problem, or its commit count and schema."""

    problem: str | None
    commits: int = 0
    version: int = 0
    mirror: tuple[int, int] | None = None  # (commits, schema) from the side file


def _examine(db_path: Path) -> _Found:
    """Why the database cannot be used as it is, or its counters when it is sound.

    SQLite may delete or checkpoint the WAL when the checking connection
    closes, so a copy of the WAL as found is taken first: if the database is
    damaged, that copy is moved aside with it (it may hold the latest notes).
    """
    # The side file first: another process may commit meanwhile, and read in
    # this order the side file can only be behind the database, never ahead.
    mirror = read_commit_mirror(db_path)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        with contextlib.suppress(OSError):  # no room for a copy: check all the same
            shutil.copyfile(wal, _as_found_wal(db_path))
    try:
        # Read-only: closing it checkpoints nothing into a file that may go aside as found.
        conn = sqlite3.connect(
            f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0, isolation_level=None
        )
    except sqlite3.Error as exc:
        return _Found(_damage(exc, db_path))
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        problem = _integrity(conn)
        if problem is not None:
            return _Found(problem)
        return _Found(None, read_commits(conn), schema.user_version(conn), mirror)
    except sqlite3.Error as exc:
        return _Found(_damage(exc, db_path))
    finally:
        conn.close()


def _missing_commits(found: _Found) -> int:
    """How many saved commits the side file counts beyond the database (0: none)."""
    if found.mirror is None:
        return 0
    commits, version = found.mirror
    if commits > found.commits:
        return commits - found.commits
    return 1 if version > found.version else 0  # a migration was lost


def _damage(exc: sqlite3.Error, db_path: Path) -> str:
    """The reason when ``exc`` says the file is damaged; raise for anything else.

    A full disk, a lock or a permission problem is not damage: moving the
    file aside then would hide sound notes behind an older backup.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in _DAMAGED or (primary is None and _DAMAGE_WORDS.search(str(exc))):
        return str(exc)
    raise translate_error(exc, db_path, writing=False) from exc


def _repair(db_path: Path, backups: Path, events: list[OpenEvent], now: dt.datetime) -> None:
    """Move a damaged (or vanished) database aside and restore the newest good
    backup; tell about saved changes lost with the WAL."""
    if db_path.exists():
        if db_path.stat().st_size == 0:
            # SQLite would take an empty file for a new database: after a crash
            # or a disk full, that would silently start over without the notes.
            problem = "the file is empty" if backup.list_backups(backups) else None
            found = _Found(problem, mirror=read_commit_mirror(db_path))
        else:
            found = _examine(db_path)
        missing = _missing_commits(found) if found.problem is None else 0
        if found.problem is None and not missing:
            _as_found_wal(db_path).unlink(missing_ok=True)
            return
        if missing and not _backup_holds_more(backups, found.commits):
            _keep_after_lost_changes(db_path, found, missing, events, now)
            return
        moved = _move_aside(db_path, "changes-lost" if missing else "damaged", now)
        if missing:
            events.append(_lost_event(db_path, missing, moved[0].name))
        else:
            events.append(
                OpenEvent(
                    "moved_aside",
                    message(
                        "notes.moved_aside",
                        problem=str(found.problem),
                        name=moved[0].name,
                        folder=str(db_path.parent),
                    ),
                    True,
                    tuple(str(p) for p in moved),
                )
            )
    else:
        if not backup.list_backups(backups) and read_commit_mirror(db_path) is None:
            return  # a new profile
        # A WAL left without its database would be replayed onto the restored backup.
        backup.move_aside(db_path, "orphan", now)
    _restore_newest(db_path, backups, events)


def _move_aside(db_path: Path, tag: str, now: dt.datetime) -> list[Path]:
    """The database and its side files, and the copy of its WAL as found, moved aside."""
    try:
        moved = backup.move_aside(db_path, tag, now)
        kept_wal = _as_found_wal(db_path)
        if kept_wal.exists():
            target = moved[0].with_name(moved[0].name + "-wal-as-found")
            os.replace(kept_wal, target)
            moved.append(target)
    except OSError as exc:
        raise translate_error(exc, db_path, writing=False) from exc
    return moved


def _backup_holds_more(backups: Path, commits: int) -> bool:
    good = backup.newest_good_backup(backups)
    facts = backup.backup_facts(good.path) if good is not None else None
    return facts is not None and facts.commits > commits


def _lost_event(db_path: Path, missing: int, kept: str | None, restoring: bool = True) -> OpenEvent:
    """``changes_lost``: how many commits are missing, why, and what was kept where."""
    if restoring:
        code = "notes.changes_lost_restoring"
    else:
        code = "notes.changes_lost_no_backup" + ("_kept" if kept is not None else "")
    said = message(code, missing=missing, name=db_path.name, kept=kept, folder=str(db_path.parent))
    return OpenEvent("changes_lost", said, True, (str(db_path.parent / kept),) if kept else ())


def _keep_after_lost_changes(
    db_path: Path, found: _Found, missing: int, events: list[OpenEvent], now: dt.datetime
) -> None:
    """No backup holds more: keep the database, keep what was left of its WAL
    beside it, tell the user, and count from here (so it is told once)."""
    left = _as_found_wal(db_path)
    name: str | None = (
        f"{db_path.name}.changes-lost-{now.astimezone(dt.UTC).strftime('%Y%m%dT%H%M%SZ')}-wal"
    )
    try:
        os.replace(left, db_path.with_name(str(name)))
    except OSError:  # nothing was left of the WAL (deleted, or truncated to nothing)
        name = None
    write_commit_mirror(db_path, found.commits, found.version)
    events.append(_lost_event(db_path, missing, name, restoring=False))


def _restore_newest(db_path: Path, backups: Path, events: list[OpenEvent]) -> None:
    """Put the newest good backup in place, naming it and its time in the report."""
    good = backup.newest_good_backup(backups)
    if good is None:
        code = "notes.started_empty" if events else "notes.started_empty_missing"
        said = message(code, folder=str(db_path.parent))
        events.append(OpenEvent("started_empty", said, True))
        return
    try:
        backup.copy_into_place(good.path, db_path)
    except OSError as exc:
        raise translate_error(exc, db_path, writing=False) from exc
    when = good.taken.astimezone().strftime("%Y-%m-%d %H:%M")
    code = "notes.restored" if events else "notes.restored_missing"
    said = message(code, name=good.path.name, when=when)
    events.append(OpenEvent("restored", said, True, (str(good.path),)))


def _migrate(db: Database, backups: Path, events: list[OpenEvent], now: dt.datetime) -> None:
    made: list[Path] = []

    def before(version: int) -> Path:
        try:
            path = backup.make_backup(db.conn, backups, before_version=version, now=now)
        except (OSError, sqlite3.Error) as exc:
            error = translate_error(exc, backups, writing=False)
            raise type(error)(
                message("notes.no_backup_before_update", reason=error.message), error.path
            ) from exc
        made.append(path)
        return path

    done = schema.migrate(db.conn, db.path, before)
    if done and made:
        events.append(
            OpenEvent(
                "migrated",
                message("notes.migrated", version=done[-1], name=made[0].name),
                False,
                (str(made[0]),),
            )
        )
