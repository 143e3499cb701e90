"""What one run of the app works on: its directories and its documents."""

from __future__ import annotations

from briefing_reader import paths as paths_mod
from briefing_reader.core.content import Library


def open_library(paths: paths_mod.Paths, *, check: bool = True) -> Library:
    """Bundled documents, then the user's imports, then an override folder.

    Later folders replace earlier documents with the same id, which is how
    staff hand out an updated version of a bundled letter. The library is
    read from its catalogue; ``check`` looks at the files first (the window
    does that right after its first paint instead).
    """
    folders = [
        (paths_mod.bundled_content_dir(), True),
        (paths.imported_documents, False),
    ]
    if paths.content_override is not None:
        folders.append((paths.content_override, False))
    from briefing_reader.core.content.catalogued import open_catalogued

    if (paths.imported_documents / ".import-batch").exists():  # cut off mid-import
        from briefing_reader.core.importing.storage import repair_interrupted

        repair_interrupted(paths.imported_documents)

    return open_catalogued(
        folders, paths.cache / "library.sqlite3", paths.cache / "documents", check=check
    )
