"""Errors raised while loading documents."""

from __future__ import annotations

from pathlib import Path

from briefing_reader.core.messages import Message, as_message


class ContentError(Exception):
    """A document could not be loaded; names the file, the line and why.

    Attributes:
        path: the file.
        line: 1-based line number, or None when the problem is the whole file.
        message: why, for the user (a code and its values).
        reason: the message in English.
        budget: when the file is over a budget of :mod:`briefing_reader.core.limits`,
            its name; else ''.
    """

    def __init__(
        self, path: Path | str, reason: str | Message, line: int | None = None, budget: str = ""
    ) -> None:
        self.path = Path(path)
        self.line = line
        self.message = as_message(reason)
        self.reason = str(self.message)
        self.budget = budget
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {self.reason}")


def read_source(path: Path) -> bytes:
    """The bytes of a document file.

    Raises:
        ContentError: the file cannot be read.
    """
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ContentError(path, f"cannot be read ({exc.strerror or exc})") from exc
