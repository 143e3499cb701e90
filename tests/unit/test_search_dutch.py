"""Dutch, done right: every case of the issue on the bundled letter's own text.

A real Whoosh index of the bundled documents, built once in a temp dir.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_reader import paths
from briefing_reader.core.search import SearchIndex, SearchResult
from briefing_reader.core.search.text import DutchTerms, fold, tokens
from briefing_reader.session import open_library

LETTER = "kst-32824-456"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    base: Path = tmp_path_factory.mktemp("search-dutch")
    library = open_library(paths.resolve(base / "data"))
    ix = SearchIndex(base / "index")
    ix.update(library)
    yield ix
    ix.close()


def words_of(result: SearchResult) -> set[str]:
    """Every folded word of every hit's whole text."""
    return {fold(w) for hit in result.hits for _s, _e, w in tokens(hit.text)}


def test_statushouder_finds_statushouders(index: SearchIndex) -> None:
    result = index.search("statushouder", limit=200)
    assert result.total >= 20
    assert "statushouders" in words_of(result)
    assert all("statushouder" in fold(h.text) for h in result.hits)
    assert result.hits[0].matched_words == ("statushouders",)


def test_gemeente_finds_gemeenten(index: SearchIndex) -> None:
    result = index.search("gemeente", doc=LETTER, limit=200)
    assert "gemeenten" in words_of(result)
    assert any("Gemeenten" in w for h in result.hits for w in h.matched_words)


def test_geinitieerd_finds_geinitieerd_with_diaeresis(index: SearchIndex) -> None:
    result = index.search("geinitieerd")
    assert result.total == 1
    assert "geïnitieerd" in result.hits[0].text
    assert result.hits[0].matched_words == ("geïnitieerd",)


def test_financiele_finds_financiele_with_diaeresis(index: SearchIndex) -> None:
    result = index.search("financiele", doc=LETTER)
    assert result.total >= 3
    assert all("inanciële" in h.text for h in result.hits)


def test_motie_finds_moties_and_the_reverse(index: SearchIndex) -> None:
    singular = index.search("motie", limit=500)
    plural = index.search("moties", limit=500)
    assert "moties" in words_of(singular)
    assert "motie" in words_of(plural)
    assert singular.total == plural.total
    # the letter's own sentence, which has only the plural
    assert any("reactie op de moties Van Dijk" in h.text for h in singular.hits)


def _whole_word(hit_text: str, query: str, terms: DutchTerms) -> bool:
    key = terms.key(query)
    return any(terms.key(fold(w)) == key for _s, _e, w in tokens(hit_text))


@pytest.mark.parametrize(
    ("query", "compound"),
    [
        ("vergunning", "tewerkstellingsvergunningen"),
        ("integratie", "integratiebeleid"),
    ],
)
def test_compound_parts_are_found_and_ranked_below_whole_words(
    index: SearchIndex, query: str, compound: str
) -> None:
    result = index.search(query, limit=500)
    terms = index.terms()
    whole = [_whole_word(h.text, query, terms) for h in result.hits]
    assert any(whole), "whole-word hits exist"
    assert not all(whole), "hits only through a compound exist"
    first_compound_only = whole.index(False)
    assert all(not w for w in whole[first_compound_only:]), "whole words rank above"
    compound_hits = [h for h, w in zip(result.hits, whole, strict=True) if not w]
    assert any(compound in fold(h.text) for h in compound_hits)
    # A hit marks the compounds through which the index found it.
    key = terms.key(query)
    assert key is not None
    for hit in compound_hits:
        assert hit.matched_words and all(key in fold(w) for w in hit.matched_words)


def test_tewerkstellingsvergunningen_in_the_letter(index: SearchIndex) -> None:
    result = index.search("vergunning", doc=LETTER, limit=50)
    assert any("tewerkstellingsvergunningen" in h.text for h in result.hits)


def test_misspelling_gives_a_suggestion_that_finds_hits(index: SearchIndex) -> None:
    result = index.search("statushoudres")
    assert result.total == 0
    assert result.suggestion in ("statushouders", "statushouder")
    assert index.search(result.suggestion).total >= 20


def test_suggestion_keeps_the_rest_of_the_query(index: SearchIndex) -> None:
    result = index.search("taaleis gemeentn")
    assert result.suggestion is not None
    assert result.suggestion.startswith("taaleis gemeent")
    assert index.search(result.suggestion).total > 0


def test_known_words_get_no_suggestion(index: SearchIndex) -> None:
    assert index.search("taaleis").suggestion is None
    assert index.search("inburger*").suggestion is None


def test_headings_rank_high(index: SearchIndex) -> None:
    result = index.search("taaleis bijstand", doc=LETTER)
    assert result.hits[0].kind == "heading"
    assert result.hits[0].anchor == "s-2-4"
    assert result.hits[0].section_path == "Pijler 2 > 2.4 Taaleis in de bijstand"


def test_footnote_markers_are_not_indexed(index: SearchIndex) -> None:
    """'rol.[^1]' in the letter must index as 'rol', not 'rol1'."""
    result = index.search("belangrijke rol", doc=LETTER)
    assert any("belangrijke rol." in h.text for h in result.hits)
    assert index.search("rol1").total == 0
