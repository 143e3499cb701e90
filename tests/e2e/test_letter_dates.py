"""Imported letters on the timeline: their date from the text, or set by the user."""

from __future__ import annotations

import json
from pathlib import Path

LETTER = """Voortgang van de aanpak laaggeletterdheid

{dateline}

Geachte voorzitter,

Met deze brief informeer ik uw Kamer over de voortgang van de aanpak.

Ik zal uw Kamer voor 1 maart 2027 informeren over de resultaten van de pilots.

De minister van Sociale Zaken en Werkgelegenheid,
A. Minister
"""
DOC = "voortgang-van-de-aanpak-laaggeletterdheid"


def _promise(run, doc: str) -> dict:
    out = json.loads(run("commitments", "--json", "--doc", doc).stdout)
    return next(c for c in out["commitments"] if c["phrase"] == "voor 1 maart 2027")


def test_a_letter_dated_in_its_text_puts_its_promise_on_the_timeline(run, tmp_path: Path):
    letter = tmp_path / "brief.txt"
    letter.write_text(LETTER.format(dateline="Den Haag, 14 november 2026"), encoding="utf-8")
    out = run("import", str(letter))
    assert "geen datum" not in out.stdout
    promise = _promise(run, DOC)
    assert promise["due"] != "zonder datum"
    assert (promise["earliest"], promise["latest"]) == ("2026-11-14", "2027-02-28")


def test_an_undated_letter_is_reported_and_its_date_can_be_set(run, tmp_path: Path):
    letter = tmp_path / "brief.txt"
    letter.write_text(LETTER.format(dateline="Geachte lezer,"), encoding="utf-8")
    out = run("import", str(letter))
    assert "geen datum gevonden" in out.stdout
    assert f"setdate {DOC}" in out.stdout
    assert _promise(run, DOC)["due"] == "zonder datum"

    run("setdate", DOC, "2026-11-14")
    promise = _promise(run, DOC)
    assert promise["due"] != "zonder datum"
    assert promise["earliest"] == "2026-11-14"
    bad = run("setdate", DOC, "14-11-2026", check=False)
    assert bad.returncode != 0 and "is not a date" in bad.stderr


def test_import_date_option_dates_an_undated_letter(run, tmp_path: Path):
    letter = tmp_path / "brief.txt"
    letter.write_text(LETTER.format(dateline="Geachte lezer,"), encoding="utf-8")
    out = run("import", "--json", "--date", "2026-10-01", str(letter))
    assert json.loads(out.stdout)["results"][0]["dated"] is True
    assert _promise(run, DOC)["earliest"] == "2026-10-01"


def test_a_bundled_letter_keeps_its_own_date(run):
    out = run("setdate", "kst-32824-456", "2020-01-01", check=False)
    assert out.returncode != 0 and "not an imported document" in out.stderr
