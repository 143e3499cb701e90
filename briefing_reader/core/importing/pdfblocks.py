"""From the body lines of a PDF (:mod:`.pdflayout`) to document blocks.

- Lines are re-flowed into paragraphs: a new paragraph starts after a gap
  wider than about half a line, at a change of font size or weight, at a
  bullet, and at a page break after a line that ends a sentence.
- A word broken at a line end is re-joined; a real hyphen stays
  ("mkb-bedrijven", "integratie- en participatiebeleid"): see
  :func:`join_lines`.
- Paragraphs in a larger font, or bold throughout and short, are headings;
  their level is the rank of their font size; "1.1", "3." and "Pijler 2"
  give the ids the content format uses (``s-1-1``, ``s-3``, ``pijler-2``).
- A framed area headed "Acties" is an action box (bold lines in it are the
  titles of sub-actions); a framed area with inner rules is a table; other
  framed areas keep their text as paragraphs. Lines that look like a table
  without rules stay text, with a warning.
"""

from __future__ import annotations

import re
from collections import Counter

from briefing_reader.core.importing.mdwriter import Node, Span, slugify
from briefing_reader.core.importing.pdflayout import Frame, Line
from briefing_reader.core.importing.pdfread import Piece
from briefing_reader.core.messages import Message, message

_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+(?=\S)")
_PILLAR = re.compile(r"^Pijler\s+(\d+)\b")
_ENDS_SENTENCE = re.compile(r"[.!?:;][)’”\"']?$")
_CONJUNCTIONS = {"en", "of", "tot", "noch", "als", "and", "or", "en/of"}
_HYPHENS = "-\u2010\u00ad"
_HEADING_MAX = 200
_PUNCTUATION = re.compile(r"^[.,;:!?)\]’”%]")


def join_lines(lines: list[str], vocabulary: set[str] | frozenset[str] = frozenset()) -> str:
    """Lines of one paragraph as one text, words broken at a line end re-joined.

    A hyphen at a line end stays when the next line starts with "en", "of",
    "tot" (an elided compound: "integratie- en participatiebeleid"), with a
    capital or a digit, after an abbreviation or a part of up to three
    letters ("mkb-", "zzp-"), or when the hyphenated word occurs elsewhere
    in the document; otherwise the word is re-joined ("participatie-" +
    "beleid"). A soft hyphen always re-joins.
    """
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
        elif out[-1] == "\u00ad":
            out = out[:-1] + line
        elif out[-1] in _HYPHENS and len(out) > 1 and out[-2].isalpha():
            if _elided(line):
                out = out + " " + line
            else:
                out = out + line if _keeps_hyphen(out, line, vocabulary) else out[:-1] + line
        else:
            out = out + " " + line
    return out


def _elided(after: str) -> bool:
    """ "integratie-" + "en participatiebeleid": the hyphen stands for a shared part."""
    return after.split(" ", 1)[0].lower() in _CONJUNCTIONS


def _keeps_hyphen(before: str, after: str, vocabulary: set[str] | frozenset[str]) -> bool:
    left = re.search(r"(\w+)-$", before)
    right = re.match(r"(\w+)", after)
    if left is None or right is None:
        return True
    head, tail = left.group(1), right.group(1)
    if tail.lower() in _CONJUNCTIONS or not tail[0].islower():
        return True
    if f"{head}-{tail}".lower() in vocabulary:
        return True
    if f"{head}{tail}".lower() in vocabulary:
        return False
    return len(head) <= 3 or head.isupper() or any(c.isdigit() for c in head)


def vocabulary(lines: list[Line]) -> set[str]:
    """The words of the document that do not stand at a line end (to judge hyphens)."""
    words: set[str] = set()
    for line in lines:
        tokens = line.text.split()
        words.update(t.strip(".,;:()'\"’”").lower() for t in tokens[:-1])
    return words


class BlockBuilder:
    """Builds :class:`Node` blocks from body lines (see the module docstring)."""

    def __init__(self, lines: list[Line], body_size: float) -> None:
        self.lines = lines
        self.size = body_size
        self.nodes: list[Node] = []
        self.warnings: list[Message] = []
        self.title = ""
        self.markers: list[str] = []
        self.paragraph_texts: list[str] = []
        self._used: set[str] = set()
        self._context = ""
        self._levels = self._heading_levels()
        self._vocabulary = vocabulary(lines)
        self._right: dict[tuple[int, int], float] = {}
        for line in lines:
            column = (line.page, id(line.frame))
            self._right[column] = max(self._right.get(column, 0.0), line.x1)

    def build(self) -> list[Node]:
        i = 0
        while i < len(self.lines):
            line = self.lines[i]
            if line.frame is not None:
                i = self._framed(i)
            elif self._unruled_table(i) > i:
                i = self._unruled_table(i, emit=True)
            elif line.bullet:
                i = self._list(i, self.nodes)
            else:
                i = self._paragraph(i, self.nodes)
        return self.nodes

    # -- paragraphs and headings ----------------------------------------------

    def _paragraph(self, i: int, into: list[Node], frame: Frame | None = None) -> int:
        group = [self.lines[i]]
        j = i + 1
        while j < len(self.lines) and self._continues(group[-1], self.lines[j], frame):
            group.append(self.lines[j])
            j += 1
        if self._is_heading(group) and frame is None:
            self._heading(group)
        else:
            span = self._span(group)
            into.append(Node("para", spans=[span]))
            self.paragraph_texts.append(span.text)
        return j

    def _continues(self, line: Line, following: Line, frame: Frame | None) -> bool:
        if not _same_frame(following.frame, line.frame, following):
            return False
        if (
            following.bullet
            or abs(following.size - line.size) > 0.6
            or (following.bold != line.bold)
        ):
            return False
        if following.page != line.page:
            return not _ENDS_SENTENCE.search(line.text) or following.text[:1].islower()
        pitch = following.baseline - line.baseline
        if not 0 < pitch <= 1.6 * max(line.size, following.size):
            return False
        return not self._short_last_line(line, following)

    def _short_last_line(self, line: Line, following: Line) -> bool:
        """A line that ends a sentence with room left for the next line's first word:
        the paragraph ended there (paragraphs set without space between them)."""
        if not _ENDS_SENTENCE.search(line.text):
            return False
        right = self._right.get((line.page, id(line.frame)), line.x1)
        word = following.text.split(" ", 1)[0]
        return right - line.x1 > (len(word) + 1) * 0.6 * line.size

    def _is_heading(self, group: list[Line]) -> bool:
        text = " ".join(line.text for line in group)
        if (
            not text
            or len(text) > _HEADING_MAX
            or any(kind == "note" for line in group for kind, _ in line.parts)
        ):
            return False
        if group[0].size >= self.size * 1.1:
            return True
        return all(line.bold for line in group) and not _ENDS_SENTENCE.search(text)

    def _heading_levels(self) -> dict[float, int]:
        sizes = Counter(
            round(line.size, 1)
            for line in self.lines
            if line.size >= self.size * 1.1 and line.frame is None
        )
        ranked = sorted(sizes, reverse=True)
        levels = {size: min(index + 1, 3) for index, size in enumerate(ranked)}
        return levels

    def _heading(self, group: list[Line]) -> None:
        text = join_lines([line.text for line in group])
        size = round(group[0].size, 1)
        level = self._levels.get(size, min(len(self._levels) + 1, 3))
        classes: tuple[str, ...] = ()
        if pillar := _PILLAR.match(text):
            wanted, classes = f"pijler-{pillar.group(1)}", ("pillar",)
            self._context = text
        elif number := _NUMBERED.match(text):
            wanted = "s-" + number.group(1).replace(".", "-")
            self._context = text[number.end() :]
            if size not in self._levels:  # set in the body's size: the numbering tells
                level = min(number.group(1).count(".") + 1 + (1 if self._levels else 0), 3)
        else:
            wanted = slugify(text) if level <= 2 else "t-" + slugify(text)
            self._context = text
        self.title = self.title or text
        self.nodes.append(
            Node("heading", text=text, level=level, id=self._id(wanted), classes=classes)
        )

    def _span(self, group: list[Line]) -> Span:
        texts: list[str] = []
        markers: list[tuple[int, int, str]] = []
        joined = ""
        for line in group:
            pieces = []
            for kind, value in line.parts:
                if kind == "note":
                    pieces.append(f"\x00{value}\x01")
                else:
                    pieces.append(value)
            texts.append("".join(pieces))
        joined = join_lines(texts, self._vocabulary)
        plain = ""
        for piece in re.split(r"(\x00\d+\x01)", joined):
            if piece.startswith("\x00"):
                label = piece[1:-1]
                markers.append((len(plain), len(plain), label))
                self.markers.append(label)
            else:
                plain += piece
        return Span(plain, markers)

    def _unruled_table(self, i: int, emit: bool = False) -> int:
        """Three or more lines with wide gaps between their pieces: a table without
        rules. Kept as text, line by line, with a warning (returns the end, or i)."""
        j = i
        while (
            j < len(self.lines)
            and self.lines[j].frame is None
            and self.lines[j].gaps() >= 1
            and self.lines[j].page == self.lines[i].page
        ):
            j += 1
        if j - i < 3 or not any(line.gaps() >= 2 for line in self.lines[i:j]):
            return i
        if emit:
            spans = [
                Span(" ".join(p.text.strip() for p in line.pieces)) for line in self.lines[i:j]
            ]
            self.nodes.append(Node("para", spans=spans))
            self.paragraph_texts.extend(span.text for span in spans)
            self.warnings.append(message("import.table_kept_as_text", page=self.lines[i].page))
        return j

    # -- lists -------------------------------------------------------------------

    def _list(self, i: int, into: list[Node], frame: Frame | None = None) -> int:
        items: list[Span] = []
        start = i
        while (
            i < len(self.lines)
            and self.lines[i].bullet
            and (
                i == start
                or _same_frame(self.lines[i].frame, self.lines[i - 1].frame, self.lines[i])
            )
        ):
            first = self.lines[i]
            stripped = Line(
                first.page,
                first.top,
                first.bottom,
                first.pieces[1].x0,
                first.x1,
                first.size,
                first.bold,
                _without_bullet(first),
                first.pieces[1:],
                first.frame,
                first.baseline,
            )
            group = [stripped]
            j = i + 1
            while (
                j < len(self.lines)
                and not self.lines[j].bullet
                and self.lines[j].x0 >= stripped.x0 - 2
                and self._continues(group[-1], self.lines[j], frame)
            ):
                group.append(self.lines[j])
                j += 1
            items.append(self._span(group))
            i = j
        into.append(Node("list", spans=items, ordered=self.lines[start].numbered))
        return i

    # -- frames: action boxes, tables ----------------------------------------------

    def _framed(self, i: int) -> int:
        frame = self.lines[i].frame
        assert frame is not None
        j = i
        j = i + 1
        while j < len(self.lines) and _same_frame(
            self.lines[j].frame, self.lines[j - 1].frame, self.lines[j]
        ):
            j += 1
        lines = self.lines[i:j]
        if frame.columns:
            self._table(lines, frame)
        elif lines[0].text in ("Acties", "Actie"):
            self._box(i + 1, j)
        else:
            k = i
            while k < j:
                k = (
                    self._list(k, self.nodes, frame)
                    if self.lines[k].bullet
                    else (self._paragraph(k, self.nodes, frame))
                )
        return j

    def _box(self, start: int, stop: int) -> None:
        title = self._context or self.title or "acties"
        self.nodes.append(Node("open", text="actie", id=self._id("actie-" + slugify(title))))
        sub_open = False
        frame = self.lines[start - 1].frame
        k = start
        while k < stop:
            line = self.lines[k]
            if line.bold and not _ENDS_SENTENCE.search(line.text) and not line.bullet:
                group = [line]
                while (
                    k + 1 < stop
                    and self.lines[k + 1].bold
                    and self._continues(group[-1], self.lines[k + 1], frame)
                ):
                    k += 1
                    group.append(self.lines[k])
                if sub_open:
                    self.nodes.append(Node("close", text="deelactie"))
                title_text = join_lines([g.text for g in group])
                self.nodes.append(
                    Node(
                        "open",
                        text="deelactie",
                        title=title_text,
                        id=self._id("actie-" + slugify(title_text, 6)),
                    )
                )
                sub_open = True
                k += 1
                continue
            sub_lines_end = k
            if line.bullet:
                sub_lines_end = self._list(k, self.nodes, frame)
            else:
                sub_lines_end = self._paragraph(k, self.nodes, frame)
            k = min(sub_lines_end, stop) if sub_lines_end > k else k + 1
        if sub_open:
            self.nodes.append(Node("close", text="deelactie"))
        self.nodes.append(Node("close", text="actie"))

    def _table(self, lines: list[Line], frame: Frame) -> None:
        cells: dict[tuple[int, int, int], list[str]] = {}
        width = len(frame.columns) + 1
        for line in lines:
            own = line.frame or frame
            edges = [own.left, *own.columns, own.right]
            width = max(width, len(edges) - 1)
            middle = (line.top + line.bottom) / 2
            line_row = (line.page, sum(1 for y in own.rows if y < middle))
            previous: dict[int, Piece] = {}
            for piece in line.pieces:
                centre = (piece.x0 + piece.x1) / 2
                column = sum(1 for x in edges[1:-1] if x < centre)
                parts = cells.setdefault((*line_row, column), [])
                before = previous.get(column)
                apart = before is None or piece.x0 - before.x1 > 0.2 * piece.size
                glue = " " if parts and apart and not _PUNCTUATION.match(piece.text) else ""
                parts.append(glue + piece.text.strip())
                previous[column] = piece
        rows: list[list[str]] = []
        for key in sorted({(p, r) for p, r, _ in cells}):
            row = [" ".join("".join(cells.get((*key, c), [])).split()) for c in range(width)]
            if rows and key[1] == 0 and _continues_row(rows[-1], row):
                rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], row, strict=True)]
            else:
                rows.append(row)
        self.nodes.append(Node("table", rows=rows))
        self.paragraph_texts.extend(" ".join(r) for r in rows)

    def _id(self, wanted: str) -> str:
        base = wanted.strip("-")[:80] or "kop"
        candidate, n = base, 2
        while candidate in self._used:
            candidate, n = f"{base}-{n}", n + 1
        self._used.add(candidate)
        return candidate


def _continues_row(previous: list[str], row: list[str]) -> bool:
    """The first row on a new page is the rest of the row the page break split: it
    fills at most half of its cells, only cells the row before has filled too."""
    filled = [i for i, cell in enumerate(row) if cell]
    return bool(filled) and len(filled) * 2 <= len(row) and all(previous[i] for i in filled)


def _without_bullet(line: Line) -> list[tuple[str, str]]:
    """The line's parts without its first piece (the bullet or the item's number)."""
    parts = list(line.parts[1:]) if line.parts and line.parts[0][0] == "text" else list(line.parts)
    while parts and parts[0] == ("text", " "):
        parts.pop(0)
    return parts or [("text", "")]


def _same_frame(frame: Frame | None, other: Frame | None, line: Line) -> bool:
    """``line`` (in ``frame``) is in the same framed area as the line before it (in
    ``other``), or in its continuation at the top of the next page."""
    if frame is other:
        return True
    if frame is None or other is None:
        return False
    if abs(frame.left - other.left) > 2 or abs(frame.right - other.right) > 2:
        return False
    return frame.page == other.page + 1 and line.text not in ("Acties", "Actie")
