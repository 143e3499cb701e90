"""The team folder in the window: publish my notes and read colleagues', live.

Settings > "Shared folder" names the folder (kept in QSettings). While one is
set: a few seconds after my notes change my file there is rewritten (a timer
publishes when the notes differ from the file); when a file in the folder
changes (a file watcher) and every minute anyway (some sync engines replace
files in ways a watcher misses), one round of
:func:`briefing_reader.core.notes.team_folder.sync` runs off the GUI thread
with its own connection to the notes, and the window shows what arrived. A
folder that is offline is no error: the status bar says so once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from briefing_reader.core.content import Library
from briefing_reader.core.notes import NotesStore
from briefing_reader.ui import settings as ui_settings
from briefing_reader.ui.background import run_in_background
from briefing_reader.ui.messages import message_text

PUBLISH_MS = 5_000
RESCAN_MS = 60_000
SETTLE_MS = 2_000


class TeamFolder(QObject):
    """Keeps my notes and my colleagues' in step with the shared folder.

    Signals:
        notes_changed(doc_id): colleagues' notes arrived ("": in any document).
        status_message(text, ms): a short message for the status bar.
    """

    notes_changed = Signal(str)
    status_message = Signal(str, int)

    def __init__(
        self, window: QMainWindow, library: Library, store: NotesStore | None, settings: QSettings
    ) -> None:
        super().__init__(window)
        self.window = window
        self.library = library
        self.store = store
        self.settings = settings
        self.busy = False
        self.published_at = -1
        self.last_report: Any = None
        self.settle = self._timer(SETTLE_MS, self.sync_now, single=True)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _path: self.settle.start())
        self.watcher.fileChanged.connect(lambda _path: self.settle.start())
        self.publisher = self._timer(PUBLISH_MS, self.publish_now)
        self.rescan = self._timer(RESCAN_MS, self.sync_now)
        self.configure()

    def _timer(self, ms: int, slot: Callable[[], None], single: bool = False) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(ms)
        timer.setSingleShot(single)
        timer.timeout.connect(slot)
        return timer

    def folder(self) -> Path | None:
        value = ui_settings.TEAM_FOLDER.read(self.settings)
        return Path(value) if value else None

    def configure(self) -> None:
        """Start or stop following the folder in the settings."""
        for timer in (self.publisher, self.rescan, self.settle):
            timer.stop()
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        folder = self.folder()
        if folder is None or self.store is None or self.store.read_only:
            return
        if folder.is_dir():
            self.watcher.addPath(str(folder))
        self.publisher.start()
        self.rescan.start()
        self.sync_now()

    def publish_now(self) -> None:
        """Publish when my notes changed since the last round (a cheap check)."""
        if self.store is None or self.store.change_count() == self.published_at:
            return
        self._run(publish_only=True)

    def sync_now(self) -> None:
        self._run(publish_only=False)

    def _run(self, *, publish_only: bool) -> None:
        folder = self.folder()
        if folder is None or self.store is None or self.busy:
            return
        self.busy = True
        self.published_at = self.store.change_count()
        db_path, backups, library = self.store.path, self.store.backup_dir, self.library

        def work(_progress: Callable[[int, int], None]) -> Any:
            from briefing_reader.core.notes import open_store, team_folder

            store = open_store(db_path, backups)  # this thread's own connection
            try:
                if publish_only:
                    return team_folder.publish(store, folder) if folder.is_dir() else None
                return team_folder.sync(store, folder, library)
            finally:
                store.close()

        run_in_background(work, self, self._done, self._failed)

    def _done(self, report: Any) -> None:
        self.busy = False
        if report is None or isinstance(report, Path):
            return
        self.last_report = report
        folder = self.folder()
        if folder is not None and folder.is_dir() and str(folder) not in self.watcher.directories():
            self.watcher.addPath(str(folder))
        if report.offline:
            self.status_message.emit(
                self.tr("Shared folder not reachable: %s") % report.offline, 8000
            )
        elif report.added or report.updated or report.removed:
            self.status_message.emit(
                self.tr("Colleagues' notes: %d new, %d changed, %d removed")
                % (report.added, report.updated, report.removed),
                8000,
            )
            self.notes_changed.emit("")

    def _failed(self, error: object) -> None:
        self.busy = False
        self.status_message.emit(self.tr("Shared folder: %s") % message_text(error), 8000)
