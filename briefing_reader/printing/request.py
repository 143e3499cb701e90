"""What to print: excerpts of documents, or the debate-preparation pack (no Qt)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from briefing_reader.core.atomic import write_atomic
from briefing_reader.core.content import Library
from briefing_reader.core.content.citation import citation
from briefing_reader.core.messages import Message, as_message, message

_RANGE = re.compile(r"^(\d+)-(\d+)$")


class PrintError(Exception):
    """A request names something that does not exist, or the output cannot be
    written; ``message`` says what (``str()``: in English)."""

    def __init__(self, said: str | Message) -> None:
        self.message = as_message(said)
        super().__init__(str(self.message))


def output_target(path: Path | str) -> Path:
    """``path`` as a file to write printed output to: its folder must exist
    and it must not be a folder itself.

    Raises:
        PrintError: naming the file and why not.
    """
    path = Path(path)
    if not path.parent.is_dir():
        folder = message("exchange.no_folder", folder=str(path.parent))
        raise PrintError(message("cli.at", path=str(path), reason=folder))
    if path.is_dir():
        raise PrintError(message("cli.at", path=str(path), reason=message("import.folder")))
    return path


def save_output(path: Path, data: bytes) -> None:
    """Write printed output atomically (a reader never sees half a file).

    Raises:
        PrintError: the file cannot be written, naming it and why.
    """
    try:
        write_atomic(path, data)
    except OSError as exc:
        problem = message("exchange.cannot_write", problem=str(exc.strerror or exc))
        raise PrintError(message("cli.at", path=str(path), reason=problem)) from exc


@dataclass(frozen=True)
class Excerpt:
    """One piece of a document to print.

    Attributes:
        doc_id: the document.
        anchor: an outline node (section, theme, action) or block anchor;
            None for the whole document (or for a selection).
        start, end: a selection as offsets in ``Document.plain_text``
            (both None unless a selection is printed).
    """

    doc_id: str
    anchor: str | None = None
    start: int | None = None
    end: int | None = None

    @property
    def is_selection(self) -> bool:
        return self.start is not None and self.end is not None


@dataclass(frozen=True)
class PrintRequest:
    """A print job.

    Attributes:
        excerpts: what to print, in order (ignored for a pack).
        with_notes: add my stance, note and questions to each action.
        pack: the "Debatvoorbereiding" pack instead of excerpts.
        actions: for a pack, (doc id, action id) pairs; None for the default
            (every action with a stance or a note).
        title: a title for the job (PDF metadata, file name); derived if None.
        order: for a pack, "priority" (then letter order) or "letter".
        language: the interface language ("nl" or "en") for the printed labels.
    """

    excerpts: tuple[Excerpt, ...] = ()
    with_notes: bool = False
    pack: bool = False
    actions: tuple[tuple[str, str], ...] | None = None
    title: str | None = None
    order: str = "priority"
    language: str = "nl"

    @classmethod
    def selection(cls, doc_id: str, start: int, end: int, with_notes: bool = False) -> PrintRequest:
        """The reader's selection, ``plain_text[start:end]`` of ``doc_id``."""
        return cls((Excerpt(doc_id, None, min(start, end), max(start, end)),), with_notes)

    @classmethod
    def node(cls, doc_id: str, anchor: str | None, with_notes: bool = False) -> PrintRequest:
        """A section, theme or action (``anchor``), or the whole document (None)."""
        return cls((Excerpt(doc_id, anchor),), with_notes)

    @classmethod
    def for_actions(cls, refs: Iterable[tuple[str, str]], with_notes: bool = True) -> PrintRequest:
        """A set of actions, one after another."""
        return cls(tuple(Excerpt(doc_id, action) for doc_id, action in refs), with_notes)

    @classmethod
    def debate_pack(
        cls,
        refs: Iterable[tuple[str, str]] | None = None,
        *,
        order: str = "priority",
        language: str = "nl",
    ) -> PrintRequest:
        """The debate-preparation pack (default: every action with a stance or a note)."""
        return cls(
            (), True, True, None if refs is None else tuple(refs), order=order, language=language
        )

    def file_stem(self, library: Library | None = None, today: dt.date | None = None) -> str:
        """A file name (without suffix) a person would give it: "Debatvoorbereiding
        Integratiebeleid 2026-12-06", an action's or section's title, a letter's citation."""
        today = today or dt.date.today()
        docs = [library.get(e.doc_id) for e in self.excerpts] if library else []
        if self.pack:
            topics = [d.meta.dossier_title for d in (library or []) if d.meta.dossier_title]
            return human_name(
                f"Debatvoorbereiding {topics[0] if topics else ''} {today.isoformat()}"
            )
        if not self.excerpts:
            return "Uittreksel"
        first, doc = self.excerpts[0], docs[0] if docs else None
        if doc is None:
            return human_name(first.doc_id)
        node = doc.node(first.anchor) if first.anchor else None
        if node is not None:
            return human_name(node.title)
        name = citation(doc.meta) or doc.title
        return human_name(f"{name} uittreksel" if first.is_selection else name)


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def human_name(text: str, width: int = 80) -> str:
    """``text`` as a file name: characters no file system takes become spaces."""
    text = re.sub(r"(\d)/(\d)", r"\1-\2", text)  # 2024/25 reads as 2024-25
    flat = " ".join(_UNSAFE.sub(" ", text).split()).strip(" .")
    return flat[:width].rstrip() or "Uittreksel"


def parse_address(address: str, library: Library) -> Excerpt:
    """``DOC``, ``DOC#anchor`` or ``DOC@start-end`` (plain-text offsets) as an Excerpt.

    Raises:
        PrintError: the document, place or range does not exist.
    """
    if "@" in address:
        doc_id, _, span = address.partition("@")
        matched = _RANGE.match(span)
        doc = library.get(doc_id)
        if doc is None:
            raise PrintError(_no_document(doc_id, library))
        if not matched or not 0 <= int(matched.group(1)) < int(matched.group(2)) <= len(
            doc.plain_text
        ):
            raise PrintError(
                message("print.bad_range", address=address, length=str(len(doc.plain_text)))
            )
        return Excerpt(doc_id, None, int(matched.group(1)), int(matched.group(2)))
    doc_id, _, anchor = address.partition("#")
    doc = library.get(doc_id)
    if doc is None:
        raise PrintError(_no_document(doc_id, library))
    if anchor and doc.node(anchor) is None and anchor not in doc.anchors():
        raise PrintError(message("print.no_place_toc", doc=doc_id, anchor=anchor))
    return Excerpt(doc_id, anchor or None)


def resolve_actions(refs: Iterable[str], library: Library) -> tuple[tuple[str, str], ...]:
    """``actie-x`` or ``DOC#actie-x`` as (doc id, action id) pairs.

    Raises:
        PrintError: an action is unknown, or its id occurs in several documents.
    """
    out: list[tuple[str, str]] = []
    for ref in refs:
        doc_id, _, action_id = ref.rpartition("#")
        having = [  # from the catalogue: no document is parsed
            holder
            for holder in library.action_documents(action_id)
            if not doc_id or holder == doc_id
        ]
        if not having:
            raise PrintError(message("print.no_action_ref", ref=ref))
        if len(having) > 1:
            raise PrintError(
                message("print.action_ambiguous", action=action_id, docs=", ".join(having))
            )
        out.append((having[0], action_id))
    return tuple(out)


def _no_document(doc_id: str, library: Library) -> Message:
    return message("cli.no_document", doc=doc_id, known=", ".join(sorted(library.documents)))
