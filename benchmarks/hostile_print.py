"""Printing notes that name files: time, peak memory and images in the PDF (issue 13, defect 2).

Usage::

    python benchmarks/hostile_print.py [--cap-mb 3000] [--timeout 120]

In a temporary profile the action ``actie-startbanen`` of the bundled letter
gets a note, then the real program prints it (``print --notes``) and the
debate pack (``pack``) as subprocesses. Cases:

- ``plain``: a note with text only (the baseline, same run);
- ``dev-zero``: the note ``![g](/dev/zero)``;
- ``local-image``: the note ``![x](/tmp/.../photo.png)``, a 2000x1500 PNG
  made here;
- ``colleague-dev-zero``: ``![g](/dev/zero)`` in a colleague's note,
  imported from a Web Annotation (JSON-LD) file.

Then the same notes in the window's note preview (``OfflineBrowser.setMarkdown``
in a child process, plus a named pipe nobody writes to): seconds and peak MB.

For each: wall time, peak resident memory of the child (``wait4``), exit
status, image XObjects in the PDF (pypdf) and whether the alt text is
printed (the pack prints only the user's own notes, so a colleague's note
is absent there: its alt column reads False by design). Each child runs
under an address-space cap (``--cap-mb``) and a timeout so an attack that
succeeds cannot take the machine down with it.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

LETTER = "kst-32824-456"
ACTION = "actie-startbanen"


def png(path: Path, width: int = 2000, height: int = 1500) -> None:
    """A real RGB PNG, written without any imaging library."""
    row = bytes(range(256)) * (width * 3 // 256) + bytes(width * 3 % 256)
    raw = b"".join(b"\x00" + row for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


PREVIEW = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from briefing_reader.ui.reader import OfflineBrowser
view = OfflineBrowser()
view.resize(600, 400)
view.setMarkdown(sys.argv[1])
view.show()
app.processEvents()
"""


def run(data: Path, args: list[str], cap_mb: int, timeout: float) -> dict[str, object]:
    """Run the program; wall time, peak RSS and exit status of that one child."""
    return run_child(["-m", "briefing_reader", "--data-dir", str(data), *args], cap_mb, timeout)


def run_child(args: list[str], cap_mb: int, timeout: float) -> dict[str, object]:
    """Run Python with ``args``; wall time, peak RSS and exit status of that one child."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    cap = cap_mb * 1024 * 1024

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, *args],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
            preexec_fn=limit,
        )
        timer = threading.Timer(timeout, child.kill)
        timer.start()
        _pid, status, usage = os.wait4(child.pid, 0)  # the child's own peak memory
        seconds = time.perf_counter() - start
        timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        last = err.read().decode(errors="replace").strip().splitlines()[-1:]
    return {
        "seconds": round(seconds, 2),
        "status": child.returncode,
        "peak_mb": round(usage.ru_maxrss / 1024),
        "stderr": last,
    }


def pdf_facts(path: Path, alt: str) -> dict[str, object]:
    import pypdf

    if not path.exists():
        return {"pdf": False}
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    images = 0
    for page in reader.pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        images += sum(
            1 for ref in xobjects.values() if ref.get_object().get("/Subtype") == "/Image"
        )
    text = "".join(page.extract_text() for page in reader.pages)
    return {"pdf": True, "bytes": path.stat().st_size, "images": images, "alt_text": alt in text}


def case(
    name: str, note: str, alt: str, colleague: bool, folder: Path, cap_mb: int, timeout: float
) -> list[dict[str, object]]:
    data = folder / name
    base = [sys.executable, "-m", "briefing_reader", "--data-dir", str(data)]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if colleague:
        source = folder / f"{name}-colleague"
        subprocess.run(
            [
                *base[:3],
                "--data-dir",
                str(source),
                "notes",
                "set-action",
                ACTION,
                "--stance",
                "Steunen",
                "--note",
                note,
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        exported = folder / f"{name}.jsonld"
        subprocess.run(
            [*base[:3], "--data-dir", str(source), "notes", "export", "-o", str(exported)],
            check=True,
            env=env,
            capture_output=True,
        )
        collection = json.loads(exported.read_text(encoding="utf-8"))
        for item in collection["first"]["items"]:
            item["creator"]["name"] = "Collega Jansen"
        exported.write_text(json.dumps(collection), encoding="utf-8")
        subprocess.run(
            [*base, "notes", "set-action", ACTION, "--stance", "Kritisch"],
            check=True,
            env=env,
            capture_output=True,
        )
        subprocess.run(
            [*base, "notes", "import", str(exported)], check=True, env=env, capture_output=True
        )
    else:
        subprocess.run(
            [*base, "notes", "set-action", ACTION, "--stance", "Steunen", "--note", note],
            check=True,
            env=env,
            capture_output=True,
        )
    rows = []
    for command in ("print", "pack"):
        pdf = folder / f"{name}-{command}.pdf"
        args = (
            [command, "--notes", "-o", str(pdf), f"{LETTER}#{ACTION}"]
            if command == "print"
            else [command, "-o", str(pdf), "--actions", ACTION]
        )
        row = {
            "case": name,
            "command": command,
            **run(data, args, cap_mb, timeout),
            **pdf_facts(pdf, alt),
        }
        rows.append(row)
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cap-mb", type=int, default=3000)
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hostile-print-") as tmp:
        folder = Path(tmp)
        photo = folder / "photo.png"
        png(photo)
        cases = [
            ("plain", "Zie de cijfers hier.", "cijfers", False),
            ("dev-zero", "Zie ![grafiek](/dev/zero) hier.", "grafiek", False),
            ("local-image", f"Zie ![foto]({photo}) hier.", "foto", False),
            ("colleague-dev-zero", "Zie ![grafiek](/dev/zero) hier.", "grafiek", True),
        ]
        rows = []
        for name, note, alt, colleague in cases:
            rows += case(name, note, alt, colleague, folder, args.cap_mb, args.timeout)
        pipe = folder / "pipe"
        os.mkfifo(pipe)
        previews = [(name, note) for name, note, _alt, colleague in cases if not colleague]
        previews.append(("named-pipe", f"Zie ![pijp]({pipe}) hier."))
        shown = [
            (name, run_child(["-c", PREVIEW, note], args.cap_mb, args.timeout))
            for name, note in previews
        ]
    print(
        f"{'case':20} {'command':7} {'seconds':>8} {'peak MB':>8} {'exit':>5} "
        f"{'images':>6} {'alt':>5}  last error line"
    )
    for row in rows:
        print(
            f"{row['case']:20} {row['command']:7} {row['seconds']:>8} "
            f"{row['peak_mb']:>8} "
            f"{row['status']:>5} {row.get('images', '-'):>6} "
            f"{row.get('alt_text', '-')!s:>5}  {' '.join(row['stderr'])[:60]}"
        )
    print(f"\n{'note preview':20} {'seconds':>8} {'peak MB':>8} {'exit':>5}")
    for name, row in shown:
        print(f"{name:20} {row['seconds']:>8} {row['peak_mb']:>8} {row['status']:>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
