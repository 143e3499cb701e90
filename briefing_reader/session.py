"""What one run of the app works on: its directories and its documents."""

from __future__ import annotations

from briefing_reader import paths as paths_mod
from briefing_reader.core.content import Library


def open_library(paths: paths_mod.Paths, *, check: bool | str = True) -> Library:
    """Bundled documents, then the user's imports, then an override folder.

    Later folders replace earlier documents with the same id, which is how
    staff hand out an updated version of a bundled letter. The library is
    read from its catalogue; ``check`` looks at the files first (the window
    does that right after its first paint instead). ``check="quick"`` (a
    search): the bundled folder and the imports, which only the app writes,
    are looked at file by file only when the folder itself changed (a file
    added, removed or renamed into place); the override folder, the user's
    own, always file by file.
    """
    from briefing_reader.core.content.places import open_library as open_at

    if (paths.imported_documents / ".import-batch").exists():  # cut off mid-import?
        from briefing_reader.core.importing.library import import_lock_unless_busy
        from briefing_reader.core.importing.storage import repair_interrupted

        # Not while another process imports: its batch is not flushed yet, and
        # its journal is what would let the next start repair a power cut.
        with import_lock_unless_busy(paths) as free:
            if free:
                repair_interrupted(paths.imported_documents)

    return open_at(paths, check=check)
