"""Features over a big library against an empty one: register, timeline,
cited by, pack, notes export, and the search scope's document chooser.

Usage (run from outside the checkout, like ``library.py``)::

    python benchmarks/features.py --work DIR [--sizes 0,10000] [--repeat 3]

``DIR`` holds the profiles ``lib-N`` that ``benchmarks/library.py --work DIR``
makes (any profile with a ``documents`` folder of imported letters will do;
a missing one is made with ``library.py``'s generator and a real import).
Before measuring, each profile is opened once, which catalogues it (the
first start after a catalogue schema change rebuilds the catalogue from the
files: that time is reported as "catalogue (re)built"), and one note is
put on an action of the bundled letter so the pack and the notes export
have something to print.

Then, alternating between the sizes ``--repeat`` times, the real program:
``toc`` of the letter (the floor: start, catalogue, one document),
``actions --json`` (the register), ``commitments --json`` (the timeline),
``citedby kst-32824-456 --json``, ``pack --actions actie-startbanen`` (a
PDF), ``notes export`` (Markdown); and in a fresh process with an offscreen
QApplication: opening the register view, the timeline view and the search
scope's document chooser (every document in a filterable list).

Each of them should cost about the same with 10,000 letters as with none:
they read the catalogue and parse only the letters they concern.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROGRAM = [sys.executable, "-m", "briefing_reader"]
LETTER = "kst-32824-456"
ACTION = "actie-startbanen"
COMMANDS = {
    "CLI floor (toc of the letter)": ["toc", LETTER],
    "register (actions --json)": ["actions", "--json"],
    "timeline (commitments --json)": ["commitments", "--json", "--today", "2026-01-01"],
    "cited by (citedby --json)": ["citedby", LETTER, "--json"],
    "pack of one action (PDF)": ["pack", "--actions", ACTION, "-o", "{out}/pack.pdf"],
    "notes export (Markdown)": ["notes", "export", "-o", "{out}/notes.md"],
}
VIEWS = ("register view", "timeline view", "scope chooser")


def run(profile: Path, args: list[str], out: Path) -> float:
    """Seconds one run of the real program takes (it must succeed)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    subprocess.run(
        [*PROGRAM, "--data-dir", str(profile), *(a.format(out=out) for a in args)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def prepare(work: Path, size: int) -> dict[str, float]:
    """Make (if missing) and open the profile once; one note on an action."""
    profile = work / f"lib-{size}"
    if not (profile / "documents").is_dir() and size:
        sys.path.insert(0, str(HERE))
        import library as generator  # benchmarks/library.py: the same letters

        letters = generator.write_letters(work / "letters", 0, size, generator.sentences())
        generator.populate(profile, letters)
    profile.mkdir(parents=True, exist_ok=True)
    from briefing_reader import paths
    from briefing_reader.core.notes import action_target, open_store
    from briefing_reader.session import open_library

    run_paths = paths.resolve(profile)
    started = time.perf_counter()
    library = open_library(run_paths)
    built = time.perf_counter() - started
    letter = library.get(LETTER)
    assert letter is not None
    with open_store(run_paths.notes_db, run_paths.backups) as store:
        store.update_action(action_target(letter, ACTION), stance="Kritisch", note="Navragen")
    return {"documents": len(library), "catalogue (re)built s": built}


def views(profile: Path) -> dict[str, float]:
    """In this process (called with --views): seconds to open each view."""
    import datetime as dt

    from PySide6.QtWidgets import QApplication

    from briefing_reader import paths
    from briefing_reader.core.notes import open_store
    from briefing_reader.session import open_library
    from briefing_reader.ui.register import ActionsRegisterView
    from briefing_reader.ui.search_panel import DocumentChooser
    from briefing_reader.ui.timeline import CommitmentsTimelineView

    app = QApplication.instance() or QApplication([])
    run_paths = paths.resolve(profile)
    library = open_library(run_paths)
    today = dt.date(2026, 1, 1)
    times: dict[str, float] = {}
    with open_store(run_paths.notes_db, run_paths.backups) as store:
        for name, make in (
            ("register view", lambda: ActionsRegisterView(library, store, today)),
            ("timeline view", lambda: CommitmentsTimelineView(library, store, today)),
            ("scope chooser", lambda: DocumentChooser(library)),
        ):
            started = time.perf_counter()
            widget = make()
            widget.show()
            app.processEvents()
            times[name] = time.perf_counter() - started
            widget.close()
            widget.deleteLater()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--sizes", default="0,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--views", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.views:
        print(json.dumps(views(args.views)))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    results: dict[int, dict[str, object]] = {}
    for size in sizes:
        results[size] = {"setup": prepare(args.work, size), "runs": {}}
        print(f"[{size}] {results[size]['setup']}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as out:
        for _ in range(args.repeat):  # alternating, so drift hits every size alike
            for size in sizes:
                profile = args.work / f"lib-{size}"
                runs = results[size]["runs"]
                assert isinstance(runs, dict)
                for name, command in COMMANDS.items():
                    runs.setdefault(name, []).append(run(profile, command, Path(out)))
                shown = subprocess.run(
                    [sys.executable, __file__, "--work", str(args.work), "--views", str(profile)],
                    env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                    check=True,
                    capture_output=True,
                    text=True,
                )
                for name, seconds in json.loads(shown.stdout.splitlines()[-1]).items():
                    runs.setdefault(name, []).append(seconds)
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
        return 0
    print(f"{'median ms':34}" + "".join(f"{s:>12,}" for s in sizes) + f"{'ratio':>9}")
    for name in [*COMMANDS, *VIEWS]:
        row = [statistics.median(results[s]["runs"][name]) * 1000 for s in sizes]  # type: ignore[index]
        ratio = row[-1] / row[0] if row[0] else float("nan")
        print(f"{name:34}" + "".join(f"{v:12.0f}" for v in row) + f"{ratio:8.2f}x")
    for key in ("documents", "catalogue (re)built s"):
        print(f"{key:34}" + "".join(f"{results[s]['setup'][key]:12.1f}" for s in sizes))  # type: ignore[index]
    return 0


if __name__ == "__main__":
    sys.exit(main())
