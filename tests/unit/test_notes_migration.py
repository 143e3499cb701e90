"""Opening a database made with the first schema (v1) migrates it and keeps every note."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from briefing_reader.core.notes import SCHEMA_VERSION, NotesSchemaError, list_backups, open_store
from briefing_reader.core.notes import schema as schema_mod

# The first schema, written out by hand as version 1 of the app created it.
V1_SCHEMA = """
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE action_notes (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, action_id TEXT NOT NULL,
    stance TEXT, priority TEXT, note TEXT NOT NULL DEFAULT '',
    questions TEXT NOT NULL DEFAULT '[]', tags TEXT NOT NULL DEFAULT '[]',
    action_title TEXT NOT NULL DEFAULT '', doc_version INTEGER, doc_hash TEXT,
    author TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,
    deleted_at TEXT, UNIQUE (doc_id, action_id));
CREATE TABLE highlights (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL,
    exact TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    colour TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
    doc_version INTEGER, doc_hash TEXT,
    author TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL, deleted_at TEXT);
CREATE TABLE bookmarks (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, place TEXT,
    exact TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    name TEXT NOT NULL, position INTEGER NOT NULL,
    doc_version INTEGER, doc_hash TEXT,
    author TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL, deleted_at TEXT);
CREATE TABLE reading_positions (
    doc_id TEXT PRIMARY KEY, "offset" INTEGER NOT NULL, place TEXT,
    doc_version INTEGER, doc_hash TEXT, modified TEXT NOT NULL);
PRAGMA user_version = 1;
"""

T0 = "2025-07-10T08:00:00.000Z"
RECENT = (dt.datetime.now(dt.UTC) - dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
ACTION_ID = "11111111-1111-4111-8111-111111111111"
HIGHLIGHT_ID = "22222222-2222-4222-8222-222222222222"
DELETED_ID = "33333333-3333-4333-8333-333333333333"
BOOKMARK_ID = "44444444-4444-4444-8444-444444444444"


def make_v1(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.executescript(V1_SCHEMA)
        conn.execute("INSERT INTO settings VALUES ('author', '\"Eerste Versie\"')")
        conn.execute(
            "INSERT INTO action_notes VALUES (?, 'kst-32824-456', 'actie-taaleis-in-de-bijstand', "
            "'Kritisch', 'hoog', 'oude **notitie**', '[\"Vraag 1\", \"Vraag 2\"]', '[\"taal\"]', "
            "'Taaleis in de bijstand', 1, 'abc', 'Eerste Versie', ?, ?, NULL)",
            (ACTION_ID, T0, T0),
        )
        for item_id, deleted in ((HIGHLIGHT_ID, None), (DELETED_ID, RECENT)):
            conn.execute(
                "INSERT INTO highlights VALUES (?, 'kst-32824-456', 'Taal speelt', 'laag.\n', "
                "' daarbij', 2990, 3001, 'geel', 'met notitie', 1, 'abc', 'Eerste Versie', "
                "?, ?, ?)",
                (item_id, T0, T0, deleted),
            )
        conn.execute(
            "INSERT INTO bookmarks VALUES (?, 'kst-32824-456', 's-1-1', '1.1 Recht', '', ' op', "
            "5033, 5042, 'Zelfbeschikking', 1, 1, 'abc', 'Eerste Versie', ?, ?, NULL)",
            (BOOKMARK_ID, T0, T0),
        )
        conn.execute(
            "INSERT INTO reading_positions VALUES ('kst-32824-456', 4000, 'p-20', 1, 'abc', ?)",
            (T0,),
        )
        conn.commit()
    finally:
        conn.close()


def test_v1_database_is_migrated_with_data_kept_and_a_backup(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite3"
    make_v1(db)
    with open_store(db, tmp_path / "backups") as store:
        with closing(sqlite3.connect(db)) as other:
            assert other.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert "migrated" in store.report.kinds()
        assert store.author() == "Eerste Versie"

        action = store.action_annotation("kst-32824-456", "actie-taaleis-in-de-bijstand")
        assert action is not None
        assert (action.id, action.stance, action.priority) == (ACTION_ID, "Kritisch", "hoog")
        assert action.questions == ("Vraag 1", "Vraag 2") and action.tags == ("taal",)
        assert (action.note, action.created, action.author) == (
            "oude **notitie**",
            T0,
            "Eerste Versie",
        )
        assert action.is_mine and action.anchor_status == "exact"

        [highlight] = store.highlights()
        assert highlight.id == HIGHLIGHT_ID
        assert highlight.anchor.quote.exact == "Taal speelt"
        assert (highlight.anchor.quote.prefix, highlight.anchor.quote.suffix) == (
            "laag.\n",
            " daarbij",
        )
        assert (highlight.anchor.position.start, highlight.anchor.position.end) == (2990, 3001)
        assert highlight.motivation == "commenting" and highlight.note == "met notitie"
        assert [t.id for t in store.trash()] == [DELETED_ID]

        [bookmark] = store.bookmarks()
        assert (bookmark.id, bookmark.name, bookmark.anchor.place) == (
            BOOKMARK_ID,
            "Zelfbeschikking",
            "s-1-1",
        )
        position = store.reading_position("kst-32824-456")
        assert position is not None and (position.offset, position.place) == (4000, "p-20")
        assert store.commitment_statuses() == {}
        assert store.integrity_problem() is None

    before = [b for b in list_backups(tmp_path / "backups") if b.before_version == 1]
    assert len(before) == 1
    conn = sqlite3.connect(before[0].path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        row = conn.execute(
            "SELECT exact, note FROM highlights WHERE id = ?", (HIGHLIGHT_ID,)
        ).fetchone()
        assert row == ("Taal speelt", "met notitie")
    finally:
        conn.close()


def test_selectors_are_stored_as_w3c_json_after_migration(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite3"
    make_v1(db)
    open_store(db).close()
    conn = sqlite3.connect(db)
    try:
        selectors = json.loads(
            conn.execute(
                "SELECT selectors FROM highlights WHERE id = ?", (HIGHLIGHT_ID,)
            ).fetchone()[0]
        )
    finally:
        conn.close()
    assert selectors == [
        {
            "type": "TextQuoteSelector",
            "exact": "Taal speelt",
            "prefix": "laag.\n",
            "suffix": " daarbij",
        },
        {"type": "TextPositionSelector", "start": 2990, "end": 3001},
    ]


def test_failed_migration_leaves_v1_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "notes.sqlite3"
    make_v1(db)

    def half_then_fail(conn: sqlite3.Connection) -> None:
        conn.execute("DROP TABLE highlights")
        raise sqlite3.OperationalError("simulated failure half-way")

    monkeypatch.setitem(schema_mod.MIGRATIONS, 2, half_then_fail)
    with pytest.raises(Exception, match="simulated failure"):
        open_store(db)
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(*) FROM highlights").fetchone()[0] == 2
    finally:
        conn.close()
    monkeypatch.undo()
    with open_store(db) as store:  # the next start simply migrates
        assert [h.id for h in store.highlights()] == [HIGHLIGHT_ID]


def test_database_from_a_newer_app_is_refused_not_touched(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite3"
    conn = sqlite3.connect(db)
    try:
        conn.execute("CREATE TABLE future (x)")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.commit()
    finally:
        conn.close()
    with pytest.raises(NotesSchemaError, match="newer version"):
        open_store(db)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("notes")) == [
        "notes.sqlite3",
        "notes.sqlite3.lock",
    ]  # nothing moved aside
    assert not (tmp_path / "backups").exists()  # and no backup taken
