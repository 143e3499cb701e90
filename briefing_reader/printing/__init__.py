"""Printing: excerpts with citations, the debate-preparation pack, PDF export.

:mod:`request`, :mod:`composing` and :mod:`citecopy` use no Qt;
:mod:`layout` and :mod:`painting` lay out and paint with QTextDocument,
QPainter and QPdfWriter (no widgets). Typical use::

    composition = compose(library, store, PrintRequest.node("kst-32824-456", "s-1-3"))
    write_pdf(composition, "uittreksel.pdf")    # or render(composition, printer)

Names are imported on first use, so importing this package loads no Qt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing_reader.printing.citecopy import copy_with_citation
    from briefing_reader.printing.composing import Composition, compose
    from briefing_reader.printing.layout import default_page_size, page_layout
    from briefing_reader.printing.painting import pdf_bytes, render, write_pdf
    from briefing_reader.printing.request import (
        Excerpt,
        PrintError,
        PrintRequest,
        parse_address,
        resolve_actions,
    )

_WHERE = {
    "copy_with_citation": "citecopy",
    "Composition": "composing",
    "compose": "composing",
    "default_page_size": "layout",
    "page_layout": "layout",
    "pdf_bytes": "painting",
    "render": "painting",
    "write_pdf": "painting",
    "Excerpt": "request",
    "PrintError": "request",
    "PrintRequest": "request",
    "parse_address": "request",
    "resolve_actions": "request",
}

__all__ = [
    "Composition",
    "Excerpt",
    "PrintError",
    "PrintRequest",
    "compose",
    "copy_with_citation",
    "default_page_size",
    "page_layout",
    "parse_address",
    "pdf_bytes",
    "render",
    "resolve_actions",
    "write_pdf",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(name)
    from importlib import import_module

    return getattr(import_module(f"briefing_reader.printing.{module}"), name)
