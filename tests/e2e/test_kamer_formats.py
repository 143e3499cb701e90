"""PDF and officiele-publicatie files through the real program; references from the CLI."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).parents[1] / "unit" / "data"


def test_import_pdf_and_xml_then_list_references(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = tmp_path / "brief zonder extensie"
    pdf.write_bytes((DATA / "kst-32824-456.pdf").read_bytes())
    xml = tmp_path / "kst-32824-999.xml"
    xml.write_bytes(
        (DATA / "kst-32824-456-begin.xml").read_bytes().replace(b'content="456"', b'content="999"')
    )
    report = json.loads(run("import", "--json", str(pdf), str(xml)).stdout)
    by_file = {Path(r["file"]).name: r for r in report["results"]}
    # the PDF is the bundled letter: recognised by content, same Kamerstuk, nothing newer
    assert by_file[pdf.name]["status"] == "unchanged"
    assert by_file[pdf.name]["doc_id"] == "kst-32824-456"
    assert by_file[xml.name]["status"] == "imported"
    refs = json.loads(run("refs", "kst-32824-999", "--json").stdout)["refs"]
    assert [r["citation"] for r in refs] == [  # body first, then the footnotes
        "Kamerstukken II 2024/25, 32 824, nr. 454",
        "Kamerstuk 35 228, nr. 45",
        "Kamerstuk 32 824, nr. 450",
    ]
    assert {r["in_library"] for r in refs} == {False}
    assert {r["anchor"] for r in refs} == {"fn-8", "s-3"}
    cited = json.loads(run("citedby", "kst-32824-456", "--json").stdout)
    assert "kst-32824-999" not in [c["doc"] for c in cited["cited_by"]]
