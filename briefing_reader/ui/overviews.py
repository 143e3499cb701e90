"""Windows beside the reader for the actions register and the commitments
timeline; made when first asked for, then kept."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from briefing_reader.core.content import Library
from briefing_reader.core.notes import NotesStore
from briefing_reader.ui import keyboard

if TYPE_CHECKING:  # imported when first opened: the commitments rules cost start-up time
    from briefing_reader.ui.register import ActionsRegisterView
    from briefing_reader.ui.timeline import CommitmentsTimelineView


class Overviews(QObject):
    """Opens the register and the timeline, and passes their requests on.

    Signals:
        navigate_requested(doc_id, anchor): go to this place in the reader.
        notes_changed(doc_id): an annotation of this document was saved here.
        pack_requested(action_ids): print these actions as a debate pack.
    """

    navigate_requested = Signal(str, str)
    notes_changed = Signal(str)
    pack_requested = Signal(list)

    def __init__(self, window: QMainWindow, library: Library, store: NotesStore | None) -> None:
        super().__init__(window)
        self.window = window
        self.library = library
        self.store = store
        self.register_window: QMainWindow | None = None
        self.timeline_window: QMainWindow | None = None

    def _frame(self, title: str, view: QWidget) -> QMainWindow:
        frame = QMainWindow(self.window, Qt.WindowType.Window)
        frame.setWindowTitle(title)
        frame.setCentralWidget(view)
        frame.resize(1200, 640)
        keyboard.closable_by_keyboard(frame)
        return frame

    def show_register(self) -> ActionsRegisterView:
        from briefing_reader.ui.register import ActionsRegisterView

        if self.register_window is None:
            view = ActionsRegisterView(self.library, self.store, dt.date.today())
            view.open_requested.connect(self._open)
            view.annotation_saved.connect(lambda doc_id, _action: self.notes_changed.emit(doc_id))
            view.print_requested.connect(self.pack_requested)
            self.register_window = self._frame(self.tr("Actions register"), view)
        shown = self.register_window.centralWidget()
        assert isinstance(shown, ActionsRegisterView)
        shown.refresh()
        self._raise(self.register_window)
        return shown

    def show_timeline(self) -> CommitmentsTimelineView:
        from briefing_reader.ui.timeline import CommitmentsTimelineView

        if self.timeline_window is None:
            view = CommitmentsTimelineView(self.library, self.store, dt.date.today())
            view.open_requested.connect(self._open)
            self.timeline_window = self._frame(self.tr("Commitments and deadlines"), view)
        shown = self.timeline_window.centralWidget()
        assert isinstance(shown, CommitmentsTimelineView)
        shown.refresh()
        self._raise(self.timeline_window)
        return shown

    @staticmethod
    def _raise(frame: QMainWindow) -> None:
        frame.show()
        frame.raise_()
        frame.activateWindow()

    def _open(self, doc_id: str, anchor: str) -> None:
        self.navigate_requested.emit(doc_id, anchor)
        self._raise(self.window)
