"""The window as a long-running process: one instance per profile, no network."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from briefing_reader.ui.single_instance import SingleInstance, server_name

NET_TABLES = ("tcp", "tcp6", "udp", "udp6")


def listening(process: subprocess.Popen[str], data_dir: Path) -> bool:
    """Whether the app's single-instance server accepts a connection yet."""
    assert process.poll() is None, "the app exited before it was ready"
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    connected = socket.waitForConnected(100)
    socket.abort()
    return connected


@pytest.fixture
def running(
    tmp_path: Path,
    program: list[str],
    qtbot: QtBot,
) -> Iterator[tuple[subprocess.Popen[str], dict[str, str]]]:
    data_dir = (tmp_path / "profile").resolve()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFING_READER_DATA_DIR": str(data_dir)}
    process = subprocess.Popen(
        program, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        qtbot.waitUntil(lambda: listening(process, data_dir), timeout=30_000)
        yield process, env
    finally:
        process.terminate()
        process.communicate(timeout=20)


def test_second_start_hands_over_and_exits(running, program) -> None:  # type: ignore[no-untyped-def]
    first, env = running
    second = subprocess.run(
        [*program, "--open", "kst-32824-456#s-2-4"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert second.returncode == 0, second.stderr
    assert "already running" in second.stdout
    assert first.poll() is None  # the first instance is still there


def socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return inodes


def network_inodes() -> set[str]:
    inodes = set()
    for table in NET_TABLES:
        path = Path("/proc/net") / table
        if path.exists():
            for line in path.read_text().splitlines()[1:]:
                fields = line.split()
                if len(fields) > 9:
                    inodes.add(fields[9])
    return inodes


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc")
def test_the_running_app_has_no_network_sockets(running) -> None:  # type: ignore[no-untyped-def]
    process, _env = running
    mine = socket_inodes(process.pid)
    assert mine  # the single-instance local socket: the check does see sockets
    assert mine & network_inodes() == set()


def _await_line(stream, text: str, limit: int = 50) -> None:  # type: ignore[no-untyped-def]
    for _ in range(limit):
        line = stream.readline()
        assert line, f"the program ended without saying {text!r}"
        if text in line:
            return
    raise AssertionError(f"no {text!r} in {limit} lines")


@pytest.fixture
def starting_instance(tmp_path: Path) -> Iterator[tuple[SingleInstance, dict[str, str]]]:
    """A first instance that holds the lock but is not listening yet, as
    between its start and its first paint."""
    data_dir = (tmp_path / "profile").resolve()
    holder = SingleInstance(data_dir)
    assert holder.acquire()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFING_READER_DATA_DIR": str(data_dir)}
    yield holder, env
    holder.release()


def test_a_second_start_waits_for_the_first_to_listen(
    starting_instance, program: list[str], qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    holder, env = starting_instance
    second = subprocess.Popen(
        [*program, "--open", "kst-32824-456#s-2-4"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _await_line(second.stderr, "waiting for the running instance")
        with qtbot.waitSignal(holder.activation_requested, timeout=30_000) as signal:
            holder.listen()
        assert signal.args == ["kst-32824-456#s-2-4"]
        out, _err = second.communicate(timeout=30)
        assert second.returncode == 0
        assert "already running" in out
    finally:
        if second.poll() is None:
            second.kill()
            second.communicate()


def test_a_second_start_takes_over_when_the_first_goes_away(
    starting_instance, program: list[str], qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    holder, env = starting_instance
    second = subprocess.Popen(
        program, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        _await_line(second.stderr, "waiting for the running instance")
        holder.release()  # the first one closed before it ever listened
        data_dir = Path(env["BRIEFING_READER_DATA_DIR"])
        qtbot.waitUntil(lambda: listening(second, data_dir), timeout=30_000)
    finally:
        second.terminate()
        second.communicate(timeout=20)
