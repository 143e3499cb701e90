"""``print`` and ``pack`` (PDF with citations), ``notes export`` and ``notes import``.

Printing needs Qt's document model but no display: without one, Qt runs on
its "offscreen" platform. Qt is imported inside the commands, never when
this module is imported. Every failure (unknown document, folder missing,
file not writable, invalid notes file) names the file or place and the
reason, and exits with code 1.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_reader import language, paths
from briefing_reader.commands import EXIT_OK, fail, load_library, located, warn
from briefing_reader.commands.notes import SubParsers, notes_subcommands, with_store
from briefing_reader.core.messages import Message, message
from briefing_reader.core.notes import NotesError, NotesStore, open_store
from briefing_reader.language import words

if TYPE_CHECKING:
    from briefing_reader.core.content import Library
    from briefing_reader.core.notes.merging import ImportReport

SUFFIX_FORMATS = {
    ".md": "md",
    ".markdown": "md",
    ".csv": "csv",
    ".jsonld": "jsonld",
    ".json": "jsonld",
}


def register(sub: SubParsers) -> None:
    printing = sub.add_parser("print", help="print excerpts with their citation to a PDF file")
    printing.add_argument(
        "addresses",
        nargs="+",
        metavar="DOC[#ANCHOR]",
        help="a document, a place in it (section, theme, action), or "
        "DOC@START-END for a range of its plain text",
    )
    printing.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE.pdf",
        help="a PDF, or a Word file when it ends in .docx",
    )
    printing.add_argument(
        "--notes",
        action="store_true",
        help="add my stance, note and questions to the actions printed",
    )
    printing.add_argument(
        "--page-size",
        choices=("A4", "Letter"),
        help="paper size (default: from the locale, A4 outside US/CA)",
    )
    printing.set_defaults(func=cmd_print)

    pack = sub.add_parser("pack", help="the debate-preparation pack (Debatvoorbereiding) as PDF")
    pack.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE.pdf",
        help="a PDF, or a Word file when it ends in .docx",
    )
    pack.add_argument(
        "--actions",
        metavar="ID,...",
        action="append",
        help="actions to include, comma-separated (ACTION or DOC#ACTION); "
        "default: every action with a stance or a note",
    )
    pack.add_argument(
        "--order",
        choices=("priority", "letter"),
        default="priority",
        help="actions by my priority, then letter order (default), or in letter order",
    )
    pack.add_argument("--page-size", choices=("A4", "Letter"))
    pack.set_defaults(func=cmd_pack)

    card = sub.add_parser(
        "card",
        help="the debate card (Debatkaart): one A4 page with "
        "stances, questions, key figures, open commitments",
    )
    card.add_argument(
        "documents",
        nargs="*",
        metavar="DOC",
        help="the letters it covers (default: the letters with my notes)",
    )
    card.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE.pdf",
        help="a PDF, or a Word file when it ends in .docx",
    )
    card.add_argument("--page-size", choices=("A4", "Letter"))
    card.set_defaults(func=cmd_card)

    notes = notes_subcommands(sub)
    export = notes.add_parser("export", help="export notes as Markdown, CSV or Web Annotations")
    export.add_argument(
        "--format",
        choices=("md", "csv", "jsonld"),
        help="default: from the file's suffix (.md, .csv, .jsonld)",
    )
    export.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="the file to write ('-' for standard output)",
    )
    export.add_argument("--mine", action="store_true", help="only my notes, not colleagues'")
    export.set_defaults(func=cmd_export)

    imported = notes.add_parser("import", help="merge a colleague's Web Annotation (JSON-LD) file")
    imported.add_argument("file", metavar="FILE")
    imported.add_argument(
        "--as-mine",
        action="store_true",
        help="the notes are mine (restored from another machine): editable, exported by --mine",
    )
    imported.set_defaults(func=cmd_import)


# --- helpers ------------------------------------------------------------------


def gui_application() -> Any:
    """A QGuiApplication (fonts, paint devices); offscreen when there is no display."""
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if no_display and sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(["briefing-reader"])


def _page_size(name: str | None) -> Any:
    if name is None:
        return None
    from PySide6.QtGui import QPageSize

    return QPageSize(QPageSize.PageSizeId.Letter if name == "Letter" else QPageSize.PageSizeId.A4)


def _check_output(output: str) -> Message | None:
    """Why ``output`` cannot be written, or None (before any work is done)."""
    from briefing_reader.printing.request import PrintError, output_target

    try:
        path = output_target(output)
    except PrintError as exc:
        return exc.message
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        denied = message("exchange.cannot_write", problem="permission denied")
        return message("cli.at", path=str(path), reason=denied)
    return None


def _open_notes(run_paths: paths.Paths, required: bool) -> NotesStore | None:
    try:
        store = open_store(run_paths.notes_db, run_paths.backups)
    except NotesError as exc:
        if required:
            raise
        warn(message("cli.print_without_highlights", reason=located(exc)))
        return None
    for event in store.report.warnings:
        warn(event.message)
    return store


def _run_output(
    run_paths: paths.Paths,
    output: str,
    required: bool,
    work: Callable[[Library, NotesStore | None], str],
) -> int:
    """Check ``output``, open the library and the notes, let ``work`` write the
    file and say what it wrote; close the notes; errors become exit codes."""
    problem = _check_output(output)
    if problem:
        return fail(problem)
    library = load_library(run_paths)
    from briefing_reader.printing.request import PrintError

    try:
        store = _open_notes(run_paths, required)
    except NotesError as exc:
        return fail(message("cli.cannot_open_notes", reason=located(exc)))
    try:
        written = work(library, store)
    except (PrintError, NotesError) as exc:
        return fail(exc)
    finally:
        if store is not None:
            store.close()
    print(f"{output} ({written})", flush=True)
    return EXIT_OK


def _pages(count: int) -> str:
    return f"{count} page{'s' if count != 1 else ''}"


def _write(
    run_paths: paths.Paths,
    output: str,
    page_size: str | None,
    required: bool,
    make: Callable[[Library, NotesStore | None], Any],
) -> int:
    """Compose with ``make``, lay out and write the PDF (or Word); report pages."""

    def work(library: Library, store: NotesStore | None) -> str:
        if is_word(output):  # Word needs no Qt
            from briefing_reader.printing.word import compose_for_word, write_docx

            write_docx(compose_for_word(lambda: make(library, store)), output)
            return "Word"
        composition = make(library, store)
        gui_application()
        from briefing_reader.printing.painting import write_pdf

        return _pages(write_pdf(composition, output, _page_size(page_size)))

    return _run_output(run_paths, output, required, work)


def is_word(output: str) -> bool:
    """``-o`` names a Word file: write .docx, not a PDF under that name."""
    return output.lower().endswith(".docx")


# --- commands -------------------------------------------------------------------


def cmd_print(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    from briefing_reader.printing.composing import compose
    from briefing_reader.printing.request import PrintRequest, parse_address

    def make(library: Library, store: NotesStore | None) -> Any:
        excerpts = tuple(parse_address(address, library) for address in args.addresses)
        request = PrintRequest(excerpts, args.notes, language=language.current())
        return compose(library, store, request)

    return _write(run_paths, args.output, args.page_size, False, make)


def cmd_pack(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    from briefing_reader.printing.composing import compose
    from briefing_reader.printing.request import PrintRequest, resolve_actions

    def make(library: Library, store: NotesStore | None) -> Any:
        refs = None
        if args.actions:
            names = [name.strip() for value in args.actions for name in value.split(",")]
            refs = resolve_actions([name for name in names if name], library)
        request = PrintRequest.debate_pack(refs, order=args.order, language=language.current())
        return compose(library, store, request)

    return _write(run_paths, args.output, args.page_size, True, make)


def cmd_card(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    from briefing_reader.printing.card import card_documents

    def work(library: Library, store: NotesStore | None) -> str:
        docs = card_documents(library, store, args.documents)
        if is_word(args.output):
            from briefing_reader.printing.card import compose_card
            from briefing_reader.printing.word import write_docx

            write_docx(compose_card(library, store, docs, language=language.current()), args.output)
            return "Word"
        gui_application()
        from briefing_reader.printing.card_pdf import write_card

        return _pages(
            write_card(
                library,
                store,
                docs,
                args.output,
                page_size=_page_size(args.page_size),
                language=language.current(),
            )
        )

    return _run_output(run_paths, args.output, False, work)


def cmd_export(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    from briefing_reader.core.notes import exchange

    fmt = args.format or SUFFIX_FORMATS.get(Path(args.output).suffix.lower())
    if fmt is None:
        return fail(
            f"{args.output}: choose a format with --format md|csv|jsonld (the suffix does not say)"
        )
    if args.output != "-":
        problem = _check_output(args.output)
        if problem:
            return fail(problem)
    library = load_library(run_paths)

    def work(store: NotesStore) -> int:
        if args.output == "-":
            if fmt == "jsonld":
                import json

                text = (
                    json.dumps(
                        exchange.export_jsonld(store, mine_only=args.mine),
                        ensure_ascii=False,
                        indent=2,
                    )
                    + "\n"
                )
            elif fmt == "md":
                text = exchange.export_markdown(store, library, mine_only=args.mine)
            else:
                text = exchange.export_csv(store, library, mine_only=args.mine)
            sys.stdout.write(text)
            return EXIT_OK
        written: list[Path] = []
        count = exchange.export_file(
            store, library, args.output, fmt, mine_only=args.mine, written=written
        )
        code = "cli.exported_one" if count == 1 else "cli.exported"
        print(words(message(code, files=", ".join(map(str, written)), count=count)), flush=True)
        return EXIT_OK

    return with_store(run_paths, work, library)  # one look at 10,000 files, not two


def cmd_import(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    from briefing_reader.core.notes import exchange

    library = load_library(run_paths)

    def work(store: NotesStore) -> int:
        report = exchange.import_jsonld(store, args.file, library, as_mine=args.as_mine)
        print(f"{args.file}: {_merged(report)}", flush=True)
        for reason in report.skipped:
            warn(message("cli.skipped", error=reason))
        return EXIT_OK

    return with_store(run_paths, work, library)


def _merged(report: ImportReport) -> str:
    """What a notes import did, by count, in the user's language."""
    said = [
        message("cli.merged", added=report.added, updated=report.updated, same=report.unchanged)
    ]
    if report.kept_mine:
        said.append(message("cli.merged_kept_mine", count=report.kept_mine))
    if report.skipped:
        said.append(message("cli.merged_skipped", count=len(report.skipped)))
    return ", ".join(words(part) for part in said)
