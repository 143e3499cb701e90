"""Bulk import: the files of the folders the user named, and a summary.

A folder is walked recursively in name order; hidden files and folders
(a leading dot: ``.git``, ``.DS_Store``) are skipped, and a symbolic link
is never followed out of the folder (the importer checks every file
against the folders given as roots). Everything else is handed to the
importer, which refuses what it cannot read with a reason.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefing_reader.core.importing.model import FAILED, ImportReport
from briefing_reader.core.messages import Message, message, plain

MAX_FILES = 100_000
"""A folder holding more files than this is refused before anything is read."""


class TooManyFiles(Exception):
    """The folders hold more than :data:`MAX_FILES` files."""


def files_in(targets: Iterable[Path | str], limit: int = MAX_FILES) -> list[Path]:
    """The files named and the files inside the folders named, in order.

    Raises:
        TooManyFiles: more than ``limit`` files in all.
    """
    out: list[Path] = []
    for target in targets:
        path = Path(target)
        if path.is_dir():
            out.extend(_walk(path))
        else:
            out.append(path)
        if len(out) > limit:
            raise TooManyFiles(f"more than {limit} files in {path}")
    return out


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                yield Path(root) / name


@dataclass
class Progress:
    """Count, current file and time left of a bulk import, for a status line."""

    total: int
    started: float = field(default_factory=time.monotonic)

    def line(self, done: int, current: Path | None) -> Message:
        """``[done/total] file (time left)``, for the user's language."""
        elapsed = time.monotonic() - self.started
        left = elapsed / done * (self.total - done) if done else 0.0
        name = current.name if current is not None else ""
        return message(
            "import.progress", done=done, total=self.total, name=name, left=duration(left)
        )


def duration(seconds: float) -> Message:
    """A time left, rounded to the second: ``5 s``, ``2 min 05 s``, ``1 h 05 min``."""
    whole = round(seconds)
    if whole < 60:
        return message("duration.seconds", seconds=whole)
    if whole < 3600:
        return message("duration.minutes", minutes=whole // 60, seconds=f"{whole % 60:02d}")
    return message("duration.hours", hours=whole // 3600, minutes=f"{whole % 3600 // 60:02d}")


def summary(report: ImportReport) -> list[Message]:
    """Lines: counts per outcome, then each reason for refusal with its count
    (as messages: the command line words them in the user's language)."""
    counts = Counter(result.status for result in report.results)
    lines = [
        message(
            "import.summary_counts",
            imported=counts["imported"],
            replaced=counts["replaced"],
            unchanged=counts["unchanged"],
            refused=counts[FAILED],
        )
    ]
    refused = [r for r in report.results if r.status == FAILED]
    reasons = Counter(r.reason for r in refused)
    for reason, count in reasons.most_common():
        alike = [r for r in refused if r.reason == reason]
        why = alike[0].problem or plain(reason)
        examples = ", ".join(r.file.name for r in alike[:3])
        lines.append(message("import.summary_refused", count=count, reason=why, examples=examples))
    return lines
