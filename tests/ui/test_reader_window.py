"""The reader window: TOC and reader stay in step, footnotes, links, history."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing_reader.ui.main_window import MainWindow
from briefing_reader.ui.toc import ANCHOR_ROLE, DOC_ROLE

LETTER = "kst-32824-456"


def toc_item(window: MainWindow, anchor: str):  # type: ignore[no-untyped-def]
    item = window.toc.index_of(LETTER, anchor)
    assert item.data(DOC_ROLE) == LETTER and item.data(ANCHOR_ROLE) == anchor
    return item


def block_text_at_top(window: MainWindow) -> str:
    return window.reader.document().findBlock(window.reader.top_position()).text()


def test_toc_lists_documents_and_every_action(window: MainWindow) -> None:
    top_titles = window.toc.top_titles()
    assert top_titles[0].startswith("Voortgang Actieagenda")
    assert {"Begrippen en afkortingen", "Moties in deze brief"} <= set(top_titles)
    doc = window.library.get(LETTER)
    for node in doc.actions():  # type: ignore[union-attr]
        assert toc_item(window, node.id).data().endswith(node.title)


def test_clicking_a_toc_node_scrolls_the_reader_there(window: MainWindow, qtbot: QtBot) -> None:
    item = toc_item(window, "s-2-4")
    window.toc.scrollTo(item)
    rect = window.toc.visualRect(item)
    qtbot.mouseClick(window.toc.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: block_text_at_top(window).startswith("2.4 Taaleis in de bijstand"))
    assert window.reader.verticalScrollBar().value() > 0


def test_scrolling_the_reader_moves_the_toc_highlight(window: MainWindow, qtbot: QtBot) -> None:
    position = window.reader.anchor_position("actie-startbanen")
    assert position is not None
    window.reader.scroll_to_position(position)
    qtbot.waitUntil(lambda: window.toc.currentIndex() == toc_item(window, "actie-startbanen"))
    window.reader.verticalScrollBar().setValue(0)
    qtbot.waitUntil(lambda: window.toc.currentIndex() != toc_item(window, "actie-startbanen"))


def test_footnote_marker_jumps_to_its_text(window: MainWindow, qtbot: QtBot) -> None:
    position = window.reader.anchor_position("fn-11")
    assert position is not None and not window.reader.is_visible(position)
    window.reader.anchorClicked.emit(QUrl("#fn-11"))
    assert window.reader.is_visible(position)
    text = window.reader.document().findBlock(position).text()
    assert text == "11"  # the number cell; its text stands beside it
    doc = window.library.get(LETTER)
    assert doc.footnotes["11"].startswith("ADVIESRAPPORT")  # type: ignore[union-attr]


def test_hovering_a_footnote_marker_shows_its_text(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QToolTip.showText", lambda pos, text, *rest: shown.append(text)
    )
    window.reader.highlighted.emit(QUrl("#fn-8"))
    assert shown == ["8. Kamerstuk 32 824, nr. 450"]


def test_back_and_forward_return_to_the_place(window: MainWindow, qtbot: QtBot) -> None:
    window.navigate(LETTER, "s-1-5")
    start = window.reader.top_position()
    window.navigate(LETTER, "s-2-6")
    assert window.reader.top_position() != start
    window.go_back()
    assert window.reader.top_position() == start
    window.go_forward()
    assert block_text_at_top(window).startswith("2.6")


def test_doc_links_open_other_documents(window: MainWindow) -> None:
    window.reader.link_requested.emit(QUrl("doc:moties#motie-van-dijk"))
    assert window.reader.document_shown.id == "moties"  # type: ignore[union-attr]
    window.go_back()
    assert window.reader.document_shown.id == LETTER  # type: ignore[union-attr]


def test_web_links_ask_first_and_open_nothing_when_declined(
    window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    opened: list[QUrl] = []

    def decline(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", decline)
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", opened.append)
    window.reader.link_requested.emit(QUrl("https://www.tweedekamer.nl/"))
    assert asked and "https://www.tweedekamer.nl/" in asked[0]
    assert opened == []


def test_companion_documents_say_they_are_ours(window: MainWindow) -> None:
    window.navigate("begrippen")
    text = window.reader.toPlainText()
    assert "not an official parliamentary document" in text


def test_zoom_changes_and_resets(window: MainWindow) -> None:
    size = window.reader.font().pointSizeF()
    window.reader.set_zoom(3)
    assert window.reader.font().pointSizeF() > size
    window.reader.set_zoom(0)
    assert window.reader.font().pointSizeF() == size


def test_reading_place_and_zoom_survive_a_restart(window: MainWindow, qtbot: QtBot) -> None:
    from briefing_reader import paths
    from briefing_reader.app import build_window

    window.navigate(LETTER, "s-2-2")
    window.reader.set_zoom(2)
    place = window.current_place()
    window.close()
    again = build_window(paths.resolve())
    qtbot.addWidget(again)
    again.restore_geometry()
    again.resize(window.size())
    again.show()
    qtbot.waitExposed(again)
    again.restore_place()
    assert again.reader.zoom == 2
    assert again.current_place() == place


def test_totals_that_do_not_add_up_are_flagged_in_the_table(window: MainWindow) -> None:
    window.navigate(LETTER, "s-3")
    flagged = {s.cursor.selectedText(): s.format.toolTip() for s in window.reader.extraSelections()}
    assert set(flagged) == {"5", "11,6"}
    assert "6,3" in flagged["5"] and "10,6" in flagged["11,6"]


def test_resizing_keeps_the_place_in_view(window: MainWindow, qtbot: QtBot) -> None:
    window.navigate(LETTER, "s-2-2")
    block = window.reader.document().findBlock(window.reader.top_position()).blockNumber()
    for width in (900, 1500, 1100):
        window.resize(width, 800)
        qtbot.waitUntil(lambda w=width: window.width() == w)
        top = window.reader.document().findBlock(window.reader.top_position()).blockNumber()
        assert top == block


def test_zooming_keeps_the_place_in_view(window: MainWindow) -> None:
    window.navigate(LETTER, "s-2-2")
    block = window.reader.document().findBlock(window.reader.top_position()).blockNumber()
    for steps in (3, -2, 0):
        window.reader.set_zoom(steps)
        top = window.reader.document().findBlock(window.reader.top_position()).blockNumber()
        assert top == block
