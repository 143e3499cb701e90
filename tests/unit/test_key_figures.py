"""A highlight can be a key figure ("kerncijfer") for the debate card (issue 17):
stored through the public API, kept across the schema migration, set from the CLI."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from briefing_reader import paths
from briefing_reader.core.notes import anchor_quote, open_store
from briefing_reader.core.notes.schema import MIGRATIONS
from briefing_reader.session import open_library

LETTER = "kst-32824-456"
QUOTE = "De NCTV stelt het dreigingsniveau voor een terroristische aanslag"


def test_key_figure_is_stored_and_changed(tmp_path: Path) -> None:
    doc = open_library(paths.resolve(tmp_path / "lib")).get(LETTER)
    assert doc is not None
    with open_store(tmp_path / "notes.sqlite3", tmp_path / "backups") as store:
        plain = store.add_highlight(anchor_quote(doc, QUOTE))
        key = store.add_highlight(anchor_quote(doc, "De onlinewereld speelt"), key_figure=True)
        assert not plain.key_figure and key.key_figure
        changed = store.update_highlight(plain.id, key_figure=True)
        assert changed.key_figure and changed.note == ""
        assert store.update_highlight(key.id, note="n").key_figure  # unchanged when not named
    with open_store(tmp_path / "notes.sqlite3", tmp_path / "backups") as again:
        assert {h.id for h in again.highlights() if h.key_figure} == {plain.id, key.id}


def test_a_version_3_database_gains_the_column_and_keeps_its_highlights(tmp_path: Path) -> None:
    doc = open_library(paths.resolve(tmp_path / "lib")).get(LETTER)
    assert doc is not None
    path = tmp_path / "notes.sqlite3"
    with open_store(path, tmp_path / "backups") as store:
        saved = store.add_highlight(anchor_quote(doc, QUOTE), note="bewaard")
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE highlights DROP COLUMN key_figure")  # as version 3 had it
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    assert 4 in MIGRATIONS
    with open_store(path, tmp_path / "backups") as store:
        [kept] = store.highlights()
        assert kept.id == saved.id and kept.note == "bewaard" and not kept.key_figure
        with closing(sqlite3.connect(path)) as other:
            assert other.execute("PRAGMA user_version").fetchone()[0] >= 4
