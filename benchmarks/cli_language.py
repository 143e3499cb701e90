"""What wording the command line's messages in Dutch costs (issue 19).

    python benchmarks/cli_language.py [runs]

Runs the real program as a subprocess, English beside Dutch, for a command
that prints no message (``docs``) and one that fails with a message
(``toc`` of an unknown document: the Dutch catalogue is read from the .ts);
then, in this process, reading the catalogue beside importing QtCore for its
translator (the road not taken). Figures are medians in milliseconds.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 7


def program(language: str, *argv: str, data: str) -> float:
    env = {**os.environ, "BRIEFING_READER_LANGUAGE": language, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "briefing_reader", "--data-dir", data, *argv],
        env=env,
        capture_output=True,
        check=False,
    )
    return (time.perf_counter() - started) * 1000


def in_fresh_python(code: str) -> float:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import time; t = time.perf_counter(); {code}; "
            "print((time.perf_counter() - t) * 1000)",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def median(times: list[float]) -> str:
    return f"{statistics.median(times):7.1f}"


def main() -> None:
    with tempfile.TemporaryDirectory() as data:
        program("en", "docs", data=data)  # warm the document cache
        print(f"median of {RUNS} runs, ms            English   Dutch")
        for argv in (("docs",), ("toc", "geen-brief")):
            en = [program("en", *argv, data=data) for _ in range(RUNS)]
            nl = [program("nl", *argv, data=data) for _ in range(RUNS)]
            print(f"briefing-reader {' '.join(argv):18} {median(en)} {median(nl)}")
    catalogue = [
        in_fresh_python("from briefing_reader import language; language.catalogue('nl')")
        for _ in range(RUNS)
    ]
    qtcore = [in_fresh_python("import PySide6.QtCore") for _ in range(RUNS)]
    print(f"import language, read Dutch .ts    {median(catalogue)}")
    print(f"baseline: import PySide6.QtCore    {median(qtcore)}")


if __name__ == "__main__":
    main()
