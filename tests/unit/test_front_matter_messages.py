"""Front matter errors and the bulk import summary carry codes and values,
worded in Dutch by the command line's catalogue (no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_reader import language
from briefing_reader.core.content.errors import ContentError
from briefing_reader.core.content.frontmatter import parse_front_matter
from briefing_reader.core.importing.folders import summary
from briefing_reader.core.importing.model import FAILED, IMPORTED, FileResult, ImportReport
from briefing_reader.core.messages import message


def refused(front: str) -> ContentError:
    with pytest.raises(ContentError) as caught:
        parse_front_matter(front, Path("brief.md"))
    return caught.value


@pytest.mark.parametrize(
    ("front", "code", "dutch"),
    [
        (
            "id: a\nkind: letter\ntitle: T\ndate: gisteren\n",
            "frontmatter.not_a_date",
            "'date' moet een datum zijn zoals 2025-07-04",
        ),
        (
            "id: a\nkind: letter\ntitle: T\nvolgnummer: zeven\n",
            "frontmatter.not_a_number",
            "'volgnummer' moet een geheel getal van 0 tot 999.999.999 zijn",
        ),
        (
            "id: a\nkind: letter\n",
            "frontmatter.lacks_key",
            "in de kopgegevens (front matter) ontbreekt 'title'",
        ),
        (
            "id: A_b\nkind: letter\ntitle: T\n",
            "frontmatter.bad_id",
            "id 'A_b' mag alleen a-z, 0-9 en '-' bevatten",
        ),
        (
            "- een\n- twee\n",
            "frontmatter.not_mapping",
            "de kopgegevens (front matter) moeten een lijst regels 'sleutel: waarde' zijn",
        ),
        (
            "id: a\nkind: letter\ntitle: T\nmissing_footnotes: 20\n",
            "frontmatter.footnotes_not_list",
            '\'missing_footnotes\' moet een lijst zijn zoals ["20", "22"]',
        ),
    ],
)
def test_a_front_matter_error_is_worded_in_dutch(front: str, code: str, dutch: str) -> None:
    error = refused(front)
    assert error.message.code == code
    assert language.words(error, "nl") == dutch
    assert error.reason == language.words(error, "en") != dutch  # the reason stays English


def test_the_field_name_stays_a_value_and_the_line_is_named() -> None:
    error = refused("id: a\nkind: letter\ntitle: T\nversion: -3\n")
    assert error.message == message("frontmatter.not_a_number", key="version", largest=999_999_999)
    assert error.reason == "'version' must be a whole number from 0 to 999,999,999"
    assert error.line == 5


def test_the_bulk_import_summary_is_worded_in_dutch() -> None:
    bad = message("frontmatter.not_a_date", key="date")
    report = ImportReport(
        [
            FileResult(Path("a.txt"), IMPORTED),
            FileResult(Path("b.md"), FAILED, reason=str(bad), problem=bad),
            FileResult(Path("c.md"), FAILED, reason=str(bad), problem=bad),
        ]
    )
    lines = [language.words(line, "nl") for line in summary(report)]
    assert lines == [
        "geïmporteerd 1, vervangen 0, ongewijzigd 0, geweigerd 2",
        "  geweigerd 2: 'date' moet een datum zijn zoals 2025-07-04 (bijv. b.md, c.md)",
    ]
    english = [str(line) for line in summary(report)]
    assert english[0] == "imported 1, replaced 0, unchanged 0, refused 2"


def test_an_import_notice_is_worded_in_dutch(tmp_path: Path) -> None:
    from briefing_reader import paths
    from briefing_reader.core.content import Library
    from briefing_reader.core.importing import import_files

    path = tmp_path / "oud.txt"
    path.write_bytes("Notitie over geld\n\nHet kost 22 \u20ac per café.\n".encode("cp1252"))
    run = paths.resolve(tmp_path / "profile")
    [result] = import_files(run, [path], library=Library()).results
    assert result.status == IMPORTED
    assert [language.words(w, "nl") for w in result.warnings] == [
        "gelezen als Windows-1252-tekst (het is geen UTF-8)"
    ]
    assert result.to_json()["warnings"] == ["read as Windows-1252 text (it is not UTF-8)"]
