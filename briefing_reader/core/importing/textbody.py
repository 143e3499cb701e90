"""The body of a Kamerstuk in plain text (the OpenTK export) to document blocks.

The export marks nothing, so the structure comes from the lines:

- Paragraphs are one long line, or hard-wrapped at about 72 characters;
  wrapped lines are joined (a line continues when the next starts in lower
  case, when the next word would not have fitted, or when it does not end
  a sentence and is not a title). No word is changed.
- ``1.1 Title``, ``3. Title`` and ``Pijler 2 ...`` lines are headings
  (ids ``s-1-1``, ``s-3``, ``pijler-2``); a short line that ends no
  sentence is a title: a theme heading (``t-<slug>``; ``motie-<name>``
  for a motion; a section of level 2 when the pillar's list of topics
  names it), or inside an "Acties" box the title of a sub-action.
- ``Acties`` followed by ``|`` / ``---|`` (or a title followed by ``|``)
  opens an action box (``actie-<slug of the heading it stands under>``);
  the box ends at the next heading or theme; a theme listed in the
  letter's own overview of topics ends it too. ``Acties • text |`` is a
  box holding that one line.
- A paragraph ending in ':' followed by short lines, or lines ending in
  ';', is a bulleted list; a list of plans ("Het organiseren van ...")
  gives one sub-action per plan.
- Lines with '|' are a table; a header row with fewer cells than the data
  rows gets its empty cell in front (the row labels' column).
- The letter's heading lines (dossier, "Nr.", addressee, place and date)
  are paragraphs with the id ``opening``; the closing "De minister ...,"
  and name lines are one paragraph with the id ``ondertekening``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing_reader.core.content.citation import MONTHS_NL
from briefing_reader.core.importing.mdwriter import Node, Span, slugify, title_fits_attr
from briefing_reader.core.importing.tables import table_rows

WRAP = 72
TITLE_MAX = 150

BLANK, TEXT, BOX, PIPE, INLINE_BOX, TABLE, HEADING, PILLAR = range(8)
_INLINE_BOX = re.compile(r"^Acties?[ \t]{0,3}[•·*-][ \t]{0,3}(?=\S)")
_HEADING = re.compile(r"^(\d{1,2})(?:\.(\d{1,2}))?(?:\.(\d{1,2}))?(\.?)\s+(\S.*)$")
_PILLAR = re.compile(r"^Pijler\s+(\d+)\b")
_MONTHS = "|".join(MONTHS_NL)
_OPENING = [
    re.compile(r"^\d{2}\s?\d{3}(?:[ -][A-Z]{1,5})?\s+\S"),  # 32824 Integratiebeleid
    re.compile(r"^Nr\.\s*\d+\b"),  # Nr. 456 Brief van ...
    re.compile(r"^Aan (de|het)\b"),  # Aan de Voorzitter ...
    re.compile(rf"^[A-Z][\w'’. -]+,\s*\d{{1,2}}\s+({_MONTHS})\s+\d{{4}}$"),  # Den Haag, 4 juli
]
_PLAN = re.compile(r"^Het\s+(?:\([a-z]+\))?[a-z]+en\b")
_MOTION = re.compile(r"^Motie[- ](?P<name>.+?)(?:,|\s+Kamerstuk\b|$)")
_ABBREVIATION_NUMBER = re.compile(r"\b(nr|nrs|art|blz|p|pag)\.\s?\d+$", re.IGNORECASE)
_TRAILING_MARKER = re.compile(r"[.,;:!?]\s?\d{1,3}$")
_CLOSERS = ")]’”\"'»"


def kind_of(line: str) -> int:
    """The kind of one line of the body."""
    if not line.strip():
        return BLANK
    if line in ("Acties", "Actie"):
        return BOX
    if is_separator(line):
        return PIPE
    if _INLINE_BOX.match(line) and line.rstrip().endswith("|"):
        return INLINE_BOX
    if line.count("|") >= 2 and line.rstrip().endswith("|"):
        return TABLE
    if _PILLAR.match(line) and len(line) <= TITLE_MAX:
        return PILLAR
    match = _HEADING.match(line)
    if match and len(line) <= TITLE_MAX and not _ends_sentence(line):
        single = match.group(2) is None
        if (not single or match.group(4)) and match.group(5)[:1].isupper():
            return HEADING
    return TEXT


def is_separator(line: str) -> bool:
    """'|', '---|', '|---|:--:|': the box marker lines and table rules of the export."""
    text = line.strip()
    return "|" in text and not set(text) - set("|-: ")


def inline_box_text(line: str) -> str:
    """The text of an "Acties • text |" line."""
    match = _INLINE_BOX.match(line)
    text = line[match.end() :] if match else line
    return text.rstrip().removesuffix("|").strip()


def _ends_sentence(line: str) -> bool:
    text = line.rstrip().rstrip(_CLOSERS)
    if _TRAILING_MARKER.search(text) and not _ABBREVIATION_NUMBER.search(text):
        text = text.rstrip("0123456789").rstrip()
    return text.endswith((".", ",", ";", ":", "!", "?", "…"))


def _first_word(line: str) -> str:
    return line.split(maxsplit=1)[0] if line.strip() else ""


def _overflows(line: str, following: str) -> bool:
    """The next line's first word would not have fitted on this line."""
    return len(line) + 1 + len(_first_word(following)) > WRAP


def _continues(line: str) -> bool:
    """A line that starts in lower case (or with a bracket, digit...) goes on a sentence."""
    first = line.lstrip()[:1]
    return bool(first) and not first.isupper() and first not in "-•*"


class BodyBuilder:
    """Turns the body lines into :class:`Node` blocks (see the module docstring)."""

    def __init__(self, lines: Sequence[str], doc_title: str) -> None:
        self.lines = [line.strip() for line in lines]
        self.kinds = [kind_of(line) for line in self.lines]
        self.doc_title = doc_title
        self.nodes: list[Node] = []
        self.spans: list[Span] = []  # running text, in reading order, for markers
        self.used: set[str] = set()
        self.topics: set[str] = set()
        self.context = ""  # title of the heading the text stands under
        self.action: str | None = None
        self.sub = False
        self.last = "start"
        self.headings = 0

    # -- output -------------------------------------------------------------

    def _id(self, wanted: str) -> str:
        base = wanted or "blok"
        candidate, n = base, 2
        while candidate in self.used:
            candidate, n = f"{base}-{n}", n + 1
        self.used.add(candidate)
        return candidate

    def _para(self, texts: list[str], node_id: str | None = None, markers: bool = True) -> None:
        spans = [Span(t) for t in texts]
        if markers:
            self.spans.extend(spans)
        self.nodes.append(Node("para", id=node_id, spans=spans))
        self.last = "para"

    def _list(self, items: list[str]) -> None:
        spans = [Span(t) for t in items if t.strip()]
        self.spans.extend(spans)
        self.nodes.append(Node("list", spans=spans))
        self.last = "list"

    def _heading(
        self,
        level: int,
        text: str,
        node_id: str,
        classes: tuple[str, ...] = (),
        context: str | None = None,
    ) -> None:
        self._close_box()
        self.nodes.append(
            Node("heading", text=text, level=level, id=self._id(node_id), classes=classes)
        )
        self.context = text if context is None else context
        self.headings += 1

    def _open_action(self) -> None:
        self._close_box()
        title = self.context or self.doc_title
        self.action = self._id("actie-" + slugify(title))
        self.nodes.append(Node("open", text="actie", id=self.action))
        self.last = "box"

    def _open_sub(self, title: str) -> None:
        assert self.action is not None
        if self.sub:
            self.nodes.append(Node("close", text="deelactie"))
        slug = slugify(title, 6)
        wanted = f"actie-{slug}"
        node_id = self._id(wanted if wanted not in self.used else f"{self.action}-{slug}")
        if title_fits_attr(title):
            self.nodes.append(Node("open", text="deelactie", id=node_id, title=title))
        else:  # a title the attribute cannot hold is the sub-action's first line
            self.nodes.append(Node("open", text="deelactie", id=node_id))
            self._para([title], markers=False)
        self.sub = True
        self.last = "title"

    def _close_box(self) -> None:
        if self.sub:
            self.nodes.append(Node("close", text="deelactie"))
            self.sub = False
        if self.action is not None:
            self.nodes.append(Node("close", text="actie"))
            self.action = None

    # -- the walk -----------------------------------------------------------

    def build(self) -> list[Node]:
        end = self._signature_start()
        i = self._opening()
        while i < end:
            i = self._step(i, end)
        self._close_box()
        if end < len(self.lines):
            sig = [ln for ln in self.lines[end:] if ln.strip()]
            self._para(sig, self._id("ondertekening"), markers=False)
        return self.nodes

    def _opening(self) -> int:
        i, texts = 0, []
        while (
            i < len(self.lines)
            and (not self.lines[i].strip() or any(p.match(self.lines[i]) for p in _OPENING))
            and self.kinds[i] != HEADING
        ):
            if self.lines[i].strip():
                texts.append(self.lines[i])
            i += 1
        if texts and any(_OPENING[0].match(t) or _OPENING[1].match(t) for t in texts):
            for n, text in enumerate(texts):
                self._para([text], self._id("opening") if n == 0 else None, markers=False)
            return i
        return 0

    def _signature_start(self) -> int:
        """Index of the closing lines: pairs of "De minister van ...," and a name."""
        idx = [i for i, line in enumerate(self.lines) if line.strip()]
        start = len(self.lines)
        while len(idx) >= 2:
            role, name = self.lines[idx[-2]], self.lines[idx[-1]]
            if not (
                self.kinds[idx[-2]] == TEXT
                and self.kinds[idx[-1]] == TEXT
                and role.endswith(",")
                and role[:1].isupper()
                and len(role) <= TITLE_MAX
                and len(name) <= 60
                and not name.endswith((":", ";", ","))
            ):
                break
            start = idx[-2]
            idx = idx[:-2]
        return start

    def _step(self, i: int, end: int) -> int:
        kind = self.kinds[i]
        line = self.lines[i]
        if kind in (BLANK, PIPE):
            return i + 1
        if kind == BOX:
            self._open_action()
            return self._skip_pipes(i + 1, end)
        if kind == INLINE_BOX:
            self._open_action()
            self._list([inline_box_text(line)])
            self._close_box()
            self.last = "box"
            return self._skip_pipes(i + 1, end)
        if kind == TABLE:
            return self._table(i, end)
        if kind in (HEADING, PILLAR):
            return self._numbered(i, end)
        if self._is_title(i, end):
            return self._title(i, end)
        if line.endswith(";") and i + 1 < end and self.kinds[i + 1] == TEXT:
            return self._items(i, end, semicolons=True)
        j, text = self._paragraph(i, end)
        self._para([text])
        if text.endswith(":") and j < end and self.kinds[j] == TEXT:
            return self._colon_list(j, end)
        return j

    def _skip_pipes(self, i: int, end: int) -> int:
        while i < end and self.kinds[i] in (PIPE, BLANK):
            i += 1
        return i

    def _numbered(self, i: int, end: int) -> int:
        text = self.lines[i]
        i += 1
        while i < end and self.kinds[i] == TEXT and _continues(self.lines[i]):
            text += " " + self.lines[i].strip()
            i += 1
        pillar = _PILLAR.match(text)
        if pillar:
            self._heading(1, text, f"pijler-{pillar.group(1)}", ("pillar",))
        else:
            match = _HEADING.match(text)
            assert match is not None
            numbers = [g for g in match.group(1, 2, 3) if g]
            self._heading(len(numbers), text, "s-" + "-".join(numbers), context=match.group(5))
        self.last = "heading"
        return i

    def _is_title(self, i: int, end: int) -> bool:
        line = self.lines[i]
        if not (line[:1].isalpha() and line[:1].isupper()) or len(line) > TITLE_MAX:
            return False
        if _ends_sentence(line) or self.last == "title":
            return False
        j = i + 1
        if j >= end:
            return True
        nxt = self.lines[j]
        if self.kinds[j] == TABLE:
            return False
        if self.kinds[j] == TEXT:
            if _continues(nxt):
                return False
            if len(line) <= WRAP and len(nxt) <= WRAP and _overflows(line, nxt):
                return False
        return True

    def _title(self, i: int, end: int) -> int:
        title = self.lines[i]
        j = self._skip_blank(i + 1, end)
        box_follows = j < end and self.kinds[j] in (BOX, PIPE, INLINE_BOX)
        if self.action is not None and not box_follows and title.lower() not in self.topics:
            self._open_sub(title)
            return i + 1
        self._theme(title)
        self.last = "title"
        if j < end and self.kinds[j] == PIPE:
            self._open_action()
            return self._skip_pipes(j, end)
        return i + 1

    def _theme(self, title: str) -> None:
        motion = _MOTION.match(title)
        if self.headings == 0:
            self._heading(1, title, slugify(title))
        elif motion:
            self._heading(3, title, "motie-" + slugify(motion.group("name")))
        elif title.lower() in self.topics:
            # A topic of the pillar's own list without a number ("Burgerschap"
            # between 1.6 and 1.7) is a section of its own, not a theme of 1.6.
            self._heading(2, title, "t-" + slugify(title))
        else:
            self._heading(3, title, "t-" + slugify(title))

    def _skip_blank(self, i: int, end: int) -> int:
        while i < end and self.kinds[i] == BLANK:
            i += 1
        return i

    def _paragraph(self, i: int, end: int) -> tuple[int, str]:
        parts = [self.lines[i].strip()]
        j = i + 1
        while j < end and self.kinds[j] == TEXT and self._joins(self.lines[j - 1], self.lines[j]):
            parts.append(self.lines[j].strip())
            j += 1
        return j, " ".join(parts)

    @staticmethod
    def _joins(line: str, following: str) -> bool:
        if len(line) > WRAP or len(following) > WRAP:
            return False
        if _continues(following):
            return True
        if _ends_sentence(line):
            # The next word did not fit; unless the next line is a short title.
            return _overflows(line, following) and (
                len(following) >= 60 or _ends_sentence(following)
            )
        return True

    def _colon_list(self, j: int, end: int) -> int:
        first = self.lines[j]
        if first.endswith(";"):
            return self._items(j, end, semicolons=True)
        items: list[str] = []
        short = len(first) <= WRAP and not _ends_sentence(first)
        while j < end and self.kinds[j] == TEXT:
            line = self.lines[j]
            k = self._skip_blank(j + 1, end)
            if k < end and self.kinds[k] in (BOX, INLINE_BOX):
                break  # a title over an "Acties" box, not an item
            if short and (len(line) > WRAP or _ends_sentence(line) or _continues(line)):
                break
            if not short and len(line) <= WRAP:
                break
            items.append(line)
            j += 1
        if short:
            self.topics.update(item.lower() for item in items)
        self._emit_items(items)
        return j

    def _items(self, j: int, end: int, *, semicolons: bool) -> int:
        items: list[str] = []
        while j < end and self.kinds[j] == TEXT:
            items.append(self.lines[j])
            j += 1
            if semicolons and not items[-1].endswith(";"):
                break
        self._emit_items(items)
        return j

    def _emit_items(self, items: list[str]) -> None:
        if not items:
            return
        if self.sub or not all(_PLAN.match(item) for item in items):
            self._list(items)
            return
        prefix = self.action or "actie-" + slugify(self.context or self.doc_title)
        for item in items:
            words = item.split()[1:5]
            node_id = self._id(f"{prefix}-{slugify(' '.join(words))}")
            self.nodes.append(Node("open", text="deelactie", id=node_id))
            self._list([item])
            self.nodes.append(Node("close", text="deelactie"))
        self.last = "list"

    def _table(self, i: int, end: int) -> int:
        raw: list[str] = []
        while i < end and self.kinds[i] in (TABLE, PIPE):
            raw.append(self.lines[i])
            i += 1
        rows = table_rows(raw)
        if rows:
            self.nodes.append(Node("table", rows=rows))
            self.last = "table"
        return i
