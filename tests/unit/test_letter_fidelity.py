"""Fidelity of the bundled letter content/kst-32824-456.md to its source export.

The test deliberately uses markdown-it-py and mdit-py-plugins directly (no
project code), so it checks the content file on its own:

* every word of the letter body in the source export appears in the rendered
  markdown, in order, with nothing added or dropped;
* the 22 footnote markers sit exactly where the letter puts them, the 20 note
  texts of the export are the definitions of notes 1-19 and 21, notes 20 and
  22 are marked as missing;
* the agreed ids (sections, pillars, motions, actions, sub-actions) exist;
* the finance table holds the printed values;
* the front matter is valid YAML with the documented keys.
"""

from __future__ import annotations

import datetime
import re
from functools import cache
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_block_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

CONTENT = Path(__file__).parents[2] / "content"
MD_PATH = CONTENT / "kst-32824-456.md"
SRC_PATH = CONTENT / "sources" / "kst-32824-456.txt"

MISSING_TEXT = "Tekst ontbreekt in de bron."
NOTE_END = "\u21a9\ufe0e"  # "↩︎" ending every note text of the export
BOX_MARKER_LINES = {"Acties", "|", "---|"}
INLINE_BOX_PREFIX = "Acties \u2022 "  # "Acties • " (section 1.2)

# The 22 footnote markers of the body: (left context, number, right context).
# The marker is the bare number between the two contexts ("\n" = line end).
MARKERS = [
    ("een belangrijke rol.", "1", " Inburgering"),
    ("recent onderzoek", "2", " zien dat"),
    ("Antisemitisme van 2015.", "3", "\nMet dit onderzoek"),
    ("op 4 (substantieel).", "4", " Dit komt"),
    ("onderzoek van de AIVD", "5", " blijkt dat"),
    ("Raad van de Kinderbescherming", "6", ", diverse"),
    ("groepen in onze samenleving.", "7", " Dat is onacceptabel"),
    ("van Nederland te bevorderen.", "8", " Zoals toegelicht"),
    ("om heeft verzocht", "9", ". Momenteel"),
    ("worden van dit meldpunt. ", "10", "\nNaast het meldpunt"),
    ("begin 2025 een adviesrapport", "11", " opgeleverd"),
    ("veiligheidsbeleving lhbtiq+ personen", "12", " worden hierin"),
    ("vanuit BZK zijn aangekondigd", "13", ". Hierbij"),
    ("door het ministerie van BZK", "14", ", is het traject"),
    ("motie Diederik van Dijk c.s. ", "15", " een bezoek"),
    ("In het kader van het NPVHE", "16", " is in opdracht"),
    ("aanleiding van de motie Flach", "17", " wordt gekeken"),
    ("Inclusieve Arbeidsmarkt (VIA) ", "18", " Deze werkagenda"),
    ("partners uit de Taskforce VIA", "19", " en bestaat"),
    ("verdient minder dan een uitkering.", "20", "\nExperimenten betaald werk"),
    ("rapport over gepubliceerd.", "21", " Hier moet"),
    ("uit onderzoek van de HAN", "22", "\ndat vrouwelijke"),
]
NOTES_WITH_TEXT = [str(n) for n in range(1, 20)] + ["21"]
MISSING_NOTES = ["20", "22"]
# Words of the body with digits glued to letters that are NOT footnote markers.
GLUED_DIGITS_NOT_MARKERS = {"(Q2).", "(Q3).", "Q3", "nr.45"}

EXPECTED_ACTIONS = [
    "actie-verandering-van-binnenuit",
    "actie-versterken-ketenaanpak",
    "actie-financiele-zelfbeschikking",
    "actie-tegengaan-discriminatie-en-verdiepend-onderzoek-triggerfactoren",
    "actie-kennisontwikkeling-en-kennisdeling",
    "actie-professionaliseren-van-gemeenten-en-versterken-regionale-samenwerking",
    "actie-ontwikkeling-van-effectieve-interventies-op-radicalisering",
    "actie-ontwikkelen-en-faciliteren-van-bewustwordingscampagnes",
    "actie-problematisch-gedrag",
    "actie-imamopleiding",
    "actie-versterken-van-de-lokale-aanpak-op-polarisatie-en-maatschappelijke-spanningen",
    "actie-stimuleren-van-dialoog-en-samenwerking",
    "actie-maatschappelijke-spanningen",
    "actie-verbeteren-regelgeving-versterkte-gebedsoproep",
    "actie-asielzoekers-aan-het-werk",
    "actie-startbanen",
    "actie-de-begeleiding-naar-werk-van-vrouwelijke-statushouders",
    "actie-taaleis-in-de-bijstand",
    "actie-ondersteunen-van-werkgevers",
    "actie-gelijke-kansen-op-de-arbeidsmarkt",
]

# Sub-actions inside a box: id -> (parent action id, printed title).
EXPECTED_SUBACTIONS_IN_BOX = {
    "actie-asielzoekers-vroege-start": ("actie-asielzoekers-aan-het-werk", "Vroege start"),
    "actie-asielzoekers-belemmeringen-wegnemen": (
        "actie-asielzoekers-aan-het-werk",
        "Belemmeringen wegnemen",
    ),
    "actie-asielzoekers-eerste-verkenning": (
        "actie-asielzoekers-aan-het-werk",
        "Eerste verkenning",
    ),
    "actie-asielzoekers-vervolgaanpak": ("actie-asielzoekers-aan-het-werk", "Vervolgaanpak"),
    "actie-startbanen-proeven-in-gemeenten": (
        "actie-startbanen",
        "Proeven met startbanen in gemeenten",
    ),
    "actie-startbanen-combineren-taal-en-werk": ("actie-startbanen", "Combineren taal en werk"),
    "actie-startbanen-experimenten-betaald-werk-en-inburgering": (
        "actie-startbanen",
        "Experimenten betaald werk en inburgering",
    ),
    "actie-vrouwelijke-statushouders-aan-het-werk": (
        "actie-de-begeleiding-naar-werk-van-vrouwelijke-statushouders",
        "Vrouwelijke statushouders aan het werk",
    ),
    "actie-vrouwelijke-statushouders-klantmanagers-zijn-aan-zet": (
        "actie-de-begeleiding-naar-werk-van-vrouwelijke-statushouders",
        "Klantmanagers zijn aan zet",
    ),
    "actie-werkgevers-subsidieregeling": ("actie-ondersteunen-van-werkgevers", "Subsidieregeling"),
    "actie-werkgevers-meer-werkgevers-bereiken": (
        "actie-ondersteunen-van-werkgevers",
        "Meer werkgevers bereiken",
    ),
    "actie-werkgevers-tekortsectoren": ("actie-ondersteunen-van-werkgevers", "Tekortsectoren"),
    "actie-gelijke-kansen-het-mkb": ("actie-gelijke-kansen-op-de-arbeidsmarkt", "Het mkb"),
    "actie-ketenaanpak-schadelijke-praktijken": (
        "actie-versterken-ketenaanpak",
        "Versterken ketenaanpak schadelijke praktijken",
    ),
    "actie-ketenaanpak-interdepartementale-samenwerking": (
        "actie-versterken-ketenaanpak",
        "Interdepartementale samenwerking bij de ketenaanpak (preventie- zorg en opvang- "
        "strafrecht) van schadelijke praktijken",
    ),
    "actie-imamopleiding-evaluatie-eerdere-poging": (
        "actie-imamopleiding",
        "Evaluatie eerdere poging",
    ),
    "actie-imamopleiding-planning": ("actie-imamopleiding", "Planning"),
    "actie-dialoog-nationale-dialoog": (
        "actie-stimuleren-van-dialoog-en-samenwerking",
        "Nationale dialoog",
    ),
}
# The four bulleted plans of section 1.4: untitled, outside any box.
EXPECTED_SUBACTIONS_OUTSIDE = {
    "actie-statelijke-inmenging-regionale-sessies": "Het organiseren van regionale sessies",
    "actie-statelijke-inmenging-gesprekken-met-gemeenschappen": (
        "Het organiseren en faciliteren van gesprekken"
    ),
    "actie-statelijke-inmenging-praktische-handreiking": (
        "Het ontwikkelen van een praktische handreiking"
    ),
    "actie-statelijke-inmenging-toolkit-professionals": "Het (door)ontwikkelen van een toolkit",
}

FINANCE_TABLE = [
    ["", "2025", "2026", "2027", "2028", "2029", "2030", "Struc."],
    ["Actieagenda Integratie", "5,0", "10,6", "11,9", "11,7", "9,2", "0", ""],
    ["Startbanen (2.2)", "1,3", "0", "", "", "", "", ""],
    ["Taaleis (2.4)*", "0", "0", "3,7", "10,6", "17,4", "22", "17,4"],
    ["Totaal", "5", "11,6", "15,6", "22,3", "26,6", "22", "17,4"],
]


# --------------------------------------------------------------------------
# helpers


def _parser() -> MarkdownIt:
    return (
        MarkdownIt("commonmark", {"html": False})
        .use(front_matter_plugin)
        .use(footnote_plugin)
        .use(attrs_block_plugin)
        .use(container_plugin, name="actie")
        .use(container_plugin, name="deelactie")
        .enable("table")
    )


@cache
def _tokens_of(text: str):
    return _parser().parse(text)


def _md_tokens():
    return _tokens_of(MD_PATH.read_text(encoding="utf-8"))


@cache
def _source_lines() -> tuple[str, ...]:
    return tuple(SRC_PATH.read_text(encoding="utf-8").split("\n"))


def _body_range() -> tuple[int, int]:
    """Indices (start, end exclusive) of the letter body: from the dossier line to the signature."""
    lines = _source_lines()
    start = lines.index("32824 Integratiebeleid")
    assert start == 13, "the body starts at line 14 of the export"
    end = lines.index("J.N.J. Nobel", start) + 1
    return start, end


def _source_body_text() -> str:
    """The body as text: box marker lines dropped, table pipes turned into spaces."""
    start, end = _body_range()
    kept = []
    pipe_lines = 0
    for line in _source_lines()[start:end]:
        if line in BOX_MARKER_LINES or re.fullmatch(r"(---\|)+", line):
            continue
        if line.startswith(INLINE_BOX_PREFIX):
            line = line[len(INLINE_BOX_PREFIX) :]
            assert line.endswith(" |")
            line = line[: -len(" |")]
        if "|" in line:  # only the rows of the finance table
            pipe_lines += 1
            line = line.replace("|", " ")
        kept.append(line)
    assert pipe_lines == 5, "expected the header and 4 data rows of the finance table"
    return "\n".join(kept)


def _source_body_words(markers: str) -> list[str]:
    """Body words; markers 'drop' removes the 22 marker digits, 'ref' writes them as [^N]."""
    text = _source_body_text()
    for left, number, right in MARKERS:
        needle = left + number + right
        assert text.count(needle) == 1, f"marker {number} not found exactly once: {needle!r}"
        replacement = f"[^{number}]" if markers == "ref" else ""
        text = text.replace(needle, left + replacement + right)
    return text.split()


PLAIN_MARKUP = {"link_open", "link_close", "em_open", "em_close", "strong_open", "strong_close"}


def _inline_text(token, refs: str) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "footnote_ref":
            if refs == "ref":
                parts.append(f"[^{child.meta['label']}]")
        elif child.type in PLAIN_MARKUP:
            continue
        else:  # anything else would be markup the letter does not have
            raise AssertionError(f"unexpected inline token {child.type} in {token.content!r}")
    return "".join(parts)


def _body_tokens(tokens):
    for tok in tokens:
        if tok.type == "footnote_block_open":
            return
        yield tok


def _rendered_body_words(tokens, refs: str) -> list[str]:
    blocks = []
    for tok in _body_tokens(tokens):
        if tok.type == "container_deelactie_open" and tok.attrs.get("title"):
            blocks.append(str(tok.attrs["title"]))
        elif tok.type == "inline":
            blocks.append(_inline_text(tok, refs))
        elif tok.type in ("html_block", "code_block", "fence"):
            raise AssertionError(f"unexpected {tok.type}: {tok.content!r}")
    return " ".join(blocks).split()


def _footnote_definitions(tokens) -> list[tuple[str, str]]:
    defs = []
    label = None
    parts: list[str] = []
    for tok in tokens:
        if tok.type == "footnote_open":
            label, parts = tok.meta["label"], []
        elif tok.type == "inline" and label is not None:
            parts.append(_inline_text(tok, "drop"))
        elif tok.type == "footnote_close":
            defs.append((label, " ".join(parts).strip()))
            label = None
    return defs


def _source_note_texts() -> list[str]:
    _, end = _body_range()
    texts, buf = [], []
    for line in _source_lines()[end:]:
        if not line.strip():
            continue
        buf.append(line)
        if line.endswith(NOTE_END):
            texts.append(" ".join(buf)[: -len(NOTE_END)])
            buf = []
    assert not buf, "trailing note text without its end mark"
    return texts


def _first_difference(a: list[str], b: list[str]) -> str:
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            lo = max(0, i - 5)
            return f"word {i}: source {a[lo : i + 5]} vs markdown {b[lo : i + 5]}"
    return (
        f"lengths differ: source {len(a)} words, markdown {len(b)} words; "
        f"extra source {a[len(b) :][:10]}, extra markdown {b[len(a) :][:10]}"
    )


def _front_matter() -> dict:
    tok = next(t for t in _md_tokens() if t.type == "front_matter")
    data = yaml.safe_load(tok.content)
    assert isinstance(data, dict)
    return data


# --------------------------------------------------------------------------
# fidelity


def test_body_words_equal_source_words():
    expected = _source_body_words("drop")
    actual = _rendered_body_words(_md_tokens(), "drop")
    assert expected == actual, _first_difference(expected, actual)


def test_footnote_markers_sit_where_the_letter_puts_them():
    expected = _source_body_words("ref")
    actual = _rendered_body_words(_md_tokens(), "ref")
    assert expected == actual, _first_difference(expected, actual)


def test_no_other_glued_digits_look_like_markers():
    suspicious = {w for w in _source_body_words("drop") if re.search(r"[A-Za-z)][.,)]*\d", w)}
    assert suspicious == GLUED_DIGITS_NOT_MARKERS


def test_source_has_twenty_note_texts():
    assert len(_source_note_texts()) == 20


def test_note_texts_are_the_definitions_of_their_notes():
    defs = dict(_footnote_definitions(_md_tokens()))
    for label, text in zip(NOTES_WITH_TEXT, _source_note_texts(), strict=True):
        assert defs[label] == text, f"note {label}"


def test_notes_match_their_context():
    defs = dict(_footnote_definitions(_md_tokens()))
    assert defs["8"] == "Kamerstuk 32 824, nr. 450"
    assert defs["2"] == defs["12"] and "CBS" in defs["2"]
    assert defs["1"].startswith("Adviesraad Migratie, 2025")
    assert defs["21"].startswith("Adviesraad Migratie,2025")
    assert defs["11"].startswith("ADVIESRAPPORT") and "imamopleiding" in defs["11"]
    assert defs["19"].startswith("De Taskforce VIA")


def test_missing_notes_are_marked_missing():
    defs = dict(_footnote_definitions(_md_tokens()))
    for label in MISSING_NOTES:
        assert defs[label] == MISSING_TEXT
    assert _front_matter()["missing_footnotes"] == MISSING_NOTES


# --------------------------------------------------------------------------
# structure


def test_footnote_references_once_each_in_order():
    labels = [
        child.meta["label"]
        for tok in _body_tokens(_md_tokens())
        if tok.type == "inline"
        for child in tok.children or []
        if child.type == "footnote_ref"
    ]
    assert labels == [str(n) for n in range(1, 23)]


def test_footnote_definitions_for_all_22():
    labels = [label for label, _ in _footnote_definitions(_md_tokens())]
    assert sorted(labels, key=int) == [str(n) for n in range(1, 23)]
    assert len(labels) == len(set(labels))


def _containers(tokens):
    """(kind, id, title, enclosing action id) for every container, in order."""
    found = []
    stack: list[str | None] = []
    for tok in tokens:
        if tok.type == "container_actie_open":
            found.append(("actie", tok.attrs.get("id"), tok.attrs.get("title"), None))
            stack.append(tok.attrs.get("id"))
        elif tok.type == "container_actie_close":
            stack.pop()
        elif tok.type == "container_deelactie_open":
            parent = stack[-1] if stack else None
            found.append(("deelactie", tok.attrs.get("id"), tok.attrs.get("title"), parent))
    assert not stack
    return found


def test_twenty_actions_with_expected_ids():
    actions = [c[1] for c in _containers(_md_tokens()) if c[0] == "actie"]
    assert len(actions) == 20
    assert all(isinstance(a, str) and a.startswith("actie-") for a in actions)
    assert len(set(actions)) == 20
    assert actions == EXPECTED_ACTIONS


def test_subactions():
    subs = [c for c in _containers(_md_tokens()) if c[0] == "deelactie"]
    ids = [c[1] for c in subs]
    assert all(isinstance(i, str) and i.startswith("actie-") for i in ids)
    assert len(ids) == len(set(ids))
    assert not set(ids) & set(EXPECTED_ACTIONS)
    by_id = {c[1]: c for c in subs}
    for sid, (parent, title) in EXPECTED_SUBACTIONS_IN_BOX.items():
        assert sid in by_id, sid
        assert by_id[sid][2] == title, sid
        assert by_id[sid][3] == parent, sid
    outside = {c[1] for c in subs if c[3] is None}
    assert outside == set(EXPECTED_SUBACTIONS_OUTSIDE)
    for sid in EXPECTED_SUBACTIONS_OUTSIDE:
        assert by_id[sid][2] is None, sid


def test_outside_subactions_hold_their_plan():
    tokens = _md_tokens()
    for i, tok in enumerate(tokens):
        sid = tok.attrs.get("id") if tok.type == "container_deelactie_open" else None
        if sid in EXPECTED_SUBACTIONS_OUTSIDE:
            first_inline = next(t for t in tokens[i:] if t.type == "inline")
            assert first_inline.content.startswith(EXPECTED_SUBACTIONS_OUTSIDE[sid])


def test_subaction_titles_are_not_repeated_as_text():
    tokens = _md_tokens()
    titles = {str(c[2]) for c in _containers(tokens) if c[0] == "deelactie" and c[2]}
    texts = {_inline_text(t, "drop").strip() for t in _body_tokens(tokens) if t.type == "inline"}
    assert not titles & texts


def _headings(tokens) -> dict[str, tuple[int, str, str]]:
    out = {}
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            hid = tok.attrs.get("id")
            assert hid, f"heading without id: {tokens[i + 1].content!r}"
            assert hid not in out, hid
            out[hid] = (int(tok.tag[1]), tokens[i + 1].content, str(tok.attrs.get("class", "")))
    return out


@pytest.mark.parametrize(
    "hid, level, prefix",
    [(f"s-1-{n}", 2, f"1.{n} ") for n in range(1, 9)]
    + [(f"s-2-{n}", 2, f"2.{n} ") for n in range(1, 7)]
    + [
        ("s-3", 1, "3. Financiën"),
        ("s-4", 1, "4. Moties"),
        ("pijler-1", 1, "Pijler 1 De normen en waarden van onze open en vrije samenleving"),
        ("pijler-2", 1, "Pijler 2 Nieuwkomers aan het werk"),
        ("eerste-uitwerking", 1, "Eerste uitwerking Actieagenda"),
        ("motie-van-dijk", 3, "Motie-Van Dijk, Kamerstuk 36 651, nr. 26"),
        ("motie-becker", 3, "Motie-Becker, Kamerstuk 35 228, nr.45"),
        ("motie-ceder", 3, "Motie Ceder Kamerstuk 36 600 XV, nr. 82"),
        ("t-verandering-van-binnenuit", 3, "Verandering van binnenuit"),
        ("t-statelijke-inmenging", 3, "Statelijke inmenging"),
        ("t-maatschappelijke-spanningen", 3, "Maatschappelijke spanningen"),
        # The pillar's list of topics puts it between 1.6 and 1.7: an
        # unnumbered section, keeping the id it had as a theme of 1.6.
        ("t-burgerschap", 2, "Burgerschap"),
    ],
)
def test_heading(hid, level, prefix):
    headings = _headings(_md_tokens())
    assert hid in headings
    assert headings[hid][0] == level
    assert headings[hid][1].startswith(prefix)
    assert ("pillar" in headings[hid][2].split()) == hid.startswith("pijler-")


def test_theme_ids_are_slugs_of_their_titles():
    import unicodedata

    def slug(s: str) -> str:
        s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
        return re.sub(r"[^a-z0-9]+", "-", s).strip("-")

    for hid, (level, title, _) in _headings(_md_tokens()).items():
        if hid.startswith("t-"):
            assert level == (2 if hid == "t-burgerschap" else 3)
            assert hid == "t-" + slug(title)


def test_opening_and_signature_ids():
    tokens = _md_tokens()
    by_id = {t.attrs.get("id"): i for i, t in enumerate(tokens) if t.attrs.get("id")}
    assert tokens[by_id["opening"] + 1].content == "32824 Integratiebeleid"
    sig = tokens[by_id["ondertekening"] + 1]
    assert [c.type for c in sig.children] == ["text", "hardbreak", "text"]
    assert sig.children[0].content == "De staatssecretaris van Sociale Zaken en Werkgelegenheid,"
    assert sig.children[2].content == "J.N.J. Nobel"


def test_all_ids_unique():
    ids = [t.attrs["id"] for t in _md_tokens() if t.attrs.get("id")]
    assert len(ids) == len(set(ids))


def test_finance_table():
    tokens = _md_tokens()
    tables = [i for i, t in enumerate(tokens) if t.type == "table_open"]
    assert len(tables) == 1
    rows, row = [], None
    for tok in tokens[tables[0] :]:
        if tok.type == "tr_open":
            row = []
        elif tok.type == "inline" and row is not None:
            row.append(_inline_text(tok, "drop"))
        elif tok.type == "tr_close":
            rows.append(row)
            row = None
        elif tok.type == "table_close":
            break
    assert rows == FINANCE_TABLE
    # and the values are those of the export, in order (header row + 4 data rows)
    lines = list(_source_lines())
    top = next(i for i, ln in enumerate(lines) if ln.startswith("2025 | 2026 |"))
    src_rows = [lines[top], *lines[top + 2 : top + 6]]
    assert re.fullmatch(r"(---\|)+", lines[top + 1])
    src_cells = [[c.strip() for c in ln.split("|") if c.strip()] for ln in src_rows]
    assert src_cells == [[c for c in r if c] for r in FINANCE_TABLE]


# --------------------------------------------------------------------------
# front matter


def test_front_matter():
    fm = _front_matter()
    assert fm["id"] == "kst-32824-456"
    assert fm["kind"] == "kamerbrief"
    assert fm["official"] is True
    assert fm["title"] == "Voortgang Actieagenda Integratie en de Open en Vrije Samenleving"
    assert fm["title"] == _source_lines()[0]
    assert fm["dossier"] == {"number": "32 824", "title": "Integratiebeleid"}
    assert fm["volgnummer"] == 456
    assert fm["document_number"] == "2025D32403"
    assert fm["date"] == datetime.date(2025, 7, 4)
    assert fm["parliamentary_year"] == "2024/25"
    assert fm["version"] == 2
    assert fm["updated"] == datetime.date(2025, 7, 15)
    role = "staatssecretaris van Sociale Zaken en Werkgelegenheid"
    assert fm["signatory"] == {"name": "J.N.J. Nobel", "role": role}
    assert fm["committee"] == "vaste commissie voor Sociale Zaken en Werkgelegenheid"
    zaak = fm["zaak"]
    assert zaak["number"] == "2025Z14268"
    assert zaak["indiener"] == {"name": "J.N.J. Nobel", "role": role}
    assert zaak["activities"] == [
        {
            "date": datetime.date(2025, 9, 2),
            "time": "15:00",
            "kind": "Regeling van werkzaamheden",
            "subject": "Regeling van werkzaamheden",
            "body": "Tweede Kamer",
        },
        {
            "date": datetime.date(2025, 9, 9),
            "time": "16:30",
            "kind": "Procedurevergadering",
            "subject": "Procedures en brieven SZW",
            "body": "vaste commissie voor Sociale Zaken en Werkgelegenheid",
        },
    ]
    assert fm["missing_footnotes"] == ["20", "22"]
    assert fm["provenance"]["source"] == "sources/kst-32824-456.txt"
    assert (CONTENT / fm["provenance"]["source"]).is_file()
    description = fm["provenance"]["description"]
    assert isinstance(description, str) and description.strip()


def test_header_lines_are_not_body_text():
    words = _rendered_body_words(_md_tokens(), "drop")
    text = " ".join(words)
    for header_only in ("Brief regering", "Voortouwcommissie", "Preview document", "bijgewerkt:"):
        assert header_only not in text
