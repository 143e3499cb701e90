"""Wires the search index to the window: background build, panel, hits in
the reader, F3 / Shift+F3."""

from __future__ import annotations

import bisect

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QProgressBar, QTabWidget

from briefing_reader.core.content import Document, Library
from briefing_reader.core.search import SearchIndex, UpdateReport
from briefing_reader.core.search.units import units_of
from briefing_reader.ui.background import run_in_background
from briefing_reader.ui.messages import message_text
from briefing_reader.ui.reader import Mark, ReaderView
from briefing_reader.ui.search_panel import SearchPanel

MAX_HITS_IN_DOCUMENT = 100_000
HIT_COLOUR = "#ffd8a8"
CURRENT_HIT_COLOUR = "#ff9f43"


class SearchFeature(QObject):
    """Search for one window: owns the panel's tab and the hits in the reader."""

    def __init__(
        self,
        window: QMainWindow,
        library: Library,
        index: SearchIndex,
        reader: ReaderView,
        tabs: QTabWidget,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.library = library
        self.index = index
        self.reader = reader
        self.tabs = tabs
        self.panel = SearchPanel(library, index, window)
        self.tab_index = tabs.addTab(self.panel, self.tr("Search"))
        self.panel.hit_chosen.connect(self.open_hit)
        self.panel.field.textChanged.connect(self._query_changed)
        self.panel.query_chosen.connect(self._query_chosen)
        # A hit is a passage (a unit the search found), in the list and for
        # F3 alike; the words matched inside the passages are marked.
        self._passages: list[tuple[int, int]] = []
        self._anchors: list[str] = []
        self._spans: list[tuple[int, int]] = []
        self._current = -1
        self._query = ""
        self.progress = QProgressBar(window)
        self.progress.setMaximumWidth(180)
        self.progress.setFormat(self.tr("Search index %p%"))
        self.progress.hide()
        window.statusBar().addPermanentWidget(self.progress)

    def build_menu(self, menu: QMenu) -> None:
        def add(text: str, slot: object, *keys: QKeySequence | str) -> None:
            action = menu.addAction(text)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
            self.window.addAction(action)

        add(self.tr("&Search all documents…"), self.search_all, "Ctrl+Shift+F")
        add(
            self.tr("&Find in this document…"), self.find_in_document, QKeySequence.StandardKey.Find
        )
        add(self.tr("Find &next"), lambda: self.step(+1), QKeySequence.StandardKey.FindNext)
        add(self.tr("Find &previous"), lambda: self.step(-1), QKeySequence.StandardKey.FindPrevious)

    # -- the index -------------------------------------------------------------

    def start_indexing(self) -> None:
        """Build or update the index in the background, with a progress bar."""
        self.progress.show()
        run_in_background(
            lambda progress: self.index.update(self.library, progress),
            self,
            self._indexed,
            self._index_failed,
            self._progressed,
        )

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _indexed(self, report: UpdateReport) -> None:
        self.progress.hide()
        if self.index.warning:
            self.window.statusBar().showMessage(message_text(self.index.warning), 15000)
        if self.panel.field.text().strip():
            self.panel.run_search()
        else:
            self.panel.show_empty_state()

    def _index_failed(self, error: Exception) -> None:
        self.progress.hide()
        self.window.statusBar().showMessage(self.tr("Search is unavailable: %s") % error, 15000)

    # -- opening hits ------------------------------------------------------

    def search_all(self) -> None:
        self.tabs.setCurrentIndex(self.tab_index)
        self.panel.focus_search("")

    def find_in_document(self) -> None:
        doc = self.reader.document_shown
        self.tabs.setCurrentIndex(self.tab_index)
        self.panel.focus_search(doc.id if doc else "")

    def open_hit(self, doc_id: str, anchor: str, query: str) -> None:
        navigate = self.window.navigate
        navigate(doc_id, anchor)
        doc = self.reader.document_shown
        if doc is None or doc.id != doc_id:
            return
        self._query = query
        self._collect(doc)
        place = dict(zip(self._anchors, self._passages, strict=True)).get(anchor)
        self._current = self._passages.index(place) if place in self._passages else 0
        self._paint()
        self._say_where()

    def refresh_for_document(self) -> None:
        """The reader shows another document: mark the query's hits there too."""
        doc = self.reader.document_shown
        if doc is None or not self._query:
            return
        self._collect(doc)
        self._current = -1
        self._paint()

    def _collect(self, doc: Document) -> None:
        """The query's hits in ``doc`` (passages in reading order) and their words."""
        result = self.index.search(
            self._query,
            doc=doc.id,
            actions_only=self.panel.actions_only.isChecked(),
            limit=MAX_HITS_IN_DOCUMENT,
        )
        units = {u.anchor: (u.start, u.end) for u in units_of(doc)}
        found = sorted((units[h.anchor], h.anchor) for h in result.hits if h.anchor in units)
        self._passages = [place for place, _ in found]
        self._anchors = [anchor for _, anchor in found]
        starts = [start for start, _ in self._passages]
        self._spans = [
            (s, e)
            for s, e in result.spans(doc.plain_text)
            if self._passage_of(s, starts) is not None
        ]

    def _passage_of(self, offset: int, starts: list[int] | None = None) -> int | None:
        starts = starts if starts is not None else [s for s, _ in self._passages]
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < self._passages[index][1]:
            return index
        return None

    def step(self, direction: int) -> None:
        """F3 / Shift+F3: the next or previous hit (passage) in this document."""
        if not self._passages:
            self.window.statusBar().showMessage(self.tr("No search hits in this document"), 3000)
            return
        if self._current < 0:  # not yet on a hit: the first one after (or before) the view
            top = self.reader.core_offset(self.reader.top_position())
            after = bisect.bisect_left([s for s, _ in self._passages], top)
            self._current = (after if direction > 0 else after - 1) % len(self._passages)
        else:
            self._current = (self._current + direction) % len(self._passages)
        self._paint()
        start, _end = self._passages[self._current]
        words = [s for s, _ in self._spans if self._passage_of(s) == self._current]
        position = self.reader.qt_position(words[0] if words else start)
        if not self.reader.is_visible(position):
            self.reader.scroll_to_position(position)
        self.window.place_reached(words[0] if words else start)  # type: ignore[attr-defined]  # the panel follows
        self._say_where()

    def _say_where(self) -> None:
        """The status bar counts hits as the list does: passages."""
        if self._passages and self._current >= 0:
            self.window.statusBar().showMessage(
                self.tr("Hit %d of %d in this document") % (self._current + 1, len(self._passages)),
                5000,
            )

    def _paint(self) -> None:
        current = self._current if self._current >= 0 else None
        marks = [
            Mark(
                start,
                end,
                CURRENT_HIT_COLOUR
                if current is not None and self._passage_of(start) == current
                else HIT_COLOUR,
            )
            for start, end in self._spans
        ]
        self.reader.set_marks("search", marks)

    def _query_chosen(self, query: str) -> None:
        """A suggestion was taken: every search box shows it."""
        box = getattr(self.window, "toolbar_search", None)
        if box is not None and box.text() != query:
            box.setText(query)

    def _query_changed(self, text: str) -> None:
        if not text.strip():
            self._query = ""
            self._spans = []
            self._passages = []
            self.reader.set_marks("search", [])
