"""The style sheet of a document's HTML, in light and dark colours.

Plain strings, no Qt: the reader (ui) and the printed page (printing) both
style the HTML of :mod:`.parse` with it. Qt's rich text understands a subset
of CSS; everything here is within it.
"""

from __future__ import annotations

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
