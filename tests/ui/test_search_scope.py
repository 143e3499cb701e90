"""The search scope with hundreds of documents: a short list, any document by filter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefing_reader import paths
from briefing_reader.core.search import SearchIndex
from briefing_reader.session import open_library
from briefing_reader.ui.search_panel import OTHER, RECENT_SCOPES, SearchPanel

LETTERS = 300


def letter(n: int) -> str:
    return f"""---
id: gen-{n:03d}
kind: imported
title: Brief {n:03d} over werk
date: 2025-08-{1 + n % 28:02d}
dossier:
  number: "31 {n:03d}"
  title: Werk en inkomen
---

# Brief {n}

Tekst van brief {n}.
"""


def panel_on_big_library(qtbot: QtBot) -> SearchPanel:
    run = paths.resolve()
    run.imported_documents.mkdir(parents=True, exist_ok=True)
    for n in range(LETTERS):
        (run.imported_documents / f"gen-{n:03d}.md").write_text(letter(n), encoding="utf-8")
    library = open_library(run)
    assert len(library) == LETTERS + 4
    panel = SearchPanel(library, SearchIndex(None))
    qtbot.addWidget(panel)
    return panel


def scope_ids(panel: SearchPanel) -> list[str]:
    return [panel.scope.itemData(i) for i in range(panel.scope.count())]


def test_the_scope_list_stays_short_and_any_document_is_found_by_filter(qtbot: QtBot) -> None:
    panel = panel_on_big_library(qtbot)
    assert scope_ids(panel) == ["", OTHER]
    panel.show()
    panel.scope.setFocus()
    panel.scope.setCurrentIndex(panel.scope.findData(OTHER))
    chooser = panel.chooser
    assert chooser is not None and chooser.isVisible()
    assert panel.scope.currentData() == ""  # still all documents until one is chosen
    assert chooser.model.rowCount() == LETTERS + 4
    qtbot.keyClicks(chooser.filter, "31 042")  # the dossier number
    assert chooser.model.rowCount() == 1
    qtbot.keyClick(chooser.filter, Qt.Key.Key_Return)
    assert not chooser.isVisible()
    assert panel.scope.currentData() == "gen-042"
    assert scope_ids(panel) == ["", "gen-042", OTHER]


def test_recent_scopes_are_bounded_and_the_keys_move_in_the_list(qtbot: QtBot) -> None:
    panel = panel_on_big_library(qtbot)
    for n in range(RECENT_SCOPES + 3):
        panel.focus_search(f"gen-{n:03d}")
    ids = scope_ids(panel)
    assert len(ids) == RECENT_SCOPES + 2 and ids[1] == f"gen-{RECENT_SCOPES + 2:03d}"
    assert panel.scope.currentData() == ids[1]
    panel.focus_search("")
    assert panel.scope.currentData() == ""
    panel.choose_document()
    chooser = panel.chooser
    assert chooser is not None
    qtbot.keyClicks(chooser.filter, "over werk")
    first = chooser.selected()
    qtbot.keyClick(chooser.filter, Qt.Key.Key_Down)
    second = chooser.selected()
    assert first and second and first != second
    qtbot.keyClick(chooser.filter, Qt.Key.Key_Escape)
    assert not chooser.isVisible() and panel.scope.currentData() == ""
