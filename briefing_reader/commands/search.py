"""``search``: Dutch full-text search across every document."""

from __future__ import annotations

import argparse

from briefing_reader import paths
from briefing_reader.commands import (
    EXIT_OK,
    EXIT_USAGE,
    fail,
    load_library,
    no_document,
    print_json,
    warn,
)

QUERY_HELP = """\
query language:
  taaleis gemeenten     every word must occur (Dutch stemming: gemeente = gemeenten)
  "open en vrij"        exact phrase
  taal OR werk          either word
  NOT asiel, -asiel     must not occur
  inburger*             words starting with 'inburger'
  statushoudres~        words one or two letters off
  doc:ID                only this document
  in:acties             only text inside actions

A query word that starts with '-' after the command needs '--' before it:
  briefing-reader search -- taaleis -bijstand
"""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    search = sub.add_parser(
        "search",
        help="search every document (Dutch-aware)",
        epilog=QUERY_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    search.add_argument(
        "query",
        metavar="QUERY",
        nargs="+",
        help="the query (several arguments are joined with spaces)",
    )
    search.add_argument("--doc", metavar="ID", help="only this document")
    search.add_argument("--actions", action="store_true", help="only text inside actions")
    search.add_argument(
        "--limit", metavar="N", type=int, default=20, help="at most N hits (default 20)"
    )
    search.add_argument("--json", action="store_true", help="print JSON")
    search.set_defaults(func=cmd_search)


def cmd_search(args: argparse.Namespace, run_paths: paths.Paths) -> int:
    from briefing_reader.core.search import SearchError, SearchIndex

    if args.limit < 1:
        return fail("--limit must be at least 1", EXIT_USAGE)
    # The index answers; the catalogue only says whether it is current.
    library = load_library(run_paths, check="quick")
    if args.doc and library.entry(args.doc) is None:
        return fail(no_document(args.doc, library.documents))
    query = " ".join(args.query)
    index = SearchIndex(run_paths.search_index)
    try:
        index.update(library)
        if index.warning:
            warn(index.warning)
        try:
            result = index.search(query, doc=args.doc, actions_only=args.actions, limit=args.limit)
        except SearchError:  # damaged after it was checked: rebuild once, in memory
            index.close()
            index = SearchIndex(None)
            index.update(library)
            result = index.search(query, doc=args.doc, actions_only=args.actions, limit=args.limit)
        # Snippets are made from the open index (its vocabulary splits compounds).
        if args.json:
            print_json(result.to_json())
        else:
            _print_readable(result)
    except SearchError as exc:
        return fail(exc)
    finally:
        index.close()
    return EXIT_OK


def _print_readable(result: object) -> None:
    from briefing_reader.core.search import SearchResult

    assert isinstance(result, SearchResult)
    if result.suggestion:
        print(f"Bedoelde u: {result.suggestion}")
    if result.missing and result.hits:
        print(f"Niet gevonden: {', '.join(result.missing)}")
    if not result.hits:
        print(f"Geen resultaten voor: {result.query}")
        return
    if result.partial:
        print("Geen treffer heeft alle woorden; de beste gedeeltelijke treffers:")
    shown = len(result.hits)
    where = "1 document" if result.documents == 1 else f"{result.documents} documenten"
    more = f"; eerste {shown}" if shown < result.total else ""
    found = "resultaat" if result.total == 1 else "resultaten"
    print(f"{result.total} {found} voor: {result.query} ({where}{more})")
    for doc_id, hits in result.by_document().items():
        print(f"\n{hits[0].doc_title}  [{doc_id}]")
        for hit in hits:
            where = hit.section_path or "Opening"
            lacking = [word for word in hit.missing if word not in result.missing]
            lacks = f"  niet gevonden: {', '.join(lacking)}" if lacking else ""
            print(f"  #{hit.anchor}  {where}  ({hit.kind}){lacks}")
            print(f"      {_marked(hit.snippet, hit.snippet_spans)}")


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The snippet with matched words in [brackets] (readable in any terminal)."""
    out, pos = [], 0
    for start, end in spans:
        out += [text[pos:start], "[", text[start:end], "]"]
        pos = end
    out.append(text[pos:])
    return "".join(out)
