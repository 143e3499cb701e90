"""Dutch term making: folding, stemming plus normalisation, compound parts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_reader.core.search.text import (
    CompoundSplitter,
    DutchTerms,
    _fold_table,
    fold,
    normalise_stem,
    tokens,
    vocabulary_of,
)


@pytest.fixture(scope="module")
def terms() -> DutchTerms:
    return DutchTerms()


def test_fold_lowers_and_removes_accents() -> None:
    assert fold("Financiële") == "financiele"
    assert fold("geïnitieerd") == "geinitieerd"
    assert fold("Ĳsselmeer") == "ijsselmeer"


@given(st.text(max_size=40))
def test_fold_is_lowering_then_the_fold_table(text: str) -> None:
    # fold looks up only the non-ASCII characters (for speed): the same result
    # as running the whole text through the table.
    assert fold(text) == text.lower().translate(_fold_table())


def test_tokens_split_on_punctuation_with_offsets() -> None:
    text = "rol. Staten-Generaal, 2024/25"
    assert [(s, e, w) for s, e, w in tokens(text)] == [
        (0, 3, "rol"),
        (5, 11, "Staten"),
        (12, 20, "Generaal"),
        (22, 26, "2024"),
        (27, 29, "25"),
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("statushouder", "statushouders"),
        ("gemeente", "gemeenten"),
        ("motie", "moties"),
        ("actie", "acties"),
        ("financiele", "financiële"),
        ("geinitieerd", "geïnitieerd"),
        ("gezin", "gezinnen"),
        ("brief", "brieven"),
        ("huis", "huizen"),
        ("kind", "kinderen"),
        ("categorie", "categorieën"),
    ],
)
def test_singular_and_plural_share_a_key(terms: DutchTerms, a: str, b: str) -> None:
    assert terms.key(fold(a)) == terms.key(fold(b))


def test_snowball_alone_misses_motie_moties() -> None:
    """The reason for :func:`normalise_stem`: without it the keys differ."""
    from whoosh.lang.snowball.dutch import DutchStemmer

    stem = DutchStemmer().stem
    assert stem("motie") != stem("moties")
    assert normalise_stem(stem("motie")) == normalise_stem(stem("moties"))


def test_stop_words_have_no_key_but_short_words_and_numbers_do(terms: DutchTerms) -> None:
    assert terms.key("de") is None
    assert terms.key("het") is None
    assert terms.key("eu") == "eu"
    assert terms.key("2025") == "2025"


def test_keys_of_text(terms: DutchTerms) -> None:
    assert terms.keys("De moties over gemeenten") == ["motie", "gemeent"]


def test_compound_parts_against_the_vocabulary() -> None:
    vocab = vocabulary_of(
        ["vergunning vergunningen integratie beleid taal eis plicht", "inburgering werk"]
    )
    split = CompoundSplitter(vocab)
    assert "vergunningen" in split.parts("tewerkstellingsvergunningen")
    assert set(split.parts("integratiebeleid")) == {"integratie", "beleid"}
    assert set(split.parts("inburgeringsplicht")) == {"inburgering", "plicht"}
    assert set(split.parts("taaleis")) == set()  # shorter than the minimum length
    assert split.parts("integratie") == ()
    assert split.parts("onbekendewoordenbrij") == ()


def test_compound_splitting_is_deterministic_and_ignores_stop_words() -> None:
    vocab = {"voor", "waarde", "integratie", "beleid"}
    split = CompoundSplitter(vocab, stop_words=frozenset({"voor"}))
    assert split.parts("voorwaarde") == ("waarde",)  # 'voor' is a stop word: no part
    assert split.parts("integratiebeleid") == CompoundSplitter(vocab).parts("integratiebeleid")
