"""The HTML of a print job, in Qt's rich-text subset, and what the layout must do to it.

No Qt here: :func:`compose` turns a :class:`PrintRequest` into a
:class:`Composition` (HTML, style sheet, running headers, and per excerpt
the text blocks to find again so highlights can be painted and a selection
trimmed); :mod:`briefing_reader.printing.layout` lays it out.
"""

from __future__ import annotations

import datetime as dt
import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

from briefing_reader import APP_NAME as APP_NAME  # painting and word take it from here
from briefing_reader.core.content import Block, Document, Library, OutlineNode
from briefing_reader.core.content.citation import citation, dutch_date
from briefing_reader.core.content.model import ACTION_KINDS
from briefing_reader.core.messages import message
from briefing_reader.core.notes.anchors import locate
from briefing_reader.core.notes.model import COLOURS, ActionAnnotation, Highlight, Priority
from briefing_reader.printing.labels import Labels
from briefing_reader.printing.request import Excerpt, PrintError, PrintRequest

if TYPE_CHECKING:
    from briefing_reader.core.notes.store import NotesStore

_FNREF = re.compile(r'<a class="fnref" href="#fn-[^"]*">([^<]*)</a>')
_LOCAL_LINK = re.compile(r'<a href="(?:#|doc:)[^"]*">(.*?)</a>', re.DOTALL)
_CLOSE = {"box_open": "</td></tr></table>", "quote_open": "</blockquote>"}
_OPEN_KINDS = ("box_open", "list_open", "quote_open")
#: Marks a label that keeps with the text after it, as a heading does (see layout).
KEEP = '<a name="br-keep"></a>'
#: Before "000" in the contents: the layout writes the page of the marker named after it.
PAGE_OF = "br-pageof-"
_LABEL_PARAGRAPH = re.compile(r'(<p class="(?:box-label|subaction-title)">)')
PRIORITY_RANK: dict[str, int] = {priority: rank for rank, priority in enumerate(Priority)}
_CLOSE_KINDS = ("box_close", "list_close", "quote_close")

#: Added to the reader's light style sheet for paper (Qt rich-text subset).
PRINT_CSS = """
p, li { line-height: 135%; margin-bottom: 7px; }
h2 { font-size: large; margin-top: 18px; margin-bottom: 8px; }
h3 { font-size: medium; margin-top: 16px; margin-bottom: 6px; }
h4, h5, h6 { margin-top: 12px; margin-bottom: 4px; }
a { color: #1b1b1b; text-decoration: none; }
p.cite { font-size: large; font-weight: bold; color: #154273; margin-bottom: 2px; }
p.doc-title { font-weight: bold; margin-bottom: 2px; }
p.date { color: #4a4a4a; margin-bottom: 2px; }
p.path { color: #4a4a4a; font-style: italic; margin-bottom: 8px; }
p.pack-cite { color: #4a4a4a; font-size: small; margin-bottom: 6px; }
p.fn-head { font-weight: bold; font-size: small; margin-top: 8px; margin-bottom: 2px; }
table.footnotes { font-size: small; margin-bottom: 10px; }
table.notes { background-color: #f2f2f2; border: 1px solid #6b6b6b; border-style: solid;
              margin-top: 2px; margin-bottom: 12px; }
table.actie, table.deelactie { border-style: solid; }
table.data { border-collapse: collapse; border-color: #7a7a7a; }
ul.contents li { margin-bottom: 1px; line-height: 120%; }
p.notes-label { color: #154273; font-weight: bold; font-size: small;
                text-transform: uppercase; margin-bottom: 4px; }
p.muted { color: #4a4a4a; }
span.muted { color: #4a4a4a; font-size: small; }
h1.pack { font-size: xx-large; color: #154273; margin-bottom: 6px; }
h2.pack-group { page-break-before: always; margin-top: 0px; }
h3.pack-action { margin-top: 20px; }
"""


@dataclass(frozen=True)
class Mark:
    """A highlight to paint: ``plain_text[start:end]`` of the part's document."""

    start: int
    end: int
    colour: str


@dataclass
class Part:
    """One excerpt in the composition.

    Attributes:
        marker: an ``<a name>`` before the excerpt (inside its title); its
            text blocks are searched from there, each at the start of a
            paragraph or table cell.
        doc: its document.
        blocks: the text blocks shown, in order (found again in the layout).
        keep: for a selection, the plain-text range to keep; the rest of the
            first and last block is cut.
        marks: highlights within the excerpt.
    """

    marker: str
    doc: Document
    blocks: list[Block]
    keep: tuple[int, int] | None = None
    marks: list[Mark] = field(default_factory=list)


@dataclass(frozen=True)
class Running:
    """The running page header from ``marker`` on (until the next one)."""

    marker: str
    left: str
    right: str
    sub: str
    titled: bool = False  # the excerpt prints its own title block where it starts


@dataclass
class Composition:
    """A print job ready for layout."""

    html: str
    title: str
    parts: list[Part]
    running: list[Running]
    printed_on: dt.date
    css: str = PRINT_CSS
    labels: Labels = field(default_factory=Labels)

    @property
    def footer(self) -> str:
        return self.labels["printed"].format(self.labels.date(self.printed_on), APP_NAME)

    def page_label(self, page: int, pages: int) -> str:
        return self.labels["page"].format(page, pages)


class _Notes:
    """What the store holds for the documents printed (read once)."""

    def __init__(self, store: NotesStore | None) -> None:
        self.store = store
        self._highlights: dict[str, list[Highlight]] = {}
        self._actions: dict[str, list[ActionAnnotation]] = {}

    def highlights(self, doc_id: str) -> list[Highlight]:
        if doc_id not in self._highlights:
            found = self.store.highlights(doc_id) if self.store else []
            self._highlights[doc_id] = [h for h in found if h.is_mine]
        return self._highlights[doc_id]

    def actions(self, doc_id: str) -> dict[str, list[ActionAnnotation]]:
        if doc_id not in self._actions:
            found = self.store.action_annotations(doc_id) if self.store else []
            self._actions[doc_id] = [a for a in found if not a.is_empty]
        out: dict[str, list[ActionAnnotation]] = {}
        for item in self._actions[doc_id]:
            out.setdefault(item.action_id, []).append(item)
        return out

    def mine(self, doc_id: str, action_id: str) -> ActionAnnotation | None:
        return next((a for a in self.actions(doc_id).get(action_id, []) if a.is_mine), None)


# --- pieces of HTML ------------------------------------------------------------


#: True while composing for Word: footnote markers stay links, which become real
#: Word footnotes (:mod:`briefing_reader.printing.word`).
FOOTNOTE_LINKS: ContextVar[bool] = ContextVar("footnote_links", default=False)


def printable(html: str) -> str:
    """Block HTML for paper: footnote markers and links inside the app become text."""
    if not FOOTNOTE_LINKS.get():
        html = _FNREF.sub(r"\1", html)
    return _LABEL_PARAGRAPH.sub(r"\1" + KEEP, _LOCAL_LINK.sub(r"\1", html))


def _closing(block: Block) -> str:
    if block.kind in _CLOSE:
        return _CLOSE[block.kind]
    tag = re.match(r"<(\w+)", block.html)
    return f"</{tag.group(1) if tag else 'ul'}>"


def balanced_html(doc: Document, first: int, stop: int, after: dict[int, str] | None = None) -> str:
    """The HTML of ``doc.blocks[first:stop]``, with the boxes and lists it
    starts or ends inside opened and closed around it; ``after[i]`` is
    inserted after block ``i``."""
    stack: list[Block] = []
    for block in doc.blocks[:first]:
        if block.kind in _OPEN_KINDS:
            stack.append(block)
        elif block.kind in _CLOSE_KINDS and stack:
            stack.pop()
    parts = [block.html for block in stack]
    for index in range(first, stop):
        block = doc.blocks[index]
        if block.kind in _OPEN_KINDS:
            stack.append(block)
        elif block.kind in _CLOSE_KINDS:
            if not stack:
                continue  # its opening lies before the run and was re-opened: never here
            stack.pop()
        parts.append(printable(block.html))
        if after and index in after:
            parts.append(after[index])
    parts += [_closing(block) for block in reversed(stack)]
    return "\n".join(parts)


def _footnote_rows(doc: Document) -> dict[str, str]:
    rows: dict[str, str] = {}
    for block in doc.blocks:
        if block.kind == "footnote":
            rows[block.text.split(" ", 1)[0]] = block.html
    return rows


def footnotes_html(doc: Document, labels: list[str], words: Labels | None = None) -> str:
    """The footnotes with these labels, in this order ('' when none)."""
    if not labels:
        return ""
    rows = _footnote_rows(doc)
    body = "".join(
        rows.get(label)
        or (f"<tr><td>{escape(label)}</td><td>{escape(doc.footnotes.get(label, ''))}</td></tr>")
        for label in labels
    )
    head = escape((words or Labels())["footnotes"])
    return (
        f'<p class="fn-head">{KEEP}{head}</p>'
        f'<table class="footnotes" cellpadding="2" cellspacing="0">{body}</table>'
    )


def referenced_labels(blocks: list[Block], keep: tuple[int, int] | None = None) -> list[str]:
    """Footnote labels marked in these blocks (within ``keep``), first mention first."""
    labels: list[str] = []
    for block in blocks:
        for start, end in block.markers:
            at = block.start + start
            if keep is not None and not keep[0] <= at < keep[1]:
                continue
            label = block.text[start:end]
            if label not in labels:
                labels.append(label)
    return labels


def header_html(doc: Document, path: str, marker: str = "", words: Labels | None = None) -> str:
    """The excerpt's title block: formal citation, title, date, section path."""
    meta = doc.meta
    formal = citation(meta)
    name = f'<a name="{marker}"></a>' if marker else ""
    lines = [f'<p class="cite">{name}{KEEP}{escape(formal or meta.title)}</p>']
    if formal:
        lines.append(f'<p class="doc-title">{KEEP}{escape(meta.title)}</p>')
    if meta.date:
        lines.append(f'<p class="date">{KEEP}{escape(dutch_date(meta.date))}</p>')
    if not meta.official:
        lines.append(f'<p class="date">{KEEP}{escape((words or Labels())["not_official"])}</p>')
    if path:
        lines.append(f'<p class="path">{KEEP}{escape(path)}</p>')
    return "\n".join(lines)


def _note_html(markdown: str) -> str:
    """A note's markdown as HTML; an image becomes its alt text, so no file or
    device a note names (``![g](/dev/zero)``) is ever opened or embedded."""
    from markdown_it import MarkdownIt  # only when a note is printed

    parser = MarkdownIt("commonmark", {"html": False})
    parser.add_render_rule("image", _image_as_alt_text)
    return str(parser.render(markdown))


def _image_as_alt_text(renderer: Any, tokens: list[Any], index: int, options: Any, env: Any) -> str:
    alt = renderer.renderInlineAsText(tokens[index].children or [], options, env).strip()
    return f'<span class="image">[{escape(alt or "afbeelding", quote=False)}]</span>'


def notes_html(
    item: ActionAnnotation,
    first_question: int = 1,
    label: str | None = None,
    words: Labels | None = None,
    highlights: list[Highlight] | None = None,
) -> str:
    """A boxed stance, priority, labels, note, numbered questions and the
    notes on highlights within the action."""
    words = words or Labels()
    if label is None:
        label = words["my_notes"] if item.is_mine else words["note_by"].format(item.author)
    facts = [
        f"<b>{escape(name)}:</b> {escape(value)}"
        for name, value in (
            (words["stance"], item.stance or ""),
            (words["priority"], words[item.priority] if item.priority else ""),
            (words["labels"], ", ".join(item.tags)),
        )
        if value
    ]
    parts = [f'<p class="notes-label">{KEEP}{escape(label)}</p>']
    if facts:
        parts.append(f"<p>{' &nbsp;·&nbsp; '.join(facts)}</p>")
    if item.note.strip():
        parts.append(_note_html(item.note))
    if item.questions:
        items = "".join(f"<li>{escape(q)}</li>" for q in item.questions)
        parts.append(
            f"<p>{KEEP}<b>{escape(words['questions'])}</b></p>"
            f'<ol start="{first_question}">{items}</ol>'
        )
    if highlights:
        parts.append(
            f"<p>{KEEP}<b>{escape(words['highlight_notes'])}</b></p>" + _highlight_items(highlights)
        )
    return (
        '<table class="notes" width="100%" cellpadding="8" cellspacing="0"><tr><td>'
        f"{''.join(parts)}</td></tr></table>"
    )


# --- excerpts --------------------------------------------------------------------


def _text_range(blocks: list[Block]) -> tuple[int, int]:
    texts = [b for b in blocks if b.text]
    return (texts[0].start, texts[-1].end) if texts else (0, 0)


def _marks(
    notes: _Notes, doc: Document, span: tuple[int, int]
) -> tuple[list[Mark], list[Highlight]]:
    marks: list[Mark] = []
    noted: list[Highlight] = []
    for item in notes.highlights(doc.id):
        found = locate(doc.plain_text, item.anchor)
        if found is None or found.end <= span[0] or found.start >= span[1]:
            continue
        marks.append(
            Mark(
                max(found.start, span[0]),
                min(found.end, span[1]),
                COLOURS.get(item.colour, item.colour),
            )
        )
        if item.note.strip():
            noted.append(item)
    return marks, noted


def _excerpt_range(doc: Document, excerpt: Excerpt) -> tuple[int, int, OutlineNode]:
    """Block range of an excerpt and the node whose section path heads it."""
    if excerpt.is_selection:
        assert excerpt.start is not None and excerpt.end is not None
        hit = [
            i
            for i, b in enumerate(doc.blocks)
            if b.text and b.start < excerpt.end and b.end > excerpt.start
        ]
        if not hit or not excerpt.start < excerpt.end:
            raise PrintError(
                message(
                    "print.empty_selection",
                    start=str(excerpt.start),
                    end=str(excerpt.end),
                    doc=doc.id,
                )
            )
        return hit[0], hit[-1] + 1, doc.node_at_block(hit[0])
    if excerpt.anchor is None:
        notes_node = doc.node("voetnoten")
        return 0, notes_node.first if notes_node else len(doc.blocks), doc.outline
    node = doc.node(excerpt.anchor)
    if node is not None:
        return node.first, node.stop, node
    index = next((i for i, b in enumerate(doc.blocks) if b.anchor == excerpt.anchor), None)
    if index is None:
        raise PrintError(message("print.no_place", doc=doc.id, anchor=excerpt.anchor))
    return index, index + 1, doc.node_at_block(index)


def _path(doc: Document, node: OutlineNode) -> str:
    return "" if node.kind == "document" else doc.section_path(node)


def _excerpt(
    doc: Document, excerpt: Excerpt, number: int, notes: _Notes, with_notes: bool, words: Labels
) -> tuple[str, Part, Running]:
    first, stop, node = _excerpt_range(doc, excerpt)
    path = _path(doc, node)
    blocks = [b for b in doc.blocks[first:stop] if b.text]
    keep = None
    if excerpt.start is not None and excerpt.end is not None:
        keep = (excerpt.start, excerpt.end)
    span = keep or _text_range(blocks)
    marks, noted = _marks(notes, doc, span)
    after: dict[int, str] = {}
    if with_notes:
        annotated = notes.actions(doc.id)
        for action in doc.actions():
            if first <= action.first and action.stop <= stop and action.id in annotated:
                after[action.stop - 1] = "".join(
                    notes_html(a, words=words) for a in annotated[action.id]
                )
    marker = f"br-run-{number}"
    html = [header_html(doc, path, marker, words), "<hr/>", balanced_html(doc, first, stop, after)]
    if with_notes and noted:
        html.append(_highlight_notes(noted, words))
    html.append(footnotes_html(doc, referenced_labels(blocks, keep), words))
    running = Running(
        marker,
        citation(doc.meta) or doc.title,
        dutch_date(doc.meta.date) if doc.meta.date else "",
        path,
        True,
    )
    return "\n".join(html), Part(marker, doc, blocks, keep, marks), running


def _highlight_items(items: list[Highlight]) -> str:
    return (
        "<ul>"
        + "".join(
            f"<li><i>“{escape(_short(h.anchor.quote.exact))}”</i><br/>{escape(h.note.strip())}</li>"
            for h in items
        )
        + "</ul>"
    )


def _highlight_notes(items: list[Highlight], words: Labels) -> str:
    return (
        f'<table class="notes" width="100%" cellpadding="8" cellspacing="0"><tr><td>'
        f'<p class="notes-label">{KEEP}{escape(words["highlight_notes"])}</p>'
        f"{_highlight_items(items)}</td></tr></table>"
    )


def _short(text: str, width: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def _document(library: Library, doc_id: str) -> Document:
    doc = library.get(doc_id)
    if doc is None:
        raise PrintError(
            message("cli.no_document", doc=doc_id, known=", ".join(sorted(library.documents)))
        )
    return doc


def compose(
    library: Library,
    store: NotesStore | None,
    request: PrintRequest,
    *,
    today: dt.date | None = None,
) -> Composition:
    """The HTML and layout instructions of a print job.

    Args:
        library: the documents.
        store: the notes (highlights are always shown; stance, notes and
            questions when ``request.with_notes`` or a pack); None for none.
        request: what to print.
        today: the print date for the footer (default: today).

    Raises:
        PrintError: a document, place or action does not exist, or a pack
            has no actions.
    """
    today = today or dt.date.today()
    notes = _Notes(store)
    words = Labels(request.language)
    if request.pack:
        return _pack(library, notes, request, today, words)
    if not request.excerpts:
        raise PrintError(message("print.nothing"))
    htmls, parts, running = [], [], []
    for number, excerpt in enumerate(request.excerpts):
        doc = _document(library, excerpt.doc_id)
        html, part, run = _excerpt(doc, excerpt, number, notes, request.with_notes, words)
        htmls.append(html if number == 0 else '<p style="margin-top: 18px;"></p>' + html)
        parts.append(part)
        running.append(run)
    first = parts[0].doc
    place = running[0].sub or first.title
    title = request.title or f"{citation(first.meta) or first.title}: {place}"
    return Composition("\n".join(htmls), title, parts, running, today, labels=words)


# --- the debate-preparation pack ---------------------------------------------------


def _pack_actions(
    library: Library, notes: _Notes, request: PrintRequest
) -> list[tuple[Document, OutlineNode]]:
    chosen: list[tuple[Document, OutlineNode]] = []
    if request.actions is not None:
        for doc_id, action_id in request.actions:
            doc = _document(library, doc_id)
            node = doc.node(action_id)
            if node is None or node.kind not in ACTION_KINDS:
                raise PrintError(message("print.no_action", doc=doc_id, action=action_id))
            chosen.append((doc, node))
        return chosen
    for doc_id in library.action_documents():  # the catalogue: nothing parsed yet
        if not notes.actions(doc_id):
            continue  # no note on any of its actions: left unparsed
        doc = _document(library, doc_id)
        for node in doc.actions():
            mine = notes.mine(doc.id, node.id)
            if mine is not None and (mine.stance or mine.note.strip()):
                chosen.append((doc, node))
    if not chosen:
        raise PrintError(message("print.no_actions_noted"))
    return chosen


def order_actions(
    chosen: list[tuple[Document, OutlineNode]], notes: _Notes, library: Library, order: str
) -> list[tuple[Document, OutlineNode]]:
    """Letter order, or by the member's priority (hoog, middel, laag, none) then letter order."""
    rank = {entry.id: i for i, entry in enumerate(library.entries())}  # nothing parsed

    def priority(pair: tuple[Document, OutlineNode]) -> int:
        mine = notes.mine(pair[0].id, pair[1].id)
        return PRIORITY_RANK.get(mine.priority or "", 3) if mine else 3

    def letter(pair: tuple[Document, OutlineNode]) -> tuple[int, int]:
        return rank.get(pair[0].id, 0), pair[1].first

    if order == "priority":
        return sorted(chosen, key=lambda pair: (priority(pair), *letter(pair)))
    return sorted(chosen, key=letter)


def _group(
    doc: Document, node: OutlineNode, notes: _Notes, order: str, words: Labels
) -> tuple[str, str]:
    """The group an action is listed under: its priority, or its pillar."""
    if order == "priority":
        mine = notes.mine(doc.id, node.id)
        value = mine.priority if mine and mine.priority else ""
        return value, words["by_priority"].format(words[value]) if value else words["no_priority"]
    top = node.path()[0]
    return f"{doc.id}#{top.id}", top.title


def _pages_cell(marker: str) -> str:
    return f'<td align="right" width="40"><a name="{PAGE_OF}{marker}"></a>000</td>'


@dataclass
class _PackBody:
    """The pack's pieces as they are built."""

    words: Labels
    html: list[str] = field(default_factory=list)
    contents: list[tuple[int, str, str]] = field(default_factory=list)  # level, text, marker
    questions: list[tuple[str, str, str]] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    running: list[Running] = field(default_factory=list)
    inside: set[str] = field(default_factory=set)  # highlight ids printed with an action


def _pack_action(
    body: _PackBody, number: int, doc: Document, node: OutlineNode, notes: _Notes
) -> None:
    words = body.words
    path = doc.section_path(node)
    cite = citation(doc.meta) or doc.title
    marker = f"br-run-{number}"
    mine = notes.mine(doc.id, node.id)
    blocks = [b for b in doc.blocks[node.first : node.stop] if b.text]
    marks, noted = _marks(notes, doc, _text_range(blocks))
    body.inside |= {h.id for h in noted}
    body.contents.append((2, node.title, marker))
    body.html += [
        f'<h3 class="pack-action"><a name="{marker}"></a>{escape(node.title)}</h3>',
        f'<p class="pack-cite">{KEEP}{escape(cite)} · {escape(path)}</p>',
        balanced_html(doc, node.first, node.stop),
    ]
    if mine is not None and not mine.is_empty:
        body.html.append(
            notes_html(mine, len(body.questions) + 1, words["pack_notes"], words, noted)
        )
        body.questions += [(q, node.title, cite) for q in mine.questions]
    elif noted:
        body.html.append(_highlight_notes(noted, words))
    else:
        body.html.append(f'<p class="muted"><i>{escape(words["nothing_yet"])}</i></p>')
    body.html.append(footnotes_html(doc, referenced_labels(blocks), words))
    body.parts.append(Part(marker, doc, blocks, None, marks))
    body.running.append(
        Running(marker, cite, dutch_date(doc.meta.date) if doc.meta.date else "", path)
    )


def _section(body: _PackBody, marker: str, title: str, today: dt.date) -> None:
    body.html.append(f'<h2 class="pack-group"><a name="{marker}"></a>{escape(title)}</h2>')
    body.contents.append((1, title, marker))
    body.running.append(Running(marker, body.words["pack"], body.words.date(today), title))


def _other_highlight_notes(
    body: _PackBody, docs: list[Document], notes: _Notes, today: dt.date
) -> None:
    """Notes on highlights outside the actions printed, under their section."""
    by_section: dict[str, list[Highlight]] = {}
    for doc in docs:
        found = []
        for item in notes.highlights(doc.id):
            place = locate(doc.plain_text, item.anchor)
            if item.note.strip() and item.id not in body.inside and place is not None:
                found.append((place.start, item))
        for start, item in sorted(found, key=lambda pair: pair[0]):
            block = next((i for i, b in enumerate(doc.blocks) if b.text and b.end > start), 0)
            path = doc.section_path(doc.node_at_block(block)) or doc.title
            by_section.setdefault(f"{citation(doc.meta) or doc.title} · {path}", []).append(item)
    if not by_section:
        return
    _section(body, "br-run-highlights", body.words["highlight_notes"], today)
    for heading, items in by_section.items():
        body.html.append(f'<h3 class="pack-action">{escape(heading)}</h3>')
        body.html.append(_highlight_items(items))


def open_commitments(
    library: Library, docs: list[Document], store: NotesStore | None, today: dt.date
) -> list[Any]:
    """The letters' commitments that are not fulfilled or dropped (timeline order)."""
    from briefing_reader.core.commitments import DUE_CLOSED, library_commitments, timeline

    statuses = {}
    if store is not None:
        statuses = {k: (v.status, v.note) for k, v in store.commitment_statuses().items()}
    return [e for e in timeline(library_commitments(docs), today, statuses) if e.due != DUE_CLOSED]


def commitment_html(entry: Any, library: Library, words: Labels) -> str:
    """One commitment: due status and deadline, the sentence, its source."""
    item = entry.commitment
    doc = library.get(item.doc)
    cite = (citation(doc.meta) or doc.title) if doc else item.doc
    when = words["deadline"].format(words.date(item.latest)) if item.latest else ""
    phrase = f" ({escape(item.phrase)})" if item.phrase else ""
    return (
        f"<p>{KEEP}<b>{escape(words[entry.due])}</b>"
        f"{' · ' + escape(when) if when else ''}{phrase}</p>"
        f'<p style="margin-left: 12px;">{escape(_short(item.sentence, 400))}<br/>'
        f'<span class="muted">{escape(cite)} · {escape(item.section_path)}</span></p>'
    )


def _commitments(
    body: _PackBody,
    library: Library,
    docs: list[Document],
    store: NotesStore | None,
    today: dt.date,
) -> None:
    _section(body, "br-run-commitments", body.words["commitments"], today)
    entries = open_commitments(library, docs, store, today)
    dated = [e for e in entries if e.commitment.latest is not None]
    body.html += [commitment_html(e, library, body.words) for e in dated]
    if not dated:
        body.html.append(f'<p class="muted"><i>{escape(body.words["no_commitments"])}</i></p>')
    if len(entries) > len(dated):
        body.html.append(
            f'<p class="muted">'
            f"{escape(body.words['undated'].format(len(entries) - len(dated)))}</p>"
        )


def _pack(
    library: Library, notes: _Notes, request: PrintRequest, today: dt.date, words: Labels
) -> Composition:
    chosen = order_actions(_pack_actions(library, notes, request), notes, library, request.order)
    docs = list({doc.id: doc for doc, _ in chosen}.values())
    body = _PackBody(words)
    body.running.append(Running("br-run-top", words["pack"], words.date(today), ""))
    group: str | None = None
    for number, (doc, node) in enumerate(chosen):
        key, title = _group(doc, node, notes, request.order, words)
        if key != group:
            group = key
            _section(body, f"br-run-group-{number}", title, today)
        _pack_action(body, number, doc, node, notes)
    _other_highlight_notes(body, docs, notes, today)
    _commitments(body, library, docs, notes.store, today)
    _section(body, "br-run-questions", words["all_questions"], today)
    if body.questions:
        body.html.append(
            "<ol>"
            + "".join(
                f'<li>{escape(q)}<br/><span class="muted">{escape(title)} ({escape(cite)})'
                "</span></li>"
                for q, title, cite in body.questions
            )
            + "</ol>"
        )
    else:
        body.html.append(f'<p class="muted"><i>{escape(words["no_questions"])}</i></p>')
    head = [f'<h1 class="pack"><a name="br-run-top"></a>{escape(words["pack"])}</h1>']
    head += [header_html(doc, "", words=words) for doc in docs]
    head.append(
        f'<p class="muted">{words.count(len(chosen), "action", "actions")} · '
        f"{words.count(len(body.questions), 'question', 'questions_n')} · "
        f"{escape(words['compiled'].format(words.date(today)))}</p>"
    )
    head += _contents(body.contents, words)
    return Composition(
        "\n".join(head + body.html),
        request.title or words["pack"],
        body.parts,
        body.running,
        today,
        labels=words,
    )


def _contents(entries: list[tuple[int, str, str]], words: Labels) -> list[str]:
    """The contents: groups and actions with the page each starts on."""
    rows = []
    for level, text, marker in entries:
        title = f"<b>{escape(text)}</b>" if level == 1 else escape(text)
        indent = 0 if level == 1 else 14
        rows.append(
            f'<tr><td style="padding-left: {indent}px;">{title}</td>{_pages_cell(marker)}</tr>'
        )
    return [
        f"<h3>{escape(words['contents'])}</h3>",
        f'<table class="contents" width="100%" cellspacing="0" cellpadding="1">'
        f"{''.join(rows)}</table>",
    ]
