"""Dutch text to index terms: tokens, accent folding, stemming, compounds.

Pure Python; the Snowball stemmer is imported from Whoosh only when a
:class:`DutchTerms` is made, so importing this module costs nothing.

Three kinds of term are made from a word:

* the **exact** form: lower case, accents folded (``geïnitieerd`` ->
  ``geinitieerd``); phrases are pairs of exact forms, and ``prefix*``,
  ``fuzzy~`` and suggestions expand against the lexicon of exact forms;
* the **key**: the exact form, stemmed by Snowball's Dutch stemmer and then
  normalised (:func:`normalise_stem`); a stop word has no key (the index
  keeps it under its exact form, for queries of stop words only);
* the **compound parts** of a long word (:class:`CompoundSplitter`), whose
  keys are indexed with a weight that ranks them below whole words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable, Iterator
from functools import cache

WORD = re.compile(r"\w+")
"""A token: a run of letters and digits; all punctuation separates words."""

#: Irregular plural stems the stemmer leaves apart from their singular.
_IRREGULAR = {"kinder": "kind", "led": "lid", "sted": "stad", "schep": "schip", "eier": "ei"}
_VOWELS = frozenset("aeiouy")


@cache
def _fold_table() -> dict[int, str]:
    """Accented Latin letters to their base letters (built on first use)."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        if base and base != char:
            table[code] = base
    table.update(
        {
            ord("ß"): "ss",
            ord("æ"): "ae",
            ord("Æ"): "AE",
            ord("ø"): "o",
            ord("Ø"): "O",
            ord("ł"): "l",
            ord("Ł"): "L",
            ord("ĳ"): "ij",
            ord("Ĳ"): "IJ",
        }
    )
    return table


def fold(text: str) -> str:
    """Lower case with accents removed: 'Financiële' -> 'financiele'.

    The same as ``text.lower().translate(_fold_table())``, which walks every
    character through the table once the text holds one non-ASCII letter
    (25 us for a passage); here only the non-ASCII ones are looked up.
    """
    low = text.lower()
    if low.isascii():
        return low
    return _NON_ASCII.sub(_fold_char, low)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_char(match: re.Match[str]) -> str:
    char = match.group()
    return _fold_table().get(ord(char), char)


def tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) for every word of ``text``, in order."""
    for match in WORD.finditer(text):
        yield match.start(), match.end(), match.group()


def normalise_stem(stem: str) -> str:
    """Merge plural and singular stems that Snowball leaves apart.

    Rules, applied to the stem in this order (each documented by a test):

    1. ``-ieen`` / ``-eeen`` (``categorieën``, ``ideeën`` once folded) lose
       ``en``: ``categorie``, ``idee``.
    2. ``-ies`` loses its ``s``: ``moties`` -> ``motie``, ``acties`` ->
       ``actie`` (Snowball only removes an ``s`` after a consonant).
    3. A final double consonant is made single: ``gezinn`` (``gezinnen``)
       -> ``gezin``, ``vergunn`` -> ``vergun``.
    4. A final ``v`` becomes ``f`` and a final ``z`` becomes ``s``:
       ``briev`` (``brieven``) -> ``brief``, ``huiz`` -> ``huis``.
    5. A handful of irregular plurals: ``kinderen`` -> ``kind``,
       ``leden`` -> ``lid``, ``steden`` -> ``stad``.
    """
    if len(stem) > 5 and stem.endswith(("ieen", "eeen")):
        stem = stem[:-2]
    elif len(stem) > 4 and stem.endswith("ies"):
        stem = stem[:-1]
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS and stem[-1].isalpha():
        stem = stem[:-1]
    if len(stem) > 3:
        if stem[-1] == "v":
            stem = stem[:-1] + "f"
        elif stem[-1] == "z":
            stem = stem[:-1] + "s"
    return _IRREGULAR.get(stem, stem)


class DutchTerms:
    """Keys of Dutch words, cached: the one place where stemming happens.

    One instance serves the index writer, the query parser and the snippet
    maker, so all three agree on what a word's key is.
    """

    def __init__(self) -> None:
        from whoosh.lang import stopwords_for_language
        from whoosh.lang.snowball.dutch import DutchStemmer

        self._stem = DutchStemmer().stem
        self.stop_words: frozenset[str] = frozenset(fold(w) for w in stopwords_for_language("nl"))
        self._keys: dict[str, str | None] = {}

    def key(self, exact: str) -> str | None:
        """The key of an exact (folded) form, or None for a stop word."""
        try:
            return self._keys[exact]
        except KeyError:
            pass
        if exact in self.stop_words:
            key = None
        elif len(exact) < 3 or exact.isdigit():
            key = exact
        else:
            key = normalise_stem(self._stem(exact))
        if len(self._keys) > 200_000:
            self._keys.clear()
        self._keys[exact] = key
        return key

    def keys(self, text: str) -> list[str]:
        """Keys of every non-stop word of ``text``, in order."""
        key = self.key
        out = []
        for word in WORD.findall(fold(text)):
            k = key(word)
            if k is not None:
                out.append(k)
        return out


class CompoundSplitter:
    """Splits Dutch compounds against a vocabulary of known words.

    A word of at least ``min_length`` letters is split when its ending is a
    known word of at least 5 letters (the head noun: ``vergunningen`` in
    ``tewerkstellingsvergunningen``), when its beginning is a known word of
    at least 5 letters, optionally followed by a linking ``s``
    (``integratie`` in ``integratiebeleid``), or when both sides are known
    words (then 4 and 3 letters suffice: ``taal`` + ``eis``). The rest of a
    split word is split again. Stop words never count as known words.

    The vocabulary is every exact form in the library at the time a
    document is indexed; splitting is deterministic for a given vocabulary
    and costs a few set look-ups per long word (results are cached).
    """

    def __init__(
        self,
        vocabulary: Iterable[str],
        stop_words: frozenset[str] = frozenset(),
        min_length: int = 8,
    ) -> None:
        # Only asked "is this a word?": an index answers that without a set in memory.
        self.vocabulary: Container[str] = (
            frozenset(w for w in vocabulary if len(w) >= 3 and not w.isdigit()) - stop_words
        )
        self.min_length = min_length
        self._cache: dict[str, tuple[str, ...]] = {}

    def parts(self, word: str) -> tuple[str, ...]:
        """The known words inside ``word`` (an exact form), never ``word`` itself."""
        if len(word) < self.min_length or word.isdigit():
            return ()
        cached = self._cache.get(word)
        if cached is None:
            found: list[str] = []
            self._split(word, found, depth=0)
            cached = tuple(dict.fromkeys(p for p in found if p != word))
            self._cache[word] = cached
        return cached

    def _split(self, word: str, found: list[str], depth: int) -> None:
        vocab = self.vocabulary
        n = len(word)
        if depth > 3 or n < 7:
            return
        # The longest known ending (the head noun of a Dutch compound).
        for i in range(2, n - 2):
            tail = word[i:]
            head = _unlink(word[:i], vocab)
            both = len(tail) >= 3 and i >= 4 and head is not None
            if tail in vocab and (len(tail) >= 5 or both):
                found.append(tail)
                if head is not None:
                    found.append(head)
                else:
                    self._split(word[:i], found, depth + 1)
                break
        # The longest known beginning (a modifier).
        for i in range(n - 3, 4, -1):
            head = _unlink(word[:i], vocab)
            if head is not None and len(head) >= 5:
                found.append(head)
                rest = word[i:]
                if rest in vocab and len(rest) >= 3:
                    found.append(rest)
                else:
                    self._split(rest, found, depth + 1)
                break


def _unlink(head: str, vocab: Container[str]) -> str | None:
    """``head`` or ``head`` without a linking s/e/en, if that is a known word."""
    if head in vocab:
        return head
    for link in ("s", "e", "en"):
        if head.endswith(link) and len(head) - len(link) >= 4 and head[: -len(link)] in vocab:
            return head[: -len(link)]
    return None


def vocabulary_of(texts: Iterable[str]) -> set[str]:
    """Every exact form in ``texts`` (for :class:`CompoundSplitter`)."""
    vocab: set[str] = set()
    for text in texts:
        vocab.update(WORD.findall(fold(text)))
    return vocab


_VERB_ENDINGS = ("den", "ten", "de", "te", "d", "t")


def verb_forms(word: str) -> set[str]:
    """Other forms of the Dutch verb ``word`` may be a form of (an exact form).

    Snowball leaves a verb's forms apart (``handhaaft``, ``handhaven``,
    ``gehandhaafd``; ``ontwikkeld``, ``ontwikkelen``). This guesses the
    verb's stem from a finite form, a participle or an infinitive and
    returns the forms made from it: far more than exist, so the caller
    keeps only the forms its lexicon holds. Words under 5 letters give none.
    """
    if len(word) < 5 or not word.isalpha():
        return set()
    bases = [word]
    if word.startswith("ge") and len(word) > 6:
        bases.append(word[2:])
    stems: set[str] = set()
    for base in bases:
        stems.update(
            base[: -len(e)] for e in _VERB_ENDINGS if base.endswith(e) and len(base) - len(e) >= 3
        )
        if base.endswith(("d", "t")):
            stems.add(base)  # a stem ending in d/t takes no extra one: start, gemeld
        if base.endswith("en") and len(base) > 5:
            stems.update(_closed_stems(base[:-2]))
    forms: set[str] = set()
    for stem in stems:
        forms.update(
            (
                stem,
                stem + "t",
                stem + "d",
                stem + "te",
                stem + "de",
                stem + "ten",
                stem + "den",
                "ge" + stem,
                "ge" + stem + "t",
                "ge" + stem + "d",
            )
        )
        forms.update(open_stem + "en" for open_stem in _open_stems(stem))
    forms.discard(word)
    return forms


def _closed_stems(stem: str) -> set[str]:
    """The stem as written alone, from the one before -en: handhav -> handhaaf."""
    unvoiced = stem[:-1] + {"v": "f", "z": "s"}.get(stem[-1], stem[-1])
    out = {stem, unvoiced}
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        out.add(stem[:-1])  # zett -> zet
    if len(stem) > 2 and stem[-1] not in _VOWELS and stem[-2] in "aeou" and stem[-3] not in _VOWELS:
        out.add(unvoiced[:-1] + stem[-2] + unvoiced[-1])  # stur -> stuur, handhav -> handhaaf
    return out


def _open_stems(stem: str) -> set[str]:
    """The stem before -en, from the one written alone: handhaaf -> handhav."""
    voiced = stem[:-1] + {"f": "v", "s": "z"}.get(stem[-1], stem[-1])
    out = {stem, voiced}
    if len(stem) > 3 and stem[-2] == stem[-3] and stem[-2] in "aeou" and stem[-1] not in _VOWELS:
        out.update({stem[:-2] + stem[-1], voiced[:-2] + voiced[-1]})  # stuur -> stur
    if (
        len(stem) > 2
        and stem[-1] not in _VOWELS
        and stem[-2] in _VOWELS
        and stem[-3] not in _VOWELS
    ):
        out.add(stem + stem[-1])  # zet -> zett, verken -> verkenn
    return out
