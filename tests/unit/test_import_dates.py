"""The date of a letter without a Kamerstuk letterhead, from its text or file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing_reader.core.importing import plaintext
from briefing_reader.core.importing.letterhead import text_date


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Den Haag, 14 november 2026", dt.date(2026, 11, 14)),
        ("Utrecht, 3 maart 2026.", dt.date(2026, 3, 3)),
        ("Datum: 1 februari 2027", dt.date(2027, 2, 1)),
        ("vrijdag 4 juli 2025", dt.date(2025, 7, 4)),
        ("14 November 2026", dt.date(2026, 11, 14)),
    ],
)
def test_a_dated_line_gives_the_date(line: str, day: dt.date) -> None:
    assert text_date(["Titel", "", line, "Geachte voorzitter,"]) == day


@pytest.mark.parametrize(
    "line",
    [
        "Ik zal uw Kamer voor 1 maart 2027 informeren.",  # a deadline in a sentence
        "Den Haag, 31 februari 2026",  # no such day
        "Den Haag, 14 brumaire 2026",  # no such month
    ],
)
def test_no_date_from_other_lines(line: str) -> None:
    assert text_date(["Titel", line]) is None


def test_a_date_far_down_the_letter_is_not_its_date() -> None:
    lines = [f"Regel {n} van de tekst." for n in range(30)] + ["Den Haag, 14 november 2026"]
    assert text_date(lines) is None


def test_plain_text_letter_is_dated_from_its_place_and_date_line() -> None:
    text = "Voortgang\n\nDen Haag, 14 november 2026\n\nGeachte voorzitter,\n\nTekst.\n"
    meta = plaintext.convert(text, Path("brief.txt")).meta
    assert meta["date"] == dt.date(2026, 11, 14)
    assert meta["parliamentary_year"] == "2026/27"


def test_plain_text_letter_without_date_has_none() -> None:
    meta = plaintext.convert("Voortgang\n\nGeachte voorzitter,\n\nTekst.\n", Path("b.txt")).meta
    assert "date" not in meta


def test_a_text_without_kamerstuk_letterhead_is_not_official() -> None:
    note = plaintext.convert(
        "Reactie VNG\n\nUtrecht, 2 december 2026\n\nDe VNG vraagt meer.\n", Path("vng.txt")
    ).meta
    assert note["official"] is False and note["date"] == dt.date(2026, 12, 2)
    letter = plaintext.convert(
        "32 824 Integratiebeleid\n\nNr. 500 Brief van de minister\n\n"
        "Den Haag, 2 december 2026\n\nTekst.\n",
        Path("k.txt"),
    ).meta
    assert "official" not in letter and letter["kind"] == "kamerbrief"


def test_markdown_with_its_own_other_id_is_not_a_version_by_title(tmp_path: Path) -> None:
    from briefing_reader import paths
    from briefing_reader.core.importing import IMPORTED, import_files

    run = paths.resolve()
    files = []
    for doc_id in ("notitie-a", "notitie-b"):
        f = tmp_path / f"{doc_id}.md"
        f.write_text(
            f"---\nid: {doc_id}\nkind: imported\ntitle: Notitie\n---\n\nTekst van {doc_id}.\n",
            encoding="utf-8",
        )
        files.append(f)
    results = import_files(run, files).results
    assert [(r.status, r.doc_id) for r in results] == [
        (IMPORTED, "notitie-a"),
        (IMPORTED, "notitie-b"),
    ]
