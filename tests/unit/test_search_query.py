"""The query language parser: every construct, and malformed input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefing_reader.core.search.query import Fuzzy, Phrase, Prefix, Word, parse


def test_words_are_all_required_and_folded() -> None:
    q = parse("Taaleis Gemeenten financiële")
    assert q.required == [[Word("taaleis")], [Word("gemeenten")], [Word("financiele")]]
    assert not q.malformed


def test_phrase_keeps_stop_words() -> None:
    assert parse('"open en vrije samenleving"').required == [
        [Phrase(("open", "en", "vrije", "samenleving"))]
    ]


def test_or_binds_tighter_than_and() -> None:
    assert parse("taal OR werk gemeenten").required == [
        [Word("taal"), Word("werk")],
        [Word("gemeenten")],
    ]


def test_not_and_minus_exclude() -> None:
    q = parse("taaleis NOT bijstand -asiel")
    assert q.required == [[Word("taaleis")]]
    assert q.excluded == [Word("bijstand"), Word("asiel")]


def test_prefix_and_fuzzy() -> None:
    assert parse("inburger*").required == [[Prefix("inburger")]]
    assert parse("statushoudres~").required == [[Fuzzy("statushoudres", 2)]]
    assert parse("taal~").required == [[Fuzzy("taal", 1)]]
    assert parse("taal~2").required == [[Fuzzy("taal", 2)]]


def test_filters() -> None:
    q = parse("doc:kst-32824-456 in:acties taaleis")
    assert q.doc == "kst-32824-456"
    assert q.actions_only
    assert q.required == [[Word("taaleis")]]


def test_hyphenated_word_is_a_phrase() -> None:
    assert parse("Staten-Generaal").required == [[Phrase(("staten", "generaal"))]]


def test_malformed_queries_become_plain_words() -> None:
    for text, words in [
        ('"open en vrij', ["open", "en", "vrij"]),
        ("taal OR", ["taal"]),
        ("OR taal", ["taal"]),
        ("taal NOT", ["taal"]),
        ("in:nergens taal", ["in", "nergens", "taal"]),
        ("doc: taal", ["doc", "taal"]),
        ("taal OR OR werk", ["taal", "werk"]),
        ("ta*al*", ["ta", "al"]),
    ]:
        q = parse(text)
        assert q.malformed, text
        assert q.required == [[Word(w)] for w in words], text


def test_punctuation_only_is_empty() -> None:
    assert parse("*** ~ ,.").empty or parse("*** ~ ,.").malformed
    assert parse("").empty
    assert parse("   ").empty


@given(st.text(alphabet=st.sampled_from(list('ab "*~-:() ORNTdocin\u00eb\t')), max_size=40))
def test_parse_never_raises(text: str) -> None:
    q = parse(text)
    assert q.text == text
