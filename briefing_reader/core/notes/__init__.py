"""Notes: per-action annotations, highlights, bookmarks, reading positions (SQLite).

Open the store with :func:`open_store` (``open_store(paths.notes_db,
paths.backups)``) and show ``store.report.message`` if it is not empty.
Build anchors with :mod:`briefing_reader.core.notes.anchors`. When documents
change, :func:`reanchor_library` re-anchors the notes on them and
``store.reviews`` lists what to check. Every error is a :class:`NotesError`.
"""

from briefing_reader.core.notes import anchors
from briefing_reader.core.notes.anchors import (
    action_target,
    anchor_place,
    anchor_quote,
    anchor_range,
    locate,
    reading_position,
)
from briefing_reader.core.notes.backup import BackupInfo, list_backups, restore_backup
from briefing_reader.core.notes.errors import (
    NotesAnchorError,
    NotesBusyError,
    NotesChangedElsewhereError,
    NotesConflictError,
    NotesCorruptError,
    NotesDiskFullError,
    NotesError,
    NotesNotFoundError,
    NotesReadOnlyError,
    NotesSchemaError,
    NotesValidationError,
)
from briefing_reader.core.notes.model import (
    COLOURS,
    DEFAULT_COLOUR,
    DEFAULT_STANCES,
    PRIORITIES,
    TO_REVIEW,
    ActionAnnotation,
    ActionTarget,
    AnchorStatus,
    Bookmark,
    CommitmentStatus,
    Highlight,
    Motivation,
    NoteKind,
    OpenEvent,
    OpenReport,
    PendingEdit,
    Priority,
    ReadingPosition,
    TextAnchor,
    TextPositionSelector,
    TextQuoteSelector,
    TrashItem,
)
from briefing_reader.core.notes.outcomes import AnchorEvent, Review, ReviewItem
from briefing_reader.core.notes.reanchoring import ReanchorReport, reanchor_library
from briefing_reader.core.notes.recovery import open_store
from briefing_reader.core.notes.review_log import ReviewLog
from briefing_reader.core.notes.schema import SCHEMA_VERSION
from briefing_reader.core.notes.store import UNSET, NotesStore

__all__ = [
    "COLOURS",
    "DEFAULT_COLOUR",
    "DEFAULT_STANCES",
    "PRIORITIES",
    "SCHEMA_VERSION",
    "TO_REVIEW",
    "UNSET",
    "ActionAnnotation",
    "ActionTarget",
    "AnchorEvent",
    "AnchorStatus",
    "BackupInfo",
    "Bookmark",
    "CommitmentStatus",
    "Highlight",
    "Motivation",
    "NoteKind",
    "NotesAnchorError",
    "NotesBusyError",
    "NotesChangedElsewhereError",
    "NotesConflictError",
    "NotesCorruptError",
    "NotesDiskFullError",
    "NotesError",
    "NotesNotFoundError",
    "NotesReadOnlyError",
    "NotesSchemaError",
    "NotesStore",
    "NotesValidationError",
    "OpenEvent",
    "OpenReport",
    "PendingEdit",
    "Priority",
    "ReadingPosition",
    "ReanchorReport",
    "Review",
    "ReviewItem",
    "ReviewLog",
    "TextAnchor",
    "TextPositionSelector",
    "TextQuoteSelector",
    "TrashItem",
    "action_target",
    "anchor_place",
    "anchor_quote",
    "anchor_range",
    "anchors",
    "list_backups",
    "locate",
    "open_store",
    "reading_position",
    "reanchor_library",
    "restore_backup",
]
