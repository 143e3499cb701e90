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


REVISED = (
    LETTER.replace(
        "informeren over de resultaten van de pilots.",
        "informeren over de resultaten van alle pilots.",
    )
    + "\nIn een bijlage staat het overzicht van de gemeenten.\n"
)


def _highlights(run) -> list[dict]:
    return json.loads(run("notes", "list", "--json").stdout)["highlights"]


def test_a_revised_letter_becomes_the_next_version_and_its_notes_move(run, tmp_path: Path):
    first = tmp_path / "brief.txt"
    first.write_text(LETTER.format(dateline="Den Haag, 14 november 2026"), encoding="utf-8")
    run("import", str(first))
    run("notes", "highlight", DOC, "--quote", "voortgang van de aanpak", "--note", "Vragen")
    second = tmp_path / "brief-herzien.txt"
    second.write_text(REVISED.format(dateline="Den Haag, 20 november 2026"), encoding="utf-8")
    out = json.loads(run("import", "--json", str(second)).stdout)["results"][0]
    assert (out["status"], out["doc_id"], out["old_version"], out["new_version"]) == (
        "replaced",
        DOC,
        1,
        2,
    )
    titles = [d["title"] for d in json.loads(run("docs", "--json").stdout)]
    assert titles.count("Voortgang van de aanpak laaggeletterdheid") == 1
    [note] = _highlights(run)
    anchor = note["anchor"]
    assert (anchor["doc_id"], anchor["doc_version"]) == (DOC, 2)  # moved to the new version
    assert anchor["quote"]["exact"] == "voortgang van de aanpak" and note["note"] == "Vragen"
    assert note["anchor_status"] == "exact"


def test_the_user_says_which_document_a_file_revises(run, tmp_path: Path):
    first = tmp_path / "brief.txt"
    first.write_text(LETTER.format(dateline="Den Haag, 14 november 2026"), encoding="utf-8")
    run("import", str(first))
    run("notes", "highlight", DOC, "--quote", "voortgang van de aanpak")
    other = tmp_path / "andere-titel.txt"
    other.write_text(
        "Herziene brief over laaggeletterdheid\n\n"
        + REVISED.format(dateline="Den Haag, 20 november 2026"),
        encoding="utf-8",
    )
    out = json.loads(run("import", "--json", "--as-version-of", DOC, str(other)).stdout)
    assert out["results"][0]["status"] == "replaced"
    assert out["results"][0]["doc_id"] == DOC
    assert [(h["anchor"]["doc_id"], h["anchor"]["doc_version"]) for h in _highlights(run)] == [
        (DOC, 2)
    ]
    missing = run("import", "--as-version-of", "bestaat-niet", str(other), check=False)
    assert missing.returncode != 0 and "no such document" in missing.stdout


def test_a_vng_note_is_listed_as_no_kamerstuk(run, tmp_path: Path):
    note = tmp_path / "vng.txt"
    note.write_text(
        "Reactie VNG op de integratieagenda\n\nDe VNG vraagt meer middelen.\n", encoding="utf-8"
    )
    run("import", str(note))
    docs = {d["id"]: d for d in json.loads(run("docs", "--json").stdout)}
    assert docs["reactie-vng-op-de-integratieagenda"]["official"] is False
    assert docs["kst-32824-456"]["official"] is True
    listing = run("docs").stdout.splitlines()
    assert any("reactie-vng" in line and "(geen Kamerstuk)" in line for line in listing)
    assert any(line.startswith("begrippen") and "samengesteld" in line for line in listing)


def test_marking_a_promise_fulfilled_offers_its_duplicates(run):
    dialoog, ceder = "kst-32824-456:p-80:c2cb86ca8f", "kst-32824-456:p-142:b3f6b896d8"
    listed = {c["id"]: c for c in json.loads(run("commitments", "--json").stdout)["commitments"]}
    assert listed[dialoog]["linked"] == [ceder] and listed[ceder]["linked"] == [dialoog]
    out = run("status", dialoog, "Voldaan").stdout
    assert "--all-linked" in out and ceder in out

    def due() -> tuple[str, str]:
        rows = {
            c["id"]: c
            for c in json.loads(run("commitments", "--json", "--today", "2026-12-06").stdout)[
                "commitments"
            ]
        }
        return rows[dialoog]["due"], rows[ceder]["due"]

    assert due() == ("afgehandeld", "te laat")
    run("status", dialoog, "Voldaan", "--all-linked")
    assert due() == ("afgehandeld", "afgehandeld")
    bad = run("status", dialoog, "Klaar", check=False)
    assert bad.returncode != 0 and "unknown status" in bad.stderr
    unknown = run("status", "geen:id:1", "Voldaan", check=False)
    assert unknown.returncode != 0 and "no commitment" in unknown.stderr
