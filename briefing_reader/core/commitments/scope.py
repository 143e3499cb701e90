"""Which letters the timeline reads: bounded, whatever the size of the library.

Finding the commitments of a letter means reading every sentence of it
(some 0.2 s for a letter of 15 KB, 0.7 s for the bundled one), so a
timeline over a library of 10,000 letters would take half an hour. The
timeline reads the letters that concern the member instead, chosen from the
catalogue without parsing any:

- every letter with actions (the bundled letter and the few like it),
- every letter the member has notes in or has given a commitment a status,
- the :data:`RECENT_LETTERS` most recent letters by date,
- any letter asked for by name.

:class:`Scope` says how many letters that is of how many, so a view can say
so. A library of fewer letters than that is read whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing_reader.core.commitments.extract import SKIPPED_DOC_KINDS

if TYPE_CHECKING:
    from briefing_reader.core.content import Document, Library

RECENT_LETTERS = 10
"""The most recent letters the timeline always reads."""


@dataclass(frozen=True)
class Scope:
    """The letters read (ids in library order) and how many letters there are."""

    documents: tuple[str, ...]
    letters: int
    recent: int = RECENT_LETTERS

    @property
    def complete(self) -> bool:
        return len(self.documents) >= self.letters


def commitment_document(commitment_id: str) -> str:
    """The document of a commitment id (``doc:anchor:hash``)."""
    return commitment_id.rsplit(":", 2)[0]


def timeline_scope(
    library: Library, noted: Iterable[str] = (), recent: int = RECENT_LETTERS
) -> Scope:
    """The letters the timeline reads (see the module docstring); parses nothing.

    Args:
        library: the library (its catalogue).
        noted: ids of documents the member has notes or statuses in, or asks for.
        recent: how many of the most recent letters are read.
    """
    letters = [e for e in library.entries() if e.kind not in SKIPPED_DOC_KINDS]
    wanted = set(library.action_documents()) | set(noted)
    newest = sorted(letters, key=lambda e: e.date or dt.date.min, reverse=True)
    wanted |= {e.id for e in newest[:recent]}
    return Scope(tuple(e.id for e in letters if e.id in wanted), len(letters), recent)


def scope_documents(library: Library, scope: Scope) -> list[Document]:
    """The parsed letters of ``scope``, in library order."""
    found = (library.get(doc_id) for doc_id in scope.documents)
    return [doc for doc in found if doc is not None]
