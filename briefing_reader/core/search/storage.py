"""Where the index lives: opening, checking, clearing, locking its files.

Whoosh is imported inside the functions, never when this module is imported.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import re
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

from briefing_reader.core.content import Library

_INDEX_FILE = re.compile(r"^_?(units_v\d+)_")


STATE_KIND = "_state"
"""Kind of the one record holding the fingerprint of the library last indexed."""


def fingerprint(library: Library) -> str:
    """A digest of the schema version and every document's id and source hash
    (:meth:`.Library.digest`: a catalogue keeps it, nothing is parsed or listed)."""
    from briefing_reader.core.search.schema import SCHEMA_VERSION

    return hashlib.sha256(f"schema {SCHEMA_VERSION}\n{library.digest()}".encode()).hexdigest()


def state(searcher: Any) -> str | None:
    """The fingerprint the index was last brought in line with, or None."""
    for docnum in searcher.document_numbers(kind=STATE_KIND):
        return str(searcher.stored_fields(docnum).get("dochash"))
    return None


def wanted(library: Library) -> dict[str, str]:
    """What the manifest must hold for ``library``: id -> ``id:source_hash``."""
    return {doc_id: f"{doc_id}:{digest}" for doc_id, digest in library.hashes().items()}


def manifest(searcher: Any) -> dict[str, str]:
    """What the index holds: document id -> ``id:source_hash``."""
    from briefing_reader.core.search.schema import MANIFEST_KIND

    have: dict[str, str] = {}
    for docnum in searcher.document_numbers(kind=MANIFEST_KIND):
        stored = searcher.stored_fields(docnum)
        have[stored["doc"]] = stored["dochash"]
    return have


def try_open(storage: Any) -> tuple[Any, bool]:
    """(index or None, missing): the index if it opens and its state record
    reads (one term, not the manifest of every document).

    Whoosh retries for half a second itself when a file vanishes under it
    (another process committing).
    """
    ix, missing, searcher = open_searching(storage)
    if searcher is not None:
        searcher.close()
    return ix, missing


def open_searching(storage: Any) -> tuple[Any, bool, Any]:
    """:func:`try_open`, with the searcher that read the state still open
    (opening one reads every segment: a search need not do it again)."""
    from briefing_reader.core.search import schema
    from briefing_reader.core.search._whoosh import EmptyIndexError

    with warnings.catch_warnings():
        # Whoosh leaves the file of a broken index open: let it go quietly.
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            ix = storage.open_index(schema.INDEX_NAME)
            searcher = ix.searcher()
            try:
                state(searcher)
            except BaseException:
                searcher.close()
                raise
            return ix, False, searcher
        except EmptyIndexError:
            return None, True, None
        except Exception:  # corrupt or mid-commit: the caller decides
            pass
        gc.collect()
    return None, False, None


def writable(directory: Path | None) -> str | None:
    """None when ``directory`` can be created and written to, else why not."""
    if directory is None:
        return "no directory"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".probe-", dir=directory)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def acquire(lock: Any, timeout: float) -> bool:
    """Take a Whoosh file lock, waiting up to ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if lock.acquire(False):
                return True
        except OSError:
            return False
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)


def clear(storage: Any) -> None:
    """Delete every index file (of any schema version), keeping lock files."""
    for name in list(storage):
        if _INDEX_FILE.match(name) and not name.endswith("_WRITELOCK"):
            with contextlib.suppress(OSError):
                storage.delete_file(name)


def remove_other_versions(storage: Any) -> None:
    """Delete the files of indexes of other schema versions."""
    from briefing_reader.core.search.schema import INDEX_NAME

    for name in list(storage):
        match = _INDEX_FILE.match(name)
        if match and match.group(1) != INDEX_NAME:
            with contextlib.suppress(OSError):
                storage.delete_file(name)
