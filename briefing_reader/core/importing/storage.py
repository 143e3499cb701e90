"""Storing a converted document: validated with the reader's parser, written atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_reader.core.importing.errors import (
    INVALID,
    OVER_BUDGET,
    TOO_LARGE,
    WRITE_FAILED,
    ImportFailed,
)
from briefing_reader.core.messages import message

if TYPE_CHECKING:
    from briefing_reader.core.content import Document


def validate(text: str, target: Path, path: Path) -> Document:
    """The document must load in the reader exactly as it will be stored; it, parsed."""
    from briefing_reader.core.content import ContentError
    from briefing_reader.core.content.parse import MAX_BYTES, parse_document

    if len(text.encode("utf-8")) > MAX_BYTES:
        raise ImportFailed(
            path, message("import.too_large_converted", size=MAX_BYTES // (1024 * 1024)), TOO_LARGE
        )
    try:
        return parse_document(text, target, bundled=False)
    except ContentError as exc:
        if exc.budget:
            raise ImportFailed(path, exc.message, OVER_BUDGET, exc.line, exc.budget) from exc
        raise ImportFailed(
            path, message("import.cannot_show", reason=exc.message), INVALID
        ) from exc
    except Exception as exc:  # the reader must never meet a file it cannot load
        problem = f"{type(exc).__name__}: {exc}"
        raise ImportFailed(
            path, message("import.cannot_show_error", problem=problem), INVALID
        ) from exc


def write_atomic(
    target: Path, text: str, path: Path, *, replace: bool = True, sync: bool = True
) -> None:
    """Write ``text`` to ``target`` through a temporary file in the same folder.

    Args:
        replace: replace an existing ``target`` (a new version); when False
            (a new document) an existing file is never overwritten, not
            even one another process wrote a moment ago.
        sync: flush the file and the folder to disk now; False inside a
            :class:`Batch`, which flushes its files together.

    Raises:
        FileExistsError: ``replace`` is False and ``target`` exists.
        ImportFailed: ``write-failed``.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".import-", suffix=".tmp")
    except OSError as exc:
        raise ImportFailed(
            path, message("import.not_stored", problem=exc.strerror or exc), WRITE_FAILED
        ) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        if replace:
            os.replace(tmp, target)
        else:
            _publish_new(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, FileExistsError):
            raise ImportFailed(
                path, message("import.not_stored", problem=exc.strerror or exc), WRITE_FAILED
            ) from exc
        raise
    if sync:
        sync_folder(target.parent)


def _publish_new(tmp: str, target: Path) -> None:
    """Give the written file its name unless that name exists (atomic where links work)."""
    try:
        os.link(tmp, target)  # fails with FileExistsError when the name is taken
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system: check, then rename
        if target.exists():
            raise FileExistsError(target) from None
        os.replace(tmp, target)
        return
    os.unlink(tmp)


def sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


JOURNAL = ".import-batch"
"""In the documents folder while new files of a bulk import are not yet on disk."""


class Batch:
    """New documents written without a flush each, flushed together.

    Before the first unflushed file, a journal (``JOURNAL``, holding the
    time) is written and flushed; after the batch's flush it is removed. A
    power cut in between can leave a new file empty or torn: the next start
    (:func:`repair_interrupted`) moves every such file newer than the journal
    aside. A kill -9 tears nothing (the kernel still writes what was renamed).
    Nothing the catalogue lists is unflushed: it is synced after the batch.
    """

    SIZE = 100

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.pending = 0

    def before_write(self) -> None:
        if self.pending == 0:
            self.folder.mkdir(parents=True, exist_ok=True)
            journal = self.folder / JOURNAL
            with open(journal, "w", encoding="ascii") as handle:
                handle.write(f"{time.time_ns()}\n")
                handle.flush()
                os.fsync(handle.fileno())
            sync_folder(self.folder)

    def written(self) -> None:
        self.pending += 1
        if self.pending >= self.SIZE:
            self.flush()

    def flush(self) -> None:
        """Everything written so far is on disk; the journal goes."""
        if self.pending == 0:
            return
        if hasattr(os, "sync"):
            os.sync()  # one flush for the whole batch
        with contextlib.suppress(OSError):
            os.unlink(self.folder / JOURNAL)
        sync_folder(self.folder)
        self.pending = 0


def repair_interrupted(folder: Path) -> list[Path]:
    """After a bulk import cut off before its flush: move new files that do
    not load (empty, torn) to ``.damaged`` in the folder; the files moved.

    Never deletes: a file that does load stays, one that does not is kept
    aside for the user to look at.
    """
    from briefing_reader.core.content import ContentError
    from briefing_reader.core.content.parse import load_document

    journal = folder / JOURNAL
    try:
        since = int(journal.read_text(encoding="ascii").split()[0])
    except (OSError, ValueError, IndexError):
        since = 0
    moved: list[Path] = []
    for path in sorted(folder.glob("*.md")):
        try:
            if path.stat().st_mtime_ns < since:
                continue
            load_document(path, bundled=False)
        except ContentError:
            aside = folder / ".damaged" / path.name
            with contextlib.suppress(OSError):
                aside.parent.mkdir(exist_ok=True)
                os.replace(path, aside)
                moved.append(aside)
        except OSError:
            continue
    with contextlib.suppress(OSError):
        journal.unlink()
    sync_folder(folder)
    return moved
