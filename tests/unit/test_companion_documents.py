"""Our companion documents against the letter: every place they name holds the
term, and every fact the letter does not give says where it comes from."""

from __future__ import annotations

import re

import pytest

from briefing_reader import paths
from briefing_reader.core.commitments.register import load_glossary
from briefing_reader.core.content import Document, Library
from briefing_reader.session import open_library

LETTER = "kst-32824-456"
_LINK = re.compile(r'href="doc:kst-32824-456#([^"]+)"')


@pytest.fixture(scope="module")
def library() -> Library:
    return open_library(paths.resolve())


def _place_text(letter: Document, anchor: str) -> str:
    """The text at a place of the letter, with the footnotes its markers point to."""
    node = letter.node(anchor)
    if node is not None:
        blocks = letter.blocks[node.first : node.stop]
    elif anchor == "opening":  # the text before the first heading
        first = next(i for i, b in enumerate(letter.blocks) if b.kind == "heading")
        blocks = letter.blocks[:first]
    else:
        blocks = [b for b in letter.blocks if b.anchor == anchor]
    assert blocks, anchor
    labels = [b.text[s:e] for b in blocks for s, e in b.markers]
    return "\n".join([b.text for b in blocks] + [letter.footnotes.get(x, "") for x in labels])


def test_every_place_the_glossary_names_holds_the_term(library: Library) -> None:
    letter, glossary = library.get(LETTER), library.get("begrippen")
    assert letter is not None and glossary is not None
    checked = 0
    for entry in load_glossary(glossary):
        node = glossary.node(entry.id)
        assert node is not None
        where = "".join(
            b.html
            for b in glossary.blocks[node.first : node.stop]
            if b.text.startswith("Komt voor in")
        )
        names = {n.lower() for n in entry.names} | {
            n.lower().removeprefix("ministerie van ") for n in entry.names
        }
        for anchor in _LINK.findall(where):
            text = _place_text(letter, anchor).lower()
            assert any(name in text for name in names), (entry.term, anchor)
            checked += 1
    assert checked > 100


def test_glossary_corrections(library: Library) -> None:
    letter, glossary = library.get(LETTER), library.get("begrippen")
    assert letter is not None and glossary is not None
    entries = {e.term: e for e in load_glossary(glossary)}
    assert "Contactorgaan Moslims en Overheid" in entries["CMO"].names
    assert "Verbeteren Uitwisseling Matchingsgegevens" in entries["VUM"].names
    # NPVHE is written out in the body of 1.8; note 16 only gives a reference
    npvhe = glossary.text(glossary.node("afk-npvhe"))
    assert "Holocausteducatie (NPVHE)" in letter.text(letter.node("s-1-8"))
    assert "Holocausteducatie** (voetnoot 16)" not in npvhe
    assert "zo voluit in de tekst van 1.8" in npvhe
    # TK occurs only in the letter's metadata, shown in the dossier's activities
    tk = glossary.node("afk-tk")
    tk_html = "".join(b.html for b in glossary.blocks[tk.first : tk.stop])  # type: ignore[union-attr]
    assert "doc:kst-32824-456#opening" not in tk_html
    assert "doc:dossier-32824#activiteiten" in tk_html
    assert "TK" not in re.findall(r"\w+", letter.plain_text)


def test_dossier_says_where_facts_not_in_the_letter_come_from(library: Library) -> None:
    dossier, letter = library.get("dossier-32824"), library.get(LETTER)
    assert dossier is not None and letter is not None
    table = next(b for b in dossier.blocks if b.kind == "table")
    rows = [row.split("\t") for row in table.text.split("\n")]
    header, body = rows[0], {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert header[-1] == "Bron"
    assert "2025D05339" in body["448"]["Documentnummer"]
    assert "2025D05339" not in letter.plain_text and "nr. 448 zelf" in body["448"]["Bron"]
    assert "2025D15477" not in letter.plain_text and body["451"]["Bron"] == "nr. 451 zelf"
    for number in ("418", "450", "454", "456"):
        assert body[number]["Bron"].startswith("de brief")
    intro = dossier.blocks[0].text
    assert "met twee uitzonderingen" in intro and "nr. 451" in intro
