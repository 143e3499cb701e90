"""The bundled letter as the app sees it: outline, footnotes, text, citation."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from briefing_reader import paths
from briefing_reader.core.content import Document
from briefing_reader.core.content.citation import (
    citation,
    dutch_date,
    full_citation,
    parliamentary_year,
)
from briefing_reader.session import open_library


@pytest.fixture(scope="module")
def letter() -> Document:
    library = open_library(paths.resolve())
    assert library.errors == []
    doc = library.get("kst-32824-456")
    assert doc is not None
    return doc


def test_outline_has_the_letters_structure(letter: Document) -> None:
    top = [(n.id, n.kind) for n in letter.outline.children]
    assert top == [
        ("eerste-uitwerking", "section"),
        ("pijler-1", "pillar"),
        ("pijler-2", "pillar"),
        ("s-3", "section"),
        ("s-4", "section"),
        ("voetnoten", "section"),
    ]
    sections = [n.title.split()[0] for n in letter.outline.walk() if n.id.startswith("s-")]
    assert sections == [f"1.{i}" for i in range(1, 9)] + [f"2.{i}" for i in range(1, 7)] + [
        "3.",
        "4.",
    ]


def test_burgerschap_is_a_topic_of_pillar_1_between_1_6_and_1_7(letter: Document) -> None:
    # The pillar's own list of topics names it after "Polarisatie en
    # maatschappelijke spanningen" (1.6) and before 1.7; it has no number.
    pillar = letter.node("pijler-1")
    assert pillar is not None
    children = [(n.id, n.kind) for n in pillar.children]
    at = children.index(("t-burgerschap", "section"))
    assert children[at - 1][0] == "s-1-6" and children[at + 1][0] == "s-1-7"
    node = letter.node("t-burgerschap")
    assert node is not None and node.title == "Burgerschap"
    assert letter.section_path(node) == "Pijler 1 > Burgerschap"
    assert "Expertisepunt Burgerschap" in letter.text(node)
    assert "Burgerschap" not in letter.text(letter.node("s-1-6"))


def test_twenty_actions_with_unique_ids_under_their_themes(letter: Document) -> None:
    actions = [n for n in letter.outline.walk() if n.kind == "action"]
    assert len(actions) == 20
    assert len({a.id for a in actions}) == 20
    for action in actions:
        assert action.id.startswith("actie-")
        assert action.parent is not None and action.parent.kind in ("section", "theme")
        assert letter.text(action)  # every box holds text
    by_id = {a.id: a for a in actions}
    assert by_id["actie-maatschappelijke-spanningen"].title == "Maatschappelijke spanningen"
    assert letter.text(
        by_id["actie-tegengaan-discriminatie-en-verdiepend-onderzoek-triggerfactoren"]
    ).startswith("Herhaling en verdieping")


def test_sub_actions_are_addressable(letter: Document) -> None:
    subs = {n.id: n for n in letter.outline.walk() if n.kind == "subaction"}
    assert len(subs) == len({*subs})
    vroeg = subs["actie-asielzoekers-vroege-start"]
    assert vroeg.title == "Vroege start"
    assert vroeg.parent is not None and vroeg.parent.id == "actie-asielzoekers-aan-het-werk"
    plans = [n for n in subs.values() if n.parent and n.parent.id == "t-statelijke-inmenging"]
    assert len(plans) == 4 and plans[0].title.startswith("Het organiseren van regionale")
    assert letter.section_path(vroeg) == "Pijler 2 > 2.1 Asielzoekers aan het werk > Vroege start"


def test_all_22_footnote_markers_link_to_their_texts(letter: Document) -> None:
    html = letter.html()
    refs = re.findall(r'href="#fn-(\d+)"', html)
    assert refs == [str(n) for n in range(1, 23)]
    assert sorted(letter.footnotes, key=int) == [str(n) for n in range(1, 23)]
    assert letter.footnotes["8"] == "Kamerstuk 32 824, nr. 450"
    for missing in ("20", "22"):
        assert letter.footnotes[missing] == "Tekst ontbreekt in de bron."
    assert html.count('<span class="editorial">') == 2


def test_finance_table_keeps_the_printed_values(letter: Document) -> None:
    table = next(b for b in letter.blocks if b.kind == "table")
    rows = [row.split("\t") for row in table.text.split("\n")]
    assert rows[0][1:8] == ["2025", "2026", "2027", "2028", "2029", "2030", "Struc."]
    startbanen = next(r for r in rows if r[0] == "Startbanen (2.2)")
    assert [c for c in startbanen[1:] if c] == ["1,3", "0"]
    assert next(r for r in rows if r[0] == "Totaal")[1:8] == [
        "5",
        "11,6",
        "15,6",
        "22,3",
        "26,6",
        "22",
        "17,4",
    ]


def test_citation_in_dutch_parliamentary_style(letter: Document) -> None:
    assert citation(letter.meta) == "Kamerstukken II 2024/25, 32 824, nr. 456"
    assert full_citation(letter.meta) == (
        "Kamerstukken II 2024/25, 32 824, nr. 456, Voortgang Actieagenda Integratie en de "
        "Open en Vrije Samenleving, 4 juli 2025"
    )


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (dt.date(2025, 7, 4), "2024/25"),
        (dt.date(2025, 9, 15), "2024/25"),
        (dt.date(2025, 9, 16), "2025/26"),
        (dt.date(2024, 9, 17), "2024/25"),
        (dt.date(2026, 1, 1), "2025/26"),
        (dt.date(1999, 12, 31), "1999/00"),
    ],
)
def test_parliamentary_year_starts_on_prinsjesdag(day: dt.date, year: str) -> None:
    assert parliamentary_year(day) == year


def test_dutch_dates() -> None:
    assert dutch_date(dt.date(2025, 7, 4)) == "4 juli 2025"
    assert dutch_date(dt.date(2026, 3, 31)) == "31 maart 2026"
