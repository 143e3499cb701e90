"""Tables that do not add up: Dutch numbers, total rows and columns, the letter's table."""

from __future__ import annotations

from decimal import Decimal

import pytest

from briefing_reader import paths
from briefing_reader.core.commitments import (
    check_document,
    check_library,
    check_rows,
    format_number,
    has_total,
    parse_number,
    table_rows,
)
from briefing_reader.core.content import Library
from briefing_reader.session import open_library


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return open_library(paths.resolve(tmp_path_factory.mktemp("data")))


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("10,6", Decimal("10.6")),
        ("5,0", Decimal("5.0")),
        ("22", Decimal(22)),
        ("1.000", Decimal(1000)),
        ("1.234.567,89", Decimal("1234567.89")),
        ("€ 5,0", Decimal("5.0")),
        ("17,4*", Decimal("17.4")),
        ("-3,5", Decimal("-3.5")),
        ("2.5", Decimal("2.5")),
        ("", Decimal(0)),
        ("-", Decimal(0)),
        (" ", Decimal(0)),
        ("n.v.t.", None),
        ("Totaal", None),
        ("10,6 mln", None),
    ],
)
def test_parse_dutch_numbers(cell: str, value: Decimal | None) -> None:
    assert parse_number(cell) == value


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("6.3"), "6,3"),
        (Decimal("10.60"), "10,6"),
        (Decimal(1000), "1000"),
        (Decimal("-1.0"), "-1"),
        (Decimal(0), "0"),
    ],
)
def test_format_numbers_the_dutch_way(value: Decimal, text: str) -> None:
    assert format_number(value) == text


def test_a_total_row_that_adds_up_is_quiet() -> None:
    rows = [["", "2025", "2026"], ["A", "1,5", "2"], ["B", "2,5", ""], ["Totaal", "4,0", "2"]]
    assert has_total(rows)
    assert check_rows(rows) == []


def test_a_total_row_that_does_not_add_up() -> None:
    rows = [
        ["", "2025", "2026"],
        ["A", "1,5", "2,0"],
        ["B", "2,5", "3,0"],
        ["Totaal", "4,0", "6,0"],
    ]
    (diff,) = check_rows(rows, doc="d", anchor="tabel-1")
    assert (diff.doc, diff.anchor, diff.row, diff.column) == ("d", "tabel-1", "Totaal", "2026")
    assert (diff.printed, diff.computed, diff.difference, diff.rounding) == (
        "6,0",
        "5",
        "-1",
        False,
    )


def test_a_total_column() -> None:
    rows = [
        ["Post", "Rijk", "Gemeenten", "Totaal"],
        ["A", "1.000", "250", "1.250"],
        ["B", "10", "5", "18"],
    ]
    (diff,) = check_rows(rows)
    assert (diff.row, diff.column, diff.printed, diff.computed) == ("B", "Totaal", "18", "15")
    assert not diff.rounding


def test_differences_rounding_can_explain_are_marked() -> None:
    rows = [["", "x"], ["A", "1,1"], ["B", "1,1"], ["C", "1,1"], ["Totaal", "3,4"]]
    (diff,) = check_rows(rows)  # 3,3 printed as 3,4: rounding explains up to 4 x 0,05
    assert (diff.computed, diff.rounding) == ("3,3", True)
    rows[-1][1] = "3,6"
    (diff,) = check_rows(rows)
    assert (diff.computed, diff.rounding) == ("3,3", False)
    whole = [["", "x"], ["A", "2"], ["B", "3"], ["Totaal", "6"]]  # 2,4 + 3,4 = 5,8 -> 6
    assert [(d.computed, d.rounding) for d in check_rows(whole)] == [("5", True)]


def test_columns_with_text_are_not_checked() -> None:
    rows = [["", "bedrag", "opmerking"], ["A", "1", "zie noot"], ["Totaal", "2", "n.v.t."]]
    assert [d.column for d in check_rows(rows)] == ["bedrag"]


def test_subtotals_are_not_added_twice() -> None:
    rows = [["", "x"], ["A", "1"], ["B", "2"], ["Subtotaal", "3"], ["C", "4"], ["Totaal", "7"]]
    assert check_rows(rows) == []


def test_short_rows_and_tables_without_totals() -> None:
    assert check_rows([["", "x"], ["A", "1"]]) == []
    rows = [["", "2025", "2026"], ["A", "1"], ["Totaal", "1", "0"]]
    assert check_rows(rows) == []
    assert not has_total([["", "x"], ["A", "1"], ["B", "2"]])


def test_the_letters_finance_table(library: Library) -> None:
    letter = library.get("kst-32824-456")
    assert letter is not None
    (table,) = [b for b in letter.blocks if b.kind == "table"]
    rows = table_rows(table.text)
    assert rows[2][:3] == ["Startbanen (2.2)", "1,3", "0"]
    found = [
        (d.row, d.column, d.printed, d.computed, d.difference, d.rounding)
        for d in check_document(letter)
    ]
    # 2025: 5,0 + 1,3 + 0 = 6,3 where 5 is printed; 2026: 10,6 + 0 + 0 = 10,6 where 11,6
    # is printed. The Startbanen row's 1,3 is not in the 2025 total; 2027-2030 and
    # Struc. add up.
    assert found == [
        ("Totaal", "2025", "5", "6,3", "1,3", False),
        ("Totaal", "2026", "11,6", "10,6", "-1", False),
    ]
    assert check_library(library) == check_document(letter)
