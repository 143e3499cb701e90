"""Colours and style sheets for light and dark themes.

The document's own style sheet and colours live in ``core.content.stylesheet``
(printing uses them too); they are named here as well for the window's code.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QGuiApplication, QPalette

from briefing_reader.core.content import Document
from briefing_reader.core.content.citation import citation, dutch_date
from briefing_reader.core.content.stylesheet import colours as colours
from briefing_reader.core.content.stylesheet import document_css as document_css

# Text on the marks painted over the reader (highlights, hits, flagged cells),
# whose light backgrounds are the same in both themes.
MARK_TEXT = "#1b1b1b"
HIT_BACKGROUND = "#ffd8a8"


def is_dark() -> bool:
    palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def results_css(dark: bool) -> str:
    """The search results: links in the theme's colour, matched words marked."""
    return (
        f"a {{ color: {colours(dark)['link']}; text-decoration: none; }} "
        f"b {{ background-color: {HIT_BACKGROUND}; color: {MARK_TEXT}; }}"
    )


def page_html(doc: Document, banner_text: str, badges: dict[str, str] | None = None) -> str:
    """The document's HTML with its title, citation line and, for documents
    we compiled ourselves, a banner saying so.

    ``badges`` maps an action or sub-action id to a short text (the member's
    stance) shown on its box, so annotated actions stand out while reading.
    """
    meta = doc.meta
    details = [
        part for part in (citation(meta), dutch_date(meta.date) if meta.date else None) if part
    ]
    head = f'<h1><a name="top"></a>{escape(meta.title)}</h1>'
    if details:
        head += f'<p class="meta">{escape(" · ".join(details))}</p>'
    if not meta.official:
        head += (
            f'<table class="banner" width="100%" cellpadding="8"><tr><td>'
            f"{escape(banner_text)}</td></tr></table>"
        )
    body = doc.html()
    for action_id, badge in (badges or {}).items():
        body = _add_badge(body, action_id, badge)
    return f"<html><body>{head}{body}</body></html>"


def _add_badge(html: str, action_id: str, badge: str) -> str:
    marker = f'<a name="{escape(action_id)}"></a>'
    text = f'<span class="badge"> ✎ {escape(badge)}</span>'
    labelled = f"{marker}Acties</p>"
    if labelled in html:
        return html.replace(labelled, f"{marker}Acties{text}</p>", 1)
    return html.replace(marker, f'{marker}<p class="box-label">{text}</p>', 1)
