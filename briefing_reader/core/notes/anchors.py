"""Anchors over a document's plain text: W3C selectors and finding quotes again.

The coordinate space is ``Document.plain_text`` (the text a reader sees,
blocks joined by newlines), which equals the positions of Qt's
``QTextDocument.toPlainText()`` in the reader. A highlight or bookmark
stores a TextQuoteSelector (the exact text plus 32 characters of context
either side, 64 for quotes shorter than 20 characters, which otherwise
re-anchor badly) and a TextPositionSelector, with the document version and
hashes. Re-anchoring after a document changes (issue 5) builds on
:func:`find_quote` and :func:`locate`; here only exact matches are used.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

# Defined with the kept versions; anchors carry it.
from briefing_reader.core.content.model import ACTION_KINDS
from briefing_reader.core.content.versions import text_hash as text_hash
from briefing_reader.core.messages import message
from briefing_reader.core.notes.errors import NotesAnchorError
from briefing_reader.core.notes.model import (
    ActionTarget,
    ReadingPosition,
    TextAnchor,
    TextPositionSelector,
    TextQuoteSelector,
)

if TYPE_CHECKING:
    from briefing_reader.core.content import Block, Document

CONTEXT = 32
SHORT_QUOTE = 20
SHORT_CONTEXT = 64
BOOKMARK_QUOTE = 64


def context_length(quote_length: int) -> int:
    """Characters of prefix/suffix to keep for a quote of this length."""
    return SHORT_CONTEXT if quote_length < SHORT_QUOTE else CONTEXT


def quote_selector(text: str, start: int, end: int) -> TextQuoteSelector:
    """The TextQuoteSelector for ``text[start:end]``."""
    width = context_length(end - start)
    return TextQuoteSelector(
        exact=text[start:end],
        prefix=text[max(0, start - width) : start],
        suffix=text[end : end + width],
    )


def find_quote(text: str, exact: str) -> list[int]:
    """Every offset where ``exact`` occurs in ``text`` (overlaps included)."""
    if not exact:
        return []
    found = []
    at = text.find(exact)
    while at >= 0:
        found.append(at)
        at = text.find(exact, at + 1)
    return found


def _text_blocks(doc: Document) -> list[Block]:
    return [block for block in doc.blocks if block.text]


def block_index_at(doc: Document, offset: int) -> int:
    """Index in ``doc.blocks`` of the text block holding ``offset``."""
    blocks = _text_blocks(doc)
    if not blocks:
        return 0
    starts = [block.start for block in blocks]
    position = max(0, bisect.bisect_right(starts, offset) - 1)
    return doc.blocks.index(blocks[position])


def place_at(doc: Document, offset: int) -> str | None:
    """The anchor id nearest before ``offset``: its block's, else the section's."""
    index = block_index_at(doc, offset)
    for block in reversed(doc.blocks[: index + 1]):
        if block.anchor:
            return block.anchor
    node = doc.node_at_block(index)
    return None if node.kind == "document" else node.id


def section_title_at(doc: Document, offset: int) -> str:
    """The title of the innermost section (or action) holding ``offset``."""
    node = doc.node_at_block(block_index_at(doc, offset))
    return doc.title if node.kind == "document" else node.title


def anchor_range(doc: Document, start: int, end: int) -> TextAnchor:
    """The anchor of ``doc.plain_text[start:end]`` (a selection in the reader).

    Raises:
        NotesAnchorError: the range is empty or outside the text.
    """
    text = doc.plain_text
    if not 0 <= start < end <= len(text):
        raise NotesAnchorError(
            message(
                "notes.selection_outside",
                start=str(start),  # offsets, not amounts: no thousands separator
                end=str(end),
                doc=doc.id,
                length=str(len(text)),
            )
        )
    return TextAnchor(
        doc_id=doc.id,
        doc_version=doc.meta.version,
        doc_hash=doc.source_hash,
        text_hash=text_hash(text),
        quote=quote_selector(text, start, end),
        position=TextPositionSelector(start, end),
        place=place_at(doc, start),
    )


def anchor_quote(doc: Document, exact: str, occurrence: int | None = None) -> TextAnchor:
    """The anchor of a quote, which must occur in the document's plain text.

    Args:
        doc: the document.
        exact: the quoted text, matched exactly (case, punctuation, spaces).
        occurrence: which occurrence (1-based) when the quote occurs more than once.

    Raises:
        NotesAnchorError: not found, ambiguous without ``occurrence``, or
            ``occurrence`` out of range; the message names the count.
    """
    text = doc.plain_text
    found = find_quote(text, exact)
    if not found:
        raise NotesAnchorError(message("notes.quote_not_found", doc=doc.id))
    if occurrence is None:
        if len(found) > 1:
            raise NotesAnchorError(message("notes.quote_ambiguous", count=len(found), doc=doc.id))
        occurrence = 1
    if not 1 <= occurrence <= len(found):
        raise NotesAnchorError(
            message("notes.no_occurrence", count=len(found), doc=doc.id, occurrence=occurrence)
        )
    start = found[occurrence - 1]
    return anchor_range(doc, start, start + len(exact))


def anchor_place(doc: Document, place: str | None = None) -> tuple[TextAnchor, str]:
    """The anchor of a place (block or outline anchor) and its default bookmark name.

    The quote is the start of the place's first line of text (up to 64
    characters, cut at a word), so a bookmark can be found again after edits.

    Args:
        doc: the document.
        place: an anchor id (``p-29``, ``s-2-4``, ``actie-...``); None for the top.

    Returns:
        The anchor, and the section title to name a bookmark by.

    Raises:
        NotesAnchorError: the document has no such place, or no text.
    """
    blocks = doc.blocks
    if place is None:
        first = 0
    else:
        node = doc.node(place)
        index = next((i for i, block in enumerate(blocks) if block.anchor == place), None)
        if node is not None and node.kind != "document":
            first = node.first
        elif index is not None:
            first = index
        else:
            raise NotesAnchorError(message("notes.no_place", doc=doc.id, place=place))
    index = next((i for i in range(first, len(blocks)) if blocks[i].text), None)
    if index is None:
        raise NotesAnchorError(message("notes.no_text_at", doc=doc.id, place=place))
    block = blocks[index]
    exact = block.text[:BOOKMARK_QUOTE]
    if len(block.text) > BOOKMARK_QUOTE and " " in exact[SHORT_QUOTE:]:
        exact = exact[: exact.rindex(" ")]
    anchor = anchor_range(doc, block.start, block.start + len(exact))
    node = doc.node(place) if place else None
    if node is not None and node.kind != "document":
        name = node.title
    elif block.kind == "heading" and place is not None:
        name = block.text
    else:
        name = section_title_at(doc, block.start)
    if place is not None:
        anchor = TextAnchor(
            anchor.doc_id,
            anchor.doc_version,
            anchor.doc_hash,
            anchor.text_hash,
            anchor.quote,
            anchor.position,
            place,
        )
    return anchor, name


def action_target(doc: Document, action_id: str) -> ActionTarget:
    """What an annotation of ``action_id`` records about the action.

    Raises:
        NotesAnchorError: the document has no action or sub-action with that id.
    """
    node = doc.node(action_id)
    if node is None or node.kind not in ACTION_KINDS:
        raise NotesAnchorError(message("notes.no_such_action", doc=doc.id, action=action_id))
    return ActionTarget(
        doc_id=doc.id,
        action_id=action_id,
        doc_version=doc.meta.version,
        doc_hash=doc.source_hash,
        title=node.title,
        text=doc.text(node),
    )


def locate(text: str, anchor: TextAnchor) -> TextPositionSelector | None:
    """Where an anchor's quote is in ``text`` now, using exact matches only.

    The position is trusted when the quote still stands there; otherwise the
    quote is searched and an occurrence accepted only if it is the only one,
    or the only one whose prefix and suffix also match. Anything less
    certain returns None and is left to re-anchoring (issue 5).

    Args:
        text: the document's current plain text.
        anchor: a stored anchor.
    """
    quote, position = anchor.quote, anchor.position
    if text[position.start : position.end] == quote.exact and quote.exact:
        return position
    found = find_quote(text, quote.exact)
    if len(found) > 1:
        found = [
            at
            for at in found
            if text.endswith(quote.prefix, 0, at)
            and text.startswith(quote.suffix, at + len(quote.exact))
        ]
    if len(found) != 1:
        return None
    return TextPositionSelector(found[0], found[0] + len(quote.exact))


def reading_position(doc: Document, offset: int) -> ReadingPosition:
    """A reading position at ``offset`` in ``doc`` (``modified`` is set on save)."""
    offset = max(0, min(offset, len(doc.plain_text)))
    return ReadingPosition(
        doc_id=doc.id,
        offset=offset,
        place=place_at(doc, offset),
        doc_version=doc.meta.version,
        doc_hash=doc.source_hash,
        modified="",
        text_hash=text_hash(doc.plain_text),
    )
