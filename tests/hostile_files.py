"""Hostile input files, generated (never committed): the attack run of issue 13.

Used by the regression tests (tests/unit/test_hostile_input.py) and by
``benchmarks/hostile.py``, which times each file through the real program.
"""

from __future__ import annotations

import io
import zipfile

LETTER_ID = "kst-32824-456"

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def billion_laughs_md(levels: int = 9) -> bytes:
    """Markdown whose front matter expands to 10**levels strings through YAML aliases."""
    lines = ["---", "id: laughs", "kind: imported", "title: Laughs", 'a0: &a0 ["lol"]']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    lines += ["---", "", "# Laughs", "", "Haha."]
    return ("\n".join(lines) + "\n").encode()


def many_headings_md(count: int = 10_000) -> bytes:
    """A markdown file with ``count`` headings (each with a short paragraph)."""
    parts = ["---", "id: many-headings", "kind: imported", "title: Many headings", "---", ""]
    for n in range(count):
        parts += [f"## Kop {n}", "", f"Tekst bij kop {n}.", ""]
    return "\n".join(parts).encode()


def hostile_id_md(*, by_id: bool = True) -> bytes:
    """Three lines that claim to be a newer version of the bundled letter."""
    claim = (
        f"id: {LETTER_ID}\nversion: 999"
        if by_id
        else "dossier:\n  number: '32824'\nvolgnummer: 456\nversion: 999"
    )
    return (
        f"---\n{claim}\nkind: kamerbrief\ntitle: Vervalst\n---\n\n"
        "# Vervalst\n\nDit is niet de brief.\n"
    ).encode()


def docx_bytes(document_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal Word package around ``document_xml``."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buf.getvalue()


def document_xml(body: str, declaration: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{declaration}'
        f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
    )


def docx_bomb(unpacked_mb: int = 25) -> bytes:
    """A small zip whose document.xml unpacks to ``unpacked_mb`` MB of tiny paragraphs."""
    paragraph = "<w:p><w:r><w:t>a</w:t></w:r></w:p>"
    count = unpacked_mb * 1024 * 1024 // len(paragraph)
    return docx_bytes(document_xml(paragraph * count).encode())


def utf16_dtd_docx() -> bytes:
    """A .docx whose document.xml is UTF-16 and declares an entity (a DTD)."""
    dtd = '<!DOCTYPE w:document [<!ENTITY x "boom">]>'
    body = "<w:p><w:r><w:t>&x;</w:t></w:r></w:p>"
    xml = document_xml(body, dtd).replace('encoding="UTF-8"', 'encoding="UTF-16"')
    return docx_bytes(xml.encode("utf-16"))


def deeply_nested_json(depth: int = 100_000) -> bytes:
    return b"[" * depth + b"]" * depth


def deep_yaml_md(depth: int = 20_000) -> bytes:
    """Front matter whose one value nests ``depth`` lists deep."""
    return (
        f"---\nid: deep\nkind: imported\ntitle: Deep\nx: {'[' * depth}{']' * depth}\n---\n"
        "\nTekst.\n"
    ).encode()


def deep_quotes_md(depth: int = 50_000) -> bytes:
    """Markdown quotes nested ``depth`` deep."""
    return (
        "---\nid: quotes\nkind: imported\ntitle: Quotes\n---\n\n" + "> " * depth + "x\n"
    ).encode()


def docx_long_text(megabytes: int = 15) -> bytes:
    """A Word file of a few paragraphs with very long texts (lxml's limit: 10 MB a node)."""
    paragraph = "<w:p><w:r><w:t>" + "lang woord " * 800_000 + "</w:t></w:r></w:p>"
    count = max(1, megabytes * 1024 * 1024 // len(paragraph))
    return docx_bytes(document_xml(paragraph * count).encode())
