"""The contents pane with 10,000 documents: grouped, filtered, outlines read
on expand, selection."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefing_reader.core.content import OutlineNode
from briefing_reader.core.content.catalogue import Entry
from briefing_reader.ui.contents_model import ANCHOR_ROLE, DOC_ROLE, KIND_ROLE
from briefing_reader.ui.toc import ContentsPane, OutlineTree

COUNT = 10_000
DOSSIERS = 20


class CatalogueOnly:
    """What the pane reads of a library: catalogue entries and outlines.

    Counts the outlines asked for, to show they are read only on expand.
    """

    def __init__(self) -> None:
        start = dt.date(2022, 1, 1)
        self._entries = [
            Entry(
                "kst-32824-456",
                "kamerbrief",
                "Voortgang Actieagenda",
                True,
                dt.date(2025, 7, 4),
                2,
                "32 824",
                "Integratiebeleid",
                456,
                None,
                Path("letter.md"),
                True,
                "h0",
            )
        ]
        for n in range(COUNT):
            dossier = 36100 + n % DOSSIERS
            self._entries.append(
                Entry(
                    f"brief-{n:05d}",
                    "kamerbrief",
                    f"Brief over onderwerp {n}",
                    True,
                    start + dt.timedelta(days=n % 1000),
                    None,
                    f"{dossier // 1000} {dossier % 1000}",
                    f"Dossier {n % DOSSIERS}",
                    n,
                    f"2025D{n:05d}",
                    Path(f"b{n}.md"),
                    False,
                    f"h{n}",
                )
            )
        self.outlines_read: list[str] = []

    def entries(self) -> list[Entry]:
        return list(self._entries)

    def outline(self, doc_id: str) -> OutlineNode:
        self.outlines_read.append(doc_id)
        root = OutlineNode(doc_id, "doc", "document", 0, 0, 3)
        section = OutlineNode("s-1", "1. Aanleiding", "section", 1, 0, 3, parent=root)
        action = OutlineNode("actie-een", "Een actie", "action", 2, 1, 2, parent=section)
        section.children = [action]
        root.children = [section]
        return root


@pytest.fixture
def tree(qtbot: QtBot) -> tuple[OutlineTree, CatalogueOnly]:
    view = OutlineTree()
    pane = ContentsPane(view)
    qtbot.addWidget(pane)
    pane.resize(400, 700)
    library = CatalogueOnly()
    view.set_library(library)  # type: ignore[arg-type]
    pane.show()
    qtbot.waitExposed(pane)
    return view, library


def documents_below(view: OutlineTree, title: str) -> list[str]:
    model = view.model()
    top = next(
        model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == title
    )
    ids: list[str] = []
    for r in range(model.rowCount(top)):
        group = model.index(r, 0, top)
        if model.canFetchMore(group):  # a dossier's rows are made when it is opened
            model.fetchMore(group)
        ids += [model.index(i, 0, group).data(DOC_ROLE) for i in range(model.rowCount(group))]
    return ids


def test_ten_thousand_documents_grouped_by_dossier_newest_first(
    tree: tuple[OutlineTree, CatalogueOnly],
) -> None:
    view, library = tree
    assert view.top_titles() == ["Voortgang Actieagenda", "My documents"]
    model = view.model()
    mine = model.index(1, 0)
    assert model.rowCount(mine) == DOSSIERS
    first = model.index(0, 0, mine)
    assert first.data() == "36 100 Dossier 0" and first.data(KIND_ROLE) == "dossier"
    assert model.rowCount(first) == 0 and model.hasChildren(first)  # made when opened
    assert len(documents_below(view, "My documents")) == COUNT
    dates = [
        library.entries()[int(model.index(i, 0, first).data(DOC_ROLE)[6:]) + 1].date
        for i in range(model.rowCount(first))
    ]
    assert dates == sorted(dates, reverse=True)
    # only the bundled letter's outline was read, for its open sections
    assert library.outlines_read == ["kst-32824-456"]


def test_filter_by_dossier_number_title_and_date(
    tree: tuple[OutlineTree, CatalogueOnly], qtbot: QtBot
) -> None:
    view, _library = tree
    view.set_filter("36 107")
    found = documents_below(view, "My documents")
    assert len(found) == COUNT // DOSSIERS
    assert all(int(doc[6:]) % DOSSIERS == 7 for doc in found)
    view.set_filter("onderwerp 4242")
    assert documents_below(view, "My documents") == ["brief-04242"]
    view.set_filter("2025D00017")
    assert documents_below(view, "My documents") == ["brief-00017"]
    view.set_filter("2022-01-03")
    assert {int(d[6:]) % 1000 for d in documents_below(view, "My documents")} == {2}
    pane = view.parent()
    assert isinstance(pane, ContentsPane)
    pane.filter.setText("")
    pane.filter.returnPressed.emit()
    assert len(documents_below(view, "My documents")) == COUNT


def test_expanding_a_document_reads_its_outline_and_a_click_selects(
    tree: tuple[OutlineTree, CatalogueOnly], qtbot: QtBot
) -> None:
    view, library = tree
    index = view.index_of("brief-00042")
    assert index.isValid() and view.model().rowCount(index) == 0
    assert "brief-00042" not in library.outlines_read
    view.scrollTo(index)
    view.expand(index)
    assert "brief-00042" in library.outlines_read
    section = view.model().index(0, 0, index)
    assert section.data() == "1. Aanleiding"
    view.expand(section)
    action = view.model().index(0, 0, section)
    assert (
        action.data() == "▶ Een actie"
        and action.data(Qt.ItemDataRole.ToolTipRole) == "Action: 1. Aanleiding > Een actie"
    )
    view.scrollTo(action)
    with qtbot.waitSignal(view.node_activated) as chosen:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(action).center()
        )
    assert chosen.args == ["brief-00042", "actie-een"]
    view.set_badges("brief-00042", {"actie-een": "Steunen"})
    assert view.text_of("brief-00042", "actie-een") == "▶ Een actie  ✎ Steunen"


def test_selecting_a_place_in_an_unopened_document(
    tree: tuple[OutlineTree, CatalogueOnly], qtbot: QtBot
) -> None:
    view, _library = tree
    view.select_node("brief-09999", "actie-een")
    current = view.currentIndex()
    assert current.data(DOC_ROLE) == "brief-09999" and current.data(ANCHOR_ROLE) == "actie-een"
    assert view.current_place() == ("brief-09999", "actie-een")


@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Tab])
def test_from_the_filter_to_the_tree_with_keys_alone(
    tree: tuple[OutlineTree, CatalogueOnly], qtbot: QtBot, key: Qt.Key
) -> None:
    view, _library = tree
    pane = view.parent()
    assert isinstance(pane, ContentsPane)
    pane.filter.setFocus()
    qtbot.waitUntil(pane.filter.hasFocus)
    qtbot.keyClicks(pane.filter, "onderwerp 4242")
    qtbot.keyClick(pane.filter, key)
    qtbot.waitUntil(view.hasFocus)
    qtbot.waitUntil(lambda: documents_below(view, "My documents") == ["brief-04242"])
    assert view.currentIndex().isValid()
    qtbot.keyClick(view, Qt.Key.Key_Down)  # the dossier, then its letter (expanded: one left)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().data(DOC_ROLE) == "brief-04242"
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(pane.filter.hasFocus)  # back up, to change the filter
