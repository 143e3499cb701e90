"""``briefing-reader --self-test`` of the installed program (packaging/build.py runs
the same on the frozen one)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

#: The ``run`` fixture of tests/e2e/conftest.py.
Runner = Callable[..., subprocess.CompletedProcess[str]]

CHECKS = ("content", "notes", "search", "qt", "translations", "render", "print", "pdf-import")


def _checks(stdout: str, status: str) -> dict[str, str]:
    """{check name: detail} of the lines with this status ("ok" or "FAIL")."""
    found = {}
    for line in stdout.splitlines():
        matched = re.match(rf"^{status}\s+(\w[\w-]*): (.*)$", line)
        if matched:
            found[matched.group(1)] = matched.group(2)
    return found


def test_every_check_passes_and_says_what_it_checked(run: Runner) -> None:
    result = run("--self-test", timeout=120)
    passed = _checks(result.stdout, "ok")
    assert tuple(passed) == CHECKS, result.stdout
    assert _checks(result.stdout, "FAIL") == {}
    assert "kst-32824-456 with 20 actions" in passed["content"]
    assert re.search(r"'statushouder' -> \d+ hits \(statushouders\) in \d+ ms", passed["search"])
    assert "platform 'offscreen'" in passed["qt"]
    assert re.search(r"briefing_reader_nl\.qm loaded, \d+ strings checked", passed["translations"])
    assert re.search(r"kst-32824-456#[\w-]+: \d+ pages?, \d+ KB", passed["print"])
    assert re.search(r"self-test\.pdf: \d+ characters of markdown", passed["pdf-import"])
    lines = result.stdout.splitlines()
    assert lines[0].startswith("briefing-reader ") and "(installed," in lines[0]
    assert lines[-1].startswith(f"self-test passed: {len(CHECKS)} checks in ")


def test_it_leaves_the_profile_alone(run: Runner, tmp_path: Path) -> None:
    # The runner points the data dir at tmp_path/profile, and the suite points
    # XDG_*_HOME into tmp_path: the self-test must use neither.
    run("--self-test", timeout=120)
    assert not (tmp_path / "profile").exists()
    assert not any(tmp_path.glob("xdg-*/briefing-reader"))


def test_a_failed_check_is_named_and_the_exit_code_is_1(tmp_path: Path) -> None:
    # A frozen build that left Whoosh out: search fails, the rest still runs.
    code = (
        "import sys; sys.modules['whoosh'] = None\n"
        "from briefing_reader.selftest import run_self_test\n"
        "sys.exit(run_self_test())"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    failed = _checks(result.stdout, "FAIL")
    assert list(failed) == ["search"]
    assert "whoosh" in failed["search"]
    assert {"content", "render", "print"} <= set(_checks(result.stdout, "ok"))
    assert result.stdout.splitlines()[-1].startswith(
        f"self-test FAILED: search (1 of {len(CHECKS)} checks"
    )
