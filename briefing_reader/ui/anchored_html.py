"""Rich text with thousands of name anchors, imported in linear time.

Qt's HTML import keeps every distinct character format once, found by a
hash. An ``<a name>`` anchor stores its names as a string list, and Qt
hashes a string list by its type name only: every anchor's format has the
same hash, so each new anchor is compared with all before it and the
import grows with the square of the anchors (4,000 anchors: 0.5-1.8 s on
the UI thread, issue 13).

So the anchors that stand right before text leave the HTML: a marker
character takes each one's place, and after the import each marker is
removed and its name set on the character that follows, as one string,
which Qt hashes by its value. The result is the document Qt's own import
makes (the same text, the same positions, the same anchor names); an
anchor before a block (a table) stays in the HTML, as the import places
those itself.
"""

from __future__ import annotations

import html as html_lib
import re

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

_ANCHOR_NAME = QTextFormat.Property.AnchorName
# A private-use character: a document holding one is imported the old way.
MARKER = "\ue000"
# An empty name anchor followed by text or by an inline element.
_ANCHOR_BEFORE_TEXT = re.compile(
    r'<a name="([^"]*)"></a>'
    r"(?=[^<\s]|<(?:b|i|u|s|em|strong|code|span|sup|sub)[\s>]|<a\s+href)")


def set_html(qdoc: QTextDocument, html: str) -> None:
    """``qdoc.setHtml(html)``, without the import's quadratic cost in anchors."""
    if MARKER in html:
        qdoc.setHtml(html)
        return
    names = [html_lib.unescape(name) for name in _ANCHOR_BEFORE_TEXT.findall(html)]
    qdoc.setHtml(_ANCHOR_BEFORE_TEXT.sub(MARKER, html))
    text = qdoc.toRawText()
    positions = [found.start() for found in re.finditer(MARKER, text)]
    if len(positions) != len(names):  # the import dropped or moved one: not ours to guess
        qdoc.setHtml(html)
        return
    _anchors_for_markers(qdoc, positions, names)


def _anchors_for_markers(qdoc: QTextDocument, positions: list[int], names: list[str]) -> None:
    """Remove each marker and name the character after it, from the end back
    (so the positions before stay right)."""
    undo = qdoc.isUndoRedoEnabled()
    qdoc.setUndoRedoEnabled(False)  # nothing to undo in a fresh document
    cursor = QTextCursor(qdoc)
    keep = QTextCursor.MoveMode.KeepAnchor  # looked up once: PySide's enums are slow
    anchor = QTextCharFormat()
    anchor.setAnchor(True)
    cursor.beginEditBlock()
    for position, name in zip(reversed(positions), reversed(names), strict=True):
        cursor.setPosition(position)
        cursor.setPosition(position + 1, keep)
        # An anchor left in the HTML just before (a box's, before its title)
        # was put on the marker by the import: it moves on with this one.
        held = cursor.charFormat().anchorNames()
        cursor.removeSelectedText()
        cursor.setPosition(position + 1, keep)
        if held:
            anchor.setAnchorNames([*held, name])  # rare: a list hashes by its type only
        else:
            anchor.setProperty(_ANCHOR_NAME, name)  # a string hashes by its value
        cursor.mergeCharFormat(anchor)
    cursor.endEditBlock()
    qdoc.setUndoRedoEnabled(undo)
