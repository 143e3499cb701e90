"""Markdown, with or without our front matter.

Front matter that is there is kept (re-written as YAML, so comments in it
are not kept); what is missing is added: ``title`` (the first heading or
line, else the file name), ``id`` (a slug of the title), ``kind``
(``imported``). The result is validated by the library with the app's own
parser before anything is written.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from briefing_reader.core.importing.errors import INVALID, ImportFailed, over_budget
from briefing_reader.core.importing.mdwriter import slugify
from briefing_reader.core.importing.model import Converted
from briefing_reader.core.messages import Message, message

FORMAT = "markdown"
_FRONT = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)(?:\n|\A)---[ \t]*(?:\n|\Z)", re.DOTALL)
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_MARKUP = re.compile(r"[*_`\[\]<>#|\\]")


def convert(text: str, path: Path, encoding: str | None = None) -> Converted:
    """Convert decoded markdown.

    Raises:
        ImportFailed: the front matter is not valid YAML or not a mapping.
    """
    import yaml

    from briefing_reader.core.limits import OverBudget, load_yaml

    meta: dict[str, Any] = {}
    body = text
    warnings: list[Message] = []
    match = _FRONT.match(text)
    if match:
        try:
            data = load_yaml(match["yaml"]) if match["yaml"].strip() else {}
        except OverBudget as exc:
            raise over_budget(path, exc) from exc
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            problem = getattr(exc, "problem", None) or "invalid YAML"
            raise ImportFailed(
                path, message("import.bad_yaml", problem=problem), INVALID, line
            ) from exc
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise ImportFailed(path, message("import.yaml_not_mapping"), INVALID, 2)
        meta = {str(k): v for k, v in data.items()}
        body = text[match.end() :]
    explicit = bool(meta.get("id"))
    candidates = (meta.get("title"), _first_title(body), path.stem, "Document")
    title = next(t for t in (" ".join(str(c or "").split()) for c in candidates) if t)
    meta["title"] = title
    doc_id = str(meta.get("id") or "")
    if doc_id and not _ID.match(doc_id):
        fixed = slugify(doc_id)[:80].strip("-") or slugify(title)[:60].strip("-")
        warnings.append(message("import.id_fixed", id=doc_id, stored=fixed))
        doc_id = fixed
    meta["id"] = doc_id or slugify(title)[:60].strip("-") or "document"
    meta.setdefault("kind", "imported")
    ordered = {"id": meta.pop("id"), "kind": meta.pop("kind"), "title": meta.pop("title")}
    ordered.update(meta)
    listed = ordered.get("missing_footnotes")
    missing = [str(x) for x in listed] if isinstance(listed, list) else []
    return Converted(
        ordered, body.lstrip("\n"), FORMAT, encoding, warnings, missing, explicit_id=explicit
    )


def _first_title(body: str) -> str:
    for line in body.split("\n"):
        stripped = line.strip()
        if stripped.startswith("#") and stripped.lstrip("#")[:1] in (" ", "\t"):
            title = _MARKUP.sub("", stripped.lstrip("#").rstrip("#"))
            if title.strip():
                return " ".join(title.split())[:150]
    for line in body.split("\n"):
        cleaned = _MARKUP.sub("", line).strip(" -:=+{}")
        if cleaned:
            return cleaned[:150]
    return ""
