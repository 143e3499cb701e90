"""The same promise twice (Nationale dialoog / motie Ceder) is linked."""

from __future__ import annotations

import datetime as dt

from briefing_reader import paths
from briefing_reader.core.commitments import Commitment, library_commitments
from briefing_reader.core.commitments.links import linked_groups, paragraphs
from briefing_reader.session import open_library

DIALOOG = "kst-32824-456:p-80:c2cb86ca8f"  # under "Nationale dialoog"
CEDER = "kst-32824-456:p-142:b3f6b896d8"  # in the answer to the motie-Ceder


def test_the_nationale_dialoog_is_linked_to_the_motie_ceder_answer() -> None:
    library = open_library(paths.resolve())
    found = library_commitments(library)
    links = linked_groups(found, paragraphs(library))
    assert links[DIALOOG] == (CEDER,) and links[CEDER] == (DIALOOG,)
    by_id = {c.id: c for c in found}
    assert by_id[DIALOOG].latest == by_id[CEDER].latest == dt.date(2026, 3, 31)
    # other promises due the same day are not linked to them
    same_day = [c.id for c in found if c.latest == dt.date(2026, 3, 31)]
    assert len(same_day) > 2
    assert all(set(links.get(cid, ())) <= {DIALOOG, CEDER} for cid in (DIALOOG, CEDER))
    assert all(cid not in links for cid in same_day if cid not in (DIALOOG, CEDER))


def _c(cid: str, sentence: str, latest: dt.date | None, anchor: str = "p-1") -> Commitment:
    doc, _ = cid.split(":", 1)
    return Commitment(
        id=cid,
        doc=doc,
        anchor=anchor,
        block=0,
        node="n",
        section_path="",
        sentence=sentence,
        phrase=None,
        earliest=None,
        latest=latest,
        to_kamer=True,
    )


def test_links_across_letters_and_not_within_one_paragraph() -> None:
    day = dt.date(2027, 3, 1)
    a = _c("a:x", "Ik informeer uw Kamer over de resultaten van de pilots laaggeletterdheid.", day)
    b = _c(
        "b:y", "Ik informeer uw Kamer over de resultaten van alle pilots laaggeletterdheid.", day
    )
    c = _c("c:z", "Ik stuur uw Kamer een evaluatie van de inburgeringswet.", day)
    d = _c(
        "a:w",
        "Ik informeer uw Kamer over de resultaten van de pilots laaggeletterdheid.",
        day,
        anchor="p-1",
    )
    links = linked_groups([a, b, c])
    assert links == {"a:x": ("b:y",), "b:y": ("a:x",)}
    assert "a:w" not in linked_groups([a, d])  # same paragraph: two promises
