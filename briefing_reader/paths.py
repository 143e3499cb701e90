"""Every directory the app reads or writes, resolved in one place.

Order of precedence for the user data directory: the ``--data-dir`` option,
then the ``BRIEFING_READER_DATA_DIR`` environment variable, then the
platform's default (platformdirs). When a data dir is given explicitly, the
cache and config directories live inside it too, so a test or an
end-to-end run never touches the real profile.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

from briefing_reader import APP_ID

DATA_DIR_ENV = "BRIEFING_READER_DATA_DIR"
CONTENT_DIR_ENV = "BRIEFING_READER_CONTENT_DIR"


@dataclass(frozen=True)
class Paths:
    """The directories of one run of the app.

    Attributes:
        data: notes database, backups, imported documents.
        cache: the search index and other rebuildable files.
        config: UI settings (QSettings file).
        content_override: an extra folder of documents that replace bundled
            ones with the same id, or None.
    """

    data: Path
    cache: Path
    config: Path
    content_override: Path | None = None

    @property
    def imported_documents(self) -> Path:
        return self.data / "documents"

    @property
    def notes_db(self) -> Path:
        return self.data / "notes.sqlite3"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def versions(self) -> Path:
        """The text of every version of a document seen, for re-anchoring."""
        return self.data / "versions"

    @property
    def search_index(self) -> Path:
        return self.cache / "search-index"

    @property
    def bundled_documents(self) -> Path:
        return bundled_content_dir()

    @property
    def library_folders(self) -> list[tuple[Path, bool]]:
        """Bundled documents, then the user's imports, then an override folder.

        Later folders replace earlier documents with the same id, which is how
        staff hand out an updated version of a bundled letter.
        """
        folders = [(self.bundled_documents, True), (self.imported_documents, False)]
        if self.content_override is not None:
            folders.append((self.content_override, False))
        return folders

    @property
    def catalogue(self) -> Path:
        return self.cache / "library.sqlite3"

    @property
    def document_cache(self) -> Path:
        return self.cache / "documents"


def resolve(
    data_dir: str | os.PathLike[str] | None = None,
    content_dir: str | os.PathLike[str] | None = None,
    environ: dict[str, str] | None = None,
) -> Paths:
    """Work out the directories from options, environment and platform."""
    env = os.environ if environ is None else environ
    explicit = data_dir or env.get(DATA_DIR_ENV)
    content = content_dir or env.get(CONTENT_DIR_ENV)
    override = Path(content).expanduser().resolve() if content else None
    if explicit:
        base = Path(explicit).expanduser().resolve()
        return Paths(
            data=base, cache=base / "cache", config=base / "config", content_override=override
        )
    import platformdirs  # only when needed: it costs start-up time

    return Paths(
        data=Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
        cache=Path(platformdirs.user_cache_dir(APP_ID, appauthor=False)),
        config=Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
        content_override=override,
    )


# Where the package data lives in a source checkout (see pyproject's package-dir).
_SOURCE_DIRS = {
    "briefing_reader.bundled": "content",
    "briefing_reader.translations": "resources/translations",
    "briefing_reader.icons": "resources/icons",
}


def _package_dir(name: str) -> Path:
    # find_spec, not importlib.resources: same answer, a fraction of the import cost.
    spec = importlib.util.find_spec(name)
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    # Running from a checkout whose package shadows the installed one.
    source = Path(__file__).resolve().parents[1] / _SOURCE_DIRS[name]
    if source.is_dir():
        return source
    raise FileNotFoundError(f"package data '{name}' is not installed")


def bundled_content_dir() -> Path:
    """The folder of documents shipped inside the package."""
    return _package_dir("briefing_reader.bundled")


def translations_dir() -> Path:
    """The folder of compiled ``.qm`` translation catalogues."""
    return _package_dir("briefing_reader.translations")


def icons_dir() -> Path:
    """The folder of the application's SVG icons."""
    return _package_dir("briefing_reader.icons")
