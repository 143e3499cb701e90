"""A folder dropped on the window: everything in it is imported, the
contents pane groups it by dossier, and many files are told as counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing_reader.ui.import_feature import MAX_LINES
from briefing_reader.ui.main_window import MainWindow


def write_letters(folder: Path, count: int) -> None:
    for n in range(count):
        sub = folder / f"map-{n % 2}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"brief-{n:02d}.md").write_text(
            f"---\nid: brief-{n:02d}\nkind: kamerbrief\ntitle: Brief nummer {n}\n"
            f"date: 2025-02-{n % 27 + 1:02d}\ndossier:\n  number: 36 {400 + n % 2}\n"
            f"  title: Dossier {n % 2}\nvolgnummer: {n + 1}\n---\n\n{{#s-1}}\n## 1. Kern\n\n"
            f"De kwartiermaker{n} schrijft.\n",
            encoding="utf-8",
        )


def test_a_dropped_folder_is_imported_and_grouped_by_dossier(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    folder = tmp_path / "brieven"
    write_letters(folder, MAX_LINES + 2)
    window.importing.import_paths([folder])
    qtbot.waitUntil(lambda: not window.importing.busy and bool(told), timeout=60_000)
    assert told[0].splitlines() == [f"{MAX_LINES + 2} imported, 0 replaced, 0 unchanged, 0 refused"]
    assert all(window.library.get(f"brief-{n:02d}") is not None for n in range(MAX_LINES + 2))
    model = window.toc.model()
    mine = model.index(len(window.toc.top_titles()) - 1, 0)
    dossiers = [model.index(r, 0, mine).data() for r in range(model.rowCount(mine))]
    assert dossiers == ["36 400 Dossier 0", "36 401 Dossier 1"]
    newest = window.toc.index_of("brief-26")  # 26 February, in the even dossier
    assert newest.parent() == model.index(0, 0, mine) and newest.row() == 0
    qtbot.waitUntil(lambda: window.search.progress.isHidden(), timeout=60_000)
    assert window.search.index.search("kwartiermaker31").total == 1
