"""Shared fixtures: every test gets its own data dir, never the real profile."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The command line speaks the system's language: pin it, so no test depends on the
# machine's LANG (tests of the choice itself set their own).
os.environ.setdefault("BRIEFING_READER_LANGUAGE", "en")

REPO = Path(__file__).resolve().parents[1]
LETTER_ID = "kst-32824-456"
LAYERS = ("unit", "ui", "e2e")  # the folders of tests/, each a marker (pyproject)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test with its layer, so ``-m unit`` (or ``-m "not e2e"``) picks it."""
    for item in items:
        if item.path.is_relative_to(REPO / "tests"):
            folder = item.path.relative_to(REPO / "tests").parts[0]
            if folder in LAYERS:
                item.add_marker(getattr(pytest.mark, folder))


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app's data dir (and with it cache and config) at a temp dir."""
    data = tmp_path / "data"
    monkeypatch.setenv("BRIEFING_READER_DATA_DIR", str(data))
    monkeypatch.delenv("BRIEFING_READER_CONTENT_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    return data


@pytest.fixture(autouse=True, scope="session")
def clear_clipboard_at_the_end():
    """Qt's offscreen platform crashes at exit while its clipboard holds
    QMimeData (tested: xcb does not); the app clears it on quit, the test
    session here."""
    yield
    import sys

    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            QApplication.clipboard().clear()


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The stem of every document file loaded from now on (parsed or read from
    the cache): for tests that a feature reads no more than it must."""
    from briefing_reader.core.content.catalogued import CataloguedLibrary

    loaded: list[str] = []
    real = CataloguedLibrary._load

    def recording(self: CataloguedLibrary, path: Path, bundled: bool) -> object:
        loaded.append(path.stem)
        return real(self, path, bundled)

    monkeypatch.setattr(CataloguedLibrary, "_load", recording)
    yield loaded
