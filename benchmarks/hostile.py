"""The input side of the attack run (issue 13): each hostile file through the real program.

Usage::

    python benchmarks/hostile.py [--timeout 30] [--memory-mb 2048]

For each generated file, ``briefing-reader import FILE`` runs in a fresh
data dir under ``/usr/bin/time -v`` (wall time, peak memory) with a time
limit and an address-space cap, so a bomb cannot take the machine down;
then ``briefing-reader docs`` in the same data dir (the next start). The
baseline in the same run is an ordinary markdown letter of the same size
class. Further cases: a tampered and a deeply nested document cache, and
five concurrent imports of one file (duplicates counted).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import hostile_files as hostile

PROGRAM = [sys.executable, "-m", "briefing_reader"]


def measured(args: list[str], data: Path, timeout: int, memory_mb: int) -> dict[str, object]:
    limit = memory_mb * 1024 * 1024
    command = [
        "/usr/bin/time",
        "-v",
        "timeout",
        str(timeout),
        "prlimit",
        f"--as={limit}",
        *PROGRAM,
        "--data-dir",
        str(data),
        *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    seconds = 0.0
    if wall:
        seconds = int(wall[1] or 0) * 3600 + int(wall[2]) * 60 + float(wall[3])
    last = [
        line
        for line in (done.stdout + done.stderr).splitlines()
        if line.strip() and not line.startswith("\t")
    ]
    return {
        "exit": done.returncode,
        "seconds": round(seconds, 2),
        "peak_mb": round(int(peak[1]) / 1024) if peak else None,
        "says": last[0][:150] if last else "",
    }


def run_file(name: str, data: bytes, work: Path, timeout: int, memory_mb: int) -> None:
    folder = work / name.replace(".", "-")
    folder.mkdir()
    file = folder / name
    file.write_bytes(data)
    first = measured(["import", str(file)], folder / "data", timeout, memory_mb)
    again = measured(["docs"], folder / "data", timeout, memory_mb)
    print(f"{name:24} {len(data) / 1024:8.0f} KB  import {_fmt(first)}")
    print(f"{'':24} {'':11}  next start {_fmt(again)}")


def _fmt(result: dict[str, object]) -> str:
    return (
        f"{result['seconds']:6.2f} s {result['peak_mb']!s:>5} MB exit {result['exit']:3}  "
        f"{result['says']}"
    )


def run_cache(work: Path, timeout: int, memory_mb: int) -> None:
    data = work / "cache-data"
    measured(["docs"], data, timeout, memory_mb)  # fills the document cache
    letter = _letter_entry(data)
    raw = letter.read_text(encoding="utf-8")
    letter.write_text(raw.replace("Actieagenda", "VERVALST"), encoding="utf-8")
    shown = measured(["show", hostile.LETTER_ID], data, timeout, memory_mb)
    forged = (
        "VERVALST"
        in subprocess.run(
            [*PROGRAM, "--data-dir", str(data), "show", hostile.LETTER_ID],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    )
    print(f"{'cache, edited entry':24} {'':11}  show {_fmt(shown)} edit shown: {forged}")
    _letter_entry(data).write_bytes(hostile.deeply_nested_json())
    nested = measured(["docs"], data, timeout, memory_mb)
    print(f"{'cache, nested JSON':24} {'':11}  docs {_fmt(nested)}")


def _letter_entry(data: Path) -> Path:
    for entry in Path(data).rglob("documents/*.json"):
        if f'"id": "{hostile.LETTER_ID}"' in entry.read_text(encoding="utf-8", errors="replace"):
            return entry
    raise SystemExit("no cache entry for the letter")


def run_concurrent(work: Path, copies: int = 5) -> None:
    folder = work / "concurrent"
    folder.mkdir()
    file = folder / "basis-brief.md"
    file.write_text("# Basis brief\n\nEen brief.\n", encoding="utf-8")
    data = folder / "data"
    subprocess.run([*PROGRAM, "--data-dir", str(data), "docs"], capture_output=True, check=True)
    runs = [
        subprocess.Popen(
            [*PROGRAM, "--data-dir", str(data), "import", str(file)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(copies)
    ]
    for run in runs:
        run.communicate()
    docs = subprocess.run(
        [*PROGRAM, "--data-dir", str(data), "docs", "--json"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    ids = [d["id"] for d in json.loads(docs) if d["id"].startswith("basis-brief")]
    print(f"{'5 concurrent imports':24} {'':11}  documents made: {len(ids)} {ids}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=int, default=30)
    parser.add_argument("--memory-mb", type=int, default=2048)
    parser.add_argument(
        "--only", nargs="*", help="run only these cases (file names, 'cache', 'concurrent')"
    )
    args = parser.parse_args()
    cases = {
        "baseline-begrippen.md": (Path(__file__).resolve().parents[1] / "content" / "begrippen.md")
        .read_bytes()
        .replace(b"id: begrippen", b"id: baseline-copy"),
        "laughs.md": hostile.billion_laughs_md(),
        "bomb-25mb.docx": hostile.docx_bomb(25),
        "bomb-250mb.docx": hostile.docx_bomb(250),
        "headings-10000.md": hostile.many_headings_md(10_000),
        "fake-letter.md": hostile.hostile_id_md(),
        "fake-kamerstuk.md": hostile.hostile_id_md(by_id=False),
        "utf16-dtd.docx": hostile.utf16_dtd_docx(),
        "deep-yaml.md": hostile.deep_yaml_md(),
        "deep-quotes.md": hostile.deep_quotes_md(),
        "long-text.docx": hostile.docx_long_text(),
    }
    print(f"limits per run: {args.timeout} s, {args.memory_mb} MB address space")
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        work = Path(tmp)
        for name, data in cases.items():
            if not args.only or name in args.only:
                run_file(name, data, work, args.timeout, args.memory_mb)
        if not args.only or "cache" in args.only:
            run_cache(work, args.timeout, args.memory_mb)
        if not args.only or "concurrent" in args.only:
            run_concurrent(work)


if __name__ == "__main__":
    main()
