"""Front matter through libyaml (PyYAML's C loader and dumper) reads and writes
exactly as through PyYAML's pure-Python ones: the same values, the same bytes,
the same budgets and the same error messages."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_reader.core import limits
from briefing_reader.core.content import ContentError
from briefing_reader.core.content.frontmatter import parse_front_matter
from briefing_reader.core.importing.mdwriter import dumped, front_matter

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import hostile_files as hostile

pytestmark = pytest.mark.skipif(
    not getattr(yaml, "__with_libyaml__", False), reason="PyYAML built without libyaml"
)

C_LOADER = yaml.CSafeLoader
C_DUMPER = yaml.CSafeDumper


class Counted:
    """Counts the documents the C loader and dumper are made for."""

    def __init__(self) -> None:
        self.loads = 0
        self.dumps = 0


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counted]:
    seen = Counted()

    class Loader(C_LOADER):  # type: ignore[misc]
        def __init__(self, stream: Any) -> None:
            seen.loads += 1
            super().__init__(stream)

    class Dumper(C_DUMPER):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            seen.dumps += 1
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(yaml, "CSafeLoader", Loader)
    monkeypatch.setattr(yaml, "CSafeDumper", Dumper)
    yield seen


def pure_python(call: Any, *args: Any) -> Any:
    """``call(*args)`` as it runs where PyYAML has no libyaml."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delattr(yaml, "CSafeLoader")
        patch.delattr(yaml, "CSafeDumper")
        return call(*args)


def python_dump(meta: dict[str, Any]) -> str:
    return dumped(meta, yaml.SafeDumper)


# -- representative front matter: what the importers write ---------------------

DUTCH = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    "éëèêïíóöüúàáçñ' .,;:-–()/&'\"#?!%"
)
dutch_text = st.text(alphabet=DUTCH, max_size=120)
moments = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2040, 1, 1))
front = st.fixed_dictionaries(
    {
        "id": st.from_regex(r"[a-z0-9][a-z0-9-]{0,30}", fullmatch=True),
        "kind": st.sampled_from(["imported", "letter", "companion"]),
        "title": dutch_text,
        "date": st.none() | st.dates(min_value=dt.date(1990, 1, 1)),
        "version": st.none() | st.integers(0, 999_999_999),
        "dossier": st.fixed_dictionaries(
            {"number": st.from_regex(r"[0-9]{5}", fullmatch=True), "title": dutch_text}
        ),
        "volgnummer": st.none() | st.integers(1, 9999),
        "document_number": st.none() | st.from_regex(r"20[0-9]{2}D[0-9]{5}", fullmatch=True),
        "missing_footnotes": st.lists(st.from_regex(r"[0-9]{1,3}", fullmatch=True), max_size=4),
        "imported": st.fixed_dictionaries(
            {
                "file": dutch_text,
                "format": st.sampled_from(["docx", "pdf", "plain text", "markdown"]),
                "encoding": st.none() | st.sampled_from(["utf-8", "cp1252"]),
                "sha256": st.from_regex(r"[0-9a-f]{64}", fullmatch=True),
                "at": moments.map(lambda moment: moment.isoformat()),
            }
        ),
        "provenance": st.fixed_dictionaries({"source": dutch_text, "description": dutch_text}),
    }
)


def test_a_real_letters_front_matter_goes_through_libyaml(counted: Counted) -> None:
    meta = {
        "id": "brief-over-statushouders",
        "kind": "imported",
        "title": "Financiële zelfbeschikking van statushouders – één jaar later",
        "date": dt.date(2025, 7, 4),
        "version": 2,
        "dossier": {"number": "32824", "title": "Integratiebeleid"},
        "imported": {"file": "brief.docx", "sha256": "ab" * 32, "at": "2026-12-06T04:36:57+00:00"},
        "provenance": {"source": "brief.docx", "description": "Geïmporteerd uit Word."},
    }
    text = front_matter(meta)
    assert counted.dumps == 1
    assert text == python_dump(meta)
    assert "Financiële zelfbeschikking" in text  # accents as they are, not escaped
    loaded = limits.load_yaml(text.split("---\n")[1])
    assert counted.loads == 1
    assert loaded == meta == pure_python(limits.load_yaml, text.split("---\n")[1])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front)
def test_representative_front_matter_is_the_same_both_ways(meta: dict[str, Any]) -> None:
    assert dumped(meta, C_DUMPER) == python_dump(meta) == front_matter(meta)
    yaml_text = python_dump(meta)[4:-4]
    read = limits.load_yaml(yaml_text)
    assert read == pure_python(limits.load_yaml, yaml_text) == meta


# -- anything at all: where libyaml would differ, the pure-Python side writes ----

anything_text = st.text(max_size=40) | st.text(alphabet=" ab\n-:#'\"", max_size=200)
scalars = st.one_of(
    anything_text,
    st.integers(),
    st.none(),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.floats(allow_nan=False),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(anything_text, inner, max_size=3),
    max_leaves=10,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(anything_text, values, max_size=5))
def test_any_front_matter_is_written_byte_for_byte_as_pure_python_writes_it(
    meta: dict[str, Any],
) -> None:
    assert front_matter(meta) == python_dump(meta)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(anything_text, values, max_size=5))
def test_any_yaml_written_reads_the_same_both_ways(meta: dict[str, Any]) -> None:
    yaml_text = python_dump(meta)[4:-4]
    assert limits.load_yaml(yaml_text) == pure_python(limits.load_yaml, yaml_text)


def read(text: str) -> tuple[object, ...]:
    """What ``load_yaml`` makes of ``text``: its value, or the error's kind and words."""
    try:
        return ("value", limits.load_yaml(text))
    except limits.OverBudget as exc:
        return ("budget", exc.what)
    except yaml.YAMLError as exc:
        return ("error", type(exc).__name__, str(exc))


YAMLISH = "ab1 :-?[]{},#&*!|>'\"\n\n  %@`é.\\\r\t\x85\u2028\ufeff\x00x0~"
pieces = st.text(alphabet="ab1 :-?[]{},#&*|>'\"%@`é.\\\r0x~", max_size=12)
lines = st.tuples(
    st.sampled_from(["", " ", "  ", "    "]),
    st.sampled_from(["- ", "a: ", "? ", ": ", "b:", "- - ", "", "'", '"', "|", ">-", "&x ", "*x"]),
    pieces,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=YAMLISH, max_size=40))
def test_any_text_reads_the_same_both_ways(text: str) -> None:
    """The same value, or the same refusal in the same words (libyaml takes some
    text PyYAML refuses: such text never goes to it)."""
    assert read(text) == pure_python(read, text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(lines, max_size=8))
def test_any_block_of_lines_reads_the_same_both_ways(block: list[tuple[str, str, str]]) -> None:
    text = "\n".join(indent + mark + piece for indent, mark, piece in block) + "\n"
    assert read(text) == pure_python(read, text)


HAND_WRITTEN = [  # (text, read by libyaml)
    ("id: a\nkind: letter\ntitle: 'Één ''jaar'' later'\ndate: 2025-07-04\n", True),
    ('id: a\ntitle: "Zelfbeschikking \\u00e9\\t"\nlist: [1, 2.5, ja, no, ~, 0o17, 0x1f]\n', True),
    (
        "id: a  # een opmerking\nnotes: |\n  regel een\n  regel twee\nfolded: >\n  een\n  twee\n",
        True,
    ),
    ("id: a\ndossier: {number: 32824, title: Integratie}\nwhen: 2025-07-04T10:00:00+02:00\n", True),
    ("title: Wat doet het kabinet?\nlist:\n- - x\n  - y\n", True),
    ("anchor: &a x\n", True),
    ("", True),
    ("# alleen een opmerking\n", True),
    ("? id\n: a\nlist:\n- {a: [b, c]}\n", False),  # '?' beside a flow collection
    ("id: !!str 12\nn: !!int '7'\nempty:\nplain: een\n  twee\n", False),  # tags
    ("id: a\ntitle: 'T\tU'\n", False),  # a tab
]


@pytest.mark.parametrize(("text", "by_libyaml"), HAND_WRITTEN)
def test_hand_written_yaml_reads_the_same_both_ways(
    text: str, by_libyaml: bool, counted: Counted
) -> None:
    assert limits.load_yaml(text) == pure_python(limits.load_yaml, text)
    assert counted.loads == int(by_libyaml)


# -- the budgets hold under the C loader -----------------------------------------


def budget_of(text: str) -> str:
    with pytest.raises(limits.OverBudget) as caught:
        limits.load_yaml(text)
    return caught.value.what


def test_aliases_are_refused_by_the_c_loader(counted: Counted) -> None:
    laughs = hostile.billion_laughs_md().decode().split("---\n")[1]
    assert budget_of(laughs) == limits.YAML_ALIASES == pure_python(budget_of, laughs)
    assert counted.loads == 1


def test_too_many_nodes_are_refused_by_the_c_loader(counted: Counted) -> None:
    many = "a: [" + ", ".join(["1"] * (limits.MAX_YAML_NODES + 1)) + "]"
    assert budget_of(many) == limits.YAML_NODES == pure_python(budget_of, many)
    assert counted.loads == 1


def test_deep_block_nesting_is_refused_by_both(counted: Counted) -> None:
    shallow_enough = "a:\n  " + "- " * (limits.MAX_YAML_DEPTH + 5) + "x\n"
    assert budget_of(shallow_enough) == limits.YAML_DEPTH == pure_python(budget_of, shallow_enough)
    assert counted.loads == 1  # the C loader composed it; the node walk refused it
    very_deep = "a:\n  " + "- " * 20_000 + "x\n"
    assert budget_of(very_deep) == limits.YAML_DEPTH
    assert counted.loads == 1  # too many marks to bound: never given to libyaml


@pytest.mark.parametrize("depth", [limits.MAX_YAML_DEPTH + 1, 20_000])
def test_deep_flow_nesting_is_refused_before_parsing(depth: int, counted: Counted) -> None:
    assert budget_of("a: " + "[" * depth + "]" * depth) == limits.YAML_DEPTH
    assert counted.loads == 0


# -- bad YAML: the same message and line, naming the file --------------------------

BAD = [  # (text, line, refused by libyaml first)
    ("id: a\nkind: b: c\ntitle: T\n", 3, True),
    ("id: [a\nkind: b\n", 3, True),
    ("id: a\ntitle: 'open\n", 4, True),
    ("id: a\nx: *nope\n", 3, True),
    ("id: a\ntitle: b\n- c\n", 4, True),
    ("id: a\n\tkind: b\n", 3, False),
    ("id: a\ntitle: \x07\n", None, False),
    # libyaml would take these three: PyYAML refuses them, as it did before
    ("id: a\ntitle:\tT\n", 3, False),
    ("id: [a?]\n", 2, False),
    ("id: a\nnotes: |#\n  x\n", 3, False),
]


@pytest.mark.parametrize(("text", "line", "by_libyaml"), BAD)
def test_bad_yaml_is_reported_as_before(
    text: str, line: int | None, by_libyaml: bool, counted: Counted
) -> None:
    def refusal() -> ContentError:
        with pytest.raises(ContentError) as caught:
            parse_front_matter(text, Path("brief.md"))
        return caught.value

    error = refusal()
    assert counted.loads == int(by_libyaml)  # refused by libyaml, then worded by PyYAML
    before = pure_python(refusal)
    assert (error.path, error.line, error.message) == (before.path, before.line, before.message)
    assert error.path.name == "brief.md" and error.line == line
    assert error.message.code == "frontmatter.not_yaml"


def test_an_imported_file_with_bad_yaml_is_refused_as_before(
    tmp_path: Path, counted: Counted
) -> None:
    from briefing_reader import paths
    from briefing_reader.core.importing import FAILED, import_files

    letter = tmp_path / "kapot.md"
    letter.write_text("---\nid: kapot\ntitle: 'open\n---\n\n# Kapot\n\nTekst.\n", encoding="utf-8")

    def refused(profile: str) -> tuple[object, ...]:
        result = import_files(paths.resolve(tmp_path / profile), [letter]).results[0]
        assert result.status == FAILED
        return (result.file.name, result.line, result.problem, result.reason)

    with_c = refused("c")
    assert counted.loads >= 1  # this file, and the bundled letters the import loads
    assert with_c == pure_python(refused, "python")
    assert with_c[:2] == ("kapot.md", 3)  # the line of the unclosed quote
