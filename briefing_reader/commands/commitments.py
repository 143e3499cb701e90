"""``actions``, ``commitments`` and ``tables``: the register, the timeline, the sums.

``actions`` lists a row per action and sub-action; ``commitments`` lists what
the government promised with its date range, the member's status and the
due status on a given day; ``tables --check`` lists "Totaal" cells that do
not add up. The member's statuses, stances and priorities come from the
notes store (:func:`load_statuses`, :func:`load_annotations`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from briefing_reader import paths
from briefing_reader.commands import (
    EXIT_OK,
    fail,
    load_library,
    located,
    no_document,
    print_json,
    warn,
)
from briefing_reader.core.commitments import (
    DUE_LATE,
    ActionRow,
    CommitmentsError,
    MarkerError,
    build_register,
    check_library,
    check_status,
    has_total,
    library_commitments,
    table_rows,
    timeline,
    with_notes,
)
from briefing_reader.core.commitments.links import linked_groups, paragraphs
from briefing_reader.core.commitments.scope import (
    commitment_document,
    scope_documents,
    timeline_scope,
)
from briefing_reader.core.content import Document, Library
from briefing_reader.core.content.model import OutlineKind
from briefing_reader.core.messages import message


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    actions = sub.add_parser(
        "actions",
        help="the actions register: every action and "
        "sub-action with section, organisations, deadlines",
    )
    actions.add_argument("--json", action="store_true", help="print JSON")
    actions.add_argument("--doc", metavar="DOC", help="only this document")
    actions.set_defaults(func=cmd_actions)

    commitments = sub.add_parser(
        "commitments", help="what the government promised, by when, and what is overdue"
    )
    commitments.add_argument("--json", action="store_true", help="print JSON")
    commitments.add_argument(
        "--overdue", action="store_true", help=f"only commitments that are '{DUE_LATE}'"
    )
    commitments.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        type=_iso_date,
        help="measure against this day instead of today",
    )
    commitments.add_argument("--doc", metavar="DOC", help="only this document")
    commitments.add_argument(
        "--kamer",
        action="store_true",
        help="only promises to inform or send something to the Kamer",
    )
    commitments.set_defaults(func=cmd_commitments)

    status = sub.add_parser(
        "status",
        help="set the status of a commitment (Openstaand, Voldaan, Deels voldaan, Vervallen)",
    )
    status.add_argument(
        "commitment", metavar="COMMITMENT_ID", help="as 'commitments --json' gives it"
    )
    status.add_argument("status", metavar="STATUS")
    status.add_argument("--note", default="", help="a note on the status")
    status.add_argument(
        "--all-linked", action="store_true", help="also the same promise elsewhere (see 'linked')"
    )
    status.set_defaults(func=cmd_status)

    tables = sub.add_parser("tables", help="tables with a 'Totaal' row or column")
    tables.add_argument(
        "--check", action="store_true", help="list totals that differ from the sum of their figures"
    )
    tables.add_argument("--json", action="store_true", help="print JSON")
    tables.set_defaults(func=cmd_tables)


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2025-12-31") from exc


# -- the notes store -------------------------------------------------------


def load_statuses(run_paths: paths.Paths) -> dict[str, tuple[str, str]]:
    """The member's (status, note) per commitment id, from the notes store.

    This is the seam where the notes store plugs in: everything else in this
    module sees only the returned mapping. Without a notes database (nothing
    stored yet) every commitment is Openstaand; the database is never
    created just to read it.
    """
    store = _open_notes(run_paths)
    if store is None:
        return {}
    with store:
        return {
            key: (value.status, value.note) for key, value in store.commitment_statuses().items()
        }


def load_annotations(run_paths: paths.Paths) -> dict[tuple[str, str], Any]:
    """The member's own action annotations by (document, action), or {}."""
    store = _open_notes(run_paths)
    if store is None:
        return {}
    with store:
        return {
            (a.doc_id, a.action_id): a for a in store.action_annotations(include_imported=False)
        }


def _open_notes(run_paths: paths.Paths) -> Any:
    if not run_paths.notes_db.exists():
        return None
    from briefing_reader.core.notes import NotesError, open_store  # only when notes exist

    try:
        return open_store(run_paths.notes_db, run_paths.backups)
    except NotesError as exc:
        warn(message("cli.notes_not_read", reason=located(exc)))
        return None


# -- commands --------------------------------------------------------------


def cmd_actions(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    library = load_library(run_paths)
    if args.doc and library.get(args.doc) is None:
        return fail(no_document(args.doc))
    rows = [r for r in build_register(library) if not args.doc or r.doc == args.doc]
    annotations = load_annotations(run_paths)
    rows = [_annotated(r, annotations.get((r.doc, r.id))) for r in rows]
    if args.json:
        print_json([r.to_dict() for r in rows])
        return EXIT_OK
    for row in rows:
        indent = "  " if row.kind == OutlineKind.SUBACTION else ""
        print(f"{indent}{row.id}  [{row.section or row.pillar or ''}]")
        print(f"{indent}    {row.title}")
        if row.organisations:
            print(f"{indent}    organisaties: {', '.join(row.organisations)}")
        for deadline in row.deadlines:
            print(
                f"{indent}    termijn: {deadline.phrase} ({deadline.earliest} - {deadline.latest})"
            )
    return EXIT_OK


def _annotated(row: ActionRow, annotation: Any) -> ActionRow:
    if annotation is None:
        return with_notes(row, stance=None, priority=None, has_note=False, question_count=0)
    return with_notes(
        row,
        stance=annotation.stance,
        priority=annotation.priority,
        has_note=bool(annotation.note.strip()),
        question_count=len(annotation.questions),
    )


def cmd_commitments(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    library = load_library(run_paths)
    if args.doc and library.get(args.doc) is None:
        return fail(no_document(args.doc))
    statuses = load_statuses(run_paths)
    documents = _scope_documents(library, run_paths, statuses, [args.doc] if args.doc else [])
    errors: list[MarkerError] = []
    every = library_commitments(documents, errors=errors)
    found = [
        c for c in every if (not args.doc or c.doc == args.doc) and (not args.kamer or c.to_kamer)
    ]
    for error in errors:
        warn(message("cli.skipped_marker", error=error.message))
    today = args.today or dt.date.today()
    entries = timeline(found, today, statuses, overdue_only=args.overdue)
    if args.json:
        links = linked_groups(every, paragraphs(Library(documents={d.id: d for d in documents})))
        print_json(
            {
                "today": today.isoformat(),
                "commitments": [
                    {**entry.to_dict(), "linked": list(links.get(entry.commitment.id, ()))}
                    for entry in entries
                ],
            }
        )
        return EXIT_OK
    print(f"Toezeggingen op {today.isoformat()}: {len(entries)}")
    for entry in entries:
        c = entry.commitment
        when = f"{c.earliest} - {c.latest}" if c.latest else "zonder datum"
        kamer = "  [Kamer]" if c.to_kamer else ""
        print(f"\n{entry.due:12} {when:23} {entry.status}{kamer}")
        print(f"    {c.phrase or '-'}  ({c.doc}#{c.anchor}, {c.section_path})")
        print(f"    {_shorten(c.sentence, 150)}")
    return EXIT_OK


def cmd_status(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    from briefing_reader.core.notes import NotesError, open_store

    try:
        check_status(args.status)
    except CommitmentsError as exc:
        return fail(exc)
    library = load_library(run_paths)
    own = commitment_document(args.commitment)
    wanted = [own] if library.entry(own) is not None else []
    documents = _scope_documents(library, run_paths, load_statuses(run_paths), wanted)
    every = library_commitments(documents, errors=[])
    if args.commitment not in {c.id for c in every}:
        return fail(f"no commitment '{args.commitment}' (see 'briefing-reader commitments')")
    held = Library(documents={d.id: d for d in documents})
    linked = linked_groups(every, paragraphs(held)).get(args.commitment, ())
    marked = [args.commitment, *(linked if args.all_linked else ())]
    try:
        with open_store(run_paths.notes_db, run_paths.backups) as store:
            for cid in marked:
                store.set_commitment_status(cid, args.status, args.note)
    except NotesError as exc:
        return fail(f"status not stored: {exc}")
    for cid in marked:
        print(f"{args.status:12} {cid}")
    if linked and not args.all_linked:
        print(
            f"linked: the same promise stands {len(linked)} more time(s); add --all-linked "
            "to mark them too:"
        )
        for cid in linked:
            print(f"    {cid}")
    return EXIT_OK


def _scope_documents(
    library: Library,
    run_paths: paths.Paths,
    statuses: dict[str, tuple[str, str]],
    wanted: list[str],
) -> list[Document]:
    """The letters the timeline reads (:mod:`~briefing_reader.core.commitments.scope`),
    parsed; says on stderr when that is not every letter."""
    noted = {commitment_document(cid) for cid in statuses}
    noted |= {doc_id for doc_id, _action in load_annotations(run_paths)}
    scope = timeline_scope(library, noted | set(wanted))
    if not scope.complete and not wanted:
        print(
            f"briefing-reader: read {len(scope.documents)} of {scope.letters} letters: those "
            f"with actions or notes and the {scope.recent} most recent; --doc DOC for another",
            file=sys.stderr,
        )
    return scope_documents(library, scope)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def cmd_tables(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    library = load_library(run_paths)
    checked = [
        (doc, block)
        for doc in library
        for block in doc.blocks
        if block.kind == "table" and has_total(table_rows(block.text))
    ]
    if args.check:
        differences = check_library(library)
        if args.json:
            print_json(
                {"tables_checked": len(checked), "differences": [d.to_dict() for d in differences]}
            )
            return EXIT_OK
        print(f"{len(checked)} tabel(len) met een totaal; {len(differences)} verschil(len)")
        for d in differences:
            note = ", kan afronding zijn" if d.rounding else ""
            print(
                f"{d.doc}#{d.anchor}  {d.row} / {d.column}: gedrukt {d.printed}, "
                f"berekend {d.computed} (verschil {d.difference}{note})"
            )
        return EXIT_OK
    listing = [
        {
            "doc": doc.id,
            "anchor": block.anchor,
            "section_path": doc.section_path(doc.node_at_block(doc.blocks.index(block))),
            "rows": len(table_rows(block.text)),
        }
        for doc, block in checked
    ]
    if args.json:
        print_json(listing)
        return EXIT_OK
    for item in listing:
        print(f"{item['doc']}#{item['anchor']}  {item['section_path']}  ({item['rows']} rijen)")
    return EXIT_OK
