"""`make bench` (issue #11): every benchmark of the project in one run, one table.

    python bench/all.py [--quick] [--only search,invoices] [--skip sensors] [--strict]

Runs each bench script as a subprocess of its own (one after the other, each with its
own time limit) with ``--json PATH``, against PostgreSQL (``DATABASE_URL``; each bench
uses a database of its own on that server), Redis (``REDIS_URL``) and Mosquitto
(``MQTT_URL``). A missing, failing or timed-out bench becomes a row saying so and the
others go on. Prints the machine (cores, load average at start and end) and ONE
Markdown table – bench, figure, value, target, reference (same run), ratio, met – and
writes it as ``bench/results/<UTC timestamp>.md`` / ``.json`` and ``latest.md`` /
``latest.json``; each bench's own output goes to ``bench/results/<timestamp>/``.

The bench scripts use :func:`json_row` and :func:`write_json` of this module to write
their figures in the shared shape (see ``/bench/README.md``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
DEFAULT_ENV = {
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/redi",
    "REDIS_URL": "redis://127.0.0.1:6379/10",
    "MQTT_URL": "mqtt://127.0.0.1:1883",
}


# --- the rows every bench writes ---------------------------------------------------------


def json_row(
    figure: str,
    value: float | None,
    unit: str,
    *,
    target: str | None = None,
    ok: bool | None = None,
    reference: str | None = None,
    reference_value: float | None = None,
    ratio: float | None = None,
    note: str | None = None,
) -> dict:
    """One figure in the shape of the benchmark contract. ``ratio`` defaults to
    value / reference_value (throughput reads "higher is better"; for latencies say in
    ``note`` which way it reads)."""
    if ratio is None and value is not None and reference_value:
        ratio = value / reference_value
    return {
        "figure": figure,
        "value": None if value is None else round(float(value), 3),
        "unit": unit,
        "target": target,
        "reference": reference,
        "reference_value": None if reference_value is None else round(float(reference_value), 3),
        "ratio": None if ratio is None else round(float(ratio), 3),
        "ok": ok,
        "note": note,
    }


def write_json(path: str | Path | None, bench: str, started: dt.datetime, rows: list[dict]) -> None:
    """Writes ``{"bench", "started", "rows"}`` to ``path`` (nothing when it is None)."""
    if not path:
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"bench": bench, "started": started.isoformat(timespec="seconds"), "rows": rows}
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# --- the benches ----------------------------------------------------------------------------


@dataclass
class Bench:
    """One bench script, its time limits, and its options for a quick run: ``{option:
    value}`` (value None: a bare flag), each passed only when the script's source names
    it – benches written elsewhere may not have them yet. Also passed where the script
    has them: ``--database <prefix><name>`` (with ``--db-prefix``), ``--redis-url`` (the
    harness's ``REDIS_URL``) and ``output`` (option, name): the bench's own detail files,
    into the run's directory."""

    name: str
    script: Path
    quick: dict[str, str | None] = field(default_factory=dict)
    limit: float = 1800
    quick_limit: float = 600
    output: tuple[str, str] | None = None

    def command(
        self, json_path: Path, quick: bool, db_prefix: str, run_dir: Path, redis_url: str = ""
    ) -> list[str]:
        source = self.script.read_text(errors="replace")

        def has(option: str) -> bool:
            return f'"{option}"' in source

        command = [sys.executable, str(self.script)]
        for option, value in self.quick.items() if quick else ():
            if has(option):
                command += [option] if value is None else [option, value]
        if db_prefix and has("--database"):
            command += ["--database", f"{db_prefix}{self.name}"]
        if redis_url and has("--redis-url"):
            command += ["--redis-url", redis_url]
        if self.output and has(self.output[0]):
            command += [self.output[0], str(run_dir / self.output[1])]
        return [*command, "--json", str(json_path)]


def benches(directory: Path = REPO / "bench") -> list[Bench]:
    """Every benchmark of the project, in the order of the issues; the quick sizes keep
    a whole ``--quick`` run around ten minutes on 2 quiet cores."""
    return [
        Bench("weight", directory / "run.py", limit=900),
        Bench("pages", directory / "pages.py", quick={"--seconds": "4", "--warmup": "1"}),
        Bench("search", directory / "search.py", quick={"--pages": "1000", "--queries": "50"}),
        Bench("submit", directory / "submit.py", quick={"--applications": "24", "--clients": "4"}),
        Bench("appointments", directory / "appointments.py", quick={"--runs": "50"}),
        Bench(
            "vereine",
            directory / "vereine.py",
            quick={"--clubs": "100", "--events": "500", "--recurring": "50", "--runs": "20"},
            output=("--output", "vereine-details.json"),
        ),
        Bench(
            "sensors",
            directory / "sensors.py",
            quick={"--seconds": "12", "--ws-clients": "200", "--updates": "5", "--renders": "10"},
            output=("--output", "sensors-details"),
        ),
        Bench("fanout", directory / "fanout.py", quick={"--broadcasts": "20"}),
        Bench(
            "efiles",
            directory / "efiles.py",
            quick={"--akten": "500", "--dokumente": "5000", "--runs": "20", "--seconds": "3"},
            limit=2400,
        ),
        Bench("invoices", directory / "invoices.py", quick={"--rounds": "1"}, limit=900),
        Bench("load", directory / "load.py", quick={"--quick": None}, limit=1200),
    ]


# --- running --------------------------------------------------------------------------------


@dataclass
class Outcome:
    bench: str
    status: str  # "ok" (figures written), "failed", "not run"
    rows: list[dict]
    reason: str = ""
    exit: int | None = None
    seconds: float = 0.0
    load_at_start: float = 0.0
    log: str = ""


def failure_row(text: str) -> dict:
    return json_row(text, None, "", note=None)


def _tail(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1][:200] if lines else ""


def _stop(process: subprocess.Popen) -> None:
    """Ends the bench and everything it started (its own process group)."""
    for sig, wait in ((signal.SIGTERM, 30), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def run_bench(
    bench: Bench, run_dir: Path, env: dict, quick: bool, db_prefix: str, echo: bool
) -> Outcome:
    load = os.getloadavg()[0]
    if not bench.script.exists():
        reason = f"not run: {bench.script.relative_to(bench.script.parents[1])} missing"
        return Outcome(bench.name, "not run", [failure_row(reason)], reason, load_at_start=load)
    json_path = run_dir / f"{bench.name}.json"
    log_path = run_dir / f"{bench.name}.log"
    limit = bench.quick_limit if quick else bench.limit
    command = bench.command(json_path, quick, db_prefix, run_dir, env.get("REDIS_URL", ""))
    started = time.monotonic()
    with log_path.open("w") as log:
        log.write("$ " + " ".join(command) + "\n\n")
        log.flush()
        process = subprocess.Popen(
            command,
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
            start_new_session=True,  # its own process group: stopped as a whole
        )
        output: list[str] = []

        def pump() -> None:
            for line in process.stdout:
                output.append(line)
                log.write(line)
                if echo:
                    sys.stdout.write(f"  {bench.name}> {line}")
                    sys.stdout.flush()

        reader = threading.Thread(target=pump, daemon=True)
        reader.start()
        timed_out = False
        try:
            process.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            timed_out = True
        finally:
            _stop(process)
        reader.join(timeout=10)
    seconds = time.monotonic() - started
    outcome = Outcome(
        bench.name,
        "failed",
        [],
        exit=process.returncode,
        seconds=seconds,
        load_at_start=load,
        log=str(log_path),
    )
    rows = _read_rows(json_path)
    if timed_out:
        outcome.reason = f"failed: time limit of {limit:.0f} s exceeded"
    elif rows is None:
        tail = _tail("".join(output))
        outcome.reason = f"failed: exit {process.returncode}" + (f" – {tail}" if tail else "")
    elif not rows and process.returncode not in (0, 1):
        outcome.reason = f"failed: exit {process.returncode}, no figures"
    else:
        outcome.status, outcome.rows = "ok", rows
        if process.returncode not in (0, 1):  # figures written, then something broke
            outcome.rows = [*rows, failure_row(f"failed afterwards: exit {process.returncode}")]
            outcome.status = "failed"
        return outcome
    outcome.rows = [failure_row(outcome.reason)]
    return outcome


def _read_rows(path: Path) -> list[dict] | None:
    try:
        document = json.loads(path.read_text())
        rows = document["rows"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(rows, list):
        return None
    return [row for row in rows if isinstance(row, dict) and "figure" in row]


# --- the table ------------------------------------------------------------------------------


def machine() -> dict:
    model = ""
    memory_gb = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "cpu": model or platform.processor(),
        "memory_gb": memory_gb,
        "python": platform.python_version(),
        "system": platform.platform(terse=True),
    }


def fmt(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer() or abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:,.1f}"
    return f"{value:.2f}".rstrip("0").rstrip(".") if abs(value) >= 0.01 else f"{value:.3g}"


def fmt_ratio(ratio: float) -> str:
    """Two decimals, three for small shares (0.066× of nginx is not 0.07×)."""
    return f"{ratio:.1f}" if ratio >= 10 else f"{ratio:.2f}" if ratio >= 0.1 else f"{ratio:.3f}"


def _cell(text: object) -> str:
    return str(text or "").replace("|", "\\|").replace("\n", " ")


def met(outcome: Outcome, row: dict) -> str:
    if row.get("value") is None and row.get("ok") is None and outcome.status != "ok":
        return "not run" if outcome.status == "not run" else "**failed**"
    return {True: "yes", False: "**no**", None: "–"}[row.get("ok")]


def table(outcomes: list[Outcome]) -> list[str]:
    lines = [
        "| bench | figure | value | target | reference (same run) | ratio | met |",
        "|---|---|---|---|---|---|---|",
    ]
    for outcome in outcomes:
        for row in outcome.rows:
            value = row.get("value")
            unit = row.get("unit") or ""
            shown = f"{fmt(value)} {unit}".strip() if value is not None else ""
            reference = row.get("reference") or ""
            if row.get("reference_value") is not None:
                reference = f"{reference}: {fmt(row['reference_value'])} {unit}".strip(": ")
            ratio = f"{fmt_ratio(row['ratio'])}×" if row.get("ratio") is not None else ""
            lines.append(
                "| "
                + " | ".join(
                    _cell(c)
                    for c in (
                        outcome.bench,
                        row.get("figure"),
                        shown,
                        row.get("target"),
                        reference,
                        ratio,
                        met(outcome, row),
                    )
                )
                + " |"
            )
    return lines


def report(summary: dict, outcomes: list[Outcome], notes: bool = True) -> str:
    """The Markdown of a run; ``notes``: with every figure's note (the files have them,
    the terminal gets the table and a pointer)."""
    box = summary["machine"]
    start, end = summary["load_start"], summary["load_end"]
    lines = [
        f"# re@di benchmarks – {summary['started']}" + (" (quick)" if summary["quick"] else ""),
        "",
        f"Machine: {box['cores']} cores ({box['cpu']}), {box['memory_gb']} GB RAM, "
        f"Python {box['python']}, {box['system']}.",
        f"Load average (1/5/15 min): at start {' / '.join(f'{x:.2f}' for x in start)}, "
        f"at end {' / '.join(f'{x:.2f}' for x in end)}."
        + (
            " **The machine was busy: compare these figures with care.**"
            if max(start[0], end[0], *(o.load_at_start for o in outcomes), 0)
            > (box["cores"] or 1) * 0.75
            else ""
        ),
        "",
        *table(outcomes),
        "",
    ]
    noted = [
        f"- {o.bench} · {r['figure']}: {r['note']}"
        for o in outcomes
        for r in o.rows
        if r.get("note")
    ]
    if noted and notes:
        lines += ["Notes:", "", *noted, ""]
    elif noted:
        lines += [f"Notes on {len(noted)} figures: in the written table (below).", ""]
    lines += [
        "| bench | exit | seconds | load (1 min) at its start | output |",
        "|---|---|---|---|---|",
    ]
    for o in outcomes:
        log = os.path.relpath(o.log, REPO) if o.log else ""
        lines.append(
            f"| {o.bench} | {'' if o.exit is None else o.exit} | {o.seconds:.0f} | "
            f"{o.load_at_start:.2f} | {_cell(log or o.reason)} |"
        )
    if summary["skipped"]:
        lines += ["", f"Skipped: {', '.join(summary['skipped'])}."]
    return "\n".join(lines) + "\n"


def missed(outcomes: list[Outcome]) -> bool:
    """For ``--strict``: a target missed, or a bench that failed or could not run."""
    return any(o.status != "ok" or any(r.get("ok") is False for r in o.rows) for o in outcomes)


# --- main -----------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="comma-separated bench names")
    parser.add_argument("--skip", default="", help="comma-separated bench names")
    parser.add_argument("--quick", action="store_true", help="smaller sizes (15–20 minutes)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument(
        "--db-prefix",
        default="",
        help="database names <prefix><bench> instead of each bench's own default",
    )
    parser.add_argument("--results", default=str(RESULTS), help="where the table is written")
    parser.add_argument("--verbose", action="store_true", help="echo each bench's output")
    parser.add_argument("--list", action="store_true", help="list the benches and exit")
    return parser.parse_args(argv)


def select(all_benches: list[Bench], only: str, skip: str) -> tuple[list[Bench], list[str]]:
    names = {b.name for b in all_benches}
    wanted = [n for n in only.split(",") if n]
    unwanted = [n for n in skip.split(",") if n]
    unknown = sorted(set(wanted + unwanted) - names)
    if unknown:
        raise SystemExit(f"unknown bench(es): {', '.join(unknown)}; known: {', '.join(names)}")
    chosen = [b for b in all_benches if (not wanted or b.name in wanted) and b.name not in unwanted]
    return chosen, [b.name for b in all_benches if b not in chosen]


def environment() -> dict:
    env = dict(os.environ)
    for name, default in DEFAULT_ENV.items():
        env[name] = os.environ.get(name) or default
    env["PYTHONUNBUFFERED"] = "1"  # progress lines reach the log as they happen
    return env


def main(argv: list[str] | None = None, all_benches: list[Bench] | None = None) -> int:
    args = parse_args(argv)
    all_benches = benches() if all_benches is None else all_benches
    if args.list:
        for bench in all_benches:
            print(f"{bench.name:<14} {bench.script.relative_to(bench.script.parents[1])}")
        return 0
    chosen, skipped = select(all_benches, args.only, args.skip)
    started = now()
    stamp = started.strftime("%Y-%m-%dT%H%M%SZ")
    results = Path(args.results)
    run_dir = results / stamp
    run_dir.mkdir(parents=True, exist_ok=True)
    env = environment()
    load_start = os.getloadavg()
    box = machine()
    print(
        f"{box['cores']} cores ({box['cpu']}); load average {load_start[0]:.2f} "
        f"{load_start[1]:.2f} {load_start[2]:.2f}; {len(chosen)} benches"
        + (" (quick)" if args.quick else "")
        + f"; output in {run_dir}",
        flush=True,
    )
    outcomes = []
    for bench in chosen:
        print(f"[{now():%H:%M:%S} UTC] {bench.name} …", end=" ", flush=True)
        outcome = run_bench(bench, run_dir, env, args.quick, args.db_prefix, args.verbose)
        print(f"{outcome.status} ({outcome.seconds:.0f} s) {outcome.reason}".rstrip(), flush=True)
        outcomes.append(outcome)
    summary = {
        "started": started.isoformat(timespec="seconds"),
        "finished": now().isoformat(timespec="seconds"),
        "quick": args.quick,
        "machine": box,
        "load_start": list(load_start),
        "load_end": list(os.getloadavg()),
        "skipped": skipped,
        "environment": {k: env[k] for k in DEFAULT_ENV},
    }
    text = report(summary, outcomes)
    print("\n" + report(summary, outcomes, notes=False))
    document = {
        **summary,
        "benches": [
            {
                "bench": o.bench,
                "status": o.status,
                "reason": o.reason,
                "exit": o.exit,
                "seconds": round(o.seconds, 1),
                "load_at_start": round(o.load_at_start, 2),
                "log": o.log,
                "rows": o.rows,
            }
            for o in outcomes
        ],
        "rows": [{"bench": o.bench, **r} for o in outcomes for r in o.rows],
    }
    (results / f"{stamp}.md").write_text(text)
    (results / f"{stamp}.json").write_text(json.dumps(document, indent=2, ensure_ascii=False))
    shutil.copyfile(results / f"{stamp}.md", results / "latest.md")
    shutil.copyfile(results / f"{stamp}.json", results / "latest.json")
    print(f"Written: {results / stamp}.md, .json, latest.md, latest.json")
    return 1 if args.strict and missed(outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
