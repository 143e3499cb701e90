"""Parsing, rendering and error reporting of the content core, on small documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_reader.core.content import ContentError, load_document, load_library

HEAD = "---\nid: voorbeeld\nkind: kamerbrief\ntitle: Voorbeeld\n---\n"

SAMPLE = (
    HEAD
    + """
{#pijler-1 .pillar}
# Pijler 1 Normen

{#s-1-1}
## 1.1 Recht op zelfbeschikking

Tekst met rol.[^1] en meer.

{#t-verandering}
### Verandering van binnenuit

{#actie-verandering}
:::: actie
Ik wil ervoor zorgen. Dat is alles.

{#actie-verandering-vroeg title="Vroege start"}
::: deelactie
Een vroege start.
:::
::::

Na het kader.

{#s-3}
# 3. Financiën

| | 2025 |
|---|---|
| Totaal | 5 |

[^1]: Adviesraad Migratie, 2025.
"""
)


def write(tmp_path: Path, text: str, name: str = "doc.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_outline_kinds_and_nesting(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, SAMPLE))
    flat = [(n.id, n.kind) for n in doc.outline.walk()]
    assert flat == [
        ("voorbeeld", "document"),
        ("pijler-1", "pillar"),
        ("s-1-1", "section"),
        ("t-verandering", "theme"),
        ("actie-verandering", "action"),
        ("actie-verandering-vroeg", "subaction"),
        ("s-3", "section"),
        ("voetnoten", "section"),
    ]
    action = doc.node("actie-verandering")
    assert action is not None and action.title == "Verandering van binnenuit"
    assert doc.node("actie-verandering-vroeg").title == "Vroege start"  # type: ignore[union-attr]


def test_node_text_is_exactly_its_own_blocks(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, SAMPLE))
    action = doc.node("actie-verandering")
    assert doc.text(action) == (
        "Ik wil ervoor zorgen. Dat is alles.\nVroege start\nEen vroege start."
    )
    theme = doc.node("t-verandering")
    assert doc.text(theme).endswith("Na het kader.")
    assert "Financiën" not in doc.text(theme)


def test_block_offsets_index_the_plain_text(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, SAMPLE))
    plain = doc.plain_text
    for block in doc.blocks:
        if block.text:
            assert plain[block.start : block.end] == block.text


def test_section_path_reads_like_a_citation(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, SAMPLE))
    node = doc.node("actie-verandering-vroeg")
    assert doc.section_path(node) == (  # type: ignore[arg-type]
        "Pijler 1 > 1.1 Recht op zelfbeschikking > Verandering van binnenuit > Vroege start"
    )


def test_footnotes_link_both_ways(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, SAMPLE))
    assert doc.footnotes == {"1": "Adviesraad Migratie, 2025."}
    html = doc.html()
    assert 'href="#fn-1"' in html and 'name="fn-1"' in html
    para = next(b for b in doc.blocks if b.text.startswith("Tekst met"))
    assert para.text == "Tekst met rol.1 en meer."
    assert para.markers == [(14, 15)]


def test_table_keeps_values_and_empty_cells(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, SAMPLE))
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.text == "\t2025\nTotaal\t5"
    assert "<table" in table.html and "<th" in table.html


def test_raw_html_images_and_remote_links_load_nothing(tmp_path: Path) -> None:
    text = HEAD + (
        "Een <img src='http://example.org/x.png'> en <script>x</script>.\n\n"
        "![logo](https://example.org/logo.png) [site](https://example.org) "
        "[kwaad](javascript:alert(1)) [bestand](file:///etc/passwd)\n"
    )
    html = load_document(write(tmp_path, text)).html()
    assert "<img" not in html and "<script" not in html
    assert "&lt;img" in html  # raw HTML shows as text
    assert "[logo]" in html
    assert 'href="javascript' not in html and 'href="file' not in html  # left as text
    assert 'href="https://example.org"' in html  # kept, but opened only on confirmation


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("no front matter\n", 1, "no front matter"),
        ("---\nid: x\nkind: brief\n---\n", 1, "lacks 'title'"),
        ("---\nid: Bad Id\nkind: k\ntitle: t\n---\n", 2, "may only hold"),
        ("---\nid: x\nkind: k\ntitle: t\ndate: [\n---\n", None, "not valid YAML"),
        ("---\nid: x\nkind: k\ntitle: t\ndate: gisteren\n---\n", 5, "must be a date"),
        ("---\nid: x\nkind: k\ntitle: t\nmissing_footnotes: 5\n---\n", 5, "must be a list"),
        (HEAD + "\n{#a}\n# A\n\n{#a}\n# B\n", 11, "used twice"),
        (HEAD + "\n::: actie\ntekst\n:::\n", 7, "needs an id"),
        (HEAD + "\nEen voetnoot[^9] zonder tekst.\n", 7, "has no text"),
    ],
)
def test_broken_documents_name_file_line_and_reason(
    tmp_path: Path, text: str, line: int | None, reason: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ContentError) as info:
        load_document(path)
    assert info.value.path == path
    assert reason in info.value.reason
    if line is not None:
        assert info.value.line == line
    assert str(path) in str(info.value)


def test_undecodable_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(HEAD.encode() + b"\n\nCaf\xe9\n")
    with pytest.raises(ContentError, match="UTF-8") as info:
        load_document(path)
    assert info.value.line == 8


def test_a_broken_document_does_not_stop_the_others(tmp_path: Path) -> None:
    write(tmp_path, SAMPLE, "good.md")
    write(tmp_path, "kapot\n", "broken.md")
    library = load_library([(tmp_path, False)])
    assert [doc.id for doc in library] == ["voorbeeld"]
    assert [error.path.name for error in library.errors] == ["broken.md"]


def test_later_folder_replaces_a_document_with_the_same_id(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    write(first, SAMPLE, "x.md")
    write(second, SAMPLE.replace("title: Voorbeeld", "title: Nieuwer"), "y.md")
    library = load_library([(first, True), (second, False)])
    assert library.get("voorbeeld").title == "Nieuwer"  # type: ignore[union-attr]


def test_paragraph_attributes_are_kept_for_later_features(tmp_path: Path) -> None:
    text = HEAD + (
        '\n{.toezegging datum="2025-12-31"}\nIk stuur u voor het einde van het jaar een brief.\n'
    )
    block = next(b for b in load_document(write(tmp_path, text)).blocks if b.text)
    assert block.attrs == {"class": "toezegging", "datum": "2025-12-31"}
