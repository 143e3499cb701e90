"""Searching in the window: type, see grouped results, open a hit, step through hits."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from briefing_reader.ui.main_window import MainWindow
from tests.ui.conftest import painted

LETTER = "kst-32824-456"


def built(window: MainWindow, qtbot: QtBot) -> None:
    window.search.start_indexing()
    qtbot.waitUntil(lambda: window.search.index.ready and window.search.progress.isHidden(),
                    timeout=30_000)


def test_typing_a_query_shows_grouped_results_and_opens_the_hit(
        window: MainWindow, qtbot: QtBot) -> None:
    built(window, qtbot)
    window.search.search_all()
    panel = window.search.panel
    assert panel.field.hasFocus() or window.side_tabs.currentWidget() is panel
    qtbot.keyClicks(panel.field, "statushouder")
    qtbot.waitUntil(lambda: panel.result is not None and panel.result.total > 0)
    html = panel.results.toHtml()
    assert "Voortgang Actieagenda" in html and "statushouders" in html
    first = panel._hits[0]
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
    spans = window.search._spans
    assert len(spans) > 3
    first = window.search._current
    window.search.step(+1)
    assert window.search._current == (first + 1) % len(spans)
    target = window.reader.qt_position(spans[window.search._current][0])
    assert window.reader.is_visible(target)
    window.search.step(-1)
    assert window.search._current == first


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
    qtbot.waitUntil(lambda: window.search.panel.result is not None
                    and window.search.panel.result.total > 0)


def test_a_hit_in_a_table_is_highlighted_exactly(window: MainWindow, qtbot: QtBot) -> None:
    built(window, qtbot)
    panel = window.search.panel
    panel.field.setText("taaleis")
    panel.run_search()
    assert panel.result is not None
    number = next(i for i, hit in enumerate(panel._hits) if hit.kind == "table")
    panel.open_hit(number)
    reader = window.reader
    doc = reader.document_shown
    assert doc is not None
    table = next(b for b in doc.blocks if b.kind == "table")
    in_table = [text for text, (start, _end) in zip(painted(reader), window.search._spans,
                                                    strict=True)
                if table.start <= start < table.end]
    assert in_table == ["Taaleis"]
    position = reader.anchor_position(table.anchor or "")
    assert position is not None and reader.is_visible(position)
