"""The PDF libraries we could build the PDF import on, measured on the same file.

Usage::

    python benchmarks/pdf_libraries.py [--repeat 5] [PDF]

Default file: tests/unit/data/kst-32824-456.pdf (the bundled letter, 22
pages, made with LibreOffice). For each library that is installed
(pypdfium2, pdfplumber / pdfminer.six, pypdf), two timings per page:

- ``text``: the bare call that extracts the page's text;
- ``structure``: what the importer needs: every run of text with its box,
  font size and font name (bold), so running heads, headings, superscript
  footnote markers and footnotes can be told apart.

and what the library gives for structure: font size / bold, positions,
superscripts (a marker's own size and raised baseline), ruling lines (for
boxes and tables). docs/pdf-import.md has the figures and the choice.
pdfplumber is not a dependency of the app: ``pip install pdfplumber`` to
include it here.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "unit" / "data" / "kst-32824-456.pdf"


def pdfium_text(data: bytes) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    total = 0
    for page in document:
        total += len(page.get_textpage().get_text_range())
    return total


def pdfium_structure(data: bytes) -> int:
    from briefing_reader.core.importing.pdfread import read_pages

    return sum(len(page.pieces) for page in read_pages(data, Path("x.pdf")))


def plumber_text(data: bytes) -> int:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def plumber_structure(data: bytes) -> int:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return sum(len(page.chars) + len(page.lines) + len(page.rects) for page in pdf.pages)


def pypdf_text(data: bytes) -> int:
    import io

    import pypdf

    return sum(len(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def pypdf_structure(data: bytes) -> int:
    import io

    import pypdf

    runs: list[tuple[str, float]] = []

    def visit(text: str, cm: object, tm: object, font: object, size: float) -> None:
        runs.append((text, size))

    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return len(runs)


CASES: dict[str, tuple[str, Callable[[bytes], int], Callable[[bytes], int]]] = {
    "pypdfium2": ("pypdfium2", pdfium_text, pdfium_structure),
    "pdfplumber": ("pdfplumber", plumber_text, plumber_structure),
    "pypdf": ("pypdf", pypdf_text, pypdf_structure),
}


def pages_of(data: bytes) -> int:
    import pypdfium2 as pdfium

    return len(pdfium.PdfDocument(data))


def timed(func: Callable[[bytes], int], data: bytes, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func(data)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pdf", nargs="?", type=Path, default=FIXTURE)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data = args.pdf.read_bytes()
    pages = pages_of(data)
    print(f"{args.pdf.name}: {pages} pages, {len(data) // 1024} KiB; median of {args.repeat}")
    print(f"{'library':<12} {'text ms/page':>13} {'structure ms/page':>18}")
    for name, (module, text, structure) in CASES.items():
        try:
            __import__(module)
        except ImportError:
            print(f"{name:<12} {'not installed':>13}")
            continue
        t_text = timed(text, data, args.repeat) * 1000 / pages
        t_struct = timed(structure, data, args.repeat) * 1000 / pages
        print(f"{name:<12} {t_text:>13.2f} {t_struct:>18.2f}")


if __name__ == "__main__":
    main()
