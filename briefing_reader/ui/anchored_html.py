"""Rich text with thousands of name anchors, imported in linear time.

Qt's HTML import keeps every distinct character format once, found by a
hash. An ``<a name>`` anchor stores its names as a string list, and Qt
hashes a string list by its type name only: every anchor's format has the
same hash, so each new anchor is compared with all before it and the
import grows with the square of the anchors (4,000 anchors: 0.5-1.8 s on
the UI thread, issue 13).

So the anchors leave the HTML: a marker character goes where the import
would have put each one's names (the next character of text, as Qt does
for an empty ``<a name>``; before a table, that is in its first cell with
text), and after the import each marker is removed and its names set on
the character that follows, a single name as one string, which Qt hashes
by its value. The result is the document Qt's own import makes: the same
text, positions and anchor names (tests/ui/test_long_document.py compares).
"""

from __future__ import annotations

import html as html_lib
import re

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

_ANCHOR_NAME = QTextFormat.Property.AnchorName
# Several names on one character are a list, hashed by its type only: this
# property, their names joined, gives each such format a hash of its own.
_NAMES_KEY = QTextFormat.Property.UserProperty + 1
# A private-use character: a document holding one is imported the old way.
MARKER = "\ue000"
_NAME = re.compile(r'<a name="([^"]*)"></a>')
# Anchors, and the tags and spaces up to the next text, where Qt puts their names.
_RUN = re.compile(r'<a name="[^"]*"></a>(?:<[^>]*>|\s+)*')


def set_html(qdoc: QTextDocument, html: str) -> dict[str, int] | None:
    """``qdoc.setHtml(html)``, without the import's quadratic cost in anchors.

    Returns the position of every anchor name, or None when the import
    placed some itself (then only a walk over the document finds them).
    """
    marked, groups = _marked(html) if MARKER not in html else (html, [])
    qdoc.setHtml(marked)
    if not groups:
        return None
    text = qdoc.toRawText()
    positions = [found.start() for found in re.finditer(MARKER, text)]
    if len(positions) != len(groups):  # the import dropped one: not ours to guess
        qdoc.setHtml(html)
        return None
    _anchors_for_markers(qdoc, positions, groups)
    if "<a name" in marked:
        return None
    # The k-th marker's character moved k places back as the markers went.
    found: dict[str, int] = {}
    for index, (position, names) in enumerate(zip(positions, groups, strict=True)):
        for name in names:
            found.setdefault(name, position - index)
    return found


def _marked(html: str) -> tuple[str, list[list[str]]]:
    """The HTML with each run of empty name anchors replaced by a marker
    before the next text, and the names of each marker in order."""
    groups: list[list[str]] = []

    def replace(run: re.Match[str]) -> str:
        if run.end() == len(html) or "<pre" in run.group().lower():
            return run.group()  # no text after it, or spaces that count: Qt places these
        groups.append([html_lib.unescape(name) for name in _NAME.findall(run.group())])
        return _NAME.sub("", run.group()) + MARKER

    return _RUN.sub(replace, html), groups


def _anchors_for_markers(
    qdoc: QTextDocument, positions: list[int], groups: list[list[str]]
) -> None:
    """Remove each marker and name the character after it, from the end back
    (so the positions before stay right)."""
    undo = qdoc.isUndoRedoEnabled()
    qdoc.setUndoRedoEnabled(False)  # nothing to undo in a fresh document
    cursor = QTextCursor(qdoc)
    keep = QTextCursor.MoveMode.KeepAnchor  # looked up once: PySide's enums are slow
    anchor = QTextCharFormat()
    anchor.setAnchor(True)
    cursor.beginEditBlock()
    for position, names in zip(reversed(positions), reversed(groups), strict=True):
        cursor.setPosition(position)
        cursor.setPosition(position + 1, keep)
        cursor.removeSelectedText()
        cursor.setPosition(position + 1, keep)
        if len(names) == 1:
            anchor.setProperty(_ANCHOR_NAME, names[0])  # a string hashes by its value
            anchor.clearProperty(_NAMES_KEY)
        else:
            anchor.setAnchorNames(names)
            anchor.setProperty(_NAMES_KEY, "\n".join(names))
        cursor.mergeCharFormat(anchor)
    cursor.endEditBlock()
    qdoc.setUndoRedoEnabled(undo)
