"""Re-anchoring notes on edited versions of the bundled letter, with known ground truth.

Run by hand (never a timed test):

    python benchmarks/anchoring.py                 # 60 notes per scenario, seed 1
    python benchmarks/anchoring.py --notes 200 --seed 7 --json

Each note is a quote taken from the letter (a sentence, a span of 20-150
characters, a short span of 8-19 characters, or a whole paragraph); each
scenario edits a copy of the letter for that note and records where the
quote now is (or that it is gone):

- insert: 1-3 paragraphs inserted elsewhere;       - delete: 1-3 deleted elsewhere;
- reword: a clause inside the quote reworded (20-30% of it);
- robin-elisa: a word of the quote changed that also occurs earlier in the
  letter (half of these notes are that word alone: a short quote);
- duplicate: the quoted text copied into another paragraph;
- moved: the section holding the quote moved elsewhere;
- deleted: the quoted passage (or its paragraph) deleted.

Matchers, in the same run: ``ours`` (with the old version's text kept, as
the app does), ``ours-no-old`` (without it), and ``baseline``: a
Hypothesis-style matcher (position if the quote still stands there, else
the best-scoring approximate candidate, quote 50 / prefix 20 / suffix 20 /
position 2, with no minimum score and no margin).

A placement is correct when it overlaps the true place by at least half of
their union; misplaced otherwise; a deleted quote is correct only when
orphaned. Latency is per note, after the once-per-document set-up
(encoding the text, the paragraph diff), which is reported apart.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from briefing_reader.core.content import Block, Document, OutlineNode, load_document
from briefing_reader.core.notes import fuzzy
from briefing_reader.core.notes.anchors import anchor_range
from briefing_reader.core.notes.matching import Reanchorer
from briefing_reader.core.notes.model import TextAnchor
from briefing_reader.paths import bundled_content_dir

UNTOUCHED = ("insert", "delete", "duplicate", "moved")
EDITED = ("reword", "robin-elisa")
SCENARIOS = (*UNTOUCHED, *EDITED, "deleted")
Truth = tuple[int, int, int] | None  # (paragraph, start, end) in the new paragraphs


@dataclasses.dataclass
class Case:
    paragraphs: list[str]
    truth: Truth


def make_doc(base: Document, paragraphs: list[str], version: int) -> Document:
    blocks, at = [], 0
    for text in paragraphs:
        blocks.append(Block("paragraph", "", text=text, start=at))
        at += len(text) + 1
    outline = OutlineNode(base.id, base.title, "document", 0, 0, len(blocks))
    digest = hashlib.sha256("\n".join(paragraphs).encode()).hexdigest()
    return Document(
        dataclasses.replace(base.meta, version=version),
        base.path,
        blocks,
        outline,
        {},
        digest,
        False,
    )


def words(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def pick_quote(rng: random.Random, paras: list[str], kind: str) -> tuple[int, int, int] | None:
    index = rng.randrange(len(paras))
    text = paras[index]
    spans = words(text)
    if len(text) < 40 or len(spans) < 4:
        return None
    if kind == "paragraph":
        return (index, 0, len(text)) if len(text) <= 400 else None
    if kind == "sentence":
        sentences = [m.span() for m in re.finditer(r"[^.!?]+[.!?]", text) if len(m.group()) > 30]
        if not sentences:
            return None
        start, end = rng.choice(sentences)
        while text[start].isspace():
            start += 1
        return index, start, end
    low, high = (8, 19) if kind == "short" else (20, 150)
    first = rng.randrange(len(spans))
    for last in range(first, len(spans)):
        length = spans[last][1] - spans[first][0]
        if low <= length <= high and (kind != "short" or rng.random() < 0.6):
            return index, spans[first][0], spans[last][1]
        if length > high:
            break
    return None


def filler(rng: random.Random, vocab: list[str], size: int) -> str:
    out: list[str] = []
    while sum(len(w) + 1 for w in out) < size:
        out.append(rng.choice(vocab))
    return " ".join(out)


def scenario(
    name: str,
    rng: random.Random,
    base: Document,
    paras: list[str],
    quote: tuple[int, int, int],
    vocab: list[str],
) -> Case | None:
    index, start, end = quote
    new = list(paras)
    if name == "insert":
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(new) + 1)
            new.insert(at, filler(rng, vocab, rng.randint(100, 400)) + ".")
            index += 1 if at <= index else 0
        return Case(new, (index, start, end))
    if name == "delete":
        for _ in range(rng.randint(1, 3)):
            at = rng.choice([i for i in range(len(new)) if i != index])
            del new[at]
            index -= 1 if at < index else 0
        return Case(new, (index, start, end))
    if name == "duplicate":
        other = rng.choice([i for i in range(len(new)) if abs(i - index) > 1])
        target = new[other]
        cut = next((m.end() for m in re.finditer(r"\. ", target)), len(target))
        copy = paras[index][start:end]
        new[other] = target[:cut] + copy + " " + target[cut:] if rng.random() < 0.5 else copy
        return Case(new, (index, start, end))
    if name == "moved":
        sections = [n for n in base.outline.walk() if n.kind == "section"]
        text_index = [i for i, b in enumerate(base.blocks) if b.text]
        block = text_index[index]
        owner = next((n for n in sections if n.first <= block < n.stop), None)
        if owner is None:
            return None
        lo = next(i for i, b in enumerate(text_index) if b >= owner.first)
        hi = next((i for i, b in enumerate(text_index) if b >= owner.stop), len(text_index))
        moving, rest = new[lo:hi], new[:lo] + new[hi:]
        at = rng.choice([i for i in range(len(rest) + 1) if abs(i - lo) > 3])
        new = rest[:at] + moving + rest[at:]
        return Case(new, (at + index - lo, start, end))
    if name == "deleted":
        if rng.random() < 0.5 or (start == 0 and end == len(paras[index])):
            del new[index]
        else:
            new[index] = (paras[index][:start] + paras[index][end:]).replace("  ", " ")
        return Case(new, None)
    text = paras[index]
    inner = [(a, b) for a, b in words(text) if start + 3 <= a and b <= end - 3]
    if name == "reword":
        if end - start < 30 or len(inner) < 3:
            return None
        size = int((end - start) * rng.uniform(0.2, 0.3))
        first = rng.randrange(len(inner))
        last = first
        while last + 1 < len(inner) and inner[last][1] - inner[first][0] < size:
            last += 1
        a, b = inner[first][0], inner[last][1]
        replacement = filler(rng, vocab, b - a)
    else:  # robin-elisa: a word of the quote that also occurs earlier
        before = "\n".join(paras[:index]) + "\n" + text[:start]
        candidates = [
            (a, b)
            for a, b in words(text)
            if start <= a
            and b <= end
            and re.fullmatch(r"[A-Za-z]{5,}", text[a:b])
            and re.search(rf"\b{text[a:b]}\b", before)
        ]
        if not candidates:
            return None
        a, b = rng.choice(candidates)
        replacement = rng.choice(
            [w for w in vocab if w.isalpha() and len(w) >= 5 and w != text[a:b]]
        )
    new[index] = text[:a] + replacement + text[b:]
    return Case(new, (index, start, end + len(replacement) - (b - a)))


def baseline(
    doc: Document, anchor: TextAnchor, encoded: fuzzy.EncodedText
) -> tuple[int, int] | None:
    """Hypothesis-style: position, else the best approximate candidate, no minimum."""
    text, quote = doc.plain_text, anchor.quote
    if text[anchor.position.start : anchor.position.end] == quote.exact:
        return anchor.position.start, anchor.position.end
    data, query = encoded.data, encoded.encode(quote.exact)
    best, best_score = None, -1.0
    for _ in range(4):
        distance, spans = fuzzy.search(query, data, min(256, len(quote.exact) // 2))
        if distance < 0:
            break
        for start, end in spans:
            before = text[max(0, start - len(quote.prefix)) : start]
            score = (
                50 * (1 - distance / len(quote.exact))
                + 20 * fuzzy.similarity(quote.prefix, before)
                + 20 * fuzzy.similarity(quote.suffix, text[end : end + len(quote.suffix)])
                + 2 * (1 - abs(start - anchor.position.start) / max(len(text), 1))
            ) / 92
            if score > best_score:
                best, best_score = (start, end), score
        masked = bytearray(data)
        for start, end in spans:
            masked[start:end] = b"\xfe" * (end - start)
        data = bytes(masked)
    return best


def ours(
    doc: Document, anchor: TextAnchor, old: Document | None
) -> tuple[Callable[[], tuple[int, int] | None], float]:
    started = time.perf_counter()
    anchorer = Reanchorer(doc, (lambda h: old.plain_text) if old is not None else None)
    _ = anchorer.encoded
    if old is not None:
        anchorer._offset_map(anchor.doc_hash)  # the once-per-document set-up
    setup = time.perf_counter() - started

    def run() -> tuple[int, int] | None:
        match = anchorer.text_anchor(anchor)
        return (
            None
            if match.anchor is None
            else (match.anchor.position.start, match.anchor.position.end)
        )

    return run, setup


def judge(found: tuple[int, int] | None, truth: tuple[int, int] | None) -> str:
    if found is None:
        return "orphaned"
    if truth is None:
        return "misplaced"
    overlap = min(found[1], truth[1]) - max(found[0], truth[0])
    union = max(found[1], truth[1]) - min(found[0], truth[0])
    if overlap * 2 < union:
        return "misplaced"
    return "exact" if found == truth else "correct"


def run(notes: int, seed: int, show: bool = False) -> dict[str, Any]:
    base = load_document(bundled_content_dir() / "kst-32824-456.md")
    text_blocks = [b for b in base.blocks if b.text]
    paras = [b.text for b in text_blocks]
    vocab = sorted({w for w in re.findall(r"[A-Za-zëéï]+", base.plain_text) if len(w) > 2})
    rng = random.Random(seed)
    kinds = ["sentence"] * 4 + ["span"] * 3 + ["short"] * 2 + ["paragraph"]
    results: dict[str, Any] = {}
    for name in SCENARIOS:
        tallies: dict[str, dict[str, int]] = {}
        latency: dict[str, list[float]] = {}
        setups: list[float] = []
        made = 0
        while made < notes:
            quote = pick_quote(rng, paras, rng.choice(kinds))
            if quote is None:
                continue
            case = scenario(name, rng, base, paras, quote, vocab)
            if case is None:
                continue
            index, start, end = quote
            block = text_blocks[index]
            anchor = anchor_range(base, block.start + start, block.start + end)
            if name == "robin-elisa" and rng.random() < 0.5 and case.truth is not None:
                # half of these notes highlight the changed word alone (a short quote)
                anchor, case = short_word_case(base, paras, quote, case, anchor)
            new = make_doc(base, case.paragraphs, 3)
            truth = None
            if case.truth is not None:
                offset = sum(len(p) + 1 for p in case.paragraphs[: case.truth[0]])
                truth = (offset + case.truth[1], offset + case.truth[2])
            made += 1
            for matcher in ("ours", "ours-no-old", "baseline"):
                if matcher == "baseline":
                    encoded = fuzzy.EncodedText(new.plain_text)  # set-up, as for ours
                    started = time.perf_counter()
                    found = baseline(new, anchor, encoded)
                else:
                    call, setup = ours(new, anchor, base if matcher == "ours" else None)
                    if matcher == "ours":
                        setups.append(setup)
                    started = time.perf_counter()
                    found = call()
                latency.setdefault(matcher, []).append(time.perf_counter() - started)
                verdict = judge(found, truth)
                wrong = verdict == "misplaced" or (verdict == "orphaned" and name != "deleted")
                if show and matcher != "baseline" and wrong:
                    print(
                        f"{name} {matcher} {verdict}: {anchor.quote.exact!r} found {found} "
                        f"truth {truth}",
                        file=sys.stderr,
                    )
                    if matcher == "ours":
                        detail = Reanchorer(new, lambda h: base.plain_text).text_anchor(anchor)
                        print(
                            f"    {detail.reason} ({detail.score}, {detail.runner_up}); "
                            f"was at {anchor.position.start}",
                            file=sys.stderr,
                        )
                tally = tallies.setdefault(
                    matcher, {"exact": 0, "correct": 0, "misplaced": 0, "orphaned": 0}
                )
                tally[verdict] += 1
        results[name] = {m: summary(tallies[m], latency[m], name) for m in tallies}
        results[name]["setup_ms_p50"] = round(statistics.median(setups) * 1000, 2)
    return results


def short_word_case(
    base: Document, paras: list[str], quote: tuple[int, int, int], case: Case, anchor: TextAnchor
) -> tuple[TextAnchor, Case]:
    """Turn a robin-elisa case into one whose quote is the changed word alone."""
    index, start, _end = quote
    assert case.truth is not None
    old, new = paras[index], case.paragraphs[index]
    a = next(i for i in range(len(old)) if i >= start and (i >= len(new) or old[i] != new[i]))
    while a > 0 and old[a - 1].isalpha():
        a -= 1
    b_old = a
    while b_old < len(old) and old[b_old].isalpha():
        b_old += 1
    b_new = a
    while b_new < len(new) and new[b_new].isalpha():
        b_new += 1
    block = [b for b in base.blocks if b.text][index]
    return anchor_range(base, block.start + a, block.start + b_old), Case(
        case.paragraphs, (index, a, b_new)
    )


def summary(tally: dict[str, int], latency: list[float], name: str) -> dict[str, Any]:
    total = sum(tally.values())
    correct = tally["orphaned"] if name == "deleted" else tally["exact"] + tally["correct"]
    ms = sorted(x * 1000 for x in latency)
    return {
        "notes": total,
        "correct": round(correct / total, 3),
        "exact_boundaries": round(tally["exact"] / total, 3),
        "misplaced": round(tally["misplaced"] / total, 3),
        "orphaned": round(tally["orphaned"] / total, 3),
        "p50_ms": round(statistics.median(ms), 3),
        "p95_ms": round(ms[int(0.95 * (len(ms) - 1))], 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notes", type=int, default=60, help="notes per scenario")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--show", action="store_true", help="print each note ours misplaced or orphaned (on stderr)"
    )
    args = parser.parse_args()
    results = run(args.notes, args.seed, args.show)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(
        f"{'scenario':<12} {'matcher':<12} {'correct':>8} {'exact-bd':>9} {'misplaced':>10} "
        f"{'orphaned':>9} {'p50 ms':>8} {'p95 ms':>8}"
    )
    for name, by_matcher in results.items():
        for matcher in ("ours", "ours-no-old", "baseline"):
            r = by_matcher[matcher]
            print(
                f"{name:<12} {matcher:<12} {r['correct']:>8.1%} {r['exact_boundaries']:>9.1%} "
                f"{r['misplaced']:>10.1%} {r['orphaned']:>9.1%} {r['p50_ms']:>8.3f} "
                f"{r['p95_ms']:>8.3f}"
            )
        print(f"{'':<12} set-up per document (ours): p50 {by_matcher['setup_ms_p50']} ms")
    print(
        "Targets: 0 misplaced; >= 98% correct untouched (insert, delete, duplicate, moved); "
        ">= 85% edited (reword, robin-elisa); deleted 100% orphaned; p95 <= 2 ms."
    )


if __name__ == "__main__":
    main()
