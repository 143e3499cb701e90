"""The debate card (Debatkaart): what a member takes into the room, on one A4 page.

No Qt: :func:`compose_card` writes the card at given limits (how many
actions, commitments and key figures); :func:`card_levels` lists the limits
to try, from everything to little, and the painting side keeps the first
that fits one page (two at most, said on the card).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from briefing_reader.core.commitments import DUE_LATE, DUE_SOON
from briefing_reader.core.content import Document, Library, OutlineNode
from briefing_reader.core.content.citation import citation, dutch_date
from briefing_reader.core.messages import message
from briefing_reader.core.notes.anchors import locate
from briefing_reader.printing.composing import (
    KEEP,
    Composition,
    Running,
    _Notes,
    _short,
    open_commitments,
    order_actions,
)
from briefing_reader.printing.labels import Labels
from briefing_reader.printing.request import PrintError

if TYPE_CHECKING:
    from briefing_reader.core.notes.store import NotesStore

_MOTION = re.compile(r"^\s*motie\b", re.IGNORECASE)

#: Larger type and air: read at arm's length, on paper, in a debate.
CARD_CSS = """
p, li { font-size: 12pt; line-height: 115%; margin-bottom: 2px; }
h1.card { font-size: 20pt; color: #154273; margin-bottom: 2px; }
h2 { font-size: 14pt; color: #154273; margin-top: 10px; margin-bottom: 3px; }
p.sub { font-size: 11pt; color: #4a4a4a; margin-bottom: 6px; }
p.action { font-size: 13pt; font-weight: bold; margin-top: 6px; margin-bottom: 1px; }
p.src, span.src { font-size: 9pt; color: #4a4a4a; }
ol { margin-top: 0px; margin-bottom: 4px; }
"""


@dataclass(frozen=True)
class CardLimits:
    """How much goes on the card (None: everything)."""

    actions: int | None = None
    commitments: int = 5
    figures: int = 6
    questions: int | None = None  # per action


def card_levels() -> list[CardLimits]:
    """Limits to try in turn, from everything to the essentials."""
    return [
        CardLimits(),
        CardLimits(12, 4, 5, 3),
        CardLimits(8, 3, 4, 2),
        CardLimits(6, 3, 3, 2),
        CardLimits(4, 2, 3, 1),
        CardLimits(3, 2, 2, 1),
    ]


def card_documents(
    library: Library, store: NotesStore | None, doc_ids: Iterable[str] = ()
) -> list[Document]:
    """The letters the card covers: those named, else the letters with my notes,
    else every letter.

    Raises:
        PrintError: a named document does not exist.
    """
    named = list(doc_ids)
    if named:
        docs = []
        for doc_id in named:
            doc = library.get(doc_id)
            if doc is None:
                raise PrintError(
                    message(
                        "cli.no_document", doc=doc_id, known=", ".join(sorted(library.documents))
                    )
                )
            docs.append(doc)
        return docs
    letters = [e.id for e in library.entries() if e.kind != "companion"]  # nothing parsed
    if store is not None:
        noted = {a.doc_id for a in store.action_annotations(include_imported=False)}
        noted |= {h.doc_id for h in store.highlights() if h.is_mine}
        if any(doc_id in noted for doc_id in letters):
            letters = [doc_id for doc_id in letters if doc_id in noted]
    found = (library.get(doc_id) for doc_id in letters)
    return [doc for doc in found if doc is not None]


def compose_card(
    library: Library,
    store: NotesStore | None,
    docs: list[Document],
    *,
    today: dt.date | None = None,
    language: str = "nl",
    limits: CardLimits = CardLimits(),
    pages: int = 1,
) -> Composition:
    """The debate card of ``docs`` at ``limits``; ``pages`` (1 or 2) is said on it."""
    if not docs:
        raise PrintError(message("print.no_letters"))
    today = today or dt.date.today()
    words = Labels(language)
    notes = _Notes(store)
    html = [_title(docs, words, today, pages), _letters(docs, words)]
    html += _actions(library, notes, docs, words, limits)
    html += _figures(notes, docs, words, limits)
    html += _commitments(library, docs, store, words, today, limits)
    html += _motions(docs, words)
    running = [Running("br-run-card", words["card"], words.date(today), "", True)]
    return Composition(
        "\n".join(html), words["card"], [], running, today, css=CARD_CSS, labels=words
    )


def _title(docs: list[Document], words: Labels, today: dt.date, pages: int) -> str:
    topics = [d.meta.dossier_title for d in docs if d.meta.dossier_title]
    title = words["card"] + (f" {topics[0]}" if topics else "")
    sub = words.date(today) + (f" · {words['card_pages'].format(pages)}" if pages > 1 else "")
    return (
        f'<h1 class="card"><a name="br-run-card"></a>{escape(title)}</h1>'
        f'<p class="sub">{escape(sub)}</p>'
    )


def _letters(docs: list[Document], words: Labels) -> str:
    items = []
    for doc in docs:
        cite = citation(doc.meta)
        date = f", {dutch_date(doc.meta.date)}" if doc.meta.date else ""
        head = f"<b>{escape(cite)}</b><br/>" if cite else ""
        items.append(f"<li>{head}{escape(doc.title)}{escape(date)}</li>")
    return f"<h2>{KEEP}{escape(words['letters'])}</h2><ul>{''.join(items)}</ul>"


def _actions(
    library: Library, notes: _Notes, docs: list[Document], words: Labels, limits: CardLimits
) -> list[str]:
    chosen: list[tuple[Document, OutlineNode]] = []
    for doc in docs:
        for node in doc.actions():
            mine = notes.mine(doc.id, node.id)
            if mine is not None and (mine.stance or mine.questions or mine.priority):
                chosen.append((doc, node))
    chosen = order_actions(chosen, notes, library, "priority")
    if not chosen:
        return []
    out = [f"<h2>{KEEP}{escape(words['pack_notes'])}</h2>"]
    number = 1
    for doc, node in chosen[: limits.actions]:
        mine = notes.mine(doc.id, node.id)
        assert mine is not None
        facts = [mine.stance or "", words[mine.priority] if mine.priority else ""]
        fact = " · ".join(escape(f) for f in facts if f)
        out.append(
            f'<p class="action">{KEEP}{escape(node.title)}{" — " + fact if fact else ""}</p>'
        )
        questions = list(mine.questions)[: limits.questions]
        if questions:
            out.append(
                f'<ol start="{number}">'
                + "".join(f"<li>{escape(q)}</li>" for q in questions)
                + "</ol>"
            )
            number += len(questions)
    left = len(chosen) - len(chosen[: limits.actions])
    if left:
        out.append(
            f'<p class="src">+ {left} {escape(words["actions"])} ({escape(words["pack"])})</p>'
        )
    return out


def _figures(notes: _Notes, docs: list[Document], words: Labels, limits: CardLimits) -> list[str]:
    found = []
    for doc in docs:
        for item in notes.highlights(doc.id):
            place = locate(doc.plain_text, item.anchor) if item.key_figure else None
            if place is not None:
                block = next(
                    (i for i, b in enumerate(doc.blocks) if b.text and b.end > place.start), 0
                )
                path = doc.section_path(doc.node_at_block(block))
                found.append((doc, item, path))
    out = [f"<h2>{KEEP}{escape(words['key_figures'])}</h2>"]
    if not found:
        return [*out, f'<p class="src"><i>{escape(words["no_key_figures"])}</i></p>']
    items = []
    for doc, item, path in found[: limits.figures]:
        note = f"<br/>{escape(_short(item.note, 160))}" if item.note.strip() else ""
        items.append(
            f"<li>“{escape(_short(item.anchor.quote.exact, 220))}”{note}<br/>"
            f'<span class="src">{escape(citation(doc.meta) or doc.title)}'
            f"{' · ' + escape(path) if path else ''}</span></li>"
        )
    return [*out, f"<ul>{''.join(items)}</ul>"]


def _commitments(
    library: Library,
    docs: list[Document],
    store: NotesStore | None,
    words: Labels,
    today: dt.date,
    limits: CardLimits,
) -> list[str]:
    entries = open_commitments(library, docs, store, today)
    # Overdue (most recently missed first) and soon due (soonest first), each
    # with at least half of the room when both have some.
    late = sorted(
        (e for e in entries if e.due == DUE_LATE), key=lambda e: -e.commitment.latest.toordinal()
    )
    soon = [e for e in entries if e.due == DUE_SOON]
    room = limits.commitments
    late_room = max(room - len(soon), (room + 1) // 2)
    shown = late[:late_room] + soon[: room - len(late[:late_room])]
    entries = late + soon
    out = [f"<h2>{KEEP}{escape(words['commitments'])}</h2>"]
    if not entries:
        return [*out, f'<p class="src"><i>{escape(words["no_commitments"])}</i></p>']
    items = []
    for entry in shown:
        item = entry.commitment
        doc = library.get(item.doc)
        cite = (citation(doc.meta) or doc.title) if doc else item.doc
        items.append(
            f"<li><b>{escape(words[entry.due])} · "
            f"{escape(words['deadline'].format(words.date(item.latest)))}</b><br/>"
            f"{escape(_short(item.sentence, 200))}<br/>"
            f'<span class="src">{escape(cite)} · {escape(item.section_path)}</span></li>'
        )
    left = len(entries) - len(shown)
    more = f'<p class="src">{escape(words["more_timeline"].format(left))}</p>' if left else ""
    return [*out, f"<ul>{''.join(items)}</ul>{more}"]


def motions(docs: list[Document]) -> list[tuple[Document, OutlineNode]]:
    """The motions the letters answer: their parts headed "Motie ..."."""
    found = []
    for doc in docs:
        stack = list(reversed(doc.outline.children))
        while stack:
            node = stack.pop()
            if _MOTION.match(node.title):
                found.append((doc, node))
            stack.extend(reversed(node.children))
    return found


def _motions(docs: list[Document], words: Labels) -> list[str]:
    found = motions(docs)
    if not found:
        return []
    items = "".join(
        f"<li>{escape(node.title)} "
        f'<span class="src">({escape(_where(doc, node, len(docs) > 1))})</span></li>'
        for doc, node in found
    )
    return [f"<h2>{KEEP}{escape(words['motions'])}</h2><ul>{items}</ul>"]


def _where(doc: Document, node: OutlineNode, cited: bool) -> str:
    """The section the node stands in (after the citation when several letters)."""
    around = " > ".join(item.title for item in node.path()[:-1])
    cite = citation(doc.meta) or doc.title
    if not cited:
        return around or cite
    return f"{cite} · {around}" if around else cite
