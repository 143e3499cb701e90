"""The installed program, started as a user or a script would start it."""

from __future__ import annotations

import json
from pathlib import Path

from briefing_reader import __version__

LETTER = "kst-32824-456"


def test_version(run) -> None:  # type: ignore[no-untyped-def]
    assert run("--version").stdout.strip() == f"briefing-reader {__version__}"


def test_window_renders_the_letter_and_exits(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("--exit-after-render")
    settings = (tmp_path / "profile" / "config" / "ui.ini").read_text(encoding="utf-8")
    assert f"document={LETTER}" in settings  # the first document was shown


def test_first_paint_comes_before_the_notes_are_opened(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("--exit-after-render")
    profile = tmp_path / "profile"
    assert not (profile / "notes.sqlite3").exists()  # opened after the paint
    assert not (profile / "versions").exists()


def test_window_gets_notes_and_search_when_ready(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("--exit-when-ready")
    profile = tmp_path / "profile"
    assert (profile / "notes.sqlite3").is_file()
    # The features came: the text of the version shown is kept for re-anchoring.
    assert list((profile / "versions" / LETTER).glob("*.json"))


def test_docs_json_lists_the_letter_and_our_companions(run) -> None:  # type: ignore[no-untyped-def]
    docs = json.loads(run("docs", "--json").stdout)
    by_id = {d["id"]: d for d in docs}
    letter = by_id[LETTER]
    assert letter["document_number"] == "2025D32403"
    assert letter["date"] == "2025-07-04" and letter["version"] == 2
    assert letter["official"] is True
    assert {by_id[i]["official"] for i in ("dossier-32824", "begrippen", "moties")} == {False}


def test_toc_json_has_pillars_sections_and_twenty_actions(run) -> None:  # type: ignore[no-untyped-def]
    root = json.loads(run("toc", LETTER, "--json").stdout)

    def walk(node):  # type: ignore[no-untyped-def]
        yield node
        for child in node["children"]:
            yield from walk(child)

    nodes = list(walk(root))
    assert set(nodes[0]) == {"id", "title", "kind", "anchor", "children"}
    kinds = [n["kind"] for n in nodes]
    assert kinds.count("pillar") == 2 and kinds.count("action") == 20
    titles = {n["id"]: n["title"] for n in nodes}
    assert titles["s-2-4"] == "2.4 Taaleis in de bijstand"
    assert titles["actie-taaleis-in-de-bijstand"] == "Taaleis in de bijstand"
    assert titles["actie-verandering-van-binnenuit"] == "Verandering van binnenuit"
    actions = [n for n in nodes if n["kind"] == "action"]
    assert len({n["id"] for n in actions}) == 20


def test_show_text_keeps_the_letters_opening_and_signature(run) -> None:  # type: ignore[no-untyped-def]
    text = run("show", LETTER, "--text").stdout
    lines = text.splitlines()
    assert lines[:4] == [
        "32824 Integratiebeleid",
        "Nr. 456 Brief van de staatssecretaris van Sociale Zaken en Werkgelegenheid",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "Den Haag, 4 juli 2025",
    ]
    assert "J.N.J. Nobel" in text
    assert "Nummer: 2025D32403" not in text  # the metadata header is front matter


def test_show_text_prints_footnote_markers_in_brackets(run) -> None:  # type: ignore[no-untyped-def]
    text = run("show", LETTER, "--text").stdout
    assert "de motie Flach[17] wordt gekeken" in text
    assert "Flach17" not in text
    assert "dit meldpunt. [10]" in text  # a marker standing apart keeps its space
    assert "\n[17] Kamerstuk II, 2023 -2024, 32 824, nr. 418" in text
    assert "op 4 (substantieel)" in text  # digits that are no marker stay bare


def test_show_one_action(run) -> None:  # type: ignore[no-untyped-def]
    text = run("show", f"{LETTER}#actie-taaleis-in-de-bijstand").stdout
    assert text.startswith("Taal is de basis van een goede integratie in Nederland.")
    assert "2.5" not in text


def test_unknown_places_fail_with_a_message(run) -> None:  # type: ignore[no-untyped-def]
    result = run("show", f"{LETTER}#bestaat-niet", check=False)
    assert result.returncode == 1
    assert "has no place '#bestaat-niet'" in result.stderr


def test_override_folder_replaces_the_bundled_letter_and_reports_broken_files(
    run, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "nieuw.md").write_text(
        f"---\nid: {LETTER}\nkind: kamerbrief\ntitle: Nieuwe versie\nversion: 3\n---\n\nTekst.\n",
        encoding="utf-8",
    )
    (folder / "kapot.md").write_text("---\nid: [\n---\n", encoding="utf-8")
    result = run("--content-dir", str(folder), "docs", "--json")
    titles = {d["id"]: d["title"] for d in json.loads(result.stdout)}
    assert titles[LETTER] == "Nieuwe versie"
    assert "kapot.md" in result.stderr and "not valid YAML" in result.stderr
