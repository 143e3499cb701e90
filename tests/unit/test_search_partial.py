"""Ranking, partial matches, verb forms and table snippets, on the real index of
the bundled documents (issue 18, item 9)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_reader import paths
from briefing_reader.core.search import SearchIndex
from briefing_reader.core.search.text import verb_forms
from briefing_reader.session import open_library

LETTER = "kst-32824-456"
OURS = {"begrippen", "dossier-32824", "moties"}


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    base: Path = tmp_path_factory.mktemp("search-partial")
    ix = SearchIndex(base / "index")
    ix.update(open_library(paths.resolve(base / "data")))
    yield ix
    ix.close()


def places(index: SearchIndex, query: str) -> set[tuple[str, str]]:
    return {(h.doc, h.anchor) for h in index.search(query, limit=500).hits}


def test_the_letter_ranks_above_our_documents_for_equal_relevance(index: SearchIndex) -> None:
    # The glossary's short entries score higher on length alone; each hit holds
    # the word once, so the letter comes first, from its first passage on.
    hits = index.search("huwelijksdwang").hits
    docs = [h.doc for h in hits]
    assert docs[0] == LETTER and set(docs) == {LETTER, "begrippen"}
    assert docs == sorted(docs, key=lambda d: d in OURS)
    assert (hits[0].doc, hits[0].anchor) == (LETTER, "p-16")
    assert "huwelijksdwang" in hits[0].text
    assert hits[0].missing == ()


def test_a_whole_word_in_our_documents_ranks_above_a_compound_part_in_the_letter(
    index: SearchIndex,
) -> None:
    # The glossary's "Specifieke uitkering" holds the word; the letter's
    # "bijstandsuitkering" only holds it as a part.
    places = [(h.doc, h.anchor) for h in index.search("uitkering", limit=200).hits]
    glossary = places.index(("begrippen", "p-119"))
    part_only = [
        i
        for i, h in enumerate(index.search("uitkering", limit=200).hits)
        if "bijstandsuitkering" in h.text and " uitkering" not in h.text
    ]
    assert part_only and glossary < min(part_only)
    assert places[0][0] == LETTER  # the letter's own "uitkeringen" come first


def test_a_verb_form_the_stemmer_does_not_join_finds_the_forms_the_letter_uses(
    index: SearchIndex,
) -> None:
    # p-128 holds "gemeenten", "taaleis" and "handhaven"; nothing holds "handhaaft".
    assert index.search("handhaaft taaleis").total > 0
    result = index.search("taaleis gemeenten handhaaft")
    assert not result.partial and result.missing == []
    assert [(h.doc, h.anchor) for h in result.hits] == [(LETTER, "p-128")]
    assert "handhaven" in result.hits[0].matched_words
    assert "handhaven" in verb_forms("handhaaft") and "ontwikkelen" in verb_forms("ontwikkeld")


def test_a_form_the_library_holds_is_not_joined_to_look_alike_verbs(index: SearchIndex) -> None:
    # "gebied" occurs; it must not also find "bieden" as if it were its participle
    assert not any("bieden" in h.matched_words for h in index.search("gebied").hits)


def test_words_in_one_section_but_no_one_paragraph_give_partial_matches(index: SearchIndex) -> None:
    # 2.4 has "knelpunten" in one paragraph and "bijstandsuitkering" in others.
    result = index.search("knelpunten bijstand", limit=500)
    assert result.partial and result.missing == []
    lacking = {(h.doc, h.anchor): h.missing for h in result.hits}
    assert lacking[(LETTER, "p-128")] == ("bijstand",)
    assert lacking[(LETTER, "p-127")] == ("knelpunten",)
    # the compound part counts as it does alone: the units without
    # "knelpunten" are exactly those "bijstand" finds on its own
    assert {p for p, m in lacking.items() if m == ("knelpunten",)} == places(index, "bijstand")
    assert {p for p, m in lacking.items() if m == ("bijstand",)} == places(index, "knelpunten")


def test_a_word_found_nowhere_is_named_and_the_others_still_find(index: SearchIndex) -> None:
    result = index.search("taaleis gemeenten xyzzyq")
    assert result.partial and result.missing == ["xyzzyq"]
    assert (result.hits[0].doc, result.hits[0].anchor) == (LETTER, "p-128")
    assert result.hits[0].missing == ("xyzzyq",)
    # units with both found words come before units with one
    counts = [len(h.missing) for h in result.hits]
    assert counts == sorted(counts)
    assert result.to_json()["missing"] == ["xyzzyq"]


def test_a_query_that_finds_everything_is_not_partial(index: SearchIndex) -> None:
    result = index.search("taaleis gemeenten")
    assert not result.partial and result.missing == [] and result.total > 0
    assert all(h.missing == () for h in result.hits)
    nothing = index.search("xyzzyq")
    assert (nothing.total, nothing.partial, nothing.missing) == (0, False, ["xyzzyq"])


def test_a_table_hit_reads_as_its_row_with_named_cells(index: SearchIndex) -> None:
    hit = next(h for h in index.search("taaleis", limit=50).hits if h.kind == "table")
    assert hit.snippet == (
        "Taaleis (2.4)* | 2025: 0 | 2026: 0 | 2027: 3,7 | 2028: 10,6 | "
        "2029: 17,4 | 2030: 22 | Struc.: 17,4"
    )
    assert [hit.snippet[s:e] for s, e in hit.snippet_spans] == ["Taaleis"]
    header = next(h for h in index.search("2027", limit=50).hits if h.kind == "table")
    assert header.snippet.startswith("2025 | 2026 | 2027")


def test_section_paths_of_the_text_before_the_first_pillar(index: SearchIndex) -> None:
    paths_of = {
        h.anchor: h.section_path for h in index.search("taaleis", limit=50).hits if h.doc == LETTER
    }
    assert paths_of["p-11"] == ""  # the opening: no heading above it ("Opening" in lists)
    hits = index.search("actieagenda tweede pijlers", limit=50).hits
    assert ("p-13", "Eerste uitwerking Actieagenda") in {(h.anchor, h.section_path) for h in hits}
    intro = index.search("huwelijksdwang eer gerelateerd").hits[0]
    assert (intro.anchor, intro.section_path) == ("p-16", "Pijler 1")
    assert index.search("burgerschap expertisepunt").hits[0].section_path == (
        "Pijler 1 > Burgerschap"
    )
