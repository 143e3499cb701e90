"""Opening the notes store: repair what can be repaired, and say what happened.

On open:

- a folder that cannot be written opens the notes read-only (they are
  shown; saving raises NotesReadOnlyError with the reason);
- a database that will not open or fails ``integrity_check`` is moved aside
  under a timestamped name (never deleted) and the newest backup that
  passes ``integrity_check`` is put in its place;
- the schema is migrated, after a backup of the old file;
- trash older than 30 days is purged and a rotating backup taken if due.

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
from pathlib import Path

from briefing_reader.core.notes import backup, schema, trash
from briefing_reader.core.notes.db import Database, translate_error
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


def open_store(db_path: Path | str, backup_dir: Path | str | None = None, *,
               backup_interval: dt.timedelta = backup.DEFAULT_INTERVAL,
               backup_keep: int = backup.DEFAULT_KEEP,
               now: dt.datetime | None = None,
               max_pages: int | None = None) -> NotesStore:
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
            f"the notes folder cannot be created ({exc.strerror or exc}), so notes cannot "
            "be kept", folder) from exc
    events: list[OpenEvent] = []
    if not (_can_create_in(folder) and _can_write(db_path)):
        return _open_read_only(db_path, backups, events)
    try:
        with opening_lock(db_path):
            return _open_writable(db_path, backups, events, moment, backup_interval,
                                  backup_keep, max_pages)
    except NotesDiskFullError as full:
        if not db_path.exists() or db_path.stat().st_size == 0:
            raise
        events.append(OpenEvent(
            "disk_full", "The disk is full. Your notes are shown, but changes cannot be saved "
            "until some space is freed and the notes are opened again.", True, (str(folder),)))
        return _open_read_only(db_path, backups, events, full)


def _open_writable(db_path: Path, backups: Path, events: list[OpenEvent], moment: dt.datetime,
                   backup_interval: dt.timedelta, backup_keep: int,
                   max_pages: int | None) -> NotesStore:
    _repair(db_path, backups, events, moment)
    db = Database(db_path, max_pages=max_pages)
    try:
        _migrate(db, backups, events, moment)
        purged = db.write(lambda conn: trash.purge(conn, moment))
        if purged:
            events.append(OpenEvent(
                "purged", f"{purged} deleted item(s) older than 30 days were removed for good."))
        try:
            taken = backup.maybe_backup(db.conn, backups, interval=backup_interval,
                                        keep=backup_keep, now=moment)
        except (OSError, sqlite3.Error) as exc:
            reason = translate_error(exc, backups, writing=False).reason
            events.append(OpenEvent(
                "backup_failed", f"A backup of your notes could not be made: {reason}. "
                "Your notes are saved as usual.", True, (str(backups),)))
        else:
            if taken is not None:
                events.append(OpenEvent("backed_up", "A backup of your notes was made.",
                                        False, (str(taken),)))
    except BaseException as exc:
        db.close()
        if isinstance(exc, sqlite3.Error | OSError):
            raise translate_error(exc, db_path, writing=False) from exc
        raise
    return NotesStore(db, backups, OpenReport(tuple(events)), backup_interval=backup_interval,
                      backup_keep=backup_keep)


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


def _open_read_only(db_path: Path, backups: Path, events: list[OpenEvent],
                    full: NotesDiskFullError | None = None) -> NotesStore:
    """Open for reading only: the folder cannot be written (or the disk is full)."""
    folder = db_path.parent
    if not db_path.exists() or db_path.stat().st_size == 0:
        raise NotesReadOnlyError("the notes folder cannot be written, so notes cannot be kept",
                                 folder)
    unrepairable = ("the notes file is damaged ({}) and its folder cannot be written, so it "
                    "cannot be repaired from a backup")
    try:
        db = Database(db_path, read_only=True, disk_full=full is not None)
    except NotesCorruptError as exc:
        cause = exc.__cause__ or exc
        raise NotesCorruptError(unrepairable.format(cause), db_path) from exc
    try:
        problem = _integrity(db.conn)
        if problem is not None:
            raise NotesCorruptError(unrepairable.format(problem), db_path)
        version = schema.user_version(db.conn)
        if version < schema.SCHEMA_VERSION and full is not None:
            raise full
        if version < schema.SCHEMA_VERSION:
            raise NotesReadOnlyError(
                "the notes file must be updated to a new format, but its folder cannot be "
                "written", folder)
        if version > schema.SCHEMA_VERSION:
            schema.migrate(db.conn, db_path, lambda _v: None)  # raises NotesSchemaError
    except BaseException as exc:
        db.close()
        if isinstance(exc, sqlite3.Error):
            error = translate_error(exc, db_path, writing=False)
            if isinstance(error, NotesCorruptError):
                error = NotesCorruptError(unrepairable.format(exc), db_path)
            raise error from exc
        raise
    if full is None:
        events.append(OpenEvent(
            "read_only", f"The notes folder {folder} cannot be written. Your notes are shown, "
            "but changes cannot be saved until the folder can be written again.", True,
            (str(folder),)))
    return NotesStore(db, backups, OpenReport(tuple(events), read_only=True))


def _integrity(conn: sqlite3.Connection) -> str | None:
    found = [str(row[0]) for row in conn.execute("PRAGMA integrity_check").fetchall()]
    problems = [p for p in found if p != "ok"]
    return "; ".join(problems[:3]) if problems else None


def _as_found_wal(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-wal.as-found")


def _problem(db_path: Path) -> str | None:
    """Why the database cannot be used as it is, or None when it is sound.

    SQLite may delete or checkpoint the WAL when the checking connection
    closes, so a copy of the WAL as found is taken first: if the database is
    damaged, that copy is moved aside with it (it may hold the latest notes).
    """
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        with contextlib.suppress(OSError):  # no room for a copy: check all the same
            shutil.copyfile(wal, _as_found_wal(db_path))
    try:
        conn = sqlite3.connect(str(db_path), timeout=5.0, isolation_level=None)
    except sqlite3.Error as exc:
        return _damage(exc, db_path)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        return _integrity(conn)
    except sqlite3.Error as exc:
        return _damage(exc, db_path)
    finally:
        conn.close()


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
    """Move a damaged (or vanished) database aside and restore the newest good backup."""
    if db_path.exists():
        if db_path.stat().st_size == 0:
            # SQLite would take an empty file for a new database: after a crash
            # or a disk full, that would silently start over without the notes.
            problem = "the file is empty" if backup.list_backups(backups) else None
        else:
            problem = _problem(db_path)
        if problem is None:
            _as_found_wal(db_path).unlink(missing_ok=True)
            return
        try:
            moved = backup.move_aside(db_path, "damaged", now)
            kept_wal = _as_found_wal(db_path)
            if kept_wal.exists():
                target = moved[0].with_name(moved[0].name + "-wal-as-found")
                os.replace(kept_wal, target)
                moved.append(target)
        except OSError as exc:
            raise translate_error(exc, db_path, writing=False) from exc
        events.append(OpenEvent(
            "moved_aside", f"The notes file was damaged ({problem}). It was moved aside to "
            f"{moved[0].name} in {db_path.parent}; nothing was deleted.", True,
            tuple(str(p) for p in moved)))
    else:
        if not backup.list_backups(backups):
            return  # a new profile
        # A WAL left without its database would be replayed onto the restored backup.
        backup.move_aside(db_path, "orphan", now)
    good = backup.newest_good_backup(backups)
    if good is None:
        kept = f" The damaged file is kept in {db_path.parent}." if events else ""
        lead = "No sound backup" if events else "The notes file was missing and no sound backup"
        events.append(OpenEvent(
            "started_empty", f"{lead} was found, so you start with an empty notes file.{kept}",
            True))
        return
    try:
        backup.copy_into_place(good.path, db_path)
    except OSError as exc:
        raise translate_error(exc, db_path, writing=False) from exc
    when = good.taken.astimezone().strftime("%Y-%m-%d %H:%M")
    lead = "Your notes were" if events else "The notes file was missing; your notes were"
    events.append(OpenEvent(
        "restored", f"{lead} restored from the backup of {when}. Changes made after "
        "that moment are not in it.", True, (str(good.path),)))


def _migrate(db: Database, backups: Path, events: list[OpenEvent], now: dt.datetime) -> None:
    made: list[Path] = []

    def before(version: int) -> Path:
        try:
            path = backup.make_backup(db.conn, backups, before_version=version, now=now)
        except (OSError, sqlite3.Error) as exc:
            error = translate_error(exc, backups, writing=False)
            raise type(error)(f"no backup could be made before updating the notes file, so "
                              f"it was left as it was: {error.reason}", error.path) from exc
        made.append(path)
        return path

    done = schema.migrate(db.conn, db.path, before)
    if done and made:
        events.append(OpenEvent(
            "migrated", f"The notes file was updated to format {done[-1]}; a copy of the "
            f"old file was kept as {made[0].name}.", False, (str(made[0]),)))

