"""The window tells, in its language, what opening the notes found: saved
changes lost with the WAL (issue 13, defect 12), a backup restored."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing_reader import paths
from briefing_reader.app import build_window
from briefing_reader.core.notes import open_store
from briefing_reader.ui import i18n
from briefing_reader.ui.notes_notice import notes_notice

# Writes two highlights and is killed: the commits stay in the WAL (the first
# highlight is also in the backup taken when the first notes were written).
WRITE_AND_DIE = """
import os, sys
from briefing_reader.core.notes import open_store
from briefing_reader.core.notes.model import TextAnchor, TextPositionSelector, TextQuoteSelector

store = open_store(sys.argv[1], sys.argv[2])
for i in range(2):
    anchor = TextAnchor("doc", 1, "hash", "thash", TextQuoteSelector(f"wal {i}", "voor", "na"),
                        TextPositionSelector(i, i + 5))
    store.add_highlight(anchor, note=f"wal {i}")
os._exit(0)
"""


def lose_the_wal(profile: paths.Paths) -> None:
    open_store(profile.notes_db, profile.backups).close()
    subprocess.run(
        [sys.executable, "-c", WRITE_AND_DIE, str(profile.notes_db), str(profile.backups)],
        check=True,
        timeout=60,
        env=dict(os.environ),
    )
    profile.notes_db.with_name(profile.notes_db.name + "-wal").unlink()


def test_the_window_is_told_that_saved_changes_were_lost(qtbot: QtBot) -> None:
    profile = paths.resolve()
    lose_the_wal(profile)
    window = build_window(profile)
    qtbot.addWidget(window)
    assert "2 saved change(s) to your notes are missing from notes.sqlite3" in window.notes_message
    # the first highlight was backed up at once, so that backup is put back
    assert "restored from the backup notes-" in window.notes_message
    assert store_highlights(window) == 1
    store = window.store
    assert store is not None
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = i18n.install(app, "nl")
    try:
        dutch = notes_notice(store.report)
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    assert "2 opgeslagen wijziging(en) in uw notities ontbreken in notes.sqlite3" in dutch
    assert "(notes.sqlite3-wal) is verwijderd of beschadigd" in dutch
    assert "Het bestand zoals het was, is bewaard als notes.sqlite3.changes-lost-" in dutch
    assert "Uw notities zijn teruggezet uit de reservekopie notes-" in dutch


def store_highlights(window: object) -> int:
    store = getattr(window, "store", None)
    assert store is not None
    return len(store.highlights())


def test_a_restored_backup_is_named_in_dutch(qapp: QApplication) -> None:
    profile = paths.resolve()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefing_reader",
            "--data-dir",
            str(profile.data),
            "notes",
            "set-action",
            "actie-startbanen",
            "--note",
            "bewaard",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    profile.notes_db.write_bytes(os.urandom(8192))
    with open_store(profile.notes_db, profile.backups) as store:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        translators = i18n.install(app, "nl")
        try:
            dutch = notes_notice(store.report)
        finally:
            for translator in translators:
                app.removeTranslator(translator)
        said = store.report.events[1].message
        backup_name, when = said.params["name"], said.params["when"]
    assert "Het notitiebestand was beschadigd" in dutch
    assert f"Uw notities zijn teruggezet uit de reservekopie {backup_name} van {when}." in dutch
