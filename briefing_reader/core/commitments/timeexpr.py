"""Dutch time expressions to date ranges, by deterministic rules.

:func:`find_expressions` finds every expression in a text ("voor het einde
van het jaar", "in het eerste kwartaal van 2026", "begin Q3", "15 mei
2025", "de komende jaren") and turns each into an *earliest* and *latest*
date relative to the date of the document, keeping the words as written.
Nothing here guesses: where the words do not fix a date, the expression is
``vague`` and has no dates, so the reader shows "zonder datum".

Conventions (each has a unit test in ``tests/unit/test_timeexpr.py``):

- A year is 1 January to 31 December; "begin" a year is its first quarter,
  "eind" its last, "medio"/"halverwege" April to September. "begin" and
  "eind" of a quarter are its first and last month, of a half its first and
  last quarter, of a month its first and second half.
- Seasons take the widest of the meteorological and astronomical readings:
  voorjaar 1 March-20 June, zomer 1 June-22 September, najaar 1
  September-21 December, winter 1 December-20 March.
- "voor de zomer" means before the summer recess, which starts by 7 July;
  "na de zomer (van Y)" is 1 September to 31 December of Y.
- "voor", "uiterlijk", "nog", "tot (en met)", "tot in" and "... of eerder"
  run from the document date to the end of the period ("voor 1 januari
  2026" to 31 December 2025). "voor het eerste kwartaal" may mean "before"
  or "for", so it gets the widest range; "gepland voor" is not a "voor".
- "vanaf 2026" and "per 1 januari" name when something starts: the period
  itself; "vanaf" is kind ``start``, a start and not a deadline (nothing
  is overdue "vanaf 2026"). "sinds ..." looks back and is kind ``since``.
- A period written without a year is taken in the document's year; if that
  period was over before the document date, the year is not clear and the
  expression is ``vague``. "dit"/"deze" name the current period,
  "komend(e)" the current or next one, "volgend(e)" the next one.
- A bare year ("2025") is a time expression only after a word such as "in",
  "vanaf", "tot in" or "uiterlijk"; "voor 2025" ("for" or "before"?) is none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from briefing_reader.core.content.citation import MONTHS_NL

MONTHS = {name: number for number, name in enumerate(MONTHS_NL, start=1)}
_ORDINALS = {"eerste": 1, "1e": 1, "tweede": 2, "2e": 2, "derde": 3, "3e": 3, "vierde": 4, "4e": 4}
_SEASON_NAMES = {
    "voorjaar": "voorjaar",
    "lente": "voorjaar",
    "zomer": "zomer",
    "zomerreces": "zomer",
    "najaar": "najaar",
    "herfst": "najaar",
    "winter": "winter",
}
# (month, day) of the first and the last day; winter ends in the next year.
_SEASONS = {
    "voorjaar": ((3, 1), (6, 20)),
    "zomer": ((6, 1), (9, 22)),
    "najaar": ((9, 1), (12, 21)),
    "winter": ((12, 1), (3, 20)),
}
SUMMER_RECESS_START = (7, 7)  # the latest day the summer recess can start

KIND_DATED, KIND_VAGUE, KIND_SINCE = "dated", "vague", "since"
#: "vanaf 2026": when something starts, not a date it must be done by (issue 17).
KIND_START = "start"


@dataclass(frozen=True)
class TimeExpression:
    """A time expression found in a text.

    Attributes:
        phrase: the words as written.
        start: offset of the phrase in the searched text.
        end: offset just after the phrase.
        earliest: first day of the range, or None.
        latest: last day of the range, or None.
        kind: "dated" (a range), "vague" (no dates) or "since" (looks back).
        rule: name of the rule that matched, for explanations and tests.
    """

    phrase: str
    start: int
    end: int
    earliest: dt.date | None
    latest: dt.date | None
    kind: str
    rule: str

    @property
    def dated(self) -> bool:
        return self.kind == KIND_DATED and self.latest is not None


@dataclass(frozen=True)
class _Period:
    start: dt.date
    end: dt.date
    unit: str  # day, month, quarter, half, season, year, span
    implicit_year: bool = False
    season: str | None = None


class _Vague(Exception):
    """The words name a time, but not one date range."""


# -- regular expressions ---------------------------------------------------

_MONTH = "|".join(MONTHS)
_SEASON = "|".join(_SEASON_NAMES)
_YEAR = (
    r"(?:19|20)\d{2}|dit\s+jaar|het\s+lopende\s+jaar|het\s+volgende\s+jaar|"
    r"volgend\s+jaar|komend\s+jaar|vorig\s+jaar|het\s+jaar"
)
_PREFIX = (
    r"(?:(?P<prefix>uiterlijk(?:\s+(?:op|in|v[oó]{2}r))?|nog\s+v[oó]{2}r|nog|"
    r"(?<!gepland\s)v[oó]{2}r|tot\s+en\s+met|tot\s+in|tot|vanaf|per|op|"
    r"in\s+de\s+loop\s+van|in|na|sinds|gedurende)\s+)?"
)
_PART = (
    r"(?:(?:aan\s+)?(?:het\s+)?(?P<part>begin|start|eind|einde|medio|halverwege|midden)"
    r"(?:\s+van)?\s+)?"
)
_SUFFIX = r"(?P<suffix>\s+of\s+eerder)?"
_START = r"(?<![\w-])"
_END = r"(?![\w-])"

_CORES = {
    "date": (
        r"(?P<day>\d{1,2})\s+(?P<month>" + _MONTH + r")(?:\s+(?P<year>(?:19|20)\d{2}))?"
        r"(?:\s+(?P<rel>jl\.|a\.s\.))?"
    ),
    "numdate": r"(?P<day>\d{1,2})-(?P<month>\d{1,2})-(?P<year>(?:19|20)\d{2})",
    "month": (
        _PART + r"(?:de\s+maand\s+)?(?P<month>" + _MONTH + r")"
        r"(?:\s+(?:van\s+)?(?P<year>" + _YEAR + r"))?"
    ),
    "quarter": (
        _PART + r"(?:(?:het\s+)?(?P<ord>eerste|tweede|derde|vierde|1e|2e|3e|4e)"
        r"\s+kwartaal|Q(?P<num>[1-4]))(?:[\s-]+(?:van\s+)?(?P<year>" + _YEAR + r"))?"
    ),
    "relquarter": _PART + r"(?P<rel>dit|deze|komend|komende|volgend|volgende)\s+kwartaal",
    "half": (
        _PART + r"(?:de\s+)?(?P<ord>eerste|tweede)\s+(?:jaar)?helft"
        r"(?:\s+(?:van\s+)?(?P<year>" + _YEAR + r"))?"
    ),
    "season": (
        _PART + r"(?:(?P<rel>dit|deze|komend|komende|volgend|volgende|het|de)\s+)?"
        r"(?P<season>" + _SEASON + r")(?:\s+(?:van\s+)?(?P<year>" + _YEAR + r"))?"
    ),
    "yearseason": (
        r"(?P<year>volgend\s+jaar|komend\s+jaar|dit\s+jaar)\s+"
        r"(?P<season>" + _SEASON + ")"
    ),
    "year": _PART + r"(?P<year>" + _YEAR + r")",
    "between": r"tussen\s+(?P<year>(?:19|20)\d{2})\s+en\s+(?P<year2>(?:19|20)\d{2})",
}
_RULES = {
    name: re.compile(_START + _PREFIX + core + _SUFFIX + _END, re.IGNORECASE)
    for name, core in _CORES.items()
}

# A finite verb that starts the main clause after "zodra ..." without a comma.
_MAIN_VERB = r"(?:zal|zullen|wordt|worden|ga|gaat|gaan|wil|willen|kan|kunnen|moet|moeten)"
_VAGUE = re.compile(
    _START + r"(?:"
    r"op\s+(?:korte|middellange|(?:de\s+)?lange(?:re)?)\s+termijn|"
    r"(?:voor\s+)?de\s+lange(?:re)?\s+termijn|op\s+termijn|"
    r"zo\s+(?:snel|spoedig)\s+mogelijk|binnenkort|te\s+zijner\s+tijd|"
    r"(?:in\s+)?(?:de|het)\s+komende\s+(?:\w+\s+)?"
    r"(?:tijd|periode|jaren|jaar|maanden|weken|kabinetsperiode)|"
    r"in\s+de\s+nabije\s+toekomst|zodra\s(?:(?!\s" + _MAIN_VERB + r"\s)[^,.;:])+"
    r")" + _END,
    re.IGNORECASE,
)

# Prefixes after which a bare numeric year is a time expression.
_YEAR_PREFIXES = {
    "in",
    "vanaf",
    "per",
    "tot in",
    "tot en met",
    "tot",
    "uiterlijk",
    "uiterlijk in",
    "sinds",
    "in de loop van",
    "gedurende",
    "na",
}
_UNTIL_PREFIXES = {
    "voor",
    "nog voor",
    "nog",
    "uiterlijk",
    "uiterlijk op",
    "uiterlijk in",
    "uiterlijk voor",
    "tot en met",
    "tot in",
    "tot",
}


# -- calendar helpers ------------------------------------------------------


def _month_end(year: int, month: int) -> dt.date:
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def _year_period(year: int) -> _Period:
    return _Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _quarter_period(year: int, quarter: int) -> _Period:
    first = 3 * (quarter - 1) + 1
    return _Period(dt.date(year, first, 1), _month_end(year, first + 2), "quarter")


def _half_period(year: int, half: int) -> _Period:
    first = 6 * (half - 1) + 1
    return _Period(dt.date(year, first, 1), _month_end(year, first + 5), "half")


def _month_period(year: int, month: int) -> _Period:
    return _Period(dt.date(year, month, 1), _month_end(year, month), "month")


def season_period(year: int, season: str) -> tuple[dt.date, dt.date]:
    """First and last day of a season that starts in ``year``."""
    (m1, d1), (m2, d2) = _SEASONS[season]
    return dt.date(year, m1, d1), dt.date(year + (1 if m2 < m1 else 0), m2, d2)


def _season(year: int, season: str, implicit: bool = False) -> _Period:
    start, end = season_period(year, season)
    return _Period(start, end, "season", implicit, season)


def _year_of(text: str | None, ref: dt.date) -> tuple[int, bool]:
    """The year a year phrase names, and whether it was left implicit."""
    if not text:
        return ref.year, True
    words = " ".join(text.lower().split())
    if words.isdigit():
        return int(words), False
    if words in ("volgend jaar", "komend jaar", "het volgende jaar"):
        return ref.year + 1, False
    if words == "vorig jaar":
        return ref.year - 1, False
    return ref.year, False


def _part(period: _Period, part: str) -> _Period:
    """'begin', 'eind' or 'medio' of a period."""
    part = {"start": "begin", "einde": "eind", "halverwege": "medio", "midden": "medio"}.get(
        part, part
    )
    start, end, unit = period.start, period.end, period.unit
    if unit == "year":
        bounds = {"begin": (1, 3), "eind": (10, 12), "medio": (4, 9)}[part]
        return _Period(
            dt.date(start.year, bounds[0], 1),
            _month_end(start.year, bounds[1]),
            "span",
            period.implicit_year,
        )
    if unit == "quarter":
        month = start.month + {"begin": 0, "medio": 1, "eind": 2}[part]
        chosen = _month_period(start.year, month)
        return _Period(chosen.start, chosen.end, "span", period.implicit_year)
    if unit == "half":
        if part == "medio":
            return _Period(start, end, "span", period.implicit_year)
        first = start.month + (0 if part == "begin" else 3)
        return _Period(
            dt.date(start.year, first, 1),
            _month_end(start.year, first + 2),
            "span",
            period.implicit_year,
        )
    if unit == "month":
        days = {"begin": (1, 15), "eind": (16, end.day), "medio": (8, 22)}[part]
        return _Period(
            start.replace(day=days[0]), start.replace(day=days[1]), "span", period.implicit_year
        )
    if unit == "season":
        span = dt.timedelta(days=44)
        if part == "begin":
            return _Period(start, start + span, "span", period.implicit_year)
        if part == "eind":
            return _Period(end - span, end, "span", period.implicit_year)
        return _Period(start, end, "span", period.implicit_year)
    raise _Vague(f"no '{part}' of a {unit}")


# -- resolving one match ---------------------------------------------------


def _relative_choice(
    rel: str, ref: dt.date, make: Callable[[int], _Period], years: tuple[int, ...]
) -> _Period:
    """The period that dit/komend/volgend names among candidates in ``years``."""
    candidates = [make(y) for y in years]
    if rel in ("dit", "deze"):
        current = [p for p in candidates if p.start <= ref <= p.end]
        return current[0] if current else make(ref.year)
    if rel in ("komend", "komende"):
        return next(p for p in candidates if p.end >= ref)
    return next(p for p in candidates if p.start > ref)


def _base(rule: str, m: re.Match[str], ref: dt.date) -> _Period:
    """The period a match names before prefixes and parts apply."""
    g = m.groupdict()
    if rule in ("date", "numdate"):
        month = MONTHS[g["month"].lower()] if rule == "date" else int(g["month"])
        day = int(g["day"])
        rel = (g.get("rel") or "").lower()
        try:
            if g["year"]:
                return _Period(
                    dt.date(int(g["year"]), month, day), dt.date(int(g["year"]), month, day), "day"
                )
            this_year = dt.date(ref.year, month, day)
            if rel == "jl." and this_year > ref:
                this_year = this_year.replace(year=ref.year - 1)
            elif rel == "a.s." and this_year < ref:
                this_year = this_year.replace(year=ref.year + 1)
        except ValueError as exc:
            raise _Vague("no such day") from exc
        return _Period(this_year, this_year, "day", implicit_year=not rel)
    if rule == "month":
        year, implicit = _year_of(g["year"], ref)
        period = _month_period(year, MONTHS[g["month"].lower()])
        return _Period(period.start, period.end, "month", implicit)
    if rule == "quarter":
        year, implicit = _year_of(g["year"], ref)
        quarter = int(g["num"]) if g["num"] else _ORDINALS[g["ord"].lower()]
        period = _quarter_period(year, quarter)
        return _Period(period.start, period.end, "quarter", implicit)
    if rule == "relquarter":
        return _relative_choice(
            g["rel"].lower(),
            ref,
            lambda i: _quarter_period(ref.year + i // 4, i % 4 + 1),
            tuple(range(8)),
        )
    if rule == "half":
        year, implicit = _year_of(g["year"], ref)
        period = _half_period(year, _ORDINALS[g["ord"].lower()])
        return _Period(period.start, period.end, "half", implicit)
    if rule in ("season", "yearseason"):
        season = _SEASON_NAMES[g["season"].lower()]
        rel = (g.get("rel") or "").lower()
        if g["year"] or rule == "yearseason":
            return _season(_year_of(g["year"], ref)[0], season)
        if rel in ("dit", "deze", "komend", "komende", "volgend", "volgende"):
            return _relative_choice(
                rel, ref, lambda y: _season(y, season), (ref.year - 1, ref.year, ref.year + 1)
            )
        return _season(ref.year, season, implicit=True)
    if rule == "year":
        year, _ = _year_of(g["year"], ref)
        return _year_period(year)
    if rule == "between":
        first, last = int(g["year"]), int(g["year2"])
        if last < first:
            raise _Vague("years in the wrong order")
        return _Period(dt.date(first, 1, 1), dt.date(last, 12, 31), "span")
    raise AssertionError(rule)  # pragma: no cover


def _valid_bare_year(rule: str, m: re.Match[str], prefix: str) -> bool:
    """A year written as digits alone needs a word that makes it a time."""
    if rule != "year":
        return True
    year = " ".join(m.group("year").lower().split())
    if year == "het jaar":
        return bool(m.group("part"))
    if not year.isdigit():
        return prefix not in ("voor", "vóór")
    return bool(m.group("part") or m.group("suffix") or prefix in _YEAR_PREFIXES)


def _resolve(rule: str, m: re.Match[str], ref: dt.date) -> tuple[dt.date, dt.date, str]:
    """(earliest, latest, kind) of one match; raises _Vague when undecided."""
    prefix = " ".join((m.group("prefix") or "").lower().replace("vóór", "voor").split())
    period = _base(rule, m, ref)
    part = m.groupdict().get("part")
    if part:
        period = _part(period, part.lower())
    if prefix == "sinds":
        if period.start > ref:
            raise _Vague("'sinds' a time still to come")
        return period.start, ref, KIND_SINCE
    if prefix == "na":
        if period.season == "zomer" and not part:
            year = period.start.year
            return dt.date(year, 9, 1), dt.date(year, 12, 31), KIND_DATED
        raise _Vague("'na' names no end")
    earliest, latest = period.start, period.end
    if prefix == "vanaf":
        return earliest, latest, KIND_START
    if prefix in _UNTIL_PREFIXES or m.group("suffix"):
        if period.unit == "day" and prefix in ("voor", "nog voor", "uiterlijk voor"):
            latest = period.start - dt.timedelta(days=1)
        elif period.season == "zomer" and not part and prefix in ("voor", "nog voor"):
            latest = dt.date(period.start.year, *SUMMER_RECESS_START)
        earliest = ref if ref <= latest else min(period.start, latest)
    if period.implicit_year and latest < ref:
        raise _Vague("written without a year, and over before the document date")
    return earliest, latest, KIND_DATED


def find_expressions(text: str, ref: dt.date) -> list[TimeExpression]:
    """Every time expression in ``text``, in order, none overlapping.

    Where two rules match overlapping words, the longer match wins.

    Args:
        text: a sentence or any plain text.
        ref: the date of the document the text comes from.
    """
    candidates: list[TimeExpression] = []
    for rule, pattern in _RULES.items():
        for m in pattern.finditer(text):
            prefix = " ".join((m.group("prefix") or "").lower().replace("vóór", "voor").split())
            if not _valid_bare_year(rule, m, prefix):
                continue
            part = (m.groupdict().get("part") or "").lower()
            name = " ".join(w for w in (prefix, part, rule) if w)
            try:
                earliest, latest, kind = _resolve(rule, m, ref)
            except _Vague:
                candidates.append(
                    TimeExpression(m.group(0), m.start(), m.end(), None, None, KIND_VAGUE, name)
                )
                continue
            candidates.append(
                TimeExpression(m.group(0), m.start(), m.end(), earliest, latest, kind, name)
            )
    for m in _VAGUE.finditer(text):
        candidates.append(
            TimeExpression(m.group(0).strip(), m.start(), m.end(), None, None, KIND_VAGUE, "vague")
        )
    chosen: list[TimeExpression] = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def interpret(phrase: str, ref: dt.date) -> TimeExpression | None:
    """The one expression that spans all of ``phrase``, or None.

    Surrounding spaces, brackets and punctuation are ignored:
    ``interpret("(Q3)", ...)`` is the third quarter.
    """
    core = phrase.strip().strip("()[],;:").strip()
    if core.endswith(".") and not core.lower().endswith(("jl.", "a.s.")):
        core = core[:-1].rstrip()
    found = find_expressions(core, ref)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(core):
        return found[0]
    return None
