"""One running instance per profile: a second start brings the first forward.

A QLockFile in the data dir says whether an instance runs; a QLocalServer
named after the data dir lets a second start hand over its ``--open``
address and leave. The server starts after the window's first paint
(QtNetwork is not needed before), so a second start waits a moment for it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QDeadlineTimer, QLockFile, QObject, QThread, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

CONNECT_TIMEOUT_MS = 1000
# How long a second start waits for the first one's server to listen; the
# first one re-anchors notes before it listens, which can take a while.
LISTEN_WAIT_MS = 20_000


def server_name(data_dir: Path) -> str:
    import hashlib  # not at import time: it loads OpenSSL, needed after the first paint

    digest = hashlib.sha256(str(data_dir).encode()).hexdigest()[:16]
    return f"briefing-reader-{digest}"


class SingleInstance(QObject):
    """Holds the profile's lock and listens for later starts.

    Signals:
        activation_requested(str): a second start asked to be shown; the
            text is its ``--open`` address ('' for none).
    """

    activation_requested = Signal(str)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        data_dir.mkdir(parents=True, exist_ok=True)
        self.data_dir = data_dir
        self.lock = QLockFile(str(data_dir / "instance.lock"))
        self.lock.setStaleLockTime(0)  # a crashed instance's lock is stale at once
        self.server: QLocalServer | None = None

    def name(self) -> str:
        return server_name(self.data_dir)

    def acquire(self, wait_ms: int = 100) -> bool:
        """True if we are the only instance; call :meth:`listen` next."""
        if not self.lock.tryLock(wait_ms):
            self.lock.removeStaleLockFile()  # its process is gone
            if not self.lock.tryLock(wait_ms):
                return False
        return True

    def listen(self) -> None:
        """Answer later starts (emits ``activation_requested``)."""
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self.name())
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connected)
        self.server.listen(self.name())

    def _connected(self) -> None:
        assert self.server is not None
        socket = self.server.nextPendingConnection()
        if socket is None:
            return
        if socket.bytesAvailable() == 0:
            socket.waitForReadyRead(CONNECT_TIMEOUT_MS)
        address = bytes(socket.readAll().data()).decode("utf-8", "replace").strip()
        socket.disconnectFromServer()
        socket.deleteLater()
        self.activation_requested.emit(address)

    def hand_over(self, address: str | None, wait_ms: int = LISTEN_WAIT_MS) -> bool | None:
        """Give ``address`` to the running instance and ask it to come forward.

        The running instance may still be starting (it listens only after
        its first paint), so a refused connection is tried again while it
        holds the lock. Returns True if it took the address, None if it went
        away meanwhile and the lock is now ours, False if it never answered.
        """
        deadline = QDeadlineTimer(wait_ms)
        told = False
        while not self._send(address):
            if self.acquire(wait_ms=0):
                return None
            if deadline.hasExpired():
                return False
            if not told:
                print(
                    "briefing-reader: waiting for the running instance to answer…",
                    file=sys.stderr,
                    flush=True,
                )
                told = True
            QThread.msleep(50)
        return True

    def _send(self, address: str | None) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket(self)
        socket.connectToServer(self.name())
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            socket.deleteLater()
            return False
        socket.write(QByteArray((address or "").encode("utf-8")))
        socket.flush()
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        socket.deleteLater()
        return True

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self.lock.unlock()
