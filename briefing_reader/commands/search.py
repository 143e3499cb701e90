"""``search``: Dutch full-text search across every document."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

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
from briefing_reader.core.messages import Message, message
from briefing_reader.language import words

if TYPE_CHECKING:
    from briefing_reader.core.search import SearchResult

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


def _print_readable(result: SearchResult) -> None:
    """The hits by document, in the user's language, matched words in [brackets]."""
    if result.suggestion:
        print(words(message("search.did_you_mean", suggestion=result.suggestion)))
    if result.missing and result.hits:
        print(words(message("search.not_found", words=", ".join(result.missing))))
    if not result.hits:
        print(words(message("search.no_results", query=result.query)))
        return
    if result.partial:
        print(words(message("search.partial")))
    print(words(_counted(result)))
    for doc_id, hits in result.by_document().items():
        print(f"\n{hits[0].doc_title}  [{doc_id}]")
        for hit in hits:
            where = hit.section_path or words(message("search.opening"))
            kind = words(message(_KINDS[hit.kind])) if hit.kind in _KINDS else hit.kind
            lacking = [word for word in hit.missing if word not in result.missing]
            said = message("search.hit_lacks", words=", ".join(lacking))
            lacks = f"  {words(said)}" if lacking else ""
            print(f"  #{hit.anchor}  {where}  ({kind}){lacks}")
            print(f"      {_marked(hit.snippet, hit.snippet_spans)}")


_KINDS = {  # a unit's kind -> the message code of its word
    "paragraph": "search.kind_paragraph",
    "heading": "search.kind_heading",
    "action": "search.kind_action",
    "footnote": "search.kind_footnote",
    "table": "search.kind_table",
}


def _counted(result: SearchResult) -> Message:
    """``40 results for: QUERY (8 documents; first 20)``."""
    shown = len(result.hits)
    where = (
        message("search.one_document")
        if result.documents == 1
        else message("search.documents", count=result.documents)
    )
    more = message("search.first", shown=shown) if shown < result.total else ""
    if result.total == 1:
        return message("search.one_result", query=result.query, where=where, more=more)
    return message("search.results", count=result.total, query=result.query, where=where, more=more)


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The snippet with matched words in [brackets] (readable in any terminal)."""
    out, pos = [], 0
    for start, end in spans:
        out += [text[pos:start], "[", text[start:end], "]"]
        pos = end
    out.append(text[pos:])
    return "".join(out)
