"""Documents: loading, front matter, markdown to HTML, plain text and outline."""

from briefing_reader.core.content.errors import ContentError
from briefing_reader.core.content.library import Library, load_library
from briefing_reader.core.content.model import Block, Document, Meta, OutlineNode
from briefing_reader.core.content.parse import load_document, meta_summary, parse_document

__all__ = [
    "Block",
    "ContentError",
    "Document",
    "Library",
    "Meta",
    "OutlineNode",
    "load_document",
    "load_library",
    "meta_summary",
    "parse_document",
]
