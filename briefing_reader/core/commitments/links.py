"""The same promise made twice: in two letters, or twice in one letter.

The letter promises the "nationale dialoog" under its own heading and again
in its answer to the motie-Ceder; marking one fulfilled should offer to mark
the other. Two commitments are linked when

- they have the same deadline (the same last day) and their paragraphs
  share much of their vocabulary (:data:`SAME_CONTEXT`), or
- their sentences are nearly the same (:data:`SAME_SENTENCE`), with the
  same deadline or none.

Links are symmetric; a group is every commitment reachable by links.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from briefing_reader.core.commitments.extract import Commitment, block_text

if TYPE_CHECKING:
    from briefing_reader.core.content import Library

SAME_CONTEXT = 0.2
"""Share of content words (Jaccard) two paragraphs with the same deadline need."""
SAME_SENTENCE = 0.6
"""Share of content words two sentences need to be the same promise."""
MAX_COMPARED = 5000
"""At most this many commitments are compared pairwise (a bound on the work)."""

_WORD = re.compile(r"\w{4,}")
_COMMON = frozenset(
    {
        "deze",
        "door",
        "voor",
        "zijn",
        "wordt",
        "worden",
        "heeft",
        "hebben",
        "over",
        "naar",
        "zoals",
        "onder",
        "meer",
        "ook",
        "maar",
        "niet",
        "waar",
        "waarbij",
        "daarbij",
        "omdat",
        "welke",
        "hierin",
        "hiervoor",
        "tussen",
        "zullen",
        "zal",
        "gaan",
        "kunnen",
        "kabinet",
        "minister",
        "staatssecretaris",
        "kamer",
        "brief",
    }
)

Paragraph = Callable[[Commitment], str]


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _COMMON)


def _similar(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def linked_groups(
    commitments: Iterable[Commitment], paragraph: Paragraph | None = None
) -> dict[str, tuple[str, ...]]:
    """For every linked commitment, the ids of the others of its group (reading order).

    Args:
        commitments: from :func:`~.extract.library_commitments`.
        paragraph: the paragraph text of a commitment (see :func:`paragraphs`);
            without it only nearly equal sentences are linked.
    """
    items = list(commitments)[:MAX_COMPARED]
    sentences = [_words(c.sentence) for c in items]
    contexts = [_words(paragraph(c)) if paragraph else frozenset() for c in items]
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_deadline: dict[object, list[int]] = {}
    for i, c in enumerate(items):
        by_deadline.setdefault(c.latest, []).append(i)
    for group in by_deadline.values():
        for n, i in enumerate(group):
            for j in group[n + 1 :]:
                if _same(items[i], items[j], sentences[i], sentences[j], contexts[i], contexts[j]):
                    parent[root(j)] = root(i)
    members: dict[int, list[int]] = {}
    for i in range(len(items)):
        members.setdefault(root(i), []).append(i)
    links: dict[str, tuple[str, ...]] = {}
    for group in members.values():
        if len(group) > 1:
            for i in group:
                links[items[i].id] = tuple(items[j].id for j in group if j != i)
    return links


def _same(
    a: Commitment,
    b: Commitment,
    sa: frozenset[str],
    sb: frozenset[str],
    ca: frozenset[str],
    cb: frozenset[str],
) -> bool:
    if a.doc == b.doc and a.anchor == b.anchor:
        return False  # two promises in one paragraph are two promises
    if _similar(sa, sb) >= SAME_SENTENCE:
        return True
    return a.latest is not None and _similar(ca, cb) >= SAME_CONTEXT


def paragraphs(library: Library) -> Paragraph:
    """The text of the paragraph a commitment stands in, from the library."""

    def text(c: Commitment) -> str:
        doc = library.get(c.doc)
        if doc is None or not 0 <= c.block < len(doc.blocks):
            return c.sentence
        return block_text(doc.blocks[c.block])

    return text
