"""The layer contracts (pyproject's [tool.importlinter]) hold, and they bite.

import-linter follows every import, also the lazy ones inside functions and
those under ``TYPE_CHECKING``, and indirect chains (core -> x -> ui).
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# lint-imports through its own entry point, with the interpreter running the tests
LINT = "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"


def lint_imports(config: Path, cwd: Path, extra_path: Path | None = None) -> tuple[int, str]:
    env = None
    if extra_path is not None:
        import os

        env = {**os.environ, "PYTHONPATH": str(extra_path)}
    result = subprocess.run(
        [sys.executable, "-c", LINT, str(config), "--no-cache", "--no-logo"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


def test_the_layer_contracts_are_kept() -> None:
    code, output = lint_imports(REPO / "pyproject.toml", REPO)
    assert code == 0, output
    assert "3 kept, 0 broken" in output, output


def test_each_contract_catches_a_leak(tmp_path: Path) -> None:
    """Our own contracts, pointed at a copy of our layout with one leak per contract."""
    settings = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    config = _renamed(settings["tool"]["importlinter"], "briefing_reader", "leaky")
    assert isinstance(config, dict)
    (tmp_path / "contracts.toml").write_text(_toml(config), encoding="utf-8")
    package = tmp_path / "src" / "leaky"
    # every module a contract names must exist (import-linter checks that too)
    named = {m for c in config["contracts"] for key in c if key.endswith("modules") for m in c[key]}
    files = {f"{m[len('leaky.') :].replace('.', '/')}/__init__.py": "" for m in named if "." in m}
    files |= {
        "__init__.py": "",
        "ui/style.py": "",
        "ui/window.py": "def run():\n    from leaky.commands import x\n",
        "printing/__init__.py": "",
        "printing/layout.py": "from leaky.ui.style import css\n",
        "core/__init__.py": "",
        "core/store.py": "def load():\n    from leaky.session import open_library\n",
        "core/draw.py": "import PySide6.QtGui\n",
    }
    for name, text in files.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(text, encoding="utf-8")

    code, output = lint_imports(tmp_path / "contracts.toml", tmp_path, tmp_path / "src")

    assert code == 1, output
    assert "0 kept, 3 broken" in output, output
    for leak in (
        "leaky.core.store -> leaky.session",  # a lazy import inside a function
        "leaky.core.draw -> PySide6",
        "leaky.printing.layout -> leaky.ui.style",
        "leaky.ui.window -> leaky.commands",
    ):
        assert leak in output, output


def _renamed(value: object, old: str, new: str) -> object:
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, list):
        return [_renamed(item, old, new) for item in value]
    if isinstance(value, dict):
        return {key: _renamed(item, old, new) for key, item in value.items()}
    return value


def _toml(config: object) -> str:
    """Just enough TOML for import-linter's settings (strings, booleans, lists)."""
    assert isinstance(config, dict)
    lines = ["[tool.importlinter]"]
    lines += [f"{key} = {_value(value)}" for key, value in config.items() if key != "contracts"]
    for contract in config["contracts"]:
        lines.append("[[tool.importlinter.contracts]]")
        lines += [f"{key} = {_value(value)}" for key, value in contract.items()]
    return "\n".join(lines) + "\n"


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    assert isinstance(value, str)
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
