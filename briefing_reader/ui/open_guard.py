"""Opening a document the window may not survive: remembered, and not reopened blindly.

Qt lays out a document's rich text on the UI thread. A document that made
the last run hang (killed while opening it) or that took longer than
``core.limits.SLOW_OPEN_SECONDS`` to open is written down in the settings;
at the next start the window opens the bundled letter instead and says so,
and the user can still open the document from the contents.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QApplication

from briefing_reader.core import limits
from briefing_reader.ui.settings import OPENING, SLOW, SLOW_SECONDS


class OpenGuard(QObject):
    """Writes down which document is being opened, and how long it took."""

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings

    @contextmanager
    def opening(self, doc_id: str, anchors: int) -> Iterator[None]:
        """Around the rendering of a document: busy cursor when long, time recorded."""
        long = anchors >= limits.LONG_DOCUMENT_ANCHORS
        if long:
            OPENING.write(self.settings, doc_id)
            self.settings.sync()  # on disk before Qt starts, in case it never returns
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        started = time.monotonic()
        try:
            yield
        finally:
            if long:
                QApplication.restoreOverrideCursor()
            self._opened(doc_id, time.monotonic() - started, long)

    def _opened(self, doc_id: str, seconds: float, written: bool) -> None:
        if seconds >= limits.SLOW_OPEN_SECONDS:
            SLOW.write(self.settings, doc_id)
            SLOW_SECONDS.write(self.settings, round(seconds, 1))
        elif SLOW.read(self.settings) == doc_id:
            SLOW.clear(self.settings)
        if written or seconds >= limits.SLOW_OPEN_SECONDS:
            OPENING.clear(self.settings)
            self.settings.sync()

    def reason_to_avoid(self, doc_id: str) -> str | None:
        """Why ``doc_id`` should not be opened at start-up, or None."""
        if OPENING.read(self.settings) == doc_id:
            return self.tr("the program stopped while opening it last time")
        if SLOW.read(self.settings) == doc_id:
            seconds = SLOW_SECONDS.read(self.settings)
            return self.tr("it took %s seconds to open last time") % seconds
        return None
