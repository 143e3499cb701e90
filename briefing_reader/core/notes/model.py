"""The things a member keeps about a document, as plain frozen dataclasses.

Every stored item has a UUID ``id``, ``created``/``modified`` timestamps in
UTC ISO 8601 (``2025-07-15T09:30:00.123Z``), an ``author`` and
``imported_from`` (``None`` for my own notes; a label of the source for a
colleague's notes merged in from a Web Annotation file, which are shown as
theirs and never overwrite mine). Anchored items carry the document id,
version and content hashes they were made against, which is what
re-anchoring needs when a new version of a letter arrives.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any

from briefing_reader.core.messages import Message

#: The stance list a new profile starts with; the member edits it (``set_stances``),
#: so a stance is any string on the member's list, not a fixed word list.
DEFAULT_STANCES: tuple[str, ...] = (
    "Steunen",
    "Kritisch",
    "Vragen stellen",
    "Motie overwegen",
    "Geen standpunt",
)


class Priority(enum.StrEnum):
    """The priority a member gives an action (stored as these Dutch words)."""

    HIGH = "hoog"
    MEDIUM = "middel"
    LOW = "laag"


PRIORITIES: tuple[str, ...] = tuple(p.value for p in Priority)


#: Named highlight colours and the RGB the reader paints them with.
COLOURS: dict[str, str] = {
    "geel": "#fff176",
    "groen": "#a5d6a7",
    "blauw": "#90caf9",
    "roze": "#f48fb1",
    "oranje": "#ffcc80",
}
DEFAULT_COLOUR = "geel"


class AnchorStatus(enum.StrEnum):
    """Where a note stands against its document, and the outcome of re-anchoring it.

    New items are exact; re-anchoring (issue 5) writes the others.
    """

    EXACT = "exact"
    MOVED = "moved"
    FUZZY = "fuzzy"
    ORPHANED = "orphaned"


#: Outcomes that put an item on the "Te controleren" list.
TO_REVIEW = frozenset({AnchorStatus.FUZZY, AnchorStatus.ORPHANED})


class Motivation(enum.StrEnum):
    """W3C Web Annotation motivations (and body purposes) the notes exchange uses."""

    HIGHLIGHTING = "highlighting"
    COMMENTING = "commenting"
    BOOKMARKING = "bookmarking"
    TAGGING = "tagging"
    QUESTIONING = "questioning"
    CLASSIFYING = "classifying"
    DESCRIBING = "describing"


class NoteKind(enum.StrEnum):
    """The three kinds of note, each in its own table (:data:`notes.tables.TABLES`)."""

    ACTION = "action"
    HIGHLIGHT = "highlight"
    BOOKMARK = "bookmark"


def utc_now() -> str:
    """The current time as stored: UTC, ISO 8601, milliseconds, ``Z``."""
    return format_time(dt.datetime.now(dt.UTC))


def format_time(moment: dt.datetime) -> str:
    """A timezone-aware datetime in the stored form."""
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_time(text: str) -> dt.datetime:
    """A stored timestamp back as an aware datetime."""
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


@dataclass(frozen=True)
class TextQuoteSelector:
    """W3C TextQuoteSelector: the quoted text and the text around it."""

    exact: str
    prefix: str = ""
    suffix: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "type": "TextQuoteSelector",
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
        }


@dataclass(frozen=True)
class TextPositionSelector:
    """W3C TextPositionSelector: offsets into ``Document.plain_text``."""

    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"type": "TextPositionSelector", "start": self.start, "end": self.end}


@dataclass(frozen=True)
class TextAnchor:
    """Where a highlight or bookmark sits, in a form that survives edits.

    Attributes:
        doc_id: the document.
        doc_version: ``Document.meta.version`` when anchored (None if unversioned).
        doc_hash: ``Document.source_hash`` when anchored.
        text_hash: SHA-256 of ``Document.plain_text`` when anchored; while it
            is unchanged, ``position`` is valid as it stands.
        quote: the quoted text with context.
        position: its offsets in the plain text.
        place: the nearest anchor id (block or outline node) at the start,
            for jumping and for citing; None if the text has none.
    """

    doc_id: str
    doc_version: int | None
    doc_hash: str
    text_hash: str
    quote: TextQuoteSelector
    position: TextPositionSelector
    place: str | None = None

    def selectors(self) -> list[dict[str, Any]]:
        """The W3C selectors, as stored and exported."""
        return [self.quote.to_json(), self.position.to_json()]


@dataclass(frozen=True)
class ActionTarget:
    """The action (or sub-action) an annotation hangs on, with what re-anchoring needs.

    Attributes:
        doc_id: the document.
        action_id: the stable outline id, e.g. ``actie-taaleis-in-de-bijstand``.
        doc_version: document version when annotated.
        doc_hash: ``Document.source_hash`` when annotated.
        title: the action's title, to find it again if its id disappears.
        text: the action's plain text, for the same purpose.
    """

    doc_id: str
    action_id: str
    doc_version: int | None = None
    doc_hash: str = ""
    title: str = ""
    text: str = ""


class _Owned:
    """Whose an item is: mine, or a colleague's merged in from a file."""

    imported_from: str | None

    @property
    def is_mine(self) -> bool:
        return self.imported_from is None


class _Anchored(_Owned):
    """An item hung on a passage of a document."""

    anchor: TextAnchor

    @property
    def doc_id(self) -> str:
        return self.anchor.doc_id


@dataclass(frozen=True)
class ActionAnnotation(_Owned):
    """Where the member stands on one action and what they will ask."""

    id: str
    doc_id: str
    action_id: str
    stance: str | None
    priority: str | None
    note: str
    questions: tuple[str, ...]
    tags: tuple[str, ...]
    action_title: str
    action_text: str
    doc_version: int | None
    doc_hash: str
    author: str
    created: str
    modified: str
    imported_from: str | None = None
    anchor_status: str = AnchorStatus.EXACT

    @property
    def is_empty(self) -> bool:
        """True when nothing is filled in (no badge needed)."""
        return not (
            self.stance or self.priority or self.note.strip() or self.questions or self.tags
        )


@dataclass(frozen=True)
class Highlight(_Anchored):
    """A coloured passage, optionally with a note."""

    id: str
    anchor: TextAnchor
    colour: str
    note: str
    tags: tuple[str, ...]
    motivation: str
    author: str
    created: str
    modified: str
    imported_from: str | None = None
    anchor_status: str = AnchorStatus.EXACT
    key_figure: bool = False  # marked "kerncijfer": on the debate card


@dataclass(frozen=True)
class Bookmark(_Anchored):
    """A named place; ``order`` sorts the bookmarks panel."""

    id: str
    anchor: TextAnchor
    name: str
    order: int
    author: str
    created: str
    modified: str
    imported_from: str | None = None
    anchor_status: str = AnchorStatus.EXACT


@dataclass(frozen=True)
class ReadingPosition:
    """Where the reader was in a document (one per document)."""

    doc_id: str
    offset: int
    place: str | None
    doc_version: int | None
    doc_hash: str
    modified: str
    text_hash: str = ""


@dataclass(frozen=True)
class CommitmentStatus:
    """The member's status of a commitment (toezegging) and a note on it."""

    commitment_id: str
    status: str
    note: str
    author: str
    created: str
    modified: str


@dataclass(frozen=True)
class TrashItem:
    """A deleted item that can still be restored until it is purged.

    Attributes:
        id: the item's id (pass to ``NotesStore.restore``).
        kind: "action", "highlight" or "bookmark".
        doc_id: its document.
        label: a short description for a list (quote, name or action id).
        deleted_at: when it was deleted.
    """

    id: str
    kind: str
    doc_id: str
    label: str
    deleted_at: str


@dataclass(frozen=True)
class PendingEdit:
    """An edit that could not be saved, handed back on ``NotesError.pending``.

    Attributes:
        operation: the store method that failed, e.g. "update_action".
        target: what it was about (an ActionTarget, TextAnchor, item id...).
        changes: the values that were to be saved, by field name.
    """

    operation: str
    target: object
    changes: dict[str, Any]


@dataclass(frozen=True)
class OpenEvent:
    """Something that happened while opening the notes, in plain words.

    Attributes:
        kind: what happened: ``moved_aside``, ``restored``, ``started_empty``,
            ``migrated``, ``read_only``, ``purged``, ``backed_up``,
            ``backup_failed``, ``changes_lost``, ``disk_full``.
        message: what to tell the user (a code and its values, worded in the
            user's language by the window or the command line; ``str()`` is
            the English text).
        warning: True when the user should be told (not mere housekeeping).
        paths: the files concerned (where a damaged file went, the backup used...).
    """

    kind: str
    message: Message
    warning: bool = False
    paths: tuple[str, ...] = ()


@dataclass(frozen=True)
class OpenReport:
    """What opening the notes store found and did."""

    events: tuple[OpenEvent, ...] = ()
    read_only: bool = False

    @property
    def warnings(self) -> tuple[OpenEvent, ...]:
        return tuple(event for event in self.events if event.warning)

    @property
    def message(self) -> str:
        """The warnings as one text for a dialog or status bar ('' when none)."""
        return "\n".join(str(event.message) for event in self.warnings)

    def kinds(self) -> list[str]:
        return [event.kind for event in self.events]
