"""Annotating actions, highlighting and bookmarking in the real window."""

from __future__ import annotations

import json
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from briefing_reader import paths
from briefing_reader.app import build_window
from briefing_reader.ui.main_window import MainWindow
from tests.ui.conftest import painted

LETTER = "kst-32824-456"
ACTION = "actie-taaleis-in-de-bijstand"


def notes_list() -> list[dict]:  # type: ignore[type-arg]
    result = subprocess.run(
        [sys.executable, "-m", "briefing_reader", "notes", "list", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(result.stdout)
    return data["actions"] if isinstance(data, dict) and "actions" in data else data


def test_annotating_an_action_saves_and_survives_a_new_process(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.navigate(LETTER, ACTION)
    panel = window.annotations.panel
    assert panel.action_id == ACTION and panel.isEnabled()
    panel.stance.setCurrentIndex(panel.stance.findData("Kritisch"))
    panel.note.setPlainText("Wat kost de **handhaving**?")
    panel.question_input.setText("Hoeveel gemeenten handhaven al?")
    qtbot.keyClick(panel.question_input, Qt.Key.Key_Return)
    with qtbot.waitSignal(panel.annotation_saved, timeout=5000):
        pass
    assert panel.status.text().startswith("Saved")
    stored = window.store.action_annotation(LETTER, ACTION)  # type: ignore[union-attr]
    assert stored is not None and stored.stance == "Kritisch"
    assert stored.questions == ("Hoeveel gemeenten handhaven al?",)
    # the badge shows in the TOC and on the box
    assert window.toc.text_of(LETTER, ACTION).endswith("✎ Kritisch")
    assert "✎ Kritisch" in window.reader.toPlainText()
    # a new process sees the committed note
    listed = json.dumps(notes_list(), ensure_ascii=False)
    assert "Wat kost de **handhaving**?" in listed and "Kritisch" in listed


def test_annotation_comes_back_in_a_new_window(window: MainWindow, qtbot: QtBot) -> None:
    window.navigate(LETTER, ACTION)
    panel = window.annotations.panel
    panel.note.setPlainText("Terug na herstart")
    assert panel.save_now()
    window.close()
    again = build_window(paths.resolve())
    qtbot.addWidget(again)
    again.show()
    again.restore_place(f"{LETTER}#{ACTION}")
    assert again.annotations.panel.note.toPlainText() == "Terug na herstart"


def select(window: MainWindow, text: str) -> None:
    found = window.reader.document().find(text)
    assert not found.isNull()
    window.reader.setTextCursor(found)


def test_highlighting_a_selection_paints_it_and_lists_it(window: MainWindow) -> None:
    window.navigate(LETTER, "s-2-1")
    quote = "van 1.840 in 2023 naar ca. 10.880 vorig jaar"
    select(window, quote)
    window.annotations.highlight_selection("groen")
    highlights = window.store.highlights(LETTER)  # type: ignore[union-attr]
    assert [h.anchor.quote.exact for h in highlights] == [quote]
    painted_now = painted(window.reader)
    assert painted_now == [quote]
    assert window.annotations.marks.highlight_list.count() == 1


def test_highlight_across_a_footnote_marker_keeps_exact_text(window: MainWindow) -> None:
    window.navigate(LETTER, "eerste-uitwerking")
    select(window, "Taal speelt daarbij een belangrijke rol.1 Inburgering")
    window.annotations.highlight_selection()
    stored = window.store.highlights(LETTER)[0]  # type: ignore[union-attr]
    assert stored.anchor.quote.exact == "Taal speelt daarbij een belangrijke rol.1 Inburgering"


def button_under(view: QListWidget, text: str) -> QPushButton:
    """The button of this text under a list of the marks panel."""
    page = view.parentWidget()
    assert page is not None
    [button] = [b for b in page.findChildren(QPushButton) if b.text() == text]
    return button


def test_deleting_a_highlight_can_be_undone(window: MainWindow, qtbot: QtBot) -> None:
    window.navigate(LETTER, "s-2-1")
    select(window, "Vroege start")
    window.annotations.highlight_selection()
    marks = window.annotations.marks
    marks.highlight_list.setCurrentRow(0)
    qtbot.mouseClick(button_under(marks.highlight_list, "Delete"), Qt.MouseButton.LeftButton)
    assert window.store.highlights(LETTER) == []  # type: ignore[union-attr]
    assert painted(window.reader) == []
    window.annotations.undo_action.trigger()
    assert len(window.store.highlights(LETTER)) == 1  # type: ignore[union-attr]
    assert len(painted(window.reader)) == 1


def test_ctrl_d_bookmarks_the_current_section(window: MainWindow, qtbot: QtBot) -> None:
    window.navigate(LETTER, "s-2-4")
    window.activateWindow()
    window.annotations.bookmark_here()
    bookmarks = window.store.bookmarks(LETTER)  # type: ignore[union-attr]
    assert [b.name for b in bookmarks] == ["2.4 Taaleis in de bijstand"]
    window.navigate(LETTER, "s-1-1")
    marks = window.annotations.marks
    marks.bookmark_list.setCurrentRow(0)
    qtbot.keyClick(marks.bookmark_list, Qt.Key.Key_Return)  # Enter on a bookmark goes there
    top = window.reader.document().findBlock(window.reader.top_position()).text()
    assert top.startswith("2.4 Taaleis")


def test_reading_position_is_kept_per_document(window: MainWindow, qtbot: QtBot) -> None:
    window.navigate(LETTER, "s-1-6")
    place = window.current_place()
    window.navigate("moties", "motie-ceder")  # switching documents stores the letter's place
    stored = window.store.reading_position(LETTER)  # type: ignore[union-attr]
    assert stored is not None and stored.place == "s-1-6"
    window.navigate(LETTER, "s-1-6")
    window.close()
    again = build_window(paths.resolve())
    qtbot.addWidget(again)
    again.resize(window.size())
    again.show()
    qtbot.waitExposed(again)
    again.restore_place()
    assert again.current_place() == place


def test_register_and_timeline_open_from_the_window(window: MainWindow) -> None:
    register = window.overviews.show_register()
    assert window.overviews.register_window is not None
    assert window.overviews.register_window.isVisible()
    register.open_requested.emit(LETTER, "actie-startbanen")
    assert window.reader.document_shown.id == LETTER  # type: ignore[union-attr]
    assert window.annotations.panel.action_id == "actie-startbanen"
    timeline = window.overviews.show_timeline()
    assert timeline.visible_ids()


def test_print_menu_exports_the_section_in_view_as_pdf(
    window: MainWindow, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "uittreksel.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF (*.pdf)")
    )
    window.navigate(LETTER, "s-2-4")
    window.printing.export_current()
    text = "".join("".join(page.extract_text() for page in PdfReader(target).pages).split())
    # Qt places glyph runs separately, so compare without any white space.
    assert "KamerstukkenII2024/25,32824,nr.456" in text
    assert "Taalisdebasisvaneengoedeintegratie" in text


def test_copy_with_citation_puts_the_citation_on_the_clipboard(window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication

    window.navigate(LETTER, "s-2-4")
    select(window, "Taal is de basis van een goede integratie in Nederland.")
    window.printing.copy_with_citation()
    copied = QApplication.clipboard().text()
    assert "Taal is de basis van een goede integratie in Nederland." in copied
    assert "Kamerstukken II 2024/25, 32 824, nr. 456" in copied


def test_the_panel_follows_sections_and_search_hits_to_their_action(window: MainWindow) -> None:
    window.navigate(LETTER, "s-2-4")  # a section with one action box
    assert window.annotations.panel.action_id == "actie-taaleis-in-de-bijstand"
    doc = window.library.get(LETTER)
    inside = next(
        b
        for b in doc.blocks  # type: ignore[union-attr]
        if b.text.startswith("Een vroege start op de arbeidsmarkt")
    )
    window.navigate(LETTER, inside.anchor or "")  # as a search hit opens a paragraph
    assert window.annotations.panel.action_id == "actie-asielzoekers-vroege-start"
