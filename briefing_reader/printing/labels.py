"""The words printed around the letters' text, in the interface language (no Qt).

Citations, dates in citations and the letters' own text stay Dutch; the
labels a printout adds (headings, field names, the footer) follow the
language the user reads the interface in. English is the fallback.
"""

from __future__ import annotations

import datetime as dt

from briefing_reader.core.content.citation import dutch_date

_NL = {
    "footnotes": "Voetnoten",
    "stance": "Standpunt",
    "priority": "Prioriteit",
    "labels": "Labels",
    "questions": "Vragen",
    "my_notes": "Mijn standpunt en notitie",
    "note_by": "Notitie van {}",
    "pack_notes": "Standpunt, notitie en vragen",
    "highlight_notes": "Notities bij markeringen",
    "pack": "Debatvoorbereiding",
    "contents": "Inhoud",
    "all_questions": "Alle vragen",
    "no_questions": "Geen vragen genoteerd.",
    "nothing_yet": "Nog geen standpunt, notitie of vragen.",
    "action": "actie",
    "actions": "acties",
    "question": "vraag",
    "questions_n": "vragen",
    "compiled": "samengesteld op {}",
    "printed": "Afgedrukt op {} uit {}",
    "page": "Pagina {}/{}",
    "commitments": "Openstaande toezeggingen",
    "no_commitments": "Geen openstaande toezeggingen.",
    "undated": "{} toezeggingen zonder datum staan op de tijdlijn.",
    "te laat": "te laat",
    "binnenkort": "binnenkort",
    "later": "later",
    "zonder datum": "zonder datum",
    "deadline": "uiterlijk {}",
    "by_priority": "Prioriteit {}",
    "no_priority": "Zonder prioriteit",
    "hoog": "hoog",
    "middel": "middel",
    "laag": "laag",
    "not_official": "Samengesteld door Briefing Reader; geen officieel Kamerstuk.",
    "card": "Debatkaart",
    "letters": "Brieven",
    "key_figures": "Kerncijfers",
    "motions": "Moties waarop de brieven antwoorden",
    "no_key_figures": "Nog geen kerncijfers gemarkeerd.",
    "card_pages": "Debatkaart: {} pagina's",
    "excerpt": "uittreksel",
    "status": "Status",
    "more_timeline": "+ {} meer op de tijdlijn",
    "footnote_of": "voetnoot {} in de brief",
}
_EN = {
    "footnotes": "Footnotes",
    "stance": "Stance",
    "priority": "Priority",
    "labels": "Labels",
    "questions": "Questions",
    "my_notes": "My stance and note",
    "note_by": "Note by {}",
    "pack_notes": "Stance, note and questions",
    "highlight_notes": "Notes on highlights",
    "pack": "Debate preparation",
    "contents": "Contents",
    "all_questions": "All questions",
    "no_questions": "No questions noted.",
    "nothing_yet": "No stance, note or questions yet.",
    "action": "action",
    "actions": "actions",
    "question": "question",
    "questions_n": "questions",
    "compiled": "compiled on {}",
    "printed": "Printed on {} from {}",
    "page": "Page {}/{}",
    "commitments": "Open commitments",
    "no_commitments": "No open commitments.",
    "undated": "{} commitments without a date are on the timeline.",
    "te laat": "overdue",
    "binnenkort": "due soon",
    "later": "later",
    "zonder datum": "no date",
    "deadline": "by {}",
    "by_priority": "Priority {}",
    "no_priority": "No priority",
    "hoog": "high",
    "middel": "medium",
    "laag": "low",
    "not_official": "Compiled by Briefing Reader; not an official parliamentary paper.",
    "card": "Debate card",
    "letters": "Letters",
    "key_figures": "Key figures",
    "motions": "Motions the letters answer",
    "no_key_figures": "No key figures marked yet.",
    "card_pages": "Debate card: {} pages",
    "excerpt": "excerpt",
    "status": "Status",
    "more_timeline": "+ {} more on the timeline",
    "footnote_of": "footnote {} in the letter",
}
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
LANGUAGES = {"nl": _NL, "en": _EN}


class Labels:
    """``labels["stance"]`` in one language; ``labels.date(d)`` in its style."""

    def __init__(self, language: str = "nl") -> None:
        self.language = language if language in LANGUAGES else "en"
        self._words = LANGUAGES[self.language]

    def __getitem__(self, key: str) -> str:
        return self._words.get(key, _NL.get(key, key))

    def count(self, number: int, one: str, many: str) -> str:
        return f"{number} {self[one] if number == 1 else self[many]}"

    def date(self, day: dt.date) -> str:
        if self.language == "nl":
            return dutch_date(day)
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
