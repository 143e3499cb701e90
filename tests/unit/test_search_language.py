"""Each construct of the query language on a real index of the bundled documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_reader import paths
from briefing_reader.core.search import SearchIndex
from briefing_reader.core.search.text import WORD, fold
from briefing_reader.session import open_library

LETTER = "kst-32824-456"
OURS = {"begrippen", "dossier-32824", "moties"}


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    base: Path = tmp_path_factory.mktemp("search-language")
    ix = SearchIndex(base / "index")
    ix.update(open_library(paths.resolve(base / "data")))
    yield ix
    ix.close()


def folded(index: SearchIndex, query: str, **kwargs: object) -> list[str]:
    return [fold(h.text) for h in index.search(query, limit=500, **kwargs).hits]  # type: ignore[arg-type]


def test_all_words_must_occur(index: SearchIndex) -> None:
    texts = folded(index, "taaleis gemeenten")
    assert texts
    assert all("taaleis" in t and "gemeent" in t for t in texts)
    assert index.search("taaleis gemeenten").total < index.search("taaleis").total


def test_exact_phrase_is_unstemmed_keeps_stop_words_and_checks_order(index: SearchIndex) -> None:
    texts = folded(index, '"open en vrije samenleving"')
    assert texts
    assert all("open en vrije samenleving" in t for t in texts)
    assert index.search('"samenleving vrije en open"').total == 0
    # unstemmed: the plural does not match the singular inside quotes
    assert index.search('"gemeente"').total < index.search("gemeente").total
    assert all("gemeente" in t.split() or "gemeente" in t for t in folded(index, '"gemeente"'))


def test_phrase_highlights_the_whole_phrase(index: SearchIndex) -> None:
    hit = index.search('"taaleis in de bijstand"').hits[0]
    marked = [hit.snippet[s:e] for s, e in hit.snippet_spans]
    assert [m.lower() for m in marked] == ["taaleis", "in", "de", "bijstand"]


def test_or(index: SearchIndex) -> None:
    either = index.search("taaleis OR startbanen").total
    assert either > index.search("taaleis").total
    assert either > index.search("startbanen").total
    words = {
        fold(w)
        for h in index.search("taaleis OR startbanen", limit=200).hits
        for w in h.matched_words
    }
    assert words <= {"taaleis", "startbanen", "startbaan"}


@pytest.mark.parametrize("query", ["taaleis NOT bijstand", "taaleis -bijstand"])
def test_not_and_minus(index: SearchIndex, query: str) -> None:
    texts = folded(index, query)
    assert texts
    assert not any("bijstand" in t.split() for t in texts)
    assert index.search(query).total < index.search("taaleis").total


def test_prefix(index: SearchIndex) -> None:
    result = index.search("inburger*", limit=100)
    assert result.total > 5
    words = {fold(w) for h in result.hits for w in h.matched_words}
    assert {"inburgering", "inburgeringstraject"} <= words
    assert all(w.startswith("inburger") for w in words)


def test_fuzzy(index: SearchIndex) -> None:
    result = index.search("statushoudres~")
    assert result.total > 0
    assert {fold(w) for h in result.hits for w in h.matched_words} <= {
        "statushouders",
        "statushouder",
    }
    assert index.search("taaleiss~1").total > 0


def test_doc_filter_in_the_query_and_as_option(index: SearchIndex) -> None:
    in_query = index.search(f"doc:{LETTER} motie", limit=100)
    as_option = index.search("motie", doc=LETTER, limit=100)
    assert in_query.total == as_option.total > 0
    assert {h.doc for h in in_query.hits} == {LETTER}
    assert index.search("motie").total > in_query.total


def test_actions_filter_in_the_query_and_as_option(index: SearchIndex) -> None:
    in_query = index.search("in:acties taal", limit=200)
    as_option = index.search("taal", actions_only=True, limit=200)
    assert in_query.total == as_option.total > 0
    assert {h.kind for h in in_query.hits} == {"action"}
    assert index.search("taal").total > in_query.total
    # an action's text is addressable: the sub-action id or a paragraph in it
    doc = open_library(paths.resolve()).get(LETTER)
    assert doc is not None
    for hit in in_query.hits:
        assert hit.anchor in doc.anchors() or hit.anchor.startswith("p-")


def test_hits_carry_where_they_are(index: SearchIndex) -> None:
    hit = index.search("Schiphol voorlichtingsactiviteiten").hits[0]
    assert hit.doc == LETTER
    assert hit.doc_title.startswith("Voortgang Actieagenda")
    assert hit.anchor.startswith("p-")
    assert hit.section_path.startswith("Pijler 1 > ")
    assert "<b>" in hit.snippet_html
    assert hit.to_json().keys() == {
        "doc",
        "anchor",
        "section_path",
        "kind",
        "snippet",
        "score",
        "missing",
    }


def test_footnotes_have_their_own_anchor(index: SearchIndex) -> None:
    hits = index.search("Adviesraad Migratie Talenten benutten").hits
    assert any(h.kind == "footnote" and h.anchor == "fn-1" for h in hits)


def test_limit_and_total(index: SearchIndex) -> None:
    result = index.search("werk", limit=3)
    assert len(result.hits) == 3
    assert result.total > 3
    hits = index.search("werk", limit=200).hits
    # whole words before compound parts, then the letters before our documents,
    # then by score
    key = index.terms().key
    order = [
        ("werk" not in {key(w) for w in WORD.findall(fold(h.text))}, h.doc in OURS, -h.score)
        for h in hits
    ]
    assert order == sorted(order)
    assert order[0][:2] == (False, False) and (False, True) in [o[:2] for o in order]


def test_stop_words_alone_are_searched_but_ignored_among_other_words(index: SearchIndex) -> None:
    assert index.search("het").total > 100
    assert index.search("taaleis in de bijstand").total == index.search("taaleis bijstand").total


def test_result_spans_mark_every_hit_in_a_whole_document(index: SearchIndex) -> None:
    doc = open_library(paths.resolve()).get(LETTER)
    assert doc is not None
    text = doc.plain_text
    result = index.search("gemeente")
    spans = result.spans(text)
    assert len(spans) >= 40
    marked = {fold(text[s:e]) for s, e in spans}
    assert {"gemeente", "gemeenten"} <= marked
    assert all("gemeente" in word for word in marked)  # compounds too: gemeenteloket
    assert index.highlighter("gemeente").spans(text) == spans


def test_empty_query(index: SearchIndex) -> None:
    result = index.search("   ")
    assert result.total == 0
    assert result.hits == []
    assert result.suggestion is None


@pytest.mark.parametrize(
    "query",
    [
        '"open en',
        "OR",
        "taal OR",
        "NOT",
        "-",
        "*",
        "~",
        "doc:",
        "in:",
        "in:nergens taal",
        '""',
        "((taal",
        "taal~9",
        "doc:bestaat-niet taal",
        "\\",
        "'",
        "a" * 300,
    ],
)
def test_malformed_queries_never_raise(index: SearchIndex, query: str) -> None:
    result = index.search(query)
    assert result.query == query


def test_malformed_query_is_searched_as_plain_words(index: SearchIndex) -> None:
    result = index.search('"taaleis bijstand')
    assert result.malformed
    assert result.total == index.search("taaleis bijstand").total > 0


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=st.sampled_from(list('taleisgmnd "*~-:()ORNTdocin\u00eb\t')), max_size=30))
def test_any_query_never_raises(index: SearchIndex, query: str) -> None:
    result = index.search(query, limit=5)
    assert result.total >= len(result.hits)
    for hit in result.hits:
        assert hit.snippet is not None
