"""Searching in the window: type, see grouped results, open a hit, step through hits."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from briefing_reader.ui.main_window import MainWindow
from briefing_reader.ui.search_feature import CURRENT_HIT_COLOUR, HIT_COLOUR
from tests.ui.conftest import marks_in, painted

LETTER = "kst-32824-456"


def hit_number(window: MainWindow) -> tuple[int, int]:
    """(the current hit, of how many) as the status bar says it."""
    said = re.fullmatch(r"Hit (\d+) of (\d+) in this document", window.statusBar().currentMessage())
    assert said is not None, window.statusBar().currentMessage()
    return int(said[1]), int(said[2])


def heading_above(results: QTextBrowser, href: str) -> str:
    """The italic place heading listed above the hit that links to ``href``."""
    heading = ""
    block = results.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                return heading
            if fragment.charFormat().fontItalic() and not fragment.charFormat().isAnchor():
                heading = block.text()
                break
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


def built(window: MainWindow, qtbot: QtBot) -> None:
    window.search.start_indexing()
    qtbot.waitUntil(
        lambda: window.search.index.ready and window.search.progress.isHidden(), timeout=30_000
    )


def test_typing_a_query_shows_grouped_results_and_opens_the_hit(
    window: MainWindow, qtbot: QtBot
) -> None:
    built(window, qtbot)
    window.search.search_all()
    panel = window.search.panel
    assert panel.field.hasFocus() or window.side_tabs.currentWidget() is panel
    qtbot.keyClicks(panel.field, "statushouder")
    qtbot.waitUntil(lambda: panel.result is not None and panel.result.total > 0)
    html = panel.results.toHtml()
    assert "Voortgang Actieagenda" in html and "statushouders" in html
    first = panel.result.hits[0]
    with qtbot.waitSignal(panel.hit_chosen) as chosen:
        panel.open_hit(0)
    assert chosen.args[:2] == [first.doc, first.anchor]
    assert window.reader.document_shown.id == first.doc  # type: ignore[union-attr]
    marks = [text.lower() for text in painted(window.reader)]
    assert marks and all(m.startswith("statushouder") for m in marks)
    hit_position = window.reader.anchor_position(first.anchor)
    assert hit_position is not None and window.reader.is_visible(hit_position)


def test_f3_steps_through_the_hits_of_the_document(window: MainWindow, qtbot: QtBot) -> None:
    built(window, qtbot)
    panel = window.search.panel
    panel.field.setText("taaleis")
    panel.open_first()
    search = window.search
    # one count: a hit is a passage, in the list, the status bar and for F3
    assert panel.result is not None and panel.summary.text().startswith(
        f"{panel.result.total} hits"
    )
    in_list = [h for h in panel.result.hits if h.doc == LETTER]
    first, total = hit_number(window)
    assert total == len(in_list) > 3
    search.step(+1)
    assert hit_number(window) == (first % total + 1, total)
    words = marks_in(window.reader, CURRENT_HIT_COLOUR)  # the current hit's
    assert words and window.reader.is_visible(window.reader.qt_position(words[0][1]))
    window.search.step(-1)
    assert hit_number(window) == (first, total)
    for _ in range(total):
        window.search.step(+1)
    assert hit_number(window) == (first, total)


def test_the_summary_counts_hits_and_documents_in_words_that_agree(
    window: MainWindow, qtbot: QtBot
) -> None:
    built(window, qtbot)
    panel = window.search.panel
    panel.field.setText("pijn")  # one passage of the letter
    panel.run_search()
    assert panel.result is not None and (panel.result.total, panel.result.documents) == (1, 1)
    assert panel.summary.text().startswith("1 hit in 1 document")
    panel.field.setText("Nobel")
    panel.run_search()
    assert panel.result is not None and panel.result.documents > 1
    expected = f"{panel.result.total} hits in {panel.result.documents} documents"
    assert panel.summary.text().startswith(expected)


def test_no_results_offer_a_suggestion(window: MainWindow, qtbot: QtBot) -> None:
    built(window, qtbot)
    panel = window.search.panel
    panel.field.setText("statushoudres")
    panel.run_search()
    assert panel.result is not None and panel.result.total == 0
    assert "statushouder" in panel.summary.text()


def test_find_in_this_document_limits_the_scope(window: MainWindow, qtbot: QtBot) -> None:
    built(window, qtbot)
    window.navigate("moties")
    window.search.find_in_document()
    panel = window.search.panel
    assert panel.scope.currentData() == "moties"
    panel.field.setText("motie")
    panel.run_search()
    assert panel.result is not None and {h.doc for h in panel.result.hits} == {"moties"}


def test_the_toolbar_field_searches_too(window: MainWindow, qtbot: QtBot) -> None:
    built(window, qtbot)
    qtbot.keyClicks(window.toolbar_search, "taaleis")
    assert window.side_tabs.currentWidget() is window.search.panel
    qtbot.waitUntil(
        lambda: window.search.panel.result is not None and window.search.panel.result.total > 0
    )


def test_a_hit_in_a_table_is_highlighted_exactly(window: MainWindow, qtbot: QtBot) -> None:
    built(window, qtbot)
    panel = window.search.panel
    panel.field.setText("taaleis")
    panel.run_search()
    assert panel.result is not None
    number = next(i for i, hit in enumerate(panel.result.hits) if hit.kind == "table")
    panel.open_hit(number)
    reader = window.reader
    doc = reader.document_shown
    assert doc is not None
    table = next(b for b in doc.blocks if b.kind == "table")
    in_table = [
        text
        for text, start in marks_in(reader, HIT_COLOUR, CURRENT_HIT_COLOUR)
        if table.start <= start < table.end
    ]
    assert in_table == ["Taaleis"]
    position = reader.anchor_position(table.anchor or "")
    assert position is not None and reader.is_visible(position)


def test_clicking_a_suggestion_fills_every_box_and_opens_its_first_hit(
    window: MainWindow, qtbot: QtBot
) -> None:
    built(window, qtbot)
    panel = window.search.panel
    qtbot.keyClicks(window.toolbar_search, "integartie")
    qtbot.waitUntil(lambda: panel.result is not None and panel.result.suggestion is not None)
    assert "integratie" in panel.summary.text()
    window.navigate("moties")
    panel.summary.linkActivated.emit(panel.result.suggestion)  # type: ignore[union-attr]
    assert window.toolbar_search.text() == panel.field.text() == "integratie"
    first = panel.result.hits[0]  # type: ignore[union-attr]
    assert window.reader.document_shown.id == first.doc  # type: ignore[union-attr]
    position = window.reader.anchor_position(first.anchor)
    assert position is not None and window.reader.is_visible(position)
    assert any(mark.lower().startswith("integratie") for mark in painted(window.reader))


def test_the_opening_is_listed_under_its_own_name(window: MainWindow, qtbot: QtBot) -> None:
    built(window, qtbot)
    panel = window.search.panel
    panel.field.setText("taaleis")
    panel.run_search()
    assert panel.result is not None
    hits = panel.result.hits
    number = next(i for i, h in enumerate(hits) if (h.doc, h.anchor) == (LETTER, "p-11"))
    assert heading_above(panel.results, f"hit:{number}") == "Opening"


def test_the_first_hit_is_the_letters_passage_holding_the_word(
    window: MainWindow, qtbot: QtBot
) -> None:
    built(window, qtbot)
    panel = window.search.panel
    panel.field.setText("huwelijksdwang")
    panel.open_first()
    reader = window.reader
    doc = reader.document_shown
    assert doc is not None and doc.id == LETTER
    current = marks_in(reader, CURRENT_HIT_COLOUR)  # the words of the hit opened
    assert current and all(text.lower().startswith("huwelijksdwang") for text, _ in current)
    assert reader.is_visible(reader.qt_position(current[0][1]))


def test_partial_matches_say_which_word_was_not_found(window: MainWindow, qtbot: QtBot) -> None:
    built(window, qtbot)
    panel = window.search.panel
    panel.field.setText("taaleis gemeenten xyzzyq")
    panel.run_search()
    summary = panel.summary.text()
    assert "best partial matches" in summary and "not found: xyzzyq" in summary
    listed = panel.results.toPlainText()
    assert "(not found: gemeenten)" in listed and "xyzzyq" not in listed
