"""Where a library's documents are: core is told, it never looks it up.

``briefing_reader.paths.Paths`` is the one implementation; core names only
this protocol, so it depends on nothing above it (the layer contracts in
pyproject.toml).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from briefing_reader.core.content.catalogued import CataloguedLibrary


class LibraryPlaces(Protocol):
    """The folders and files one library lives in."""

    @property
    def imported_documents(self) -> Path:
        """The user's imports (the lock for importing sits beside it)."""
        ...

    @property
    def bundled_documents(self) -> Path:
        """The documents shipped with the program."""
        ...

    @property
    def library_folders(self) -> Sequence[tuple[Path, bool]]:
        """(folder, bundled) in load order: a later document replaces an earlier one by id."""
        ...

    @property
    def catalogue(self) -> Path:
        """The catalogue's SQLite file."""
        ...

    @property
    def document_cache(self) -> Path:
        """The parsed-document cache folder."""
        ...


def open_library(places: LibraryPlaces, *, check: bool | str = True) -> CataloguedLibrary:
    """The library in ``places``, read from its catalogue.

    ``check``: look at the files first (the window does that right after its
    first paint instead). ``check="quick"`` (a search): the bundled folder and
    the imports, which only the app writes, are looked at file by file only
    when the folder itself changed (a file added, removed or renamed into
    place); the override folder, the user's own, always file by file.
    """
    from briefing_reader.core.content.catalogued import open_catalogued

    return open_catalogued(
        list(places.library_folders),
        places.catalogue,
        places.document_cache,
        check=check,
        trusted=(places.bundled_documents, places.imported_documents),
    )
