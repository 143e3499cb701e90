"""Search across all documents as you type; results grouped by document and
section, each with a highlighted snippet; a click opens the hit."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import (
    QEvent,
    QSortFilterProxyModel,
    QStringListModel,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from briefing_reader.core.content import Library
from briefing_reader.core.content.catalogue import Entry
from briefing_reader.core.search import Hit, SearchError, SearchIndex, SearchResult
from briefing_reader.ui import style
from briefing_reader.ui.messages import message_text
from briefing_reader.ui.reader import OfflineBrowser

TYPING_DELAY_MS = 120
RESULT_LIMIT = 200
RECENT_SCOPES = 8
"""Documents the scope list offers besides "all" (the last ones searched in);
any other is chosen in a filterable list, so the list stays short with
10,000 documents."""
OTHER = "\x00other"  # the scope item that opens the chooser (never a document id)


class SearchPanel(QWidget):
    """The search field, its filters and the results.

    Signals:
        hit_chosen(str, str, str): open this hit (document id, anchor, query).
        query_chosen(str): the query was replaced (a suggestion was taken);
            other search boxes show it too.
    """

    hit_chosen = Signal(str, str, str)
    query_chosen = Signal(str)

    def __init__(self, library: Library, index: SearchIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.index = index
        self.result: SearchResult | None = None
        self._hits: list[Hit] = []
        self._recent: list[str] = []  # documents searched in, the last one first
        self._scope_index = 0  # the scope chosen before "Other document…"
        self.chooser: DocumentChooser | None = None
        self._timer = QTimer(self, singleShot=True, interval=TYPING_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(
            self.tr('Search all letters: taaleis, "exact phrase", motie OR toezegging, statush*')
        )
        self.field.setAccessibleName(self.tr("Search"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self.field.returnPressed.connect(self.open_first)
        self.scope = QComboBox(self)
        self.scope.setAccessibleName(self.tr("Search in"))
        # Long letter titles must not widen the whole side pane.
        self.scope.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.scope.setMinimumContentsLength(16)
        self.set_documents(library)
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.actions_only = QCheckBox(self.tr("Only actions"), self)
        self.actions_only.toggled.connect(lambda _on: self.run_search())
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.linkActivated.connect(self._use_suggestion)
        self.results = OfflineBrowser(self)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.document().setDefaultStyleSheet(style.results_css(style.is_dark()))
        self.results.anchorClicked.connect(self._open_link)
        filters = QVBoxLayout()  # stacked: at large text sizes side by side is too wide
        filters.addWidget(self.scope, 1)
        filters.addWidget(self.actions_only)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self.show_empty_state()

    def set_documents(self, library: Library) -> None:
        """The library changed: fill the scope list again (documents gone drop out)."""
        self.library = library
        self._fill_scope(self.scope.currentData() or "")

    def _fill_scope(self, current: str) -> None:
        """All documents, the last few searched in, and "Other document…"."""
        self._recent = [d for d in self._recent if self.library.entry(d) is not None]
        blocked = self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(self.tr("All documents"), "")
        for doc_id in self._recent:
            entry = self.library.entry(doc_id)  # the catalogue: nothing is parsed
            self.scope.addItem(entry.title if entry else doc_id, doc_id)
        self.scope.addItem(self.tr("Other document…"), OTHER)
        self.scope.setCurrentIndex(max(self.scope.findData(current), 0))
        self._scope_index = self.scope.currentIndex()
        self.scope.blockSignals(blocked)

    def use_scope(self, doc_id: str) -> None:
        """Search in ``doc_id`` only ("" for every document)."""
        if doc_id and self.library.entry(doc_id) is not None:
            self._recent = [doc_id, *(d for d in self._recent if d != doc_id)][:RECENT_SCOPES]
        self._fill_scope(doc_id)
        self.run_search()

    def _scope_changed(self, index: int) -> None:
        if self.scope.itemData(index) != OTHER:
            self._scope_index = index
            self.run_search()
            return
        with_signals = self.scope.blockSignals(True)
        self.scope.setCurrentIndex(self._scope_index)  # until a document is chosen
        self.scope.blockSignals(with_signals)
        self.choose_document()

    def choose_document(self) -> None:
        """Open the filterable list of every document (built now, not at start)."""
        self.chooser = DocumentChooser(self.library, self)
        self.chooser.chosen.connect(self.use_scope)
        self.chooser.open()

    def restyle(self) -> None:
        """The theme changed: show the results again in its colours."""
        self.results.document().setDefaultStyleSheet(style.results_css(style.is_dark()))
        self.run_search()

    # -- searching --------------------------------------------------------

    def focus_search(self, doc_id: str = "") -> None:
        """Put the cursor in the field; ``doc_id`` limits the search to one document."""
        self.use_scope(doc_id)
        self.field.setFocus()
        self.field.selectAll()

    def run_search(self) -> None:
        query = self.field.text().strip()
        if not query:
            self.show_empty_state()
            return
        try:
            result = self.index.search(
                query,
                doc=self.scope.currentData() or None,
                actions_only=self.actions_only.isChecked(),
                limit=RESULT_LIMIT,
            )
        except SearchError as error:
            self.summary.setText(escape(message_text(error)))
            return
        self.result = result
        self._hits = list(result.hits)
        self._show(result)

    def show_empty_state(self) -> None:
        self.result = None
        self._hits = []
        if not self.index.ready:
            self.summary.setText(self.tr("The search index is being built…"))
        else:
            self.summary.setText(
                self.tr(
                    "Type to search every letter. Dutch word forms "
                    "match: <i>statushouder</i> also finds "
                    "<i>statushouders</i>."
                )
            )
        self.results.setHtml(self._help_html())

    def _help_html(self) -> str:
        rows = [
            ("taaleis gemeenten", self.tr("all words must occur")),
            ('"nationale dialoog"', self.tr("exact phrase")),
            ("motie OR toezegging", self.tr("either word")),
            ("taaleis -bijstand", self.tr("without a word (also NOT)")),
            ("statush*", self.tr("words starting with")),
            ("statushoudres~", self.tr("similar spelling")),
            ("doc:moties", self.tr("one document")),
            ("in:acties", self.tr("only text in actions")),
        ]
        body = "".join(
            f"<tr><td><code>{escape(q)}</code></td><td>{escape(d)}</td></tr>" for q, d in rows
        )
        title = escape(self.tr("Search language"))
        return f'<p><b>{title}</b></p><table cellpadding="3">{body}</table>'

    def _show(self, result: SearchResult) -> None:
        if not result.index_ready:
            self.summary.setText(self.tr("The search index is being built…"))
        elif not result.hits:
            text = self.tr("No results for “%s”.") % escape(result.query)
            if result.suggestion:
                text += " " + self.tr("Did you mean <a href='%s'>%s</a>?") % (
                    escape(result.suggestion, quote=True),
                    escape(result.suggestion),
                )
            self.summary.setText(text)
        else:
            self.summary.setText(self._summary_html(result))
        self.results.setHtml(self._results_html(result))

    def _summary_html(self, result: SearchResult) -> str:
        """How many hits (passages, as F3 counts them), what was not found, a suggestion."""
        hits = self.tr("1 hit") if result.total == 1 else self.tr("%d hits") % result.total
        where = (
            self.tr("in 1 document")
            if result.documents == 1
            else self.tr("in %d documents") % result.documents
        )
        parts = [f"{hits} {where}"]
        if len(result.hits) < result.total:
            parts[0] += " " + self.tr("(first %d shown)") % len(result.hits)
        if result.partial:
            parts.append(self.tr("no passage holds every word; the best partial matches"))
        if result.missing:
            parts.append(self.tr("not found: %s") % escape(", ".join(result.missing)))
        if result.suggestion:
            parts.append(
                self.tr("Did you mean <a href='%s'>%s</a>?")
                % (escape(result.suggestion, quote=True), escape(result.suggestion))
            )
        return " · ".join(parts)

    def _results_html(self, result: SearchResult) -> str:
        parts: list[str] = []
        number = {id(hit): i for i, hit in enumerate(self._hits)}
        for doc_id, hits in result.by_document().items():
            title = hits[0].doc_title if hits else doc_id
            parts.append(f"<h3>{escape(title)} <small>({len(hits)})</small></h3>")
            section = None
            for hit in hits:
                if hit.section_path != section:
                    section = hit.section_path
                    # Text before the first heading has no path: name it, or
                    # it would read as part of the section above it in the list.
                    where = section or self.tr("Opening")
                    parts.append(f'<p style="margin-bottom:2px"><i>{escape(where)}</i></p>')
                kind = self.tr("action") if hit.kind == "action" else ""
                badge = f" <small>[{escape(kind)}]</small>" if kind else ""
                # Words found nowhere are said once, above the list.
                lacking = [word for word in hit.missing if word not in result.missing]
                if lacking:
                    lacks = self.tr("not found: %s") % ", ".join(lacking)
                    badge += f" <small><i>({escape(lacks)})</i></small>"
                parts.append(
                    f'<p style="margin-left:12px; margin-top:0px">'
                    f'<a href="hit:{number[id(hit)]}">{hit.snippet_html}</a>{badge}</p>'
                )
        return "".join(parts)

    # -- opening -----------------------------------------------------------

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() == "hit":
            self.open_hit(int(url.path()))

    def open_hit(self, number: int) -> None:
        if 0 <= number < len(self._hits):
            hit = self._hits[number]
            self.hit_chosen.emit(hit.doc, hit.anchor, self.field.text().strip())

    def open_first(self) -> None:
        self._timer.stop()
        self.run_search()
        self.open_hit(0)

    def _use_suggestion(self, suggestion: str) -> None:
        """Search for the suggestion everywhere and open its first hit."""
        self.field.setText(suggestion)
        self.query_chosen.emit(suggestion)
        self._timer.stop()  # setText started it; search now, once
        self.run_search()
        self.open_hit(0)


class DocumentChooser(QDialog):
    """Every document of the library in a list filtered as you type (title,
    number, date, dossier); Enter takes the one selected, Esc cancels.

    Signals:
        chosen(str): the document id taken.
    """

    chosen = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Search in one document"))
        entries = library.entries()  # the catalogue: one row each, nothing parsed
        self.ids = [e.id for e in entries]
        self.source = QStringListModel([_describe(e) for e in entries], self)
        self.model = QSortFilterProxyModel(self)
        self.model.setSourceModel(self.source)
        self.model.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter by title, number, date or dossier"))
        self.filter.setAccessibleName(self.tr("Filter documents"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self.accept)
        self.list = QListView(self)
        self.list.setAccessibleName(self.tr("Documents"))
        self.list.setUniformItemSizes(True)  # 10,000 rows lay out without measuring each
        self.list.setModel(self.model)
        self.list.activated.connect(lambda _index: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.filter.installEventFilter(self)
        self._filter("")
        self.resize(560, 420)

    def _filter(self, text: str) -> None:
        self.model.setFilterFixedString(text.strip())
        self.list.setCurrentIndex(self.model.index(0, 0))

    def eventFilter(self, watched: object, event: object) -> bool:
        """Up and Down in the filter move through the list."""
        if (
            watched is self.filter
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key()
            in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
        ):
            self.list.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def selected(self) -> str | None:
        """The id of the document selected in the list, or None."""
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        return self.ids[self.model.mapToSource(index).row()]

    def accept(self) -> None:
        doc_id = self.selected()
        if doc_id is None:
            return  # nothing matches the filter: stay open
        super().accept()
        self.chosen.emit(doc_id)


def _describe(entry: Entry) -> str:
    """ "Title (32 824, nr. 456, 2025-07-04)": what the filter matches on."""
    parts = []
    if entry.dossier_number:
        number = f", nr. {entry.volgnummer}" if entry.volgnummer is not None else ""
        parts.append(f"{entry.dossier_number}{number}")
    if entry.dossier_title:
        parts.append(entry.dossier_title)
    if entry.date:
        parts.append(entry.date.isoformat())
    return f"{entry.title} ({', '.join(parts)})" if parts else entry.title
