"""The words that make a sentence a commitment, and a promise to the Kamer.

Every pattern runs on a lower-cased clause with footnote markers removed.
A *strong* cue makes a clause a commitment on its own ("zal ik uw Kamer
informeren", "wordt ... verzonden", "U ontvangt", "start ik"); a *weak*
cue only together with a dated time expression in the same clause ("Ik
ontvang de uitkomsten aan het einde van dit jaar", "vindt plaats in het
eerste kwartaal van 2026"), because without a date such words describe
rather than promise.
"""

from __future__ import annotations

import re

# Infinitives of delivering, sending, informing, starting and deciding.
_SIMPLE = (
    "sturen|versturen|toesturen|opsturen|zenden|verzenden|toezenden|informeren|opleveren|"
    "leveren|aanleveren|starten|beginnen|organiseren|delen|publiceren|presenteren|"
    "aanbieden|voorleggen|indienen|terugkomen|besluiten|beslissen|ontwikkelen|uitwerken|"
    "onderzoeken|verkennen|evalueren|trainen|opzetten|oprichten|invoeren|uitbreiden|"
    "uitvoeren|verbeteren|versterken|faciliteren|rapporteren|opstellen|vaststellen|"
    "afronden|aanbesteden"
)
_SEPARABLE_TE = (
    r"(?:op|toe|aan|voor|in|terug|uit|vast|af)\s+te\s+(?:leveren|sturen|zenden|bieden|"
    r"leggen|dienen|komen|werken|zetten|richten|voeren|breiden|stellen|ronden|besteden)"
)
_COMBOS = (
    r"(?:plan|afspraken|keuzes|keuze|besluit|voorstel|wetsvoorstel)\s+(?:te\s+)?maken|"
    r"(?:mogelijk|openbaar)\s+(?:te\s+)?maken|beschikbaar\s+(?:te\s+)?stellen|"
    r"in\s+kaart\s+(?:te\s+)?brengen|in\s+gesprek|aan\s+de\s+slag|om\s+tafel"
)
_VERB = rf"\b(?:(?:te\s+)?(?:{_SIMPLE})|{_SEPARABLE_TE}|{_COMBOS})\b"
_TE_VERB = rf"\b(?:te\s+(?:{_SIMPLE})|{_SEPARABLE_TE}|{_COMBOS})\b"

_GOVERNMENT = re.compile(r"\b(?:ik|we|wij|kabinet|regering|minister|staatssecretaris|ministerie)\b")
_MODAL = re.compile(r"\b(?:zal|zullen|ga|gaan|gaat|wil|willen)\b(?P<rest>.{0,160})")
_VERB_RE = re.compile(_VERB)
# The infinitive of a modal stands before a subordinate clause starts.
_SUBCLAUSE = re.compile(r"\b(?:dat|zodat|hoe|of|wat|waarin|waarmee|waarop|welke)\b")

_STRONG: dict[str, re.Pattern[str]] = {
    "voornemen": re.compile(rf"\bvoornemens\b.{{0,160}}?{_TE_VERB}"),
    "toegezegd": re.compile(rf"\btoegezegd\b.{{0,160}}?{_TE_VERB}"),
    "gevraagd": re.compile(
        rf"\b(?:(?:heb|hebben)\s+(?:ik|we|wij)|(?:ik|we|wij)\s+(?:heb|hebben))\b"
        rf".{{0,80}}?\bgevraagd\b.{{0,120}}?{_TE_VERB}"
    ),
    "passief": re.compile(
        r"\b(?:wordt|worden)\b(?:(?!\b(?:wordt|worden|werd|werden)\b).){0,160}?"
        r"\b(?:verzonden|gestuurd|toegestuurd|verstuurd|opgestuurd|toegezonden|opgeleverd|"
        r"geleverd|aangeleverd|geïnformeerd|gepubliceerd|openbaar\s+gemaakt|aanbesteed|"
        r"geïnitieerd|gestart|georganiseerd|aangeboden|gedeeld|voorgelegd|ingediend|"
        r"besloten|vastgesteld|gepresenteerd|afgerond|opgesteld)\b"
    ),
    "ik doe": re.compile(
        r"\b(?:(?:start|organiseer|ontwikkel|initieer|informeer|stuur|deel|lever|publiceer|"
        r"verken|onderzoek|laat)\s+ik|ik\s+(?:start|organiseer|ontwikkel|initieer|informeer|"
        r"stuur|deel|lever|publiceer|verken|onderzoek|laat)|(?:beginnen|starten|organiseren|"
        r"ontwikkelen)\s+(?:we|wij)|(?:we|wij)\s+(?:beginnen|starten|organiseren|ontwikkelen))"
        r"\b"
    ),
    "stel beschikbaar": re.compile(r"\b(?:stel\s+ik|ik\s+stel)\b.{0,80}?\bbeschikbaar\b"),
    "breid uit": re.compile(r"\b(?:breid\s+ik|ik\s+breid)\b.{0,80}?\buit\b"),
    "kom terug": re.compile(r"\b(?:kom\s+ik|ik\s+kom)\b.{0,80}?\bterug\b"),
    "informeer kamer": re.compile(r"\binformeer\s+(?:ik\s+)?(?:uw|de)\s+kamer\b"),
    "u ontvangt": re.compile(
        r"\bu\s+ontvangt\b|\bontvangt\s+u\b|\b(?:uw|de)\s+kamer\s+ontvangt\b|"
        r"\bontvangt\s+(?:uw|de)\s+kamer\b"
    ),
}

_WEAK: dict[str, re.Pattern[str]] = {
    "ik ontvang": re.compile(r"\b(?:ik\s+ontvang|ontvang\s+ik)\b"),
    "vindt plaats": re.compile(r"\bvind(?:t|en)\b.{0,120}?\bplaats\b|\bplaatsvinden\b"),
    "volgt": re.compile(r"\bvolg(?:t|en)\s+(?:hierop|daarop|daarna)\b"),
    "komt beschikbaar": re.compile(r"\b(?:komt|komen)\b.{0,120}?\bbeschikbaar\b"),
    "gepland": re.compile(r"\b(?:staat|staan|is|zijn)\s+gepland\b|\bgepland\s+(?:staat|staan)\b"),
    "om tafel": re.compile(r"\bom\s+tafel\b"),
    "passief verwacht": re.compile(
        r"\b(?:wordt|worden)\b(?:(?!\b(?:wordt|worden|werd|werden)\b).){0,160}?"
        r"\b(?:verwacht|meegenomen|uitgebreid|gehouden|gevoerd|uitgevoerd|ontwikkeld|"
        r"uitgewerkt)\b"
    ),
}

_NOMINAL_ITEM = re.compile(r"^het\s+(?:\(\w+\))?\w+en(?:\s+en\s+\w+en)?\s+van\b")

_KAMER = re.compile(r"\b(?:uw|de)\s+(?:tweede\s+)?kamer\b|\bmet\s+u\b|\baan\s+u\b")
_SEND = re.compile(
    r"\b(?:informeren|informeer|informeert|geïnformeerd|sturen|stuur|stuurt|gestuurd|"
    r"versturen|verstuurt|verstuurd|zendt|deelt|"
    r"toesturen|toegestuurd|zenden|verzonden|toezenden|toegezonden|delen|deel|gedeeld|"
    r"aanbieden|aangeboden|voorleggen|voorgelegd|rapporteren|terugkomen|terug)\b"
)


def normalise(text: str) -> str:
    """Lower case, single spaces, straight quotes: the form cues are matched on."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.lower().split())


def strong_cue(clause: str, *, list_item_in_action: bool = False) -> str | None:
    """The name of the strong cue in a normalised clause, or None.

    Args:
        clause: normalised text (see :func:`normalise`).
        list_item_in_action: the clause is a list item inside an action box,
            where a plan is written as a noun ("Het organiseren van ...").
    """
    if _GOVERNMENT.search(clause):
        for modal in _MODAL.finditer(clause):
            rest = _SUBCLAUSE.split(modal.group("rest"), maxsplit=1)[0]
            if _VERB_RE.search(rest):
                return "zal/ga/wil"
    for name, pattern in _STRONG.items():
        if pattern.search(clause):
            return name
    if list_item_in_action and _NOMINAL_ITEM.search(clause):
        return "actiepunt"
    return None


def weak_cue(clause: str) -> str | None:
    """The name of the weak cue in a normalised clause, or None."""
    for name, pattern in _WEAK.items():
        if pattern.search(clause):
            return name
    return None


def to_kamer(clause: str) -> bool:
    """Whether a normalised clause promises to inform or send to the Kamer."""
    if _STRONG["u ontvangt"].search(clause):
        return True
    return bool(_KAMER.search(clause) and _SEND.search(clause))
