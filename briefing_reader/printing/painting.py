"""Paint a composition page by page, with a running header and a footer on every page.

``QTextDocument.print`` cannot add headers or footers, so this does what it
does itself: lay the document out for the device at the body's size, then
for each page translate and clip the painter to that page's slice of the
layout, and paint header and footer around it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from briefing_reader.core.messages import message
from briefing_reader.printing.composing import APP_NAME, Composition, Running
from briefing_reader.printing.layout import (
    anchor_positions,
    build_document,
    page_layout,
    print_font,
    text_pages,
)
from briefing_reader.printing.request import PrintError, output_target, save_output

HEADER_POINTS = 8.0
INK = QColor("#1b1b1b")
MUTED = QColor("#4a4a4a")
RULE = QColor("#8a8a8a")
#: A running header takes over when its excerpt starts this high on the page.
TAKE_OVER = 0.15


def _mm(device: QPagedPaintDevice, millimetres: float) -> float:
    return millimetres / 25.4 * device.logicalDpiY()


def render(composition: Composition, device: QPagedPaintDevice) -> int:
    """Paint every page onto ``device`` (a QPrinter or QPdfWriter) with its
    current page layout; returns the number of pages.

    Raises:
        PrintError: the device cannot be painted on (e.g. the file cannot be written).
    """
    painter = QPainter()
    if not painter.begin(device):
        raise PrintError(message("print.cannot_paint"))
    try:
        return _paint(composition, device, painter)
    finally:
        painter.end()


def _paint(composition: Composition, device: QPagedPaintDevice, painter: QPainter) -> int:
    small = print_font(HEADER_POINTS)
    metrics = QFontMetricsF(small, device)
    line = metrics.height()
    width, height = float(device.width()), float(device.height())
    header = 2 * line + _mm(device, 4)
    footer = line + _mm(device, 4)
    body = QRectF(0, header, width, height - header - footer)
    qdoc = build_document(composition, device, QSizeF(body.width(), body.height()))
    pages = text_pages(qdoc)
    running = _running_by_page(qdoc, composition.running, pages, body.height())
    context = QAbstractTextDocumentLayout.PaintContext()
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, INK)
    context.palette = palette
    for index in range(pages):
        if index:
            device.newPage()
        _header(painter, running[index], small, metrics, width, line)
        _footer(
            painter,
            composition.footer,
            composition.page_label(index + 1, pages),
            small,
            metrics,
            width,
            height,
            line,
        )
        painter.save()
        painter.translate(body.left(), body.top() - index * body.height())
        clip = QRectF(0, index * body.height(), body.width(), body.height())
        painter.setClipRect(clip)
        context.clip = clip
        qdoc.documentLayout().draw(painter, context)
        painter.restore()
    return pages


def _running_by_page(
    qdoc: QTextDocument, running: list[Running], pages: int, page_height: float
) -> list[Running | None]:
    """The running header of each page: the one in force at its top, or one
    whose excerpt starts near the top."""
    positions = anchor_positions(qdoc)
    layout = qdoc.documentLayout()
    starts: list[tuple[float, Running]] = []
    for item in running:
        if item.marker in positions:
            block = qdoc.findBlock(positions[item.marker])
            starts.append((layout.blockBoundingRect(block).top(), item))
    starts.sort(key=lambda pair: pair[0])
    out: list[Running | None] = []
    for page in range(pages):
        limit = (page + TAKE_OVER) * page_height
        current = [(top, item) for top, item in starts if top <= limit] or starts[:1]
        if not current:
            out.append(None)
            continue
        top, item = current[-1]
        # An excerpt starting on this page prints its own title block there.
        out.append(None if item.titled and top >= page * page_height else item)
    return out


def _header(
    painter: QPainter,
    running: Running | None,
    font: QFont,
    metrics: QFontMetricsF,
    width: float,
    line: float,
) -> None:
    painter.save()
    painter.setFont(font)
    if running is not None:
        bold = print_font(HEADER_POINTS)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(INK)
        right_width = metrics.horizontalAdvance(running.right) + line
        left = QFontMetricsF(bold, painter.device()).elidedText(
            running.left, Qt.TextElideMode.ElideRight, width - right_width
        )
        painter.drawText(QPointF(0, metrics.ascent()), left)
        painter.setFont(font)
        painter.setPen(MUTED)
        painter.drawText(
            QPointF(width - metrics.horizontalAdvance(running.right), metrics.ascent()),
            running.right,
        )
        sub = metrics.elidedText(running.sub, Qt.TextElideMode.ElideMiddle, width)
        painter.drawText(QPointF(0, line + metrics.ascent()), sub)
        painter.setPen(QPen(RULE, max(1.0, line / 16)))
        y = 2 * line + line / 4
        painter.drawLine(QPointF(0, y), QPointF(width, y))
    painter.restore()


def _footer(
    painter: QPainter,
    left: str,
    right: str,
    font: QFont,
    metrics: QFontMetricsF,
    width: float,
    height: float,
    line: float,
) -> None:
    painter.save()
    painter.setFont(font)
    painter.setPen(QPen(RULE, max(1.0, line / 16)))
    y = height - line - line / 4
    painter.drawLine(QPointF(0, y), QPointF(width, y))
    painter.setPen(MUTED)
    base = height - metrics.descent()
    painter.drawText(QPointF(0, base), left)
    painter.drawText(QPointF(width - metrics.horizontalAdvance(right), base), right)
    painter.restore()


def pdf_bytes(composition: Composition, page_size: QPageSize | None = None) -> tuple[bytes, int]:
    """The composition as a PDF (A4 or the locale's size); returns bytes and page count."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(page_layout(page_size))
    writer.setResolution(600)
    writer.setTitle(composition.title)
    writer.setCreator(APP_NAME)
    pages = render(composition, writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data()), pages


def write_pdf(
    composition: Composition, path: Path | str, page_size: QPageSize | None = None
) -> int:
    """Write the composition as a PDF file, atomically; returns the page count.

    Raises:
        PrintError: the folder does not exist or the file cannot be written.
    """
    path = output_target(path)
    data, pages = pdf_bytes(composition, page_size)
    save_output(path, data)
    return pages
