"""Nothing in the program relies on POSIX where Windows users run it.

Read from the source (AST), so it holds on the platform the tests run on:
- a POSIX-only module (``fcntl``, ``pwd``, ...) or a Windows-only one
  (``msvcrt``, ...) is imported only under a guard: ``try``/``except
  ImportError``, or ``if sys.platform ...`` / ``os.name`` / ``hasattr``;
- an ``os`` or ``signal`` name that Windows lacks (``os.getuid``,
  ``os.fchmod``, ``os.O_NOFOLLOW``, ``signal.SIGKILL``, ...) is used only under
  such a platform guard (``getattr(os, "O_NOFOLLOW", 0)`` is fine);
- no ``rename``: on Windows it fails when the target exists; ``os.replace``
  (``Path.replace``) replaces on every platform;
- ``chmod`` (which on Windows only sets read-only), ``os.link`` and
  ``os.symlink`` (absent on some file systems, a privilege on Windows) only
  where an ``OSError`` is caught or suppressed.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "briefing_reader"

PLATFORM_MODULES = {
    # POSIX only
    "fcntl", "pwd", "grp", "termios", "resource", "posix", "tty", "pty", "syslog",
    "crypt", "spwd", "nis", "_posixsubprocess",
    # Windows only
    "msvcrt", "winreg", "winsound", "_winapi",
}  # fmt: skip
POSIX_NAMES = {
    "os": {
        "fork", "forkpty", "getuid", "geteuid", "getgid", "getegid", "getgroups", "setuid",
        "setgid", "setsid", "setpgid", "getpgid", "killpg", "chown", "lchown", "fchown",
        "fchmod", "lchmod", "mkfifo", "mknod", "statvfs", "fstatvfs", "getloadavg", "nice",
        "sync", "uname", "wait3", "wait4", "sysconf", "pathconf", "fpathconf", "openpty",
        "ttyname", "ctermid", "O_NOFOLLOW", "O_DIRECTORY", "O_CLOEXEC", "O_NOCTTY",
        "O_NONBLOCK", "O_SYNC", "O_DSYNC", "WNOHANG",
    },
    "signal": {
        "SIGKILL", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD", "SIGPIPE",
        "SIGQUIT", "SIGSTOP", "SIGCONT", "SIGTSTP", "alarm", "pause", "setitimer",
    },
}  # fmt: skip
TOLERANT_CALLS = {"chmod", "lchmod", "fchmod", "link", "symlink", "symlink_to", "hardlink_to"}
PLATFORM_TESTS = ("sys.platform", "os.name", "platform.system", "hasattr(")
IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}
OS_ERRORS = {"OSError", "PermissionError", "NotImplementedError", "Exception", "BaseException"}


def problems(source: str, name: str = "<source>") -> list[str]:
    """Every unguarded reliance on one platform in ``source``, as 'name:line: what'."""
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        for what, needs in _reliance(node):
            if not _guarded(node, parents, needs):
                found.append((node.lineno, f"{name}:{node.lineno}: {what}"))
    return [problem for _line, problem in sorted(found)]


def _reliance(node: ast.AST) -> Iterator[tuple[str, set[str]]]:
    """What ``node`` relies on, and which caught exceptions would make it safe."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name.split(".")[0] in PLATFORM_MODULES:
                yield f"import {alias.name} (one platform only)", IMPORT_ERRORS
    elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        if node.module.split(".")[0] in PLATFORM_MODULES:
            yield f"from {node.module} import ... (one platform only)", IMPORT_ERRORS
        for alias in node.names:
            if alias.name in POSIX_NAMES.get(node.module, ()):
                yield f"from {node.module} import {alias.name} (not on Windows)", set()
    elif (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.attr in POSIX_NAMES.get(node.value.id, ())
    ):
        yield f"{node.value.id}.{node.attr} (not on Windows)", {"AttributeError"}
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr == "rename":
            yield "rename (fails on Windows when the target exists: use replace)", set()
        elif node.func.attr in TOLERANT_CALLS:
            yield f"{node.func.attr} without catching OSError", OS_ERRORS


def _guarded(node: ast.AST, parents: dict[ast.AST, ast.AST], catches: set[str]) -> bool:
    child, parent = node, parents.get(node)
    while parent is not None:
        if _guards(parent, child, catches):
            return True
        child, parent = parent, parents.get(parent)
    return False


def _guards(parent: ast.AST, child: ast.AST, catches: set[str]) -> bool:
    """``parent`` tests the platform around ``child``, or catches one of ``catches``."""
    if isinstance(parent, ast.If | ast.IfExp) and child is not parent.test:
        return any(test in ast.unparse(parent.test) for test in PLATFORM_TESTS)
    if isinstance(parent, ast.Try | ast.TryStar) and child in parent.body:
        return any(_caught(handler.type) & catches for handler in parent.handlers)
    if isinstance(parent, ast.With | ast.AsyncWith):
        calls = [item.context_expr for item in parent.items]
        return any(
            isinstance(call, ast.Call)
            and ast.unparse(call.func).endswith("suppress")
            and any(_caught(arg) & catches for arg in call.args)
            for call in calls
        )
    return False


def _caught(expression: ast.expr | None) -> set[str]:
    if expression is None:  # a bare except
        return {"BaseException"} | IMPORT_ERRORS | OS_ERRORS
    if isinstance(expression, ast.Tuple):
        return set().union(*(_caught(item) for item in expression.elts))
    return {ast.unparse(expression).split(".")[-1]}


def test_no_module_relies_on_one_platform_unguarded() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 100
    found = []
    for path in modules:
        name = str(path.relative_to(PACKAGE.parent))
        found += problems(path.read_text(encoding="utf-8"), name)
    assert found == []


def test_the_check_finds_what_it_should() -> None:
    bad = """
import fcntl
from pwd import getpwnam
import os, signal
os.rename(a, b)
path.rename(b)
os.chmod(p, 0o600)
uid = os.getuid()
signal.signal(signal.SIGHUP, handler)
def later():
    import termios
try:
    import grp
except ValueError:
    pass
try:
    os.symlink(a, b)
except FileExistsError:
    pass
"""
    assert [line.split(":")[1] for line in problems(bad)] == [
        "2", "3", "5", "6", "7", "8", "9", "11", "13", "17",
    ]  # fmt: skip


def test_the_check_accepts_guarded_code() -> None:
    good = """
import contextlib, os, sys
try:
    import fcntl
except ImportError:
    fcntl = None
if sys.platform == "win32":
    import msvcrt
else:
    from fcntl import flock
if os.name == "posix":
    uid = os.getuid()
flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
if hasattr(os, "fchmod"):
    os.fchmod(fd, 0o600)
os.replace(a, b)
try:
    os.chmod(p, 0o600)
except OSError:
    pass
with contextlib.suppress(PermissionError, FileNotFoundError):
    path.chmod(0o600)
try:
    os.link(a, b)
except (FileExistsError, OSError):
    pass
"""
    assert problems(good) == []
