"""Documents: loading, front matter, markdown to HTML, plain text and outline.

The markdown parser is imported only when a document has to be parsed
(``load_document``, a cache miss in ``load_library``): start-up with a warm
cache never pays for it (imported eagerly, it costs the first paint 7.7 MiB
and about 45 ms of CPU: ``benchmarks/startup.py --also``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing_reader.core.content.errors import ContentError
from briefing_reader.core.content.library import Library, load_library
from briefing_reader.core.content.model import Block, Document, Meta, OutlineNode

if TYPE_CHECKING:
    from briefing_reader.core.content.parse import load_document, parse_document

_LAZY = ("load_document", "parse_document")

__all__ = [
    "Block",
    "ContentError",
    "Document",
    "Library",
    "Meta",
    "OutlineNode",
    "load_document",
    "load_library",
    "parse_document",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from briefing_reader.core.content import parse

        return getattr(parse, name)
    raise AttributeError(name)
