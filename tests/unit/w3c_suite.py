"""A runner for the W3C Web Annotation test suite (w3c/web-annotation-tests).

The suite's runner (``annotation-model/scripts/JSONtest.js`` in
web-platform-tests) takes a ``.test`` file, applies each listed assertion
schema (JSON Schema draft-04, with ``$ref`` into ``definitions/``) to one
annotation with ajv in its "fast" format mode, and judges each result:

- the result is expected when validity matches ``expectedResult`` ("valid"
  unless said otherwise);
- an unexpected result is handled by ``onUnexpectedResult``: ``failAndContinue``
  (the default) fails, ``passAndContinue`` passes, and the ``...AndSkip``
  forms also skip the remaining assertions of that test;
- ``assertionType`` (must, should, may) says how much a failure counts.

This module does the same with the ``jsonschema`` package and ajv's fast
format patterns for ``date-time``, ``uri`` and ``email``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

# ajv's "fast" formats (what JSONtest.js asks ajv for).
_FAST = {
    "date-time": re.compile(
        r"^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)"
        r"(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$",
        re.IGNORECASE,
    ),
    "uri": re.compile(r"^(?:[a-z][a-z0-9+\-.]*:)(?:/?/)?[^\s]*$", re.IGNORECASE),
    "email": re.compile(
        r"^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
        r"(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$",
        re.IGNORECASE,
    ),
}


def _format_checker() -> FormatChecker:
    checker = FormatChecker(formats=())
    for name, pattern in _FAST.items():
        checker.checks(name)(
            lambda value, pattern=pattern: not isinstance(value, str) or bool(pattern.match(value))
        )
    return checker


@dataclass(frozen=True)
class Result:
    """One assertion applied to one object."""

    assertion: str
    kind: str  # must, should, may
    status: str  # pass, fail, skipped
    message: str


class Suite:
    """The suite at ``root`` (its definitions loaded once)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        resources = []
        for path in sorted((root / "definitions").glob("*.json")):
            schema = json.loads(path.read_text(encoding="utf-8"))
            resources.append(
                (
                    schema.get("id", path.name),
                    Resource.from_contents(schema, default_specification=DRAFT4),
                )
            )
        self.registry: Registry = Registry().with_resources(resources)
        self.checker = _format_checker()
        self._schemas: dict[str, dict[str, Any]] = {}

    def _schema(self, name: str) -> dict[str, Any]:
        if name not in self._schemas:
            self._schemas[name] = json.loads((self.root / name).read_text(encoding="utf-8"))
        return self._schemas[name]

    def assertions(self, test: str) -> list[str]:
        data = json.loads((self.root / test).read_text(encoding="utf-8"))
        return [name for name in data["assertions"] if isinstance(name, str)]

    def run(self, test: str, instance: Any) -> list[Result]:
        """Apply every assertion of the ``.test`` file ``test`` to ``instance``."""
        results = []
        skipping = False
        for name in self.assertions(test):
            schema = self._schema(name)
            kind = schema.get("assertionType", "must")
            if skipping:
                results.append(Result(name, kind, "skipped", ""))
                continue
            validator = Draft4Validator(schema, registry=self.registry, format_checker=self.checker)
            valid = validator.is_valid(instance)
            expected = schema.get("expectedResult", "valid") == "valid"
            status = "pass"
            if valid != expected:
                on_unexpected = schema.get("onUnexpectedResult", "failAndContinue")
                status = "pass" if on_unexpected.startswith("pass") else "fail"
                skipping = on_unexpected.endswith("Skip")
            results.append(
                Result(
                    name, kind, status, schema.get("errorMessage", "") if status == "fail" else ""
                )
            )
        return results
