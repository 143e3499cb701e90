"""Notes out and in: Markdown, CSV and W3C Web Annotation JSON-LD.

The entry points, gathered from the modules that hold the work:

- :mod:`~briefing_reader.core.notes.jsonld_out`: notes as Web Annotations
  (:func:`export_jsonld`; the mapping is documented there);
- :mod:`~briefing_reader.core.notes.markdown_export`: Markdown
  (:func:`export_markdown`);
- :mod:`~briefing_reader.core.notes.csv_export`: CSV (:func:`export_csv`);
- here: :func:`export_file`, writing any of the three formats atomically;
- :mod:`~briefing_reader.core.notes.jsonld_in`: reading and checking a file
  (:func:`read_jsonld`), bounded before parsing
  (:mod:`~briefing_reader.core.notes.json_bounds`);
- :mod:`~briefing_reader.core.notes.merging`: what a merge keeps and updates.

Exports cover every live highlight, bookmark and annotation of an action
(empty ones left out), mine and colleagues' (``mine_only`` for mine alone).
:func:`import_jsonld` reads a file as a colleague's notes, or as mine
(``as_mine``, restoring my notes on a new machine): everything is checked
before anything is written, then all of it goes in one transaction, so an
invalid file imports nothing.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_reader.core.atomic import write_atomic
from briefing_reader.core.messages import message
from briefing_reader.core.notes import json_bounds
from briefing_reader.core.notes.csv_export import CSV_COLUMNS, csv_cell, export_csv
from briefing_reader.core.notes.errors import ExchangeError, NotesError
from briefing_reader.core.notes.json_bounds import MAX_IMPORT_BYTES
from briefing_reader.core.notes.jsonld_in import read_jsonld
from briefing_reader.core.notes.jsonld_out import (
    CONTEXT,
    DOC_PREFIX,
    PRIORITY_PREFIX,
    annotation_json,
    export_jsonld,
    exported_items,
    split_collection,
)
from briefing_reader.core.notes.markdown_export import export_markdown
from briefing_reader.core.notes.merging import ImportReport

if TYPE_CHECKING:
    from briefing_reader.core.content import Library
    from briefing_reader.core.notes.store import NotesStore

__all__ = [
    "CONTEXT",
    "CSV_COLUMNS",
    "DOC_PREFIX",
    "FORMATS",
    "MAX_IMPORT_BYTES",
    "PRIORITY_PREFIX",
    "ExchangeError",
    "ImportReport",
    "NotesError",
    "annotation_json",
    "atomic_write",
    "csv_cell",
    "export_csv",
    "export_file",
    "export_jsonld",
    "export_markdown",
    "import_jsonld",
    "read_jsonld",
]

FORMATS = ("md", "csv", "jsonld")


def import_jsonld(
    store: NotesStore,
    path: Path | str,
    library: Library | None = None,
    *,
    as_mine: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Merge a Web Annotation file into the store, all or nothing.

    Args:
        store: the notes store (writable).
        path: the JSON-LD file.
        library: the loaded documents, to fill in places and action titles.
        as_mine: store the notes as mine (my own notes restored), not a colleague's.
        progress: called now and then with (done, total), reading and then writing.

    Raises:
        ExchangeError: the file is invalid (nothing imported).
        NotesError: the store could not be written (nothing imported).
    """
    with collector_paused():
        incoming = read_jsonld(path, library, progress=progress)
        return store.merge_notes(incoming, as_mine=as_mine, progress=progress)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector during a bulk import.

    A file of 100,000 annotations is millions of small objects, all alive
    until the import ends and none in a reference cycle; every full
    collection would walk all of them again, which made the import grow
    faster than the file. Reference counting still frees everything.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def export_file(
    store: NotesStore,
    library: Library | None,
    path: Path | str,
    fmt: str,
    *,
    mine_only: bool = False,
    written: list[Path] | None = None,
) -> int:
    """Write an export atomically; returns the number of notes written.

    A JSON-LD export larger than an import accepts (:data:`MAX_IMPORT_BYTES`)
    is written as several files, ``notities-1.jsonld``, ``notities-2.jsonld``...,
    each importable; ``written`` gets the paths of the files written.

    Raises:
        ExchangeError: unknown format, or the file cannot be written.
    """
    path = Path(path)
    files: list[tuple[Path, bytes]]
    if fmt == "jsonld":
        data = export_jsonld(store, mine_only=mine_only)
        parts = split_collection(data, json_bounds.MAX_IMPORT_BYTES)
        count = data["total"]
        files = (
            [(path, parts[0])]
            if len(parts) == 1
            else [
                (path.with_name(f"{path.stem}-{number}{path.suffix}"), part)
                for number, part in enumerate(parts, start=1)
            ]
        )
    elif fmt == "md":
        text = export_markdown(store, library, mine_only=mine_only)
        count = len(exported_items(store, mine_only))
        files = [(path, text.encode("utf-8"))]
    elif fmt == "csv":
        text = "\ufeff" + export_csv(store, library, mine_only=mine_only)  # BOM: Excel reads UTF-8
        count = len(exported_items(store, mine_only))
        files = [(path, text.encode("utf-8"))]
    else:
        raise ExchangeError(
            message("exchange.unknown_format", fmt=fmt, choices=", ".join(FORMATS)), path
        )
    for target, data_bytes in files:
        atomic_write(target, data_bytes)
        if written is not None:
            written.append(target)
    return int(count)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and move it into place.

    Raises:
        ExchangeError: the folder is missing or the file cannot be written.
    """
    if not path.parent.is_dir():
        raise ExchangeError(message("exchange.no_folder", folder=str(path.parent)), path)
    if path.is_dir():
        raise ExchangeError(message("import.folder"), path)
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise ExchangeError(
            message("exchange.cannot_write", problem=str(exc.strerror or exc)), path
        ) from exc
