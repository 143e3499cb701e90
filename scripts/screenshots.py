"""Regenerate the README screenshots from the real window under Xvfb.

    python scripts/screenshots.py [--out docs/screenshots]

Needs Debian's xvfb and imagemagick (``import``). Starts a private X
server, runs the app in a throw-away profile with a few notes, and
photographs the window in Dutch, light and dark, and in English.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DISPLAY = ":91"
SHOTS = (  # file name, language, theme, place to open
    ("reader-nl.png", "nl_NL.UTF-8", "light", "kst-32824-456#actie-asielzoekers-aan-het-werk"),
    ("reader-nl-dark.png", "nl_NL.UTF-8", "dark", "kst-32824-456#actie-asielzoekers-aan-het-werk"),
    ("reader-en.png", "en_GB.UTF-8", "light", "kst-32824-456#s-2-4"),
)

SHOOTER = """
import subprocess, sys
from PySide6.QtCore import QTimer
from briefing_reader import paths
from briefing_reader.app import build_window, create_app
from briefing_reader.ui import i18n
app = create_app()
keep = i18n.install(app, i18n.choose_language())
window = build_window(paths.resolve())
window.resize(1400, 860)
window.move(0, 0)
window.show()
app.processEvents()
window.restore_place(sys.argv[2])
def shoot():
    subprocess.run(["import", "-window", "root", "-crop", "1400x860+0+0", sys.argv[1]], check=True)
    app.quit()
QTimer.singleShot(1200, shoot)
app.exec()
"""


def run(*args: str, env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "briefing_reader", *args],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def seed(env: dict[str, str]) -> None:
    """A few notes so the pictures show what the app is for."""
    run(
        "notes",
        "set-action",
        "actie-asielzoekers-aan-het-werk",
        "--stance",
        "Kritisch",
        "--priority",
        "hoog",
        "--note",
        "Hoe verhoudt dit zich tot **de spreidingswet**?",
        "--question",
        "Wanneer komt de uitgewerkte aanpak naar de Kamer?",
        "--question",
        "Wie betaalt de begeleiding door werkgevers?",
        env=env,
    )
    run(
        "notes", "set-action", "actie-taaleis-in-de-bijstand", "--stance", "Vragen stellen", env=env
    )
    run(
        "notes",
        "highlight",
        "kst-32824-456",
        "--quote",
        "van 1.840 in 2023 naar ca. 10.880 vorig jaar",
        "--note",
        "Zes keer zo veel",
        env=env,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    for tool in ("Xvfb", "import"):
        if shutil.which(tool) is None:
            print(f"needs {tool} (apt-get install xvfb imagemagick)", file=sys.stderr)
            return 1
    args.out.mkdir(parents=True, exist_ok=True)
    server = subprocess.Popen(
        ["Xvfb", DISPLAY, "-screen", "0", "1400x860x24"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for name, locale, theme, place in SHOTS:
            with tempfile.TemporaryDirectory() as profile:
                env = {
                    **os.environ,
                    "DISPLAY": DISPLAY,
                    "LANG": locale,
                    "LC_ALL": locale,
                    "BRIEFING_READER_DATA_DIR": profile,
                    "QT_QPA_PLATFORM": "xcb",
                }
                env.pop("LANGUAGE", None)
                seed(env)
                config = Path(profile) / "config"
                config.mkdir(parents=True, exist_ok=True)
                (config / "ui.ini").write_text(
                    f"[ui]\ntheme={theme}\nwelcomed=true\n", encoding="utf-8"
                )
                subprocess.run(
                    [sys.executable, "-c", SHOOTER, str(args.out / name), place],
                    env=env,
                    check=True,
                    stderr=subprocess.DEVNULL,
                )
                print(args.out / name)
    finally:
        server.terminate()
        server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
