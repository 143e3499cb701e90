"""Colours and the document style sheet for light and dark themes.

Qt's rich text understands a subset of CSS; everything here is within it.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QGuiApplication, QPalette

from briefing_reader.core.content import Document
from briefing_reader.core.content.citation import citation, dutch_date

_LIGHT = {
    "text": "#1b1b1b",
    "muted": "#5a5a5a",
    "box": "#eef2f7",
    "box_border": "#9fb3c8",
    "sub": "#ffffff",
    "label": "#154273",
    "link": "#0b57d0",
    "banner": "#fff4d6",
    "heading": "#154273",
    "grid": "#b0b0b0",
    "badge": "#a4410e",
    "action": "#2b6cb0",
}
_DARK = {
    "text": "#e6e6e6",
    "muted": "#a8a8a8",
    "box": "#1f2a36",
    "box_border": "#4d6680",
    "sub": "#161d25",
    "label": "#9cc3f0",
    "link": "#8ab4f8",
    "banner": "#3b3320",
    "heading": "#9cc3f0",
    "grid": "#5a5a5a",
    "badge": "#ffb27a",
    "action": "#8ab4f8",
}
# Text on the marks painted over the reader (highlights, hits, flagged cells),
# whose light backgrounds are the same in both themes.
MARK_TEXT = "#1b1b1b"
HIT_BACKGROUND = "#ffd8a8"


def is_dark() -> bool:
    palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def colours(dark: bool) -> dict[str, str]:
    return _DARK if dark else _LIGHT


def document_css(dark: bool) -> str:
    c = colours(dark)
    return f"""
body {{ color: {c["text"]}; }}
p, li {{ line-height: 145%; margin-top: 0px; margin-bottom: 10px; }}
h1 {{ font-size: x-large; color: {c["heading"]}; margin-bottom: 4px; }}
h2 {{ font-size: large; color: {c["heading"]}; margin-top: 28px; margin-bottom: 10px; }}
h3 {{ font-size: medium; color: {c["heading"]}; margin-top: 22px; margin-bottom: 8px; }}
h4, h5, h6 {{ font-size: medium; font-style: italic; margin-top: 16px; margin-bottom: 6px; }}
a {{ color: {c["link"]}; text-decoration: none; }}
a.fnref {{ font-weight: bold; }}
table.actie {{ background-color: {c["box"]}; border: 1px solid {c["box_border"]};
              margin-top: 6px; margin-bottom: 14px; }}
table.deelactie {{ background-color: {c["sub"]}; border: 1px solid {c["box_border"]};
                  margin-top: 4px; margin-bottom: 10px; }}
p.box-label {{ color: {c["label"]}; font-weight: bold; font-size: small;
               text-transform: uppercase; margin-bottom: 6px; }}
table.data {{ border-color: {c["grid"]}; border-style: solid; margin-bottom: 12px; }}
table.footnotes {{ font-size: small; }}
p.meta {{ color: {c["muted"]}; margin-bottom: 18px; }}
table.banner {{ background-color: {c["banner"]}; margin-bottom: 16px; }}
span.badge {{ color: {c["badge"]}; text-transform: none; }}
span.editorial {{ font-style: italic; color: {c["muted"]}; }}
span.image {{ color: {c["muted"]}; font-style: italic; }}
"""


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
