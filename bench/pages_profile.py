"""py-spy on one uncached worker during the uncached run of bench/pages.py (``--profile``):
where the time of a rendered page goes, as self and inclusive shares of the samples.

py-spy samples from outside the process (no change to the worker); install it with
``pip install --target /tmp/py-spy py-spy`` and put ``/tmp/py-spy/bin`` on PATH, or set
``PY_SPY=/path/to/py-spy``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

FRAME = re.compile(r"^(?P<function>.*) \((?P<file>[^()]*?)(?::\d+)?\)$")
BUCKETS = {
    "Django templates (render)": ("django/template/",),
    "SQL (django.db + psycopg)": ("django/db/", "psycopg"),
    "Wagtail (page serve, routing, site lookup)": ("wagtail/",),
    "StreamField / blocks": ("wagtail/blocks/", "/blocks/"),
    "page cache": ("portal/pagecache/",),
    "middleware chain (django/core/handlers)": ("django/core/handlers/",),
    "translation (gettext)": ("django/utils/translation/", "gettext"),
}


def binary() -> str | None:
    candidates = [os.environ.get("PY_SPY"), shutil.which("py-spy"), "/tmp/py-spy/bin/py-spy"]
    return next((c for c in candidates if c and Path(c).exists()), None)


def start(processes, context) -> dict | None:
    spy = binary()
    worker = next((p for p in processes.running if p.bench_name == "uncached-0"), None)
    if spy is None or worker is None:
        context.profile = "(py-spy not found: set PY_SPY or put it on PATH)"
        return None
    out = Path(worker.bench_log).with_name("py-spy.txt")
    seconds = 60  # ended by stop() when the run is done
    process = subprocess.Popen(
        [spy, "record", "-p", str(worker.pid), "-d", str(seconds), "-r", "200", "--format", "raw"]
        + ["-o", str(out), "--nonblocking", "--full-filenames"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    return {"process": process, "out": out}


def stop(profiler: dict, processes) -> str:
    """SIGINT makes py-spy write what it has; then the samples are summarised."""
    import signal

    process = profiler["process"]
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    out = profiler["out"]
    if not out.exists():
        return "(py-spy wrote nothing – ptrace not permitted?)"
    return summarise(out.read_text())


def summarise(raw: str, top: int = 15) -> str:
    own, inclusive, buckets = Counter(), Counter(), Counter()
    total = 0
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        n = int(count)
        frames = []
        for part in stack.split(";"):
            match = FRAME.match(part)
            if match:
                frames.append(f"{match['function']} ({short(match['file'])})")
        if not frames:
            continue
        total += n
        own[frames[-1]] += n
        for frame in set(frames):
            inclusive[frame] += n
        for bucket, needles in BUCKETS.items():
            if any(needle in frame for frame in frames for needle in needles):
                buckets[bucket] += n
    if not total:
        return "(no samples)"
    lines = [
        f"{total:,} samples of the busy threads (200/s).",
        "",
        "| share | bucket |",
        "|---|---|",
    ]
    lines += [f"| {n / total:.0%} | {name} |" for name, n in buckets.most_common()]
    lines += ["", "| own | function |", "|---|---|"]
    lines += [f"| {n / total:.1%} | `{name}` |" for name, n in own.most_common(top)]
    ours = [
        (f, n)
        for f, n in inclusive.most_common()
        if not f.rpartition("(")[2].startswith(("site-packages", "/", "<"))
    ]
    lines += ["", "| incl. | function (project code) |", "|---|---|"]
    lines += [f"| {n / total:.0%} | `{name}` |" for name, n in ours[:top]]
    return "\n".join(lines)


def short(path: str) -> str:
    """site-packages/django/template/base.py → django/template/base.py (kept as marker)."""
    if "site-packages/" in path:
        return "site-packages/" + path.split("site-packages/", 1)[1]
    for root in ("/work/main/", str(Path(__file__).resolve().parents[1]) + "/"):
        if path.startswith(root):
            return path[len(root) :]
    return path
