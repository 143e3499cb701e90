"""Commitments (toezeggingen), deadlines, the actions register and table sums.

No Qt: the timeline and register views call these functions.

- :func:`library_commitments` / :func:`extract_commitments`: what the
  government promised, where, with the time expression as a date range.
- :func:`timeline`: those commitments sorted by deadline with the member's
  status and the due status ("te laat", "binnenkort", "later", "zonder
  datum", "afgehandeld") on a given day.
- :func:`build_register`: a row per action and sub-action.
- :func:`check_library`: "Totaal" rows and columns that do not add up.
- :func:`find_expressions` / :func:`interpret`: the time-expression rules.

Every error is a :class:`CommitmentsError`.
"""

from briefing_reader.core.commitments.errors import (
    CommitmentsError,
    MarkerError,
    UnknownStatusError,
)
from briefing_reader.core.commitments.extract import (
    MARKER_CLASS,
    NO_MARKER_CLASS,
    Commitment,
    commitment_id,
    extract_commitments,
    library_commitments,
    split_sentences,
)
from briefing_reader.core.commitments.register import (
    ActionRow,
    Deadline,
    GlossaryEntry,
    action_rows,
    build_register,
    load_glossary,
    organisations_in,
    row_due,
    with_notes,
)
from briefing_reader.core.commitments.status import (
    CLOSED_STATUSES,
    DEFAULT_STATUS,
    DUE_CLOSED,
    DUE_LATE,
    DUE_LATER,
    DUE_SOON,
    DUE_UNDATED,
    DUE_VALUES,
    SOON_DAYS,
    STATUSES,
    TimelineEntry,
    check_status,
    due_status,
    timeline,
)
from briefing_reader.core.commitments.timeexpr import TimeExpression, find_expressions, interpret
from briefing_reader.core.content.tables import (
    SumDifference,
    check_document,
    check_library,
    check_rows,
    format_number,
    has_total,
    parse_number,
    table_rows,
)

__all__ = [
    "CLOSED_STATUSES",
    "DEFAULT_STATUS",
    "DUE_CLOSED",
    "DUE_LATE",
    "DUE_LATER",
    "DUE_SOON",
    "DUE_UNDATED",
    "DUE_VALUES",
    "MARKER_CLASS",
    "NO_MARKER_CLASS",
    "SOON_DAYS",
    "STATUSES",
    "ActionRow",
    "Commitment",
    "CommitmentsError",
    "Deadline",
    "GlossaryEntry",
    "MarkerError",
    "SumDifference",
    "TimeExpression",
    "TimelineEntry",
    "UnknownStatusError",
    "action_rows",
    "build_register",
    "check_document",
    "check_library",
    "check_rows",
    "check_status",
    "commitment_id",
    "due_status",
    "extract_commitments",
    "find_expressions",
    "format_number",
    "has_total",
    "interpret",
    "library_commitments",
    "load_glossary",
    "organisations_in",
    "parse_number",
    "row_due",
    "split_sentences",
    "table_rows",
    "timeline",
    "with_notes",
]
