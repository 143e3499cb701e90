"""Random bytes and random text into every importer: only ImportFailed comes out,
what comes out loads in the reader with the same words, and the library folder
is never half-written."""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from briefing_reader import paths
from briefing_reader.core.content import ContentError, parse_document
from briefing_reader.core.importing import (
    FAILED,
    ImportFailed,
    convert_file,
    import_files,
    markdown,
    opentk,
    plaintext,
    textbody,
)
from briefing_reader.core.importing import docx as docx_import
from briefing_reader.core.importing.mdwriter import front_matter
from briefing_reader.core.importing.textdecode import decode

# IMPORT_EXAMPLES=600 for a longer run by hand.
SETTINGS = settings(
    max_examples=int(os.environ.get("IMPORT_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HEADER = (
    "Titel van de brief\nDossier\nBrief regering\n"
    "Nummer: 2025D00001, datum: 2025-07-04, bijgewerkt: 2025-07-15 13:18, versie: 2\n"
    "Onderdeel van kamerstukdossier 32824 -999 Integratiebeleid.\n"
    "Preview document (🔗 origineel)\n"
)
TRICKY_LINES = [
    "Acties",
    "|",
    "---|",
    "Acties • Een plan |",
    "1.1 Een kop",
    "3. Kop",
    "Pijler 3 Nog een pijler",
    "2025 | 2026 |",
    "a | b | c |",
    "---|---|---|",
    "Een titel",
    "Dit gaat door:",
    "Het organiseren van iets;",
    "Het ontwikkelen van iets.",
    "Tekst met voetnoot.1 En meer",
    "Bron.↩︎",
    "Tweede bron↩︎",
    "32824 Integratiebeleid",
    "Nr. 999 Brief van iemand",
    "Den Haag, 4 juli 2025",
    "De minister van Iets,",
    "A. Naam",
    "- lijst",
    "* ster",
    "> quote",
    "# hekje",
    "{#id}",
    "::: actie",
    "[^1]: noot",
    "<b>html</b>",
    "`code`",
    "    ingesprongen",
    "[link](http://x)",
    "&amp;",
    "1) een",
    "\\ backslash",
    "=====",
    "~~~",
    "***",
    "_onder_",
    "",
]
WORDS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp", "Cf", "Co")),
    min_size=1,
    max_size=12,
)
LINES = st.one_of(
    st.sampled_from(TRICKY_LINES), st.lists(WORDS, min_size=1, max_size=12).map(" ".join)
)
BODIES = st.lists(LINES, min_size=1, max_size=40).map("\n".join)


def _loads(converted, path: Path) -> str | None:
    """The converted document parses in the reader; its plain text.

    The reader's parser refuses a paragraph with a literal ``[^label]`` (a
    footnote without text), so text holding one cannot be shown: the library
    refuses such a file (``invalid-content``); None here.
    """
    meta = dict(converted.meta)
    meta["id"] = (
        meta.get("id") if re.fullmatch(r"[a-z0-9][a-z0-9-]{0,79}", str(meta.get("id"))) else "x"
    )
    try:
        doc = parse_document(front_matter(meta) + "\n" + converted.body, path, bundled=False)
    except ContentError as exc:
        if "[^" in converted.body and "has no text" in exc.reason:
            return None
        raise
    return doc.plain_text


def _visible_words(text: str) -> list[str]:
    """Words a conversion must keep: all but the box markers and the table pipes.

    Lines are classified by the importer's own line rules (``kind_of``); the
    property is that joining, headings, lists, boxes and escaping never lose,
    add or change a word.
    """
    words = []
    for line in text.split("\n"):
        line = line.strip()
        kind = textbody.kind_of(line)
        if kind in (textbody.BOX, textbody.PIPE, textbody.BLANK):
            continue
        if kind == textbody.INLINE_BOX:
            line = textbody.inline_box_text(line)
        elif kind == textbody.TABLE:
            line = line.replace("|", " ")
        words += line.split()
    return words


@pytest.fixture(scope="module")
def library_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("library")


# -- bytes into the whole pipeline --------------------------------------------------


@SETTINGS
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".docx", ""]))
def test_random_bytes_only_raise_import_failed(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"bestand{suffix}"
        path.write_bytes(data)
        try:
            converted = convert_file(path)
        except ImportFailed as exc:
            assert exc.code and exc.reason
            return
        _loads(converted, path)


@SETTINGS
@given(data=st.binary(max_size=2000))
def test_random_bytes_decode_or_fail_cleanly(data: bytes) -> None:
    try:
        decoded = decode(data, Path("x.txt"))
    except ImportFailed as exc:
        assert exc.code in ("binary", "empty", "undecodable")
        return
    assert decoded.encoding in ("UTF-8", "Windows-1252", "UTF-16")
    assert decoded.text.strip()


# -- text into each text importer --------------------------------------------------------


@SETTINGS
@given(body=BODIES)
def test_random_plain_text_keeps_every_word(body: str) -> None:
    assume(body.strip())
    converted = plaintext.convert(body, Path("x.txt"), "UTF-8")
    text = _loads(converted, Path("x.md"))
    assume(text is not None and "↩" not in body)  # notes: digits may become markers
    assert text is not None and text.split() == _visible_words(body)


@SETTINGS
@given(body=BODIES)
def test_random_opentk_body_loads(body: str) -> None:
    converted = opentk.convert(HEADER + body, Path("x.txt"), "UTF-8")
    assert converted.meta["id"] == "kst-32824-999"
    text = _loads(converted, Path("x.md"))
    if text is not None and "↩" not in body:
        assert text.split() == _visible_words(body)


@SETTINGS
@given(text=st.text(max_size=600))
def test_random_markdown_only_raises_import_failed(text: str) -> None:
    try:
        converted = markdown.convert(text, Path("x.md"), "UTF-8")
    except ImportFailed as exc:
        assert exc.code == "invalid-content"
        return
    assert converted.meta["id"] and converted.meta["title"]


@SETTINGS
@given(
    front=st.dictionaries(
        st.sampled_from(["id", "kind", "title", "version", "date", "missing_footnotes", "dossier"]),
        st.one_of(
            st.integers(), st.text(max_size=20), st.none(), st.lists(st.integers(), max_size=3)
        ),
    ),
    body=st.text(max_size=200),
)
def test_random_front_matter_is_refused_or_loads(library_dir: Path, front: dict, body: str) -> None:
    import yaml

    text = "---\n" + yaml.safe_dump(front) + "---\n" + body
    run = paths.resolve(library_dir / "front-matter")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.md"
        path.write_text(text, encoding="utf-8")
        [result] = import_files(run, [path]).results
    assert result.code != "internal", result.reason
    _folder_is_whole(run)


# -- Word ------------------------------------------------------------------------------


def _base_docx() -> bytes:
    d = docx.Document()
    d.add_heading("Kop", 1)
    d.add_paragraph("Tekst", style="List Bullet")
    d.add_table(rows=1, cols=2).rows[0].cells[0].text = "cel"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


BASE_DOCX = _base_docx()


def _replace_member(data: bytes, name: str, content: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, content if item.filename == name else src.read(item))
    return out.getvalue()


@SETTINGS
@given(
    member=st.sampled_from(
        [
            "word/document.xml",
            "word/styles.xml",
            "word/numbering.xml",
            "[Content_Types].xml",
            "word/_rels/document.xml.rels",
            "docProps/core.xml",
        ]
    ),
    content=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=400).map(
            lambda t: (
                '<?xml version="1.0"?><w:document xmlns:w="http://schemas.'
                'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'
                f"<w:r><w:t>{t}</w:t></w:r></w:p></w:body></w:document>"
            ).encode("utf-8", "surrogatepass")
        ),
    ),
)
def test_damaged_docx_only_raises_import_failed(member: str, content: bytes) -> None:
    data = _replace_member(BASE_DOCX, member, content)
    try:
        converted = docx_import.convert(data, Path("x.docx"))
    except ImportFailed as exc:
        assert exc.code == "bad-docx"
        return
    _loads(converted, Path("x.md"))


@SETTINGS
@given(
    position=st.integers(min_value=0, max_value=len(BASE_DOCX) - 1),
    value=st.integers(min_value=0, max_value=255),
)
@example(position=35636, value=4)  # a zip size field now claims more than the budget
def test_flipped_byte_docx_only_raises_import_failed(position: int, value: int) -> None:
    data = bytearray(BASE_DOCX)
    data[position] = value
    try:
        converted = docx_import.convert(bytes(data), Path("x.docx"))
    except ImportFailed as exc:
        # damaged, or claiming to unpack to more than the budget: both refused by name
        assert exc.code in {"bad-docx", "over-budget"}
        return
    _loads(converted, Path("x.md"))


# -- the library folder -------------------------------------------------------------------


def _folder_is_whole(run: paths.Paths) -> None:
    folder = run.imported_documents
    if folder.exists():
        names = [p.name for p in folder.iterdir()]
        assert all(n.endswith(".md") and not n.startswith(".") for n in names), names
    from briefing_reader.session import open_library

    assert open_library(run).errors == []


@SETTINGS
@given(
    files=st.lists(
        st.tuples(st.binary(max_size=1500), st.sampled_from([".txt", ".md", ".docx", ""])),
        min_size=1,
        max_size=4,
    )
)
def test_a_batch_of_random_files_never_half_writes_the_library(library_dir: Path, files) -> None:
    run = paths.resolve(library_dir / "data")
    keep = run.imported_documents / "bestaand.md"
    if not keep.exists():
        keep.parent.mkdir(parents=True, exist_ok=True)
        keep.write_text(
            "---\nid: bestaand\nkind: imported\ntitle: Bestaand\nversion: 1\n---\n\n"
            "Mijn eerdere import.\n",
            encoding="utf-8",
        )
    before = keep.read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        paths_in = []
        for n, (data, suffix) in enumerate(files):
            path = Path(tmp) / f"f{n}{suffix}"
            path.write_bytes(data)
            paths_in.append(path)
        report = import_files(run, paths_in)
    assert len(report.results) == len(files)
    assert all(r.code != "internal" for r in report.results), [r.reason for r in report.results]
    assert keep.read_bytes() == before
    for result in report.results:
        if result.status == FAILED:
            assert result.stored is None
    _folder_is_whole(run)
