"""Issue 13: a long document opens without freezing the window.

Qt's own HTML import grows with the square of the name anchors (4,000: 0.5-1.8 s
on the UI thread); ui/anchored_html.py makes the same document in linear time.
These tests check that it is the same document, and that a long one opens in the
window with its busy indication, navigation and notes as before. The stall itself
is measured by benchmarks/long_document.py (no timed tests).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument, QTextFormat
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing_reader import paths
from briefing_reader.app import build_window
from briefing_reader.core.content import Document
from briefing_reader.core.content.parse import parse_document
from briefing_reader.core.notes import anchor_quote
from briefing_reader.ui import anchored_html, style
from briefing_reader.ui.main_window import MainWindow
from briefing_reader.ui.reader import ReaderView
from tests.ui.conftest import painted

LETTER = "kst-32824-456"
LONG = "lang-document"
HEADINGS = 1_998  # with a paragraph each and 4 tables: 4,000 anchors, the budget
QUOTE = "de minister schrijft de Kamer over de voortgang van hoofdstuk 1500"


def long_markdown(headings: int = HEADINGS) -> str:
    parts = ["---", f"id: {LONG}", "kind: imported", "title: Een lang document", "---", ""]
    for n in range(headings):
        rare = " Over de inburgeringsplicht." if n == 1750 else ""  # one search hit
        parts += [f"## Hoofdstuk {n}", "", f"Tekst waarin {QUOTE[:-4]}{n}.{rare}", ""]
        if n % 500 == 0:  # a table now and then: its anchor goes before a block
            parts += ["| | Bedrag |", "|---|---|", f"| Post {n} | {n} |", ""]
    return "\n".join(parts)


def long_document(headings: int = HEADINGS) -> Document:
    return parse_document(long_markdown(headings), Path(f"{LONG}.md"), bundled=False)


def anchors(qdoc: QTextDocument) -> list[tuple[str, int]]:
    """Every anchor name with the position of the character that carries it."""
    found = []
    block = qdoc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            found += [(name, fragment.position()) for name in fragment.charFormat().anchorNames()]
            it += 1
        block = block.next()
    return sorted(found)


def both_ways(html: str) -> tuple[QTextDocument, QTextDocument]:
    qts, ours = QTextDocument(), QTextDocument()
    for qdoc in (qts, ours):
        qdoc.setDefaultStyleSheet(style.document_css(False))
    qts.setHtml(html)
    anchored_html.set_html(ours, html)
    return qts, ours


def assert_same(qts: QTextDocument, ours: QTextDocument) -> None:
    assert ours.toRawText() == qts.toRawText()
    assert anchors(ours) == anchors(qts)
    assert ours.toHtml() == qts.toHtml()


@pytest.mark.parametrize("doc_id", ["kst-32824-456", "begrippen", "dossier-32824", "moties"])
def test_every_bundled_document_comes_out_as_qts_own_import_makes_it(
    window: MainWindow, doc_id: str
) -> None:
    doc = window.library.get(doc_id)
    assert doc is not None
    badges = window.annotations.badges(doc_id) or {
        node.id: "Steunen" for node in doc.outline.walk() if node.kind == "action"
    }
    qts, ours = both_ways(style.page_html(doc, "Samengesteld", badges))
    assert len(anchors(qts)) > 30
    assert_same(qts, ours)


def test_a_long_document_comes_out_the_same_with_its_anchors_as_single_strings(
    qapp: QApplication,
) -> None:
    html = style.page_html(long_document(), "Samengesteld")
    qts, ours = both_ways(html)
    assert len(anchors(qts)) == 2 * HEADINGS + 4 + 1  # + the tables and the title's "top"
    assert_same(qts, ours)
    again = QTextDocument()
    placed = anchored_html.set_html(again, html)
    assert placed is not None  # we placed every anchor: none left for Qt's quadratic import
    assert placed == dict(anchors(qts))  # where Qt's own import puts them
    # What makes it linear: one name is stored as a string (Qt hashes it by its
    # value), not as Qt's list (hashed by its type alone, so all anchors collide).
    block = ours.findBlock(dict(anchors(ours))["hoofdstuk-1500"])
    kinds = {type(block.begin().fragment().charFormat().property(QTextFormat.Property.AnchorName))}
    assert kinds == {str}


def test_text_that_holds_the_marker_character_is_imported_as_qt_does(qapp: QApplication) -> None:
    html = f'<p><a name="a"></a>Een {anchored_html.MARKER} teken</p><p><a name="b"></a>Twee</p>'
    assert_same(*both_ways(html))


def test_anchors_after_the_last_text_and_in_a_row_stay_qts(qapp: QApplication) -> None:
    html = (
        '<table><tr><td><a name="box"></a>\n<p><a name="title"></a><b>Titel</b></p>'
        '<p><a name="p-1"></a>Tekst</p></td></tr></table><p><a name="leeg"></a></p>'
    )
    qts, ours = both_ways(html)
    assert ("box", 0) not in anchors(ours) and len(anchors(ours)) == len(anchors(qts))
    assert_same(qts, ours)


# -- in the window -----------------------------------------------------------------


@pytest.fixture
def long_window(qtbot: QtBot) -> Iterator[MainWindow]:
    run = paths.resolve()
    run.imported_documents.mkdir(parents=True, exist_ok=True)
    (run.imported_documents / f"{LONG}.md").write_text(long_markdown(), encoding="utf-8")
    window = build_window(run)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.restore_place()
    assert window.reader.document_shown.id == LETTER  # type: ignore[union-attr]
    yield window


def test_a_long_document_says_it_is_opening_and_stops_saying_so(
    long_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages: list[str] = []
    long_window.statusBar().messageChanged.connect(messages.append)
    during: list[bool] = []
    import_html = anchored_html.set_html

    def watched(qdoc: QTextDocument, html: str) -> None:
        during.append(QApplication.overrideCursor() is not None)
        import_html(qdoc, html)

    monkeypatch.setattr(anchored_html, "set_html", watched)
    long_window.navigate(LONG)
    assert during == [True]  # the busy cursor while Qt imports
    assert QApplication.overrideCursor() is None
    assert messages[0] == "Opening “Een lang document”, a long document…"
    assert long_window.statusBar().currentMessage() == ""  # opened: gone
    assert long_window.reader.document_shown.id == LONG  # type: ignore[union-attr]


def assert_every_anchor_lands_on_its_text(reader: ReaderView) -> int:
    """Every anchor in the shown document is known to the reader, and each
    block's anchor maps to where the block's text starts in the core's plain
    text (a table's at its first cell); returns how many anchors."""
    names = {name for name, _ in anchors(reader.document())}
    assert all(reader.anchor_position(name) is not None for name in names)
    doc = reader.document_shown
    assert doc is not None
    for block in doc.blocks:
        if block.text and block.anchor:
            position = reader.anchor_position(block.anchor)
            assert position is not None and reader.core_offset(position) == block.start
    return len(names)


def test_a_jump_into_a_long_document_lands_and_back_returns(
    long_window: MainWindow, qtbot: QtBot
) -> None:
    reader = long_window.reader
    assert_every_anchor_lands_on_its_text(reader)  # the letter's
    long_window.navigate(LONG, "hoofdstuk-1500")
    assert assert_every_anchor_lands_on_its_text(reader) == 2 * HEADINGS + 4 + 1
    assert reader.current_node_id() == "hoofdstuk-1500"
    assert reader.top_position() == reader.anchor_position("hoofdstuk-1500")
    doc = reader.document_shown
    assert doc is not None and long_window.current_place().doc_id == LONG  # type: ignore[union-attr]
    paragraph = next(b for b in doc.blocks if b.text.endswith("hoofdstuk 1500."))
    assert (
        reader.core_offset(reader.anchor_position(paragraph.anchor or "") or 0) == paragraph.start
    )  # the positions map to the core's text, far down too
    long_window.go_back()
    assert reader.document_shown.id == LETTER  # type: ignore[union-attr]
    long_window.go_forward()
    assert reader.document_shown.id == LONG and reader.current_node_id() == "hoofdstuk-1500"


def test_a_note_on_a_long_document_shows_over_its_text(long_window: MainWindow) -> None:
    doc = long_window.library.get(LONG)
    assert doc is not None and long_window.store is not None
    long_window.store.add_highlight(anchor_quote(doc, QUOTE), note="Navragen")
    long_window.navigate_to_offset(LONG, doc.plain_text.index(QUOTE))
    assert painted(long_window.reader) == [QUOTE]
    tips = [s.format.toolTip() for s in long_window.reader.extraSelections()]
    assert any("Navragen" in tip for tip in tips)


def test_a_search_hit_far_down_a_long_document_is_marked_in_view(
    long_window: MainWindow, qtbot: QtBot
) -> None:
    search = long_window.search
    search.start_indexing()
    qtbot.waitUntil(lambda: search.index.ready and search.progress.isHidden(), timeout=60_000)
    long_window.navigate(LONG)
    search.find_in_document()
    panel = search.panel
    panel.field.setText("inburgeringsplicht")
    panel.run_search()
    assert panel.result is not None and [h.doc for h in panel.result.hits] == [LONG]
    long_window.navigate(LETTER)
    with qtbot.waitSignal(panel.hit_chosen):
        panel.open_hit(0)  # opens the long document again, at the hit
    reader = long_window.reader
    assert reader.document_shown.id == LONG  # type: ignore[union-attr]
    assert [text.lower() for text in painted(reader)] == ["inburgeringsplicht"]
    hit = reader.anchor_position(panel.result.hits[0].anchor)
    assert hit is not None and reader.is_visible(hit)
    assert reader.current_node_id() == "hoofdstuk-1750"
