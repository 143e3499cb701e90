"""A new version of the letter arrives through --content-dir: notes follow it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from briefing_reader import paths
from briefing_reader.app import build_window
from briefing_reader.core.notes import anchor_quote
from briefing_reader.ui.main_window import MainWindow
from tests.ui.conftest import painted

LETTER = "kst-32824-456"
KEPT = "van 1.840 in 2023 naar ca. 10.880 vorig jaar"
GONE = "Het gaat om 8 pilots in 30 gemeenten."


def new_version(folder: Path) -> None:
    """Version 3: one sentence deleted, a paragraph inserted before 2.1."""
    source = (paths.bundled_content_dir() / f"{LETTER}.md").read_text(encoding="utf-8")
    edited = re.sub(r"^version: 2$", "version: 3", source, flags=re.M)
    assert GONE in edited
    edited = edited.replace(GONE + " ", "")
    edited = edited.replace("{#s-2-1}", "Een nieuwe alinea in versie drie.\n\n{#s-2-1}", 1)
    folder.mkdir()
    (folder / f"{LETTER}.md").write_text(edited, encoding="utf-8")


def test_notes_follow_a_new_version_and_orphans_wait_for_review(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = window.store
    assert store is not None
    doc = window.library.get(LETTER)
    assert doc is not None
    store.add_highlight(anchor_quote(doc, KEPT), note="blijft")
    store.add_highlight(anchor_quote(doc, GONE), note="verdwijnt")
    window.close()

    folder = tmp_path / "pakket"
    new_version(folder)
    monkeypatch.setenv("BRIEFING_READER_CONTENT_DIR", str(folder))
    again = build_window(paths.resolve())
    qtbot.addWidget(again)
    again.show()
    again.restore_place(f"{LETTER}#s-2-1")
    assert again.library.get(LETTER).meta.version == 3  # type: ignore[union-attr]
    assert "1 notes need a look" in again.notes_message
    assert painted(again.reader) == [KEPT]  # moved with its text; the deleted one is not painted
    review = again.annotations.review
    assert review.list.count() == 1
    assert "verdwijnt" in review.list.item(0).text()
    review.list.setCurrentRow(0)
    assert GONE in " ".join(review.detail.toPlainText().split())  # the original quote stays
    statuses = {h.note: h.anchor_status for h in again.store.highlights(LETTER)}  # type: ignore[union-attr]
    assert statuses == {"blijft": "moved", "verdwijnt": "orphaned"}
