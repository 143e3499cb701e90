"""``notes``: list and write annotations, highlights and bookmarks from the shell.

Each write prints the saved item's id, and only after its commit returned.
Errors (read-only folder, full disk, damaged file, unknown action, quote not
found) name the file or document and the reason, and exit with code 1.
Every command first re-anchors the notes on documents that changed (cheap
when nothing did); ``notes list`` shows each item's outcome and current
anchor, ``notes review`` the items to check, ``notes accept``/``dismiss``
decide on them.
Other feature modules add ``notes`` sub-commands through
:func:`notes_subcommands` (e.g. ``notes export``).
"""

from __future__ import annotations

import argparse
import sys
import weakref
from collections.abc import Callable
from dataclasses import asdict
from typing import Any, TypeAlias

from briefing_reader import paths
from briefing_reader.commands import (
    EXIT_OK,
    EXIT_USAGE,
    fail,
    load_library,
    located,
    no_document,
    print_json,
    warn,
)
from briefing_reader.core.content import Library
from briefing_reader.core.messages import message
from briefing_reader.core.notes import (
    COLOURS,
    PRIORITIES,
    AnchorEvent,
    NotesError,
    NotesStore,
    action_target,
    anchor_place,
    anchor_quote,
    open_store,
    reanchor_library,
)
from briefing_reader.core.notes.model import AnchorStatus
from briefing_reader.core.notes.outcomes import Review

SubParsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

# The sub-commands of each ``notes`` parser, for the modules that register after it.
_notes_commands: weakref.WeakKeyDictionary[argparse.ArgumentParser, SubParsers] = (
    weakref.WeakKeyDictionary()
)


def notes_subcommands(sub: SubParsers) -> SubParsers:
    """The sub-commands of ``notes``, creating the ``notes`` command if needed.

    Lets other command modules add ``notes export``, ``notes import`` and the
    like, whatever order the modules are registered in.
    """
    parser = sub.choices.get("notes")
    if parser is None:
        parser = sub.add_parser("notes", help="annotations, highlights and bookmarks")
        parser.set_defaults(
            func=lambda _args, _paths: fail(
                "choose a notes command (see 'briefing-reader notes --help')", EXIT_USAGE
            )
        )
    if parser not in _notes_commands:
        _notes_commands[parser] = parser.add_subparsers(
            dest="notes_command", metavar="NOTES_COMMAND"
        )
    return _notes_commands[parser]


def register(sub: SubParsers) -> None:
    notes = notes_subcommands(sub)

    listing = notes.add_parser("list", help="list notes, highlights and bookmarks")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument("--doc", metavar="DOC", help="only this document")
    listing.set_defaults(func=cmd_list)

    action = notes.add_parser("set-action", help="set the annotation of an action")
    action.add_argument("action_id", metavar="ACTION_ID")
    action.add_argument(
        "--doc", metavar="DOC", help="the document (default: the one that has this action)"
    )
    action.add_argument("--stance", metavar="S", help="a stance from the stance list")
    action.add_argument("--priority", choices=PRIORITIES)
    action.add_argument("--note", metavar="TEXT", help="the note (markdown)")
    action.add_argument(
        "--question",
        metavar="TEXT",
        action="append",
        help="a debate question; repeat for several (replaces the list)",
    )
    action.add_argument(
        "--tag",
        metavar="TAG",
        action="append",
        help="a tag; repeat for several (replaces the tags)",
    )
    action.set_defaults(func=cmd_set_action)

    highlight = notes.add_parser("highlight", help="highlight a quote in a document")
    highlight.add_argument("doc", metavar="DOC")
    highlight.add_argument(
        "--quote", required=True, metavar="TEXT", help="text that occurs exactly in the document"
    )
    highlight.add_argument(
        "--occurrence",
        type=int,
        metavar="N",
        help="which occurrence, when the quote occurs more than once",
    )
    highlight.add_argument("--note", default="", metavar="TEXT")
    highlight.add_argument(
        "--colour",
        default="geel",
        metavar="C",
        help=f"{', '.join(COLOURS)} or #rrggbb (default geel)",
    )
    highlight.add_argument(
        "--key-figure",
        action="store_true",
        help="mark it as a key figure (kerncijfer) for the debate card",
    )
    highlight.set_defaults(func=cmd_highlight)

    bookmark = notes.add_parser("bookmark", help="bookmark a place")
    bookmark.add_argument("address", metavar="DOC[#ANCHOR]")
    bookmark.add_argument("--name", metavar="N", help="default: the section title")
    bookmark.set_defaults(func=cmd_bookmark)

    delete = notes.add_parser("delete", help="move a note, highlight or bookmark to the trash")
    delete.add_argument("item_id", metavar="ID")
    delete.set_defaults(func=item_command(NotesStore.delete))

    restore = notes.add_parser("restore", help="take an item out of the trash (undo delete)")
    restore.add_argument("item_id", metavar="ID")
    restore.set_defaults(func=item_command(NotesStore.restore))

    review = notes.add_parser("review", help="notes to check after a document changed")
    review.add_argument("--json", action="store_true", help="print JSON")
    review.set_defaults(func=cmd_review)

    accept = notes.add_parser("accept", help="accept the new place of a note to check")
    accept.add_argument("item_id", metavar="ID")
    accept.set_defaults(func=item_command(lambda store, item: store.reviews.accept(item)))

    dismiss = notes.add_parser(
        "dismiss", help="take a note off the list to check (a fuzzy match is rejected)"
    )
    dismiss.add_argument("item_id", metavar="ID")
    dismiss.set_defaults(func=item_command(lambda store, item: store.reviews.dismiss(item)))


def item_command(
    act: Callable[[NotesStore, str], object],
) -> Callable[[argparse.Namespace, paths.Paths], int]:
    """A command that does ``act`` to the item ``args.item_id`` and prints
    the id once the change is committed."""

    def run(args: argparse.Namespace, run_paths: paths.Paths) -> int:
        def work(store: NotesStore) -> int:
            act(store, args.item_id)
            print(args.item_id, flush=True)
            return EXIT_OK

        return with_store(run_paths, work)

    return run


def with_store(
    run_paths: paths.Paths, work: Callable[[NotesStore], int], library: Library | None = None
) -> int:
    """Open the store, tell what recovery did on stderr, re-anchor, run ``work``, close."""
    try:
        store = open_store(run_paths.notes_db, run_paths.backups)
    except NotesError as exc:
        return fail(message("cli.cannot_open_notes", reason=located(exc)))
    for event in store.report.warnings:
        warn(event.message)
    try:
        loaded = library if library is not None else load_library(run_paths)
        report = reanchor_library(store, loaded, run_paths.versions)
        for problem in report.problems:
            print(f"briefing-reader: {problem}", file=sys.stderr)
        if report.to_review:
            warn(message("cli.to_review", count=report.to_review))
        return work(store)
    except NotesError as exc:
        return fail(exc)
    finally:
        try:
            store.close()
        except NotesError as exc:  # pragma: no cover - a failed closing backup
            warn(exc)


def _json(item: Any) -> dict[str, Any]:
    data = asdict(item)
    for key, value in data.items():
        if isinstance(value, tuple):
            data[key] = list(value)
    return data


def _placed(item: Any, events: dict[str, AnchorEvent]) -> dict[str, Any]:
    """An item as JSON with its re-anchoring outcome and where it stands now.

    ``current_anchor`` is None for an orphan (its stored anchor keeps the
    original quote and context); ``reanchor`` is the last re-anchoring.
    """
    data = _json(item)
    event = events.get(item.id)
    data["outcome"] = item.anchor_status
    data["needs_review"] = bool(event and event.review == Review.OPEN)
    data["reanchor"] = event.to_json() if event else None
    if item.anchor_status == AnchorStatus.ORPHANED:
        data["current_anchor"] = None
    elif hasattr(item, "anchor"):
        a = item.anchor
        data["current_anchor"] = {
            "doc_id": a.doc_id,
            "doc_version": a.doc_version,
            "doc_hash": a.doc_hash,
            "place": a.place,
            "start": a.position.start,
            "end": a.position.end,
            "exact": a.quote.exact,
        }
    else:
        data["current_anchor"] = {
            "doc_id": item.doc_id,
            "doc_version": item.doc_version,
            "doc_hash": item.doc_hash,
            "action_id": item.action_id,
        }
    return data


_MARKS: dict[str, str] = {AnchorStatus.FUZZY: "  [check]", AnchorStatus.ORPHANED: "  [orphaned]"}


def cmd_list(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    def work(store: NotesStore) -> int:
        actions = store.action_annotations(args.doc)
        highlights = store.highlights(args.doc)
        bookmarks = store.bookmarks(args.doc)
        if args.json:
            events = store.reviews.latest(args.doc)
            print_json(
                {
                    "database": str(store.path),
                    "actions": [_placed(a, events) for a in actions],
                    "highlights": [_placed(h, events) for h in highlights],
                    "bookmarks": [_placed(b, events) for b in bookmarks],
                    "commitments": {k: _json(v) for k, v in store.commitment_statuses().items()},
                    "settings": {"author": store.author(), "stances": list(store.stances())},
                }
            )
            return EXIT_OK
        for a in actions:
            who = "" if a.is_mine else f"  ({a.author})"
            print(
                f"action     {a.id}  {a.doc_id}#{a.action_id}  "
                f"{a.stance or '-'} / {a.priority or '-'}{who}"
                f"{_MARKS.get(a.anchor_status, '')}"
            )
        for h in highlights:
            print(
                f"highlight  {h.id}  {h.doc_id}@{h.anchor.position.start}  "
                f'{h.colour}  "{_short(h.anchor.quote.exact)}"'
                f"{'  kerncijfer' if h.key_figure else ''}"
                f"{_MARKS.get(h.anchor_status, '')}"
            )
        for b in bookmarks:
            print(
                f"bookmark   {b.id}  {b.doc_id}#{b.anchor.place or ''}  {b.name}"
                f"{_MARKS.get(b.anchor_status, '')}"
            )
        return EXIT_OK

    return with_store(run_paths, work)


def _short(text: str, width: int = 50) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _action_document(library: Library, action_id: str, doc_id: str | None) -> str:
    """The id of the document holding ``action_id``; raises ValueError with a reason."""
    if doc_id is not None:
        if library.get(doc_id) is None:
            known = ", ".join(sorted(library.documents))
            raise ValueError(f"no document '{doc_id}' (known: {known})")
        return doc_id
    having = library.action_documents(action_id)  # the catalogue: nothing is parsed
    if not having:
        raise ValueError(
            f"no document has an action '{action_id}' "
            "(see 'briefing-reader toc DOC' for the action ids)"
        )
    if len(having) > 1:
        raise ValueError(
            f"the action '{action_id}' occurs in {', '.join(having)}; choose one with --doc"
        )
    return having[0]


def cmd_set_action(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    library = load_library(run_paths)
    try:
        doc_id = _action_document(library, args.action_id, args.doc)
    except ValueError as exc:
        return fail(exc)
    doc = library.get(doc_id)
    assert doc is not None
    changes: dict[str, Any] = {}
    for name in ("stance", "priority", "note"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if args.question is not None:
        changes["questions"] = args.question
    if args.tag is not None:
        changes["tags"] = args.tag

    def work(store: NotesStore) -> int:
        saved = store.update_action(action_target(doc, args.action_id), **changes)
        print(saved.id, flush=True)
        return EXIT_OK

    return with_store(run_paths, work, library)


def cmd_highlight(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    library = load_library(run_paths)
    doc = library.get(args.doc)
    if doc is None:
        return fail(no_document(args.doc, library.documents))

    def work(store: NotesStore) -> int:
        anchor = anchor_quote(doc, args.quote, args.occurrence)
        saved = store.add_highlight(
            anchor, colour=args.colour, note=args.note, key_figure=args.key_figure
        )
        print(saved.id, flush=True)
        return EXIT_OK

    return with_store(run_paths, work, library)


def cmd_bookmark(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    library = load_library(run_paths)
    doc_id, _, place = args.address.partition("#")
    doc = library.get(doc_id)
    if doc is None:
        return fail(no_document(doc_id, library.documents))

    def work(store: NotesStore) -> int:
        anchor, default_name = anchor_place(doc, place or None)
        saved = store.add_bookmark(anchor, args.name or default_name)
        print(saved.id, flush=True)
        return EXIT_OK

    return with_store(run_paths, work, library)


def cmd_review(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    def work(store: NotesStore) -> int:
        items = store.reviews.open_items()
        if args.json:
            print_json(
                [
                    {
                        "id": i.item_id,
                        "kind": i.kind,
                        "doc_id": i.doc_id,
                        "label": i.label,
                        **i.event.to_json(),
                    }
                    for i in items
                ]
            )
            return EXIT_OK
        for i in items:
            print(f"{i.outcome:<9}  {i.item_id}  {i.kind:<9}  {i.doc_id}  {_short(i.label)}")
        return EXIT_OK

    return with_store(run_paths, work)
