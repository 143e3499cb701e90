"""Importing annotations made by other tools (issue 16): W3C examples,
Hypothesis, Recogito-style arrays; what is placed, what is refused and why."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefing_reader import paths
from briefing_reader.core.content import Library
from briefing_reader.core.notes import NotesStore, exchange, open_store, reanchor_library
from briefing_reader.core.notes.anchors import find_quote
from briefing_reader.core.notes.merging import MISSING_DOCUMENT
from briefing_reader.session import open_library

LETTER = "kst-32824-456"
SOURCE = f"urn:briefing-reader:doc:{LETTER}"
CONTEXT = "http://www.w3.org/ns/anno.jsonld"
QUOTE = "De NCTV stelt het dreigingsniveau"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return open_library(paths.resolve(tmp_path_factory.mktemp("library")))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[NotesStore]:
    opened = open_store(tmp_path / "p" / "notes.sqlite3", tmp_path / "p" / "backups")
    yield opened
    opened.close()


def annotation(**fields: Any) -> dict[str, Any]:
    base = {
        "@context": CONTEXT,
        "id": "http://example.org/anno1",
        "type": "Annotation",
        "target": {"source": SOURCE, "selector": {"type": "TextQuoteSelector", "exact": QUOTE}},
    }
    base.update(fields)
    return base


def load(
    store: NotesStore, tmp_path: Path, data: Any, library: Library, **kwargs: Any
) -> exchange.ImportReport:
    path = tmp_path / "in.jsonld"
    path.write_text(json.dumps(data), encoding="utf-8")
    return exchange.import_jsonld(store, path, library, **kwargs)


def refusal(store: NotesStore, tmp_path: Path, data: Any, library: Library) -> str:
    with pytest.raises(exchange.ExchangeError) as caught:
        load(store, tmp_path, data, library)
    assert store.highlights() == [] and store.bookmarks() == []
    assert store.action_annotations() == []
    return str(caught.value)


def test_a_body_without_purpose_is_the_comment_with_its_language(
    store: NotesStore, tmp_path: Path, library: Library
) -> None:
    body = {
        "type": "TextualBody",
        "value": "<p>Is dit <b>haalbaar</b>?<script>x()</script>"
        "<img src='/etc/passwd' alt='grafiek'></p>",
        "format": "text/html",
        "language": "en",
    }
    assert load(store, tmp_path, annotation(body=body), library).added == 1
    (highlight,) = store.highlights()
    assert highlight.note == "Is dit **haalbaar**?grafiek"
    assert highlight.anchor.quote.exact == QUOTE and highlight.anchor.place
    assert highlight.anchor_status == "exact"
    out = exchange.annotation_json(highlight, store.exchange_details())
    assert out["body"]["language"] == "en"
    assert out["via"] == "http://example.org/anno1"
    assert out["id"] == f"urn:uuid:{highlight.id}"
    # the same file again: the same id, nothing doubled
    assert exchange.import_jsonld(store, tmp_path / "in.jsonld", library).unchanged == 1


@pytest.mark.parametrize("fmt", ["text/plain", "text/markdown", None])
def test_plain_and_markdown_bodies_keep_their_text(
    store: NotesStore, tmp_path: Path, library: Library, fmt: str | None
) -> None:
    body = {"type": "TextualBody", "value": "Zie *ook* § 2", **({"format": fmt} if fmt else {})}
    load(store, tmp_path, annotation(body=body), library)
    assert store.highlights()[0].note == "Zie *ook* § 2"


def test_a_hypothesis_search_response_is_read(
    store: NotesStore, tmp_path: Path, library: Library
) -> None:
    doc = library.get(LETTER)
    assert doc is not None
    at = doc.plain_text.index(QUOTE)
    row = {
        "id": "Xy7_aBc",
        "uri": f"https://zoek.officielebekendmakingen.nl/{LETTER}.html",
        "text": "Vraag **aan** de minister",
        "tags": ["nctv"],
        "user": "acct:piet@hypothes.is",
        "user_info": {"display_name": "Piet Jansen"},
        "created": "2025-07-20T10:00:00.000000+00:00",
        "updated": "2025-07-21T10:00:00.000000+00:00",
        "target": [
            {
                "source": f"https://zoek.officielebekendmakingen.nl/{LETTER}.html",
                "selector": [
                    {
                        "type": "RangeSelector",
                        "startContainer": "/main[1]/p[4]",
                        "startOffset": 0,
                        "endContainer": "/main[1]/p[4]",
                        "endOffset": 33,
                    },
                    {"type": "TextPositionSelector", "start": at + 500, "end": at + 533},
                    {"type": "TextQuoteSelector", "exact": QUOTE, "prefix": "", "suffix": ""},
                ],
            }
        ],
    }
    report = load(store, tmp_path, {"total": 1, "rows": [row]}, library)
    assert report.added == 1
    (highlight,) = store.highlights()
    assert highlight.author == "Piet Jansen" and highlight.tags == ("nctv",)
    assert highlight.note == "Vraag **aan** de minister"
    assert highlight.anchor.position.start == at  # placed by its quote, not its offsets
    assert highlight.modified == "2025-07-21T10:00:00.000Z"
    details = store.exchange_details()[highlight.id]
    assert details["original_id"] == "https://hypothes.is/a/Xy7_aBc"


def test_a_top_level_array_is_read(store: NotesStore, tmp_path: Path, library: Library) -> None:
    items = [annotation(id=f"http://example.org/a{n}", bodyValue=f"noot {n}") for n in range(3)]
    assert load(store, tmp_path, items, library).added == 3


def test_prefix_and_suffix_place_a_quote_that_occurs_twice(
    store: NotesStore, tmp_path: Path, library: Library
) -> None:
    doc = library.get(LETTER)
    assert doc is not None
    text = doc.plain_text
    exact = "inburgering"

    def context(at: int) -> tuple[str, str]:
        return text[at - 20 : at], text[at + len(exact) : at + len(exact) + 20]

    found = find_quote(text, exact)
    second = next(
        at for at in found[1:] if [context(other) for other in found].count(context(at)) == 1
    )
    prefix, suffix = context(second)
    selector = {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix}
    load(store, tmp_path, annotation(target={"source": SOURCE, "selector": selector}), library)
    assert store.highlights()[0].anchor.position.start == second
    no_context = {"type": "TextQuoteSelector", "exact": exact}
    reason = refusal(
        open_store(tmp_path / "q" / "n.sqlite3"),
        tmp_path,
        annotation(target={"source": SOURCE, "selector": no_context}),
        library,
    )
    assert "cannot be placed" in reason


def test_range_and_xpath_selectors_are_ignored_beside_a_quote_and_refused_alone(
    store: NotesStore, tmp_path: Path, library: Library
) -> None:
    both = {
        "source": SOURCE,
        "selector": [
            {"type": "XPathSelector", "value": "/html/body/p[2]"},
            {"type": "TextQuoteSelector", "exact": QUOTE},
        ],
    }
    assert load(store, tmp_path, annotation(target=both), library).added == 1
    alone = {"source": SOURCE, "selector": {"type": "RangeSelector", "startSelector": {}}}
    reason = refusal(
        open_store(tmp_path / "q" / "n.sqlite3"), tmp_path, annotation(target=alone), library
    )
    assert "annotation 1 (http://example.org/anno1)" in reason
    assert "only RangeSelector, which cannot be placed" in reason


FRAGMENTS = {
    "image-area": ("xywh=10,10,100,100", "names no action or section"),
    "xpointer": ("xpointer(/1/3)", "names no action or section"),
    "unknown-action": ("actie-bestaat-niet", "names no action or section"),
}


@pytest.mark.parametrize("case", sorted(FRAGMENTS))
def test_a_fragment_that_is_no_action_or_section_is_refused(
    case: str, store: NotesStore, tmp_path: Path, library: Library
) -> None:
    value, reason = FRAGMENTS[case]
    target = {"source": SOURCE, "selector": {"type": "FragmentSelector", "value": value}}
    assert reason in refusal(store, tmp_path, annotation(target=target), library)


def test_fragments_name_actions_and_sections_and_never_cost_a_quote(
    store: NotesStore, tmp_path: Path, library: Library
) -> None:
    def target(value: str, *extra: dict[str, Any]) -> dict[str, Any]:
        return {
            "source": SOURCE,
            "selector": [{"type": "FragmentSelector", "value": value}, *extra],
        }

    items = [
        annotation(
            id="http://x.org/1", bodyValue="Steun", target=target("actie-taaleis-in-de-bijstand")
        ),
        annotation(id="http://x.org/2", bodyValue="Over de paragraaf", target=target("s-2-4")),
        annotation(
            id="http://x.org/3",
            bodyValue="Met een plaatje",
            target=target("xywh=0,0,5,5", {"type": "TextQuoteSelector", "exact": QUOTE}),
        ),
    ]
    assert load(store, tmp_path, items, library).added == 3
    (action,) = store.action_annotations()
    assert action.action_id == "actie-taaleis-in-de-bijstand" and action.note == "Steun"
    by_note = {h.note: h for h in store.highlights()}
    assert by_note["Over de paragraaf"].anchor.place == "s-2-4"
    assert by_note["Met een plaatje"].anchor.quote.exact == QUOTE


def test_a_whole_document_target_is_a_note_on_the_document(
    store: NotesStore, tmp_path: Path, library: Library
) -> None:
    data = annotation(target=SOURCE, bodyValue="Goede brief")
    data.pop("id")
    data["id"] = "http://example.org/page-note"
    assert load(store, tmp_path, data, library).added == 1
    (note,) = store.highlights()
    assert note.note == "Goede brief" and note.anchor.position.start == 0


def test_several_targets_make_one_note_each(
    store: NotesStore, tmp_path: Path, library: Library
) -> None:
    second = "De onlinewereld speelt een centrale rol"
    data = annotation(
        bodyValue="Vergelijk",
        target=[
            {"source": SOURCE, "selector": {"type": "TextQuoteSelector", "exact": QUOTE}},
            {"source": SOURCE, "selector": {"type": "TextQuoteSelector", "exact": second}},
        ],
    )
    assert load(store, tmp_path, data, library).added == 2
    assert sorted(h.anchor.quote.exact for h in store.highlights()) == sorted([QUOTE, second])
    broken = annotation(target=[SOURCE, {"source": "https://example.org/x"}])
    reason = refusal(open_store(tmp_path / "q" / "n.sqlite3"), tmp_path, broken, library)
    assert "target 2: its target is not a document Briefing Reader knows" in reason


def test_a_document_not_in_the_library_waits_and_anchors_when_it_arrives(tmp_path: Path) -> None:
    run_paths = paths.resolve()
    store = open_store(run_paths.notes_db, run_paths.backups)
    data = annotation(
        bodyValue="Later lezen",
        target={
            "source": "urn:briefing-reader:doc:kst-99999-1",
            "selector": {
                "type": "TextQuoteSelector",
                "exact": "een zin die later komt",
                "prefix": "Hier staat ",
                "suffix": ", eindelijk.",
            },
        },
    )
    try:
        before = open_library(run_paths)
        assert load(store, tmp_path, data, before).added == 1
        (waiting,) = store.highlights()
        assert waiting.anchor_status == "orphaned"
        (item,) = store.reviews.open_items()
        assert item.event.reason == MISSING_DOCUMENT and item.doc_id == "kst-99999-1"
        reanchor_library(store, before, run_paths.versions)
        assert store.highlights()[0].anchor_status == "orphaned"

        run_paths.imported_documents.mkdir(parents=True, exist_ok=True)
        (run_paths.imported_documents / "kst-99999-1.md").write_text(
            "---\nid: kst-99999-1\nkind: kamerbrief\ntitle: Later\n---\n\n"
            "{#p-1}\nHier staat een zin die later komt, eindelijk.\n",
            encoding="utf-8",
        )
        after = open_library(run_paths)
        assert after.get("kst-99999-1") is not None
        reanchor_library(store, after, run_paths.versions)
        (placed,) = store.highlights()
        assert placed.anchor_status in ("exact", "moved")
        doc = after.get("kst-99999-1")
        start = placed.anchor.position.start
        assert doc.plain_text[start : placed.anchor.position.end] == "een zin die later komt"
        assert store.reviews.open_items() == []
    finally:
        store.close()
