"""``import`` and ``remove``: bring letters into the library, take imports out."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_reader import paths
from briefing_reader.commands import (
    EXIT_ERROR,
    EXIT_OK,
    fail,
    load_library,
    located,
    print_json,
    warn,
)
from briefing_reader.core.content import Library
from briefing_reader.core.messages import Message, message, plain
from briefing_reader.language import words

if TYPE_CHECKING:
    from briefing_reader.core.importing import FileResult


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = sub.add_parser(
        "import",
        help="import letters (.docx, .pdf, officiele-publicatie "
        ".xml/.html, OpenTK .txt export, .md, .txt); a folder "
        "is imported with everything inside it",
    )
    imp.add_argument("files", metavar="FILE_OR_FOLDER", nargs="+")
    imp.add_argument("--json", action="store_true", help="print JSON")
    imp.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        type=_day,
        help="the letter's date, when the file does not say it",
    )
    imp.add_argument(
        "--as-version-of",
        metavar="DOC_ID",
        help="the file is the next version of this document (notes move along)",
    )
    imp.set_defaults(func=cmd_import)

    sd = sub.add_parser(
        "setdate", help="set the date of an imported letter (anchors its promises on the timeline)"
    )
    sd.add_argument("doc", metavar="DOC_ID")
    sd.add_argument("date", metavar="YYYY-MM-DD", type=_day)
    sd.set_defaults(func=cmd_setdate)

    rem = sub.add_parser("remove", help="remove an imported document (its notes are kept)")
    rem.add_argument("doc", metavar="DOC_ID")
    rem.add_argument("--json", action="store_true", help="print JSON")
    rem.set_defaults(func=cmd_remove)


def cmd_import(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    from briefing_reader.core.importing import FAILED, import_files
    from briefing_reader.core.importing.folders import TooManyFiles, files_in

    try:
        files = files_in(args.files)
    except TooManyFiles as exc:
        return fail(exc)
    folders = any(Path(f).is_dir() for f in args.files)
    if args.as_version_of and (folders or len(files) != 1):
        return fail("--as-version-of takes one file")
    library = load_library(run_paths)
    report = import_files(
        run_paths,
        files,
        roots=args.files if folders else None,
        progress=_progress_line(files) if folders else None,
        library=library,
        as_version_of=args.as_version_of,
    )
    if args.date is not None:
        _date_undated(run_paths, report, args.date)
    if report.changed:
        library.refresh()  # the catalogue takes the new files in
        _index(run_paths, library, _indexing_line() if folders else None)
        _reanchor(run_paths, library)
    if args.json:
        print_json(report.to_json())
    elif folders:
        _print_summary(report)
    else:
        for result in report.results:
            print(f"{_status(result.status):10} {_line(result)}")
            for warning in result.warnings:
                print(f"{'':10}   {words(message('cli.note', text=warning))}")
            if result.ok and not result.dated:
                print(f"{'':10}   {words(message('cli.no_date', doc=result.doc_id))}")
    return EXIT_ERROR if report.by_status(FAILED) else EXIT_OK


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def _date_undated(run_paths: paths.Paths, report: object, day: dt.date) -> None:
    """``import --date``: date the letters of this import that had no date."""
    from briefing_reader.core.importing import ImportFailed, ImportReport
    from briefing_reader.core.importing.dating import set_date

    assert isinstance(report, ImportReport)
    for result in report.results:
        if result.ok and not result.dated and result.doc_id and result.stored:
            try:
                set_date(run_paths, result.doc_id, day)
                result.dated = True
            except ImportFailed as exc:
                warn(exc)


def cmd_setdate(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    from briefing_reader.core.importing import ImportFailed
    from briefing_reader.core.importing.dating import set_date

    try:
        title = set_date(run_paths, args.doc, args.date, library=load_library(run_paths))
    except ImportFailed as exc:
        return fail(exc)
    library = load_library(run_paths)
    _index(run_paths, library)
    dated = message("cli.dated", doc=args.doc, title=title, date=args.date.isoformat())
    print(f"{_status('dated'):10} {words(dated)}")
    return EXIT_OK


def _progress_line(files: list[Path]) -> Callable[[int, int], None]:
    """Count, current file and time left on stderr: one line rewritten on a
    terminal, a line every few seconds otherwise."""
    from briefing_reader.core.importing.folders import Progress

    meter = Progress(len(files))
    terminal = sys.stderr.isatty()
    last = [0.0]

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - last[0] < (0.2 if terminal else 5.0):
            return
        last[0] = now
        line = words(meter.line(done, files[done - 1] if done else None))
        end = "\n" if not terminal or done == total else ""
        print(f"\r\x1b[K{line}" if terminal else line, end=end, file=sys.stderr, flush=True)

    return show


def _line(result: FileResult) -> str:
    """A file's outcome; a refusal's reason in the user's language."""
    from briefing_reader.core.importing import IMPORTED, REPLACED, UNCHANGED

    name = result.file.name or str(result.file)
    if result.status == IMPORTED:
        said = message("cli.imported_as", file=name, title=result.title, doc=result.doc_id)
    elif result.status == REPLACED:
        versions = {"old": _v(result.old_version), "new": _v(result.new_version)}
        said = message("cli.replaced", file=name, title=result.title, doc=result.doc_id, **versions)
    elif result.status == UNCHANGED:
        said = message("cli.unchanged", file=name, reason=_unchanged(result), doc=result.doc_id)
    elif result.ok or result.problem is None:
        return result.message()
    else:
        said = message("cli.at", path=name, reason=result.problem)
    return words(said)


def _v(version: int | None) -> str:
    return "?" if version is None else str(version)


def _unchanged(result: FileResult) -> Message:
    """Why nothing changed, in words the user reads; the library's English
    reason as it is when it is none of the known ones."""
    newer = message("cli.has_newer", old=_v(result.old_version), new=_v(result.new_version))
    for said in (message("cli.already_at_version"), message("cli.already_there"), newer):
        if str(said) == result.reason:
            return said
    return plain(result.reason)


_STATUS_WORDS = {  # an outcome's column word -> its message code
    "imported": "cli.status_imported",
    "replaced": "cli.status_replaced",
    "unchanged": "cli.status_unchanged",
    "failed": "cli.status_failed",
    "removed": "cli.status_removed",
    "dated": "cli.status_dated",
}


def _status(status: str) -> str:
    """The outcome's word in the first column, in the user's language."""
    code = _STATUS_WORDS.get(status)
    return words(message(code)) if code else status


def _print_summary(report: object) -> None:
    from briefing_reader.core.importing import FAILED, ImportReport
    from briefing_reader.core.importing.folders import summary

    assert isinstance(report, ImportReport)
    for result in report.results:
        if result.status == FAILED:
            why = words(result.problem or result.reason)
            print(f"{_status(result.status):10} {result.file}: {why}")
    for line in summary(report):
        print(words(line))


def _indexing_line() -> Callable[[int, int], None]:
    """``indexing [done/total]`` on stderr (in the user's language) while the
    search index is updated."""
    terminal = sys.stderr.isatty()
    last = [0.0]

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - last[0] < (0.2 if terminal else 2.0):
            return
        last[0] = now
        line = words(message("cli.indexing", done=done, total=total))
        end = "\n" if not terminal or done == total else ""
        print(f"\r\x1b[K{line}" if terminal else line, end=end, file=sys.stderr, flush=True)

    return show


def _index(
    run_paths: paths.Paths, library: Library, progress: Callable[[int, int], None] | None = None
) -> None:
    """Bring the search index up to date with the imports (incrementally)."""
    from briefing_reader.core.search import SearchError, SearchIndex

    with SearchIndex(run_paths.search_index) as index:
        try:
            report = index.update(library, progress)
        except SearchError as exc:
            warn(message("cli.index_not_updated", reason=exc.message))
            return
        if report.bulk:  # once, after a bulk import: faster searches from now on
            if progress is not None:
                print(words(message("cli.compacting")), file=sys.stderr, flush=True)
            index.compact()


def cmd_remove(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    from briefing_reader.core.importing import ImportFailed, remove_document

    try:
        result = remove_document(run_paths, args.doc, library=load_library(run_paths))
    except ImportFailed as exc:
        return fail(exc)
    library = load_library(run_paths)
    _index(run_paths, library)
    _reanchor(run_paths, library)
    if args.json:
        print_json(result.to_json())
    else:
        removed = message("cli.removed", doc=result.doc_id, title=result.title)
        print(f"{_status('removed'):10} {words(removed)}")
        if result.reverted_to_bundled:
            print(f"{'':10} {words(message('cli.bundled_again', doc=result.doc_id))}")
    return EXIT_OK


def _reanchor(run_paths: paths.Paths, library: Library) -> None:
    """Move notes along to new versions, as the window does at start-up."""
    if not run_paths.notes_db.exists():
        return  # no notes yet: nothing to move
    from briefing_reader.core.notes import NotesError, open_store, reanchor_library

    try:
        store = open_store(run_paths.notes_db, run_paths.backups)
    except NotesError as exc:
        warn(message("cli.not_reanchored", reason=located(exc)))
        return
    try:
        report = reanchor_library(store, library, run_paths.versions)
        for problem in report.problems:
            print(f"briefing-reader: {words(problem)}", file=sys.stderr)
        if report.to_review:
            warn(message("cli.to_review", count=report.to_review))
    except NotesError as exc:
        warn(message("cli.not_reanchored", reason=located(exc)))
    finally:
        try:
            store.close()
        except NotesError as exc:  # pragma: no cover - a failed closing backup
            warn(exc)
