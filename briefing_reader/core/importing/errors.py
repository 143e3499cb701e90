"""The one error type of the import package."""

from __future__ import annotations

from pathlib import Path

from briefing_reader.core.limits import OverBudget
from briefing_reader.core.messages import Message, as_message

# Stable codes, so the window can choose its own (translated) wording.
UNSUPPORTED = "unsupported-type"
BINARY = "binary"
EMPTY = "empty"
TOO_LARGE = "too-large"
UNDECODABLE = "undecodable"
BAD_DOCX = "bad-docx"
ODD_NAME = "odd-name"
OUTSIDE_ROOTS = "outside-roots"
NOT_FOUND = "not-found"
NOT_A_FILE = "not-a-file"
UNREADABLE = "unreadable"
INVALID = "invalid-content"
WRITE_FAILED = "write-failed"
NOT_REMOVABLE = "not-removable"
INTERNAL = "internal"
OVER_BUDGET = "over-budget"
PROTECTED = "protected"


class ImportFailed(Exception):
    """A file could not be imported (or a document removed); nothing was changed.

    The only exception this package raises. ``str(error)`` is
    ``"<path>: <reason>"`` (with ``:<line>`` when known).

    Attributes:
        path: the file as the user gave it (or the document id, for removal).
        message: why, for the user (a code and its values; the window and the
            command line word it in the user's language).
        reason: the message in English.
        code: a stable keyword (``unsupported-type``, ``binary``, ``empty``,
            ``too-large``, ``undecodable``, ``bad-docx``, ``odd-name``,
            ``outside-roots``, ``not-found``, ``not-a-file``, ``unreadable``,
            ``invalid-content``, ``write-failed``, ``not-removable``,
            ``internal``, ``over-budget``, ``protected``).
        line: 1-based line in the file, when the problem is at one place.
        budget: for ``over-budget``, which budget (a name from
            :mod:`briefing_reader.core.limits`), else ''.
    """

    def __init__(
        self,
        path: Path | str,
        reason: str | Message,
        code: str = INVALID,
        line: int | None = None,
        budget: str = "",
    ) -> None:
        self.path = Path(path) if not isinstance(path, Path) else path
        self.message = as_message(reason)
        self.reason = str(self.message)
        self.code = code
        self.line = line
        self.budget = budget
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {self.reason}")


def over_budget(path: Path | str, error: OverBudget) -> ImportFailed:
    """The import error for a file over one of the budgets of :mod:`core.limits`."""
    return ImportFailed(path, error.message, OVER_BUDGET, budget=error.what)
