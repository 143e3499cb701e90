"""Command line: the window by default, sub-commands for scripting.

Sub-commands never import Qt, so they work without a display.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from briefing_reader import __version__, paths
from briefing_reader.core.content import Library, meta_summary
from briefing_reader.session import open_library

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

Command = Callable[[argparse.Namespace, paths.Paths], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-reader",
        description="Offline reader for Tweede Kamer letters. Without a command, "
                    "opens the window.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help=f"keep notes, cache and settings here (env {paths.DATA_DIR_ENV})")
    parser.add_argument("--content-dir", metavar="DIR",
                        help="extra documents that replace bundled ones with the same id "
                             f"(env {paths.CONTENT_DIR_ENV})")
    parser.add_argument("--exit-after-render", action="store_true",
                        help="open the window, render the first document, exit (smoke test)")
    parser.add_argument("--open", metavar="DOC[#ANCHOR]", help="open the window at this place")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    docs = sub.add_parser("docs", help="list the documents")
    docs.add_argument("--json", action="store_true", help="print JSON")
    docs.set_defaults(func=cmd_docs)

    toc = sub.add_parser("toc", help="print a document's table of contents")
    toc.add_argument("doc", metavar="DOC")
    toc.add_argument("--json", action="store_true", help="print JSON")
    toc.set_defaults(func=cmd_toc)

    show = sub.add_parser("show", help="print a document or one place in it")
    show.add_argument("address", metavar="DOC[#ANCHOR]")
    fmt = show.add_mutually_exclusive_group()
    fmt.add_argument("--text", action="store_true", help="plain text (the default)")
    fmt.add_argument("--html", action="store_true", help="the HTML the reader shows")
    show.set_defaults(func=cmd_show)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    run_paths = paths.resolve(args.data_dir, args.content_dir)
    func: Command | None = getattr(args, "func", None)
    if func is None:
        from briefing_reader.app import run_gui  # Qt only when the window is wanted

        return run_gui(run_paths, open_address=args.open,
                       exit_after_render=args.exit_after_render)
    try:
        return func(args, run_paths)
    except BrokenPipeError:
        return EXIT_OK  # output piped into 'head' and the like


def _library(run_paths: paths.Paths) -> Library:
    library = open_library(run_paths)
    for error in library.errors:
        print(f"briefing-reader: skipped {error}", file=sys.stderr)
    return library


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _fail(message: str) -> int:
    print(f"briefing-reader: {message}", file=sys.stderr)
    return EXIT_ERROR


def cmd_docs(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    library = _library(run_paths)
    if args.json:
        _print_json([meta_summary(doc.meta) for doc in library])
        return EXIT_OK
    for doc in library:
        marker = "" if doc.meta.official else "  (samengesteld door Briefing Reader)"
        print(f"{doc.id:24} {doc.title}{marker}")
    return EXIT_OK


def cmd_toc(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    library = _library(run_paths)
    try:
        doc, node = library.find(args.doc)
    except KeyError as exc:
        return _fail(str(exc.args[0]))
    if args.json:
        _print_json(node.to_dict())
        return EXIT_OK
    for item in node.walk():
        if item.kind == "document":
            print(item.title)
            continue
        indent = "  " * (len(item.path()))
        print(f"{indent}{item.title}  [{item.kind} #{item.id}]")
    return EXIT_OK


def cmd_show(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    library = _library(run_paths)
    doc_id, _, anchor = args.address.partition("#")
    try:
        doc, node = library.find(doc_id, anchor or None)
    except KeyError as exc:
        return _fail(str(exc.args[0]))
    target = None if node.kind == "document" else node
    print(doc.html(target) if args.html else doc.text(target))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
