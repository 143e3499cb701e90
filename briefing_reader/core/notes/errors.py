"""Typed errors of the notes store, all under :class:`NotesError`.

Each carries the file it concerns and a ``message`` (a code and its values,
:mod:`briefing_reader.core.messages`) that the window and the command line word
in the user's language; ``reason`` is its English text. A failed write never
changes what was saved before; the edit that could not be saved travels
back to the caller in ``pending`` so the panel can keep it and retry.
"""

from __future__ import annotations

from pathlib import Path

from briefing_reader.core.messages import Message, as_message


class NotesError(Exception):
    """Base of every notes error.

    Attributes:
        path: the file or folder concerned, or None.
        message: what to tell the user (code and values).
        reason: the message in English.
        pending: the unsaved edit (whatever the caller passed in), or None.
    """

    def __init__(
        self, reason: str | Message, path: Path | str | None = None, pending: object = None
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.message = as_message(reason)
        self.reason = str(self.message)
        self.pending = pending
        super().__init__(f"{self.path}: {self.reason}" if self.path else self.reason)


class NotesValidationError(NotesError, ValueError):
    """A value was not acceptable (unknown stance, priority, colour...)."""


class NotesNotFoundError(NotesError, LookupError):
    """No item with that id (or it was purged)."""


class NotesAnchorError(NotesError):
    """A quote or place could not be found (or was ambiguous) in a document."""


class NotesConflictError(NotesError):
    """The change clashes with another item (e.g. undo over a newer annotation)."""


class NotesChangedElsewhereError(NotesConflictError):
    """The annotation was saved by someone else since the editor read it.

    ``current`` is the stored annotation now (None: it was deleted), so the
    editor can show both versions and let the user choose.
    """

    def __init__(self, reason: str | Message, current: object = None) -> None:
        super().__init__(reason)
        self.current = current


class NotesReadOnlyError(NotesError):
    """The data folder or the database file cannot be written."""


class NotesDiskFullError(NotesError):
    """The disk (or the database's size limit) is full; nothing was saved."""


class NotesCorruptError(NotesError):
    """The database file is damaged; restarting recovers from a backup."""


class NotesBusyError(NotesError):
    """Another program kept the database locked for too long."""


class NotesSchemaError(NotesError):
    """The database was made by a newer version of the app."""


class ExchangeError(NotesError):
    """A notes file could not be exported or imported; ``path`` and ``reason`` say why."""
