"""Run slow core calls off the GUI thread and report back by signal.

The core function runs in a QThreadPool worker; it never touches widgets.
Progress, the result and any error arrive on the GUI thread through the
task's signals (queued connections), where the caller updates widgets.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Task(QObject):
    """Signals of one background call.

    Signals:
        progressed(int, int): done and total units of work.
        finished(object): the call returned this value.
        failed(object): the call raised this exception.
    """

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Runner(QRunnable):
    def __init__(self, task: Task, work: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__()
        self.task = task
        self.work = work

    def run(self) -> None:
        try:
            result = self.work(self.task.progressed.emit)
        except Exception as error:  # reported to the GUI thread, which decides
            self._report(self.task.failed, error)
            return
        self._report(self.task.finished, result)

    @staticmethod
    def _report(signal: Any, value: Any) -> None:
        # The window may have closed (and deleted the task) while the work ran.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


def run_in_background(
    work: Callable[[Callable[[int, int], None]], Any],
    parent: QObject,
    on_finished: Callable[[Any], None],
    on_failed: Callable[[Any], None],
    on_progress: Callable[[int, int], None] | None = None,
) -> Task:
    """Start ``work(progress)`` in the global thread pool.

    The callbacks are connected before the work starts, so a quick result is
    never missed; they run on the GUI thread. ``parent`` keeps the task alive.
    """
    task = Task(parent)
    task.finished.connect(on_finished)
    task.failed.connect(on_failed)
    if on_progress is not None:
        task.progressed.connect(on_progress)
    QThreadPool.globalInstance().start(_Runner(task, work))
    return task
