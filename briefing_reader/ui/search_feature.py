"""Wires the search index to the window: background build, panel, hits in
the reader, F3 / Shift+F3."""

from __future__ import annotations

import bisect

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QProgressBar, QTabWidget

from briefing_reader.core.content import Library
from briefing_reader.core.search import SearchIndex, UpdateReport
from briefing_reader.ui.background import run_in_background
from briefing_reader.ui.reader import Mark, ReaderView
from briefing_reader.ui.search_panel import SearchPanel

HIT_COLOUR = "#ffd8a8"
CURRENT_HIT_COLOUR = "#ff9f43"


class SearchFeature(QObject):
    """Search for one window: owns the panel's tab and the hits in the reader."""

    def __init__(self, window: QMainWindow, library: Library, index: SearchIndex,
                 reader: ReaderView, tabs: QTabWidget) -> None:
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
        add(self.tr("&Find in this document…"), self.find_in_document,
            QKeySequence.StandardKey.Find)
        add(self.tr("Find &next"), lambda: self.step(+1), QKeySequence.StandardKey.FindNext)
        add(self.tr("Find &previous"), lambda: self.step(-1),
            QKeySequence.StandardKey.FindPrevious)

    # -- the index -------------------------------------------------------------

    def start_indexing(self) -> None:
        """Build or update the index in the background, with a progress bar."""
        self.progress.show()
        run_in_background(lambda progress: self.index.update(self.library, progress),
                          self, self._indexed, self._index_failed, self._progressed)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _indexed(self, report: UpdateReport) -> None:
        self.progress.hide()
        if self.index.warning:
            self.window.statusBar().showMessage(self.index.warning, 15000)
        if self.panel.field.text().strip():
            self.panel.run_search()
        else:
            self.panel.show_empty_state()

    def _index_failed(self, error: Exception) -> None:
        self.progress.hide()
        self.window.statusBar().showMessage(
            self.tr("Search is unavailable: %s") % error, 15000)

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
        self._spans = self.index.highlighter(query).spans(doc.plain_text)
        top = self.reader.core_offset(self.reader.top_position())
        self._current = max(0, bisect.bisect_left([s for s, _ in self._spans], top))
        self._paint()

    def refresh_for_document(self) -> None:
        """The reader shows another document: mark the query's hits there too."""
        doc = self.reader.document_shown
        if doc is None or not self._query:
            return
        self._spans = self.index.highlighter(self._query).spans(doc.plain_text)
        self._current = -1
        self._paint()

    def step(self, direction: int) -> None:
        """F3 / Shift+F3: the next or previous hit in this document."""
        if not self._spans:
            self.window.statusBar().showMessage(self.tr("No search hits in this document"),
                                                3000)
            return
        self._current = (self._current + direction) % len(self._spans)
        self._paint()
        start = self._spans[self._current][0]
        position = self.reader.qt_position(start)
        if not self.reader.is_visible(position):
            self.reader.scroll_to_position(position)
        self.window.place_reached(start)  # type: ignore[attr-defined]  # the panel follows
        self.window.statusBar().showMessage(
            self.tr("Hit %d of %d") % (self._current + 1, len(self._spans)), 3000)

    def _paint(self) -> None:
        marks = [Mark(start, end, CURRENT_HIT_COLOUR if i == self._current else HIT_COLOUR)
                 for i, (start, end) in enumerate(self._spans)]
        self.reader.set_marks("search", marks)

    def _query_changed(self, text: str) -> None:
        if not text.strip():
            self._query = ""
            self._spans = []
            self.reader.set_marks("search", [])
