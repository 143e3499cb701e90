#!/usr/bin/env python3
"""Build the one-folder app with PyInstaller, then check the frozen program.

    python packaging/build.py [--dist DIR] [--work DIR] [--skip-build]

Builds ``DIR/briefing-reader/`` from ``packaging/briefing-reader.spec``, adds
the Linux desktop integration files (``share/``) on Linux, then runs the
frozen program's ``--self-test`` and ``--exit-when-ready`` (the window with
notes and search, offscreen when there is no display) in temporary folders. Prints the size of
the folder and how long each step took. Exits 1 when the build or a check
fails, 2 when PyInstaller is not installed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "briefing-reader.spec"
NAME = "briefing-reader"
APP_ID = "nl.briefingreader.BriefingReader"
CHECK_TIMEOUT = 300  # seconds; a first start on a cold disk can be slow


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--dist",
        type=Path,
        default=ROOT / "dist",
        help="where the app folder goes (default: dist/)",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=None,
        help="PyInstaller's work folder (default: a temporary one)",
    )
    parser.add_argument(
        "--skip-build", action="store_true", help="only check an app already built in --dist"
    )
    parser.add_argument(
        "--no-window", action="store_true", help="skip the --exit-when-ready check of the window"
    )
    return parser.parse_args(argv)


def build(dist: Path, work: Path) -> float:
    """Run PyInstaller; returns seconds taken. Raises CalledProcessError."""
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )
    return time.perf_counter() - start


def add_linux_files(app_dir: Path) -> None:
    """share/applications, share/metainfo and the icon, laid out as under /usr."""
    share = app_dir / "share"
    places = {
        HERE / "linux" / f"{APP_ID}.desktop": share / "applications",
        HERE / "linux" / f"{APP_ID}.metainfo.xml": share / "metainfo",
    }
    for source, folder in places.items():
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, folder / source.name)
    icons = share / "icons" / "hicolor" / "scalable" / "apps"
    icons.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "resources" / "icons" / "briefing-reader.svg", icons / f"{APP_ID}.svg")


def folder_size(folder: Path) -> tuple[int, int, list[tuple[int, str]]]:
    """Total bytes, number of files, and the largest files (bytes, relative path)."""
    sizes = [
        (path.stat().st_size, str(path.relative_to(folder)))
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    ]
    return sum(size for size, _ in sizes), len(sizes), sorted(sizes, reverse=True)[:8]


def run_check(label: str, command: list[str], data_dir: Path | None = None) -> tuple[bool, float]:
    """Run the frozen program; print its output; returns (passed, seconds)."""
    env = {
        key: value for key, value in os.environ.items() if not key.startswith("BRIEFING_READER_")
    }
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")) and sys.platform == "linux":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if data_dir is not None:
        env["BRIEFING_READER_DATA_DIR"] = str(data_dir)
    print(f"--- {label}: {' '.join(command)}", flush=True)
    start = time.perf_counter()
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=CHECK_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        print(f"{label}: no answer after {CHECK_TIMEOUT} s", flush=True)
        return False, time.perf_counter() - start
    seconds = time.perf_counter() - start
    sys.stdout.write(result.stdout)
    if result.stderr.strip():
        sys.stdout.write("".join(f"  stderr: {line}\n" for line in result.stderr.splitlines()))
    if result.returncode != 0:
        print(f"{label}: exit code {result.returncode}", flush=True)
    return result.returncode == 0, seconds


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    dist = args.dist.resolve()
    app_dir = dist / NAME
    program = app_dir / (f"{NAME}.exe" if sys.platform == "win32" else NAME)
    build_seconds = 0.0
    if not args.skip_build:
        try:
            import PyInstaller  # noqa: F401
        except ImportError:
            print(
                "build.py: PyInstaller is not installed: pip install pyinstaller", file=sys.stderr
            )
            return 2
        with tempfile.TemporaryDirectory(prefix=f"{NAME}-build-") as temp:
            work = args.work.resolve() if args.work else Path(temp)
            try:
                build_seconds = build(dist, work)
            except subprocess.CalledProcessError as exc:
                print(f"build.py: PyInstaller failed (exit code {exc.returncode})", file=sys.stderr)
                return 1
        if sys.platform == "linux":
            add_linux_files(app_dir)
    if not program.is_file():
        print(f"build.py: {program} does not exist (build first)", file=sys.stderr)
        return 1
    total, files, largest = folder_size(app_dir)
    print(f"--- {app_dir}: {total / 2**20:.1f} MB in {files} files; largest:")
    for size, name in largest:
        print(f"  {size / 2**20:6.1f} MB  {name}")
    passed, test_seconds = run_check("self-test", [str(program), "--self-test"])
    window_seconds = 0.0
    if not args.no_window:
        with tempfile.TemporaryDirectory(prefix=f"{NAME}-window-") as temp:
            window_ok, window_seconds = run_check(
                "window", [str(program), "--exit-when-ready"], Path(temp) / "profile"
            )
        passed = passed and window_ok
    built = f"built in {build_seconds:.0f} s, " if build_seconds else ""
    window = f", window {window_seconds:.1f} s" if not args.no_window else ""
    verdict = "passed" if passed else "FAILED"
    print(
        f"=== {app_dir}: {total / 2**20:.1f} MB, {files} files; {built}"
        f"self-test {test_seconds:.1f} s{window}: {verdict}",
        flush=True,
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
