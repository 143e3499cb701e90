"""What one run of the app works on: its directories and its documents."""

from __future__ import annotations

from briefing_reader import paths as paths_mod
from briefing_reader.core.content import Library, load_library


def open_library(paths: paths_mod.Paths) -> Library:
    """Bundled documents, then the user's imports, then an override folder.

    Later folders replace earlier documents with the same id, which is how
    staff hand out an updated version of a bundled letter.
    """
    folders = [
        (paths_mod.bundled_content_dir(), True),
        (paths.imported_documents, False),
    ]
    if paths.content_override is not None:
        folders.append((paths.content_override, False))
    return load_library(folders, cache_dir=paths.cache / "documents")
