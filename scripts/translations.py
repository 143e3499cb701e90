"""Keep the Qt translation catalogues in step with the code.

    python scripts/translations.py update   # lupdate: collect tr() strings into the .ts files
    python scripts/translations.py build    # lrelease: compile .ts to the .qm files we ship

Translators edit ``resources/translations/*.ts`` (Qt Linguist works well);
``tests/ui/test_translations.py`` fails when a string lacks a translation
or a .qm file is older than its .ts.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("nl",)


def sources() -> list[str]:
    """Every Python file of the program: the window's tr() strings and the core's
    messages (marked with QT_TRANSLATE_NOOP in ``core/messages.py``)."""
    package = ROOT / "briefing_reader"
    return [str(path.relative_to(ROOT)) for path in sorted(package.rglob("*.py"))]


def ts_file(language: str) -> Path:
    return TS_DIR / f"briefing_reader_{language}.ts"


def tool(name: str) -> str:
    return str(Path(sys.executable).parent / f"pyside6-{name}")


def update(target: Path | None = None, language: str = "nl") -> Path:
    """Run lupdate; into ``target`` when given (for checks), else in place."""
    out = target or ts_file(language)
    if target is not None and ts_file(language).exists():
        out.write_bytes(ts_file(language).read_bytes())
    subprocess.run(
        [
            tool("lupdate"),
            *sources(),
            "-ts",
            str(out),
            "-no-obsolete",
            "-locations",
            "none",
            "-silent",
        ],
        cwd=ROOT,
        check=True,
    )
    return out


def build(language: str = "nl", target: Path | None = None) -> Path:
    out = target or ts_file(language).with_suffix(".qm")
    subprocess.run(
        [tool("lrelease"), "-silent", str(ts_file(language)), "-qm", str(out)], cwd=ROOT, check=True
    )
    return out


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command not in ("update", "build"):
        print(__doc__)
        return 2
    for language in LANGUAGES:
        print(update(language=language) if command == "update" else build(language))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
