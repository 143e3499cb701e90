"""``refs`` and ``citedby``: the Kamerstukken a document cites, and who cites it."""

from __future__ import annotations

import argparse

from briefing_reader import paths
from briefing_reader.commands import EXIT_OK, fail, load_library, no_document, print_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    refs = sub.add_parser("refs", help="the Kamerstukken and Aanhangsels a document cites")
    refs.add_argument("doc", metavar="DOC", help="document id")
    refs.add_argument("--json", action="store_true", help="print JSON")
    refs.set_defaults(func=cmd_refs)
    cited = sub.add_parser("citedby", help="the documents in the library that cite a document")
    cited.add_argument("doc", metavar="DOC", help="document id")
    cited.add_argument("--json", action="store_true", help="print JSON")
    cited.set_defaults(func=cmd_citedby)


def cmd_refs(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    from briefing_reader.core.content.citing import library_resolver, refs_json

    library = load_library(run_paths)
    doc = library.get(args.doc)
    if doc is None:
        return fail(no_document(args.doc, library.documents))
    records = refs_json(doc, library_resolver(library))
    if args.json:
        print_json({"doc": doc.id, "refs": records})
        return EXIT_OK
    for record in records:
        where = f"  -> {record['target']}" if record["in_library"] else "  (not in the library)"
        print(f"{record['citation']}{where}  [{record['anchor'] or '-'}]  {record['text']}")
    if not records:
        print("no references")
    return EXIT_OK


def cmd_citedby(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    from briefing_reader.core.content.citation import citation

    library = load_library(run_paths)
    doc = library.get(args.doc)
    if doc is None:
        return fail(no_document(args.doc, library.documents))
    citing: dict[str, dict[str, object]] = {}
    for doc_id, anchor, text, offset in library.cited_by(doc.meta):  # parses none of them
        other = library.entry(doc_id)
        meta = library.meta(doc_id)
        entry = citing.setdefault(
            doc_id,
            {
                "doc": doc_id,
                "title": other.title if other else doc_id,
                "citation": citation(meta) if meta else None,
                "places": [],
            },
        )
        places = entry["places"]
        assert isinstance(places, list)
        places.append({"anchor": anchor, "text": text, "offset": offset})
    if args.json:
        print_json(
            {"doc": doc.id, "citation": citation(doc.meta), "cited_by": list(citing.values())}
        )
        return EXIT_OK
    for entry in citing.values():
        places = entry["places"]
        assert isinstance(places, list)
        print(f"{entry['doc']}  {entry['title']}  ({len(places)}x)")
    if not citing:
        print("not cited by any document in the library")
    return EXIT_OK
