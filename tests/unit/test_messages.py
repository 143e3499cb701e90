"""The core's messages: a code and values, worded in Dutch or English (no Qt)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing_reader import language
from briefing_reader.core.importing import ImportFailed, import_files
from briefing_reader.core.messages import TEXTS, Message, dumps, loads, message, plain, render
from briefing_reader.core.notes import NotesCorruptError, open_store
from briefing_reader.paths import resolve

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def test_every_message_code_has_english_and_dutch_text_with_the_same_values() -> None:
    dutch = language.catalogue("nl")
    assert len(TEXTS) >= 100
    for code, english in TEXTS.items():
        assert english.strip(), code
        assert english in dutch, f"{code}: no Dutch text in the .ts (scripts/translations.py)"
        assert set(PLACEHOLDER.findall(dutch[english])) == set(PLACEHOLDER.findall(english)), code


def test_a_message_is_worded_with_nested_messages_in_one_language() -> None:
    said = message("cli.at", path="brief.doc", reason=message("import.empty"))
    assert str(said) == "brief.doc: is empty"
    assert language.words(said, "nl") == "brief.doc: is leeg"
    assert language.words(said, "en") == "brief.doc: is empty"
    assert render(plain("no code, as it is"), str.upper) == "no code, as it is"
    with pytest.raises(KeyError):
        message("no.such.code")


def test_a_translation_with_a_broken_placeholder_falls_back_to_english() -> None:
    said = Message("import.too_large", {"size": "20 MB"})
    assert render(said, lambda _template: "groter dan {grootte}") == "is larger than 20 MB"


def test_core_errors_carry_a_code_and_english_reason(tmp_path: Path) -> None:
    empty = tmp_path / "leeg.txt"
    empty.write_bytes(b"")
    report = import_files(resolve(tmp_path / "data"), [empty])
    result = report.results[0]
    assert result.problem == message("import.empty")
    assert result.reason == "is empty"
    error = ImportFailed(empty, message("import.empty"))
    assert str(error) == f"{empty}: is empty"
    assert error.message.code == "import.empty"


def test_a_damaged_notes_file_is_reported_as_a_coded_event(tmp_path: Path) -> None:
    profile = resolve(tmp_path / "data")
    profile.notes_db.parent.mkdir(parents=True)
    profile.notes_db.write_bytes(b"SQLite format 3\x00" + b"\x07" * 8000)
    with open_store(profile.notes_db, profile.backups) as store:
        codes = [event.message.code for event in store.report.warnings]
        moved = store.report.warnings[0].message
    assert codes == ["notes.moved_aside", "notes.started_empty"]
    assert language.words(moved, "nl").startswith("Het notitiebestand was beschadigd (")
    assert str(moved).startswith("The notes file was damaged (")
    assert issubclass(NotesCorruptError, Exception)


@pytest.mark.parametrize(
    ("environment", "setting", "expected"),
    [
        ({"LANG": "nl_NL.UTF-8"}, None, "nl"),
        ({"LANG": "en_GB.UTF-8"}, None, "en"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "nl_NL.UTF-8"}, None, "en"),
        ({"LANG": "en_GB.UTF-8"}, "nl", "nl"),  # the window's choice wins over the system
        ({"LANG": "nl_NL.UTF-8"}, "en", "en"),
        ({"LANG": "nl_NL.UTF-8", language.LANGUAGE_ENV: "en"}, "nl", "en"),
        ({"LANG": "en_GB.UTF-8"}, "garbled\x00", "en"),
    ],
)
def test_the_command_line_language_follows_the_window_then_the_system(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    environment: dict[str, str],
    setting: str | None,
    expected: str,
) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", language.LANGUAGE_ENV):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    if setting is not None:
        (tmp_path / "ui.ini").write_text(f"[ui]\nlanguage={setting}\n", encoding="utf-8")
    assert language.choose(tmp_path) == expected


def test_a_stored_message_comes_back_with_its_code_and_values() -> None:
    said = message("cli.at", path="x.md", reason=message("content.headings", count=3, limit=2))
    assert loads(dumps(said)) == said
    assert loads("an older English reason") == plain("an older English reason")
    assert loads('{"code": "no.such", "params": {}}') == plain('{"code": "no.such", "params": {}}')


def test_a_document_that_fails_to_load_is_told_in_dutch_from_the_catalogue(
    tmp_path: Path,
) -> None:
    from briefing_reader.core.content.catalogued import open_catalogued

    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "kapot.md").write_text("geen kopgegevens\n", encoding="utf-8")
    cache = tmp_path / "cache"
    for _ in range(2):  # parsed, then read back from the catalogue
        library = open_catalogued([(mine, False)], cache / "library.sqlite3", cache / "documents")
        [error] = library.errors
        library.catalogue.close()
        assert error.message == message("content.no_front_matter")
        dutch = language.words(error, "nl")
        assert dutch == "heeft geen kopgegevens (een blok tussen regels met '---')"


def test_an_id_fixed_on_import_is_told_in_dutch_and_english(tmp_path: Path) -> None:
    from briefing_reader.core.importing.markdown import convert

    path = tmp_path / "brief.md"
    path.write_text("---\nid: Mijn Brief!\n---\n# Titel\n\nTekst.\n", encoding="utf-8")
    converted = convert(path.read_text(encoding="utf-8"), path, "UTF-8")
    warning = next(w for w in converted.warnings if w.code == "import.id_fixed")
    assert str(warning) == (
        "the id 'Mijn Brief!' may only hold a-z, 0-9 and '-'; stored as 'mijn-brief'"
    )
    assert language.words(warning, "nl") == (
        "de id 'Mijn Brief!' mag alleen a-z, 0-9 en '-' bevatten; opgeslagen als 'mijn-brief'"
    )
