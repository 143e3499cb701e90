"""Copy with citation (Ctrl+Shift+C): the selected text and where it comes from (no Qt)."""

from __future__ import annotations

from html import escape

from briefing_reader.core.content import Document
from briefing_reader.core.content.citation import full_citation


def _selection(doc: Document, start: int, end: int) -> tuple[str, list[str]]:
    """The selected plain text with footnote markers as ``[N]``, and those labels."""
    pieces: list[str] = []
    labels: list[str] = []
    text = doc.plain_text
    at = start
    for block in doc.blocks:
        if not block.text or block.end <= start or block.start >= end:
            continue
        for lo, hi in block.markers:
            lo, hi = block.start + lo, block.start + hi
            if start <= lo and hi <= end:
                label = text[lo:hi]
                pieces += [text[at:lo], f"[{label}]"]
                at = hi
                if label not in labels:
                    labels.append(label)
    pieces.append(text[at:end])
    return "".join(pieces).strip(), labels


def copy_with_citation(doc: Document, start: int, end: int) -> tuple[str, str]:
    """``doc.plain_text[start:end]`` with its citation, as plain text and as HTML.

    The citation is the formal one with title and date, then the section
    path ("Kamerstukken II 2024/25, 32 824, nr. 456, <titel>, 4 juli 2025,
    Pijler 2 > 2.4 Taaleis in de bijstand"); footnotes marked in the
    selection follow it.

    Raises:
        ValueError: the range is empty or outside the text.
    """
    start, end = min(start, end), max(start, end)
    if not 0 <= start < end <= len(doc.plain_text):
        raise ValueError(
            f"the selection {start}-{end} is empty or outside the text of "
            f"'{doc.id}' (0-{len(doc.plain_text)})"
        )
    quote, labels = _selection(doc, start, end)
    from briefing_reader.core.notes.anchors import block_index_at

    node = doc.node_at_block(block_index_at(doc, start))
    source = full_citation(doc.meta)
    if node.kind != "document":
        source += f", {doc.section_path(node)}"
    notes = [f"[{label}] {doc.footnotes.get(label, '')}".rstrip() for label in labels]
    text = "\n".join([f"“{quote}”", f"({source})", *notes])
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in quote.split("\n"))
    html = f"<blockquote>{paragraphs}</blockquote><p><i>({escape(source)})</i></p>" + "".join(
        f"<p><small>{escape(note)}</small></p>" for note in notes
    )
    return text, html
