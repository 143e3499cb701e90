"""Where a commitment stands: the member's status and the due status today.

The member sets a status (:data:`STATUSES`, Openstaand until set) with a
note; the notes store keeps it under the commitment's id. The *due* status
follows from the deadline and today's date:

- "te laat": the latest date has passed and the status is not Voldaan or
  Vervallen;
- "binnenkort": the latest date is today or within :data:`SOON_DAYS` days;
- "later": the latest date is further away;
- "zonder datum": the commitment has no date;
- "afgehandeld": the member marked it Voldaan or Vervallen.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from briefing_reader.core.commitments.errors import UnknownStatusError
from briefing_reader.core.commitments.extract import Commitment
from briefing_reader.core.messages import message


class CommitmentState(enum.StrEnum):
    """The member's status of a commitment (stored in the notes as these Dutch words)."""

    OPEN = "Openstaand"
    MET = "Voldaan"
    PARTLY_MET = "Deels voldaan"
    LAPSED = "Vervallen"


STATUSES: tuple[str, ...] = tuple(state.value for state in CommitmentState)
DEFAULT_STATUS: str = CommitmentState.OPEN.value
CLOSED_STATUSES: tuple[str, ...] = (CommitmentState.MET.value, CommitmentState.LAPSED.value)

DUE_LATE = "te laat"
DUE_SOON = "binnenkort"
DUE_LATER = "later"
DUE_UNDATED = "zonder datum"
DUE_CLOSED = "afgehandeld"
DUE_VALUES: tuple[str, ...] = (DUE_LATE, DUE_SOON, DUE_LATER, DUE_UNDATED, DUE_CLOSED)
SOON_DAYS = 30

#: What the notes store gives per commitment id: (status, note).
Statuses = Mapping[str, tuple[str, str]]


def check_status(status: str) -> str:
    """``status`` if it is one of :data:`STATUSES`.

    Raises:
        UnknownStatusError: naming the allowed values.
    """
    if status not in STATUSES:
        raise UnknownStatusError(
            message("commitments.unknown_status", value=status, choices=", ".join(STATUSES))
        )
    return status


def due_status(
    latest: dt.date | None, today: dt.date, status: str = DEFAULT_STATUS, soon_days: int = SOON_DAYS
) -> str:
    """The due status of a commitment with deadline ``latest`` on ``today``."""
    if status in CLOSED_STATUSES:
        return DUE_CLOSED
    if latest is None:
        return DUE_UNDATED
    if latest < today:
        return DUE_LATE
    if (latest - today).days <= soon_days:
        return DUE_SOON
    return DUE_LATER


@dataclass(frozen=True)
class TimelineEntry:
    """A commitment on the timeline, with its statuses on a given day.

    Attributes:
        commitment: what was promised, where, by when.
        status: the member's status (Openstaand unless set).
        note: the member's note on that status ('' when none).
        due: te laat, binnenkort, later, zonder datum or afgehandeld.
    """

    commitment: Commitment
    status: str
    note: str
    due: str

    @property
    def overdue(self) -> bool:
        return self.due == DUE_LATE

    def to_dict(self) -> dict[str, Any]:
        """The commitment's fields plus ``status``, ``status_note`` and ``due``."""
        data = self.commitment.to_dict()
        data.update(status=self.status, status_note=self.note, due=self.due)
        return data


def _sort_key(entry: TimelineEntry) -> tuple[bool, dt.date, dt.date, str, int]:
    c = entry.commitment
    return (c.latest is None, c.latest or dt.date.max, c.earliest or dt.date.min, c.doc, c.block)


def timeline(
    commitments: Iterable[Commitment],
    today: dt.date,
    statuses: Statuses | None = None,
    *,
    overdue_only: bool = False,
    soon_days: int = SOON_DAYS,
) -> list[TimelineEntry]:
    """Commitments sorted by deadline (undated last), each with its statuses.

    Args:
        commitments: from :func:`~.extract.library_commitments`.
        today: the day the due status is measured against.
        statuses: the member's (status, note) per commitment id; a stored
            status that is no longer valid counts as Openstaand.
        overdue_only: keep only those that are "te laat".
        soon_days: how far ahead "binnenkort" looks.
    """
    stored = statuses or {}
    entries: list[TimelineEntry] = []
    for item in commitments:
        status, note = stored.get(item.id, (DEFAULT_STATUS, ""))
        if status not in STATUSES:
            status = DEFAULT_STATUS
        entry = TimelineEntry(item, status, note, due_status(item.latest, today, status, soon_days))
        if not overdue_only or entry.overdue:
            entries.append(entry)
    return sorted(entries, key=_sort_key)
