"""The annotation panel shows the action at the reading place, whatever way
the reader got there; the contents tree and the reader agree with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from briefing_reader import paths
from briefing_reader.app import attach_features, build_frame
from briefing_reader.core.notes import anchor_quote
from briefing_reader.ui.annotations import action_at
from briefing_reader.ui.main_window import MainWindow
from briefing_reader.ui.search_feature import CURRENT_HIT_COLOUR
from briefing_reader.ui.toc import ANCHOR_ROLE, DOC_ROLE
from tests.ui.conftest import marks_in

LETTER = "kst-32824-456"
STARTBANEN = "actie-startbanen"
TAALEIS = "actie-taaleis-in-de-bijstand"
COMBINEREN = "actie-startbanen-combineren-taal-en-werk"


def shown(window: MainWindow) -> str:
    return window.annotations.panel.action_id


def assert_agree(window: MainWindow, action_id: str) -> None:
    """Panel, contents tree and reader are on ``action_id`` ('' for none)."""
    panel = window.annotations.panel
    assert panel.action_id == action_id
    if action_id:
        doc = window.reader.document_shown
        assert doc is not None
        node = doc.node(action_id)
        assert node is not None and panel.title.text() == node.title
        assert panel.note.isEnabled() and panel.stance.isEnabled()
        current = window.toc.currentIndex()
        assert current.data(DOC_ROLE) == doc.id and current.data(ANCHOR_ROLE) == action_id
    else:
        assert panel.title.text() == "No action at this place"
        assert not panel.note.isEnabled() and not panel.stance.isEnabled()


@pytest.fixture
def on_startbanen(window: MainWindow) -> MainWindow:
    """The panel on "Startbanen", as in the issue's report."""
    window.navigate(LETTER, STARTBANEN)
    assert_agree(window, STARTBANEN)
    return window


def click_toc(window: MainWindow, qtbot: QtBot, doc_id: str, anchor: str) -> None:
    index = window.toc.index_of(doc_id, anchor)
    window.toc.scrollTo(index)
    rect = window.toc.visualRect(index)
    qtbot.mouseClick(window.toc.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def built(window: MainWindow, qtbot: QtBot) -> None:
    window.search.start_indexing()
    qtbot.waitUntil(
        lambda: window.search.index.ready and window.search.progress.isHidden(), timeout=30_000
    )


def marker_position(window: MainWindow, label: str) -> int:
    """The Qt position of the footnote marker ``label`` in the reader."""
    block = window.reader.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == f"#fn-{label}":
                return fragment.position()
            it += 1
        block = block.next()
    raise AssertionError(f"no marker {label}")


def point_of(window: MainWindow, position: int) -> QPoint:
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(position)
    rect = window.reader.cursorRect(cursor)
    return QPoint(rect.left() + 3, rect.center().y())


# -- the contents tree -------------------------------------------------------


def test_contents_tree_action_and_section(on_startbanen: MainWindow, qtbot: QtBot) -> None:
    window = on_startbanen
    click_toc(window, qtbot, LETTER, "s-2-4")  # a section with one action
    assert_agree(window, TAALEIS)
    click_toc(window, qtbot, LETTER, "actie-startbanen-proeven-in-gemeenten")
    assert_agree(window, "actie-startbanen-proeven-in-gemeenten")


def test_contents_tree_on_a_place_without_action_shows_none(
    on_startbanen: MainWindow, qtbot: QtBot
) -> None:
    window = on_startbanen
    click_toc(window, qtbot, LETTER, "pijler-2")  # several sections, no single action
    assert_agree(window, "")
    assert window.toc.currentIndex().data(ANCHOR_ROLE) == "pijler-2"


def test_opening_a_document_from_the_contents(on_startbanen: MainWindow, qtbot: QtBot) -> None:
    window = on_startbanen
    click_toc(window, qtbot, "moties", "")
    assert window.reader.document_shown.id == "moties"  # type: ignore[union-attr]
    assert_agree(window, "")


# -- search hits and F3 --------------------------------------------------------


def test_search_hit_in_another_document_leaves_no_action_behind(
    on_startbanen: MainWindow, qtbot: QtBot
) -> None:
    window = on_startbanen
    built(window, qtbot)
    panel = window.search.panel
    panel.field.setText("motie")
    qtbot.waitUntil(lambda: panel.result is not None and panel.result.total > 0)
    index = next(
        i
        for i, hit in enumerate(panel.result.hits)  # type: ignore[union-attr]
        if hit.doc == "moties"
    )
    with qtbot.waitSignal(window.annotations.panel.action_shown) as signal:
        panel.open_hit(index)
    assert signal.args == ["", ""]
    assert window.reader.document_shown.id == "moties"  # type: ignore[union-attr]
    assert_agree(window, "")


def test_search_hit_inside_an_action_shows_it(on_startbanen: MainWindow, qtbot: QtBot) -> None:
    window = on_startbanen
    built(window, qtbot)
    panel = window.search.panel
    panel.field.setText("taaleis bijstand")
    qtbot.waitUntil(lambda: panel.result is not None and panel.result.total > 0)
    doc = window.library.get(LETTER)
    hits = panel.result.hits  # type: ignore[union-attr]
    index = next(
        i
        for i, hit in enumerate(hits)
        if hit.doc == LETTER
        and action_at(
            doc,
            next(
                b.start
                for b in doc.blocks  # type: ignore[union-attr]
                if b.anchor == hit.anchor
            ),
        )
        is not None
    )
    with qtbot.waitSignal(window.annotations.panel.action_shown) as signal:
        panel.open_hit(index)
    assert signal.args[1] and signal.args[1] != STARTBANEN
    assert_agree(window, signal.args[1])


def test_f3_and_shift_f3_move_the_panel_with_the_hit(window: MainWindow, qtbot: QtBot) -> None:
    built(window, qtbot)
    window.search.panel.field.setText("startbanen")
    window.search.panel.open_first()
    doc = window.library.get(LETTER)
    seen = set()
    for step in (+1, +1, +1, -1, +1, +1, +1):
        window.search.step(step)
        # the first word of the current hit, as painted
        start = min(offset for _, offset in marks_in(window.reader, CURRENT_HIT_COLOUR))
        action = action_at(doc, start)  # type: ignore[arg-type]
        assert_agree(window, action.id if action else "")
        seen.add(shown(window))
    assert len(seen) > 1  # the hits lie in different places; the panel moved along


# -- footnotes, links, back and forward ----------------------------------------


def test_footnote_jump_and_back_return_to_the_marker(
    on_startbanen: MainWindow, qtbot: QtBot
) -> None:
    window = on_startbanen
    window.navigate(LETTER, "s-2-2")
    marker = marker_position(window, "20")
    window.reader.scroll_to_position(marker)
    before = window.reader.top_position()
    qtbot.mouseClick(
        window.reader.viewport(), Qt.MouseButton.LeftButton, pos=point_of(window, marker)
    )
    footnote = window.reader.anchor_position("fn-20")
    assert footnote is not None and window.reader.is_visible(footnote)
    assert_agree(window, "")  # the footnotes hold no action
    window.activateWindow()
    qtbot.keyClick(window.reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.reader.top_position() == before
    assert window.reader.is_visible(marker)
    assert_agree(window, COMBINEREN)  # where the marker is, not 2.4
    qtbot.keyClick(window.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.reader.is_visible(footnote)
    assert_agree(window, "")


def test_back_after_a_search_hit_returns_to_the_action_read_before(
    window: MainWindow, qtbot: QtBot
) -> None:
    built(window, qtbot)
    window.navigate(LETTER, TAALEIS)
    before = window.reader.top_position()
    window.search.panel.field.setText("motie")
    qtbot.waitUntil(lambda: window.search.panel.result is not None)
    window.search.panel.open_first()
    assert window.reader.top_position() != before or window.reader.document_shown.id != LETTER  # type: ignore[union-attr]
    window.go_back()
    assert window.reader.document_shown.id == LETTER  # type: ignore[union-attr]
    assert window.reader.top_position() == before
    assert_agree(window, TAALEIS)


def test_back_and_forward_between_documents(on_startbanen: MainWindow) -> None:
    window = on_startbanen
    window.reader.link_requested.emit(QUrl("doc:moties#motie-van-dijk"))
    assert_agree(window, "")
    window.go_back()
    assert_agree(window, STARTBANEN)
    window.go_forward()
    assert window.reader.document_shown.id == "moties"  # type: ignore[union-attr]
    assert_agree(window, "")


# -- "Ga naar" on a highlight or bookmark ----------------------------------------


def test_go_to_a_highlight_and_a_bookmark(on_startbanen: MainWindow, qtbot: QtBot) -> None:
    window = on_startbanen
    store = window.store
    doc = window.library.get(LETTER)
    assert store is not None and doc is not None
    store.add_highlight(anchor_quote(doc, "Taal is de basis van een goede integratie"))
    taaleis_start = next(
        b
        for b in doc.blocks
        if b.anchor == TAALEIS
        or (action_at(doc, b.start) is not None and action_at(doc, b.start).id == TAALEIS)
    )  # type: ignore[union-attr]
    store.add_bookmark(anchor_quote(doc, taaleis_start.text[:40]), "Taaleis")
    marks = window.annotations.marks
    marks.refresh()
    window.navigate(LETTER, STARTBANEN)
    marks.setCurrentIndex(0)
    marks.highlight_list.setCurrentRow(0)
    go = next(b for b in marks.widget(0).findChildren(QPushButton) if b.text() == "Go to")
    qtbot.mouseClick(go, Qt.MouseButton.LeftButton)
    highlighted = window.current_place().focus  # type: ignore[union-attr]
    expected = action_at(doc, highlighted)
    assert_agree(window, expected.id if expected else "")
    window.navigate(LETTER, STARTBANEN)
    marks.setCurrentIndex(1)
    marks.bookmark_list.setCurrentRow(0)
    go = next(b for b in marks.widget(1).findChildren(QPushButton) if b.text() == "Go to")
    qtbot.mouseClick(go, Qt.MouseButton.LeftButton)
    assert_agree(window, TAALEIS)


# -- the cursor, and the place restored at start-up --------------------------------


def test_clicking_in_the_text_moves_the_panel_to_that_action(
    on_startbanen: MainWindow, qtbot: QtBot
) -> None:
    window = on_startbanen
    window.navigate(LETTER, "s-2-4")
    found = window.reader.document().find("Taal is de basis")
    assert not found.isNull()
    window.navigate(LETTER, STARTBANEN)
    window.reader.scroll_to_position(found.selectionStart())
    with qtbot.waitSignal(window.annotations.panel.action_shown):
        qtbot.mouseClick(
            window.reader.viewport(),
            Qt.MouseButton.LeftButton,
            pos=point_of(window, found.selectionStart() + 2),
        )
    doc = window.library.get(LETTER)
    expected = action_at(doc, window.reader.core_offset(found.selectionStart()))  # type: ignore[arg-type]
    assert expected is not None
    assert_agree(window, expected.id)


def test_scrolling_alone_does_not_move_the_panel(on_startbanen: MainWindow, qtbot: QtBot) -> None:
    window = on_startbanen
    window.reader.verticalScrollBar().setValue(0)
    qtbot.waitUntil(lambda: window.toc.currentIndex().data(ANCHOR_ROLE) != STARTBANEN)
    assert shown(window) == STARTBANEN  # reading on is not choosing another action


def test_the_place_restored_at_start_up_shows_its_action(qtbot: QtBot, tmp_path: Path) -> None:
    first = build_frame(paths.resolve())
    qtbot.addWidget(first)
    first.show()
    attach_features(first, paths.resolve())
    first.restore_place(f"{LETTER}#{TAALEIS}")
    first.close()
    again = build_frame(paths.resolve())  # the two steps of a real start
    qtbot.addWidget(again)
    again.show()
    again.restore_place()
    attach_features(again, paths.resolve())
    assert again.annotations.panel.action_id == TAALEIS
    assert_agree(again, TAALEIS)


def test_opening_an_imported_letter(
    on_startbanen: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = on_startbanen
    letter = tmp_path / "brief.md"
    letter.write_text(
        "---\nid: mijn-brief\nkind: imported\ntitle: Mijn brief\n---\n\n"
        "{#h-een}\n# Een\n\nGewone tekst zonder actie.\n",
        encoding="utf-8",
    )
    window.importing.import_paths([letter])
    qtbot.waitUntil(
        lambda: (
            window.reader.document_shown is not None
            and window.reader.document_shown.id == "mijn-brief"
        ),
        timeout=30_000,
    )
    assert_agree(window, "")
    # the import re-indexes in the background: let it finish before the window goes
    qtbot.waitUntil(window.search.progress.isHidden, timeout=30_000)


def test_saving_a_note_keeps_the_contents_on_the_action(
    on_startbanen: MainWindow, qtbot: QtBot
) -> None:
    window = on_startbanen
    window.navigate(LETTER, "s-2-2")
    found = window.reader.document().find("Daarom werken we aan een")
    assert not found.isNull()
    qtbot.mouseClick(
        window.reader.viewport(),
        Qt.MouseButton.LeftButton,
        pos=point_of(window, found.selectionStart() + 3),
    )
    assert_agree(window, "actie-startbanen-proeven-in-gemeenten")
    panel = window.annotations.panel
    with qtbot.waitSignal(panel.annotation_saved, timeout=5000):
        qtbot.keyClicks(panel.note, "Eerst de pilots")
    assert "✎" in window.reader.toPlainText()  # the badge re-rendered the letter
    assert_agree(window, "actie-startbanen-proeven-in-gemeenten")
