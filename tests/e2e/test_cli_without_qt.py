"""CLI commands run without loading Qt (the real program, in a subprocess)."""

import subprocess
import sys


def test_cli_commands_run_without_loading_qt() -> None:
    code = (
        "import sys; from briefing_reader.cli import main; "
        "main(['docs', '--json']); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
