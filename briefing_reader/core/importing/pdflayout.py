"""From the pieces of text on PDF pages to lines, with the page furniture taken off.

Works on the plain data of :mod:`.pdfread` (no PDF library here):

- pieces on the same baseline become a :class:`Line`; a small raised
  number in a line is a footnote marker;
- running headers and footers (a line in the top or bottom margin whose
  text, digits aside, comes back on at least half of the pages) and page
  numbers are dropped;
- the lines at the bottom of a page in a smaller font, starting with a
  number, are the page's footnotes; lines there without a number continue
  the previous footnote (also from the page before);
- a line between two vertical rules lies in a :class:`Frame` (a framed box
  or a table; inner vertical rules are its columns).
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from briefing_reader.core.importing.pdfread import PdfPage, Piece, Rule
from briefing_reader.core.messages import Message

MARGIN = 0.12  # top and bottom share of a page where running heads live
_BULLETS = {"\uf0b7", "•", "◦", "▪", "‣", "·", "-", "–", "\uf0a7", "\uf0d8", "o"}
_PAGE_NUMBER = re.compile(
    r"^(?:pagina\s+|page\s+|blz\.\s*)?[-–]?\s*\d{1,4}\s*[-–]?"
    r"(?:\s*(?:van|of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_ITEM_NUMBER = re.compile(r"^(?:\d{1,2}|[a-z])[.)]$")
_NOTE_START = re.compile(r"^(\d{1,3})(?:[.)])?\s+(?=\S)")
_CLEAN = str.maketrans(
    {
        **{chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)},
        "\r": " ",
        "\n": " ",
        "\x02": "-",
    }
)


@dataclass
class Frame:
    """The area between two vertical rules on a page (a box or a table)."""

    page: int
    left: float
    right: float
    top: float
    bottom: float
    columns: list[float] = field(default_factory=list)
    rows: list[float] = field(default_factory=list)


@dataclass
class Line:
    """One line of text: its parts are ("text", s) or ("note", "12") for a marker."""

    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    parts: list[tuple[str, str]]
    pieces: list[Piece] = field(default_factory=list, repr=False)
    frame: Frame | None = None
    baseline: float = 0.0

    @property
    def text(self) -> str:
        return "".join(value for kind, value in self.parts if kind == "text").strip()

    @property
    def bullet(self) -> bool:
        """The line starts a list item: a bullet or a number ("1.", "a)") set apart."""
        if len(self.pieces) < 2:
            return False
        first = self.pieces[0].text.strip()
        if first in _BULLETS:
            return True
        apart = self.pieces[1].x0 - self.pieces[0].x1 > 0.8 * self.size
        return bool(_ITEM_NUMBER.match(first)) and apart and not self.bold

    @property
    def numbered(self) -> bool:
        return bool(self.pieces) and bool(_ITEM_NUMBER.match(self.pieces[0].text.strip()))

    def gaps(self) -> int:
        """Wide gaps between the pieces of the line (columns of an unruled table)."""
        return sum(
            1
            for a, b in zip(self.pieces, self.pieces[1:], strict=False)
            if b.x0 - a.x1 > 1.5 * self.size
        )


@dataclass
class Laid:
    """A document's lines after layout: body lines, footnotes by number, warnings."""

    body: list[Line]
    notes: dict[str, list[str]]
    note_order: list[str]
    body_size: float
    warnings: list[Message] = field(default_factory=list)


def lay_out(pages: list[PdfPage]) -> Laid:
    """Lines of the body and the footnotes of all pages, in reading order."""
    per_page = [page_lines(page) for page in pages]
    _drop_running(per_page, pages)
    size = body_size([line for lines in per_page for line in lines])
    body: list[Line] = []
    notes: dict[str, list[str]] = {}
    order: list[str] = []
    current: str | None = None
    for page, lines in zip(pages, per_page, strict=True):
        frames = find_frames(page)
        for line in lines:
            line.frame = _frame_of(line, frames)
        cut = _notes_start(lines, size, current is not None)
        for line in lines[cut:]:
            current = _add_note_line(line, notes, order, current)
        body.extend(lines[:cut])
    return Laid(body, notes, order, size)


# -- lines ----------------------------------------------------------------------


def page_lines(page: PdfPage) -> list[Line]:
    """The page's pieces grouped into lines, top to bottom, each left to right."""
    groups: list[_Band] = []
    for piece in sorted(page.pieces, key=lambda p: ((p.top + p.bottom) / 2, p.x0)):
        target = next((g for g in reversed(groups[-4:]) if g.takes(piece)), None)
        if target is None:
            groups.append(_Band(piece))
        else:
            target.add(piece)
    lines = [_line(page.number, sorted(g.pieces, key=lambda p: p.x0)) for g in groups]
    return sorted(lines, key=lambda line: (line.top, line.x0))


class _Band:
    """The pieces of one line being gathered, and the height they span."""

    def __init__(self, piece: Piece) -> None:
        self.pieces = [piece]
        self.top, self.bottom = piece.top, piece.bottom

    def takes(self, piece: Piece) -> bool:
        """The piece overlaps the line by half its height (or the line's, if smaller).
        Pieces of two columns of a table may share a baseline; they still are one line."""
        overlap = min(self.bottom, piece.bottom) - max(self.top, piece.top)
        height = min(self.bottom - self.top, piece.bottom - piece.top) or 1.0
        return overlap / height >= 0.5

    def add(self, piece: Piece) -> None:
        self.pieces.append(piece)
        self.top, self.bottom = min(self.top, piece.top), max(self.bottom, piece.bottom)


def _line(page: int, pieces: list[Piece]) -> Line:
    weights: Counter[float] = Counter()
    for piece in pieces:
        weights[piece.size] += len(piece.text.strip())
    main = max(weights, key=lambda size: (weights[size], size))
    mains = [p for p in pieces if p.size >= main * 0.8]
    baseline = statistics.median(p.baseline for p in mains)
    parts: list[tuple[str, str]] = []
    previous: Piece | None = None
    for piece in pieces:
        text = _clean(piece.text)
        if (
            piece.size < main * 0.8
            and text.strip().isdigit()
            and len(text.strip()) <= 3
            and piece.baseline < baseline - 0.15 * main
        ):
            parts.append(("note", text.strip()))
        else:
            if previous is not None and _needs_space(previous, piece, parts):
                parts.append(("text", " "))
            parts.append(("text", text))
        previous = piece
    return Line(
        page,
        min(p.top for p in pieces),
        max(p.bottom for p in pieces),
        pieces[0].x0,
        pieces[-1].x1,
        main,
        all(p.bold for p in mains),
        parts,
        pieces,
        baseline=baseline,
    )


def _clean(text: str) -> str:
    return text.translate(_CLEAN)


def _needs_space(previous: Piece, piece: Piece, parts: list[tuple[str, str]]) -> bool:
    gap = piece.x0 - previous.x1
    last = parts[-1][1] if parts else ""
    if parts and parts[-1][0] == "note":
        return not piece.text.startswith(" ") and gap > 0.15 * piece.size
    return (
        gap > 0.2 * piece.size
        and not last.endswith(" ")
        and not piece.text.startswith(" ")
        and piece.text[:1] not in ".,;:!?)]’”%"
    )


def body_size(lines: list[Line]) -> float:
    """The font size most of the text is set in."""
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size)] += len(line.text)
    return float(weights.most_common(1)[0][0]) if weights else 10.0


# -- running heads, page numbers --------------------------------------------------


def _in_margin(line: Line, page: PdfPage) -> bool:
    return line.top < page.height * MARGIN or line.bottom > page.height * (1 - MARGIN)


def _drop_running(per_page: list[list[Line]], pages: list[PdfPage]) -> None:
    seen: Counter[str] = Counter()
    for lines, page in zip(per_page, pages, strict=True):
        keys = {_key(line) for line in lines if _in_margin(line, page)}
        seen.update(keys)
    needed = max(2, (len(pages) + 1) // 2)
    for lines, page in zip(per_page, pages, strict=True):
        lines[:] = [
            line
            for line in lines
            if not (
                _in_margin(line, page)
                and (
                    _PAGE_NUMBER.match(line.text) or (len(pages) > 1 and seen[_key(line)] >= needed)
                )
            )
        ]


def _key(line: Line) -> str:
    return _DIGITS.sub("#", " ".join(line.text.split()))


# -- footnotes --------------------------------------------------------------------


def _notes_start(lines: list[Line], size: float, open_note: bool) -> int:
    """Index of the first footnote line at the bottom of the page (len(lines) if none)."""
    cut = len(lines)
    while cut > 0 and lines[cut - 1].size <= size * 0.9 and lines[cut - 1].frame is None:
        cut -= 1
    zone = lines[cut:]
    if not zone:
        return len(lines)
    starts = [_note_number(line) is not None for line in zone]
    if starts[0] or (open_note and (any(starts) or len(zone) <= 12)):
        return cut
    return len(lines)


def _note_number(line: Line) -> str | None:
    if line.parts and line.parts[0][0] == "note":
        return line.parts[0][1]
    match = _NOTE_START.match(line.text)
    return match.group(1) if match else None


def _add_note_line(
    line: Line, notes: dict[str, list[str]], order: list[str], current: str | None
) -> str | None:
    number = _note_number(line)
    text = line.text
    if number is not None and line.parts[0][0] != "note":
        text = _NOTE_START.sub("", text, count=1)
    if number is not None and number not in notes:
        notes[number] = [text]
        order.append(number)
        return number
    if current is not None:
        notes[current].append(text)
    return current


# -- frames -------------------------------------------------------------------------


def find_frames(page: PdfPage) -> list[Frame]:
    """Framed areas: pairs of vertical rules; inner vertical rules are column borders."""
    verticals = _merged_verticals(page.rules)
    frames: list[Frame] = []
    for i, left in enumerate(verticals):
        right = max(
            (
                r
                for r in verticals[i + 1 :]
                if r.x0 - left.x0 > 20
                and abs(r.top - left.top) < 3
                and abs(r.bottom - left.bottom) < 3
            ),
            key=lambda r: r.x0,
            default=None,
        )
        if right is None or any(
            f.left <= left.x0 <= f.right and f.top <= left.top + 1 and left.bottom <= f.bottom + 1
            for f in frames
        ):
            continue
        inner = sorted(
            {
                round(r.x0)
                for r in verticals
                if left.x0 + 3 < r.x0 < right.x0 - 3
                and r.top >= left.top - 2
                and r.bottom <= left.bottom + 2
            }
        )
        rows = sorted(
            {
                round(r.top)
                for r in page.rules
                if r.horizontal
                and left.top + 3 < r.top < left.bottom - 3
                and r.x0 <= left.x0 + 3
                and r.x1 >= right.x1 - 3
            }
        )
        frames.append(
            Frame(
                page.number,
                left.x0,
                right.x1,
                left.top,
                left.bottom,
                [float(x) for x in inner],
                [float(y) for y in rows],
            )
        )
    return frames


def _merged_verticals(rules: list[Rule]) -> list[Rule]:
    """Vertical rules, with segments at the same x that touch joined."""
    out: list[Rule] = []
    for rule in sorted((r for r in rules if r.vertical), key=lambda r: (round(r.x0), r.top)):
        last = out[-1] if out else None
        if last is not None and abs(last.x0 - rule.x0) < 1.5 and rule.top <= last.bottom + 2:
            last.bottom = max(last.bottom, rule.bottom)
        else:
            out.append(Rule(rule.x0, rule.top, rule.x1, rule.bottom))
    return sorted(out, key=lambda r: (r.x0, r.top))


def _frame_of(line: Line, frames: list[Frame]) -> Frame | None:
    middle = (line.top + line.bottom) / 2
    for frame in frames:
        if (
            frame.left - 1 <= line.x0
            and line.x1 <= frame.right + 1
            and (frame.top <= middle <= frame.bottom)
        ):
            return frame
    return None
