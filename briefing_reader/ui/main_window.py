"""The main window: table of contents beside the reader, menus, history."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStyle,
    QTabWidget,
    QWidget,
)

from briefing_reader import APP_NAME
from briefing_reader.core.content import Document, Library
from briefing_reader.core.content.citation import citation
from briefing_reader.paths import Paths
from briefing_reader.ui import keyboard, style, theme
from briefing_reader.ui import settings as ui_settings
from briefing_reader.ui.open_guard import OpenGuard
from briefing_reader.ui.reader import ReaderView
from briefing_reader.ui.toc import ContentsPane, OutlineTree

if TYPE_CHECKING:
    from briefing_reader.core.content.catalogue import Entry
    from briefing_reader.core.notes import NotesStore
    from briefing_reader.core.search import SearchIndex
    from briefing_reader.ui.annotations import Annotations
    from briefing_reader.ui.import_feature import ImportFeature
    from briefing_reader.ui.overviews import Overviews
    from briefing_reader.ui.print_feature import PrintFeature
    from briefing_reader.ui.references import ReferenceFeature
    from briefing_reader.ui.search_feature import SearchFeature
    from briefing_reader.ui.team_feature import TeamFolder


SIDE_SHARE = 0.24  # of the window's width: the contents or search pane
DOCK_SHARE = 0.28  # the annotation column


@dataclass(frozen=True)
class Place:
    """A point in the reading history: a document, the character position at
    the top of the view, and the reading place there (a core offset: where
    the user clicked or jumped to; -1 when unknown)."""

    doc_id: str
    position: int
    focus: int = -1


@dataclass(frozen=True)
class Features:
    """The second stage of the start: what :meth:`MainWindow.attach_features`
    adds to the painted frame, all at once."""

    annotations: Annotations
    search: SearchFeature
    overviews: Overviews
    printing: PrintFeature
    importing: ImportFeature
    team: TeamFolder
    references: ReferenceFeature


class MainWindow(QMainWindow):
    """Reader window over a loaded library and the member's notes.

    Built in two stages so the letter is on screen before the notes and the
    search index are opened: the constructor makes the frame, what the first
    paint needs (contents, reader, menus, docks); :meth:`attach_features`
    adds the :class:`Features` (notes, search, printing, import, overviews)
    once. ``features`` is None in the frame stage and never None after.

    UI state (geometry, zoom, last document) lives in ``settings``; notes and
    reading positions live in the notes ``store`` (None: notes unavailable).

    Signals:
        panes_balanced(): the panes got their widths for a new text size.
    """

    panes_balanced = Signal()

    def __init__(
        self,
        library: Library,
        settings: QSettings,
        paths: Paths | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.library = library
        self.settings = settings
        self.store: NotesStore | None = None
        self.features: Features | None = None  # None: the frame stage
        self._place_from_store = ""
        self._first_layout = True  # no saved splitter: the panes get their shares
        self.notes_message = ""  # what opening the notes store reported, shown once
        self._back: list[Place] = []
        self._forward: list[Place] = []
        self._place: tuple[str, int, str] | None = None  # reading place: doc, offset, anchor
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 820)
        self.toc = OutlineTree(self)
        self.reader = ReaderView(self)
        self.reader.open_guard = OpenGuard(settings, self)  # long documents, start-up
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.side_tabs = QTabWidget(self)
        self.contents_pane = ContentsPane(self.toc, self)
        self.contents_pane.setFocusProxy(self.toc)  # F6 and Ctrl+T land in the tree
        self.side_tabs.addTab(self.contents_pane, self.tr("Contents"))
        self.side_tabs.setAccessibleName(self.tr("Contents and search"))
        self.side_tabs.tabBar().setAccessibleName(self.tr("Contents or search"))
        self.splitter.addWidget(self.side_tabs)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 860])
        self.setCentralWidget(self.splitter)
        self.citation_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.citation_label)
        self._build_docks()
        self.setAcceptDrops(True)
        self.reader.setAcceptDrops(False)
        self._build_actions()
        self.toc.set_library(library, self._recent())
        self.toc.node_activated.connect(self.navigate)
        self.reader.node_scrolled_to.connect(self._sync_toc)
        self.reader.link_requested.connect(self._open_link)
        self.reader.anchor_requested.connect(self._follow_anchor)
        self.reader.cursor_placed.connect(self._cursor_placed)
        self.reader.busy_message.connect(self._say_busy)

    def _build_docks(self) -> None:
        """The annotation docks, empty until the features fill them: they exist
        from the start so the saved window state lays them out in the first paint."""

        def dock(title: str, name: str) -> QDockWidget:
            widget = QDockWidget(title, self)
            widget.setObjectName(name)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, widget)
            return widget

        self.annotation_dock = dock(self.tr("Annotation"), "annotation-dock")
        self.marks_dock = dock(self.tr("Highlights and bookmarks"), "marks-dock")
        self.review_dock = dock(self.tr("Notes to check"), "review-dock")
        self.tabifyDockWidget(self.marks_dock, self.review_dock)
        self.marks_dock.raise_()

    def attach_features(self, store: NotesStore | None, index: SearchIndex) -> None:
        """Notes, search, printing, import and overviews; then what the first
        paint left out: badges, highlights, hits, the panel's action."""
        if self.features is not None:
            raise RuntimeError("the features are attached once")
        self.store = store
        features = self._create_features(store, index)
        self._connect_features(features)
        self._fill_feature_menus(features)
        self.features = features
        self._catch_up(features)
        if self.annotation_dock.width() < self._dock_width():  # the panels came after the layout
            QTimer.singleShot(0, self, self.balance_panes)

    def _create_features(self, store: NotesStore | None, index: SearchIndex) -> Features:
        from briefing_reader.ui.annotations import Annotations
        from briefing_reader.ui.import_feature import ImportFeature
        from briefing_reader.ui.overviews import Overviews
        from briefing_reader.ui.print_feature import PrintFeature
        from briefing_reader.ui.references import ReferenceFeature
        from briefing_reader.ui.search_feature import SearchFeature
        from briefing_reader.ui.team_feature import TeamFolder

        docks = (self.annotation_dock, self.marks_dock, self.review_dock)
        versions = self.paths.versions if self.paths is not None else None
        return Features(
            annotations=Annotations(
                self, self.library, store, self.reader, self.toc, docks, versions
            ),
            search=SearchFeature(
                self, self.library, index, self.reader, self.side_tabs, self.paths
            ),
            overviews=Overviews(self, self.library, store),
            printing=PrintFeature(self, self.library, store, self.reader),
            importing=ImportFeature(self, self.library, store, self.paths),
            team=TeamFolder(self, self.library, store, self.settings),
            references=ReferenceFeature(self, self.library, self.reader, self.paths),
        )

    def _connect_features(self, f: Features) -> None:
        """Every feature's requests to the window, and to each other, in one place."""
        status = self.statusBar()
        f.annotations.status_message.connect(status.showMessage)
        f.search.status_message.connect(status.showMessage)
        f.printing.status_message.connect(status.showMessage)
        f.importing.status_message.connect(status.showMessage)
        f.team.status_message.connect(status.showMessage)
        f.search.navigate_requested.connect(self.navigate)
        f.overviews.navigate_requested.connect(self.navigate)
        f.importing.navigate_requested.connect(self.navigate)
        f.references.navigate_requested.connect(self.navigate)
        f.annotations.offset_requested.connect(self.navigate_to_offset)
        f.search.place_reached.connect(self.place_reached)
        f.search.query_chosen.connect(self._show_query)
        f.overviews.notes_changed.connect(self.notes_changed)
        f.printing.notes_changed.connect(self.notes_changed)
        f.team.notes_changed.connect(self.notes_changed)
        f.importing.library_changed.connect(self.library_changed)
        f.overviews.pack_requested.connect(f.printing.print_actions)
        f.annotations.panel.link_requested.connect(self._open_link)
        self.toc.remove_requested.connect(f.importing.remove)
        self.toolbar_search.returnPressed.connect(f.search.panel.open_first)
        self.toc.contents.badge_source = f.annotations.badges  # outlines read later
        status.addWidget(f.annotations.undo_button)
        status.addPermanentWidget(f.search.progress)
        status.addPermanentWidget(f.importing.progress)
        status.addPermanentWidget(f.importing.cancel_button)

    def _ready(self) -> Features:
        if self.features is None:
            raise RuntimeError("the features come after the first paint (attach_features)")
        return self.features

    @property
    def annotations(self) -> Annotations:
        return self._ready().annotations

    @property
    def search(self) -> SearchFeature:
        return self._ready().search

    @property
    def overviews(self) -> Overviews:
        return self._ready().overviews

    @property
    def printing(self) -> PrintFeature:
        return self._ready().printing

    @property
    def importing(self) -> ImportFeature:
        return self._ready().importing

    @property
    def team(self) -> TeamFolder:
        return self._ready().team

    @property
    def references(self) -> ReferenceFeature:
        return self._ready().references

    def _catch_up(self, features: Features) -> None:
        """Give the features what happened before they were there."""
        annotations = features.annotations
        if self.toolbar_search.text():
            self._search_from_toolbar(self.toolbar_search.text())
        for doc_id in self.toc.contents.loaded_documents():  # the others: when expanded
            self.toc.set_badges(doc_id, annotations.badges(doc_id))
        shown = self.reader.document_shown
        if shown is None:
            return
        badges = annotations.badges(shown.id)
        if badges:
            self.reader.rerender(badges)
        self._decorate(shown)
        offset = annotations.stored_reading_offset(shown.id)
        if self._place_from_store == shown.id and offset is not None:
            self.reader.scroll_to_position(self.reader.qt_position(offset))
            self._place = None
        if self._place is not None and self._place[0] == shown.id:
            self._arrive(self._place[1], self._place[2])
        else:
            self._arrive()

    # -- menus and shortcuts --------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        """The window's own actions and the menu bar; the features' entries
        follow in :meth:`_fill_feature_menus`."""
        keys = QKeySequence.StandardKey
        self.back_action = self._action(self.tr("&Back"), self.go_back, keys.Back)
        self.forward_action = self._action(self.tr("&Forward"), self.go_forward, keys.Forward)
        zoom_in = self._action(self.tr("Zoom &in"), lambda: self._zoom(+1), keys.ZoomIn)
        zoom_in.setShortcuts([QKeySequence(keys.ZoomIn), QKeySequence("Ctrl+=")])
        zoom_out = self._action(self.tr("Zoom &out"), lambda: self._zoom(-1), keys.ZoomOut)
        zoom_reset = self._action(self.tr("&Actual size"), lambda: self._zoom(0, True), "Ctrl+0")
        toc_focus = self._action(self.tr("&Table of contents"), self._focus_toc, "Ctrl+T")
        reader_focus = self._action(self.tr("&Document text"), self.reader.setFocus, "Ctrl+R")
        panel_focus = self._action(self.tr("&Annotation"), self.focus_annotation, "Ctrl+Shift+A")
        self.panes = keyboard.PaneCycler(self, self._panes)
        next_pane = self._action(self.tr("&Next pane"), lambda: self.panes.step(+1), "F6")
        previous_pane = self._action(
            self.tr("&Previous pane"), lambda: self.panes.step(-1), "Shift+F6"
        )
        self.reader.leave_requested.connect(self.panes.step)
        self.quit_action = self._action(self.tr("&Quit"), self.close, keys.Quit)
        about = self._action(self.tr("&About Briefing Reader"), self._about)
        shortcuts = self._action(
            self.tr("&Keyboard shortcuts"), self._shortcuts, QKeySequence.StandardKey.HelpContents
        )
        welcome = self._action(self.tr("&Welcome"), self._welcome)
        self.settings_action = self._action(
            self.tr("&Settings…"), self._settings, QKeySequence.StandardKey.Preferences
        )
        if not self.settings_action.shortcuts():
            self.settings_action.setShortcut(QKeySequence("Ctrl+,"))

        menu = self.menuBar()
        self.file_menu = menu.addMenu(self.tr("&File"))
        self.view_menu = menu.addMenu(self.tr("&View"))
        for action in (zoom_in, zoom_out, zoom_reset):
            self.view_menu.addAction(action)
        go = menu.addMenu(self.tr("&Go"))
        for action in (
            self.back_action,
            self.forward_action,
            toc_focus,
            reader_focus,
            panel_focus,
            next_pane,
            previous_pane,
        ):
            go.addAction(action)
        self.search_menu = menu.addMenu(self.tr("Sea&rch"))
        self.notes_menu = menu.addMenu(self.tr("&Notes"))
        self._build_toolbar()
        help_menu = menu.addMenu(self.tr("&Help"))
        for action in (shortcuts, welcome, about):
            help_menu.addAction(action)
        self._update_history_actions()

    def _fill_feature_menus(self, features: Features) -> None:
        file_menu: QMenu = self.file_menu
        features.importing.build_menu(file_menu)
        file_menu.addSeparator()
        features.printing.build_menu(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.view_menu.addSeparator()
        features.references.build_menu(self.view_menu)
        overviews = features.overviews
        self.view_menu.addAction(
            self._action(self.tr("Actions &register"), overviews.show_register, "Ctrl+Shift+R")
        )
        self.view_menu.addAction(
            self._action(
                self.tr("&Commitments and deadlines"), overviews.show_timeline, "Ctrl+Shift+T"
            )
        )
        features.search.build_menu(self.search_menu)
        features.annotations.build_menu(self.notes_menu)
        features.printing.build_notes_menu(self.notes_menu)

    def _build_toolbar(self) -> None:
        """Back, forward, and a search field that feeds the search panel."""
        bar = self.addToolBar(self.tr("Navigation"))
        bar.setObjectName("navigation-toolbar")
        bar.setMovable(False)
        style = self.style()
        self.back_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.forward_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        bar.addAction(self.back_action)
        bar.addAction(self.forward_action)
        self.toolbar_search = QLineEdit(bar)
        self.toolbar_search.setPlaceholderText(self.tr("Search all letters (Ctrl+Shift+F)"))
        self.toolbar_search.setAccessibleName(self.tr("Search"))
        self.toolbar_search.setClearButtonEnabled(True)
        self.toolbar_search.setMaximumWidth(420)
        self.toolbar_search.textEdited.connect(self._search_from_toolbar)
        bar.addWidget(self.toolbar_search)

    def _search_from_toolbar(self, text: str) -> None:
        if self.features is None:
            return  # typed in the first instant: attach_features passes it on
        self.side_tabs.setCurrentIndex(self.features.search.tab_index)
        self.features.search.panel.field.setText(text)

    def _show_query(self, query: str) -> None:
        """A search suggestion was taken: the toolbar's box shows it too."""
        if self.toolbar_search.text() != query:
            self.toolbar_search.setText(query)

    def show_whole_library(self) -> None:
        """The contents of every document, once the first paint (which shows
        the bundled ones) is done."""
        if self.toc.contents.partial or not self.library.entries_read:
            self.library.entries()  # read them all now
            self.toc.set_library(self.library, self._recent())

    def library_changed(self) -> None:
        """Documents were imported or removed: show the library as it is now."""
        features = self._ready()
        shown = self.reader.document_shown
        offset = self.reader.core_offset(self.reader.top_position()) if shown else 0
        self.toc.set_library(self.library, self._recent())
        for doc_id in self.toc.contents.loaded_documents():
            self.toc.set_badges(doc_id, features.annotations.badges(doc_id))
        features.search.panel.set_documents(self.library)
        features.search.start_indexing()
        features.annotations.marks.refresh()
        features.annotations.review.refresh()
        if shown is not None:
            current = self.library.get(shown.id)
            target = current or next(iter(self.library), None)
            if target is not None:  # a reloaded library holds new Document objects
                self.show_document(target.id)
                if current is not None:
                    self.reader.scroll_to_position(self.reader.qt_position(offset))
                self._arrive()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if self.features is not None and urls and all(url.isLocalFile() for url in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files and self.features is not None:
            event.acceptProposedAction()
            self.features.importing.import_paths(files)

    def notes_changed(self, doc_id: str = "") -> None:
        """Notes changed outside the panels: in ``doc_id`` (the register), or
        in any document ("": an import, colleagues' notes): show them."""
        annotations = self._ready().annotations
        if doc_id:
            annotations.refresh_after_edit(doc_id)
            return
        annotations.marks.refresh()
        doc = self.reader.document_shown
        if doc is not None:
            annotations.refresh_after_edit(doc.id)
            annotations.paint_highlights()

    def _recent(self) -> list[str]:
        """Documents opened lately, newest first (for the top of the contents)."""
        return list(ui_settings.RECENT.read(self.settings))

    def _remember_recent(self, doc_id: str) -> None:
        recent = [doc_id] + [d for d in self._recent() if d != doc_id]
        ui_settings.RECENT.write(self.settings, tuple(recent[: ui_settings.RECENT_COUNT]))

    def _focus_toc(self) -> None:
        self.side_tabs.setCurrentWidget(self.contents_pane)
        self.toc.setFocus()

    def _panes(self) -> list[QWidget]:
        """What F6 cycles through, in order: contents or search, the text, the docks."""
        docks = (self.annotation_dock, self.marks_dock, self.review_dock)
        widgets = [self.side_tabs.currentWidget(), self.reader, *(d.widget() for d in docks)]
        return [widget for widget in widgets if widget is not None]

    def focus_annotation(self) -> None:
        """Ctrl+Shift+A: into the annotation panel (shown if it was closed)."""
        panel = self.annotation_dock.widget()
        if panel is None:
            return
        self.annotation_dock.show()
        self.annotation_dock.raise_()
        target = keyboard.first_focusable(panel)
        if target is None:
            self.statusBar().showMessage(
                self.tr(
                    "No action here: choose one in the contents "
                    "(Ctrl+T) or place the cursor in one."
                ),
                5000,
            )
            return
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- navigation -------------------------------------------------------

    def current_place(self) -> Place | None:
        doc = self.reader.document_shown
        if doc is None:
            return None
        focus = self._place[1] if self._place and self._place[0] == doc.id else -1
        return Place(doc.id, self.reader.top_position(), focus)

    def _arrive(self, offset: int | None = None, anchor: str = "") -> None:
        """The reading place is now ``offset`` (or ``anchor``; neither: the top
        of the view) in the shown document. The annotation panel shows the
        action there (or none) and the contents tree selects it, whatever
        way the reader got there."""
        doc = self.reader.document_shown
        if doc is None:
            return
        if offset is None:
            offset = offset_of(doc, anchor) if anchor else None
        if offset is None:
            offset = self.reader.core_offset(self.reader.top_position())
        self._place = (doc.id, offset, anchor)
        self.reader.settle()
        if self.features is not None:
            node = self.features.annotations.show_place(doc.id, offset, anchor)
            if node is not None:
                self.toc.select_node(doc.id, node.id)

    def place_reached(self, offset: int) -> None:
        """The reading place moved within the shown document without a jump
        in the history (F3 to the next hit)."""
        self._arrive(offset)

    def _say_busy(self, message: str, busy: bool) -> None:
        """The reader opens a long document (busy) or has opened it."""
        bar = self.statusBar()
        if not busy:
            if bar.currentMessage() == message:
                bar.clearMessage()
            return
        bar.showMessage(message, 5000)
        if bar.isVisible():
            bar.repaint()  # painted now: the event loop waits for Qt's import

    def _cursor_placed(self, position: int) -> None:
        self._arrive(self.reader.core_offset(position))

    def _follow_anchor(self, anchor: str, origin: int) -> None:
        """A link within the document (a footnote marker): Back returns to
        the link itself, not to wherever the reading place was before."""
        doc = self.reader.document_shown
        if doc is None:
            return
        self._place = (doc.id, self.reader.core_offset(origin), "")
        self.navigate(doc.id, anchor)

    def show_document(self, doc_id: str) -> bool:
        """Show a document (if not shown already); False if it does not exist."""
        doc = self.library.get(doc_id)
        if doc is None:
            return False
        if self.reader.document_shown is not doc:
            annotations = self.features.annotations if self.features is not None else None
            if annotations is not None and self.reader.document_shown is not None:
                annotations.save_reading_position()
            badges = annotations.badges(doc.id) if annotations is not None else {}
            self.reader.show_document(doc, style.is_dark(), badges)
            if annotations is not None:
                self._decorate(doc)
            self.citation_label.setText(citation(doc.meta) or doc.title)
            self._remember_recent(doc.id)
            self.setWindowTitle(f"{doc.title} — {APP_NAME}")
        return True

    def _decorate(self, doc: Document) -> None:
        """What the reader shows over the text: highlights, search hits, sums."""
        features = self._ready()
        features.annotations.document_shown(doc)
        features.search.refresh_for_document()
        self._flag_table_sums(doc)
        self._keep_version(doc)

    def _keep_version(self, doc: Document) -> None:
        """Keep the text of the version the user reads (and may annotate): the
        start-up re-anchoring keeps versions only of documents with notes."""
        if self.paths is None:
            return
        from briefing_reader.core.content.versions import VersionsError, save_version
        from briefing_reader.ui.messages import located_text

        try:
            save_version(self.paths.versions, doc)
        except VersionsError as error:
            self.statusBar().showMessage(located_text(error), 10000)

    def _flag_table_sums(self, doc: Document) -> None:
        """Totals that do not add up get a red mark with the computed value."""
        from briefing_reader.core.content.tables import check_document

        flags = [
            (
                d.anchor,
                d.row,
                d.column,
                self.tr("Does not add up: the figures sum to %s (printed: %s)")
                % (d.computed, d.printed),
            )
            for d in check_document(doc)
            if not d.rounding
        ]
        self.reader.flag_table_cells(flags)

    def navigate_to_offset(self, doc_id: str, offset: int) -> None:
        """Go to a plain-text offset (a highlight, a bookmark, a search hit)."""
        here = self.current_place()
        if not self.show_document(doc_id):
            return
        self.reader.scroll_to_position(self.reader.qt_position(offset))
        self._arrive(offset)
        self._remember(here)

    def _remember(self, here: Place | None) -> None:
        there = self.current_place()
        if (
            here is not None
            and there is not None
            and (here.doc_id, here.position) != (there.doc_id, there.position)
        ):
            self._back.append(here)
            self._forward.clear()
        self._update_history_actions()

    def navigate(self, doc_id: str, anchor: str = "") -> None:
        """Go to a place, remembering where we were for Back."""
        here = self.current_place()
        if not self.show_document(doc_id):
            self.statusBar().showMessage(self.tr("Document not found: %s") % doc_id, 5000)
            return
        if anchor:
            self.reader.go_to_anchor(anchor)
            self._arrive(anchor=anchor)
        else:
            self.reader.scroll_to_position(0)
            self._arrive(0)
        self._remember(here)

    def _restore(self, place: Place) -> None:
        self.show_document(place.doc_id)
        self.reader.scroll_to_position(place.position)
        self._arrive(place.focus if place.focus >= 0 else None)

    def go_back(self) -> None:
        here = self.current_place()
        if self._back and here is not None:
            self._forward.append(here)
            self._restore(self._back.pop())
        self._update_history_actions()

    def go_forward(self) -> None:
        here = self.current_place()
        if self._forward and here is not None:
            self._back.append(here)
            self._restore(self._forward.pop())
        self._update_history_actions()

    def _update_history_actions(self) -> None:
        self.back_action.setEnabled(bool(self._back))
        self.forward_action.setEnabled(bool(self._forward))

    def _sync_toc(self, anchor: str) -> None:
        doc = self.reader.document_shown
        if doc is not None:
            self.toc.select_node(doc.id, anchor)

    def _open_link(self, url: QUrl) -> None:
        shown = self.reader.document_shown
        if url.scheme() == "" and url.fragment() and not url.path() and shown is not None:
            self.navigate(shown.id, url.fragment())  # "#2.4" in a note: this document
            return
        if url.scheme() == "ref" and self.features is not None:
            self.features.references.open_reference(url)
            return
        if url.scheme() == "doc":
            doc_id = url.path()
            self.navigate(doc_id, url.fragment())
            return
        if url.scheme() not in ("http", "https", "mailto"):
            return
        answer = QMessageBox.question(
            self,
            self.tr("Open in browser?"),
            self.tr(
                "This link leads outside Briefing Reader:\n\n%s\n\nOpen it in your web browser?"
            )
            % url.toString(),
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(url)

    def _zoom(self, step: int, reset: bool = False) -> None:
        self.reader.set_zoom(0 if reset else self.reader.zoom + step)

    def _about(self) -> None:
        from briefing_reader.ui import help

        help.show_html(self, self.tr("About Briefing Reader"), help.about_html(self.paths))

    def _shortcuts(self) -> None:
        from briefing_reader.ui import help

        help.show_html(self, self.tr("Keyboard shortcuts"), help.shortcuts_html(self))

    def _welcome(self) -> None:
        from briefing_reader.ui import help

        help.show_html(self, self.tr("Welcome"), help.welcome_html())

    def _settings(self) -> None:
        if self.paths is None or self.features is None:
            return  # the dialog restores backups: only with the notes store open
        from briefing_reader.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.store, self.paths, self)
        accepted = dialog.exec() == SettingsDialog.DialogCode.Accepted
        if dialog.restored:
            self.close()
            return
        if accepted:
            dialog.apply()
            self.apply_appearance()
            self.features.team.configure()

    def apply_appearance(self) -> None:
        """Theme and text size from the settings; the document follows."""
        size = QApplication.font().pointSizeF()
        theme.apply(self.settings)
        self.toc.restyle()
        if QApplication.font().pointSizeF() != size:
            # Once the widgets took the new size: they do so in posted events,
            # some of which post more.
            QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self.balance_panes))
        if self.features is not None:
            self.features.search.panel.restyle()
        doc = self.reader.document_shown
        if doc is not None:
            self.reader.show_document(doc, style.is_dark(), self.reader.badges)
            if self.features is not None:
                self._decorate(doc)

    def balance_panes(self) -> None:
        """A narrow contents pane, a narrow annotation column and the widest
        pane for the text, at any text size; the text keeps 30 characters."""
        self.reader.setMinimumWidth(30 * self.reader.fontMetrics().averageCharWidth())
        width = self.width()
        self.resizeDocks(
            [self.annotation_dock],
            [max(int(width * DOCK_SHARE), self._dock_width())],
            Qt.Orientation.Horizontal,
        )
        height = self.annotation_dock.height() + self.marks_dock.height()
        self.resizeDocks(
            [self.annotation_dock, self.marks_dock],  # the panel, with its note
            [int(height * 0.7), int(height * 0.3)],
            Qt.Orientation.Vertical,
        )
        self._activate_layout()  # the splitter's new width, before it is divided
        side = int(width * SIDE_SHARE)
        self.splitter.setSizes([side, max(self.splitter.width() - side, 1)])
        self.panes_balanced.emit()

    def _activate_layout(self) -> None:
        layout = self.layout()
        if layout is not None:  # a QMainWindow always has its own
            layout.activate()

    def _dock_width(self) -> int:
        return max(self._panel_width(dock) for dock in (self.annotation_dock, self.marks_dock))

    def _panel_width(self, dock: QDockWidget) -> int:
        """The width a dock's panel needs, with its vertical scroll bar."""
        area = dock.widget()
        panel = area.widget() if isinstance(area, QScrollArea) else area
        if panel is None:
            return 0
        layout = panel.layout()
        if layout is not None:
            layout.invalidate()  # size hints cached at the old text size
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return panel.minimumSizeHint().width() + bar + 4

    def _reader_is_narrowest(self) -> bool:
        return self.reader.width() < max(self.side_tabs.width(), self.annotation_dock.width())

    # -- state across restarts ---------------------------------------------

    def restore_geometry(self) -> None:
        """Window geometry, splitter and zoom as they were at the last close."""
        geometry = ui_settings.GEOMETRY.read(self.settings)
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = ui_settings.SPLITTER.read(self.settings)
        self._first_layout = splitter is None
        if splitter is not None:
            self.splitter.restoreState(splitter)
        state = ui_settings.WINDOW_STATE.read(self.settings)
        if state is not None:
            self.restoreState(state)
        self.reader.set_zoom(ui_settings.ZOOM.read(self.settings))

    def restore_place(self, open_address: str | None = None) -> None:
        """Open ``open_address`` (DOC#anchor), else the last reading place.

        Call after ``show()`` and before the first paint: the reader then has
        its final width, and the letter is laid out once, at that place.
        """
        if self._first_layout or self._reader_is_narrowest():
            self.balance_panes()
        if open_address:
            doc_id, _, anchor = open_address.partition("#")
            if self.library.get(doc_id) is not None:
                self.navigate(doc_id, anchor)
                return
            self.statusBar().showMessage(self.tr("Document not found: %s") % doc_id, 8000)
        last = ui_settings.DOCUMENT.read(self.settings)
        entries = self.library.first_entries()  # the first bundled letter, not the oldest import
        first = next(iter(entries), None) or next(iter(self.library.entries()), None)
        if self._not_reopened(last):
            last, first = "", self._bundled_letter() or first
        doc_id = last if self.library.get(last) else (first.id if first else "")
        if not doc_id:
            return
        self.show_document(doc_id)
        # The place is kept in the settings too, so it needs no notes store
        # (that opens after the first paint); the store has it per document.
        offset = ui_settings.OFFSET.read(self.settings) if doc_id == last else None
        if offset is None and self.features is not None:
            offset = self.features.annotations.stored_reading_offset(doc_id)
        if offset is not None:
            self.reader.scroll_to_position(self.reader.qt_position(offset))
        else:
            self._place_from_store = doc_id  # settings from before the place was kept there
        focus = ui_settings.FOCUS.read(self.settings) if doc_id == last else None
        self._arrive(focus if focus is not None else offset)

    def _not_reopened(self, doc_id: str) -> bool:
        """The document hung or was slow to open last time: say so and open another."""
        doc = self.library.get(doc_id) if doc_id else None
        guard = self.reader.open_guard
        reason = guard.reason_to_avoid(doc_id) if doc is not None and guard else None
        if doc is None or reason is None:
            return False
        self.statusBar().showMessage(
            self.tr("“%s” was not opened at the start: %s.") % (doc.title, reason), 30000
        )
        return True

    def _bundled_letter(self) -> Entry | None:
        return next((e for e in self.library.first_entries() if e.kind == "kamerbrief"), None)

    def save_state(self) -> None:
        ui_settings.GEOMETRY.write(self.settings, self.saveGeometry())
        ui_settings.SPLITTER.write(self.settings, self.splitter.saveState())
        ui_settings.ZOOM.write(self.settings, self.reader.zoom)
        ui_settings.WINDOW_STATE.write(self.settings, self.saveState())
        doc = self.reader.document_shown
        if doc is not None:
            ui_settings.DOCUMENT.write(self.settings, doc.id)
            offset = self.reader.core_offset(self.reader.top_position())
            ui_settings.OFFSET.write(self.settings, offset)
            place = self.current_place()
            # the reading place, for the panel
            focus = place.focus if place is not None and place.focus >= 0 else None
            ui_settings.FOCUS.write(self.settings, focus)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.features is not None:
            self.features.search.stop_indexing()
            self.features.annotations.close()
        self.save_state()
        super().closeEvent(event)


def offset_of(doc: Document, anchor: str) -> int | None:
    """The plain-text offset where a node or paragraph begins (its first
    text, not its heading's box label), or None for an unknown anchor."""
    node = doc.node(anchor)
    blocks = (
        doc.blocks[node.first : node.stop]
        if node is not None
        else [b for b in doc.blocks if b.anchor == anchor]
    )
    return next((b.start for b in blocks if b.text), None)
