"""``notes author`` and ``notes sync``: sharing notes through a team folder.

``notes sync --folder DIR`` does one round of what the window does live:
publish my notes to ``DIR/<my creator uuid>.jsonld`` and read every
colleague's file there (see :mod:`briefing_reader.core.notes.team_folder`),
then print the counts (``--json`` for a machine). A folder that is offline is
no error: the round says so and exits 0.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing_reader import paths
from briefing_reader.commands import EXIT_OK, load_library, print_json
from briefing_reader.commands.notes import SubParsers, notes_subcommands, with_store
from briefing_reader.core.messages import message
from briefing_reader.core.notes import NotesStore
from briefing_reader.language import words


def register(sub: SubParsers) -> None:
    notes = notes_subcommands(sub)
    author = notes.add_parser("author", help="set the name written on your notes")
    author.add_argument("name", metavar="NAME")
    author.set_defaults(func=cmd_author)

    sync = notes.add_parser(
        "sync", help="publish your notes to a team folder and read your colleagues' notes there"
    )
    sync.add_argument(
        "--folder",
        required=True,
        metavar="DIR",
        help="the shared folder (kept in step by a sync engine)",
    )
    sync.add_argument("--json", action="store_true", help="print the counts as JSON")
    sync.set_defaults(func=cmd_sync)


def cmd_author(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    def work(store: NotesStore) -> int:
        print(store.set_author(args.name), flush=True)
        return EXIT_OK

    return with_store(run_paths, work)


def cmd_sync(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    from briefing_reader.core.notes import team_folder

    library = load_library(run_paths)

    def work(store: NotesStore) -> int:
        report = team_folder.sync(store, Path(args.folder), library)
        if args.json:
            print_json(report.to_json())
        else:
            print(words(report.message()), flush=True)
            for reason in report.skipped:
                print(f"briefing-reader: {words(message('cli.skipped', error=reason))}")
        return EXIT_OK

    return with_store(run_paths, work, library)
