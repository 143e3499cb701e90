"""Command line: the window by default, sub-commands for scripting.

Sub-commands live in :mod:`briefing_reader.commands`, one module per
feature; none imports Qt, so they work without a display.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from briefing_reader import __version__, paths


def _feature_modules() -> list[str]:
    """Every module in briefing_reader.commands: documents first, then by name."""
    import pkgutil

    from briefing_reader import commands

    names = (info.name for info in pkgutil.iter_modules(commands.__path__))
    return sorted(names, key=lambda name: (name != "content", name))


SELF_CONTAINED = frozenset({"search"})
"""Commands registered whole by the module of their name (``notes`` is not:
``printing`` adds ``notes export``), so a run of one imports only that module."""


def _own_module(rest: list[str]) -> list[str] | None:
    """The one command module to import for a self-contained command, else None (all)."""
    name = next((arg for arg in rest if not arg.startswith("-")), None)
    return [name] if name in SELF_CONTAINED else None


def build_parser(
    with_commands: bool = True, modules: list[str] | None = None
) -> argparse.ArgumentParser:
    """The command line; without ``with_commands``, only the global options;
    ``modules``: only these command modules (default: all)."""
    parser = argparse.ArgumentParser(
        prog="briefing-reader",
        add_help=with_commands,
        description="Offline reader for Tweede Kamer letters. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"keep notes, cache and settings here (env {paths.DATA_DIR_ENV})",
    )
    parser.add_argument(
        "--content-dir",
        metavar="DIR",
        help="extra documents that replace bundled ones with the same id "
        f"(env {paths.CONTENT_DIR_ENV})",
    )
    parser.add_argument(
        "--exit-after-render",
        action="store_true",
        help="open the window, paint the first document, exit (smoke test)",
    )
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="open the window, the notes and the search index, exit (smoke test)",
    )
    parser.add_argument("--open", metavar="DOC[#ANCHOR]", help="open the window at this place")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (content, search, rendering, printing) "
        "in a temporary folder, print what was checked, exit",
    )
    if not with_commands:
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules or _feature_modules():
        importlib.import_module(f"briefing_reader.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Only global options: the window. Command modules are not even imported,
    # which keeps start-up short.
    args, rest = build_parser(with_commands=False).parse_known_args(argv)
    if rest:
        # Only the module of the command asked for, when it has one of its
        # name: importing every command module cost a CLI search ~0.1 s.
        args = build_parser(modules=_own_module(rest)).parse_args(argv)
    if args.self_test:
        from briefing_reader.selftest import run_self_test

        return run_self_test()
    run_paths = paths.resolve(args.data_dir, args.content_dir)
    func = getattr(args, "func", None)
    if func is None:
        from briefing_reader.app import run_gui  # Qt only when the window is wanted

        return run_gui(
            run_paths,
            open_address=args.open,
            exit_after_render=args.exit_after_render,
            exit_when_ready=args.exit_when_ready,
        )
    from briefing_reader import language

    language.use(run_paths.config)  # messages in the window's language (or the system's)
    try:
        code: int = func(args, run_paths)
    except BrokenPipeError:
        code = 0  # output piped into 'head' and the like
    return code


if __name__ == "__main__":
    sys.exit(main())
