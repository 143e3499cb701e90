"""What one run of the app works on: its directories and its documents."""

from __future__ import annotations

from briefing_reader import paths as paths_mod
from briefing_reader.core.content import Library


def open_library(paths: paths_mod.Paths, *, check: bool = True) -> Library:
    """Bundled documents, then the user's imports, then an override folder
    (``Paths.library_folders``), read from the catalogue; ``check`` looks at
    the files first (the window does that right after its first paint instead).
    """
    from briefing_reader.core.content.places import open_library as open_at

    return open_at(paths, check=check)
