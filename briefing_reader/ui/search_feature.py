"""Wires the search index to the window: background build, panel, hits in
the reader, F3 / Shift+F3."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QBoxLayout, QMainWindow, QMenu, QProgressBar, QTabWidget

from briefing_reader.core.content import Document, Library
from briefing_reader.core.search import SearchIndex, UpdateReport
from briefing_reader.core.search.units import units_of
from briefing_reader.paths import Paths
from briefing_reader.ui import index_runner
from briefing_reader.ui.background import run_in_background
from briefing_reader.ui.catching_up import CatchingUp
from briefing_reader.ui.index_runner import IndexRunner
from briefing_reader.ui.messages import message_text
from briefing_reader.ui.reader import Mark, ReaderView
from briefing_reader.ui.search_panel import SearchPanel

MAX_HITS_IN_DOCUMENT = 100_000
HIT_COLOUR = "#ffd8a8"
CURRENT_HIT_COLOUR = "#ff9f43"


class SearchFeature(QObject):
    """Search for one window: owns the panel's tab and the hits in the reader.

    Signals:
        navigate_requested(doc_id, anchor): go to this place ("": the start).
        place_reached(offset): F3 moved the reading place within the document.
        query_chosen(query): a suggestion was taken (other search boxes show it).
        status_message(text, ms): a short message for the status bar.
    """

    navigate_requested = Signal(str, str)
    place_reached = Signal(int)
    query_chosen = Signal(str)
    status_message = Signal(str, int)

    def __init__(
        self,
        window: QMainWindow,
        library: Library,
        index: SearchIndex,
        reader: ReaderView,
        tabs: QTabWidget,
        paths: Paths | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.paths = paths  # where an indexer process finds the library; None: index here
        self.library = library
        self.index = index
        self.reader = reader
        self.tabs = tabs
        self.panel = SearchPanel(library, index, window)
        self.tab_index = tabs.addTab(self.panel, self.tr("Search"))
        self.panel.hit_chosen.connect(self.open_hit)
        self.panel.field.textChanged.connect(self._query_changed)
        self.panel.query_chosen.connect(self.query_chosen)
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
        self.catching_up = CatchingUp(self.panel)
        layout = self.panel.layout()
        if isinstance(layout, QBoxLayout):  # under the search field
            layout.insertWidget(1, self.catching_up)
        self._runner: IndexRunner | None = None
        self._again = False

    def build_menu(self, menu: QMenu) -> None:
        def add(
            text: str,
            slot: Callable[[], object],
            *keys: QKeySequence | QKeySequence.StandardKey | str,
        ) -> None:
            action = menu.addAction(text)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(lambda _checked=False: slot())
            self.window.addAction(action)

        add(self.tr("&Search all documents…"), self.search_all, "Ctrl+Shift+F")
        add(
            self.tr("&Find in this document…"), self.find_in_document, QKeySequence.StandardKey.Find
        )
        add(self.tr("Find &next"), lambda: self.step(+1), QKeySequence.StandardKey.FindNext)
        add(self.tr("Find &previous"), lambda: self.step(-1), QKeySequence.StandardKey.FindPrevious)

    # -- the index -------------------------------------------------------------

    def start_indexing(self) -> None:
        """Build or update the index in the background, with a progress bar.

        On disk the work runs in a process of its own (the window's event
        loop never waits for Whoosh); in memory, or in a frozen build, in a
        worker thread. Asked again while running: once more afterwards.
        """
        if self.indexing:
            self._again = True
            return
        self.progress.show()
        paths = self.paths
        if paths is not None and not self.index.in_memory and index_runner.can_run():
            # Most starts find the index current: no process for that (a look
            # at its state record, off this thread).
            run_in_background(
                lambda _progress: self.index.is_current(self.library),
                self,
                lambda current: self._indexed(None) if current else self._start_worker(paths),
                self._index_failed,
            )
            return
        self.index.pool_mb = 1  # beside the event loop: small sorts (see make_writer)
        run_in_background(
            lambda progress: self.index.update(self.library, progress),
            self,
            self._indexed,
            self._index_failed,
            self._progressed,
        )

    def _start_worker(self, paths: Paths) -> None:
        from briefing_reader.index_worker import paths_argument

        self._runner = IndexRunner(paths_argument(paths), self)
        self._runner.progressed.connect(self._progressed)
        self._runner.finished.connect(self._worker_done)
        self._runner.failed.connect(self._worker_failed)
        self._runner.start()

    def stop_indexing(self) -> None:
        """The window closes: end the worker (what it committed stays)."""
        if self._runner is not None:
            self._runner.stop()

    @property
    def indexing(self) -> bool:
        """True while the index is being brought up to date."""
        return not self.progress.isHidden()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.catching_up.show_progress(done, total)
        self.index.reopen_if_broken()  # a rebuilt index: search its first batches

    def _worker_done(self, summary: dict[str, object]) -> None:
        self.index.reopen()  # the worker's last commit (or a rebuilt index)
        if summary.get("warning"):  # it could not write to disk: index in memory here
            self.index.go_in_memory(str(summary["warning"]))
            self.index.pool_mb = 1
            self._runner = None
            run_in_background(
                lambda progress: self.index.update(self.library, progress),
                self,
                self._indexed,
                self._index_failed,
                self._progressed,
            )
            return
        # Open the new index (and import Whoosh, the first time) off this thread.
        run_in_background(
            lambda _progress: self.index.ready, self, self._indexed, self._index_failed
        )

    def _worker_failed(self, error: str) -> None:
        self.index.reopen()
        self._index_failed(RuntimeError(error))

    def _indexed(self, report: UpdateReport | bool | None) -> None:
        self.progress.hide()
        self.catching_up.hide()
        if self.index.warning:
            self.status_message.emit(message_text(self.index.warning), 15000)
        if self.panel.field.text().strip():
            self.panel.run_search()
        else:
            self.panel.show_empty_state()
        if self._again:
            self._again = False
            self.start_indexing()

    def _index_failed(self, error: Exception) -> None:
        self.progress.hide()
        self.catching_up.hide()
        self.status_message.emit(self.tr("Search is unavailable: %s") % error, 15000)
        if self._again:
            self._again = False
            self.start_indexing()

    # -- opening hits ------------------------------------------------------

    def search_all(self) -> None:
        self.tabs.setCurrentIndex(self.tab_index)
        self.panel.focus_search("")

    def find_in_document(self) -> None:
        doc = self.reader.document_shown
        self.tabs.setCurrentIndex(self.tab_index)
        self.panel.focus_search(doc.id if doc else "")

    def open_hit(self, doc_id: str, anchor: str, query: str) -> None:
        self.navigate_requested.emit(doc_id, anchor)
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
            self.status_message.emit(self.tr("No search hits in this document"), 3000)
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
        self.place_reached.emit(words[0] if words else start)  # the panel follows
        self._say_where()

    def _say_where(self) -> None:
        """The status bar counts hits as the list does: passages."""
        if self._passages and self._current >= 0:
            self.status_message.emit(
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

    def _query_changed(self, text: str) -> None:
        if not text.strip():
            self._query = ""
            self._spans = []
            self._passages = []
            self.reader.set_marks("search", [])
