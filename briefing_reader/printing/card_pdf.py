"""The debate card as a PDF that fits: one page, two at most (Qt).

The card is composed at the limits of :func:`~.card.card_levels` in turn
and laid out for the paper: the first that fits one page among the first
few wins; else the fullest that fits two pages, which the card then says.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QPageSize

from briefing_reader.printing.card import CardLimits, card_levels, compose_card
from briefing_reader.printing.composing import Composition
from briefing_reader.printing.painting import pdf_bytes
from briefing_reader.printing.request import output_target, save_output

if TYPE_CHECKING:
    from briefing_reader.core.content import Document, Library
    from briefing_reader.core.notes.store import NotesStore

#: Cut down this far at most to keep the card on one page; past it, two pages.
ONE_PAGE_LEVELS = 3


def fitted_card(
    library: Library,
    store: NotesStore | None,
    docs: list[Document],
    *,
    today: dt.date | None = None,
    language: str = "nl",
    page_size: QPageSize | None = None,
) -> tuple[Composition, bytes, int]:
    """The card that fits, its PDF and page count (1 or 2)."""

    def make(limits: CardLimits, pages: int) -> Composition:
        return compose_card(
            library, store, docs, today=today, language=language, limits=limits, pages=pages
        )

    two_pages: CardLimits | None = None
    levels = card_levels()
    for index, limits in enumerate(levels):
        composition = make(limits, 1)
        data, pages = pdf_bytes(composition, page_size)
        if pages == 1:
            return composition, data, 1
        if pages == 2 and two_pages is None:
            two_pages = limits
        if index + 1 >= ONE_PAGE_LEVELS and two_pages is not None:
            break
    composition = make(two_pages or levels[-1], 2)
    data, pages = pdf_bytes(composition, page_size)
    return composition, data, pages


def write_card(
    library: Library,
    store: NotesStore | None,
    docs: list[Document],
    path: Path | str,
    *,
    language: str = "nl",
    page_size: QPageSize | None = None,
) -> int:
    """Write the card as a PDF, atomically; returns its page count.

    Raises:
        PrintError: the folder does not exist or the file cannot be written.
    """
    path = output_target(path)
    _composition, data, pages = fitted_card(
        library, store, docs, language=language, page_size=page_size
    )
    save_output(path, data)
    return pages
