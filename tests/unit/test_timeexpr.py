"""Dutch time expressions to date ranges: one test per phrase, at two document dates.

The first date is that of the bundled letter (4 July 2025, the start of the
summer recess); the second (10 February 2026) moves every relative phrase
and turns some "past" periods into coming ones.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_reader.core.commitments import find_expressions, interpret
from briefing_reader.core.commitments.timeexpr import KIND_SINCE, KIND_VAGUE

LETTER = dt.date(2025, 7, 4)
LATER = dt.date(2026, 2, 10)
VAGUE = "vague"
SINCE = "since"
NONE = "none"


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def span(first: str, last: str) -> tuple[dt.date, dt.date]:
    return d(first), d(last)


# phrase, expected at LETTER, expected at LATER: (earliest, latest), VAGUE, SINCE or NONE.
PHRASES: list[tuple[str, object, object]] = [
    # -- the phrases named in issue 7
    ("nog dit jaar", span("2025-07-04", "2025-12-31"), span("2026-02-10", "2026-12-31")),
    ("dit jaar", span("2025-01-01", "2025-12-31"), span("2026-01-01", "2026-12-31")),
    (
        "voor het einde van het jaar",
        span("2025-07-04", "2025-12-31"),
        span("2026-02-10", "2026-12-31"),
    ),
    (
        "uiterlijk voor het einde van het jaar",
        span("2025-07-04", "2025-12-31"),
        span("2026-02-10", "2026-12-31"),
    ),
    ("eind 2025", span("2025-10-01", "2025-12-31"), span("2025-10-01", "2025-12-31")),
    (
        "aan het einde van dit jaar",
        span("2025-10-01", "2025-12-31"),
        span("2026-10-01", "2026-12-31"),
    ),
    ("dit najaar", span("2025-09-01", "2025-12-21"), span("2026-09-01", "2026-12-21")),
    ("in het najaar", span("2025-09-01", "2025-12-21"), span("2026-09-01", "2026-12-21")),
    ("na de zomer", span("2025-09-01", "2025-12-31"), span("2026-09-01", "2026-12-31")),
    ("na de zomer van 2025", span("2025-09-01", "2025-12-31"), span("2025-09-01", "2025-12-31")),
    (
        "voor het eind van de zomer",
        span("2025-07-04", "2025-09-22"),
        span("2026-02-10", "2026-09-22"),
    ),
    ("volgend jaar zomer", span("2026-06-01", "2026-09-22"), span("2027-06-01", "2027-09-22")),
    ("begin volgend jaar", span("2026-01-01", "2026-03-31"), span("2027-01-01", "2027-03-31")),
    ("begin 2026", span("2026-01-01", "2026-03-31"), span("2026-01-01", "2026-03-31")),
    (
        "in het eerste kwartaal van 2026",
        span("2026-01-01", "2026-03-31"),
        span("2026-01-01", "2026-03-31"),
    ),
    ("begin Q3", span("2025-07-01", "2025-07-31"), span("2026-07-01", "2026-07-31")),
    (
        "in het derde kwartaal van 2025",
        span("2025-07-01", "2025-09-30"),
        span("2025-07-01", "2025-09-30"),
    ),
    (
        "in de tweede helft van 2025",
        span("2025-07-01", "2025-12-31"),
        span("2025-07-01", "2025-12-31"),
    ),
    (
        "in de eerste helft van 2025",
        span("2025-01-01", "2025-06-30"),
        span("2025-01-01", "2025-06-30"),
    ),
    ("in 2027 of eerder", span("2025-07-04", "2027-12-31"), span("2026-02-10", "2027-12-31")),
    (
        "tot en met 30 september 2025",
        span("2025-07-04", "2025-09-30"),
        span("2025-09-30", "2025-09-30"),
    ),
    ("tot in 2029", span("2025-07-04", "2029-12-31"), span("2026-02-10", "2029-12-31")),
    ("zodra er een consortium gevormd is", VAGUE, VAGUE),
    ("op korte termijn", VAGUE, VAGUE),
    # -- explicit dates
    ("15 mei 2025", span("2025-05-15", "2025-05-15"), span("2025-05-15", "2025-05-15")),
    ("1 januari 2026", span("2026-01-01", "2026-01-01"), span("2026-01-01", "2026-01-01")),
    ("op 1 juli 2025", span("2025-07-01", "2025-07-01"), span("2025-07-01", "2025-07-01")),
    ("per 1 januari 2026", span("2026-01-01", "2026-01-01"), span("2026-01-01", "2026-01-01")),
    ("voor 1 januari 2026", span("2025-07-04", "2025-12-31"), span("2025-12-31", "2025-12-31")),
    (
        "uiterlijk 1 oktober 2025",
        span("2025-07-04", "2025-10-01"),
        span("2025-10-01", "2025-10-01"),
    ),
    ("30-09-2025", span("2025-09-30", "2025-09-30"), span("2025-09-30", "2025-09-30")),
    ("1 september", span("2025-09-01", "2025-09-01"), span("2026-09-01", "2026-09-01")),
    ("1 juni", VAGUE, span("2026-06-01", "2026-06-01")),
    ("26 maart jl.", span("2025-03-26", "2025-03-26"), span("2025-03-26", "2025-03-26")),
    ("1 maart a.s.", span("2026-03-01", "2026-03-01"), span("2026-03-01", "2026-03-01")),
    ("31 februari 2026", VAGUE, VAGUE),
    # -- months
    ("in september", span("2025-09-01", "2025-09-30"), span("2026-09-01", "2026-09-30")),
    ("in maart", VAGUE, span("2026-03-01", "2026-03-31")),
    ("in maart van dit jaar", span("2025-03-01", "2025-03-31"), span("2026-03-01", "2026-03-31")),
    ("eind september", span("2025-09-16", "2025-09-30"), span("2026-09-16", "2026-09-30")),
    ("begin oktober 2025", span("2025-10-01", "2025-10-15"), span("2025-10-01", "2025-10-15")),
    ("medio november", span("2025-11-08", "2025-11-22"), span("2026-11-08", "2026-11-22")),
    ("voor september", span("2025-07-04", "2025-09-30"), span("2026-02-10", "2026-09-30")),
    # -- quarters and halves
    ("Q2", VAGUE, span("2026-04-01", "2026-06-30")),
    ("(Q3)", span("2025-07-01", "2025-09-30"), span("2026-07-01", "2026-09-30")),
    ("Q4 2025", span("2025-10-01", "2025-12-31"), span("2025-10-01", "2025-12-31")),
    ("het tweede kwartaal", VAGUE, span("2026-04-01", "2026-06-30")),
    (
        "het vierde kwartaal van volgend jaar",
        span("2026-10-01", "2026-12-31"),
        span("2027-10-01", "2027-12-31"),
    ),
    ("eind Q3", span("2025-09-01", "2025-09-30"), span("2026-09-01", "2026-09-30")),
    ("dit kwartaal", span("2025-07-01", "2025-09-30"), span("2026-01-01", "2026-03-31")),
    ("volgend kwartaal", span("2025-10-01", "2025-12-31"), span("2026-04-01", "2026-06-30")),
    (
        "voor het eerste kwartaal van 2026",
        span("2025-07-04", "2026-03-31"),
        span("2026-02-10", "2026-03-31"),
    ),
    (
        "de tweede helft van het jaar",
        span("2025-07-01", "2025-12-31"),
        span("2026-07-01", "2026-12-31"),
    ),
    (
        "begin van de tweede helft van 2026",
        span("2026-07-01", "2026-09-30"),
        span("2026-07-01", "2026-09-30"),
    ),
    # -- seasons
    ("komend najaar", span("2025-09-01", "2025-12-21"), span("2026-09-01", "2026-12-21")),
    ("komende zomer", span("2025-06-01", "2025-09-22"), span("2026-06-01", "2026-09-22")),
    ("volgende zomer", span("2026-06-01", "2026-09-22"), span("2026-06-01", "2026-09-22")),
    ("deze winter", span("2025-12-01", "2026-03-20"), span("2025-12-01", "2026-03-20")),
    ("in het voorjaar", VAGUE, span("2026-03-01", "2026-06-20")),
    (
        "in het voorjaar van 2026",
        span("2026-03-01", "2026-06-20"),
        span("2026-03-01", "2026-06-20"),
    ),
    ("voor de zomer", span("2025-07-04", "2025-07-07"), span("2026-02-10", "2026-07-07")),
    ("voor de zomer van 2026", span("2025-07-04", "2026-07-07"), span("2026-02-10", "2026-07-07")),
    ("na het zomerreces", span("2025-09-01", "2025-12-31"), span("2026-09-01", "2026-12-31")),
    ("in de zomer", span("2025-06-01", "2025-09-22"), span("2026-06-01", "2026-09-22")),
    # -- years
    ("eind dit jaar", span("2025-10-01", "2025-12-31"), span("2026-10-01", "2026-12-31")),
    ("in 2027", span("2027-01-01", "2027-12-31"), span("2027-01-01", "2027-12-31")),
    ("medio 2026", span("2026-04-01", "2026-09-30"), span("2026-04-01", "2026-09-30")),
    ("volgend jaar", span("2026-01-01", "2026-12-31"), span("2027-01-01", "2027-12-31")),
    ("in de loop van 2026", span("2026-01-01", "2026-12-31"), span("2026-01-01", "2026-12-31")),
    ("uiterlijk in 2026", span("2025-07-04", "2026-12-31"), span("2026-02-10", "2026-12-31")),
    ("tot en met 2026", span("2025-07-04", "2026-12-31"), span("2026-02-10", "2026-12-31")),
    ("tussen 2030 en 2039", span("2030-01-01", "2039-12-31"), span("2030-01-01", "2039-12-31")),
    ("het begin van het jaar", span("2025-01-01", "2025-03-31"), span("2026-01-01", "2026-03-31")),
    ("sinds begin dit jaar", SINCE, SINCE),
    ("sinds 2024", SINCE, SINCE),
    # -- undated
    ("de komende jaren", VAGUE, VAGUE),
    ("de komende tijd", VAGUE, VAGUE),
    ("de komende periode", VAGUE, VAGUE),
    ("het komende jaar", VAGUE, VAGUE),
    ("de komende vier jaar", VAGUE, VAGUE),
    ("zo snel mogelijk", VAGUE, VAGUE),
    ("binnenkort", VAGUE, VAGUE),
    ("op termijn", VAGUE, VAGUE),
    ("voor de langere termijn", VAGUE, VAGUE),
    ("na 2026", VAGUE, VAGUE),
    # -- not a time expression at all
    ("voor 2025", NONE, NONE),
    ("2025", NONE, NONE),
    ("Voorjaarsnota 2025", NONE, NONE),
    ("per jaar", NONE, NONE),
    ("na twee jaar", NONE, NONE),
    ("binnen twee weken", NONE, NONE),
]


def _check(phrase: str, ref: dt.date, expected: object) -> None:
    found = interpret(phrase, ref)
    if expected == NONE:
        assert found is None, found
        return
    assert found is not None, f"{phrase!r} not recognised"
    if expected == VAGUE:
        assert (found.kind, found.earliest, found.latest) == (KIND_VAGUE, None, None)
    elif expected == SINCE:
        assert found.kind == KIND_SINCE
    else:
        assert (found.earliest, found.latest) == expected, found.rule
        assert found.dated


@pytest.mark.parametrize(
    ("phrase", "expected"), [(p, a) for p, a, _ in PHRASES], ids=[p for p, _, _ in PHRASES]
)
def test_phrase_relative_to_the_letter(phrase: str, expected: object) -> None:
    _check(phrase, LETTER, expected)


@pytest.mark.parametrize(
    ("phrase", "expected"), [(p, b) for p, _, b in PHRASES], ids=[p for p, _, _ in PHRASES]
)
def test_phrase_relative_to_a_later_date(phrase: str, expected: object) -> None:
    _check(phrase, LATER, expected)


def test_vanaf_is_a_start_not_a_deadline() -> None:
    """ "vanaf 2026" names the year something starts; it is not due then (issue 17)."""
    for ref in (LETTER, LATER):
        found = interpret("vanaf 2026", ref)
        assert found is not None and found.kind == "start" and not found.dated
        assert (found.earliest, found.latest) == span("2026-01-01", "2026-12-31")


def test_the_words_are_kept_as_written() -> None:
    text = "De beleidsreactie wordt Uiterlijk Voor Het Einde Van Het Jaar verzonden."
    (found,) = find_expressions(text, LETTER)
    assert found.phrase == "Uiterlijk Voor Het Einde Van Het Jaar"
    assert text[found.start : found.end] == found.phrase


def test_the_longest_expression_wins() -> None:
    found = find_expressions("die na de zomer van 2025 wordt opgeleverd", LETTER)
    assert [f.phrase for f in found] == ["na de zomer van 2025"]


def test_planned_for_is_not_before() -> None:
    (found,) = find_expressions("staat gepland voor het eerste kwartaal van 2026", LETTER)
    assert found.phrase == "het eerste kwartaal van 2026"
    assert (found.earliest, found.latest) == span("2026-01-01", "2026-03-31")


def test_several_expressions_in_one_sentence_come_in_order() -> None:
    text = (
        "Ik ontvang de uitkomsten aan het einde van dit jaar en informeer de Kamer in het "
        "eerste kwartaal van 2026."
    )
    assert [f.phrase for f in find_expressions(text, LETTER)] == [
        "aan het einde van dit jaar",
        "in het eerste kwartaal van 2026",
    ]


def test_years_that_name_things_are_no_dates() -> None:
    text = (
        "De Wet inburgering 2021, de Voorjaarsnota 2025, het onderzoek uit 2015 en "
        "(SCP, 2022) zijn geen termijnen."
    )
    assert find_expressions(text, LETTER) == []


def test_a_zodra_clause_stops_at_the_main_verb() -> None:
    (found,) = find_expressions("Zodra er een consortium gevormd is zal ik u informeren.", LETTER)
    assert found.phrase == "Zodra er een consortium gevormd is"
    assert found.kind == KIND_VAGUE


def test_interpret_wants_the_whole_phrase() -> None:
    assert interpret("in 2027 en nog iets", LETTER) is None
    assert interpret("", LETTER) is None


_WORDS = [
    "in",
    "voor",
    "vóór",
    "na",
    "tot",
    "en",
    "met",
    "uiterlijk",
    "nog",
    "vanaf",
    "per",
    "sinds",
    "of",
    "eerder",
    "het",
    "de",
    "dit",
    "deze",
    "volgend",
    "komend",
    "komende",
    "begin",
    "eind",
    "einde",
    "medio",
    "van",
    "jaar",
    "zomer",
    "najaar",
    "winter",
    "voorjaar",
    "kwartaal",
    "eerste",
    "tweede",
    "derde",
    "helft",
    "Q1",
    "Q3",
    "(Q4)",
    "2025",
    "2026",
    "1999",
    "29",
    "31",
    "1",
    "februari",
    "mei",
    "december",
    "jl.",
    "a.s.",
    "zodra",
    "er",
    "is",
    "zal",
    "ik",
    "gepland",
    "staat",
    "termijn",
    "korte",
    ",",
    ".",
]


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(_WORDS), max_size=14),
    ref=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)),
)
def test_any_text_gives_ordered_consistent_expressions(words: list[str], ref: dt.date) -> None:
    text = " ".join(words)
    found = find_expressions(text, ref)
    assert [f.start for f in found] == sorted(f.start for f in found)
    for before, after in itertools.pairwise(found):
        assert before.end <= after.start
    for expr in found:
        assert text[expr.start : expr.end].strip() == expr.phrase
        if expr.kind == KIND_VAGUE:
            assert expr.earliest is None and expr.latest is None
        else:
            assert expr.earliest is not None and expr.latest is not None
            assert expr.earliest <= expr.latest


def test_a_leap_day_last_year_is_no_crash() -> None:
    (found,) = find_expressions("op 29 februari jl.", dt.date(2024, 1, 10))
    assert found.kind == KIND_VAGUE
