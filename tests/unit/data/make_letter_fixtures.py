"""Write the bundled letter (content/kst-32824-456.md) as Word, and turn that into PDF.

The Word file is laid out the way the Kamer publishes a Kamerstuk: the
letterhead, headings in Word's heading styles, real footnotes at the page
bottom, a running header "Tweede Kamer, vergaderjaar 2024–2025, 32 824,
nr. 456" with the page number (a PAGE field), a footer with the document
code and the page number, every "Acties" box as a framed one-cell table,
and the finance table as a table.

    python tests/unit/data/make_letter_fixtures.py          # docx + pdf here
    python tests/unit/data/make_letter_fixtures.py --copies 3 --out /tmp/long

The PDF needs LibreOffice (``soffice --headless --convert-to pdf``); the
generated ``kst-32824-456.pdf`` is committed so the tests do not need it.
``letter_docx()`` is also used by the tests directly (python-docx only).
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

HERE = Path(__file__).parent
LETTER = Path(__file__).parents[3] / "content" / "kst-32824-456.md"
TITLE = "Voortgang Actieagenda Integratie en de Open en Vrije Samenleving"
RUNNING_HEADER = "Tweede Kamer, vergaderjaar 2024–2025, 32 824, nr. 456"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_REL = (
    '<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
)
FOOTNOTES_TYPE = (
    '<Override PartName="/word/footnotes.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
)
_MARKER = re.compile(r"\[\^(\d+)\]")
_NOTE_DEF = re.compile(r"^\[\^(\d+)\]:\s?(.*)$")
_ESCAPE = re.compile(r"\\([\\|*_\[\]#>`~-])")


def letter_docx(copies: int = 1, number: int = 456) -> bytes:
    """The bundled letter as a .docx (the body ``copies`` times, for long-letter tests;
    another ``number`` makes it another Kamerstuk, for benchmarks that import it)."""
    body, notes = _read_letter()
    if number != 456:
        body = [line.replace("Nr. 456 ", f"Nr. {number} ") for line in body]
    document = docx.Document()
    document.core_properties.title = TITLE
    _styles(document)
    _header_and_footer(document, RUNNING_HEADER.replace("nr. 456", f"nr. {number}"))
    next_note = [1]
    note_texts: list[tuple[int, list[str]]] = []
    for _copy in range(copies):
        _write_body(document, body, notes, next_note, note_texts)
    buffer = io.BytesIO()
    document.save(buffer)
    return _with_footnotes(buffer.getvalue(), note_texts)


def _read_letter() -> tuple[list[str], dict[str, list[str]]]:
    text = LETTER.read_text(encoding="utf-8")
    lines = text.split("\n")
    end = lines.index("---", 1)
    body: list[str] = []
    notes: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines[end + 1 :]:
        if match := _NOTE_DEF.match(line):
            current = [match[2]]
            notes[match[1]] = current
        elif current is not None and line.startswith("    "):
            current.append(line.strip())
        else:
            current = None
            body.append(line)
    return body, notes


def _styles(document: docx.Document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = "DejaVu Serif"
    normal.font.size = Pt(10)
    for level, size in ((1, 14), (2, 12), (3, 10.5)):
        style = document.styles[f"Heading {level}"]
        style.font.name = "DejaVu Sans"
        style.font.size = Pt(size)
        style.font.bold = True


def _header_and_footer(document: docx.Document, running: str) -> None:
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.add_run(running + "\t\t")
    _page_field(header)
    footer = section.footer.paragraphs[0]
    code = "kst-32824-" + running.rsplit(" ", 1)[-1]
    footer.add_run(f"{code}\tISSN 0921 - 7371\t")
    _page_field(footer)


def _page_field(paragraph: docx.text.paragraph.Paragraph) -> None:
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text


def _write_body(
    document: docx.Document,
    body: list[str],
    notes: dict[str, list[str]],
    next_note: list[int],
    note_texts: list[tuple[int, list[str]]],
) -> None:
    target = document  # the document, or the cell of the action box being written
    pending_title: str | None = None
    paragraph_lines: list[str] = []
    table_lines: list[str] = []

    def flush() -> None:
        if paragraph_lines:
            _paragraph(target, paragraph_lines, notes, next_note, note_texts)
            paragraph_lines.clear()
        if table_lines:
            _table(document, table_lines)
            table_lines.clear()

    for line in body:
        if line.startswith("{"):
            flush()
            title = re.search(r'title="([^"]*)"', line)
            pending_title = title[1] if title else None
            continue
        if line.startswith(":::: actie"):
            flush()
            box = document.add_table(rows=1, cols=1)
            box.style = document.styles["Table Grid"]
            target = box.rows[0].cells[0]
            target.paragraphs[0].add_run("Acties").bold = True
            continue
        if line.startswith("::: deelactie"):
            flush()
            if pending_title:
                target.add_paragraph().add_run(pending_title).bold = True
            continue
        if line == "::::":
            flush()
            target = document
            document.add_paragraph()
            continue
        if line == ":::":
            flush()
            continue
        if line.startswith("#"):
            flush()
            level = len(line) - len(line.lstrip("#"))
            document.add_heading(_unescape(line[level:].strip()), level=level)
            continue
        if line.startswith("|"):
            table_lines.append(line)
            continue
        if line.startswith("- "):
            flush()
            _paragraph(target, [line[2:]], notes, next_note, note_texts, "List Bullet")
            continue
        if not line.strip():
            flush()
            continue
        paragraph_lines.append(line)
    flush()


def _paragraph(
    target,
    lines: list[str],
    notes: dict[str, list[str]],
    next_note: list[int],
    note_texts: list[tuple[int, list[str]]],
    style: str | None = None,
) -> None:
    paragraph = target.add_paragraph(style=style)
    for index, line in enumerate(lines):
        text = line[:-1] if line.endswith("\\") and not line.endswith("\\\\") else line
        pos = 0
        for match in _MARKER.finditer(text):
            paragraph.add_run(_unescape(text[pos : match.start()]))
            note_id = next_note[0] + 1  # ids 0 and 1 are Word's separators
            next_note[0] += 1
            note_texts.append((note_id, notes[match[1]]))
            run = paragraph.add_run()
            run.font.superscript = True
            reference = OxmlElement("w:footnoteReference")
            reference.set(qn("w:id"), str(note_id))
            run._r.append(reference)
            pos = match.end()
        paragraph.add_run(_unescape(text[pos:]))
        if index < len(lines) - 1:
            paragraph.add_run().add_break(WD_BREAK.LINE)


def _table(document: docx.Document, lines: list[str]) -> None:
    rows = [
        [_unescape(c.strip()) for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        for line in lines
        if not set(line.strip()) <= set("|-: ")
    ]
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = document.styles["Table Grid"]
    widths = [Inches(1.7)] + [Inches(0.55)] * (width - 1)  # the labels' column is wide
    for column, size in zip(table.columns, widths, strict=True):
        column.width = size
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, value, size in zip(row.cells, cells, widths, strict=False):
            cell.text = value
            cell.width = size


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def _with_footnotes(data: bytes, notes: list[tuple[int, list[str]]]) -> bytes:
    parts = [
        '<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
    ]
    for note_id, lines in notes:
        runs = "<w:r><w:br/></w:r>".join(
            f'<w:r><w:t xml:space="preserve">{escape(_unescape(line.removesuffix(chr(92))))}'
            f"</w:t></w:r>"
            for line in lines
        )
        parts.append(
            f'<w:footnote w:id="{note_id}"><w:p><w:pPr><w:rPr><w:sz w:val="16"/>'
            f'</w:rPr></w:pPr><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
            f'<w:sz w:val="16"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> </w:t></w:r>'
            + runs.replace("<w:r><w:t", '<w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t')
            + "</w:p></w:footnote>"
        )
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:footnotes xmlns:w="{W_NS}">{"".join(parts)}</w:footnotes>'
    )
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>", FOOTNOTES_REL.encode() + b"</Relationships>"
                )
            elif item.filename == "[Content_Types].xml":
                content = content.replace(b"</Types>", FOOTNOTES_TYPE.encode() + b"</Types>")
            target.writestr(item, content)
        target.writestr("word/footnotes.xml", footnotes)
    return out.getvalue()


def to_pdf(docx_path: Path, out_dir: Path) -> Path:
    """Convert with LibreOffice headless, in a throw-away profile."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed to make the PDF")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out_dir),
                str(docx_path),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return out_dir / (docx_path.stem + ".pdf")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=1, help="the body this many times")
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write to")
    parser.add_argument("--name", default="kst-32824-456", help="file name without extension")
    parser.add_argument("--number", type=int, default=456, help="the letter's number (Nr.)")
    parser.add_argument("--pages", type=int, help="keep only the first N pages of the PDF")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    docx_path = args.out / f"{args.name}.docx"
    docx_path.write_bytes(letter_docx(args.copies, args.number))
    pdf = to_pdf(docx_path, args.out)
    if args.pages:
        import pypdf

        writer = pypdf.PdfWriter(clone_from=pdf)
        while len(writer.pages) > args.pages:
            writer.remove_page(len(writer.pages) - 1)
        writer.write(pdf)
    print(f"wrote {docx_path} and {pdf}")


if __name__ == "__main__":
    main()
