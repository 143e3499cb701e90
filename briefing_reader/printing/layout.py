"""A composition laid out as a QTextDocument for one paint device, page by page.

The document is laid out for the device itself (``setPaintDevice``), the
way ``QTextDocument.print`` does it, so fonts and spacing are measured at
the printer's resolution. Highlights are painted with a background colour
and an underline (the underline survives grey-scale printing), a selection
is trimmed to the selected text, and a heading left alone at the foot of a
page moves to the next one.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from briefing_reader.core.content.stylesheet import document_css
from briefing_reader.printing.composing import PAGE_OF, Composition, Part

FONT_FAMILIES = ["Noto Sans", "Liberation Sans", "Arial", "Helvetica", "Nimbus Sans", "DejaVu Sans"]
FONT_POINTS = 10.0
UNDERLINE = "#2b2b2b"
#: Blocks that must not end a page: a heading and this many blocks after it.
KEEP_WITH_NEXT = 2
#: Names the ``<a name>`` that marks a label which, like a heading, keeps with its text.
KEEP_ANCHOR = "br-keep"
_LETTER_TERRITORIES = (QLocale.Country.UnitedStates, QLocale.Country.Canada)
#: OpenType ligature features turned off on paper: with them a font such as
#: DejaVu Sans writes U+FB01 for "fi" into the PDF's text layer, and a quote
#: copied out of the PDF reads "Brieﬁng" (issue 19).
NO_LIGATURES = ("liga", "clig", "dlig", "hlig", "rlig")


def default_page_size(locale: QLocale | None = None) -> QPageSize:
    """A4, or Letter where the locale uses it (United States, Canada)."""
    territory = (locale or QLocale()).territory()
    size = (
        QPageSize.PageSizeId.Letter if territory in _LETTER_TERRITORIES else QPageSize.PageSizeId.A4
    )
    return QPageSize(size)


def page_layout(size: QPageSize | None = None) -> QPageLayout:
    """Portrait, margins 20 mm left and right, 14 mm top and bottom."""
    return QPageLayout(
        size or default_page_size(),
        QPageLayout.Orientation.Portrait,
        QMarginsF(20, 14, 20, 14),
        QPageLayout.Unit.Millimeter,
    )


def print_font(points: float = FONT_POINTS) -> QFont:
    """The print font, without ligatures (so the PDF's text is plain letters)."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(points)
    for tag in NO_LIGATURES:
        font.setFeature(QFont.Tag(tag), 0)
    return font


def _no_ligatures(qdoc: QTextDocument) -> None:
    """Ligatures off on every character, also where the HTML or style sheet
    chose another font (they inherit the default font's features, but a
    format that names its own would not)."""
    fmt = QTextCharFormat()
    fmt.setFontFeatures({QFont.Tag(tag): 0 for tag in NO_LIGATURES})
    cursor = QTextCursor(qdoc)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeCharFormat(fmt)


class PrintDocument(QTextDocument):
    """A QTextDocument that loads nothing a text names: no image, style sheet or
    file (as the reader's browser does).

    For an image it hands Qt a blank pixel rather than nothing: given nothing,
    Qt's image handler opens the ``src`` as a file by name itself (a note's
    ``![g](/dev/zero)`` then read until memory ran out). :func:`images_as_alt_text`
    then takes the images out of the text altogether.
    """

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        if kind == QTextDocument.ResourceType.ImageResource.value:
            blank = QImage(1, 1, QImage.Format.Format_ARGB32)
            blank.fill(0)
            return blank
        return None


def images_as_alt_text(qdoc: QTextDocument) -> int:
    """Replace every image in the text by its alt text in brackets; returns how many."""
    found: list[tuple[int, str]] = []
    block = qdoc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                alt = str(fmt.property(QTextFormat.Property.ImageAltText) or "").strip()
                for offset in range(fragment.length()):
                    found.append((fragment.position() + offset, alt or "afbeelding"))
            it += 1
        block = block.next()
    for position, alt in reversed(found):
        cursor = QTextCursor(qdoc)
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(f"[{alt}]", QTextCharFormat())
    return len(found)


@dataclass(frozen=True)
class Placed:
    """A text block of a part and where its text starts in the QTextDocument."""

    start: int  # offset in the document's plain text
    length: int
    position: int  # QTextDocument position


def build_document(
    composition: Composition, device: QPagedPaintDevice, body: QSizeF
) -> QTextDocument:
    """The laid-out document, paginated to ``body`` (device pixels)."""
    qdoc = PrintDocument()
    qdoc.documentLayout().setPaintDevice(device)
    qdoc.setDefaultFont(print_font())
    qdoc.setDefaultStyleSheet(document_css(False) + composition.css)
    qdoc.setDocumentMargin(0)
    qdoc.setUndoRedoEnabled(False)
    qdoc.setHtml(f"<html><body>{composition.html}</body></html>")
    images_as_alt_text(qdoc)
    _no_ligatures(qdoc)
    # Every change to the text comes before the first layout: Qt's incremental
    # relayout of a paginated document with tables can leave blocks unlaid.
    markers = anchor_positions(qdoc)
    placed = [place_part(qdoc, part, markers.get(part.marker, 0)) for part in composition.parts]
    for part, where in zip(composition.parts, placed, strict=True):
        paint_marks(qdoc, part, where)
    for part, where in reversed(list(zip(composition.parts, placed, strict=True))):
        trim(qdoc, part, where)
    qdoc.setPageSize(body)
    relayout(qdoc)
    keep_headings_with_next(qdoc)
    if fill_page_numbers(qdoc):
        relayout(qdoc)
    return qdoc


def anchor_positions(qdoc: QTextDocument, prefix: str = "br-") -> dict[str, int]:
    """Position of every ``<a name>`` starting with ``prefix``."""
    found: dict[str, int] = {}
    block = qdoc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            for name in fragment.charFormat().anchorNames():
                if name.startswith(prefix):
                    found.setdefault(name, fragment.position())
            it += 1
        block = block.next()
    return found


def _flat(text: str) -> str:
    """Text in one coordinate space: table cells and line breaks as newlines."""
    return (
        text.replace("\t", "\n")
        .replace("\u2028", "\n")
        .replace("\u2029", "\n")
        .replace("\xa0", " ")
    )


def place_part(qdoc: QTextDocument, part: Part, from_position: int) -> list[Placed]:
    """Find the part's text blocks, in order, each at the start of a Qt block."""
    laid = _flat(qdoc.toPlainText())
    cursor = from_position
    placed: list[Placed] = []
    for block in part.blocks:
        wanted = _flat(block.text)
        at = laid.find(wanted, cursor)
        while at >= 0 and qdoc.findBlock(at).position() != at:
            at = laid.find(wanted, at + 1)
        if at < 0:
            continue  # not found (never expected): its highlights are simply not painted
        placed.append(Placed(block.start, len(block.text), at))
        cursor = at + len(wanted)
    return placed


def _qt_range(where: list[Placed], start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for item in where:
        lo, hi = max(start, item.start), min(end, item.start + item.length)
        if lo < hi:
            out.append((item.position + lo - item.start, item.position + hi - item.start))
    return out


def paint_marks(qdoc: QTextDocument, part: Part, where: list[Placed]) -> None:
    """Highlights: background colour plus a dark underline for grey-scale paper."""
    for mark in part.marks:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(mark.colour))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(UNDERLINE))
        for lo, hi in _qt_range(where, mark.start, mark.end):
            cursor = QTextCursor(qdoc)
            cursor.setPosition(lo)
            cursor.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)


def trim(qdoc: QTextDocument, part: Part, where: list[Placed]) -> None:
    """Cut a selection's first and last block to the selected text, marking the cuts."""
    if part.keep is None or not where:
        return
    start, end = part.keep
    last, first = where[-1], where[0]
    cut_end = last.position + end - last.start
    block_end = last.position + last.length
    if last.start < end < last.start + last.length and _same_block(qdoc, cut_end, block_end):
        _replace(qdoc, cut_end, block_end, " …")
    cut_start = first.position + start - first.start
    if first.start < start < first.start + first.length and _same_block(
        qdoc, first.position, cut_start
    ):
        _replace(qdoc, first.position, cut_start, "… ")


def _same_block(qdoc: QTextDocument, a: int, b: int) -> bool:
    return qdoc.findBlock(a).blockNumber() == qdoc.findBlock(b).blockNumber()


def _replace(qdoc: QTextDocument, lo: int, hi: int, text: str) -> None:
    cursor = QTextCursor(qdoc)
    cursor.setPosition(lo)
    cursor.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
    fmt = cursor.charFormat()
    for prop in (
        QTextFormat.Property.BackgroundBrush,
        QTextFormat.Property.IsAnchor,
        QTextFormat.Property.AnchorName,
        QTextFormat.Property.AnchorHref,
        QTextFormat.Property.TextUnderlineStyle,
        QTextFormat.Property.TextUnderlineColor,
    ):
        fmt.clearProperty(prop)
    cursor.removeSelectedText()
    cursor.insertText(text, fmt)


def keep_headings_with_next(qdoc: QTextDocument, limit: int = 200) -> int:
    """Move a heading (or a label that heads text: a box label, "Voetnoten",
    "Standpunt, notitie en vragen") that has fewer than :data:`KEEP_WITH_NEXT`
    lines of its text after it on its page to the next page, and a short
    footnote block split over two pages to the next page whole; returns how
    many were moved.

    The labels are paragraphs, not headings, so Qt's heading level does not
    find them: the composition marks them with an ``<a name="br-keep">``.
    Each move is laid out before the next is measured.
    """
    keep = keep_blocks(qdoc)
    moved = 0
    block = qdoc.begin()
    while block.isValid() and moved < limit:
        starts_chain = block.blockNumber() in keep and not _after_keep(block, keep)
        if starts_chain and stranded(qdoc, block, keep) and _move_to_next_page(qdoc, block):
            moved += 1
            relayout(qdoc)
        block = block.next()
    return moved


def fill_page_numbers(qdoc: QTextDocument) -> int:
    """Write the page each contents entry starts on over its "000"; returns how many."""
    wanted = anchor_positions(qdoc, PAGE_OF)
    targets = anchor_positions(qdoc)
    layout, height = qdoc.documentLayout(), qdoc.pageSize().height()
    for name, at in sorted(wanted.items(), key=lambda pair: -pair[1]):  # from the end
        target = targets.get(name[len(PAGE_OF) :])
        if target is None:
            continue
        page = int(layout.blockBoundingRect(qdoc.findBlock(target)).top() // height) + 1
        cursor = QTextCursor(qdoc)
        cursor.setPosition(at)
        cursor.setPosition(at + 3, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(str(page))
    return len(wanted)


def text_pages(qdoc: QTextDocument) -> int:
    """Pages up to the last line of text: a trailing empty block or the margin
    after the last list does not add a blank page."""
    block = qdoc.lastBlock()
    while block.isValid() and not block.text().strip():
        block = block.previous()
    if not block.isValid():
        return max(1, qdoc.pageCount())
    return min(qdoc.pageCount(), max(line_pages(qdoc, block) or [0]) + 1)


def relayout(qdoc: QTextDocument) -> None:
    """Lay the whole document out again (incremental relayout of a paginated
    document with tables can leave blocks unlaid)."""
    qdoc.markContentsDirty(0, qdoc.characterCount())
    qdoc.documentLayout().documentSize()


def keep_blocks(qdoc: QTextDocument) -> set[int]:
    """Numbers of the blocks that must not end a page: headings and marked labels."""
    found: set[int] = set()
    block = qdoc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0 and block.text().strip():
            found.add(block.blockNumber())
        else:
            it = block.begin()
            while not it.atEnd():
                if any(n.startswith(KEEP_ANCHOR) for n in it.fragment().charFormat().anchorNames()):
                    found.add(block.blockNumber())
                    break
                it += 1
        block = block.next()
    return found


def _previous_text(block: QTextBlock) -> QTextBlock:
    previous = block.previous()
    while previous.isValid() and not previous.text().strip():
        previous = previous.previous()
    return previous


def _after_keep(block: QTextBlock, keep: set[int]) -> bool:
    """True when the block continues a chain of keep blocks (heading, then label)."""
    previous = _previous_text(block)
    return bool(previous.isValid() and previous.blockNumber() in keep)


def line_pages(qdoc: QTextDocument, block: QTextBlock) -> list[int]:
    """The page of each laid-out line of ``block``."""
    layout = qdoc.documentLayout()
    height = qdoc.pageSize().height()
    top = layout.blockBoundingRect(block).top()
    text_layout = block.layout()
    return [
        int((top + text_layout.lineAt(i).y() + 1) // height) for i in range(text_layout.lineCount())
    ]


def stranded(qdoc: QTextDocument, block: QTextBlock, keep: set[int]) -> bool:
    """Does the chain of keep blocks starting at ``block`` have fewer than
    :data:`KEEP_WITH_NEXT` lines of text after it on its page?"""
    pages = line_pages(qdoc, block)
    if not pages:
        return False
    page = pages[0]
    following = block.next()
    counted = 0
    while following.isValid() and counted < KEEP_WITH_NEXT:
        if following.text().strip():
            for line_page in line_pages(qdoc, following):
                if following.blockNumber() in keep:
                    if line_page != page:
                        return True
                    continue
                if line_page != page:
                    return True
                counted += 1
                if counted >= KEEP_WITH_NEXT:
                    break
        following = following.next()
    return _footnotes_split(qdoc, block, page)


def _footnotes_split(qdoc: QTextDocument, block: QTextBlock, page: int) -> bool:
    """A footnote block (label then a table) that runs onto the next page
    although it is short enough to stay whole."""
    table = QTextCursor(block.next()).currentTable()
    if table is None or QTextCursor(block).currentTable() is not None:
        return False
    last = qdoc.findBlock(table.lastPosition())
    pages = line_pages(qdoc, last)
    if not pages or pages[-1] == page:
        return False
    layout = qdoc.documentLayout()
    height = qdoc.pageSize().height()
    tall = layout.frameBoundingRect(table).height()
    return tall < height / 3


def _move_to_next_page(qdoc: QTextDocument, block: QTextBlock) -> bool:
    """Break the page before ``block``, or before the table it opens (a box,
    the notes box); False when it already starts a page."""
    # None outside a table, although PySide6's stub does not say so
    table: QTextTable | None = QTextCursor(block).currentTable()
    layout = qdoc.documentLayout()
    height = qdoc.pageSize().height()
    if table is not None and qdoc.findBlock(table.firstPosition()) == block:
        top = layout.frameBoundingRect(table).top()
    else:
        table = None
        top = layout.blockBoundingRect(block).top()
    if top - (top // height) * height <= 1:
        return False
    if table is not None:
        fmt = table.format()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        table.setFormat(fmt)
    else:
        _break_before(qdoc, block)
    return True


def _break_before(qdoc: QTextDocument, block: QTextBlock) -> None:
    cursor = QTextCursor(block)
    fmt = cursor.blockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    cursor.setBlockFormat(fmt)
