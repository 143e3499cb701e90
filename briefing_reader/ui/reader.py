"""The reading pane: a QTextBrowser that never loads anything off the machine."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextTableCell,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from briefing_reader.core import limits
from briefing_reader.core.content import Document, OutlineNode
from briefing_reader.ui import anchored_html, style
from briefing_reader.ui.open_guard import OpenGuard

# Comfortable reading: about 75 characters a line.
MAX_TEXT_WIDTH_EM = 42


@dataclass(frozen=True)
class Mark:
    """A range of the plain text painted over the reader (a highlight, a hit)."""

    start: int
    end: int
    colour: str
    tooltip: str = ""


class OfflineBrowser(QTextBrowser):
    """A QTextBrowser that loads nothing: no images, no style sheets, no files."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        if kind == QTextDocument.ResourceType.ImageResource.value:
            # Given nothing, Qt opens an image's src as a file itself: a note's
            # ![g](/dev/zero) in the preview then read gigabytes (issue 13).
            blank = QImage(1, 1, QImage.Format.Format_ARGB32)
            blank.fill(0)
            return blank
        return None


class ReaderView(OfflineBrowser):
    """Shows one document; reports which outline node is at the top.

    Signals:
        node_scrolled_to(str): the anchor of the innermost outline node at the
            top of the view changed (scrolling, jumping).
        link_requested(QUrl): the user clicked a link that leaves the
            document (``doc:`` or web); the window decides what to do.
        leave_requested(int): Tab (+1) or Shift+Tab (-1) asks for the
            next or previous pane.
        anchor_requested(str, int): the user followed a link within the
            document (a footnote marker): the anchor and the Qt position of
            the link, so the window can jump and Back can return there.
        cursor_placed(int): the user put the cursor somewhere (a click in
            the text, a key): its Qt position.
        busy_message(str, bool): a long document is being opened (True:
            say so now, the event loop waits for Qt's import) or was opened
            (False: the message no longer holds).
    """

    node_scrolled_to = Signal(str)
    link_requested = Signal(QUrl)
    leave_requested = Signal(int)
    anchor_requested = Signal(str, int)
    cursor_placed = Signal(int)
    busy_message = Signal(str, bool)
    open_guard: OpenGuard | None = None  # set by the window (ui/open_guard.py)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Document text"))
        # Text wraps at the width and tables are sized in percent of it; a
        # horizontal bar only showed a stale range after a text-size change.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document_shown: Document | None = None
        self._positions: dict[str, int] = {}
        self._imported_anchors: dict[str, int] | None = None
        self._text_blocks: list[tuple[int, int, int]] = []
        self._qt_starts: list[int] = []
        self._core_starts: list[tuple[int, int, int]] = []
        self._core_keys: list[int] = []
        self._marks: dict[str, list[Mark]] = {}
        # Called with the document after each rendering (links over references ...).
        self.decorators: list[Callable[[Document], None]] = []
        self._cell_flags: list[QTextEdit.ExtraSelection] = []
        self._cell_flag_specs: list[tuple[str, str, str, str]] = []
        self.badges: dict[str, str] = {}
        self._dark = False
        self._anchor_positions: list[int] = []
        self._anchor_nodes: list[OutlineNode] = []
        self._last_reported = ""
        self._zoom = 0
        self._press_position = -1
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.highlighted.connect(self._on_highlighted)
        self._scroll_timer = QTimer(self, singleShot=True, interval=60)
        self._scroll_timer.timeout.connect(self._report_top_node)
        # Not connected to start() directly: valueChanged's int would become
        # the timer's interval.
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._scroll_timer.start())

    # -- showing a document ---------------------------------------------

    def show_document(
        self, doc: Document, dark: bool = False, badges: dict[str, str] | None = None
    ) -> None:
        """Render ``doc``; margins are set before the document is attached so
        that Qt lays it out once."""
        qdoc = QTextDocument(self)
        qdoc.setDefaultStyleSheet(style.document_css(dark))
        qdoc.setDefaultFont(self.font())
        qdoc.setDocumentMargin(24)
        banner = self.tr(
            "Compiled by Briefing Reader from the letter; where a fact comes "
            "from elsewhere, the document says so. "
            "This is not an official parliamentary document."
        )
        if doc.meta.kind != "companion":
            banner = self.tr(
                "Not a parliamentary document: it has no Kamerstuk number. Imported by you."
            )
        self._set_html(qdoc, doc, style.page_html(doc, banner, badges))
        self.badges = dict(badges or {})
        self._dark = dark
        self._apply_text_width(qdoc)
        self.setDocument(qdoc)  # deletes the previous document: we were its parent
        self.document_shown = doc
        self._marks.clear()
        self._cell_flags = []
        self._cell_flag_specs = []
        self._index_anchors(doc)
        for decorate in self.decorators:
            decorate(doc)
        self._last_reported = ""
        self._report_top_node()

    def _set_html(self, qdoc: QTextDocument, doc: Document, html: str) -> None:
        """Qt's rich-text import, on this (the UI) thread: watched for a long document.

        Qt's own import grows with the square of the anchors; ours is linear
        (ui/anchored_html.py: 4,000 anchors in about 0.1 s). A long document
        still gets a busy cursor and a message, and a document that hangs or
        is slow is not reopened at the next start.
        """
        guard = self.open_guard
        if guard is None:
            self._imported_anchors = anchored_html.set_html(qdoc, html)
            return
        anchors = sum(1 for block in doc.blocks if block.anchor)
        busy = anchors >= limits.LONG_DOCUMENT_ANCHORS
        with guard.opening(doc.id, anchors):
            if busy:
                self._say_busy(doc, True)
            self._imported_anchors = anchored_html.set_html(qdoc, html)
        if busy:
            self._say_busy(doc, False)  # opened: "Opening …" would now mislead

    def _say_busy(self, doc: Document, busy: bool) -> None:
        self.busy_message.emit(self.tr("Opening “%s”, a long document…") % doc.title, busy)

    def rerender(self, badges: dict[str, str]) -> None:
        """Render the shown document again (new badges), keeping the place."""
        doc = self.document_shown
        if doc is None:
            return
        anchor, past_anchor = self._place_by_anchor(self.top_position())
        marks = dict(self._marks)
        flags = list(self._cell_flag_specs)
        reported = self._last_reported
        # Quiet meanwhile: the new document starts at the top, and reporting
        # that would move the contents' selection away from the reading place.
        blocked = self.blockSignals(True)
        try:
            self.show_document(doc, self._dark, badges)
            self.flag_table_cells(flags)  # found again in the new document
            for layer, layer_marks in marks.items():
                self.set_marks(layer, layer_marks)
            self.scroll_to_position(self._positions.get(anchor, 0) + past_anchor)
        finally:
            self.blockSignals(blocked)
        self._last_reported = reported
        self.settle()  # now, not when the scroll timer fires

    def _place_by_anchor(self, position: int) -> tuple[str, int]:
        """The last anchor at or before ``position`` and the distance past it.

        Survives a re-render with other badges, unlike the core offset, which
        cannot point into a box label (not part of the core's text).
        """
        name, start = max(
            ((n, p) for n, p in self._positions.items() if p <= position),
            key=lambda pair: pair[1],
            default=("", 0),
        )
        return name, position - start

    def _index_anchors(self, doc: Document) -> None:
        """Find the character position of every anchor; order the outline's."""
        known = self._imported_anchors  # the import knows them (4,000: 45 ms less)
        self._positions = dict(known) if known is not None else self._walk_anchors()
        self._anchor_tables_at_first_cell(doc)
        found = sorted(
            (
                (self._positions[node.id], node)
                for node in doc.outline.walk()
                if node.kind != "document" and node.id in self._positions
            ),
            key=lambda pair: pair[0],
        )
        self._anchor_positions = [pos for pos, _ in found]
        self._anchor_nodes = [node for _, node in found]
        starts = sorted(
            (self._positions[b.anchor], b.start, len(b.text))
            for b in doc.blocks
            if b.text and b.anchor in self._positions
        )
        self._text_blocks = starts
        self._qt_starts = [qt for qt, _, _ in starts]
        self._core_starts = sorted((core, qt, length) for qt, core, length in starts)
        self._core_keys = [core for core, _, _ in self._core_starts]

    def _walk_anchors(self) -> dict[str, int]:
        """Every anchor name's position, from the document's formats."""
        positions: dict[str, int] = {}
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                for name in fragment.charFormat().anchorNames():
                    positions.setdefault(name, fragment.position())
                it += 1
            block = block.next()
        return positions

    def _anchor_tables_at_first_cell(self, doc: Document) -> None:
        """A table's anchor at its first cell, where its plain text starts.

        Qt attaches a name anchor to the next character, so a table whose
        first cell is empty (the letter's finance table) had its anchor one
        cell on, and every offset in the table mapped one position late.
        """
        for block in doc.blocks:
            position = self._positions.get(block.anchor or "")
            if block.kind != "table" or position is None:
                continue
            cursor = QTextCursor(self.document())
            cursor.setPosition(position)
            table = cursor.currentTable()
            if table is not None:
                self._positions[block.anchor or ""] = table.cellAt(0, 0).firstPosition()

    # -- Qt positions <-> the core's plain-text offsets ------------------

    def core_offset(self, position: int) -> int:
        """The offset in ``Document.plain_text`` of a Qt cursor position.

        Every text block of the document carries an anchor, so a position
        maps through the nearest anchor before it.
        """
        index = bisect.bisect_right(self._qt_starts, position) - 1
        if index < 0:
            return 0
        qt, core, length = self._text_blocks[index]
        return core + min(position - qt, length)

    def qt_position(self, offset: int) -> int:
        """The Qt cursor position of an offset in ``Document.plain_text``."""
        index = bisect.bisect_right(self._core_keys, offset) - 1
        if index < 0:
            return 0
        core, qt, length = self._core_starts[index]
        return qt + min(offset - core, length)

    def selected_range(self) -> tuple[int, int] | None:
        """The selection as (start, end) offsets in the plain text, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.core_offset(cursor.selectionStart()), self.core_offset(cursor.selectionEnd())

    # -- marks: highlights, search hits ----------------------------------

    def set_marks(self, layer: str, marks: list[Mark]) -> None:
        """Show ``marks`` (plain-text ranges) as one named layer of overlays.

        Overlays do not change the document, so positions stay valid.
        """
        self._marks[layer] = marks
        selections = []
        for layer_marks in self._marks.values():
            for mark in layer_marks:
                cursor = QTextCursor(self.document())
                cursor.setPosition(self.qt_position(mark.start))
                cursor.setPosition(self.qt_position(mark.end), QTextCursor.MoveMode.KeepAnchor)
                selections.append(_selection(cursor, mark.colour, mark.tooltip))
        selections += self._cell_flags
        self.setExtraSelections(selections)

    def flag_table_cells(self, flags: list[tuple[str, str, str, str]]) -> None:
        """Flag table cells: (table anchor, row label, column label, tooltip).

        Cells are found through Qt's table model, by the labels in the
        table's first column and header row.
        """
        self._cell_flags = []
        self._cell_flag_specs = list(flags)
        for anchor, row_label, column_label, tooltip in flags:
            cell = self._table_cell(anchor, row_label, column_label)
            if cell is not None:
                cursor = cell.firstCursorPosition()
                cursor.setPosition(
                    cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor
                )
                self._cell_flags.append(_selection(cursor, "#ffc9c9", tooltip, wavy=True))
        self.set_marks("_cells", [])

    def _table_cell(self, anchor: str, row_label: str, column_label: str) -> QTextTableCell | None:
        position = self._positions.get(anchor)
        if position is None:
            return None
        block = self.document().findBlock(position)
        table = QTextCursor(block).currentTable() or QTextCursor(block.next()).currentTable()
        if table is None:
            return None
        text = [
            [
                table.cellAt(r, c).firstCursorPosition().block().text()
                for c in range(table.columns())
            ]
            for r in range(table.rows())
        ]
        rows = [r for r in range(table.rows()) if text[r][0] == row_label]
        columns = [c for c in range(table.columns()) if text[0][c] == column_label]
        return table.cellAt(rows[0], columns[0]) if rows and columns else None

    def anchor_position(self, anchor: str) -> int | None:
        return self._positions.get(anchor)

    def is_visible(self, position: int) -> bool:
        """Whether the character at ``position`` is within the view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        return self.viewport().rect().contains(self.cursorRect(cursor).center())

    def top_position(self) -> int:
        """Character position at the start of the first line in view.

        A search over block rectangles: cursorForPosition() walks the whole
        layout and costs milliseconds on a long letter. Qt lays a document
        out lazily, from the top, and asking for a block's rectangle lays
        out everything before it; so the search gallops from the top and
        never asks much beyond the view.
        """
        qdoc = self.document()
        layout = qdoc.documentLayout()
        top = self.verticalScrollBar().value() + 1  # scroll values are whole pixels
        last = qdoc.blockCount() - 1
        low, high = 0, 1
        while high < last and layout.blockBoundingRect(qdoc.findBlockByNumber(high)).top() <= top:
            low, high = high, high * 2
        high = min(high, last)
        while low < high:  # last block whose top is at or above the view's top
            middle = (low + high + 1) // 2
            if layout.blockBoundingRect(qdoc.findBlockByNumber(middle)).top() <= top:
                low = middle
            else:
                high = middle - 1
        block = qdoc.findBlockByNumber(low)
        block_top = layout.blockBoundingRect(block).top()
        lines = block.layout()
        position = block.position()
        for index in range(lines.lineCount()):
            line = lines.lineAt(index)
            if block_top + line.y() + line.height() > top:
                return position + line.textStart()
        following = block.next()  # the view starts in this block's bottom margin
        return following.position() if following.isValid() else position

    def scroll_to_position(self, position: int) -> None:
        """Scroll so the line holding ``position`` is the first in view."""
        position = max(0, min(position, self.document().characterCount() - 1))
        block = self.document().findBlock(position)
        top = self.document().documentLayout().blockBoundingRect(block).top()
        line = block.layout().lineForTextPosition(position - block.position())
        if line.isValid():
            top += line.y()
        self.verticalScrollBar().setValue(int(top))

    def current_node_id(self) -> str:
        """The innermost outline node at the top of the view ('' if none)."""
        return self._last_reported

    def go_to_anchor(self, anchor: str) -> None:
        """Scroll so that the anchor's block is at the top."""
        position = self.anchor_position(anchor)
        if position is None:
            self.scrollToAnchor(anchor)
        else:
            self.scroll_to_position(position)
        self._report_top_node()

    def _report_top_node(self) -> None:
        if not self._anchor_positions:
            return
        index = bisect.bisect_right(self._anchor_positions, self.top_position() + 1) - 1
        node = self._anchor_nodes[max(index, 0)]
        if node.id != self._last_reported:
            self._last_reported = node.id
            self.node_scrolled_to.emit(node.id)

    # -- links and footnotes --------------------------------------------

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "" and url.fragment():
            cursor = self.textCursor()  # a link reached by keyboard is selected
            origin = (
                cursor.selectionStart()
                if cursor.hasSelection() or self._press_position < 0
                else self._press_position
            )
            self.anchor_requested.emit(url.fragment(), origin)  # the window jumps
        else:
            self.link_requested.emit(url)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_position = self.cursorForPosition(event.position().toPoint()).position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        on_link = bool(self.anchorAt(event.position().toPoint()))
        super().mouseReleaseEvent(event)
        if not on_link and event.button() == Qt.MouseButton.LeftButton:
            self.cursor_placed.emit(self.textCursor().position())
        self._press_position = -1

    def settle(self) -> None:
        """Report the node at the top now, so that a report still pending
        from the scroll cannot undo what a jump selected in the contents."""
        self._scroll_timer.stop()
        self._report_top_node()

    # -- tooltips over marks ---------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
                return True
        return super().viewportEvent(event)

    def position_at(self, point: QPoint) -> int:
        """The Qt position of the character under a viewport point; -1 when
        the point is not on text (a margin, the space after a line)."""
        content = point + QPoint(
            self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        )
        return (
            self.document().documentLayout().hitTest(QPointF(content), Qt.HitTestAccuracy.ExactHit)
        )

    def tooltip_at(self, point: QPoint) -> str:
        """The tooltips of the marks under a viewport point (a highlight's
        note, a flagged table cell's totals), or ''."""
        position = self.position_at(point)
        if position < 0:
            return ""
        texts: list[str] = []
        for selection in self.extraSelections():
            tip = selection.format.toolTip()
            cursor = selection.cursor
            if (
                tip
                and cursor.selectionStart() <= position < cursor.selectionEnd()
                and tip not in texts
            ):
                texts.append(tip)
        return "\n".join(texts)

    def _on_highlighted(self, url: QUrl) -> None:
        label = url.fragment().removeprefix("fn-")
        doc = self.document_shown
        if url.scheme() == "" and url.fragment().startswith("fn-") and doc is not None:
            text = doc.footnotes.get(label, "")
            QToolTip.showText(self.cursor().pos(), f"{label}. {text}", self)
        elif url.isValid() and url.scheme() in ("http", "https", "mailto"):
            QToolTip.showText(self.cursor().pos(), url.toString(), self)
        else:
            QToolTip.hideText()

    # -- zoom and width --------------------------------------------------

    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        steps = max(-6, min(12, steps))
        top = self._place_to_keep()
        self.zoomIn(steps - self._zoom)
        self._zoom = steps
        self._apply_text_width()
        if top is not None:
            self.scroll_to_position(top)

    def resizeEvent(self, event: QResizeEvent) -> None:
        top = self._place_to_keep()
        super().resizeEvent(event)
        self._apply_text_width()
        if top is not None:
            self.scroll_to_position(top)

    def _place_to_keep(self) -> int | None:
        """The position at the top, when a reflow (new width, new text size)
        is about to move it: a moved dock, a restored window or zooming must
        not lose the reader's place."""
        if self.document_shown is None or self.verticalScrollBar().value() == 0:
            return None
        return self.top_position()

    def _apply_text_width(self, qdoc: QTextDocument | None = None) -> None:
        """Centre a column of readable width instead of spanning the window."""
        max_width = self.fontMetrics().averageCharWidth() * 2 * MAX_TEXT_WIDTH_EM
        side = max(0, (self._viewport_width() - max_width) // 2)
        root = (qdoc or self.document()).rootFrame()
        fmt: QTextFrameFormat = root.frameFormat()
        if int(fmt.leftMargin()) != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            root.setFrameFormat(fmt)

    def _viewport_width(self) -> int:
        # Not viewport().width(): PySide6's first conversion of a QWidget
        # pointer builds a Python class for every QWidget subclass, 7 ms that
        # the first paint need not pay.
        bar = self.verticalScrollBar()
        return self.maximumViewportSize().width() - (bar.width() if bar.isVisibleTo(self) else 0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Alt+Left/Right belong to the window's history, not the browser's.
        if event.modifiers() & Qt.KeyboardModifier.AltModifier:
            event.ignore()
            return
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() in (
            Qt.Key.Key_Tab,
            Qt.Key.Key_Backtab,
        ):
            self.step_link(
                event.key() == Qt.Key.Key_Tab
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            return
        before = self.textCursor().position()
        super().keyPressEvent(event)
        if self.textCursor().position() != before:
            self.cursor_placed.emit(self.textCursor().position())

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab leaves the text for the next pane instead of stepping through
        # its links (which scrolled the page and kept the focus here).
        self.leave_requested.emit(1 if next else -1)
        return True

    def step_link(self, forward: bool) -> None:
        """Ctrl+Tab / Ctrl+Shift+Tab: the next / previous link from the view."""
        if not self.is_visible(self.textCursor().position()):
            # Qt steps from the selection, or from the document's start when
            # there is none: select the first character in view.
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.top_position())
            cursor.movePosition(
                QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor
            )
            self.setTextCursor(cursor)
        QTextBrowser.focusNextPrevChild(self, forward)


def _selection(
    cursor: QTextCursor, colour: str, tooltip: str, wavy: bool = False
) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    selection.cursor = cursor
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(colour))
    fmt.setForeground(QColor("#1b1b1b"))
    # An underline keeps a mark visible in grey-scale.
    fmt.setUnderlineStyle(
        QTextCharFormat.UnderlineStyle.WaveUnderline
        if wavy
        else QTextCharFormat.UnderlineStyle.SingleUnderline
    )
    if tooltip:
        fmt.setToolTip(tooltip)
    selection.format = fmt
    return selection
