"""Removing an imported document (its notes stay, as orphans)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefing_reader.core.importing.errors import (
    NOT_FOUND,
    NOT_REMOVABLE,
    WRITE_FAILED,
    ImportFailed,
)
from briefing_reader.core.importing.library import ID_PATTERN, import_lock, resolved
from briefing_reader.core.importing.model import RemoveResult
from briefing_reader.core.importing.storage import sync_folder
from briefing_reader.core.messages import message

if TYPE_CHECKING:
    from briefing_reader.core.content import Library
    from briefing_reader.core.content.places import LibraryPlaces


def remove_document(
    paths: LibraryPlaces, doc_id: str, *, library: Library | None = None
) -> RemoveResult:
    """Delete an imported document's file. Its notes are kept (as orphans).

    Removing an import that replaced a bundled document shows the bundled
    one again (``reverted_to_bundled``); re-anchor the notes afterwards.

    Raises:
        ImportFailed: ``not-found`` (no such document), ``not-removable``
            (a bundled document, or one from the ``--content-dir`` folder),
            ``write-failed`` (the file could not be deleted).
    """
    with import_lock(paths):
        return _remove(paths, doc_id, library)


def _remove(paths: LibraryPlaces, doc_id: str, library: Library | None) -> RemoveResult:
    from briefing_reader.core.content import load_library

    if library is None:
        from briefing_reader.core.content.places import open_library

        library = open_library(paths)
    folder = resolved(paths.imported_documents)
    doc = library.get(doc_id)
    target: Path | None = None
    title = doc_id
    if doc is not None:
        title = doc.title
        if resolved(doc.path.parent) == folder:
            target = doc.path
        elif doc.bundled:
            raise ImportFailed(doc_id, message("remove.bundled"), NOT_REMOVABLE)
        else:
            raise ImportFailed(
                doc_id,
                message("remove.content_dir"),
                NOT_REMOVABLE,
            )
    else:
        broken = paths.imported_documents / f"{doc_id}.md"
        if ID_PATTERN.match(doc_id) and broken.is_file():
            target = broken  # an import that no longer loads can still be removed
    if target is None:
        raise ImportFailed(doc_id, message("remove.not_found"), NOT_FOUND)
    try:
        target.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise ImportFailed(
            doc_id, message("remove.failed", problem=exc.strerror or exc), WRITE_FAILED
        ) from exc
    sync_folder(target.parent)
    bundled = load_library([(paths.bundled_documents, True)], cache_dir=paths.document_cache)
    return RemoveResult(doc_id, title, target, reverted_to_bundled=doc_id in bundled.documents)
