"""``docs``, ``toc`` and ``show``: the documents and their outlines."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from briefing_reader import paths
from briefing_reader.commands import EXIT_OK, fail, load_library, no_document, print_json

if TYPE_CHECKING:
    from briefing_reader.core.content import Document, OutlineNode


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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


def cmd_docs(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    library = load_library(run_paths)
    if args.json:
        print_json(
            [
                meta.summary()
                for entry in library.entries()
                if (meta := library.meta(entry.id)) is not None
            ]
        )
        return EXIT_OK
    for entry in library.entries():  # the catalogue: no document is parsed
        marker = (
            ""
            if entry.official
            else "  (samengesteld door Briefing Reader)"
            if entry.kind == "companion"
            else "  (geen Kamerstuk)"
        )
        print(f"{entry.id:24} {entry.title}{marker}")
    return EXIT_OK


def cmd_toc(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    library = load_library(run_paths)
    node = library.outline(args.doc)  # the catalogue: no document is parsed
    if node is None:
        return fail(no_document(args.doc, library.documents))
    if args.json:
        print_json(node.to_dict())
        return EXIT_OK
    print(node.title)
    for item in node.walk():
        if item.kind != "document":
            print(f"{'  ' * len(item.path())}{item.title}  [{item.kind} #{item.id}]")
    return EXIT_OK


def cmd_show(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    library = load_library(run_paths)
    doc_id, _, anchor = args.address.partition("#")
    try:
        doc, node = library.find(doc_id, anchor or None)
    except KeyError as exc:
        return fail(str(exc.args[0]))
    target = None if node.kind == "document" else node
    print(doc.html(target) if args.html else _text_with_markers(doc, target))
    return EXIT_OK


def _text_with_markers(doc: Document, node: OutlineNode | None) -> str:
    """The plain text with footnote markers as ``[17]``, not digits glued to a word.

    The document's plain text keeps the bare digits the reader shows in
    superscript ('motie Flach17'); on a terminal they must stand apart.
    """
    blocks = doc.blocks if node is None else doc.blocks[node.first : node.stop]
    lines = []
    for block in blocks:
        if not block.text:
            continue
        if block.kind == "footnote":
            label, _, rest = block.text.partition(" ")
            lines.append(f"[{label}] {rest}")
            continue
        pieces, pos = [], 0
        for start, end in sorted(block.markers):
            pieces += [block.text[pos:start], f"[{block.text[start:end]}]"]
            pos = end
        pieces.append(block.text[pos:])
        lines.append("".join(pieces))
    return "\n".join(lines)
