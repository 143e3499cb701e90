"""Import time: the letter's text export and a generated 50-page Word file.

Usage::

    python benchmarks/import.py [--repeat 5] [--pages 50] [--json]

Each run starts from a library that is ready (bundled documents loaded,
search index built in a temp cache, a notes store holding bookmarks on the
letter), then times what the user waits for after choosing a file:

- ``import_files`` (checks, conversion, validation with the reader's
  parser, atomic write),
- reloading the library (``open_library``),
- re-anchoring the notes (``reanchor_library``),
- updating the search index with the new document (``SearchIndex.update``,
  incremental).

Cases: the text export ``content/sources/kst-32824-456.txt`` as version 3
(so it replaces the bundled letter and its notes are re-anchored), a
Word file of about 50 pages generated here (headings, paragraphs, lists, a
table and footnotes every page), a 30-page PDF letter
(``benchmarks/data/letter-30-pages.pdf``: the bundled letter's body twice,
as Nr. 998, written by tests/unit/data/make_letter_fixtures.py and cut at
30 pages) and the bundled letter's body twice as an officiele-publicatie
XML file generated here. Baselines in the same run: copying the export
file, ``parse_document`` of the hand-curated markdown letter, and the bare
library calls that read the PDF's text (pypdfium2, page by page) and parse
the XML (lxml). The first run in the process also pays for importing
python-docx and the parser; the table shows the first run and the median.
Target: < 1 s each; the PDF letter < 1.5 s (also shown per page).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing_reader import paths
from briefing_reader.core.importing import import_files
from briefing_reader.core.notes import anchor_place, open_store, reanchor_library
from briefing_reader.core.search import SearchIndex
from briefing_reader.session import open_library

REPO = Path(__file__).resolve().parents[1]
EXPORT = REPO / "content" / "sources" / "kst-32824-456.txt"
CURATED = REPO / "content" / "kst-32824-456.md"
LETTER = "kst-32824-456"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PDF_LETTER = Path(__file__).resolve().parent / "data" / "letter-30-pages.pdf"
PDF_PAGES = 30


# -- inputs ---------------------------------------------------------------------


def export_v3(folder: Path) -> Path:
    path = folder / "kst-32824-456-v3.txt"
    text = EXPORT.read_text(encoding="utf-8")
    path.write_text(text.replace("versie: 2 (versie 1)", "versie: 3 (versie 2)"), encoding="utf-8")
    return path


def word_file(folder: Path, pages: int) -> tuple[Path, int]:
    """A Word letter of about ``pages`` pages (~450 words a page); (path, words)."""
    import docx

    rng = random.Random(456)
    vocabulary = CURATED.read_text(encoding="utf-8").split("\n---\n", 1)[1].split()
    vocabulary = [w for w in vocabulary if w.isalpha()]
    words = 0

    def sentence_run(n: int) -> str:
        nonlocal words
        words += n
        text = " ".join(rng.choice(vocabulary) for _ in range(n))
        return text[:1].upper() + text[1:] + "."

    document = docx.Document()
    document.core_properties.title = "Verzamelbrief integratie (benchmark)"
    document.add_paragraph("36 999 Benchmark")
    document.add_paragraph("Nr. 1 Brief van de staatssecretaris")
    document.add_paragraph("Den Haag, 1 september 2025")
    note = 0
    for page in range(1, pages + 1):
        document.add_heading(f"{page}. Onderwerp {page}", level=1)
        for part in range(1, 3):
            document.add_heading(f"{page}.{part} Deelonderwerp {page}.{part}", level=2)
            for _ in range(2):
                note += 1
                document.add_paragraph(
                    sentence_run(60) + f" Zie de bron.[[FN{note}]] " + sentence_run(40)
                )
            for _ in range(3):
                document.add_paragraph(sentence_run(12), style="List Bullet")
        table = document.add_table(rows=4, cols=4)
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row.cells):
                cell.text = f"{r * 10 + c},{page}" if r and c else f"Kop {r}.{c}"
        words += 16
    buffer = io.BytesIO()
    document.save(buffer)
    path = folder / "verzamelbrief.docx"
    path.write_bytes(_add_footnotes(buffer.getvalue(), note))
    return path, words


def _add_footnotes(data: bytes, count: int) -> bytes:
    notes = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space='
        f'"preserve"> Kamerstuk 36 999, nr. {n}</w:t></w:r></w:p></w:footnote>'
        for n in range(1, count + 1)
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w='
        f'"{W_NS}">{notes}</w:footnotes>'
    )
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename == "word/document.xml":
                text = body.decode("utf-8")
                for n in range(count, 0, -1):
                    text = text.replace(
                        f"[[FN{n}]]",
                        "</w:t></w:r><w:r><w:footnoteReference "
                        f'w:id="{n}"/></w:r><w:r><w:t xml:space="preserve">',
                    )
                body = text.encode("utf-8")
            elif item.filename == "word/_rels/document.xml.rels":
                body = body.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFn" Type="'
                    b"http://schemas.openxmlformats.org/officeDocument/2006/"
                    b'relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>",
                )
            elif item.filename == "[Content_Types].xml":
                body = body.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" '
                    b'ContentType="application/vnd.openxmlformats-officedocument'
                    b'.wordprocessingml.footnotes+xml"/></Types>',
                )
            target.writestr(item, body)
        target.writestr("word/footnotes.xml", xml)
    return out.getvalue()


def publication_xml(folder: Path, copies: int = 2) -> Path:
    """The curated letter's body ``copies`` times as an officiele-publicatie (Nr. 997)."""
    from xml.sax.saxutils import escape

    body = CURATED.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    notes = dict(re.findall(r"^\[\^(\d+)\]: (.*)$", body, re.MULTILINE))
    parts: list[str] = []
    for _ in range(copies):
        for block in body.split("\n\n"):
            lines = [
                line
                for line in block.split("\n")
                if line and not line.startswith(("{", ":::", "[^", "|"))
            ]
            if not lines:
                continue
            text = escape(" ".join(lines).replace("\\", ""))
            text = re.sub(
                r"\[\^(\d+)\]",
                lambda m: (
                    f'<noot id="n{m[1]}" type="voet"><noot.nr>{m[1]}</noot.nr><noot.al>'
                    f"{escape(notes.get(m[1], ''))}</noot.al></noot>"
                ),
                text,
            )
            if text.startswith("#"):
                title = text.lstrip("# ")
                parts.append(f"<divisie><kop><titel>{title}</titel></kop></divisie>")
            elif text.startswith("- "):
                items = "".join(
                    f"<li><li.nr>–</li.nr><al>{escape(line[2:])}</al></li>" for line in lines
                )
                parts.append(f'<lijst type="ongemarkeerd">{items}</lijst>')
            else:
                parts.append(f"<al>{text}</al>")
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><officiele-publicatie><metadata>'
        '<meta name="DC.identifier" content="kst-32824-997"/>'
        '<meta name="OVERHEIDop.dossiernummer" content="32824"/>'
        '<meta name="OVERHEIDop.ondernummer" content="997"/>'
        '<meta name="OVERHEIDop.vergaderjaar" content="2024-2025"/>'
        '<meta name="DCTERMS.issued" content="2025-07-04"/>'
        '<meta name="OVERHEIDop.documenttitel" content="Verzamelbrief (benchmark)"/>'
        "</metadata><kamerstuk><dossier><dossiernummer><dossiernr>32824</dossiernr>"
        "</dossiernummer><titel>Integratiebeleid</titel></dossier><stuk><stuknr>"
        "<ondernummer>Nr. 997</ondernummer></stuknr><titel>BRIEF VAN DE STAATSSECRETARIS"
        "</titel><algemeen><brief>"
        + "".join(parts)
        + "</brief></algemeen></stuk></kamerstuk></officiele-publicatie>"
    )
    path = folder / "kst-32824-997.xml"
    path.write_text(xml, encoding="utf-8")
    return path


def bare_pdf_text(path: Path) -> int:
    """The bare library call: every page's text with pypdfium2."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path.read_bytes())
    try:
        return sum(len(page.get_textpage().get_text_range()) for page in document)
    finally:
        document.close()


def bare_xml_parse(path: Path) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(path.read_bytes(), parser)


# -- one timed import -----------------------------------------------------------------


def ready_library(base: Path) -> tuple[paths.Paths, SearchIndex]:
    """A data dir with the bundled library indexed and notes on the letter (not timed)."""
    run = paths.resolve(base)
    library = open_library(run)
    index = SearchIndex(run.search_index)
    index.update(library)
    store = open_store(run.notes_db, run.backups)
    letter = library.get(LETTER)
    assert letter is not None
    for node in [n for n in letter.outline.walk() if n.kind == "section"][:10]:
        anchor, name = anchor_place(letter, node.id)
        store.add_bookmark(anchor, name)
    reanchor_library(store, library, run.versions)
    store.close()
    return run, index


def timed_import(file: Path, base: Path) -> dict[str, float]:
    run, index = ready_library(base)
    phases: dict[str, float] = {}
    start = time.perf_counter()
    report = import_files(run, [file])
    phases["import_files"] = time.perf_counter() - start
    assert report.changed, report.results[0].message()
    mark = time.perf_counter()
    library = open_library(run)
    phases["reload library"] = time.perf_counter() - mark
    mark = time.perf_counter()
    store = open_store(run.notes_db, run.backups)
    anchored = reanchor_library(store, library, run.versions)
    store.close()
    phases["re-anchor notes"] = time.perf_counter() - mark
    mark = time.perf_counter()
    update = index.update(library)
    phases["index update"] = time.perf_counter() - mark
    phases["total"] = time.perf_counter() - start
    index.close()
    assert set(update.added) | set(update.changed) == set(report.changed_ids), update
    assert not anchored.problems, anchored.problems
    return phases


def baseline(work: Callable[[], Any], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export = export_v3(folder)
        word, words = word_file(folder, args.pages)
        xml = publication_xml(folder)
        pdf_case = f"PDF letter, {PDF_PAGES} pages"
        for name, file in (
            ("text export (letter, v3)", export),
            (f"Word, {args.pages} pages ({words} words)", word),
            (pdf_case, PDF_LETTER),
            ("officiele-publicatie XML (letter twice)", xml),
        ):
            runs = [timed_import(file, folder / f"{name[:4]}-{n}") for n in range(args.repeat)]
            results[name] = {
                "size_kb": round(file.stat().st_size / 1024, 1),
                "first": {k: round(v * 1000, 1) for k, v in runs[0].items()},
                "median": {
                    k: round(statistics.median(r[k] for r in runs) * 1000, 1) for k in runs[0]
                },
            }
        copy_target = folder / "copy.txt"
        from briefing_reader.core.content import parse_document

        curated = CURATED.read_text(encoding="utf-8")
        parse_document(curated, CURATED)  # warm the parser's imports
        results["baseline: copy the export file"] = {
            "median": {
                "total": round(
                    statistics.median(
                        baseline(lambda: shutil.copyfile(EXPORT, copy_target), args.repeat * 4)
                    )
                    * 1000,
                    2,
                )
            }
        }
        results["baseline: parse_document(curated .md)"] = {
            "median": {
                "total": round(
                    statistics.median(
                        baseline(lambda: parse_document(curated, CURATED), args.repeat * 4)
                    )
                    * 1000,
                    1,
                )
            }
        }
        results[f"baseline: pypdfium2 text of the {PDF_PAGES}-page PDF"] = {
            "median": {
                "total": round(
                    statistics.median(baseline(lambda: bare_pdf_text(PDF_LETTER), args.repeat))
                    * 1000,
                    1,
                )
            }
        }
        results["baseline: lxml parse of the XML"] = {
            "median": {
                "total": round(
                    statistics.median(baseline(lambda: bare_xml_parse(xml), args.repeat)) * 1000, 1
                )
            }
        }
        from briefing_reader.core.importing import convert_file

        results[f"convert_file of the {PDF_PAGES}-page PDF (no storing)"] = {
            "median": {
                "total": round(
                    statistics.median(baseline(lambda: convert_file(PDF_LETTER), args.repeat))
                    * 1000,
                    1,
                )
            }
        }
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"import benchmark, {args.repeat} runs each, times in ms (first run / median)")
    for name, data in results.items():
        median = data["median"]
        if "first" not in data:
            print(f"\n{name}: {median['total']} ms")
            continue
        print(f"\n{name}, {data['size_kb']} KB:")
        for phase, value in median.items():
            print(f"  {phase:18} {data['first'][phase]:8.1f} / {value:8.1f}")
        target = 1500 if name.startswith("PDF") else 1000
        if name.startswith("PDF"):
            print(f"  per page           {median['total'] / PDF_PAGES:8.1f} ms")
        verdict = "ok" if median["total"] < target else f"OVER the {target} ms target"
        print(f"  target < {target} ms: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
