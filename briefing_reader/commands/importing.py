"""``import`` and ``remove``: bring letters into the library, take imports out."""

from __future__ import annotations

import argparse
import sys

from briefing_reader import paths
from briefing_reader.commands import EXIT_ERROR, EXIT_OK, fail, load_library, print_json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    imp = sub.add_parser("import", help="import letters (.docx, .pdf, officiele-publicatie "
                                        ".xml/.html, OpenTK .txt export, .md, .txt)")
    imp.add_argument("files", metavar="FILE", nargs="+")
    imp.add_argument("--json", action="store_true", help="print JSON")
    imp.set_defaults(func=cmd_import)

    rem = sub.add_parser("remove", help="remove an imported document (its notes are kept)")
    rem.add_argument("doc", metavar="DOC_ID")
    rem.add_argument("--json", action="store_true", help="print JSON")
    rem.set_defaults(func=cmd_remove)


def cmd_import(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    from briefing_reader.core.importing import FAILED, import_files

    report = import_files(run_paths, args.files, library=load_library(run_paths))
    if report.changed:
        _reanchor(run_paths)
    if args.json:
        print_json(report.to_json())
    else:
        for result in report.results:
            print(f"{result.status:10} {result.message()}")
            for warning in result.warnings:
                print(f"{'':10}   note: {warning}")
    return EXIT_ERROR if report.by_status(FAILED) else EXIT_OK


def cmd_remove(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    from briefing_reader.core.importing import ImportFailed, remove_document

    try:
        result = remove_document(run_paths, args.doc, library=load_library(run_paths))
    except ImportFailed as exc:
        return fail(str(exc))
    _reanchor(run_paths)
    if args.json:
        print_json(result.to_json())
    else:
        print(f"removed    {result.doc_id} '{result.title}' (its notes are kept)")
        if result.reverted_to_bundled:
            print(f"{'':10} the bundled version of {result.doc_id} is shown again")
    return EXIT_OK


def _reanchor(run_paths: paths.Paths) -> None:
    """Move notes along to new versions, as the window does at start-up."""
    if not run_paths.notes_db.exists():
        return  # no notes yet: nothing to move
    from briefing_reader.core.notes import NotesError, open_store, reanchor_library
    from briefing_reader.session import open_library

    try:
        store = open_store(run_paths.notes_db, run_paths.backups)
    except NotesError as exc:
        print(f"briefing-reader: notes not re-anchored: {exc}", file=sys.stderr)
        return
    try:
        report = reanchor_library(store, open_library(run_paths), run_paths.versions)
        for problem in report.problems:
            print(f"briefing-reader: {problem}", file=sys.stderr)
        if report.to_review:
            print(f"briefing-reader: {report.to_review} note(s) moved to a new version need "
                  "checking (see 'briefing-reader notes review')", file=sys.stderr)
    except NotesError as exc:
        print(f"briefing-reader: notes not re-anchored: {exc}", file=sys.stderr)
    finally:
        try:
            store.close()
        except NotesError as exc:  # pragma: no cover - a failed closing backup
            print(f"briefing-reader: {exc}", file=sys.stderr)
