"""Export to Word (issue 17): ``print``, ``pack`` and ``card`` write .docx when
``-o`` ends in .docx; the file opens in LibreOffice (converted back to PDF
headless and read with pypdf), with headings, real footnotes and the citation."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest

LETTER = "kst-32824-456"
CITATION = "Kamerstukken II 2024/25, 32 824, nr. 456"
FOOTNOTE_6 = "Steeds meer jongeren radicaliseren online"
ACTION = "actie-kennisontwikkeling-en-kennisdeling"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing_reader", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFING_READER_LANGUAGE": "nl"},
    )


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("data")
    done = run(
        folder,
        "notes",
        "set-action",
        ACTION,
        "--stance",
        "Kritisch",
        "--priority",
        "hoog",
        "--tag",
        "taal",
        "--note",
        "Te **streng**.",
        "--question",
        "Hoe vaak is de uitkering verlaagd?",
    )
    assert done.returncode == 0, done.stderr
    assert (
        run(
            folder,
            "notes",
            "highlight",
            LETTER,
            "--quote",
            "Taal speelt daarbij een belangrijke rol.",
            "--key-figure",
        ).returncode
        == 0
    )
    return folder


def test_print_docx_is_word_with_headings_footnotes_and_notes(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "kennis.docx"
    done = run(data, "print", f"{LETTER}#{ACTION}", "--notes", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert not out.read_bytes().startswith(b"%PDF")
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert CITATION in texts
    assert any(p.style.name.startswith("Heading") for p in document.paragraphs)
    assert any("Labels: taal" in t for t in texts) and not any("Tags" in t for t in texts)
    assert any("Hoe vaak is de uitkering verlaagd?" in t for t in texts)
    with zipfile.ZipFile(out) as package:
        footnotes = package.read("word/footnotes.xml").decode()
        body = package.read("word/document.xml").decode()
    assert FOOTNOTE_6 in footnotes and "voetnoot 6 in de brief" in footnotes
    assert body.count("<w:footnoteReference") == 1
    assert footnotes.count('<w:footnote w:id="1">') == 1
    assert "Voetnoten" not in texts  # real footnotes replace the printed list


def _soffice_pdf(files: list[Path], folder: Path) -> list[Path]:
    profile = folder / "lo-profile"
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return [folder / f"{f.stem}.pdf" for f in files]


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed: Debian libreoffice-writer-nogui",
)
def test_word_files_open_in_libreoffice(data: Path, tmp_path: Path) -> None:
    excerpt, pack, card = (
        tmp_path / name for name in ("uittreksel.docx", "pack.docx", "kaart.docx")
    )
    for args in (
        ("print", f"{LETTER}#{ACTION}", "--notes", "-o", str(excerpt)),
        ("pack", "-o", str(pack)),
        ("card", "-o", str(card)),
    ):
        done = run(data, *args)
        assert done.returncode == 0, done.stderr
        assert "(Word)" in done.stdout
    out = tmp_path / "pdf"
    out.mkdir()
    pdfs = _soffice_pdf([excerpt, pack, card], out)
    texts = [
        squash("".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)) for pdf in pdfs
    ]
    for text in texts:
        assert squash(CITATION) in text
    assert squash(FOOTNOTE_6) in texts[0] and squash("Standpunt: Kritisch") in texts[0]
    assert (
        squash("Debatvoorbereiding") in texts[1]
        and squash("Openstaande toezeggingen") in texts[1]
        and squash("Hoe vaak is de uitkering verlaagd?") in texts[1]
    )
    assert squash("Debatkaart") in texts[2] and squash("Kerncijfers") in texts[2]
    assert squash("Taal speelt daarbij een belangrijke rol.") in texts[2]
