"""The actions register and the commitments timeline over the bundled letter and a real store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QComboBox, QMessageBox
from pytestqt.qtbot import QtBot

from briefing_reader import paths
from briefing_reader.core.commitments import (
    DUE_CLOSED,
    DUE_LATE,
    build_register,
    library_commitments,
    row_due,
    timeline,
)
from briefing_reader.core.content import Library
from briefing_reader.core.notes import NotesError, NotesStore, action_target, open_store
from briefing_reader.session import open_library
from briefing_reader.ui import style
from briefing_reader.ui.register import ActionsRegisterView
from briefing_reader.ui.register_model import (
    COL_DEADLINES,
    COL_ID,
    COL_QUESTIONS,
    COL_STANCE,
    COL_TITLE,
)
from briefing_reader.ui.timeline import (
    COL_DUE,
    COL_SECTION,
    CommitmentsTimelineView,
    date_range_text,
    due_colour,
)

LETTER = "kst-32824-456"
TODAY = dt.date(2025, 11, 1)  # after "begin Q3" and "voor het eind van de zomer"


@pytest.fixture
def library() -> Library:
    return open_library(paths.resolve())


@pytest.fixture
def store() -> Iterator[NotesStore]:
    run = paths.resolve()
    with open_store(run.notes_db, run.backups) as opened:
        yield opened


def reopened() -> NotesStore:
    """A second connection to the same file: what another run would read."""
    run = paths.resolve()
    return open_store(run.notes_db, run.backups)


@pytest.fixture
def register(qtbot: QtBot, library: Library, store: NotesStore) -> ActionsRegisterView:
    view = ActionsRegisterView(library, store, TODAY)
    qtbot.addWidget(view)
    view.resize(1400, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def timeline_view(qtbot: QtBot, library: Library, store: NotesStore) -> CommitmentsTimelineView:
    view = CommitmentsTimelineView(library, store, TODAY)
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def shown_ids(view: ActionsRegisterView) -> list[str]:
    return [view.proxy.index(r, COL_ID).data() for r in range(view.proxy.rowCount())]


def cell(view: ActionsRegisterView, action_id: str, column: int) -> QModelIndex:
    row = shown_ids(view).index(action_id)
    return view.proxy.index(row, column)


def annotate(library: Library, store: NotesStore, action_id: str, **fields: object) -> None:
    doc = library.get(LETTER)
    assert doc is not None
    store.update_action(action_target(doc, action_id), **fields)  # type: ignore[arg-type]


# -- the register ------------------------------------------------------------


def test_register_lists_every_action_and_sub_action(
    register: ActionsRegisterView, library: Library
) -> None:
    doc = library.get(LETTER)
    assert doc is not None
    expected = [node.id for node in doc.actions()]
    assert shown_ids(register) == expected  # reading order before any sort
    kinds = [
        register.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole).kind
        for r in range(register.proxy.rowCount())
    ]
    assert kinds.count("action") == 20 and kinds.count("subaction") == len(expected) - 20
    assert register.count_label.text() == f"{len(expected)} of {len(expected)}"
    title = cell(register, "actie-imamopleiding-planning", COL_TITLE).data()
    assert title == "↳ Planning"


def test_sorting_by_title_deadline_and_questions(
    register: ActionsRegisterView, library: Library, store: NotesStore
) -> None:
    register.table.sortByColumn(COL_TITLE, Qt.SortOrder.AscendingOrder)
    titles = [
        register.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole).title.casefold()
        for r in range(register.proxy.rowCount())
    ]
    assert titles == sorted(titles)
    register.table.sortByColumn(COL_TITLE, Qt.SortOrder.DescendingOrder)
    assert register.proxy.index(0, 0).data(Qt.ItemDataRole.UserRole).title.casefold() == titles[-1]

    register.table.sortByColumn(COL_DEADLINES, Qt.SortOrder.AscendingOrder)
    rows = [
        register.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole)
        for r in range(register.proxy.rowCount())
    ]
    latest = [min((d.latest for d in row.deadlines), default=dt.date.max) for row in rows]
    assert latest == sorted(latest) and latest[0] < dt.date.max and latest[-1] == dt.date.max

    annotate(library, store, "actie-imamopleiding", questions=["Wanneer?", "Wie betaalt?"])
    register.refresh()
    register.table.sortByColumn(COL_QUESTIONS, Qt.SortOrder.AscendingOrder)
    assert shown_ids(register)[0] == "actie-imamopleiding"
    assert register.proxy.index(0, COL_QUESTIONS).data() == "2"


def test_text_and_pillar_filters(register: ActionsRegisterView) -> None:
    register.text_filter.setText("imamopleiding")
    assert shown_ids(register) == [
        "actie-imamopleiding",
        "actie-imamopleiding-evaluatie-eerdere-poging",
        "actie-imamopleiding-planning",
    ]
    register.text_filter.setText("NCTV")  # an organisation named in the action
    assert (
        "actie-professionaliseren-van-gemeenten-en-versterken-regionale-samenwerking"
        in shown_ids(register)
    )
    register.text_filter.clear()
    combo = register.pillar_combo
    combo.setCurrentIndex(combo.findData(f"{LETTER}#pijler-2"))
    shown = [
        register.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole)
        for r in range(register.proxy.rowCount())
    ]
    assert shown and {row.pillar_id for row in shown} == {"pijler-2"}
    assert "actie-imamopleiding" not in shown_ids(register)
    combo.setCurrentIndex(0)
    assert register.proxy.rowCount() == register.model.rowCount()


def test_stance_and_note_filters(
    register: ActionsRegisterView, library: Library, store: NotesStore
) -> None:
    annotate(library, store, "actie-startbanen", stance="Kritisch")
    annotate(library, store, "actie-imamopleiding", note="Navragen bij OCW")
    register.refresh()
    combo = register.stance_combo
    combo.setCurrentIndex(combo.findText("Kritisch"))
    assert shown_ids(register) == ["actie-startbanen"]
    combo.setCurrentIndex(combo.findText("No stance"))
    assert "actie-startbanen" not in shown_ids(register)
    assert register.proxy.rowCount() == register.model.rowCount() - 1
    combo.setCurrentIndex(0)
    register.note_check.setChecked(True)
    assert shown_ids(register) == ["actie-imamopleiding"]


def test_overdue_filter_measures_against_the_given_day(
    qtbot: QtBot, library: Library, store: NotesStore
) -> None:
    statuses: dict[str, tuple[str, str]] = {}
    expected = [r.id for r in build_register(library) if row_due(r, TODAY, statuses) == DUE_LATE]
    assert "actie-verbeteren-regelgeving-versterkte-gebedsoproep" in expected
    view = ActionsRegisterView(library, store, TODAY)
    qtbot.addWidget(view)
    view.overdue_check.setChecked(True)
    assert shown_ids(view) == expected
    before = ActionsRegisterView(library, store, dt.date(2025, 7, 5))  # nothing late yet
    qtbot.addWidget(before)
    before.overdue_check.setChecked(True)
    assert shown_ids(before) == []


def test_double_click_and_enter_ask_to_open_the_action(
    register: ActionsRegisterView, qtbot: QtBot
) -> None:
    index = cell(register, "actie-startbanen", COL_TITLE)
    register.table.scrollTo(index)
    rect = register.table.visualRect(index)
    with qtbot.waitSignal(register.open_requested) as blocker:
        qtbot.mouseClick(register.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(register.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [LETTER, "actie-startbanen"]
    register.table.setCurrentIndex(cell(register, "actie-imamopleiding", COL_ID))
    register.table.setFocus()
    with qtbot.waitSignal(register.open_requested) as blocker:
        qtbot.keyClick(register.table, Qt.Key.Key_Return)
    assert blocker.args == [LETTER, "actie-imamopleiding"]


def test_editing_a_stance_in_place_is_saved_in_the_store(
    register: ActionsRegisterView, qtbot: QtBot
) -> None:
    index = cell(register, "actie-startbanen", COL_STANCE)
    register.table.setCurrentIndex(index)
    with qtbot.waitSignal(register.annotation_saved) as blocker:
        register.table.edit(index)
        editor = register.table.indexWidget(index)
        assert isinstance(editor, QComboBox) and editor.currentText() == "—"
        qtbot.keyClick(editor, Qt.Key.Key_Down)  # the first stance, "Steunen"
    assert blocker.args == [LETTER, "actie-startbanen"]
    assert cell(register, "actie-startbanen", COL_STANCE).data() == "Steunen"
    with reopened() as again:
        saved = again.action_annotation(LETTER, "actie-startbanen")
    assert saved is not None and saved.stance == "Steunen"


def test_a_refused_write_shows_the_reason_and_keeps_the_old_value(
    register: ActionsRegisterView, store: NotesStore, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise NotesError("the disk is full")

    monkeypatch.setattr(store, "update_action", refuse)
    index = cell(register, "actie-startbanen", COL_STANCE)
    assert not register.model.setData(register.proxy.mapToSource(index), "Kritisch")
    box = register.findChild(QMessageBox)
    assert box is not None and box.isVisible() and box.informativeText() == "the disk is full"
    box.close()
    assert cell(register, "actie-startbanen", COL_STANCE).data() == ""


def test_without_a_store_the_register_is_read_only(qtbot: QtBot, library: Library) -> None:
    view = ActionsRegisterView(library, None, TODAY)
    qtbot.addWidget(view)
    index = cell(view, "actie-startbanen", COL_STANCE)
    assert not index.flags() & Qt.ItemFlag.ItemIsEditable
    with qtbot.waitSignal(view.open_requested) as blocker:
        view.table.doubleClicked.emit(index)  # on the stance column it opens, not edits
    assert blocker.args == [LETTER, "actie-startbanen"]


def test_print_carries_the_selected_ids_in_the_order_shown(
    register: ActionsRegisterView, qtbot: QtBot
) -> None:
    assert not register.print_button.isEnabled()
    for action_id, modifier in (
        ("actie-startbanen", Qt.KeyboardModifier.NoModifier),
        ("actie-imamopleiding", Qt.KeyboardModifier.ControlModifier),
    ):
        index = cell(register, action_id, COL_ID)
        register.table.scrollTo(index)
        qtbot.mouseClick(
            register.table.viewport(),
            Qt.MouseButton.LeftButton,
            modifier,
            register.table.visualRect(index).center(),
        )
    assert register.print_button.isEnabled()
    with qtbot.waitSignal(register.print_requested) as blocker:
        qtbot.mouseClick(register.print_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [["actie-imamopleiding", "actie-startbanen"]]


# -- the timeline ------------------------------------------------------------


def test_date_ranges_read_as_dutch() -> None:
    assert date_range_text(dt.date(2025, 7, 4), dt.date(2025, 7, 4)) == "4 juli 2025"
    assert (
        date_range_text(dt.date(2025, 9, 1), dt.date(2025, 12, 31))
        == "1 september – 31 december 2025"
    )
    assert (
        date_range_text(dt.date(2025, 9, 1), dt.date(2026, 3, 31))
        == "1 september 2025 – 31 maart 2026"
    )
    assert date_range_text(dt.date(2025, 7, 1), dt.date(2025, 7, 31)) == "1 – 31 juli 2025"
    assert date_range_text(None, None) == ""


def test_timeline_is_in_deadline_order_grouped_by_due_status(
    timeline_view: CommitmentsTimelineView, library: Library
) -> None:
    entries = timeline(library_commitments(library, errors=[]), TODAY)
    shown = timeline_view.visible_ids()
    assert sorted(shown) == sorted(e.commitment.id for e in entries)
    late = [e.commitment.id for e in entries if e.due == DUE_LATE]
    assert late and shown[: len(late)] == late  # overdue first, by deadline
    deadlines = [timeline_view.entry(cid).commitment.latest for cid in shown]  # type: ignore[union-attr]
    dated = [d for d in deadlines if d is not None]
    assert dated == sorted(dated) and deadlines[-1] is None  # undated last
    group = timeline_view.tree.topLevelItem(0)
    assert group.text(0) == f"Overdue ({len(late)})"
    item = timeline_view.item_for(late[0])
    assert item is not None and item.text(COL_DUE) == "overdue"
    dark = style.is_dark()
    assert item.foreground(COL_DUE).color().name() == due_colour(DUE_LATE, dark)
    assert due_colour(DUE_LATE, False) != due_colour(DUE_LATE, True)
    assert timeline_view.count_label.text() == f"{len(entries)} of {len(entries)} shown"


def test_timeline_filters(timeline_view: CommitmentsTimelineView) -> None:
    timeline_view.overdue_only.setChecked(True)
    assert timeline_view.visible_ids()
    assert all(
        timeline_view.entry(c).due == DUE_LATE  # type: ignore[union-attr]
        for c in timeline_view.visible_ids()
    )
    timeline_view.overdue_only.setChecked(False)
    timeline_view.kamer_only.setChecked(True)
    kamer = timeline_view.visible_ids()
    assert kamer and all(
        timeline_view.entry(c).commitment.to_kamer  # type: ignore[union-attr]
        for c in kamer
    )
    timeline_view.kamer_only.setChecked(False)
    timeline_view.text_filter.setText("holocausteducatie")
    shown = timeline_view.visible_ids()
    assert shown and all(
        "Holocausteducatie" in timeline_view.entry(c).commitment.section_path  # type: ignore[union-attr]
        for c in shown
    )


def test_clicking_the_section_link_asks_to_open_the_paragraph(
    timeline_view: CommitmentsTimelineView, qtbot: QtBot
) -> None:
    cid = timeline_view.visible_ids()[0]
    item = timeline_view.item_for(cid)
    assert item is not None
    rect = timeline_view.tree.visualItemRect(item)
    x = timeline_view.tree.header().sectionViewportPosition(COL_SECTION) + 10
    commitment = timeline_view.entry(cid).commitment  # type: ignore[union-attr]
    with qtbot.waitSignal(timeline_view.open_requested) as blocker:
        qtbot.mouseClick(
            timeline_view.tree.viewport(),
            Qt.MouseButton.LeftButton,
            pos=QPoint(x, rect.center().y()),
        )
    assert blocker.args == [commitment.doc, commitment.anchor]


def test_setting_a_status_with_a_note_is_saved_and_closes_it(
    timeline_view: CommitmentsTimelineView, qtbot: QtBot
) -> None:
    cid = timeline_view.visible_ids()[0]
    timeline_view.tree.setCurrentItem(timeline_view.item_for(cid))
    assert not timeline_view.save_button.isEnabled()
    timeline_view.status_combo.setCurrentIndex(timeline_view.status_combo.findData("Voldaan"))
    qtbot.keyClicks(timeline_view.note_edit, "Brief van 12 september")
    with qtbot.waitSignal(timeline_view.status_saved) as blocker:
        qtbot.mouseClick(timeline_view.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [cid, "Voldaan"]
    with reopened() as again:
        saved = again.commitment_statuses()[cid]
    assert (saved.status, saved.note) == ("Voldaan", "Brief van 12 september")
    assert timeline_view.entry(cid).due == DUE_CLOSED  # type: ignore[union-attr]
    item = timeline_view.item_for(cid)
    assert item is not None and item.text(COL_DUE) == "done"
    assert timeline_view.tree.currentItem() is item
    assert timeline_view.message_label.text() == "Saved."


def test_a_failed_status_save_keeps_the_edit(
    timeline_view: CommitmentsTimelineView,
    store: NotesStore,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise NotesError("the notes file is read-only")

    monkeypatch.setattr(store, "set_commitment_status", refuse)
    first, second = timeline_view.visible_ids()[:2]
    timeline_view.tree.setCurrentItem(timeline_view.item_for(first))
    timeline_view.status_combo.setCurrentIndex(timeline_view.status_combo.findData("Vervallen"))
    timeline_view.note_edit.setPlainText("Niet meer nodig")
    assert not timeline_view.save_status()
    assert "the notes file is read-only" in timeline_view.message_label.text()
    assert timeline_view.note_edit.toPlainText() == "Niet meer nodig"
    timeline_view.tree.setCurrentItem(timeline_view.item_for(second))
    assert timeline_view.note_edit.toPlainText() == ""
    timeline_view.tree.setCurrentItem(timeline_view.item_for(first))  # the draft is back
    assert timeline_view.note_edit.toPlainText() == "Niet meer nodig"
    assert timeline_view.status_combo.currentData() == "Vervallen"
    assert timeline_view.save_button.isEnabled()
    with reopened() as again:
        assert first not in again.commitment_statuses()


def test_a_closed_commitment_no_longer_makes_its_action_overdue(
    register: ActionsRegisterView, store: NotesStore, library: Library
) -> None:
    register.overdue_check.setChecked(True)
    row = next(
        r
        for r in build_register(library)
        if r.id == "actie-verbeteren-regelgeving-versterkte-gebedsoproep"
    )
    assert row.id in shown_ids(register)
    for deadline in row.deadlines:
        if deadline.commitment_id:
            store.set_commitment_status(deadline.commitment_id, "Voldaan")
    register.refresh()
    assert row.id not in shown_ids(register)


OTHER_LETTER = """---
id: kst-ander
kind: kamerbrief
title: Een andere brief
date: 2025-07-04
---

Ik zal uw Kamer voor het einde van het jaar informeren over de voortgang.
"""


def test_timeline_has_a_document_column_and_filter(
    timeline_view: CommitmentsTimelineView, library: Library, tmp_path: Path
) -> None:
    from briefing_reader.ui.timeline import COL_DOCUMENT

    everything = timeline_view.visible_ids()
    combo = timeline_view.document_filter
    assert combo.itemText(0) == "All documents" and combo.count() == 2  # one bundled letter
    assert combo.itemData(1) == "kst-32824-456"
    item = timeline_view.item_for(everything[0])
    assert item is not None
    assert item.text(COL_DOCUMENT) == "Kamerstukken II 2024/25, 32 824, nr. 456"
    assert timeline_view.tree.headerItem().text(COL_DOCUMENT) == "Document"
    combo.setCurrentIndex(1)
    assert timeline_view.visible_ids() == everything
    imported = tmp_path / "imported"  # a letter of another dossier, with one promise
    imported.mkdir()
    (imported / "kst-ander.md").write_text(OTHER_LETTER, encoding="utf-8")
    library.add_folder(imported, bundled=False)
    timeline_view.refresh()
    assert combo.count() == 3 and combo.currentData() == "kst-32824-456"  # the choice stays
    assert timeline_view.visible_ids() == everything
    combo.setCurrentIndex(combo.findData("kst-ander"))
    [theirs] = timeline_view.visible_ids()
    assert theirs.startswith("kst-ander:")
    combo.setCurrentIndex(0)
    assert timeline_view.visible_ids().count(theirs) == 1
    assert set(everything) < set(timeline_view.visible_ids())


def test_marking_a_promise_offers_to_mark_its_duplicates(
    timeline_view: CommitmentsTimelineView, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialoog, ceder = "kst-32824-456:p-80:c2cb86ca8f", "kst-32824-456:p-142:b3f6b896d8"
    timeline_view.tree.setCurrentItem(timeline_view.item_for(dialoog))
    timeline_view.status_combo.setCurrentIndex(timeline_view.status_combo.findData("Voldaan"))
    assert timeline_view.save_status()
    box = timeline_view.linked_question
    assert box is not None and box.isVisible()
    assert "1 other place" in box.text() and "Voldaan" in box.text()
    assert "Deze dialoog vindt plaats" in box.informativeText()
    assert timeline_view.entry(ceder).status == "Openstaand"  # type: ignore[union-attr]
    box.done(QMessageBox.StandardButton.Yes)
    assert timeline_view.entry(ceder).status == "Voldaan"  # type: ignore[union-attr]
    with reopened() as again:
        assert again.commitment_statuses()[ceder].status == "Voldaan"


def test_declining_leaves_the_duplicate_as_it_was(timeline_view: CommitmentsTimelineView) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialoog, ceder = "kst-32824-456:p-80:c2cb86ca8f", "kst-32824-456:p-142:b3f6b896d8"
    timeline_view.tree.setCurrentItem(timeline_view.item_for(ceder))
    timeline_view.status_combo.setCurrentIndex(timeline_view.status_combo.findData("Vervallen"))
    assert timeline_view.save_status()
    box = timeline_view.linked_question
    assert box is not None
    box.done(QMessageBox.StandardButton.No)
    assert timeline_view.entry(dialoog).status == "Openstaand"  # type: ignore[union-attr]
