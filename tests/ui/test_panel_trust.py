"""Nothing typed is lost, a newer note is never overwritten, and nothing is
written that the user did not change."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from briefing_reader import paths
from briefing_reader.app import build_window
from briefing_reader.core.notes import action_target
from briefing_reader.ui.main_window import MainWindow
from briefing_reader.ui.settings_dialog import SettingsDialog

LETTER = "kst-32824-456"
TAALEIS = "actie-taaleis-in-de-bijstand"
STARTBANEN = "actie-startbanen"
KLANTMANAGERS = "actie-vrouwelijke-statushouders-klantmanagers-zijn-aan-zet"


def set_action(*args: str) -> None:
    """The command line as a second writer, in its own process."""
    subprocess.run(
        [sys.executable, "-m", "briefing_reader", "notes", "set-action", *args],
        capture_output=True,
        text=True,
        check=True,
    )


def saved(window: MainWindow, action_id: str = TAALEIS):  # type: ignore[no-untyped-def]
    assert window.store is not None
    return window.store.action_annotation(LETTER, action_id)


def type_note(qtbot: QtBot, window: MainWindow, text: str) -> None:
    panel = window.annotations.panel
    panel.note.setFocus()
    panel.note.moveCursor(panel.note.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.note, text)


# -- the note field takes what is typed ----------------------------------------


def test_a_new_action_opens_on_the_edit_tab(window: MainWindow) -> None:
    panel = window.annotations.panel
    window.navigate(LETTER, TAALEIS)
    panel.note_tabs.setCurrentWidget(panel.preview)
    window.navigate(LETTER, STARTBANEN)
    assert panel.note_tabs.currentWidget() is panel.note


def test_typing_in_the_preview_goes_into_the_note_and_is_saved(
    window: MainWindow, qtbot: QtBot
) -> None:
    panel = window.annotations.panel
    window.navigate(LETTER, TAALEIS)
    panel.note_tabs.setCurrentWidget(panel.preview)
    panel.preview.setFocus()
    with qtbot.waitSignal(panel.annotation_saved, timeout=5000):
        qtbot.keyClicks(panel.preview, "Eerst vragen")
    assert panel.note_tabs.currentWidget() is panel.note
    assert panel.note.toPlainText() == "Eerst vragen"
    assert saved(window).note == "Eerst vragen"


# -- a newer note saved elsewhere -------------------------------------------------


def test_typing_after_the_command_line_saved_does_not_clobber_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    panel = window.annotations.panel
    window.navigate(LETTER, TAALEIS)
    with qtbot.waitSignal(panel.annotation_saved, timeout=5000):
        type_note(qtbot, window, "Mijn eerste")
    set_action(
        TAALEIS,
        "--note",
        "Van de commandoregel",
        "--stance",
        "Kritisch",
        "--question",
        "Vraag van elders",
    )
    elsewhere = saved(window)
    with qtbot.waitSignal(panel.changed_elsewhere, timeout=5000):
        type_note(qtbot, window, " en meer")
    assert saved(window) == elsewhere  # nothing written over it
    assert panel.conflict_bar.isVisibleTo(panel)
    assert "Van de commandoregel" in panel.conflict_text.toPlainText()
    assert panel.note.toPlainText() == "Mijn eerste en meer"  # mine stays in the field
    assert panel.stance.currentData() == "Kritisch"  # a field I did not touch: theirs
    assert panel.question_texts() == ("Vraag van elders",)
    window.navigate(LETTER, STARTBANEN)  # nothing saves, nothing is dropped meanwhile
    assert saved(window) == elsewhere and panel.note.toPlainText() == "Mijn eerste en meer"
    with qtbot.waitSignal(panel.annotation_saved, timeout=5000):
        qtbot.mouseClick(panel.keep_mine, Qt.MouseButton.LeftButton)
    final = saved(window)
    assert final.note == "Mijn eerste en meer"
    assert final.stance == "Kritisch" and final.questions == ("Vraag van elders",)
    assert not panel.conflict_bar.isVisibleTo(panel)


def test_their_version_can_be_taken_instead(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.annotations.panel
    window.navigate(LETTER, TAALEIS)
    with qtbot.waitSignal(panel.annotation_saved, timeout=5000):
        type_note(qtbot, window, "Oud")
    set_action(TAALEIS, "--note", "Nieuwer")
    elsewhere = saved(window)
    with qtbot.waitSignal(panel.changed_elsewhere, timeout=5000):
        type_note(qtbot, window, "!")
    qtbot.mouseClick(panel.use_theirs, Qt.MouseButton.LeftButton)
    assert panel.note.toPlainText() == "Nieuwer"
    assert saved(window) == elsewhere
    with qtbot.waitSignal(panel.annotation_saved, timeout=5000):  # editing goes on from theirs
        type_note(qtbot, window, " en verder")
    assert saved(window).note == "Nieuwer en verder"


def test_a_change_to_another_field_is_kept_without_asking(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.annotations.panel
    window.navigate(LETTER, TAALEIS)
    with qtbot.waitSignal(panel.annotation_saved, timeout=5000):
        type_note(qtbot, window, "Notitie")
    set_action(TAALEIS, "--priority", "hoog")
    with qtbot.waitSignal(panel.annotation_saved, timeout=5000):
        type_note(qtbot, window, " aangevuld")
    final = saved(window)
    assert final.note == "Notitie aangevuld" and final.priority == "hoog"
    assert panel.priority.currentData() == "hoog"
    assert not panel.conflict_bar.isVisibleTo(panel)


# -- nothing written without an edit ----------------------------------------------


def all_annotations(window: MainWindow) -> list[tuple[str, str, str]]:
    assert window.store is not None
    return [(a.action_id, a.modified, a.author) for a in window.store.action_annotations()]


def test_opening_moving_settings_and_closing_write_nothing(qtbot: QtBot) -> None:
    first = build_window(paths.resolve())
    qtbot.addWidget(first)
    doc = first.library.get(LETTER)
    assert first.store is not None and doc is not None
    first.store.update_action(action_target(doc, TAALEIS), note="Staat er al", stance="Kritisch")
    first.close()

    window = build_window(paths.resolve())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.restore_place(f"{LETTER}#{TAALEIS}")
    before = all_annotations(window)
    assert [a for a, _, _ in before] == [TAALEIS]
    for action in (KLANTMANAGERS, STARTBANEN, TAALEIS, KLANTMANAGERS):
        window.navigate(LETTER, action)
    window.go_back()

    def change_settings() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        dialog.author.setText("Iemand Anders")
        dialog.font_size.setValue(dialog.font_size.value() + 3)
        dialog.accept()

    QTimer.singleShot(0, change_settings)
    window.settings_action.trigger()
    assert window.store is not None and window.store.author() == "Iemand Anders"
    window.navigate(LETTER, KLANTMANAGERS)
    assert all_annotations(window) == before
    window.close()
    again = build_window(paths.resolve())
    qtbot.addWidget(again)
    assert all_annotations(again) == before  # no new empty note, no new modified time


def test_closing_with_a_version_to_choose_asks_and_keeps_the_choice(
    window: MainWindow, qtbot: QtBot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    panel = window.annotations.panel
    window.navigate(LETTER, TAALEIS)
    with qtbot.waitSignal(panel.annotation_saved, timeout=5000):
        type_note(qtbot, window, "Voor het sluiten")
    set_action(TAALEIS, "--note", "Tussendoor")
    with qtbot.waitSignal(panel.changed_elsewhere, timeout=5000):
        type_note(qtbot, window, "!")
    asked: list[str] = []

    def keep_mine(_parent, _title, text, *_rest):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", keep_mine)
    window.close()
    assert asked and "Tussendoor" in asked[0]
    assert saved(window).note == "Voor het sluiten!"


def test_a_note_the_field_would_normalise_is_not_rewritten(
    window: MainWindow, qtbot: QtBot
) -> None:
    set_action(TAALEIS, "--note", "€ 10\u00a0mln\r\ntweede regel", "--tag", "geld")
    stored = saved(window)
    panel = window.annotations.panel
    window.navigate(LETTER, TAALEIS)
    assert panel.note.toPlainText() == "€ 10 mln\ntweede regel"  # how the field holds it
    assert panel.dirty_fields() == {}
    window.navigate(LETTER, STARTBANEN)
    window.navigate(LETTER, TAALEIS)
    window.close()
    assert saved(window) == stored  # the no-break space and the line end are as they were
