"""The core must stay importable and usable without Qt (house style, practice 1)."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "briefing_reader" / "core"


def test_no_core_module_imports_qt() -> None:
    offenders = []
    modules = list(CORE.rglob("*.py"))
    assert len(modules) >= 5
    for path in modules:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {n}"
                for n in names
                if n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6")
            ]
    assert offenders == []
