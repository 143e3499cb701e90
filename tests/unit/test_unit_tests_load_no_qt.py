"""Unit tests stay Qt-free and in-process: the layers of tests/ (unit, ui, e2e) kept apart.

Two checks, since neither sees everything: collecting tests/unit in a fresh
interpreter shows every module-level import, however indirect; reading the test
files sees imports inside test functions, followed through our own modules.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
UNIT = REPO / "tests" / "unit"
QT = ("PySide6", "shiboken6", "pytestqt")


def _qt_loaded_by_collecting(folder: Path) -> tuple[int, list[str]]:
    """Exit code of collecting ``folder`` and the Qt modules loaded by it (pytest-qt
    off: it loads Qt itself; its ini keys are then unknown, which is no news)."""
    args = [str(folder), "--collect-only", "-q", "-p", "no:pytest-qt", "-p", "no:cacheprovider"]
    args += ["-W", "ignore::pytest.PytestConfigWarning"]
    code = (
        "import json, sys, pytest\n"
        f"code = pytest.main({args!r})\n"
        f"qt = sorted(m for m in sys.modules if m.split('.')[0] in {QT!r})\n"
        "print(json.dumps([int(code), qt]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    exit_code, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    return exit_code, loaded


def _imports(tree: ast.AST, *, top_level_only: bool) -> set[str]:
    nodes = tree.body if top_level_only and isinstance(tree, ast.Module) else ast.walk(tree)
    names: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def _source_of(module: str) -> Path | None:
    base = REPO.joinpath(*module.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


_LOADS_QT: dict[str, bool] = {}


def _loads_qt(module: str) -> bool:
    """Does importing this module of ours load Qt (through its module-level imports)?"""
    if module.split(".")[0] in QT:
        return True
    path = _source_of(module) if module.startswith("briefing_reader") else None
    if path is None:  # not ours, or a name imported from a module rather than a module
        return False
    if module not in _LOADS_QT:
        _LOADS_QT[module] = False  # while we look: an import cycle adds nothing
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {module.rsplit(".", n)[0] for n in range(1, module.count(".") + 1)}
        names = _imports(tree, top_level_only=True) | parents
        _LOADS_QT[module] = any(_loads_qt(name) for name in names)
    return _LOADS_QT[module]


def _qt_imports_in(folder: Path) -> dict[str, list[str]]:
    """File (relative to ``folder``) -> the imports in it that load Qt."""
    found = {}
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [name for name in sorted(_imports(tree, top_level_only=False)) if _loads_qt(name)]
        names = [name for name in names if not any(name.startswith(f"{n}.") for n in names)]
        if names and path != Path(__file__):
            found[str(path.relative_to(folder))] = names
    return found


def test_collecting_the_unit_tests_loads_no_qt() -> None:
    code, loaded = _qt_loaded_by_collecting(UNIT)
    assert code == 0
    assert loaded == []


def test_no_unit_test_imports_qt_even_inside_a_test() -> None:
    assert _qt_imports_in(UNIT) == {}


def test_no_unit_test_runs_the_program() -> None:
    """The real program as a subprocess is an end-to-end test (tests/e2e); calling
    ``cli.main`` in the test's own process is not."""
    program = re.compile(
        r"""["']-m["'],\s*["']briefing_reader["']|which\(\s*["']briefing-reader["']"""
    )
    runs = [
        str(path.relative_to(REPO))
        for path in sorted(UNIT.rglob("*.py"))
        if path != Path(__file__) and program.search(path.read_text(encoding="utf-8"))
    ]
    assert runs == []


def test_the_checks_see_qt_directly_indirectly_and_inside_a_test(tmp_path: Path) -> None:
    (tmp_path / "test_direct.py").write_text("from PySide6.QtCore import QUrl\n")
    (tmp_path / "test_indirect.py").write_text("from briefing_reader.printing import layout\n")
    (tmp_path / "test_lazy.py").write_text(
        "def test_x() -> None:\n    from briefing_reader.ui.main_window import MainWindow\n"
    )
    code, loaded = _qt_loaded_by_collecting(tmp_path)
    assert code == 0 and "PySide6.QtCore" in loaded and "PySide6.QtGui" in loaded
    assert _qt_imports_in(tmp_path) == {
        "test_direct.py": ["PySide6.QtCore"],
        "test_indirect.py": ["briefing_reader.printing.layout"],
        "test_lazy.py": ["briefing_reader.ui.main_window"],
    }
