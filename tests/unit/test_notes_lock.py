"""The notes/documents lock keeps a second process out, on POSIX and on Windows."""

from __future__ import annotations

import errno
import importlib.util
import os
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

from briefing_reader.core.notes import lock

HOLDER = """
import sys
from pathlib import Path
from briefing_reader.core.notes.lock import opening_lock

name, target, log = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
with opening_lock(target) as locked:
    with log.open("a") as out:
        out.write(f"{name} in {locked}\\n")
    print("held", flush=True)
    sys.stdin.readline()
    with log.open("a") as out:
        out.write(f"{name} out\\n")
"""


def _holder(name: str, target: Path, log: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", HOLDER, name, str(target), str(log)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _hand_over(first: subprocess.Popen[str], second: subprocess.Popen[str], log: Path) -> str:
    """The second waits while the first holds the lock, and gets it when it lets go."""
    assert first.stdin is not None
    deadline = time.monotonic() + 60
    while not _waiting_for_a_lock(second.pid):  # polling the kernel's lock table
        assert second.poll() is None, "the second process did not wait"
        assert time.monotonic() < deadline, "the second process never asked for the lock"
        time.sleep(0.01)
    assert log.read_text() == "first in True\n"
    first.stdin.write("\n")
    first.stdin.flush()
    assert first.wait(timeout=60) == 0
    out, _ = second.communicate("\n", timeout=60)
    return out


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.kill()


def _waiting_for_a_lock(pid: int) -> bool:
    """The kernel lists the process as blocked on a lock ("->" lines in /proc/locks)."""
    lines = Path("/proc/locks").read_text(encoding="ascii").splitlines()
    return any("->" in line and line.split()[5] == str(pid) for line in lines)


@pytest.mark.skipif(
    not Path("/proc/locks").exists(), reason="needs /proc/locks (Linux) to see a blocked process"
)
def test_a_second_process_waits_until_the_first_lets_go(tmp_path: Path) -> None:
    target, log = tmp_path / "notes.sqlite3", tmp_path / "log"
    with _holder("first", target, log) as first:
        try:
            assert first.stdout is not None
            assert first.stdout.readline() == "held\n"  # before the second one starts
            with _holder("second", target, log) as second:
                try:
                    out = _hand_over(first, second, log)
                finally:
                    _stop(second)
        finally:
            _stop(first)
    assert out == "held\n"
    assert second.returncode == 0
    assert log.read_text() == "first in True\nfirst out\nsecond in True\nsecond out\n"


def test_the_lock_is_taken_and_given_back(tmp_path: Path) -> None:
    target = tmp_path / "notes.sqlite3"
    with lock.opening_lock(target) as locked:
        assert locked
    with lock.opening_lock(target) as again:  # released: this process takes it again
        assert again
    assert (tmp_path / "notes.sqlite3.lock").is_file()


def test_no_lock_file_possible_proceeds_without_one(tmp_path: Path) -> None:
    with lock.opening_lock(tmp_path / "missing" / "notes.sqlite3") as locked:
        assert locked is False


def test_a_file_system_without_locks_proceeds_without_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_locks(fd: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(lock, "_lock", no_locks)
    with lock.opening_lock(tmp_path / "notes.sqlite3") as locked:
        assert locked is False


class FakeMsvcrt(types.ModuleType):
    """msvcrt.locking as documented: LK_LOCK raises EDEADLOCK when it gives up."""

    LK_UNLCK, LK_LOCK = 0, 1

    def __init__(self, busy: int) -> None:
        super().__init__("msvcrt")
        self.busy = busy  # how many LK_LOCK calls fail before one succeeds
        self.calls: list[tuple[int, int, int]] = []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        self.calls.append((mode, os.lseek(fd, 0, os.SEEK_CUR), nbytes))
        if mode == self.LK_LOCK and self.busy:
            self.busy -= 1
            raise OSError(errno.EDEADLOCK, "Resource deadlock avoided")


def _windows_copy(monkeypatch: pytest.MonkeyPatch, fake: FakeMsvcrt) -> types.ModuleType:
    """A fresh copy of the lock module as Windows would import it (no fcntl)."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "fcntl", None)  # import fcntl raises ImportError
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    assert lock.__file__ is not None
    spec = importlib.util.spec_from_file_location("windows_lock", lock.__file__)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_without_fcntl_the_windows_lock_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulated: this runs on Linux with a stand-in msvcrt, so it checks our calls,
    not Windows' locking itself."""
    fake = FakeMsvcrt(busy=2)
    windows = _windows_copy(monkeypatch, fake)
    lock_file = tmp_path / "notes.sqlite3.lock"
    lock_file.write_bytes(b"left by an earlier run")
    with windows.opening_lock(tmp_path / "notes.sqlite3") as locked:
        assert locked is True
        assert fake.calls == [(fake.LK_LOCK, 0, 1)] * 3  # waited through two refusals
    assert fake.calls[-1] == (fake.LK_UNLCK, 0, 1)  # the same byte, given back


def test_another_windows_error_proceeds_without_a_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeMsvcrt(busy=0)

    def refuse(fd: int, mode: int, nbytes: int) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    fake.locking = refuse  # type: ignore[method-assign]
    windows = _windows_copy(monkeypatch, fake)
    with windows.opening_lock(tmp_path / "notes.sqlite3") as locked:
        assert locked is False
