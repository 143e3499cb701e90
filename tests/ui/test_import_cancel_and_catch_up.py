"""The window's bulk import can be cancelled; a broken index is rebuilt by the
indexer process while the search panel says it is catching up."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing_reader import paths
from briefing_reader.core.importing import import_files
from briefing_reader.ui.main_window import MainWindow


def write_letters(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(count):
        path = folder / f"brief-{n:03d}.txt"
        path.write_text(
            "Tweede Kamer der Staten-Generaal\n\n"
            f"36 {100 + n % 4} Dossier {n % 4}\n\n"
            f"Nr. {n + 1} BRIEF VAN DE MINISTER OVER ONDERWERP {n}\n\n"
            f"Den Haag, {n % 27 + 1} maart 2025\n\n"
            f"De kwartiermaker{n} bericht over de inburgering en de taaleis.\n",
            encoding="utf-8",
        )
        out.append(path)
    return out


def test_cancel_stops_the_import_and_keeps_what_was_imported(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: told.append(text))
    folder = tmp_path / "brieven"
    write_letters(folder, 200)
    importing = window.importing

    def cancel_at_three(value: int) -> None:
        if value >= 3 and importing.cancel_button.isEnabled():
            qtbot.mouseClick(importing.cancel_button, Qt.MouseButton.LeftButton)

    importing.progress.valueChanged.connect(cancel_at_three)
    importing.import_paths([folder])
    assert importing.cancel_button.isVisible()
    qtbot.waitUntil(lambda: not importing.busy and bool(told), timeout=120_000)
    assert importing.cancel_button.isHidden()
    summary = told[0].splitlines()
    assert summary[-1].startswith("Import cancelled after ")
    done = int(summary[-1].split()[3])
    assert 3 <= done < 200
    assert summary[-2] == f"{done} imported, 0 replaced, 0 unchanged, 0 refused"
    stored = paths.resolve().imported_documents
    files = sorted(p.stem for p in stored.glob("*.md"))
    assert len(files) == done
    assert all(window.library.get(doc_id) is not None for doc_id in files)  # catalogued
    assert not (stored / ".import-batch").exists()  # flushed
    qtbot.waitUntil(window.search.progress.isHidden, timeout=120_000)
    assert window.search.index.is_current(window.library)


def test_a_corrupt_index_is_rebuilt_while_search_says_it_is_catching_up(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_paths = paths.resolve()
    import_files(run_paths, write_letters(tmp_path / "brieven", 40))
    window.importing.reload()
    qtbot.waitUntil(window.search.progress.isHidden, timeout=120_000)
    window.search.index.close()
    for path in run_paths.search_index.iterdir():  # garbage over the segment files
        if path.suffix in (".col", ".trm", ".pst", ".toc"):
            path.write_bytes(os.urandom(max(path.stat().st_size, 64)))
    search = window.search
    search.search_all()  # the search panel in sight
    seen: list[tuple[bool, str]] = []
    show = search.catching_up.show_progress

    def spy(done: int, total: int) -> None:
        show(done, total)
        seen.append((search.catching_up.isVisible(), search.catching_up.label.text()))

    monkeypatch.setattr(search.catching_up, "show_progress", spy)
    search.start_indexing()
    assert search.indexing
    qtbot.waitUntil(lambda: not search.indexing, timeout=120_000)
    assert seen and seen[0][0]  # shown while it worked
    assert "catching up" in seen[0][1] and "incomplete" in seen[0][1]
    assert search.catching_up.isHidden()  # gone when done
    assert search.index.search("kwartiermaker39").total == 1
    assert search.index.is_current(window.library)
