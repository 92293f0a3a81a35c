"""The `make bench` harness (``bench/all.py``) with tiny fake bench scripts: the rows of
several benches become one table, a missing, failing or hanging bench becomes a row and
the others go on, and the table is written as Markdown and JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench import all as harness

FAKE = """
import json, sys
args = sys.argv[1:]  # takes "--database" and "--pages" like a real bench
path = args[args.index("--json") + 1]
rows = json.loads({rows!r})
for row in rows:
    row["note"] = (row.get("note") or "") + " argv=" + " ".join(args[: args.index("--json")])
with open(path, "w") as out:
    json.dump({{"bench": {name!r}, "started": "2026-12-05T10:00:00+00:00", "rows": rows}}, out)
print("measured", {name!r})
sys.exit({exit})
"""


def fake(tmp_path: Path, name: str, rows: list[dict], exit: int = 0, **options) -> harness.Bench:
    script = tmp_path / "bench" / f"{name}.py"
    script.parent.mkdir(exist_ok=True)
    script.write_text(FAKE.format(rows=json.dumps(rows), name=name, exit=exit))
    return harness.Bench(name, script, **options)


def broken(tmp_path: Path, name: str, body: str) -> harness.Bench:
    script = tmp_path / "bench" / f"{name}.py"
    script.parent.mkdir(exist_ok=True)
    script.write_text(body)
    return harness.Bench(name, script, limit=2, quick_limit=2)


def run(tmp_path: Path, benches: list[harness.Bench], *options: str) -> tuple[int, dict, str]:
    results = tmp_path / "results"
    code = harness.main([*options, "--results", str(results)], all_benches=benches)
    latest = json.loads((results / "latest.json").read_text())
    return code, latest, (results / "latest.md").read_text()


ROW_SEARCH = harness.json_row(
    "search p95", 27.9, "ms", target="≤ 50 ms", ok=True, reference="bakerydemo (2026-11)"
)
ROW_INVOICES = harness.json_row(
    "invoices/s, UBL",
    94.2,
    "invoices/s",
    reference="official CEN XSLT, same run",
    reference_value=108.7,
)
ROW_MISSED = harness.json_row("fan-out p99", 380, "ms", target="≤ 250 ms", ok=False)


def test_rows_of_several_benches_become_one_table(tmp_path, capsys):
    benches = [
        fake(tmp_path, "search", [ROW_SEARCH]),
        fake(tmp_path, "invoices", [ROW_INVOICES, ROW_MISSED], exit=1),  # exit 1: a miss
    ]
    code, latest, markdown = run(tmp_path, benches)

    assert code == 0  # without --strict a missed target is reported, not fatal
    assert [(r["bench"], r["figure"]) for r in latest["rows"]] == [
        ("search", "search p95"),
        ("invoices", "invoices/s, UBL"),
        ("invoices", "fan-out p99"),
    ]
    assert [b["status"] for b in latest["benches"]] == ["ok", "ok"]
    lines = markdown.splitlines()
    header = "| bench | figure | value | target | reference (same run) | ratio | met |"
    assert lines.count(header) == 1
    assert "| search | search p95 | 27.9 ms | ≤ 50 ms | bakerydemo (2026-11) |  | yes |" in lines
    assert (
        "| invoices | invoices/s, UBL | 94.2 invoices/s |  | official CEN XSLT, same run: "
        "108.7 invoices/s | 0.87× | – |" in lines
    )
    assert "| invoices | fan-out p99 | 380 ms | ≤ 250 ms |  |  | **no** |" in lines
    printed = capsys.readouterr().out
    assert header in printed  # the same table is printed
    # every figure's note is in the file; the terminal keeps to the table
    assert "- search · search p95: " in markdown and "- search · search p95: " not in printed
    assert "Notes on 3 figures" in printed
    assert latest["machine"]["cores"] >= 1 and len(latest["load_start"]) == 3
    assert "Load average" in markdown and "at end" in markdown


def test_strict_fails_on_a_missed_target_only(tmp_path):
    good = [fake(tmp_path, "search", [ROW_SEARCH])]
    assert run(tmp_path, good, "--strict")[0] == 0
    missed = [*good, fake(tmp_path, "fanout", [ROW_MISSED], exit=1)]
    assert run(tmp_path, missed, "--strict")[0] == 1


def test_missing_failing_and_hanging_benches_become_rows_and_the_others_go_on(tmp_path):
    benches = [
        harness.Bench("pages", tmp_path / "bench" / "pages.py"),
        broken(
            tmp_path,
            "submit",
            "import sys\nprint('starting')\nprint('boom: no server')\nsys.exit(3)\n",
        ),
        broken(tmp_path, "sensors", "import time\ntime.sleep(60)\n"),
        fake(tmp_path, "search", [ROW_SEARCH]),
    ]
    code, latest, markdown = run(tmp_path, benches)

    assert code == 0
    by_bench = {b["bench"]: b for b in latest["benches"]}
    assert by_bench["pages"]["status"] == "not run"
    assert by_bench["pages"]["reason"] == "not run: bench/pages.py missing"
    assert by_bench["submit"]["status"] == "failed"
    assert by_bench["submit"]["reason"] == "failed: exit 3 – boom: no server"
    assert by_bench["sensors"]["reason"] == "failed: time limit of 2 s exceeded"
    assert by_bench["search"]["status"] == "ok"  # ran after the failures
    lines = markdown.splitlines()
    assert "| pages | not run: bench/pages.py missing |  |  |  |  | not run |" in lines
    assert "| submit | failed: exit 3 – boom: no server |  |  |  |  | **failed** |" in lines
    assert any(line.startswith("| search | search p95 | 27.9 ms") for line in lines)
    # the failing bench's own output is kept beside the table
    log = Path(by_bench["submit"]["log"]).read_text()
    assert "starting" in log and "boom: no server" in log
    assert run(tmp_path, benches, "--strict")[0] == 1


def test_quick_options_database_prefix_and_selection(tmp_path):
    benches = [
        fake(tmp_path, "search", [ROW_SEARCH], quick={"--pages": "10", "--unknown": "1"}),
        fake(tmp_path, "invoices", [ROW_INVOICES], quick={"--pages": "5"}),
    ]
    _code, latest, _markdown = run(
        tmp_path, benches, "--quick", "--only", "search", "--db-prefix", "redi_h2_"
    )
    assert [b["bench"] for b in latest["benches"]] == ["search"]
    assert latest["skipped"] == ["invoices"] and latest["quick"] is True
    # quick options only where the script names them; the database name with the prefix
    assert latest["rows"][0]["note"].endswith("argv=--pages 10 --database redi_h2_search")

    _code, latest, _markdown = run(tmp_path, benches, "--skip", "search")
    assert [b["bench"] for b in latest["benches"]] == ["invoices"]
    assert latest["rows"][0]["note"].endswith("argv=")  # full run: the bench's own sizes


def test_every_run_is_kept_and_latest_points_at_the_newest(tmp_path):
    results = tmp_path / "results"
    benches = [fake(tmp_path, "search", [ROW_SEARCH])]
    harness.main(["--results", str(results)], all_benches=benches)
    stamped = sorted(p.name for p in results.glob("*.md") if p.name != "latest.md")
    assert len(stamped) == 1
    stamp = stamped[0].removesuffix(".md")
    assert (results / f"{stamp}.json").exists()
    assert (results / stamp / "search.json").exists() and (results / stamp / "search.log").exists()
    assert (results / "latest.md").read_text() == (results / f"{stamp}.md").read_text()


def test_json_row_computes_the_ratio_against_a_reference_of_the_same_run():
    row = harness.json_row("x", 2400, "req/s", reference="nginx", reference_value=48000)
    assert row["ratio"] == 0.05
    assert set(row) == {
        "figure",
        "value",
        "unit",
        "target",
        "reference",
        "reference_value",
        "ratio",
        "ok",
        "note",
    }
    assert harness.json_row("y", 5.0, "ms", reference="old figure (2026-11)")["ratio"] is None


def test_the_real_benches_all_take_json():
    """Every bench script of the project that exists accepts ``--json`` (the contract)."""
    for bench in harness.benches():
        if bench.script.exists():
            assert '"--json"' in bench.script.read_text(), bench.script
    assert sys.executable  # the benches run with the interpreter of the harness
