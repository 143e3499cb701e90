"""Commitments, the timeline and the actions register, on the bundled letter.

``data/letter_commitments.json`` lists, labelled by hand from
``content/kst-32824-456.md``, every dated commitment of the letter, some
undated ones, and sentences that are no commitment. The extractor must find
every labelled one and no other dated one: a wrong date shown to a member is
worse than none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest

from briefing_reader import paths
from briefing_reader.core.commitments import (
    DUE_CLOSED,
    DUE_LATE,
    DUE_LATER,
    DUE_SOON,
    DUE_UNDATED,
    ActionRow,
    Commitment,
    CommitmentsError,
    MarkerError,
    UnknownStatusError,
    build_register,
    check_status,
    commitment_id,
    due_status,
    extract_commitments,
    library_commitments,
    load_glossary,
    row_due,
    split_sentences,
    timeline,
    with_notes,
)
from briefing_reader.core.content import Document, Library, parse_document
from briefing_reader.session import open_library

LETTER_ID = "kst-32824-456"
LABELS = json.loads(
    (Path(__file__).parent / "data" / "letter_commitments.json").read_text(encoding="utf-8")
)
DATED: list[dict[str, Any]] = LABELS["dated"]
UNDATED: list[dict[str, Any]] = LABELS["undated"]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return open_library(paths.resolve(tmp_path_factory.mktemp("data")))


@pytest.fixture(scope="module")
def letter(library: Library) -> Document:
    doc = library.get(LETTER_ID)
    assert doc is not None
    return doc


@pytest.fixture(scope="module")
def found(letter: Document) -> list[Commitment]:
    return extract_commitments(letter)


def _match(items: list[Commitment], label: dict[str, Any]) -> list[Commitment]:
    return [
        c
        for c in items
        if c.anchor == label["anchor"]
        and label["fragment"] in c.sentence
        and c.phrase == label["phrase"]
    ]


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# -- the hand-labelled letter ------------------------------------------------


@pytest.mark.parametrize("label", DATED, ids=[f"{x['anchor']}:{x['phrase']}" for x in DATED])
def test_every_labelled_dated_commitment_is_found(
    found: list[Commitment], label: dict[str, Any]
) -> None:
    matches = _match(found, label)
    assert len(matches) == 1, [c.sentence for c in found if c.anchor == label["anchor"]]
    (item,) = matches
    assert (item.earliest, item.latest) == (d(label["earliest"]), d(label["latest"]))
    assert item.to_kamer is label["to_kamer"]


def test_no_dated_commitment_beyond_the_labelled_ones(found: list[Commitment]) -> None:
    labelled = {id(c) for label in DATED for c in _match(found, label)}
    extra = [
        f"{c.anchor}: {c.phrase!r} in {c.sentence!r}"
        for c in found
        if c.dated and id(c) not in labelled
    ]
    assert extra == []
    assert len([c for c in found if c.dated]) == len(DATED) == 24  # "vanaf" is no deadline


@pytest.mark.parametrize("label", UNDATED, ids=[x["fragment"][:40] for x in UNDATED])
def test_labelled_undated_commitments_are_listed_without_date(
    found: list[Commitment], label: dict[str, Any]
) -> None:
    (item,) = _match(found, label)
    assert (item.earliest, item.latest) == (None, None)
    assert item.to_kamer is label["to_kamer"]


@pytest.mark.parametrize("fragment", LABELS["not_commitments"])
def test_sentences_that_look_back_or_describe_are_no_commitments(
    found: list[Commitment], letter: Document, fragment: str
) -> None:
    assert fragment in letter.plain_text.replace("\n", " ")
    assert [c.sentence for c in found if fragment in c.sentence] == []


def test_promises_to_the_kamer_are_told_apart(found: list[Commitment]) -> None:
    kamer = [c for c in found if c.dated and c.to_kamer]
    assert len(kamer) == sum(1 for x in DATED if x["to_kamer"]) == 9
    assert all(re.search(r"[Kk]amer|\bu\b|U ontvangt", c.sentence) for c in kamer)


def test_footnote_markers_are_not_in_sentences(found: list[Commitment]) -> None:
    (item,) = [c for c in found if c.anchor == "p-56"]
    assert item.sentence.endswith("over het operationeel worden van dit meldpunt.")


def test_ids_are_stable_and_unique(found: list[Commitment]) -> None:
    assert len({c.id for c in found}) == len(found)
    (item,) = [c for c in found if c.anchor == "p-31" and c.dated]
    digest = hashlib.sha1(item.sentence.encode("utf-8")).hexdigest()[:10]
    assert (
        item.id == f"{LETTER_ID}:p-31:{digest}" == commitment_id(LETTER_ID, "p-31", item.sentence)
    )


def test_one_sentence_can_hold_two_commitments(found: list[Commitment]) -> None:
    first, second = [c for c in found if c.anchor == "p-65" and c.dated]
    assert first.sentence == second.sentence
    assert first.id != second.id
    assert (first.to_kamer, second.to_kamer) == (False, True)


def test_commitments_know_where_they_stand(found: list[Commitment]) -> None:
    (item,) = [c for c in found if c.anchor == "p-31" and c.dated]
    assert item.node == "actie-verandering-van-binnenuit"
    assert item.section_path.startswith("Pijler 1 > 1.1 Recht op zelfbeschikking")
    assert item.doc == LETTER_ID


def test_the_library_lists_letters_not_our_companions(library: Library) -> None:
    items = library_commitments(library)
    assert {c.doc for c in items} == {LETTER_ID}
    assert any(doc.meta.kind == "companion" for doc in library)


def test_abbreviations_do_not_end_a_sentence() -> None:
    text = "Dit geldt o.a. voor gemeenten, zie nr. 26. Ook J.N.J. Nobel tekende. Klaar."
    assert split_sentences(text) == [
        "Dit geldt o.a. voor gemeenten, zie nr. 26.",
        "Ook J.N.J. Nobel tekende.",
        "Klaar.",
    ]


# -- due status and the timeline ---------------------------------------------


@pytest.mark.parametrize(
    ("latest", "status", "expected"),
    [
        ("2025-09-30", "Openstaand", DUE_LATE),
        ("2025-10-01", "Openstaand", DUE_SOON),
        ("2025-10-31", "Openstaand", DUE_SOON),
        ("2025-11-01", "Openstaand", DUE_LATER),
        (None, "Openstaand", DUE_UNDATED),
        ("2025-09-30", "Deels voldaan", DUE_LATE),
        ("2025-09-30", "Voldaan", DUE_CLOSED),
        ("2026-09-30", "Vervallen", DUE_CLOSED),
    ],
)
def test_due_status_on_1_october_2025(latest: str | None, status: str, expected: str) -> None:
    assert due_status(d(latest) if latest else None, d("2025-10-01"), status) == expected


def _dues(found: list[Commitment], today: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for entry in timeline(found, d(today)):
        if entry.commitment.dated:
            out.setdefault(entry.due, []).append(
                f"{entry.commitment.anchor} {entry.commitment.phrase}"
            )
    return out


def test_on_the_day_of_the_letter(found: list[Commitment]) -> None:
    dues = _dues(found, "2025-07-04")
    assert dues[DUE_LATE] == ["p-96 in de eerste helft van 2025"]
    assert dues[DUE_SOON] == ["p-93 begin Q3"]
    assert len(dues[DUE_LATER]) == 22


def test_on_1_october_2025(found: list[Commitment]) -> None:
    dues = _dues(found, "2025-10-01")
    assert dues[DUE_LATE] == [
        "p-96 in de eerste helft van 2025",
        "p-93 begin Q3",
        "p-35 Voor het eind van de zomer",
        "p-93 Q3",
        "p-97 in het derde kwartaal van 2025",
    ]
    assert DUE_SOON not in dues
    assert len(dues[DUE_LATER]) == 19


def test_on_1_december_2025(found: list[Commitment]) -> None:
    dues = _dues(found, "2025-12-01")
    assert len(dues[DUE_LATE]) == 5
    assert len(dues[DUE_SOON]) == 12  # "vanaf 2025" is no deadline (issue 17)
    assert dues[DUE_SOON][0] == "p-141 in het najaar"  # 21 December, before the year's end
    assert len(dues[DUE_LATER]) == 7  # nor is "vanaf 2026"


def test_on_1_april_2026(found: list[Commitment]) -> None:
    dues = _dues(found, "2026-04-01")
    assert len(dues[DUE_LATE]) == 22  # "vanaf 2025" is not overdue (issue 17)
    assert dues[DUE_LATER] == ["p-110 volgend jaar zomer", "p-121 in 2027 of eerder"]


def test_timeline_sorts_by_deadline_with_undated_last(found: list[Commitment]) -> None:
    entries = timeline(found, d("2025-10-01"))
    latest = [e.commitment.latest for e in entries]
    dated = [x for x in latest if x is not None]
    assert dated == sorted(dated)
    assert latest[len(dated) :] == [None] * (len(latest) - len(dated))
    assert {e.due for e in entries[len(dated) :]} == {DUE_UNDATED}


def test_stored_statuses_change_the_due_status(found: list[Commitment]) -> None:
    peiling = next(c for c in found if c.anchor == "p-96" and c.dated)
    zomer = next(c for c in found if c.anchor == "p-35" and c.dated)
    stored = {
        peiling.id: ("Voldaan", "Peiling staat online"),
        zomer.id: ("Deels voldaan", ""),
        "unknown:id": ("Vervallen", ""),
    }
    entries = {e.commitment.id: e for e in timeline(found, d("2025-10-01"), stored)}
    assert (entries[peiling.id].status, entries[peiling.id].due) == ("Voldaan", DUE_CLOSED)
    assert entries[peiling.id].note == "Peiling staat online"
    assert (entries[zomer.id].status, entries[zomer.id].due) == ("Deels voldaan", DUE_LATE)
    overdue = timeline(found, d("2025-10-01"), stored, overdue_only=True)
    assert len(overdue) == 4 and all(e.overdue for e in overdue)


def test_a_stored_status_that_is_not_known_counts_as_open(found: list[Commitment]) -> None:
    item = next(c for c in found if c.dated)
    (entry,) = timeline([item], d("2030-01-01"), {item.id: ("Misschien", "")})
    assert (entry.status, entry.due) == ("Openstaand", DUE_LATE)


def test_status_values_are_checked() -> None:
    assert check_status("Deels voldaan") == "Deels voldaan"
    with pytest.raises(UnknownStatusError, match="Openstaand, Voldaan"):
        check_status("klaar")
    assert issubclass(UnknownStatusError, CommitmentsError)


# -- explicit markers ----------------------------------------------------------

MARKED = """---
id: proef
kind: kamerbrief
title: Proef
date: 2025-07-04
---

{.toezegging datum="2025-12-31"}
De minister kijkt hiernaar. Dat is alles.

{#eigen-toezegging .toezegging van="2025-09-01" tot="2025-10-31" kamer="ja"}
Het rapport volgt. Het is belangrijk.

{.toezegging zin="uw Kamer"}
We werken hard. Ik zal uw Kamer in het najaar informeren.

{.geen-toezegging}
Ik zal uw Kamer voor het einde van het jaar informeren.

Ik zal uw Kamer voor het einde van het jaar informeren over de stand.

{.toezegging}
We starten in 2026 een project. Ik zal u voor 1 oktober 2025 informeren.
"""


def _doc(text: str, tmp_path: Path) -> Document:
    path = tmp_path / "proef.md"
    path.write_text(text, encoding="utf-8")
    return parse_document(text, path)


def test_markers_override_the_rules(tmp_path: Path) -> None:
    items = extract_commitments(_doc(MARKED, tmp_path))
    plain = [
        (c.anchor, c.sentence, c.phrase, c.earliest, c.latest, c.to_kamer, c.explicit)
        for c in items
    ]
    assert plain == [
        ("p-1", "De minister kijkt hiernaar.", None, d("2025-12-31"), d("2025-12-31"), False, True),
        (
            "eigen-toezegging",
            "Het rapport volgt.",
            None,
            d("2025-09-01"),
            d("2025-10-31"),
            True,
            True,
        ),
        (
            "p-3",
            "Ik zal uw Kamer in het najaar informeren.",
            "in het najaar",
            d("2025-09-01"),
            d("2025-12-21"),
            True,
            True,
        ),
        (
            "p-5",
            "Ik zal uw Kamer voor het einde van het jaar informeren over de stand.",
            "voor het einde van het jaar",
            d("2025-07-04"),
            d("2025-12-31"),
            True,
            False,
        ),
        (
            "p-6",
            "We starten in 2026 een project.",
            "in 2026",
            d("2026-01-01"),
            d("2026-12-31"),
            False,
            True,
        ),
    ]
    assert all(c.rule == "marker" for c in items if c.explicit)


@pytest.mark.parametrize(
    ("attrs", "reason"),
    [
        ('datum="eind dit jaar"', "not a date"),
        ('van="2025-10-01" tot="2025-09-01"', "later than tot"),
        ('zin="bestaat niet"', "in no sentence"),
    ],
)
def test_unreadable_markers_are_reported(tmp_path: Path, attrs: str, reason: str) -> None:
    text = (
        MARKED.split("{.toezegging datum")[0] + f"{{.toezegging {attrs}}}\nIk doe iets.\n\n"
        "Ik zal uw Kamer in 2026 informeren.\n"
    )
    doc = _doc(text, tmp_path)
    with pytest.raises(MarkerError, match=reason) as caught:
        extract_commitments(doc)
    assert caught.value.anchor == "p-1"
    errors: list[MarkerError] = []
    items = extract_commitments(doc, errors=errors)
    assert [e.anchor for e in errors] == ["p-1"]
    assert [c.anchor for c in items] == ["p-2"]


def test_a_document_without_a_date_gives_undated_commitments(tmp_path: Path) -> None:
    text = MARKED.replace("date: 2025-07-04\n", "")
    items = extract_commitments(_doc(text, tmp_path))
    rule_hit = next(c for c in items if c.anchor == "p-5")
    assert (rule_hit.phrase, rule_hit.earliest, rule_hit.latest) == (
        "voor het einde van het jaar",
        None,
        None,
    )
    marked = next(c for c in items if c.anchor == "p-1")
    assert marked.latest == d("2025-12-31")  # an explicit date needs no document date
    by_rule = next(c for c in items if c.anchor == "p-3")
    assert (by_rule.phrase, by_rule.latest) == ("in het najaar", None)


# -- the actions register ------------------------------------------------------


@pytest.fixture(scope="module")
def rows(library: Library) -> list[ActionRow]:
    return build_register(library)


def _row(rows: list[ActionRow], action_id: str) -> ActionRow:
    return next(r for r in rows if r.id == action_id)


def test_a_row_for_every_action_and_sub_action(rows: list[ActionRow], letter: Document) -> None:
    assert [r.id for r in rows] == [n.id for n in letter.actions()]
    assert {r.kind for r in rows} == {"action", "subaction"}


def test_a_row_knows_its_place_and_first_sentence(rows: list[ActionRow]) -> None:
    row = _row(rows, "actie-taaleis-in-de-bijstand")
    assert (row.doc, row.pillar_id, row.section_id, row.title) == (
        LETTER_ID,
        "pijler-2",
        "s-2-4",
        "Taaleis in de bijstand",
    )
    assert row.section == "2.4 Taaleis in de bijstand"
    assert row.first_sentence == "Taal is de basis van een goede integratie in Nederland."
    assert row.address == f"{LETTER_ID}#actie-taaleis-in-de-bijstand"
    untitled = _row(rows, "actie-statelijke-inmenging-regionale-sessies")
    assert untitled.first_sentence.startswith("Het organiseren van regionale sessies")


def test_organisations_named_come_from_the_glossary(
    rows: list[ActionRow], library: Library
) -> None:
    glossary = {e.term: e for e in load_glossary(library.get("begrippen"))}
    assert glossary["COA"].organisation and glossary["SZW"].organisation
    assert glossary["Schiphol"].organisation and glossary["VNO-NCW"].organisation
    assert not glossary["AI"].organisation and not glossary["mkb"].organisation
    assert not glossary["AZC"].organisation and not glossary["Q2, Q3"].organisation
    row = _row(rows, "actie-asielzoekers-eerste-verkenning")
    assert row.organisations == ("ABU", "AWVN", "COA", "NBBU", "UWV", "VNG", "VNO-NCW")
    assert row.organisation_ids[0] == "afk-abu"
    # the letter writes "Raad van de Kinderbescherming", the glossary "voor"; a footnote
    # marker follows the name
    assert (
        "Raad voor de Kinderbescherming"
        in _row(rows, "actie-kennisontwikkeling-en-kennisdeling").organisations
    )


def test_deadlines_inside_an_action(rows: list[ActionRow], found: list[Commitment]) -> None:
    row = _row(rows, "actie-problematisch-gedrag")
    assert [(x.phrase, x.latest) for x in row.deadlines] == [
        ("aan het einde van dit jaar", d("2025-12-31")),
        ("in het eerste kwartaal van 2026", d("2026-03-31")),
    ]
    assert {x.commitment_id for x in row.deadlines} <= {c.id for c in found}
    window = _row(rows, "actie-werkgevers-subsidieregeling")
    assert [(x.phrase, x.commitment_id) for x in window.deadlines] == [
        ("tot en met 30 september 2025", None),
        ("tot in 2029", None),
    ]
    looking_back = _row(rows, "actie-imamopleiding-evaluatie-eerdere-poging")
    assert looking_back.deadlines == ()  # "begin 2024", "begin 2025" are history


def test_the_members_fields_are_placeholders(rows: list[ActionRow]) -> None:
    row = _row(rows, "actie-startbanen")
    assert (row.stance, row.priority, row.has_note, row.question_count) == (None,) * 4
    filled = with_notes(row, stance="Kritisch", priority="hoog", has_note=True, question_count=2)
    assert (filled.stance, filled.question_count, row.stance) == ("Kritisch", 2, None)
    assert filled.to_dict()["priority"] == "hoog"


def test_row_due_takes_the_most_urgent_commitment(rows: list[ActionRow]) -> None:
    row = _row(rows, "actie-problematisch-gedrag")
    assert row_due(row, d("2025-12-15")) == DUE_SOON
    assert row_due(row, d("2026-01-15")) == DUE_LATE
    first = row.deadlines[0].commitment_id
    assert first is not None
    assert row_due(row, d("2026-01-15"), {first: ("Voldaan", "")}) == DUE_LATER
    assert row_due(_row(rows, "actie-werkgevers-subsidieregeling"), d("2026-01-01")) == DUE_UNDATED


# -- the command line ----------------------------------------------------------


def test_the_examples_in_the_content_format_document(tmp_path: Path) -> None:
    doc_text = (Path(__file__).resolve().parents[2] / "docs" / "content-format.md").read_text(
        encoding="utf-8"
    )
    section = doc_text.split("## Commitments", 1)[1]
    example = section.split("```markdown\n", 1)[1].split("```", 1)[0]
    text = "---\nid: voorbeeld\nkind: kamerbrief\ntitle: Voorbeeld\ndate: 2025-07-04\n---\n\n"
    items = extract_commitments(_doc(text + example, tmp_path))
    assert [(c.anchor, c.earliest, c.latest, c.to_kamer, c.phrase) for c in items] == [
        ("p-1", d("2025-12-31"), d("2025-12-31"), True, None),
        ("toezegging-meldpunt", d("2025-09-01"), d("2025-12-31"), True, "in het najaar"),
        ("p-3", d("2026-03-01"), d("2026-06-20"), True, "in het voorjaar van 2026"),
    ]
    assert items[2].sentence.startswith("Ik zal uw Kamer daarover")
