"""Errors raised while loading documents."""

from __future__ import annotations

from pathlib import Path


class ContentError(Exception):
    """A document could not be loaded; names the file, the line and why.

    Attributes:
        path: the file.
        line: 1-based line number, or None when the problem is the whole file.
        reason: a sentence for the user.
        budget: when the file is over a budget of :mod:`briefing_reader.core.limits`,
            its name; else ''.
    """

    def __init__(
        self, path: Path | str, reason: str, line: int | None = None, budget: str = ""
    ) -> None:
        self.path = Path(path)
        self.line = line
        self.reason = reason
        self.budget = budget
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {reason}")


def read_source(path: Path) -> bytes:
    """The bytes of a document file.

    Raises:
        ContentError: the file cannot be read.
    """
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ContentError(path, f"cannot be read ({exc.strerror or exc})") from exc
