"""Footnotes of a text export: the texts at the end, the bare-digit markers in the body.

The markers of the OpenTK export are bare numbers glued to the word or
punctuation before them (``rol.1``, ``Flach17``, ``HAN22``) or standing
apart after a full stop or bracket (``meldpunt. 10``, ``(VIA) 18``). They
run 1, 2, 3, ... in reading order, so each is looked for after the one
before; a bare number that is not the next marker (``op 4 (substantieel)``,
``na 18 maanden``, ``91 %``) stays text. When the export has fewer texts
than markers, the texts are matched to the markers by the words they share
with the sentence around each marker (keeping their order), and the
markers left over are reported as missing, never shifted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing_reader.core.importing.mdwriter import Span

NOTE_END = "\u21a9"  # "↩", in the export followed by the text-style selector U+FE0E
_WORD = re.compile(r"[^\W\d_]{4,}")
_STOP = frozenset(
    [
        "deze",
        "dat",
        "die",
        "het",
        "een",
        "van",
        "voor",
        "met",
        "door",
        "naar",
        "over",
        "zijn",
        "haar",
        "hun",
        "wordt",
        "worden",
        "werd",
        "heeft",
        "hebben",
        "niet",
        "ook",
        "maar",
        "als",
        "dan",
        "wel",
        "meer",
        "zich",
        "zij",
        "wij",
        "ons",
        "onze",
        "zoals",
        "bij",
        "uit",
    ]
)
_CONTEXT_BEFORE = 30
_CONTEXT_AFTER = 6
_MAX_CELLS = 2_000_000


def split_notes(lines: Sequence[str]) -> tuple[list[str], list[list[str]]]:
    """(body lines, note texts) where each note is its lines, the end mark removed.

    The notes are the lines at the end of the file, each note ending with
    "↩︎" (a note may span lines).
    """
    ends = [i for i, line in enumerate(lines) if line.rstrip().endswith(("\u21a9\ufe0e", NOTE_END))]
    if not ends:
        return list(lines), []
    start = ends[0]
    notes: list[list[str]] = []
    current: list[str] = []
    for line in lines[start:]:
        if not line.strip():
            continue
        current.append(line)
        stripped = line.rstrip()
        if stripped.endswith(("\u21a9\ufe0e", NOTE_END)):
            last = stripped.removesuffix("\ufe0e").removesuffix(NOTE_END).rstrip()
            notes.append([*current[:-1], last])
            current = []
    if current:
        notes.append(current)
    return list(lines[:start]), notes


def _pattern(number: int) -> re.Pattern[str]:
    digits = str(number)
    return re.compile(
        r"(?:(?<=[^\W\d_])"  # glued to a word: Flach17
        r"|(?<=[.;:)\]’”\"'])(?<!\b\d\.)(?<!\b\d\d\.)"  # after punctuation: rol.1, 2015.3
        r"|(?<=[^\d],)"  # after a comma, not a decimal: 8,5
        r"|(?<=[.)] ))" + digits + r"(?!\d)(?=[\s.,;:)\]]|$)"  # standing apart: meldpunt. 10
    )


def find_markers(spans: Sequence[Span]) -> list[tuple[int, int, int]]:
    """The markers 1, 2, 3, ... in reading order, as (span index, start, end).

    Stops at the first number that is not found. The caller adds the
    markers it keeps to the spans.
    """
    found: list[tuple[int, int, int]] = []
    span_index, pos = 0, 0
    number = 1
    while span_index < len(spans):
        pattern = _pattern(number)
        hit = None
        for index in range(span_index, len(spans)):
            match = pattern.search(spans[index].text, pos if index == span_index else 0)
            if match:
                hit = (index, match.start(), match.end())
                break
        if hit is None:
            break
        found.append(hit)
        span_index, pos = hit[0], hit[2]
        number += 1
    return found


def context_words(span: Span, start: int) -> set[str]:
    """Lower-case content words around a marker."""
    before = span.text[:start].split()[-_CONTEXT_BEFORE:]
    after = span.text[start:].split()[1:_CONTEXT_AFTER]
    return _words(" ".join(before + after))


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - _STOP


def align(notes: Sequence[str], contexts: Sequence[set[str]]) -> list[int | None]:
    """For each marker, the index of its note text, or None when the text is missing.

    With as many texts as markers the n-th text belongs to the n-th marker.
    With fewer, each text goes to one marker, in order, so that the texts
    share the most words with their markers' sentences; on a tie the
    missing texts are taken to be the later ones. Surplus texts (more texts
    than markers) are left out and must be reported by the caller.
    """
    m, t = len(contexts), len(notes)
    if t >= m:
        return list(range(m))
    if t * m > _MAX_CELLS:  # too many to weigh: the texts go to the first markers
        return [i if i < t else None for i in range(m)]
    words = [_words(n) for n in notes]
    # best[i][j]: most shared words placing notes[:i] on markers[:j].
    neg = -1
    best = [[neg] * (m + 1) for _ in range(t + 1)]
    for j in range(m + 1):
        best[0][j] = 0
    for i in range(1, t + 1):
        for j in range(i, m + 1):
            skip = best[i][j - 1] if j - 1 >= i else neg
            take = best[i - 1][j - 1] + len(words[i - 1] & contexts[j - 1])
            best[i][j] = max(skip, take)
    owner: list[int | None] = [None] * m
    i, j = t, m
    while i > 0:
        skip = best[i][j - 1] if j - 1 >= i else neg
        if skip >= best[i][j]:
            j -= 1
            continue
        owner[j - 1] = i - 1
        i, j = i - 1, j - 1
    return owner
