"""The team folder in the window (issue 16): a colleague's notes arrive
without a click, mine are written to my file, a changed file is read again."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from briefing_reader.core.notes import anchor_quote, open_store
from briefing_reader.core.notes.team_folder import own_file_name, sync
from briefing_reader.ui.main_window import MainWindow
from briefing_reader.ui.settings import TEAM_FOLDER

LETTER = "kst-32824-456"


def test_colleagues_notes_arrive_and_mine_are_published(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    doc = window.library.get(LETTER)
    assert doc is not None
    folder = tmp_path / "gedeeld"
    folder.mkdir()
    piet = open_store(tmp_path / "piet" / "n.sqlite3", tmp_path / "piet" / "b")
    piet.set_author("Piet")
    piet.add_highlight(anchor_quote(doc, "De NCTV stelt het dreigingsniveau"), note="Piet 1")
    sync(piet, folder, window.library)

    store = window.printing.store
    assert store is not None
    window.settings.setValue(TEAM_FOLDER.key, str(folder))
    window.team.configure()
    qtbot.wait_until(lambda: any(h.author == "Piet" for h in store.highlights()), timeout=30_000)
    mine = folder / own_file_name(store)
    qtbot.wait_until(mine.exists, timeout=30_000)
    assert str(folder) in window.team.watcher.directories()

    # Piet adds a note: the watcher sees his file change and it is read again.
    piet.add_highlight(anchor_quote(doc, "De onlinewereld speelt een centrale rol"), note="Piet 2")
    sync(piet, folder, window.library)
    piet.close()
    qtbot.wait_until(
        lambda: sorted(h.note for h in store.highlights()) == ["Piet 1", "Piet 2"], timeout=30_000
    )
    assert window.team.last_report.offline is None
    window.settings.setValue(TEAM_FOLDER.key, "")
    window.team.configure()
    assert not window.team.publisher.isActive()


def test_my_new_note_is_published_within_seconds(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "gedeeld"
    folder.mkdir()
    store = window.printing.store
    assert store is not None
    window.settings.setValue(TEAM_FOLDER.key, str(folder))
    window.team.configure()
    mine = folder / own_file_name(store)
    qtbot.wait_until(mine.exists, timeout=30_000)
    doc = window.library.get(LETTER)
    assert doc is not None
    store.add_highlight(anchor_quote(doc, "De NCTV stelt het dreigingsniveau"), note="Nieuw")
    qtbot.wait_until(lambda: "Nieuw" in mine.read_text(encoding="utf-8"), timeout=30_000)
