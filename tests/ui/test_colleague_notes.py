"""Colleagues' notes in the window (issue 16): per author (a filter, a colour per
person, the name on hover), read-only, and "Overnemen" copies one into mine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from briefing_reader.core.content import Library
from briefing_reader.core.notes import NotesStore, action_target, anchor_quote, open_store
from briefing_reader.core.notes.colleagues import AA, contrast, tint
from briefing_reader.core.notes.exchange import export_jsonld, import_jsonld
from briefing_reader.ui.colleague_notes import MINE, SWATCH_PX, background_of
from briefing_reader.ui.main_window import MainWindow
from tests.ui.conftest import painted

LETTER = "kst-32824-456"
ACTION = "actie-startbanen"
QUOTES = {
    "Piet": "De NCTV stelt het dreigingsniveau",
    "Anna": "De onlinewereld speelt een centrale rol",
}


def colleague(tmp_path: Path, library: Library, name: str) -> Path:
    """A colleague's notes as the real exchange code writes them."""
    store = open_store(tmp_path / name / "n.sqlite3", tmp_path / name / "b")
    store.set_author(name)
    doc = library.get(LETTER)
    assert doc is not None
    store.add_highlight(anchor_quote(doc, QUOTES[name]), note=f"markering van {name}")
    store.update_action(
        action_target(doc, ACTION),
        stance="Kritisch",
        note=f"{name} vindt dit te duur",
        questions=[f"Vraag van {name}?"],
    )
    path = tmp_path / f"{name}.jsonld"
    path.write_text(json.dumps(export_jsonld(store, mine_only=True)), encoding="utf-8")
    store.close()
    return path


@pytest.fixture
def team(window: MainWindow, tmp_path: Path) -> NotesStore:
    store = window.store
    assert store is not None
    for name in ("Piet", "Anna"):
        import_jsonld(store, colleague(tmp_path, window.library, name), window.library)
    window.notes_changed()
    window.navigate(LETTER, ACTION)
    return store


def names(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def key_of(store: NotesStore, name: str) -> str:
    return next(c.key for c in store.authors() if c.name == name)


def swatch_colour(combo: QComboBox, index: int) -> QColor:
    image = combo.itemIcon(index).pixmap(SWATCH_PX, SWATCH_PX).toImage()
    return image.pixelColor(SWATCH_PX // 2, SWATCH_PX // 2)


def test_the_filter_shows_everyone_mine_or_one_colleague(
    window: MainWindow, team: NotesStore
) -> None:
    marks = window.annotations.marks
    # never their stance as if mine
    assert window.toc.text_of(LETTER, ACTION).endswith("✎ colleagues")
    assert names(marks.author_filter) == ["Everyone", "Mine", "Anna", "Piet"]
    assert marks.highlight_list.count() == 2
    assert len(painted(window.reader)) == 2
    marks.author_filter.setCurrentIndex(names(marks.author_filter).index("Piet"))
    labels = [marks.highlight_list.item(i).text() for i in range(marks.highlight_list.count())]
    assert len(labels) == 1 and "(Piet)" in labels[0]
    assert painted(window.reader) == [QUOTES["Piet"]]
    # one filter for the window: the annotation panel follows
    view = window.annotations.colleague_notes
    assert view.filter.currentText() == "Piet" and view.list.count() == 1
    marks.author_filter.setCurrentIndex(marks.author_filter.findData(MINE))
    assert marks.highlight_list.count() == 0 and painted(window.reader) == []
    assert "✎" not in window.toc.text_of(LETTER, ACTION)
    assert view.list.count() == 0


def test_each_person_has_a_readable_colour_and_their_name_on_hover(
    window: MainWindow, team: NotesStore
) -> None:
    marks = window.annotations.marks
    piet, anna = key_of(team, "Piet"), key_of(team, "Anna")
    assert tint(piet) != tint(anna)
    item = marks.highlight_list.item(0)
    assert "read-only" in item.toolTip()
    assert any(name in item.toolTip() for name in ("Piet", "Anna"))
    background = background_of(marks.author_filter)
    for name in ("Anna", "Piet"):
        colour = swatch_colour(marks.author_filter, marks.author_filter.findText(name))
        assert contrast(colour.name(), background) >= AA
    # in the list, a colleague's row has their tint behind the marker
    for row in range(marks.highlight_list.count()):
        item = marks.highlight_list.item(row)
        image = item.icon().pixmap(SWATCH_PX, SWATCH_PX).toImage()
        centre = image.pixelColor(SWATCH_PX // 2, SWATCH_PX // 2).name()
        assert contrast(centre, item.background().color().name()) >= AA
    tips = [s.format.toolTip() for s in window.reader.extraSelections()[:2]]
    assert any(tip.startswith("Piet (colleague, read-only)") for tip in tips)
    colours = {s.format.background().color().name() for s in window.reader.extraSelections()[:2]}
    assert colours == {tint(piet), tint(anna)}


def test_taking_over_a_highlight_once_and_undoing_it(window: MainWindow, team: NotesStore) -> None:
    marks = window.annotations.marks
    marks.highlight_list.setCurrentRow(0)
    assert marks.take_over.isEnabled() and not marks.note_button.isEnabled()
    theirs = team.highlight(marks.highlight_list.currentItem().data(Qt.ItemDataRole.UserRole))
    marks.take_over.click()
    mine = [h for h in team.highlights() if h.is_mine]
    assert len(mine) == 1 and mine[0].note == theirs.note  # type: ignore[union-attr]
    assert team.highlight(theirs.id) == theirs  # type: ignore[union-attr]
    assert marks.highlight_list.count() == 3
    row = next(
        i
        for i in range(3)
        if marks.highlight_list.item(i).data(Qt.ItemDataRole.UserRole) == theirs.id
    )  # type: ignore[union-attr]
    marks.highlight_list.setCurrentRow(row)
    marks.take_over.click()
    assert len(team.highlights()) == 3
    assert window.statusBar().currentMessage() == "Already in your notes"
    window.annotations.undo_action.trigger()
    assert [h for h in team.highlights() if h.is_mine] == []


def test_taking_over_an_action_note_from_the_panel(
    window: MainWindow, qtbot: QtBot, team: NotesStore
) -> None:
    panel, view = window.annotations.panel, window.annotations.colleague_notes
    assert panel.action_id == ACTION and view.isVisible() and view.list.count() == 2
    view.list.setCurrentRow(view.list.count() - 1)  # Piet, by name
    assert view.detail.text().startswith("Note of Piet (read-only)")
    assert "Piet vindt dit te duur" in view.detail.text()
    view.take_over.click()
    mine = team.action_annotation(LETTER, ACTION)
    assert mine is not None and mine.note == "Piet vindt dit te duur"
    assert panel.note.toPlainText() == "Piet vindt dit te duur"
    assert panel.stance.currentData() == "Kritisch"
    view.take_over.click()  # again: nothing doubles
    again = team.action_annotation(LETTER, ACTION)
    assert again is not None and again.questions == ("Vraag van Piet?",)
    assert len([a for a in team.action_annotations(LETTER) if not a.is_mine]) == 2
    window.annotations.undo_action.trigger()
    assert team.action_annotation(LETTER, ACTION) is None
    assert panel.note.toPlainText() == ""


def test_the_filter_and_take_over_are_keyboard_reachable_with_names(
    window: MainWindow, team: NotesStore
) -> None:
    view, marks = window.annotations.colleague_notes, window.annotations.marks
    widgets: list[QWidget] = [
        view.filter,
        view.list,
        view.take_over,
        marks.author_filter,
        marks.take_over,
    ]
    for widget in widgets:
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert widget.accessibleName()
    chain, widget = [], window.annotations.panel.tags
    for _ in range(40):
        widget = widget.nextInFocusChain()
        chain.append(widget)
    assert view.filter in chain and view.take_over in chain
    # in the highlights tab the filter comes first, then the list it filters
    following = marks.author_filter.nextInFocusChain()
    assert following is marks.highlight_list
