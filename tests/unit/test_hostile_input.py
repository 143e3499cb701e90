"""Issue 13, the input side: hostile files are refused by name and reason, within budgets.

Every file is generated here (tests/hostile_files.py); none is committed.
"""

from __future__ import annotations

import sys
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from briefing_reader import paths
from briefing_reader.core import limits
from briefing_reader.core.content import ContentError
from briefing_reader.core.content.parse import parse_document
from briefing_reader.core.importing import FAILED, import_files
from briefing_reader.session import open_library

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import hostile_files as hostile


@pytest.fixture
def run_paths() -> paths.Paths:
    return paths.resolve(None, None)


def _import_one(run_paths: paths.Paths, tmp_path: Path, name: str, data: bytes):
    file = tmp_path / name
    file.write_bytes(data)
    report = import_files(run_paths, [file])
    return report.results[0]


def _nothing_stored(run_paths: paths.Paths) -> None:
    folder = run_paths.imported_documents
    assert not folder.exists() or not list(folder.glob("*.md"))
    cache = run_paths.cache / "documents"
    stored = list(cache.glob("*.json")) if cache.exists() else []
    assert all("laughs" not in entry.read_text(encoding="utf-8") for entry in stored)


# -- defect 1: YAML aliases ----------------------------------------------------------


def test_billion_laughs_front_matter_is_refused_by_name_and_reason(
    run_paths: paths.Paths, tmp_path: Path
) -> None:
    result = _import_one(run_paths, tmp_path, "laughs.md", hostile.billion_laughs_md())
    assert result.status == FAILED
    assert result.code == "over-budget" and result.budget == limits.YAML_ALIASES
    assert "anchors and aliases" in result.reason
    assert "laughs.md" in result.message()
    _nothing_stored(run_paths)


def test_a_placed_billion_laughs_file_never_reaches_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "laughs.md").write_bytes(hostile.billion_laughs_md())
    from briefing_reader.core.content import load_library

    cache = tmp_path / "cache"
    library = load_library([(folder, False)], cache_dir=cache)
    assert not library.documents
    [error] = library.errors
    assert error.budget == limits.YAML_ALIASES and error.path.name == "laughs.md"
    assert not cache.exists() or not list(cache.glob("*.json"))


def test_front_matter_budgets_size_and_node_count() -> None:
    with pytest.raises(limits.OverBudget) as big:
        limits.load_yaml("a: '" + "x" * limits.MAX_FRONT_MATTER_BYTES + "'")
    assert big.value.what == limits.FRONT_MATTER_SIZE
    many = "a: [" + ", ".join(["1"] * (limits.MAX_YAML_NODES + 1)) + "]"
    with pytest.raises(limits.OverBudget) as nodes:
        limits.load_yaml(many)
    assert nodes.value.what == limits.YAML_NODES
    assert limits.load_yaml("id: x\nlist: [1, 2]") == {"id": "x", "list": [1, 2]}


@pytest.mark.parametrize("depth", [limits.MAX_YAML_DEPTH + 1, 20_000])
def test_deeply_nested_front_matter_is_refused(depth: int) -> None:
    with pytest.raises(limits.OverBudget) as deep:
        limits.load_yaml("a: " + "[" * depth + "]" * depth)
    assert deep.value.what == limits.YAML_DEPTH


# -- defect 3: a Word memory bomb ------------------------------------------------------


def test_docx_bomb_under_the_file_size_limit_is_refused(
    run_paths: paths.Paths, tmp_path: Path
) -> None:
    data = hostile.docx_bomb(12)
    assert len(data) < 100_000  # small packed, 12 MB unpacked
    result = _import_one(run_paths, tmp_path, "bomb.docx", data)
    assert result.status == FAILED and result.code == "over-budget"
    assert result.budget == limits.XML_ELEMENTS
    _nothing_stored(run_paths)


def test_docx_unpacked_bytes_are_counted_not_taken_from_the_zip_directory(
    run_paths: paths.Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "DOCX_MAX_UNPACKED", 1024 * 1024)
    picture = bytes(2 * 1024 * 1024)
    data = hostile.docx_bytes(
        hostile.document_xml("<w:p/>").encode(), {"word/media/image1.png": picture}
    )
    result = _import_one(run_paths, tmp_path, "big-picture.docx", _lie_about_sizes(data))
    assert result.status == FAILED
    assert result.code in ("over-budget", "bad-docx")  # counted, or truncated and refused


def _lie_about_sizes(data: bytes) -> bytes:
    """Claim 1 byte for every member in the zip's central directory."""
    archive = bytearray(data)
    with zipfile.ZipFile(BytesIO(data)) as parsed:
        start = parsed.start_dir
    signature = b"PK\x01\x02"
    at = archive.find(signature, start)
    while at != -1:
        archive[at + 24 : at + 28] = (1).to_bytes(4, "little")
        at = archive.find(signature, at + 4)
    return bytes(archive)


# -- defect 9: a DTD in UTF-16 XML -------------------------------------------------------


def test_utf16_xml_with_a_dtd_is_refused(run_paths: paths.Paths, tmp_path: Path) -> None:
    result = _import_one(run_paths, tmp_path, "utf16.docx", hostile.utf16_dtd_docx())
    assert result.status == FAILED and result.code == "bad-docx"
    assert "DTD" in result.reason
    _nothing_stored(run_paths)


def test_xml_in_an_encoding_word_does_not_write_is_refused(
    run_paths: paths.Paths, tmp_path: Path
) -> None:
    xml = hostile.document_xml("<w:p/>").replace('encoding="UTF-8"', 'encoding="UTF-7"')
    result = _import_one(run_paths, tmp_path, "utf7.docx", hostile.docx_bytes(xml.encode()))
    assert result.status == FAILED and "UTF-7".lower() in result.reason.lower()


def test_xml_labelled_utf16_but_written_in_ascii_is_refused(
    run_paths: paths.Paths, tmp_path: Path
) -> None:
    xml = hostile.document_xml("<w:p/>", '<!DOCTYPE w:document [<!ENTITY x "y">]>')
    xml = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    result = _import_one(run_paths, tmp_path, "label.docx", hostile.docx_bytes(xml.encode()))
    assert result.status == FAILED and result.code == "bad-docx"


def test_utf16_xml_without_a_dtd_still_imports(run_paths: paths.Paths, tmp_path: Path) -> None:
    xml = hostile.document_xml("<w:p><w:r><w:t>Hallo wereld</w:t></w:r></w:p>")
    xml = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    result = _import_one(
        run_paths, tmp_path, "utf16-ok.docx", hostile.docx_bytes(xml.encode("utf-16"))
    )
    assert result.ok, result.reason


# -- defect 4: 10,000 headings are refused at the door ----------------------------------


def test_ten_thousand_headings_are_refused_with_a_reason(
    run_paths: paths.Paths, tmp_path: Path
) -> None:
    result = _import_one(run_paths, tmp_path, "headings.md", hostile.many_headings_md(10_000))
    assert result.status == FAILED and result.budget == limits.HEADINGS
    assert "10,000 headings" in result.reason
    _nothing_stored(run_paths)


def test_text_over_the_parse_budget_is_refused_before_parsing(
    run_paths: paths.Paths, tmp_path: Path
) -> None:
    big = b"Een zin van een brief die lang is. " * (limits.MAX_DOCUMENT_BYTES // 30)
    result = _import_one(run_paths, tmp_path, "groot.txt", big)
    assert result.status == FAILED and result.code == "too-large" and "2 MB" in result.reason


def test_headings_are_counted_before_markdown_it_parses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_reader.core.content import parse

    monkeypatch.setattr(parse, "markdown_parser", lambda: pytest.fail("parsed"))
    with pytest.raises(ContentError) as error:
        parse_document(hostile.many_headings_md(10_000).decode(), tmp_path / "k.md")
    assert error.value.budget == limits.HEADINGS


def test_headings_within_the_budget_load(tmp_path: Path) -> None:
    text = hostile.many_headings_md(limits.MAX_HEADINGS - 1).decode()
    doc = parse_document(text, tmp_path / "long.md", bundled=False)
    assert len(doc.outline.children) == limits.MAX_HEADINGS - 1


def test_markdown_nesting_is_refused_not_cut_off(tmp_path: Path) -> None:
    deep = "---\nid: deep\nkind: imported\ntitle: Deep\n---\n\n" + "> " * 5000 + "x\n"
    with pytest.raises(ContentError) as error:
        parse_document(deep, tmp_path / "deep.md", bundled=False)
    assert error.value.budget == limits.NESTING
    nested = "---\nid: ok\nkind: imported\ntitle: Ok\n---\n\n" + "> " * 5 + "x\n"
    assert parse_document(nested, tmp_path / "ok.md", bundled=False).plain_text.strip() == "x"


def test_budget_error_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as error:
        parse_document(
            hostile.many_headings_md(limits.MAX_HEADINGS + 1).decode(),
            tmp_path / "long.md",
            bundled=False,
        )
    assert error.value.path.name == "long.md" and error.value.budget == limits.HEADINGS


def test_bundled_documents_fit_the_budgets() -> None:
    library = open_library(paths.resolve(None, None))
    assert not library.errors


# -- defect 8: the document cache is not trusted -------------------------------------------


def _letter_entry(cache: Path) -> Path:
    for entry in cache.glob("*.json"):
        if f'"id": "{hostile.LETTER_ID}"' in entry.read_text(encoding="utf-8"):
            return entry
    raise AssertionError("no cache entry for the letter")


def test_an_edited_cache_entry_never_changes_the_letter(run_paths: paths.Paths) -> None:
    original = open_library(run_paths).get(hostile.LETTER_ID)
    entry = _letter_entry(run_paths.cache / "documents")
    text = entry.read_text(encoding="utf-8")
    assert "Actieagenda" in text
    entry.write_text(text.replace("Actieagenda", "VERVALST"), encoding="utf-8")
    shown = open_library(run_paths).get(hostile.LETTER_ID)
    assert "VERVALST" not in shown.title and "VERVALST" not in shown.plain_text
    assert shown.plain_text == original.plain_text
    rebuilt = _letter_entry(run_paths.cache / "documents").read_text(encoding="utf-8")
    assert "VERVALST" not in rebuilt  # dropped and written again from the source


def test_a_cache_entry_moved_to_another_documents_name_is_dropped(run_paths: paths.Paths) -> None:
    open_library(run_paths)
    cache = run_paths.cache / "documents"
    letter = _letter_entry(cache)
    other = next(e for e in cache.glob("*.json") if e != letter)
    other.write_bytes(letter.read_bytes())
    library = open_library(run_paths)
    assert len({doc.title for doc in library}) == len(library.documents)


@pytest.mark.parametrize("damage", ["nested", "garbage", "empty", "huge-header"])
def test_a_bad_cache_file_is_rebuilt_never_fatal(run_paths: paths.Paths, damage: str) -> None:
    expected = open_library(run_paths).get(hostile.LETTER_ID).plain_text
    entry = _letter_entry(run_paths.cache / "documents")
    entry.write_bytes(
        {
            "nested": hostile.deeply_nested_json(),
            "garbage": b"\x00\xff" * 1000,
            "empty": b"",
            "huge-header": b"{" * 100_000 + b"\n{}",
        }[damage]
    )
    library = open_library(run_paths)
    assert not library.errors
    assert library.get(hostile.LETTER_ID).plain_text == expected


def test_nested_json_is_refused_before_it_is_parsed() -> None:
    with pytest.raises(limits.OverBudget):
        limits.load_json(hostile.deeply_nested_json(10_000).decode())
    assert limits.json_depth('{"a": "[[[[[", "b": [1, {"c": []}]}') == 4
    assert limits.load_json('{"a": [1]}') == {"a": [1]}


# -- defect 5: bundled documents are protected ----------------------------------------------

EXPORT = Path(__file__).resolve().parents[2] / "content" / "sources" / f"{hostile.LETTER_ID}.txt"


@pytest.mark.parametrize("by_id", [True, False], ids=["id", "kamerstuk"])
def test_a_file_claiming_the_letters_identity_is_refused(
    run_paths: paths.Paths, tmp_path: Path, by_id: bool
) -> None:
    result = _import_one(run_paths, tmp_path, "vervalst.md", hostile.hostile_id_md(by_id=by_id))
    assert result.status == FAILED and result.code == "protected"
    assert "bundled document" in result.reason and "0% of its sentences" in result.reason
    library = open_library(run_paths)
    assert library.get(hostile.LETTER_ID).title.startswith("Voortgang Actieagenda")
    _nothing_stored(run_paths)


def _newer_export(tmp_path: Path, drop: str = "") -> Path:
    text = EXPORT.read_text(encoding="utf-8").replace(
        "versie: 2 (versie 1)", "versie: 3 (versie 2)"
    )
    if drop:
        assert drop in text
        text = text.replace(drop, "")
    newer = tmp_path / "kst-32824-456-v3.txt"
    newer.write_text(text, encoding="utf-8")
    return newer


def test_the_letters_own_text_may_become_its_new_version_after_a_question(
    run_paths: paths.Paths, tmp_path: Path
) -> None:
    from briefing_reader.core.importing import ASK, REPLACED

    newer = _newer_export(tmp_path)
    [asked] = import_files(run_paths, [newer], ask_bundled=True).results
    assert asked.status == ASK and asked.shared == 1.0
    assert "would become version 3 of the bundled document" in asked.reason
    assert open_library(run_paths).get(hostile.LETTER_ID).meta.version == 2  # nothing written
    [done] = import_files(run_paths, [newer]).results
    assert done.status == REPLACED and done.shared == 1.0


def test_an_accepted_new_version_does_not_open_the_door_to_a_fake_one(
    run_paths: paths.Paths, tmp_path: Path
) -> None:
    from briefing_reader.core.importing import REPLACED

    [done] = import_files(run_paths, [_newer_export(tmp_path)]).results
    assert done.status == REPLACED
    fake = tmp_path / "v1000.md"
    fake.write_bytes(hostile.hostile_id_md().replace(b"version: 999", b"version: 1000"))
    [refused] = import_files(run_paths, [fake]).results
    assert refused.status == FAILED and refused.code == "protected"
    assert open_library(run_paths).get(hostile.LETTER_ID).meta.version == 3


def test_shared_sentences_ignore_case_markup_and_punctuation() -> None:
    from briefing_reader.core.importing.library import shared_sentences

    original = "Het kabinet zet in op taal. Dat is belangrijk voor iedereen hier. Kort."
    assert shared_sentences(original, "HET KABINET zet in op *taal*!\n") == 0.5
    assert shared_sentences(original, "Iets heel anders dan de brief.") == 0.0


# -- defect 10: concurrent imports of one file --------------------------------------------


def test_a_document_with_too_many_paragraphs_is_refused(tmp_path: Path) -> None:
    many = "---\nid: many\nkind: imported\ntitle: Many\n---\n\n" + "".join(
        f"Alinea {n}.\n\n" for n in range(limits.MAX_ANCHORS + 1)
    )
    with pytest.raises(ContentError) as error:
        parse_document(many, tmp_path / "many.md", bundled=False)
    assert error.value.budget == limits.ANCHORS
