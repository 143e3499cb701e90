"""Bad input names the file and the reason and changes nothing in the library."""

from __future__ import annotations

import contextlib
import io
import os
import zipfile
from pathlib import Path

import pytest

from briefing_reader import paths
from briefing_reader.core.importing import (
    FAILED,
    IMPORTED,
    REPLACED,
    UNCHANGED,
    ImportFailed,
    convert_file,
    import_files,
    remove_document,
    sniff,
)
from briefing_reader.core.messages import message
from briefing_reader.core.notes import anchor_place, open_store
from briefing_reader.session import open_library

LETTER = "Brief over taal\n\nDe taaleis blijft. Gemeenten handhaven haar beter.\n"


def md_letter(version: int, doc_id: str = "brief-taal") -> str:
    return (
        f"---\nid: {doc_id}\nkind: imported\ntitle: Brief over taal\nversion: {version}\n"
        f"---\n\n# Taal\n\nVersie {version} van de brief.\n"
    )


def folder_state(run: paths.Paths) -> dict[str, bytes]:
    folder = run.imported_documents
    if not folder.exists():
        return {}
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def fail_one(path: Path, roots=None) -> ImportFailed:
    """Import one bad file: it fails, with the file named, and the folder is unchanged."""
    run = paths.resolve()
    before = folder_state(run)
    [result] = import_files(run, [path], roots=roots).results
    assert result.status == FAILED, result.message()
    assert result.file == path and result.reason
    assert result.message().startswith(f"{path.name}: ") or not path.name
    assert folder_state(run) == before
    with pytest.raises(ImportFailed) as info:
        convert_file(path, roots)
    assert info.value.code == result.code
    assert str(path) in str(info.value)
    return info.value


@pytest.fixture
def run() -> paths.Paths:
    return paths.resolve()


# -- types and contents ----------------------------------------------------------


@pytest.mark.parametrize(
    "name, data",
    [
        ("pagina.html", b"hallo, geen html"),
        ("script.py", b"print('hallo')\n"),
        ("brief.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100),
        ("brief.docm", b"PK\x03\x04rest"),
        ("plaatje", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50),
    ],
)
def test_unsupported_types(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    error = fail_one(path)
    assert error.code == "unsupported-type"
    assert ".docx" in error.reason or "not text" in error.reason


@pytest.mark.parametrize(
    "name, data",
    [
        ("nul.txt", b"Tekst met\x00NUL-bytes"),
        ("plaatje.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR"),
        ("archief.md", b"PK\x03\x04\x14\x00\x00\x00"),
        ("stuur.txt", bytes(range(1, 32)) * 20),
    ],
)
def test_binary_content(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert fail_one(path).code == "binary"


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \n", b"\xef\xbb\xbf"])
def test_empty(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "leeg.txt"
    path.write_bytes(data)
    error = fail_one(path)
    assert error.code == "empty" and "empty" in error.reason


def test_over_20_mb_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "groot.txt"
    with path.open("wb") as handle:  # sparse: no 20 MB written
        handle.truncate(sniff.MAX_BYTES + 1)
    error = fail_one(path)
    assert error.code == "too-large" and "20 MB" in error.reason


def test_size_limit_can_be_lowered(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(LETTER, encoding="utf-8")
    with pytest.raises(ImportFailed) as info:
        sniff.read_source(path, max_bytes=10)
    assert info.value.code == "too-large"


def test_undecodable_text(tmp_path: Path) -> None:
    path = tmp_path / "kapot.txt"
    # 0x81 and 0x8d: invalid in UTF-8 and undefined in Windows-1252.
    path.write_bytes(b"Regel een\nRegel \x81twee \x8d\n")
    error = fail_one(path)
    assert error.code == "undecodable"
    assert "UTF-8" in error.reason and "Windows-1252" in error.reason
    assert error.line == 2 and "0x81" in error.reason


@pytest.mark.parametrize("byte", [0x81, 0x8D, 0x8F, 0x90, 0x9D])
def test_each_byte_undefined_in_windows_1252(tmp_path: Path, byte: int) -> None:
    path = tmp_path / "kapot.md"
    path.write_bytes(b"# Kop\n\nTekst " + bytes([byte]) + b"\n")
    assert fail_one(path).code == "undecodable"


def test_windows_1252_text_imports_and_says_so(tmp_path: Path, run: paths.Paths) -> None:
    path = tmp_path / "oud.txt"
    path.write_bytes("Notitie over geld\n\nHet kost 22 \u20ac per café.\n".encode("cp1252"))
    [result] = import_files(run, [path]).results
    assert result.status == IMPORTED, result.message()
    assert result.encoding == "Windows-1252"
    assert message("import.read_as_cp1252") in result.warnings
    doc = open_library(run).get(result.doc_id or "")
    assert doc is not None and "Het kost 22 € per café." in doc.plain_text
    assert doc.meta.raw["imported"]["encoding"] == "Windows-1252"


def test_utf8_text_says_utf8(tmp_path: Path, run: paths.Paths) -> None:
    path = tmp_path / "nieuw.txt"
    path.write_text("Notitie\n\nCafé en €.\n", encoding="utf-8")
    [result] = import_files(run, [path]).results
    assert (result.status, result.encoding) == (IMPORTED, "UTF-8")


@pytest.mark.parametrize("data", [b"Dit is gewoon tekst", b"PK\x03\x04 kapot", b"PK\x05\x06"])
def test_docx_that_is_not_a_valid_zip(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "brief.docx"
    path.write_bytes(data)
    error = fail_one(path)
    assert error.code == "bad-docx" and "Word" in error.reason


def test_docx_zip_with_a_broken_document(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("word/document.xml", "<w:document><w:body>")
    path = tmp_path / "stuk.docx"
    path.write_bytes(buf.getvalue())
    assert fail_one(path).code == "bad-docx"


# -- names and places ------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["brief\x07.txt", "brief\nnaam.txt", "brief\u202etxt.md", "..brief.txt", "x" * 300 + ".txt"],
)
def test_odd_names(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if len(name) < 250:
        path.write_text(LETTER, encoding="utf-8")
    error = fail_one(path)
    assert error.code == "odd-name" and "name" in error.reason


def test_dot_dot_as_the_name(tmp_path: Path) -> None:
    assert fail_one(tmp_path / "sub" / "..").code == "odd-name"


def test_missing_file_folder_and_fifo(tmp_path: Path) -> None:
    assert fail_one(tmp_path / "er-niet.txt").code == "not-found"
    folder = tmp_path / "map.txt"
    folder.mkdir()
    assert fail_one(folder).code == "not-a-file"
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pijp.txt"
        os.mkfifo(fifo)
        assert fail_one(fifo).code == "not-a-file"


def test_path_outside_the_chosen_folders(tmp_path: Path) -> None:
    chosen = tmp_path / "gekozen"
    chosen.mkdir()
    elsewhere = tmp_path / "elders.txt"
    elsewhere.write_text(LETTER, encoding="utf-8")
    error = fail_one(elsewhere, roots=[chosen])
    assert error.code == "outside-roots" and "outside" in error.reason
    sneaky = chosen / ".." / "elders.txt"
    assert fail_one(sneaky, roots=[chosen]).code == "outside-roots"


def test_symlink_escaping_the_chosen_folders(tmp_path: Path) -> None:
    chosen = tmp_path / "gekozen"
    chosen.mkdir()
    secret = tmp_path / "geheim.txt"
    secret.write_text(LETTER, encoding="utf-8")
    link = chosen / "brief.txt"
    link.symlink_to(secret)
    error = fail_one(link, roots=[chosen])
    assert error.code == "outside-roots" and "links to a file outside" in error.reason


def test_symlink_inside_the_chosen_folders_is_fine(tmp_path: Path, run: paths.Paths) -> None:
    chosen = tmp_path / "gekozen"
    chosen.mkdir()
    (chosen / "echt.txt").write_text(LETTER, encoding="utf-8")
    (chosen / "link.txt").symlink_to(chosen / "echt.txt")
    [result] = import_files(run, [chosen / "link.txt"], roots=[chosen]).results
    assert result.status == IMPORTED, result.message()


def test_the_chosen_file_itself_as_root(tmp_path: Path, run: paths.Paths) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(LETTER, encoding="utf-8")
    [result] = import_files(run, [path], roots=[path]).results
    assert result.status == IMPORTED


# -- batches, versions, removal ------------------------------------------------------


def test_a_batch_reports_per_file_and_imports_the_good_ones(
    tmp_path: Path, run: paths.Paths
) -> None:
    good = tmp_path / "goed.md"
    good.write_text(md_letter(1), encoding="utf-8")
    text = tmp_path / "notitie.txt"  # another title: the same title would be a new version
    text.write_text(LETTER.replace("Brief over taal", "Notitie over taal"), encoding="utf-8")
    bad = tmp_path / "slecht.docx"
    bad.write_bytes(b"geen zip")
    broken = tmp_path / "kapot.md"
    broken.write_text("---\nid: x\n: : :\n---\n", encoding="utf-8")
    box = tmp_path / "doos.md"
    box.write_text("# Kop\n\n::: actie\nZonder id.\n:::\n", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    report = import_files(
        run,
        [good, bad, text, broken, box, tmp_path / "weg.txt"],
        progress=lambda done, total: seen.append((done, total)),
    )
    assert [r.status for r in report.results] == [
        IMPORTED,
        FAILED,
        IMPORTED,
        FAILED,
        FAILED,
        FAILED,
    ]
    assert [r.code for r in report.failed] == [
        "bad-docx",
        "invalid-content",
        "invalid-content",
        "not-found",
    ]
    assert "front matter" in report.results[3].reason and report.results[3].line == 3
    assert "needs an id" in report.results[4].reason
    assert seen == [(n, 6) for n in range(1, 7)]
    assert sorted(p.name for p in run.imported_documents.iterdir()) == [
        "brief-taal.md",
        "notitie-over-taal.md",
    ]
    assert report.document_to_open is None
    library = open_library(run)
    assert library.errors == []
    assert {"brief-taal", "notitie-over-taal"} <= set(library.documents)


def test_same_version_unchanged_higher_replaced_lower_unchanged(
    tmp_path: Path, run: paths.Paths
) -> None:
    files = {}
    for version in (1, 2, 3):
        files[version] = tmp_path / f"v{version}.md"
        files[version].write_text(md_letter(version), encoding="utf-8")
    assert import_files(run, [files[2]]).results[0].status == IMPORTED
    stored = run.imported_documents / "brief-taal.md"
    first = stored.read_bytes()
    same = import_files(run, [files[2]]).results[0]
    assert (same.status, same.reason) == (UNCHANGED, "already in the library at this version")
    assert stored.read_bytes() == first
    older = import_files(run, [files[1]]).results[0]
    assert older.status == UNCHANGED and "newer" in older.reason
    newer = import_files(run, [files[3]]).results[0]
    assert (newer.status, newer.old_version, newer.new_version) == (REPLACED, 2, 3)
    assert newer.doc_id == "brief-taal" and newer.stored == stored
    assert "Versie 3" in stored.read_text(encoding="utf-8")
    assert sorted(p.name for p in run.imported_documents.iterdir()) == ["brief-taal.md"]


def test_an_id_of_another_document_is_not_overwritten(tmp_path: Path, run: paths.Paths) -> None:
    path = tmp_path / "kaper.md"
    path.write_text(
        "---\nid: begrippen\nkind: imported\ntitle: Iets anders\n---\n\nTekst.\n", encoding="utf-8"
    )
    # shares the id of a bundled companion, says no version: another document
    [result] = import_files(run, [path]).results
    assert (result.status, result.doc_id) == (IMPORTED, "begrippen-2")
    assert any("'begrippen' is taken" in str(w) for w in result.warnings)
    assert open_library(run).get("begrippen").title == "Begrippen en afkortingen"
    assert import_files(run, [path]).results[0].status == UNCHANGED  # same bytes


def test_plain_text_identity_is_its_bytes_then_its_title(tmp_path: Path, run: paths.Paths) -> None:
    path = tmp_path / "notitie.txt"
    path.write_text(LETTER, encoding="utf-8")
    assert import_files(run, [path]).results[0].status == IMPORTED
    assert import_files(run, [path]).results[0].status == UNCHANGED
    path.write_text(LETTER + "\nEen extra alinea.\n", encoding="utf-8")
    again = import_files(run, [path]).results[0]  # a revision: same title, no numbers
    assert again.status == REPLACED and again.doc_id == "brief-over-taal"
    assert (again.old_version, again.new_version) == (1, 2)


def test_remove_an_imported_document_keeps_its_notes(tmp_path: Path, run: paths.Paths) -> None:
    path = tmp_path / "brief.md"
    path.write_text(md_letter(1), encoding="utf-8")
    import_files(run, [path])
    doc = open_library(run).get("brief-taal")
    assert doc is not None
    store = open_store(run.notes_db, run.backups)
    anchor, name = anchor_place(doc)
    store.add_bookmark(anchor, name)
    store.close()
    result = remove_document(run, "brief-taal")
    assert result.removed == run.imported_documents / "brief-taal.md"
    assert not result.removed.exists() and not result.reverted_to_bundled
    assert open_library(run).get("brief-taal") is None
    store = open_store(run.notes_db, run.backups)
    assert [b.anchor.doc_id for b in store.bookmarks()] == ["brief-taal"]
    store.close()
    assert import_files(run, [path]).results[0].status == IMPORTED  # and back again


def test_removing_a_bundled_or_unknown_document_is_refused(run: paths.Paths) -> None:
    with pytest.raises(ImportFailed) as info:
        remove_document(run, "kst-32824-456")
    assert info.value.code == "not-removable" and "bundled" in info.value.reason
    with pytest.raises(ImportFailed) as info:
        remove_document(run, "bestaat-niet")
    assert info.value.code == "not-found"


def test_removing_an_import_that_replaced_a_bundled_letter_reverts_it(
    tmp_path: Path, run: paths.Paths
) -> None:
    path = tmp_path / "v9.md"
    letter = (paths.bundled_content_dir() / "kst-32824-456.md").read_text(encoding="utf-8")
    title = next(line for line in letter.splitlines() if line.startswith("title:"))
    path.write_text(
        letter.replace("version: 2\n", "version: 9\n", 1).replace(title, "title: Nieuwe versie", 1),
        encoding="utf-8",
    )  # its text: a version of it
    [result] = import_files(run, [path]).results
    assert (result.status, result.doc_id) == (REPLACED, "kst-32824-456")
    assert open_library(run).get("kst-32824-456").title == "Nieuwe versie"
    removed = remove_document(run, "kst-32824-456")
    assert removed.reverted_to_bundled
    assert open_library(run).get("kst-32824-456").meta.version == 2


def test_unwritable_library_folder_fails_cleanly(tmp_path: Path, run: paths.Paths) -> None:
    run.data.mkdir(parents=True, exist_ok=True)
    run.imported_documents.write_text("not a folder", encoding="utf-8")
    path = tmp_path / "brief.md"
    path.write_text(md_letter(1), encoding="utf-8")
    [result] = import_files(run, [path]).results
    assert (result.status, result.code) == (FAILED, "write-failed")
    assert run.imported_documents.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize(
    "line",
    [
        "Acties • a" + " " * 200_000 + "b",
        "kamerstukdossier 1 -1" + " " * 200_000 + "x",
        "---|" * 50_000 + "x",
        "# kop" + " " * 200_000 + "#x",
        "Eerste ondertekenaar: a," + " " * 200_000 + "x",
    ],
)
def test_long_odd_lines_do_not_hang(tmp_path: Path, line: str) -> None:
    import time

    for suffix, text in (
        (".txt", "Titel\n" + line + "\n"),
        (".txt", "Titel\nX\nBrief regering\nNummer: 2025D00001\n" + line),
        (".md", line + "\n"),
    ):
        path = tmp_path / f"lang{suffix}"
        path.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        with contextlib.suppress(ImportFailed):
            convert_file(path)
        assert time.perf_counter() - start < 5


def test_command_line_import_and_remove(
    tmp_path: Path, run: paths.Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing_reader.cli import main

    good = tmp_path / "brief.md"
    good.write_text(md_letter(1), encoding="utf-8")
    bad = tmp_path / "brief.pdf"
    bad.write_bytes(b"%PDF-1.4")
    store = open_store(run.notes_db, run.backups)  # notes exist: the import re-anchors
    store.close()
    assert main(["import", str(good), str(bad)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert "geen datum gevonden" in lines[1]  # the markdown letter carries no date
    out = [line for line in lines if line.split()[0] != "note:"]
    assert out[0].split()[0] == "imported" and "brief.md" in out[0] and "brief-taal" in out[0]
    assert out[1].split()[0] == "failed" and "brief.pdf" in out[1] and "PDF" in out[1]
    assert main(["import", "--json", str(good)]) == 0
    assert '"status": "unchanged"' in capsys.readouterr().out
    assert main(["remove", "brief-taal"]) == 0
    assert "removed" in capsys.readouterr().out
    assert main(["remove", "kst-32824-456"]) == 1
    assert "cannot be removed" in capsys.readouterr().err


def test_a_name_taken_meanwhile_by_another_process_is_not_overwritten(
    tmp_path: Path, run: paths.Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_reader.core.importing import library as import_library

    real = import_library.validate
    other = run.imported_documents / "brief-taal.md"

    def validate_while_another_import_writes(text: str, target: Path, path: Path) -> object:
        if not other.exists():
            other.parent.mkdir(parents=True, exist_ok=True)
            other.write_text("van een ander proces", encoding="utf-8")
        return real(text, target, path)

    monkeypatch.setattr(import_library, "validate", validate_while_another_import_writes)
    path = tmp_path / "brief.md"
    path.write_text(md_letter(1), encoding="utf-8")
    [result] = import_files(run, [path]).results
    assert (result.status, result.doc_id) == (IMPORTED, "brief-taal-2")
    assert other.read_text(encoding="utf-8") == "van een ander proces"
    assert sorted(p.name for p in run.imported_documents.iterdir()) == [
        "brief-taal-2.md",
        "brief-taal.md",
    ]
