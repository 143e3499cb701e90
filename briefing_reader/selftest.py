"""``briefing-reader --self-test``: check this installation, frozen or not.

Runs every part a user depends on once, in a fresh temporary data folder
(never the user's profile), and prints one line per check::

    ok   content: 4 documents, kst-32824-456 with 20 actions in 80 ms
    ok   search: 'statushouder' -> 28 hits (statushouders) in 5 ms
    FAIL print: no PDF written (...)

The exit code is 0 only when every check passed. Without a display, Qt runs
on its "offscreen" platform, so the same command works on a build server.
The packaging script (``packaging/build.py``) runs it on the frozen app;
the end-to-end tests run it on the installed program.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_reader import APP_ID, __version__, paths

if TYPE_CHECKING:
    from briefing_reader.core.content import Document, Library

LETTER_ID = "kst-32824-456"
LETTER_ACTIONS = 20
QUERY = "statushouder"
EXPECTED_FORM = "statushouders"
PRINT_ANCHOR = "pijler-2"
LANGUAGE = "nl"
#: A printed section is a few pages; far more or fewer means a broken layout.
PRINT_PAGES = range(1, 30)
PRINT_MIN_BYTES = 5_000
_PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


class CheckFailed(Exception):
    """A check found something wrong; ``str()`` says what."""


@dataclass
class Run:
    """What the checks share: the temporary directories and what earlier checks made."""

    dirs: paths.Paths
    library: Library | None = None
    app: Any = None

    def letter(self) -> Document:
        if self.library is None:
            raise CheckFailed("not run: the content did not load")
        doc = self.library.get(LETTER_ID)
        if doc is None:
            raise CheckFailed(f"not run: the letter {LETTER_ID} is missing")
        return doc

    def qt(self) -> Any:
        if self.app is None:
            raise CheckFailed("not run: Qt did not start")
        return self.app


def _ms(start: float) -> str:
    return f"{(time.perf_counter() - start) * 1000:.0f} ms"


# --- the checks ------------------------------------------------------------------


def check_content(run: Run) -> str:
    from briefing_reader.core.content.model import OutlineKind
    from briefing_reader.session import open_library

    start = time.perf_counter()
    library = open_library(run.dirs)
    if library.errors:
        raise CheckFailed("; ".join(str(error) for error in library.errors))
    run.library = library
    doc = run.letter()
    actions = [node for node in doc.actions() if node.kind == OutlineKind.ACTION]
    if len(actions) != LETTER_ACTIONS:
        raise CheckFailed(f"{LETTER_ID} has {len(actions)} actions, expected {LETTER_ACTIONS}")
    return f"{len(library)} documents, {LETTER_ID} with {len(actions)} actions in {_ms(start)}"


def check_notes(run: Run) -> str:
    from briefing_reader.core.notes import open_store

    start = time.perf_counter()
    store = open_store(run.dirs.notes_db, run.dirs.backups)
    store.close()
    if not run.dirs.notes_db.is_file():
        raise CheckFailed(f"{run.dirs.notes_db} was not created")
    import sqlite3

    return (
        f"database created in the temporary folder (SQLite {sqlite3.sqlite_version}) "
        f"in {_ms(start)}"
    )


def check_search(run: Run) -> str:
    from briefing_reader.core.search import SearchIndex

    run.letter()
    library = run.library
    assert library is not None
    start = time.perf_counter()
    with SearchIndex(run.dirs.search_index) as index:
        report = index.update(library)
        if index.warning:
            raise CheckFailed(index.warning)
        built = _ms(start)
        start = time.perf_counter()
        result = index.search(QUERY)
        took = _ms(start)
    forms = {word.lower() for hit in result.hits for word in hit.matched_words}
    if not result.index_ready or result.total == 0:
        raise CheckFailed(f"'{QUERY}' found nothing")
    if EXPECTED_FORM not in forms:
        raise CheckFailed(
            f"'{QUERY}' did not find '{EXPECTED_FORM}' (found: "
            f"{', '.join(sorted(forms)) or 'nothing'})"
        )
    return (
        f"index of {len(report.added)} documents built in {built}; "
        f"'{QUERY}' -> {result.total} hits ({EXPECTED_FORM}) in {took}"
    )


def start_qt(run: Run) -> str:
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if no_display and sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.perf_counter()
    from PySide6 import __version__ as pyside_version
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([APP_ID])
    assert isinstance(app, QApplication)  # instance() is typed as the core application
    run.app = app
    return f"PySide6 {pyside_version}, platform '{QApplication.platformName()}' in {_ms(start)}"


def check_translations(run: Run) -> str:
    from PySide6.QtCore import QTranslator

    run.qt()
    folder = paths.translations_dir()
    translator = QTranslator()
    name = f"briefing_reader_{LANGUAGE}"
    if not translator.load(name, str(folder)) or translator.isEmpty():
        raise CheckFailed(f"{folder / (name + '.qm')} did not load")
    expected = _expected_translations(folder / f"{name}.ts")
    wrong = [
        source
        for context, source, text in expected
        if translator.translate(context, source) != text
    ]
    if wrong:
        raise CheckFailed(
            f"{len(wrong)} of {len(expected)} strings not translated, "
            f"e.g. '{wrong[0]}' (is {name}.qm older than {name}.ts?)"
        )
    checked = f"{len(expected)} strings checked" if expected else "no .ts to compare"
    return f"{name}.qm loaded, {checked}"


def _expected_translations(ts_file: Path) -> list[tuple[str, str, str]]:
    """(context, source, translation) of finished, plain messages of a .ts file."""
    if not ts_file.is_file():
        return []
    import xml.etree.ElementTree as ET

    out = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source")
            if (
                translation is None
                or translation.get("type")
                or not translation.text
                or source is None
                or message.get("numerus") == "yes"
                or message.find("comment") is not None
            ):
                continue
            out.append((name, source, translation.text))
    return out


def check_render(run: Run) -> str:
    from briefing_reader.ui.reader import ReaderView

    run.qt()
    doc = run.letter()
    start = time.perf_counter()
    reader = ReaderView()
    reader.resize(900, 700)
    reader.show_document(doc)
    qdoc = reader.document()
    text = qdoc.toPlainText()
    if doc.title not in text:
        raise CheckFailed(f"the title '{doc.title}' is not in the rendered text")
    missing = [node.id for node in doc.actions() if reader.anchor_position(node.id) is None]
    if missing:
        raise CheckFailed(f"{len(missing)} action anchors not found, e.g. '{missing[0]}'")
    image = reader.grab()
    if image.isNull():
        raise CheckFailed("the reader could not be painted")
    height = qdoc.documentLayout().documentSize().height()
    return (
        f"{LETTER_ID}: {len(text)} characters, {len(doc.actions())} (sub-)action anchors, "
        f"{height:.0f} px tall, painted {image.width()}x{image.height()} "
        f"in {_ms(start)}"
    )


def check_print(run: Run) -> str:
    from briefing_reader.printing.composing import compose
    from briefing_reader.printing.painting import write_pdf
    from briefing_reader.printing.request import PrintRequest

    run.qt()
    run.letter()
    library = run.library
    assert library is not None
    start = time.perf_counter()
    target = run.dirs.data / "self-test.pdf"
    composition = compose(library, None, PrintRequest.node(LETTER_ID, PRINT_ANCHOR))
    pages = write_pdf(composition, target)
    data = target.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        raise CheckFailed(f"{target} is not a complete PDF")
    if len(data) < PRINT_MIN_BYTES:
        raise CheckFailed(f"{target} is only {len(data)} bytes")
    counted = len(_PDF_PAGE.findall(data))
    if pages not in PRINT_PAGES or counted != pages:
        raise CheckFailed(f"{target}: {pages} pages reported, {counted} in the file")
    return (
        f"{LETTER_ID}#{PRINT_ANCHOR}: {pages} page{'s' if pages != 1 else ''}, "
        f"{len(data) // 1024} KB in {_ms(start)}"
    )


def check_pdf_import(run: Run) -> str:
    """The printed excerpt read back by the PDF importer (PDFium is in the build)."""
    from briefing_reader.core.importing import convert_file

    target = run.dirs.data / "self-test.pdf"
    if not target.exists():
        raise CheckFailed("no PDF from the print check to read")
    start = time.perf_counter()
    converted = convert_file(target)
    node = run.letter().node(PRINT_ANCHOR)
    title = node.title if node is not None else PRINT_ANCHOR
    if title not in converted.body:
        raise CheckFailed(f"{target}: '{title}' not found in the imported text")
    return f"{target.name}: {len(converted.body)} characters of markdown in {_ms(start)}"


#: In order: later checks use what earlier ones made (the library, Qt).
CHECKS: tuple[tuple[str, Callable[[Run], str]], ...] = (
    ("content", check_content),
    ("notes", check_notes),
    ("search", check_search),
    ("qt", start_qt),
    ("translations", check_translations),
    ("render", check_render),
    ("print", check_print),
    ("pdf-import", check_pdf_import),
)


def _where() -> str:
    frozen = getattr(sys, "frozen", False)
    kind = "frozen" if frozen else "installed"
    return (
        f"briefing-reader {__version__} self-test ({kind}, Python "
        f"{sys.version.split()[0]}, {sys.platform})"
    )


def run_self_test(checks: tuple[tuple[str, Callable[[Run], str]], ...] = CHECKS) -> int:
    """Run every check in a temporary data folder; 0 if all passed, else 1."""
    print(_where(), flush=True)
    failed: list[str] = []
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(
        prefix=f"{APP_ID}-self-test-", ignore_cleanup_errors=True
    ) as temp:
        run = Run(paths.resolve(Path(temp) / "data", environ={}))
        for name, check in checks:
            try:
                detail = check(run)
            except CheckFailed as exc:
                failed.append(name)
                print(f"FAIL {name}: {exc}", flush=True)
            except Exception as exc:  # anything at all: a missing module in a frozen build
                failed.append(name)
                print(f"FAIL {name}: {type(exc).__name__}: {exc}", flush=True)
            else:
                print(f"ok   {name}: {detail}", flush=True)
    seconds = time.perf_counter() - began
    if failed:
        print(
            f"self-test FAILED: {', '.join(failed)} ({len(failed)} of {len(checks)} "
            f"checks, {seconds:.1f} s)",
            flush=True,
        )
        return 1
    print(f"self-test passed: {len(checks)} checks in {seconds:.1f} s", flush=True)
    return 0
