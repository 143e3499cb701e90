"""The window's search indexer: :mod:`briefing_reader.index_worker` in a
process of its own, read through a pipe (see there for why)."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QObject, QProcess, Signal


def can_run() -> bool:
    """A separate process needs a Python to run the worker module with;
    a frozen build (PyInstaller) has none, and indexes in a thread."""
    return not getattr(sys, "frozen", False)


class IndexRunner(QObject):
    """One run of the worker.

    Signals:
        progressed(int, int): documents indexed so far, and to index.
        finished(object): the worker's summary (a dict, see index_worker).
        failed(str): why the worker failed.
    """

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, paths_json: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.process = QProcess(self)
        self.process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        self.process.readyReadStandardOutput.connect(self._read)
        self.process.finished.connect(self._ended)
        self.process.errorOccurred.connect(self._error)
        self._arguments = ["-m", "briefing_reader.index_worker", paths_json]
        self._buffer = b""
        self._summary: dict[str, object] | None = None
        self._problem = ""
        self._over = False

    def start(self) -> None:
        self.process.start(sys.executable, self._arguments)

    def running(self) -> bool:
        return self.process.state() != QProcess.ProcessState.NotRunning

    def stop(self) -> None:
        """Kill the worker (the window closes): its committed batches stay."""
        self._over = True
        if self.running():
            self.process.kill()
            self.process.waitForFinished(3000)

    def _read(self) -> None:
        self._buffer += bytes(self.process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            word, _, rest = line.decode("utf-8", "replace").strip().partition(" ")
            if word == "progress":
                done, _, total = rest.partition(" ")
                self.progressed.emit(int(done), int(total))
            elif word == "done":
                self._summary = json.loads(rest)
            elif word == "error":
                self._problem = rest

    def _ended(self, code: int, _status: QProcess.ExitStatus) -> None:
        self._read()
        if self._over:
            return
        self._over = True
        if code == 0 and self._summary is not None:
            self.finished.emit(self._summary)
        else:
            error = bytes(self.process.readAllStandardError().data()).decode("utf-8", "replace")
            lines = error.strip().splitlines()
            self.failed.emit(self._problem or (lines[-1] if lines else f"exit code {code}"))

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and not self._over:
            self._over = True
            self.failed.emit(self.process.errorString())
