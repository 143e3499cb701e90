"""Reading a PDF's text layer with pypdfium2: pieces of text with their place and font.

This is the only module that touches the PDF library; :mod:`.pdflayout`
works on the plain data it returns. Each text object of a page becomes a
:class:`Piece` (its text, box in points from the top of the page, font
size, bold); thin ruling paths become :class:`Rule` (frames of tables and
boxes). Nothing in the file is run: no JavaScript, no forms, no links
followed. Budgets: at most ``MAX_PAGES`` pages, ``MAX_PIECES`` text objects
per page and ``TIME_BUDGET`` seconds for the whole file.
"""

from __future__ import annotations

import ctypes
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing_reader.core.importing.errors import TOO_LARGE, ImportFailed
from briefing_reader.core.messages import message

MAX_PAGES = 1000
MAX_PIECES = 20_000
TIME_BUDGET = 30.0
ENCRYPTED = "encrypted"
NO_TEXT = "no-text-layer"
BAD_PDF = "bad-pdf"
_RULE_THICKNESS = 2.5


@dataclass
class Piece:
    """A run of text on one line, as the PDF placed it (points, y from the top)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool = False
    baseline: float = 0.0


@dataclass
class Rule:
    """A thin line: horizontal (``y0 == y1`` roughly) or vertical."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def vertical(self) -> bool:
        return (self.x1 - self.x0) < _RULE_THICKNESS <= (self.bottom - self.top)

    @property
    def horizontal(self) -> bool:
        return (self.bottom - self.top) < _RULE_THICKNESS <= (self.x1 - self.x0)


@dataclass
class PdfPage:
    number: int
    width: float
    height: float
    pieces: list[Piece] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    images: int = 0


def read_pages(
    data: bytes, path: Path, *, max_pages: int = MAX_PAGES, budget: float = TIME_BUDGET
) -> list[PdfPage]:
    """The pages of a PDF as pieces and rules.

    Raises:
        ImportFailed: ``bad-pdf`` (not readable), ``encrypted``, ``too-large``
            (pages, pieces or time over budget), ``no-text-layer`` (a scan).
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ImportFailed(
                path,
                message("import.pdf_password"),
                ENCRYPTED,
            ) from exc
        raise ImportFailed(path, message("import.bad_pdf", problem=str(exc)), BAD_PDF) from exc
    try:
        if raw.FPDF_GetSecurityHandlerRevision(document.raw) != -1:
            raise ImportFailed(path, message("import.pdf_encrypted"), ENCRYPTED)
        count = len(document)
        if count > max_pages:
            raise ImportFailed(
                path, message("import.pdf_pages", count=count, limit=max_pages), TOO_LARGE
            )
        started = time.monotonic()
        pages = []
        for index in range(count):
            if time.monotonic() - started > budget:
                raise ImportFailed(
                    path,
                    message("import.pdf_slow", seconds=f"{budget:g}", page=index + 1, count=count),
                    TOO_LARGE,
                )
            pages.append(_read_page(document[index], index + 1, path, raw))
    finally:
        document.close()
    if not any(page.pieces for page in pages):
        scanned = any(page.images for page in pages)
        raise ImportFailed(
            path,
            message("import.pdf_scan" if scanned else "import.pdf_no_text"),
            NO_TEXT,
        )
    return pages


class _PageState:
    """What the objects of one page share: ctypes out-parameters, the fonts seen."""

    def __init__(self, raw: Any, textpage: Any, height: float) -> None:
        self.raw = raw
        self.textpage = textpage
        self.height = height
        self.buffer = (ctypes.c_ushort * 4096)()
        self.fonts: dict[int, bool] = {}
        self.size = ctypes.c_float()
        self.matrix = raw.FS_MATRIX()
        self.box = [ctypes.c_float() for _ in range(4)]

    def bounds(self, obj: Any) -> tuple[float, float, float, float]:
        """(left, top, right, bottom), y from the top of the page."""
        left, bottom, right, top = self.box
        self.raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        return left.value, self.height - top.value, right.value, self.height - bottom.value


def _read_page(page: Any, number: int, path: Path, raw: Any) -> PdfPage:
    width, height = page.get_size()
    out = PdfPage(number, width, height)
    textpage = page.get_textpage()
    state = _PageState(raw, textpage.raw, height)
    try:
        count = raw.FPDFPage_CountObjects(page.raw)
        _read_objects(
            [raw.FPDFPage_GetObject(page.raw, i) for i in range(count)], state, out, path, depth=0
        )
    finally:
        textpage.close()
        page.close()
    return out


def _read_objects(
    objects: list[Any], state: _PageState, out: PdfPage, path: Path, depth: int
) -> None:
    raw = state.raw
    for obj in objects:
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            piece = _piece(obj, state)
            if piece is not None:
                out.pieces.append(piece)
                if len(out.pieces) > MAX_PIECES:
                    raise ImportFailed(
                        path, message("import.pdf_page_text", page=out.number), TOO_LARGE
                    )
        elif kind == raw.FPDF_PAGEOBJ_PATH:
            rule = Rule(*state.bounds(obj))
            if rule.vertical or rule.horizontal:
                out.rules.append(rule)
        elif kind == raw.FPDF_PAGEOBJ_IMAGE:
            out.images += 1
        elif kind == raw.FPDF_PAGEOBJ_FORM and depth < 3:
            count = raw.FPDFFormObj_CountObjects(obj)
            _read_objects(
                [raw.FPDFFormObj_GetObject(obj, i) for i in range(count)],
                state,
                out,
                path,
                depth + 1,
            )


def _piece(obj: Any, state: _PageState) -> Piece | None:
    raw = state.raw
    buffer = state.buffer
    length = raw.FPDFTextObj_GetText(obj, state.textpage, buffer, ctypes.sizeof(buffer))
    if length <= 2:
        return None
    if length > ctypes.sizeof(buffer):  # a long run: ask again with room for it
        buffer = (ctypes.c_ushort * (length // 2 + 1))()
        raw.FPDFTextObj_GetText(obj, state.textpage, buffer, length)
    text = ctypes.string_at(buffer, length - 2).decode("utf-16-le", errors="replace")
    if not text.strip():
        return None
    raw.FPDFTextObj_GetFontSize(obj, state.size)
    matrix = state.matrix
    raw.FPDFPageObj_GetMatrix(obj, matrix)
    scale = abs(matrix.d) or abs(matrix.b) or 1.0
    left, top, right, bottom = state.bounds(obj)
    return Piece(
        text,
        left,
        top,
        right,
        bottom,
        round(state.size.value * scale, 1),
        _bold(obj, raw, state.fonts),
        state.height - matrix.f,
    )


def _bold(obj: Any, raw: Any, fonts: dict[int, bool]) -> bool:
    font = raw.FPDFTextObj_GetFont(obj)
    if not font:
        return False
    key = ctypes.cast(font, ctypes.c_void_p).value or 0
    if key not in fonts:  # a page uses a few fonts for many pieces
        buffer = ctypes.create_string_buffer(128)
        raw.FPDFFont_GetBaseFontName(font, buffer, 128)
        name = buffer.value.decode("latin-1").lower()
        fonts[key] = raw.FPDFFont_GetWeight(font) >= 600 or any(
            word in name for word in ("bold", "black", "heavy", "semibold", "demi")
        )
    return fonts[key]
