"""The notes store: action annotations, highlights, bookmarks and the rest.

Every write is one ``BEGIN IMMEDIATE`` transaction and a method returns only
after its commit returned, so the caller may show "saved". A failed write
raises a :class:`NotesError` subclass with the unsaved edit on ``pending``
(a :class:`PendingEdit`); nothing saved before is changed. Open a store with
:func:`briefing_reader.core.notes.open_store`, which also recovers a damaged
file and reports what it did.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Final, TypeVar

from briefing_reader.core.messages import message
from briefing_reader.core.notes import (
    actions,
    backup,
    colleagues,
    commitment_statuses,
    merging,
    reading_positions,
    row_mapping,
    settings,
    validation,
)
from briefing_reader.core.notes import trash as trash_mod
from briefing_reader.core.notes.db import Database, translate_error
from briefing_reader.core.notes.errors import (
    NotesChangedElsewhereError,
    NotesConflictError,
    NotesError,
    NotesNotFoundError,
    NotesValidationError,
)
from briefing_reader.core.notes.model import (
    DEFAULT_COLOUR,
    ActionAnnotation,
    ActionTarget,
    Bookmark,
    CommitmentStatus,
    Highlight,
    Motivation,
    OpenReport,
    PendingEdit,
    ReadingPosition,
    TextAnchor,
    TrashItem,
    utc_now,
)
from briefing_reader.core.notes.review_log import ReviewLog
from briefing_reader.core.notes.tables import NOTE_TABLES, last_bookmark_position

T = TypeVar("T")


class _Unset(enum.Enum):
    UNSET = "unset"


#: "leave this field as it is" in update methods.
UNSET: Final = _Unset.UNSET

#: How "no such item" is said for each table of notes.
_MISSING: Final = {
    "action_notes": "notes.no_such_action_note",
    "highlights": "notes.no_such_highlight",
    "bookmarks": "notes.no_such_bookmark",
}


class NotesStore:
    """All notes of one profile, in one SQLite file.

    Args:
        db: the open database (schema current).
        backup_dir: where rotating backups go.
        report: what opening found and did.
        backup_interval: at most one regular backup per interval.
        backup_keep: how many regular backups to keep.
    """

    def __init__(
        self,
        db: Database,
        backup_dir: Path,
        report: OpenReport | None = None,
        *,
        backup_interval: dt.timedelta = backup.DEFAULT_INTERVAL,
        backup_keep: int = backup.DEFAULT_KEEP,
    ) -> None:
        self._db = db
        self.backup_dir = backup_dir
        self.report = report or OpenReport(read_only=db.read_only)
        self.backup_interval = backup_interval
        self.backup_keep = backup_keep

    @property
    def path(self) -> Path:
        return self._db.path

    @property
    def read_only(self) -> bool:
        return self._db.read_only

    def close(self) -> None:
        """Close the database, taking a backup first if this run changed notes.

        A failed closing backup is not raised (nothing saved is at stake);
        the next open tries again and reports it if it fails then.
        """
        try:
            if not self.read_only:
                with contextlib.suppress(NotesError):
                    # Not rotated here: the settings dialog closes the store and
                    # then restores the backup the user chose. The next open rotates.
                    self.backup_if_changed(rotate=False)
        finally:
            self._db.close()

    def __enter__(self) -> NotesStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- settings -----------------------------------------------------------

    def author(self) -> str:
        """The name written on new items (default: the OS user name)."""
        return self._db.read(settings.author)

    def set_author(self, name: str) -> str:
        cleaned = settings.clean_author(name)
        pending = PendingEdit("set_author", None, {"name": name})
        self._db.write(lambda c: settings.write(c, settings.AUTHOR, cleaned), pending=pending)
        return cleaned

    def stances(self) -> tuple[str, ...]:
        """The stance list offered for actions, in order."""
        return self._db.read(settings.stances)

    def set_stances(self, values: Iterable[str]) -> tuple[str, ...]:
        """Replace the stance list; annotations keep a stance that was removed."""
        cleaned = settings.clean_stances(values)
        pending = PendingEdit("set_stances", None, {"stances": list(cleaned)})
        self._db.write(
            lambda c: settings.write(c, settings.STANCES, list(cleaned)), pending=pending
        )
        return cleaned

    # --- action annotations -------------------------------------------------

    def action_annotation(self, doc_id: str, action_id: str) -> ActionAnnotation | None:
        """My annotation of an action, or None."""
        return self._db.read(lambda c: actions.mine(c, doc_id, action_id))

    def action_annotations(
        self, doc_id: str | None = None, *, include_imported: bool = True
    ) -> list[ActionAnnotation]:
        """Live action annotations (mine first, then colleagues'), by document."""
        where = "deleted_at IS NULL"
        where += "" if include_imported else " AND imported_from IS NULL"
        return self._select(
            row_mapping.action_from,
            "action_notes",
            where,
            doc_id,
            "imported_from IS NOT NULL, doc_id, action_id, author",
        )

    def annotated_actions(self, doc_id: str) -> set[str]:
        """Ids of the actions of ``doc_id`` with something filled in (for badges)."""
        return {a.action_id for a in self.action_annotations(doc_id) if not a.is_empty}

    def update_action(
        self,
        target: ActionTarget,
        *,
        stance: str | _Unset | None = UNSET,
        priority: str | _Unset | None = UNSET,
        note: str | _Unset = UNSET,
        questions: Sequence[str] | _Unset = UNSET,
        tags: Sequence[str] | _Unset = UNSET,
        expected_modified: str | _Unset | None = UNSET,
    ) -> ActionAnnotation:
        """Create or change my annotation of an action; unspecified fields stay.

        The read and the write happen in one transaction, so two programs
        editing different fields of one annotation both keep their change.
        ``expected_modified`` is the ``modified`` of the version the edit was
        made on (None: there was none); when the stored one differs, nothing
        is written, so an editor never overwrites a newer note unseen.

        Raises:
            NotesChangedElsewhereError: saved elsewhere since ``expected_modified``.
            NotesValidationError: an unknown stance or priority, or bad text.
            NotesReadOnlyError, NotesDiskFullError, NotesError: not saved.
        """
        changes = {
            name: value
            for name, value in (
                ("stance", stance),
                ("priority", priority),
                ("note", note),
                ("questions", questions),
                ("tags", tags),
            )
            if value is not UNSET
        }
        pending = PendingEdit("update_action", target, changes)

        def work(conn: sqlite3.Connection) -> ActionAnnotation:
            if not isinstance(expected_modified, _Unset):
                current = actions.mine(conn, target.doc_id, target.action_id)
                if (current.modified if current else None) != expected_modified:
                    raise NotesChangedElsewhereError(message("notes.changed_elsewhere"), current)
            return actions.update(conn, target, changes)

        return self._db.write(work, pending=pending)

    def add_question(self, target: ActionTarget, question: str) -> ActionAnnotation:
        """Append a debate question to my annotation of an action."""
        pending = PendingEdit("add_question", target, {"question": question})

        def work(conn: sqlite3.Connection) -> ActionAnnotation:
            current = actions.mine(conn, target.doc_id, target.action_id)
            questions = (current.questions if current else ()) + (question,)
            return actions.update(conn, target, {"questions": questions})

        return self._db.write(work, pending=pending)

    # --- highlights ---------------------------------------------------------

    def add_highlight(
        self,
        anchor: TextAnchor,
        *,
        colour: str = DEFAULT_COLOUR,
        note: str = "",
        tags: Sequence[str] = (),
        key_figure: bool = False,
    ) -> Highlight:
        """Save a new highlight (anchor from :func:`anchors.anchor_range`);
        ``key_figure`` puts it on the debate card as a key figure."""
        pending = PendingEdit(
            "add_highlight",
            anchor,
            {"colour": colour, "note": note, "tags": list(tags), "key_figure": key_figure},
        )
        validation.check_anchor(anchor)
        colour = validation.check_colour(colour)
        note = validation.check_text(note, "note")
        clean_tags = validation.check_tags(tags)
        item_id = str(uuid.uuid4())

        def work(conn: sqlite3.Connection) -> Highlight:
            now = utc_now()
            conn.execute(
                "INSERT INTO highlights (id, doc_id, place, selectors, colour, note, tags, "
                "motivation, doc_version, doc_hash, text_hash, author, created, modified, "
                "key_figure) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    item_id,
                    anchor.doc_id,
                    anchor.place,
                    row_mapping.selectors_json(anchor),
                    colour,
                    note,
                    row_mapping.json_list(clean_tags),
                    _motivation(note),
                    anchor.doc_version,
                    anchor.doc_hash,
                    anchor.text_hash,
                    settings.author(conn),
                    now,
                    now,
                    int(bool(key_figure)),
                ),
            )
            return self._get(conn, "highlights", item_id, row_mapping.highlight_from)

        return self._db.write(work, pending=pending)

    def update_highlight(
        self,
        item_id: str,
        *,
        colour: str | _Unset = UNSET,
        note: str | _Unset = UNSET,
        tags: Sequence[str] | _Unset = UNSET,
        key_figure: bool | _Unset = UNSET,
    ) -> Highlight:
        """Change a highlight's colour, note, tags or key-figure mark (only my own)."""
        changes = {
            name: value
            for name, value in (
                ("colour", colour),
                ("note", note),
                ("tags", tags),
                ("key_figure", key_figure),
            )
            if value is not UNSET
        }
        pending = PendingEdit("update_highlight", item_id, changes)

        def work(conn: sqlite3.Connection) -> Highlight:
            current = self._editable(conn, "highlights", item_id, row_mapping.highlight_from)
            new_colour = validation.check_colour(
                current.colour if isinstance(colour, _Unset) else colour
            )
            new_note = validation.check_text(
                current.note if isinstance(note, _Unset) else note, "note"
            )
            new_tags = validation.check_tags(current.tags if isinstance(tags, _Unset) else tags)
            new_key = current.key_figure if isinstance(key_figure, _Unset) else bool(key_figure)
            conn.execute(
                "UPDATE highlights SET colour = ?, note = ?, tags = ?, motivation = ?, "
                "key_figure = ?, modified = ? WHERE id = ?",
                (
                    new_colour,
                    new_note,
                    row_mapping.json_list(new_tags),
                    _motivation(new_note),
                    int(new_key),
                    utc_now(),
                    item_id,
                ),
            )
            return self._get(conn, "highlights", item_id, row_mapping.highlight_from)

        return self._db.write(work, pending=pending)

    def highlight(self, item_id: str) -> Highlight | None:
        """A live highlight by id, or None."""
        found = self._select(
            row_mapping.highlight_from,
            "highlights",
            "deleted_at IS NULL AND id = ?",
            None,
            "id",
            (item_id,),
        )
        return found[0] if found else None

    def highlights(self, doc_id: str | None = None) -> list[Highlight]:
        """Live highlights, by document and creation time."""
        return self._select(
            row_mapping.highlight_from,
            "highlights",
            "deleted_at IS NULL",
            doc_id,
            "doc_id, created",
        )

    # --- bookmarks ----------------------------------------------------------

    def add_bookmark(self, anchor: TextAnchor, name: str) -> Bookmark:
        """Save a bookmark at the end of the list (name from :func:`anchors.anchor_place`)."""
        pending = PendingEdit("add_bookmark", anchor, {"name": name})
        validation.check_anchor(anchor)
        clean_name = validation.check_name(name)
        item_id = str(uuid.uuid4())

        def work(conn: sqlite3.Connection) -> Bookmark:
            now = utc_now()
            last = last_bookmark_position(conn)
            conn.execute(
                "INSERT INTO bookmarks (id, doc_id, place, selectors, name, position, "
                "doc_version, doc_hash, text_hash, author, created, modified) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    item_id,
                    anchor.doc_id,
                    anchor.place,
                    row_mapping.selectors_json(anchor),
                    clean_name,
                    last + 1,
                    anchor.doc_version,
                    anchor.doc_hash,
                    anchor.text_hash,
                    settings.author(conn),
                    now,
                    now,
                ),
            )
            return self._get(conn, "bookmarks", item_id, row_mapping.bookmark_from)

        return self._db.write(work, pending=pending)

    def rename_bookmark(self, item_id: str, name: str) -> Bookmark:
        pending = PendingEdit("rename_bookmark", item_id, {"name": name})
        clean_name = validation.check_name(name)

        def work(conn: sqlite3.Connection) -> Bookmark:
            self._editable(conn, "bookmarks", item_id, row_mapping.bookmark_from)
            conn.execute(
                "UPDATE bookmarks SET name = ?, modified = ? WHERE id = ?",
                (clean_name, utc_now(), item_id),
            )
            return self._get(conn, "bookmarks", item_id, row_mapping.bookmark_from)

        return self._db.write(work, pending=pending)

    def move_bookmark(self, item_id: str, index: int) -> list[Bookmark]:
        """Move a bookmark to ``index`` in the list; returns the new order."""
        pending = PendingEdit("move_bookmark", item_id, {"index": index})

        def work(conn: sqlite3.Connection) -> list[Bookmark]:
            ids = [
                row[0]
                for row in conn.execute(
                    "SELECT id FROM bookmarks WHERE deleted_at IS NULL ORDER BY position, created"
                )
            ]
            if item_id not in ids:
                raise NotesNotFoundError(message("notes.no_such_bookmark", id=item_id))
            ids.remove(item_id)
            ids.insert(max(0, min(index, len(ids))), item_id)
            now = utc_now()
            for position, bookmark_id in enumerate(ids, start=1):
                conn.execute(
                    "UPDATE bookmarks SET position = ?, modified = CASE WHEN id = ? "
                    "THEN ? ELSE modified END WHERE id = ?",
                    (position, item_id, now, bookmark_id),
                )
            found = conn.execute(
                "SELECT * FROM bookmarks WHERE deleted_at IS NULL ORDER BY position"
            ).fetchall()
            return [row_mapping.bookmark_from(row) for row in found]

        return self._db.write(work, pending=pending)

    def bookmarks(self, doc_id: str | None = None) -> list[Bookmark]:
        """Live bookmarks in the user's order."""
        return self._select(
            row_mapping.bookmark_from,
            "bookmarks",
            "deleted_at IS NULL",
            doc_id,
            "position, created",
        )

    # --- delete, undo, purge ------------------------------------------------

    def delete(self, item_id: str) -> TrashItem:
        """Move an annotation, highlight or bookmark to the trash (undo: :meth:`restore`)."""
        return self._db.write(
            lambda c: trash_mod.soft_delete(c, item_id, utc_now()),
            pending=PendingEdit("delete", item_id, {}),
        )

    def restore(self, item_id: str) -> str:
        """Undo a delete; returns the item's kind ("action", "highlight", "bookmark")."""
        return self._db.write(
            lambda c: trash_mod.restore(c, item_id), pending=PendingEdit("restore", item_id, {})
        )

    def trash(self) -> list[TrashItem]:
        """Deleted items that can still be restored, most recent first."""
        return self._db.read(trash_mod.list_trash)

    def purge_trash(
        self, now: dt.datetime | None = None, retention: dt.timedelta = trash_mod.RETENTION
    ) -> int:
        """Remove for good what was deleted more than ``retention`` ago."""
        moment = now or dt.datetime.now(dt.UTC)
        return self._db.write(lambda c: trash_mod.purge(c, moment, retention))

    # --- reading position ---------------------------------------------------

    def save_reading_position(self, position: ReadingPosition) -> ReadingPosition:
        """Remember where the reader is in a document (from :func:`anchors.reading_position`)."""
        if position.offset < 0 or not position.doc_id:
            raise NotesValidationError(message("notes.bad_reading_position"))
        return self._db.write(
            lambda c: reading_positions.save_position(c, position),
            pending=PendingEdit("save_reading_position", position, {}),
        )

    def reading_position(self, doc_id: str) -> ReadingPosition | None:
        """The last reading position in a document, or None."""
        return self._db.read(lambda c: reading_positions.load_position(c, doc_id))

    # --- commitments --------------------------------------------------------

    def set_commitment_status(
        self, commitment_id: str, status: str, note: str = ""
    ) -> CommitmentStatus:
        """Record the status of a commitment (Openstaand, Voldaan, Deels voldaan, Vervallen)."""
        pending = PendingEdit(
            "set_commitment_status", commitment_id, {"status": status, "note": note}
        )
        # The word list belongs to the commitments; loaded only when a status is set.
        from briefing_reader.core.commitments.status import STATUSES as COMMITMENT_STATUSES

        if not commitment_id:
            raise NotesValidationError(message("notes.status_needs_commitment"), None, pending)
        if status not in COMMITMENT_STATUSES:
            raise NotesValidationError(
                message(
                    "commitments.unknown_status",
                    value=status,
                    choices=", ".join(COMMITMENT_STATUSES),
                ),
                None,
                pending,
            )
        note = validation.check_text(note, "note")
        return self._db.write(
            lambda c: commitment_statuses.set_commitment(c, commitment_id, status, note),
            pending=pending,
        )

    def commitment_statuses(self) -> dict[str, CommitmentStatus]:
        """Every recorded commitment status, by commitment id."""
        return self._db.read(commitment_statuses.commitments)

    # --- re-anchoring (issue 5) ---------------------------------------------

    @property
    def reviews(self) -> ReviewLog:
        """Re-anchoring outcomes and the "Te controleren" list: accept, dismiss, re-attach."""
        return ReviewLog(self._db)

    # --- merging notes from a file (issues 13 and 16) --------------------------

    def merge_notes(
        self,
        incoming: Sequence[merging.Incoming],
        *,
        as_mine: bool = False,
        progress: merging.Progress | None = None,
    ) -> merging.ImportReport:
        """Add checked notes from a file in one transaction: all of them or none.

        ``as_mine`` stores new ones as mine (restoring my own notes); see
        :mod:`briefing_reader.core.notes.merging` for what is kept and updated.
        """
        report = merging.ImportReport()
        self._db.write(
            lambda c: merging.merge(
                c, incoming, report, as_mine=as_mine, progress=progress, total=len(incoming)
            ),
            pending=PendingEdit("merge_notes", None, {"count": len(incoming)}),
        )
        return report

    def remove_imported(self, label: str, keep: set[str]) -> int:
        """Move to the trash a colleague's notes from ``label`` that are not in ``keep``
        (their author deleted them); returns how many. Never touches mine."""

        def work(conn: sqlite3.Connection) -> int:
            gone = [
                row[0]
                for table in NOTE_TABLES
                for row in conn.execute(
                    f"SELECT id FROM {table} WHERE imported_from = ? AND deleted_at IS NULL",
                    (label,),
                )
                if row[0] not in keep
            ]
            now = utc_now()
            for item_id in gone:
                trash_mod.soft_delete(conn, item_id, now)
            return len(gone)

        return self._db.write(work, pending=PendingEdit("remove_imported", label, {}))

    # --- colleagues' notes (issue 16) -----------------------------------------

    def authors(self) -> list[colleagues.Colleague]:
        """The colleagues whose notes I hold (key, name, count), by name."""
        return self._db.read(colleagues.colleagues)

    def author_keys(self) -> dict[str, str]:
        """The author key of each live colleague's note, by note id (mine are absent)."""
        return self._db.read(colleagues.author_keys)

    def copy_to_mine(self, item_id: str) -> colleagues.Copied:
        """ "Overnemen": copy a colleague's action note or highlight into mine;
        theirs stays as it is and a second copy changes nothing.

        Raises:
            NotesNotFoundError, NotesConflictError: not a colleague's live note.
            NotesError: not saved.
        """
        creator = self.creator_id()
        return self._db.write(
            lambda c: colleagues.copy_to_mine(c, item_id, creator),
            pending=PendingEdit("copy_to_mine", item_id, {}),
        )

    def undo_copy(self, copied: colleagues.Copied) -> None:
        """Undo a :meth:`copy_to_mine`: a new note of mine goes to the trash; an
        action note of mine that was filled in gets its earlier fields back."""
        if not copied.changed:
            return
        if copied.created:
            self.delete(copied.item_id)
            return
        assert copied.before is not None
        before = copied.before
        self._db.write(
            lambda c: colleagues.restore_action(c, before),
            pending=PendingEdit("undo_copy", copied.item_id, {}),
        )

    def change_count(self) -> int:
        """Rows changed through this store since it was opened: a cheap way to
        notice that my notes changed (to publish them to a team folder)."""
        return self._db.conn.total_changes

    def exchange_details(self) -> dict[str, dict[str, str | None]]:
        """What imported files said beyond our columns, by item id: ``original_id``,
        ``language`` and ``creator_id`` (see :mod:`merging`)."""
        found = self._db.read(merging.read_meta)
        return {
            item_id: {key: row[key] for key in ("original_id", "language", "creator_id")}
            for item_id, row in found.items()
        }

    def creator_id(self) -> str:
        """This profile's stable creator id (a ``urn:uuid:``), made on first use."""

        def mint(conn: sqlite3.Connection) -> str:
            found = settings.read(conn, settings.CREATOR_ID)
            if isinstance(found, str) and found:
                return found
            made = f"urn:uuid:{uuid.uuid4()}"
            settings.write(conn, settings.CREATOR_ID, made)
            return made

        found = self._db.read(lambda c: settings.read(c, settings.CREATOR_ID))
        if isinstance(found, str) and found:
            return found
        try:
            return self._db.write(mint)
        except NotesError:  # read-only: stable for this file all the same
            return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, self.path.resolve().as_uri())}"

    # --- maintenance --------------------------------------------------------

    def maybe_backup(self, now: dt.datetime | None = None) -> Path | None:
        """Take a rotating backup if the last one is older than the interval.

        Meant for a timer in the UI; returns the new backup, or None.

        Raises:
            NotesError: the backup could not be written (the notes are unaffected).
        """
        try:
            return backup.maybe_backup(
                self._db.conn,
                self.backup_dir,
                interval=self.backup_interval,
                keep=self.backup_keep,
                now=now,
            )
        except (OSError, sqlite3.Error) as exc:
            raise translate_error(exc, self.backup_dir, writing=False) from exc

    def backup_if_changed(self, *, rotate: bool = True) -> Path | None:
        """Take a backup (and rotate) if the notes changed since the newest one.

        Raises:
            NotesError: the backup could not be written (the notes are unaffected).
        """
        try:
            return backup.backup_if_changed(
                self._db.conn, self.backup_dir, keep=self.backup_keep if rotate else None
            )
        except (OSError, sqlite3.Error) as exc:
            raise translate_error(exc, self.backup_dir, writing=False) from exc

    def backup_now(self) -> Path:
        """Take a backup regardless of the interval, and rotate."""
        try:
            path = backup.make_backup(self._db.conn, self.backup_dir)
            backup.rotate(self.backup_dir, self.backup_keep)
        except (OSError, sqlite3.Error) as exc:
            raise translate_error(exc, self.backup_dir, writing=False) from exc
        return path

    def integrity_problem(self) -> str | None:
        """What ``PRAGMA integrity_check`` finds wrong, or None."""
        found = self._db.read(lambda c: [r[0] for r in c.execute("PRAGMA integrity_check")])
        problems = [str(p) for p in found if p != "ok"]
        return "; ".join(problems) or None

    # --- helpers ------------------------------------------------------------

    def _select(
        self,
        convert: Callable[[sqlite3.Row], T],
        table: str,
        where: str,
        doc_id: str | None,
        order: str,
        params: tuple[Any, ...] = (),
    ) -> list[T]:
        if doc_id is not None:
            where += " AND doc_id = ?"
            params += (doc_id,)
        sql = f"SELECT * FROM {table} WHERE {where} ORDER BY {order}"
        return self._db.read(lambda c: [convert(r) for r in c.execute(sql, params)])

    @staticmethod
    def _get(
        conn: sqlite3.Connection, table: str, item_id: str, convert: Callable[[sqlite3.Row], T]
    ) -> T:
        row = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (item_id,)).fetchone()
        return convert(row)

    @staticmethod
    def _editable(
        conn: sqlite3.Connection, table: str, item_id: str, convert: Callable[[sqlite3.Row], T]
    ) -> T:
        row = conn.execute(
            f"SELECT * FROM {table} WHERE id = ? AND deleted_at IS NULL", (item_id,)
        ).fetchone()
        if row is None:
            raise NotesNotFoundError(message(_MISSING[table], id=item_id))
        if row["imported_from"] is not None:
            raise NotesConflictError(message("notes.colleagues_note"))
        return convert(row)


def _motivation(note: str) -> str:
    return Motivation.COMMENTING if note.strip() else Motivation.HIGHLIGHTING
