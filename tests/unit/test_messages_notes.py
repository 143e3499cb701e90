"""Notes files and notes values refused in the user's language (no Qt)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_reader import language
from briefing_reader.cli import main
from briefing_reader.core.messages import message
from briefing_reader.core.notes import NotesValidationError, validation


def test_a_refused_annotation_file_is_told_in_dutch_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    refused = tmp_path / "collega.jsonld"
    refused.write_text(json.dumps({"hallo": "wereld"}), encoding="utf-8")
    monkeypatch.setenv(language.LANGUAGE_ENV, "nl")
    assert main(["notes", "import", str(refused)]) != 0
    err = capsys.readouterr().err
    assert f'{refused}: het is geen W3C Web Annotation-bestand (geen "@context"' in err
    monkeypatch.setenv(language.LANGUAGE_ENV, "en")
    assert main(["notes", "import", str(refused)]) != 0
    assert f"{refused}: it is not a W3C Web Annotation file" in capsys.readouterr().err


def test_a_bad_annotation_in_a_file_is_named_and_worded_in_dutch(tmp_path: Path) -> None:
    from briefing_reader.core.notes.errors import ExchangeError
    from briefing_reader.core.notes.jsonld_in import read_jsonld

    bad = tmp_path / "collega.jsonld"
    collection = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "first": {"type": "AnnotationPage", "items": [{"type": "Annotation", "id": "urn:x:1"}]},
    }
    bad.write_text(json.dumps(collection), encoding="utf-8")
    with pytest.raises(ExchangeError) as info:
        read_jsonld(bad)
    english = "annotation 1 (urn:x:1): it has no target; nothing was imported"
    assert info.value.reason == english
    assert language.words(info.value, "nl") == (
        "annotatie 1 (urn:x:1): het heeft geen doel; er is niets geïmporteerd"
    )


def test_a_value_the_store_refuses_is_worded_with_its_field() -> None:
    with pytest.raises(NotesValidationError) as info:
        validation.check_tags(["goed", 3])  # type: ignore[list-item]
    assert info.value.reason == "the tag must be text"
    assert language.words(info.value, "nl") == "het label moet tekst zijn"
    with pytest.raises(NotesValidationError) as info:
        validation.check_colour("paars")
    assert info.value.reason.startswith("unknown colour 'paars' (choose from ")
    assert language.words(info.value, "nl").startswith("onbekende kleur 'paars' (kies uit ")


def test_print_and_commitment_errors_carry_a_code_worded_in_dutch() -> None:
    from briefing_reader.core.commitments import check_status
    from briefing_reader.core.commitments.errors import MarkerError, UnknownStatusError
    from briefing_reader.core.content import Library
    from briefing_reader.printing.request import PrintError, parse_address

    with pytest.raises(PrintError) as printed:
        parse_address("geen-brief#p1", Library(documents={}))
    assert str(printed.value) == "no document 'geen-brief' (known: )"
    assert language.words(printed.value, "nl").startswith("geen document 'geen-brief'")
    with pytest.raises(UnknownStatusError) as status:
        check_status("misschien")
    assert str(status.value).startswith("unknown status 'misschien' (choose from ")
    assert language.words(status.value, "nl").startswith("onbekende status 'misschien' (kies uit ")
    marker = MarkerError("brief", "p3", message("commitments.van_after_tot"))
    assert (marker.reason, str(marker)) == (
        "van is later than tot",
        "brief#p3: van is later than tot",
    )
    assert language.words(marker, "nl") == "brief#p3: van ligt na tot"


def test_the_command_line_says_what_it_did_in_dutch_and_keeps_json_in_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    letter = tmp_path / "brief.md"
    letter.write_text(
        "---\nid: brief-taal\nkind: imported\ntitle: Brief over taal\nversion: 1\n---\n\n"
        "# Taal\n\nEen brief.\n",
        encoding="utf-8",
    )
    monkeypatch.setenv(language.LANGUAGE_ENV, "nl")
    assert main(["import", str(letter)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "geïmporteerd",
        "brief.md:",
        "geïmporteerd",
        "als",
        "'Brief",
        "over",
        "taal'",
        "(brief-taal)",
    ]
    assert "let op: geen datum gevonden; stel die in met" in lines[1]
    assert main(["import", "--json", str(letter)]) == 0
    assert '"status": "unchanged"' in capsys.readouterr().out  # codes stay English
    assert main(["import", str(letter)]) == 0
    assert capsys.readouterr().out.startswith(
        "ongewijzigd brief.md: staat al in deze versie in de bibliotheek (brief-taal)"
    )
    older = tmp_path / "brief-oud.md"
    older.write_text(letter.read_text(encoding="utf-8").replace("version: 1", "version: 0"))
    assert main(["import", str(older)]) == 0
    assert "de bibliotheek heeft al versie 1, nieuwer dan versie 0" in capsys.readouterr().out
    assert main(["notes", "bookmark", "brief-taal", "--name", "Taal"]) == 0
    capsys.readouterr()
    exported = tmp_path / "notities.jsonld"
    assert main(["notes", "export", "-o", str(exported)]) == 0
    assert capsys.readouterr().out.strip() == f"{exported} (1 notitie)"
    assert main(["notes", "import", str(exported)]) == 0
    assert capsys.readouterr().out.strip() == (
        f"{exported}: 0 toegevoegd, 0 bijgewerkt, 0 al aanwezig, 1 ongemoeid gelaten (van u)"
    )
