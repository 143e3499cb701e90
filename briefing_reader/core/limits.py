"""Budgets for everything the app parses: one place, named, checked before parsing.

Every input is hostile until bounded. A file over one of these budgets is
refused with :class:`OverBudget`, which names the budget (``what``) so a
caller can say in its own words (and language) why; nothing over a budget
is stored or cached. The figures leave room for the longest real letters
(the bundled letter has 36 headings and 240 KB of parsed JSON; a 300-page
Word letter unpacks to about 10 MB of XML) and refuse a bomb within a
second or two.

Plain Python, no imports beyond the standard library: the document cache
uses this at start-up.
"""

from __future__ import annotations

import json
import re
from typing import Any

from briefing_reader.core.messages import Message, as_message, message

# -- text documents (markdown, plain text, the reader) -------------------------
# A document as the reader parses it (our markdown, also what an import
# converts to). markdown-it reads about 300 KB a second (the letter: 68 KB;
# 3,600 paragraphs of a long Word letter: 1 MB), so this bounds a parse to a
# few seconds; the same budget applies to a text or markdown file imported.
MAX_DOCUMENT_BYTES = 2 * 1024 * 1024
MAX_FRONT_MATTER_BYTES = 64 * 1024  # the YAML between the '---' fences
MAX_YAML_NODES = 5_000  # scalars, lists and mappings in the front matter
MAX_YAML_DEPTH = 32  # lists in mappings in lists ... (ours nest 2 deep)
MAX_HEADINGS = 2_000  # headings in one document
MAX_BLOCKS = 100_000  # paragraphs, list items, table rows ... in one document
MAX_NESTING = 20  # markdown nesting (lists in quotes in lists ...); markdown-it's option
# Places the reader can jump to (a heading, a paragraph, a box ...). Qt's rich
# text import slows down with the square of their number (measured in the
# reader: the letter's 220 in 0.14 s, 4,000 in 1.8 s, 5,000 in 3.3 s, 20,000 in
# 26 s, all on the UI thread), so this budget is what keeps the window from
# freezing on a long document; about 200 pages of a letter. (The reader now
# imports through ui/anchored_html.py, linear: 4,000 in about 0.1 s; the print
# documents still use Qt's own import.)
MAX_ANCHORS = 4_000

# -- the window ------------------------------------------------------------------
LONG_DOCUMENT_ANCHORS = 1_500  # from here the reader says it is busy opening one
SLOW_OPEN_SECONDS = 5.0  # a document that took this long is not reopened at start

# An import that claims a bundled document's identity becomes its new version
# only when at least this share of that document's sentences is in it.
MIN_SHARED_SENTENCES = 0.6

# -- Word (.docx) packages -----------------------------------------------------
DOCX_MAX_MEMBERS = 2_000  # files in the zip archive
DOCX_MAX_UNPACKED = 64 * 1024 * 1024  # bytes actually unpacked, all members together
DOCX_MAX_XML_BYTES = 8 * 1024 * 1024  # bytes of XML, all parts together (3,600 paragraphs: 1.3 MB)
DOCX_MAX_ELEMENTS = 300_000  # XML elements, all parts together

# -- JSON we read back (the document cache, front matter as JSON) ------------------
MAX_JSON_DEPTH = 64
MAX_CACHE_ENTRY_BYTES = 64 * 1024 * 1024

# The budgets by name: ``OverBudget.what`` is one of these keys.
FRONT_MATTER_SIZE = "front-matter-size"
YAML_ALIASES = "yaml-aliases"
YAML_NODES = "yaml-nodes"
YAML_DEPTH = "yaml-depth"
HEADINGS = "headings"
NESTING = "nesting"
ANCHORS = "anchors"
BLOCKS = "blocks"
UNPACKED = "unpacked-size"
MEMBERS = "members"
XML_ELEMENTS = "xml-elements"
JSON_DEPTH = "json-depth"


class OverBudget(ValueError):
    """An input exceeds a budget; ``str()`` is an English reason for the user.

    Attributes:
        what: which budget (one of the names above).
        limit: the budget's figure.
        message: the reason for the user (a code and its values).
        reason: the message in English.
    """

    def __init__(self, what: str, limit: int, reason: str | Message) -> None:
        self.message = as_message(reason)
        self.reason = str(self.message)
        super().__init__(self.reason)
        self.what = what
        self.limit = limit


# -- YAML ------------------------------------------------------------------------


def load_yaml(text: str) -> Any:
    """Safe-load YAML front matter without anchors or aliases, within budgets.

    Raises:
        OverBudget: too large, anchors/aliases used, too many nodes or too deep.
        yaml.YAMLError: not valid YAML.
    """
    if len(text.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        raise OverBudget(
            FRONT_MATTER_SIZE,
            MAX_FRONT_MATTER_BYTES,
            message("budget.front_matter_size", size=MAX_FRONT_MATTER_BYTES // 1024),
        )
    if json_depth(text) > MAX_YAML_DEPTH:  # flow style ([[[...]]]): PyYAML's scanner
        raise _too_deep()  # slows down with the square of the depth, so count first
    import yaml

    fast = _c_loader(text)
    if fast is not None:
        try:
            return _load_with(fast, text)
        except yaml.YAMLError:
            pass  # not valid YAML: the pure-Python loader words the error as it always has
    return _load_with(yaml.SafeLoader, text)


# libyaml composes the tree recursively in C: only a tree provably shallower than
# this goes to it (the pure-Python composer runs into Python's recursion limit).
C_LOADER_MAX_DEPTH = 256


# Where libyaml reads differently from PyYAML (tests/unit/test_yaml_c.py looks
# for more): tabs (PyYAML refuses many that libyaml takes), tags ('!', which
# libyaml reads as an empty string where PyYAML reads null), control
# characters, line breaks other than \n and \r, byte-order marks, and a comment
# right after a block scalar's '|' or '>'.
_LIBYAML_DIFFERS = re.compile(
    r"[\t!\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|[|>][-+0-9]*#"
)
_FLOW = re.compile(r"[\[{]")  # with a '?': libyaml takes 'a?' in a flow collection


def _c_loader(text: str) -> Any:
    """PyYAML's C loader (libyaml, about ten times faster) when it is there and
    the text cannot nest deeply; None for the pure-Python loader.

    Every collection starts at a character of its own (a block mapping's first
    ':' or '?', a sequence's '-', a flow '[' or '{'), so their count bounds the
    depth; front matter holds a few dozen.
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        return None
    if _LIBYAML_DIFFERS.search(text) or ("?" in text and _FLOW.search(text)):
        return None
    marks = sum(text.count(char) for char in ":-?[{")
    return loader if marks < C_LOADER_MAX_DEPTH else None


def _load_with(loader_class: Any, text: str) -> Any:
    """Compose, check the composed tree, then construct (values as SafeLoader gives them)."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()  # composes the tree: aliases stay references
        if node is None:
            return None
        _check_yaml_node(node)
        return loader.construct_document(node)
    except RecursionError as exc:  # PyYAML composes recursively: far too deep
        raise _too_deep() from exc
    finally:
        loader.dispose()


def _too_deep() -> OverBudget:
    return OverBudget(
        YAML_DEPTH, MAX_YAML_DEPTH, message("budget.yaml_depth", limit=MAX_YAML_DEPTH)
    )


def _check_yaml_node(root: Any) -> None:
    """Walk the composed tree once: no anchors/aliases (a node seen twice), few nodes."""
    import yaml

    seen: set[int] = set()
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_YAML_DEPTH:
            raise _too_deep()
        if id(node) in seen:
            raise OverBudget(
                YAML_ALIASES,
                0,
                message("budget.yaml_aliases"),
            )
        seen.add(id(node))
        if len(seen) > MAX_YAML_NODES:
            raise OverBudget(
                YAML_NODES,
                MAX_YAML_NODES,
                message("budget.yaml_nodes", limit=MAX_YAML_NODES),
            )
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack += ((key, depth + 1), (value, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack += ((item, depth + 1) for item in node.value)


# -- JSON ------------------------------------------------------------------------

_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def json_depth(text: str) -> int:
    """How deeply arrays and objects nest in ``text`` (strings ignored); no recursion."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    depth = deepest = 0
    for char in brackets:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def load_json(text: str, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads`` after checking the nesting depth.

    Raises:
        OverBudget: nested deeper than ``max_depth``.
        ValueError: not valid JSON.
    """
    if json_depth(text) > max_depth:
        raise OverBudget(JSON_DEPTH, max_depth, message("budget.json_depth", limit=max_depth))
    return json.loads(text)
