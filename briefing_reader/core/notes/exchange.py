"""Notes out and in: Markdown, CSV and W3C Web Annotation JSON-LD.

The entry points, gathered from the modules that hold the work:

- :mod:`~briefing_reader.core.notes.jsonld_out`: notes as Web Annotations
  (:func:`export_jsonld`; the mapping is documented there);
- :mod:`~briefing_reader.core.notes.text_export`: Markdown and CSV
  (:func:`export_markdown`, :func:`export_csv`) and :func:`export_file`;
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

from briefing_reader.core.notes.errors import ExchangeError, NotesError
from briefing_reader.core.notes.json_bounds import MAX_IMPORT_BYTES
from briefing_reader.core.notes.jsonld_in import read_jsonld
from briefing_reader.core.notes.jsonld_out import (
    CONTEXT,
    DOC_PREFIX,
    PRIORITY_PREFIX,
    annotation_json,
    export_jsonld,
)
from briefing_reader.core.notes.merging import ImportReport
from briefing_reader.core.notes.text_export import (
    CSV_COLUMNS,
    FORMATS,
    atomic_write,
    csv_cell,
    export_csv,
    export_file,
    export_markdown,
)

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
