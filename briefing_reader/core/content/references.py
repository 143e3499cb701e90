"""References to Kamerstukken and Aanhangsels in running text, in the spellings letters use.

Pure functions, no I/O::

    for ref in find_references("... (Kamerstuk II, 2023 -2024, 32 824, nr. 418) ..."):
        ref.start, ref.end        # where the reference stands in the text
        ref.text                  # 'Kamerstuk II, 2023 -2024, 32 824, nr. 418'
        ref.dossier               # '32 824' ('36 600 XV' with its suffix); None: Aanhangsel
        ref.volgnummer            # 418 (for an Aanhangsel: its number)
        ref.year                  # '2023/24' or None when not written
        ref.citation              # 'Kamerstukken II 2023/24, 32 824, nr. 418'
        ref.key                   # ('kst', '32824', '418') - what identifies the document

Spellings (all from letters): "Kamerstuk 32 824, nr. 450", "Kamerstuk 2023 – 2024
36 272, nr. 17", "Kamerstuk II, 2023 -2024, 32 824, nr. 418", "Kamerstukken II
2024-2025, 32 824, nr. 454", "Kamerstuk 36 600 XV, nr. 82", a bare "35 228, nr.45",
"Aanhangsel Handelingen II 2024/25, nr. 753", with "nrs." and without the comma.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_DASH = r"\s*[-–—/]\s*"
_YEAR = rf"(?P<y1>(?:19|20)\d\d){_DASH}(?P<y2>(?:19|20)?\d\d)(?!\d)"
_SUFFIX = r"(?:[ -](?P<suffix>[IVXL]{1,6}|[A-Z]{1,2}(?:-[IVXL]{1,5})?)(?![\w-]))"
_DOSSIER = rf"(?P<dossier>\d{{2}}[ \u00a0]?\d{{3}}){_SUFFIX}?"
_NUMBER = r"\s*,?\s*nrs?\.\s?(?P<nr>\d{1,5})(?!\d)"
_CHAMBER = r"(?:\s+(?P<chamber>II|I)\b)?"
KAMERSTUK = re.compile(
    rf"\bKamerstuk(?:ken)?{_CHAMBER}\s*,?\s*(?:{_YEAR}\s*,?\s*)?(?<!\d){_DOSSIER}{_NUMBER}"
)
BARE = re.compile(rf"(?<![\d.,/-])(?<![\d] ){_DOSSIER}{_NUMBER}")
AANHANGSEL = re.compile(
    rf"\bAanhangsel(?:\s+(?:van\s+de|bij\s+de))?\s+Handelingen{_CHAMBER}\s*,?\s*"
    rf"(?:{_YEAR})?\s*,?\s*nr\.\s?(?P<nr>\d{{1,5}})(?!\d)"
)
MAX_TEXT = 2_000_000  # characters searched per text; a letter has some 60 000


@dataclass(frozen=True)
class Reference:
    """One reference found in a text (see the module docstring)."""

    start: int
    end: int
    text: str
    kind: str  # "kst" (Kamerstuk) or "ah" (Aanhangsel Handelingen)
    dossier: str | None
    volgnummer: int
    year: str | None
    chamber: str

    @property
    def citation(self) -> str:
        """'Kamerstukken II 2024/25, 32 824, nr. 450'; without a year as the project
        cites such letters elsewhere: 'Kamerstuk 32 824, nr. 450'."""
        if self.kind == "ah":
            head = f"Aanhangsel Handelingen {self.chamber}"
            return (
                f"{head} {self.year}, nr. {self.volgnummer}"
                if self.year
                else f"{head}, nr. {self.volgnummer}"
            )
        return kamerstuk_citation(self.dossier or "", self.volgnummer, self.year, self.chamber)

    @property
    def key(self) -> tuple[str, ...]:
        """What identifies the cited document: ('kst', '36600xv', '82') or
        ('ah', 'II', '2024/25', '753') (an Aanhangsel number restarts each year)."""
        if self.kind == "ah":
            return ("ah", self.chamber, self.year or "", str(self.volgnummer))
        return ("kst", dossier_key(self.dossier or ""), str(self.volgnummer))

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "dossier": self.dossier,
            "volgnummer": self.volgnummer,
            "year": self.year,
            "citation": self.citation,
        }


def kamerstuk_citation(dossier: str, volgnummer: int, year: str | None, chamber: str = "II") -> str:
    if year:
        return f"Kamerstukken {chamber} {year}, {dossier}, nr. {volgnummer}"
    return f"Kamerstuk {dossier}, nr. {volgnummer}"


def dossier_key(dossier: str) -> str:
    """'36 600 XV' -> '36600xv', '32824' -> '32824': how dossiers are compared."""
    return re.sub(r"[\s\u00a0-]", "", dossier).lower()


def find_references(text: str) -> list[Reference]:
    """Every reference in the text, in order; overlapping spellings count once."""
    text = text[:MAX_TEXT]
    if "nr" not in text:  # every spelling has "nr." or "nrs.": most paragraphs have none
        return []
    found: list[Reference] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in ((KAMERSTUK, "kst"), (AANHANGSEL, "ah"), (BARE, "kst")):
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            found.append(_reference(match, kind))
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda ref: ref.start)


def _reference(match: re.Match[str], kind: str) -> Reference:
    groups = match.groupdict()
    dossier = None
    if kind == "kst":
        digits = re.sub(r"\D", "", groups["dossier"])
        dossier = f"{digits[:2]} {digits[2:]}"
        if groups.get("suffix"):
            dossier += f" {groups['suffix']}"
    return Reference(
        match.start(),
        match.end(),
        match.group(0),
        kind,
        dossier,
        int(groups["nr"]),
        _year(groups.get("y1"), groups.get("y2")),
        groups.get("chamber") or "II",
    )


def _year(first: str | None, second: str | None) -> str | None:
    """'2023', '2024' -> '2023/24'; None unless both parts make consecutive years."""
    if not first or not second:
        return None
    start = int(first)
    end = int(second) if len(second) == 4 else (start // 100) * 100 + int(second)
    if end < start:  # 1999/00
        end += 100
    if end != start + 1:
        return None
    return f"{start}/{end % 100:02d}"


def iter_keys(text: str) -> Iterator[tuple[str, ...]]:
    """The keys of the documents a text cites (for an index of citations)."""
    for ref in find_references(text):
        yield ref.key
