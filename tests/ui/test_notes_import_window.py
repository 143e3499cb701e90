"""Importing notes in the window: off the GUI thread, with progress, and a
refused file says why in a dialog (issues 13 and 16)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog
from pytestqt.qtbot import QtBot

from briefing_reader.core.notes import anchor_quote, exchange, open_store
from briefing_reader.ui.main_window import MainWindow

LETTER = "kst-32824-456"


def _grown(path: Path, window: MainWindow, tmp_path: Path, count: int) -> None:
    doc = window.library.get(LETTER)
    assert doc is not None
    theirs = open_store(tmp_path / "theirs" / "notes.sqlite3", tmp_path / "theirs" / "b")
    theirs.add_highlight(anchor_quote(doc, "De NCTV stelt het dreigingsniveau"), note="x")
    item = exchange.export_jsonld(theirs)["first"]["items"][0]
    theirs.close()
    items = []
    for number in range(count):
        copy = json.loads(json.dumps(item))
        copy["id"] = f"urn:uuid:00000000-0000-4000-8000-{number:012d}"
        items.append(copy)
    path.write_text(
        json.dumps({"@context": exchange.CONTEXT, "type": "AnnotationPage", "items": items}),
        encoding="utf-8",
    )


def _dialogs(monkeypatch: pytest.MonkeyPatch, name: Path) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(name), ""))
    )
    for kind in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox,
            kind,
            staticmethod(lambda _parent, title, text, _kind=kind: shown.append((title, text))),
        )
    return shown


def test_a_large_import_runs_off_the_gui_thread_with_progress(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "piet.jsonld"
    _grown(path, window, tmp_path, 3000)
    shown = _dialogs(monkeypatch, path)
    window.printing.import_notes()
    [progress] = [
        dialog
        for dialog in window.findChildren(QProgressDialog)
        if dialog.labelText() == "Importing notes…"
    ]
    assert not shown  # the call returned before the import finished
    qtbot.wait_until(lambda: bool(shown), timeout=60_000)
    assert shown == [("Notes imported", "3000 added, 0 updated, 0 already there.")]
    assert progress.maximum() == 3000 and not progress.isVisible()
    assert len(window.printing.store.highlights()) == 3000


def test_a_refused_file_shows_the_reason_in_a_dialog(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "diep.jsonld"
    path.write_bytes(b"[" * 5000 + b"]" * 5000)
    shown = _dialogs(monkeypatch, path)
    window.printing.import_notes()
    qtbot.wait_until(lambda: bool(shown), timeout=20_000)
    ((title, text),) = shown
    assert title == "Import failed"
    assert str(path) in text and "nested 5000 levels deep" in text
    assert window.printing.store.highlights() == []


def test_restore_my_notes_in_the_notes_menu_makes_them_mine(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "mijn.jsonld"
    _grown(path, window, tmp_path, 2)
    titles = [a.text() for a in window.notes_menu.actions()]
    assert "&Restore my notes…" in titles
    shown = _dialogs(monkeypatch, path)
    window.printing.restore_action.trigger()
    qtbot.wait_until(lambda: bool(shown), timeout=20_000)
    assert shown == [("Notes imported", "2 added, 0 updated, 0 already there.")]
    highlights = window.printing.store.highlights()
    assert len(highlights) == 2 and all(h.is_mine for h in highlights)
