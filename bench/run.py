"""re@di Portal benchmarks. Run with `make bench` (see bench/README.md)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import page_weight, queries  # noqa: E402
from bench.all import json_row, now, write_json  # noqa: E402
from portal.demo.server import demo_server  # noqa: E402

# Wagtail bakerydemo home page, measured 2026-11 on this kind of machine (issue #3)
BAKERYDEMO = {"html_kb": 35, "requests": 20, "with_images_kb": 430}
TARGET = {"kb": 150, "requests": 12, "queries": 15}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", help="also write the figures as JSON rows (bench/all.py)")
    args = parser.parse_args(argv)
    started = now()
    with tempfile.TemporaryDirectory() as tmp, demo_server(Path(tmp)) as port:
        towns = ["bruchsal", "baden-baden", "rastatt"]
        weights = page_weight.measure([f"http://{t}.localhost:{port}/" for t in towns])
        counted = queries.count(
            Path(tmp),
            port,
            [
                ("bruchsal.localhost", "/"),
                ("bruchsal.localhost", "/rathaus-service/"),
                ("bruchsal.localhost", "/rathaus-service/auf-einen-blick/"),
                ("localhost", "/"),
            ],
        )
    print("\n## Home page weight (Chromium; images excluded from KB and the request budget)\n")
    print(
        "| page | requests (all) | requests w/o images | KB as served | KB gzip | HTML KB |"
        " KB incl. images |"
    )
    print("|---|---|---|---|---|---|---|")
    for w in weights:
        print(
            f"| {w['url']} | {w['requests']} | {w['requests_without_images']} | "
            f"{w['transferred_kb']:.1f} | {w['gzip_kb']:.1f} | {w['html_kb']:.1f} | "
            f"{w['with_images_kb']:.1f} |"
        )
    first = weights[0]
    print(
        f"\nTarget: ≤ {TARGET['kb']} KB, ≤ {TARGET['requests']} requests. "
        f"Bakerydemo home (reference, 2026-11): {BAKERYDEMO['html_kb']} KB HTML, "
        f"{BAKERYDEMO['requests']} requests, ~{BAKERYDEMO['with_images_kb']} KB with images."
    )
    print(
        f"Ratios vs bakerydemo: HTML {first['html_kb'] / BAKERYDEMO['html_kb']:.2f}×, "
        f"requests {first['requests'] / BAKERYDEMO['requests']:.2f}×, "
        f"with images {first['with_images_kb'] / BAKERYDEMO['with_images_kb']:.2f}×"
    )
    print("\n## SQL queries to render (warm per-site cache)\n")
    print("| page | status | queries |")
    print("|---|---|---|")
    for q in counted:
        print(f"| {q['page']} | {q['status']} | {q['queries']} |")
    print(f"\nTarget for the page holding every block: ≤ {TARGET['queries']} queries.")
    print("\n### Requests of the first page\n")
    for row in first["rows"]:
        print(f"- {row['type']:<10} {row['transferred'] / 1024:7.1f} KB  {row['url']}")
    ok = (
        all(w["transferred_kb"] <= TARGET["kb"] for w in weights)
        and all(w["requests_without_images"] <= TARGET["requests"] for w in weights)
        and counted[2]["queries"] <= TARGET["queries"]
    )
    print("\nAll targets met." if ok else "\nSome target missed – see above.")
    write_json(args.json, "weight", started, json_rows(weights, counted))
    return 0 if ok else 1


def json_rows(weights: list[dict], counted: list[dict]) -> list[dict]:
    """Figures for bench/all.py: KB and requests per town home, queries per page."""
    old = "(2026-11, not this run)"
    rows = []
    for w in weights:
        town = w["url"].split("//", 1)[1].split(".", 1)[0]
        rows.append(
            json_row(
                f"home page {town}: KB as served (HTML+CSS+JS+fonts, Chromium)",
                w["transferred_kb"],
                "KB",
                target=f"≤ {TARGET['kb']} KB",
                ok=w["transferred_kb"] <= TARGET["kb"],
                reference=f"bakerydemo home {BAKERYDEMO['html_kb']} KB HTML, "
                f"~{BAKERYDEMO['with_images_kb']} KB with images {old}",
                note=f"gzip {w['gzip_kb']:.1f} KB, HTML {w['html_kb']:.1f} KB, "
                f"incl. images {w['with_images_kb']:.1f} KB",
            )
        )
        rows.append(
            json_row(
                f"home page {town}: requests without images",
                w["requests_without_images"],
                "requests",
                target=f"≤ {TARGET['requests']}",
                ok=w["requests_without_images"] <= TARGET["requests"],
                reference=f"bakerydemo home {BAKERYDEMO['requests']} requests {old}",
            )
        )
    for number, q in enumerate(counted):
        judged = number == 2  # the page holding every block
        rows.append(
            json_row(
                f"SQL queries to render {q['page']} (warm per-site caches)",
                q["queries"],
                "queries",
                target=f"≤ {TARGET['queries']}" if judged else None,
                ok=(q["queries"] <= TARGET["queries"] and q["status"] == 200) if judged else None,
                note=None if q["status"] == 200 else f"HTTP {q['status']}",
            )
        )
    return rows


if __name__ == "__main__":
    raise SystemExit(main())
