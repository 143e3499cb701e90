"""A big library against an empty one: start, memory, search, import throughput.

Usage::

    python benchmarks/library.py [--sizes 0,1000,10000] [--repeat 3] [--json]
                                 [--work DIR] [--throughput 200]

Its own generator makes plain-text letters of about 15 KB from the bundled
letter's sentences (seeded: the same letters every run), each with its own
dossier, number, date and subject. A library of N letters is one real
``briefing-reader import`` of one letter plus N-1 letters written into the
import folder exactly as ``import`` stores them (the plain-text converter's
output with its front matter; skipping only the validating parse, which
is what makes importing 10,000 letters one at a time take an hour).

Then, for every library, alternating between them ``--repeat`` times:

- first paint: ``--exit-after-render`` (wall time, peak RSS of the process),
- ready: ``--exit-when-ready`` (notes and search opened),
- CLI search: ``search "statushouders werk" --json``,

and once, in this process: search p50/p95 per query class (one word, two
words, a phrase, a prefix, two words with every hit's snippet). The first
start and first search after populating are reported once ("first start
after import"); that is when a catalogue, a parsed-document cache and the
search index are built.

Throughput: ``--throughput`` letters imported with ``import_files`` and
indexed (whatever the app does to make them searchable) into a fresh
profile, beside a bare Whoosh writer indexing the same text with the same
Dutch analysis (``DutchTerms.keys``) in the same run; letters/s and MB/s.
Beside them the real program: ``briefing-reader import DIR`` of the same
letters on a fresh profile, as a subprocess (wall time, and CPU time of it
and its children), with its ratio to the bare writer.

Targets (issue 14) at 10,000 letters against the empty library: first paint
<= 1.1x, RSS <= 1.15x, CLI search <= 1.3x; every query class p95 <= 30 ms;
throughput >= 70% of the bare writer.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
LETTER = REPO / "content" / "kst-32824-456.md"
PROGRAM = [sys.executable, "-m", "briefing_reader"]
CLI_QUERY = "statushouders werk"
QUERY_CLASSES = {
    "1 word": ["statushouders", "gemeenten", "taaleis", "inburgering", "werkgevers"],
    "2 words": [
        "statushouders werk",
        "taaleis bijstand",
        "open samenleving",
        "gemeenten inburgering",
        "discriminatie arbeidsmarkt",
    ],
    "phrase": [
        '"open en vrije samenleving"',
        '"aan het werk"',
        '"de taaleis"',
        '"in de bijstand"',
        '"het kabinet"',
    ],
    "prefix": ["inburger*", "statush*", "gemeent*", "vergunning*", "discrim*"],
    "2 words + snippets": [
        "statushouders werk",
        "taaleis bijstand",
        "open samenleving",
        "gemeenten inburgering",
        "discriminatie arbeidsmarkt",
    ],
}
SUBJECTS = [
    "Voortgang integratiebeleid",
    "Inburgering en participatie",
    "Taaleis in de bijstand",
    "Arbeidsmarktdiscriminatie",
    "Huisvesting statushouders",
    "Open en vrije samenleving",
    "Maatschappelijke begeleiding",
    "Werk voor nieuwkomers",
    "Onderwijs en taal",
    "Gemeentelijke uitvoering",
    "Evaluatie Wet inburgering",
    "Antwoord op moties",
]


# -- the generator ----------------------------------------------------------------


def sentences() -> list[str]:
    body = LETTER.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    text = re.sub(r"\{[^}]*\}|[#>*|\[\]^_:]", " ", body)
    found = re.split(r"(?<=[.!?])\s+", " ".join(text.split()))
    return [s.strip() for s in found if 40 < len(s.strip()) < 400 and s[0].isupper()]


def letter_text(n: int, pool: list[str]) -> str:
    """Letter ``n``: a Kamerstuk header, five numbered sections, ~15 KB."""
    rng = random.Random(n)
    dossier = 30000 + rng.randrange(60)
    subject = SUBJECTS[rng.randrange(len(SUBJECTS))]
    day = f"{1 + rng.randrange(28)} {rng.choice(['januari', 'maart', 'juni', 'oktober'])}"
    year = 2021 + rng.randrange(5)
    lines = [
        "Tweede Kamer der Staten-Generaal",
        "",
        f"Vergaderjaar {year - 1}-{year}",
        "",
        f"{dossier // 1000} {dossier % 1000:03d} Dossier {dossier} {subject}",
        "",
        f"Nr. {100 + n} BRIEF VAN DE MINISTER OVER {subject.upper()} ({n})",
        "",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "",
        f"Den Haag, {day} {year}",
        "",
    ]
    size = sum(len(x) for x in lines)
    section = 0
    while size < 15_000:
        if size > section * 3000:
            section += 1
            lines += [f"{section}. {rng.choice(SUBJECTS)}", ""]
        para = " ".join(rng.choice(pool) for _ in range(4))
        lines += [para, ""]
        size += len(para) + 2
    return "\n".join(lines)


def write_letters(folder: Path, first: int, count: int, pool: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(first, first + count):
        path = folder / f"brief-{n:05d}.txt"
        if not path.exists():
            path.write_text(letter_text(n, pool), encoding="utf-8")
        out.append(path)
    return out


def populate(profile: Path, letters: list[Path]) -> tuple[float, float]:
    """All but the last letter stored as ``import`` stores them; the last one
    imported by the real program."""
    import datetime as dt
    import hashlib

    from briefing_reader.core.importing.library import convert_file
    from briefing_reader.core.importing.mdwriter import front_matter

    folder = profile / "documents"
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    for path in letters[:-1]:
        converted = convert_file(path)
        meta = converted.meta
        meta["id"] = doc_id = f"gen-{path.stem}"
        meta["imported"] = {
            "file": path.name,
            "format": converted.format,
            "encoding": converted.encoding,
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "at": now,
        }
        meta.setdefault(
            "provenance",
            {
                "source": path.name,
                "description": "Imported by Briefing Reader from plain text (UTF-8).",
            },
        )
        (folder / f"{doc_id}.md").write_text(
            front_matter(meta) + "\n" + converted.body, encoding="utf-8"
        )
    if letters:  # (seconds, peak MiB): this run catalogues and indexes the rest too
        return run_program(profile, "import", str(letters[-1]), check=True)[:2]
    return 0.0, 0.0


# -- running the program --------------------------------------------------------------


def run_program(profile: Path, *args: str, check: bool = False) -> tuple[float, float, str, float]:
    """(seconds, peak RSS in MiB, stdout, CPU seconds) of one run of the real program.

    CPU time is given beside wall time: on a machine shared with other work
    the wall time of a short run says more about the others than about it.
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [*PROGRAM, "--data-dir", str(profile), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out, err = proc.stdout.read(), proc.stderr.read()  # type: ignore[union-attr]
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if check and proc.returncode != 0:
        raise SystemExit(f"{args} failed ({proc.returncode}): {err.decode()[-2000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, usage.ru_maxrss / 1024, out.decode("utf-8", "replace"), cpu


# -- in process -------------------------------------------------------------------


def open_index(profile: Path) -> Any:
    """The profile's search index, ready to search as the CLI would find it."""
    from briefing_reader import paths
    from briefing_reader.core.search import SearchIndex

    run_paths = paths.resolve(profile)
    index = SearchIndex(run_paths.search_index)
    if hasattr(index, "open_for_search"):
        index.open_for_search()
    else:  # before issue 14: the index needs the library to know its splitter
        from briefing_reader.session import open_library

        index.update(open_library(run_paths))
    return index


def query_times(profile: Path, rounds: int) -> dict[str, dict[str, float]]:
    """Per query class: wall p50/p95 over ``rounds`` rounds (the first of
    each query finds its terms' postings unread, later ones read), CPU
    p95, and the floor: reading the postings the query needs, alone."""
    index = open_index(profile)
    out: dict[str, dict[str, float]] = {}
    try:
        for name, queries in QUERY_CLASSES.items():
            times, cpu, floor = [], [], []
            for round_ in range(rounds):
                for query in queries:
                    if round_ == 0:  # its terms' postings unread, as for a new query
                        forget_postings(index)
                    started, started_cpu = time.perf_counter(), time.process_time()
                    result = index.search(query, limit=50)
                    if "snippets" in name:
                        for hit in result.hits:
                            _ = hit.snippet
                    times.append((time.perf_counter() - started) * 1000)
                    cpu.append((time.process_time() - started_cpu) * 1000)
                    if round_ == 0:
                        floor.append(postings_floor(index))
            out[name] = {
                "p50": statistics.median(times),
                "p95": percentile(times, 0.95),
                "cpu p95": percentile(cpu, 0.95),
                "floor": statistics.median(floor) if floor else float("nan"),
            }
    finally:
        index.close()
    return out


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def forget_postings(index: Any) -> None:
    searcher = getattr(index, "_searcher", None)
    if searcher is not None and hasattr(searcher, "_briefing_postings"):
        del searcher._briefing_postings


def postings_floor(index: Any) -> float:
    """Milliseconds to read, afresh, the postings of the terms the last query
    read (what no ranking can avoid with Whoosh's posting format); nan when
    this version of the index keeps no such record."""
    searcher = getattr(index, "_searcher", None)
    kept = getattr(searcher, "_briefing_postings", None)
    if kept is None:
        return float("nan")
    from briefing_reader.core.search import collect

    terms = list(kept._weights)
    fresh = collect.Postings(searcher)
    started = time.perf_counter()
    for fieldname, text in terms:
        fresh._read(fieldname, text)
    return (time.perf_counter() - started) * 1000


def fresh_paths(profile: Path) -> Any:
    """The app's places for a profile folder emptied first (``paths.Paths``)."""
    from briefing_reader import paths

    shutil.rmtree(profile, ignore_errors=True)
    return paths.resolve(profile)


def generated(work: Path, count: int) -> tuple[list[Path], Any]:
    """``count`` generated letters in ``work/letters`` and a fresh profile
    ``work/profile`` to import them into: (letter files, its places)."""
    letters = write_letters(work / "letters", 0, count, sentences())
    return letters, fresh_paths(work / "profile")


def throughput(work: Path, letters: list[Path]) -> dict[str, float]:
    """Import + index of ``letters`` into a fresh profile, beside a bare Whoosh writer."""
    from briefing_reader.core.importing import import_files

    megabytes = sum(p.stat().st_size for p in letters) / 1e6
    run_paths = fresh_paths(work / "throughput")
    started, cpu = time.perf_counter(), time.process_time()
    import_files(run_paths, letters)
    make_searchable(run_paths)
    app_seconds = time.perf_counter() - started
    app_cpu = time.process_time() - cpu
    program = program_import(work, letters)
    cpu = time.process_time()
    bare_seconds = bare_writer(work / "bare", letters)
    bare_cpu = time.process_time() - cpu
    n = len(letters)
    return {
        **program_figures(program, n, megabytes, bare_seconds, bare_cpu),
        "letters": n,
        "MB": megabytes,
        "app letters/s": n / app_seconds,
        "app MB/s": megabytes / app_seconds,
        "bare letters/s": n / bare_seconds,
        "bare MB/s": megabytes / bare_seconds,
        "ratio": bare_seconds / app_seconds,
        # CPU seconds: what the figures are on a machine that is busy with others
        "app CPU s": app_cpu,
        "bare CPU s": bare_cpu,
        "CPU ratio": bare_cpu / app_cpu,
    }


def program_import(work: Path, letters: list[Path]) -> tuple[float, float, str, float]:
    """``briefing-reader import DIR`` of ``letters`` on a fresh profile, as a user
    runs it: (seconds, peak MiB, stdout, CPU seconds of it and its children)."""
    folder = work / "throughput-letters"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for path in letters:  # the same files, not symlinks (an import refuses links out)
        os.link(path, folder / path.name)
    profile = work / "throughput-program"
    shutil.rmtree(profile, ignore_errors=True)
    return run_program(profile, "import", str(folder), check=True)


def program_figures(
    program: tuple[float, float, str, float],
    n: int,
    megabytes: float,
    bare_seconds: float,
    bare_cpu: float,
) -> dict[str, float]:
    seconds, mib, _out, cpu = program
    return {
        "program letters/s": n / seconds,
        "program MB/s": megabytes / seconds,
        "program s": seconds,
        "program CPU s": cpu,
        "program MiB": mib,
        "program ratio": bare_seconds / seconds,
        "program CPU ratio": bare_cpu / cpu,
    }


def longest_stall(profile: Path) -> dict[str, float]:
    """The window on ``profile`` with its search index deleted: the longest
    gap between two ticks of a 5 ms timer while the index is rebuilt in the
    background (the window's own path: ``SearchFeature.start_indexing``),
    from the call that starts it to the search panel's refresh after it.

    Beside it, in the same run, the baseline: the longest gap of the same
    timer in the same window for 3 s doing nothing (on a busy machine the
    event loop's thread waits for a core now and then, whatever it does).
    For the longest gap, how much of it the event loop's thread spent on
    the CPU: a gap it spent waiting (for a core, or for the GIL) is not work
    the window did.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer

    from briefing_reader import paths
    from briefing_reader.app import build_window, create_app

    run_paths = paths.resolve(profile)
    shutil.rmtree(run_paths.search_index, ignore_errors=True)
    app = create_app([])
    window = build_window(run_paths)
    window.show()
    clock = QElapsedTimer()
    clock.start()
    gaps: list[tuple[int, float, int]] = []  # (ms, ms of the thread's CPU, when)
    last = [clock.elapsed(), time.thread_time()]
    phase = ["idle"]
    idle: list[tuple[int, float, int]] = []
    started = [0]

    def tick() -> None:
        now, cpu = clock.elapsed(), time.thread_time()
        gaps.append((now - last[0], (cpu - last[1]) * 1000, now))
        last[0], last[1] = now, cpu
        if phase[0] == "indexing" and window.search.progress.isHidden() and len(gaps) > 5:
            app.quit()

    timer = QTimer()
    timer.timeout.connect(tick)
    begun: list[float] = []

    def idle_start() -> None:  # after the window's first layout and paint
        gaps.clear()
        last[0], last[1] = clock.elapsed(), time.thread_time()
        timer.start(5)
        QTimer.singleShot(3000, begin)

    def begin() -> None:
        idle.extend(gaps)
        gaps.clear()
        phase[0] = "indexing"
        last[0], last[1] = clock.elapsed(), time.thread_time()
        started[0] = clock.elapsed()
        begun.append(time.perf_counter())
        window.search.start_indexing()

    QTimer.singleShot(1000, idle_start)
    app.exec()
    seconds = time.perf_counter() - begun[0]
    timer.stop()
    window.close()
    # every gap counts, the first one too: it holds start_indexing() itself
    worst = max(gaps or [(0, 0.0, started[0])])
    return {
        "longest stall ms": float(worst[0]),
        "its CPU ms": worst[1],
        "at s": (worst[2] - started[0]) / 1000,
        "idle longest stall ms": float(max(idle or [(0, 0.0, 0)])[0]),
        "stalls over 50 ms": float(sum(1 for g in gaps if g[0] > 50)),
        "ticks": float(len(gaps)),
        "index seconds": seconds,
        "load average": os.getloadavg()[0],
    }


def make_searchable(run_paths: Any) -> None:
    from briefing_reader.core.search import SearchIndex

    with SearchIndex(run_paths.search_index) as index:
        if hasattr(index, "open_for_search"):
            index.open_for_search()
            index.wait_until_current()
        else:
            from briefing_reader.session import open_library

            index.update(open_library(run_paths))


def bare_writer(folder: Path, letters: list[Path]) -> float:
    """Whoosh alone: one TEXT field analysed by the app's own Dutch term maker."""
    from whoosh import fields, index

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    started = time.perf_counter()
    ix = index.create_in(
        str(folder),
        fields.Schema(
            doc=fields.ID(stored=True), body=fields.TEXT(analyzer=dutch_keys(), phrase=False)
        ),
    )
    writer = ix.writer()
    for path in letters:
        writer.add_document(doc=path.stem, body=path.read_text(encoding="utf-8"))
    writer.commit()
    return time.perf_counter() - started


def dutch_keys() -> Any:
    """A Whoosh analyzer made of the app's Dutch term maker (picklable: module level)."""
    from whoosh.analysis import Token, Tokenizer

    from briefing_reader.core.search.text import DutchTerms

    class DutchKeys(Tokenizer):  # type: ignore[misc]
        terms = DutchTerms()

        def __call__(self, value: str, **kwargs: Any) -> Any:
            token = Token(**kwargs)
            for pos, key in enumerate(self.terms.keys(value)):
                token.text, token.pos, token.boost, token.stopped = key, pos, 1.0, False
                yield token

    globals()["DutchKeys"] = DutchKeys
    DutchKeys.__qualname__ = "DutchKeys"
    return DutchKeys()


# -- the table --------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="0,1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=4, help="rounds of each query class")
    parser.add_argument("--throughput", type=int, default=200, help="letters (0: skip)")
    parser.add_argument("--work", type=Path, help="keep generated letters and profiles here")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep libraries of an earlier run in --work (their generation "
        "and first-start figures are then not measured again)",
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = args.work or Path(tempfile.mkdtemp(prefix="br-library-"))
    pool = sentences()
    letters = write_letters(work / "letters", 0, max([*sizes, args.throughput]) + 1, pool)
    results: dict[str, Any] = {"sizes": sizes, "library": {}}
    for size in sizes:
        profile = work / f"lib-{size}"
        if args.reuse and (profile / ".populated").exists():
            results["library"][size] = json.loads((profile / ".populated").read_text())
            print(f"[{size}] reused", file=sys.stderr)
            continue
        shutil.rmtree(profile, ignore_errors=True)
        started = time.perf_counter()
        real_import = populate(profile, letters[:size])
        generated = time.perf_counter() - started
        first_start = run_program(profile, "--exit-when-ready", check=True)
        first_search = run_program(profile, "search", CLI_QUERY, "--json", check=True)
        results["library"][size] = {
            "generate s": generated,
            "real import s": real_import[0],
            "real import MiB": real_import[1],
            "first start s": first_start[0],
            "first start MiB": first_start[1],
            "first search s": first_search[0],
            "first search MiB": first_search[1],
            "runs": {"paint": [], "ready": [], "search": []},
        }
        (profile / ".populated").write_text(json.dumps(results["library"][size]))
        print(
            f"[{size}] generated in {generated:.1f} s; first start {first_start[0]:.1f} s "
            f"({first_start[1]:.0f} MiB), first search {first_search[0]:.1f} s "
            f"({first_search[1]:.0f} MiB)",
            file=sys.stderr,
        )
    for _ in range(args.repeat):  # alternating, so drift hits every size alike
        for size in sizes:
            profile = work / f"lib-{size}"
            runs = results["library"][size]["runs"]
            for what, argv in (
                ("paint", ("--exit-after-render",)),
                ("ready", ("--exit-when-ready",)),
                ("search", ("search", CLI_QUERY, "--json")),
            ):
                seconds, mib, _out, cpu = run_program(profile, *argv, check=True)
                runs[what].append((seconds, mib, cpu))
    for size in sizes:
        results["library"][size]["queries"] = query_times(work / f"lib-{size}", args.rounds)
    if args.throughput:
        results["throughput"] = throughput(work, letters[: args.throughput])
        results["stall"] = longest_stall(work / "throughput")
    if args.json:
        json.dump(results, sys.stdout, indent=2, default=str)
        print()
    else:
        print_table(results)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def print_table(results: dict[str, Any]) -> None:
    sizes = results["sizes"]
    base = results["library"][sizes[0]]

    def median(size: int, what: str, i: int) -> float:
        return statistics.median(r[i] for r in results["library"][size]["runs"][what])

    print(f"{'':34}" + "".join(f"{s:>12,}" for s in sizes) + f"{'ratio':>9}")
    for what, label in (("paint", "first paint"), ("ready", "ready"), ("search", "CLI search")):
        for i, unit in ((0, "ms"), (2, "CPU ms"), (1, "MiB")):
            scale = 1000 if "ms" in unit else 1
            row = [median(s, what, i) * scale for s in sizes]
            ratio = row[-1] / row[0] if row[0] else float("nan")
            print(
                f"{label + ' (' + unit + ')':34}"
                + "".join(f"{v:12.0f}" for v in row)
                + f"{ratio:8.2f}x"
            )
    for key in (
        "real import s",
        "real import MiB",
        "first start s",
        "first start MiB",
        "first search s",
        "first search MiB",
    ):
        print(
            f"{'after populating: ' + key:34}"
            + "".join(f"{results['library'][s][key]:12.1f}" for s in sizes)
        )
    for name in QUERY_CLASSES:
        for p in ("p50", "p95", "cpu p95", "floor"):
            print(
                f"{'query ' + name + ' ' + p + ' (ms)':34}"
                + "".join(
                    f"{results['library'][s]['queries'][name].get(p, float('nan')):12.1f}"
                    for s in sizes
                )
            )
    tp = results.get("throughput")
    if tp:
        print(
            f"\nimport + index of {tp['letters']} letters ({tp['MB']:.1f} MB): "
            f"{tp['app letters/s']:.1f} letters/s, {tp['app MB/s']:.2f} MB/s; "
            f"bare Whoosh writer {tp['bare letters/s']:.1f} letters/s, "
            f"{tp['bare MB/s']:.2f} MB/s; ratio {tp['ratio']:.2f} "
            f"(CPU time: app {tp['app CPU s']:.1f} s, bare {tp['bare CPU s']:.1f} s, "
            f"ratio {tp['CPU ratio']:.2f})"
        )
        print(
            f"briefing-reader import DIR of those letters (a fresh profile): "
            f"{tp['program letters/s']:.1f} letters/s, {tp['program MB/s']:.2f} MB/s, "
            f"{tp['program s']:.1f} s, peak {tp['program MiB']:.0f} MiB; ratio to the bare "
            f"writer {tp['program ratio']:.2f} (CPU time incl. children "
            f"{tp['program CPU s']:.1f} s, ratio {tp['program CPU ratio']:.2f})"
        )
    stall = results.get("stall")
    if stall:
        print(
            f"window rebuilding the index of those letters: longest event-loop stall "
            f"{stall['longest stall ms']:.0f} ms (the thread on the CPU "
            f"{stall['its CPU ms']:.0f} ms of it; {stall['stalls over 50 ms']:.0f} of "
            f"{stall['ticks']:.0f} gaps over 50 ms; {stall['index seconds']:.1f} s); "
            f"the same window idle: {stall['idle longest stall ms']:.0f} ms; "
            f"load average {stall['load average']:.1f}"
        )
    del base


if __name__ == "__main__":
    sys.exit(main())
