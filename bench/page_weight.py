"""Home-page weight in a real Chromium: bytes and requests (HTML, CSS, JS, fonts)."""

from __future__ import annotations

import gzip

from playwright.sync_api import sync_playwright

from portal.demo.server import CHROMIUM_FLAGS, chromium_path


def chromium() -> str:
    path = chromium_path()
    if path is None:
        raise SystemExit("Chromium not found: apt-get install chromium (or set REDI_CHROMIUM)")
    return path


def measure(urls: list[str]) -> list[dict]:
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_FLAGS)
        for url in urls:
            context = browser.new_context(locale="de-DE")
            page = context.new_page()
            responses = []
            page.on("response", lambda response, seen=responses: seen.append(response))
            page.goto(url, wait_until="networkidle")
            rows = []
            for response in responses:
                request = response.request
                try:
                    body = response.body()
                except Exception:  # redirects have no body
                    body = b""
                sizes = request.sizes()
                rows.append(
                    {
                        "url": response.url,
                        "type": request.resource_type,
                        "transferred": sizes["responseBodySize"] + sizes["responseHeadersSize"],
                        "body": len(body),
                        "gzip": len(gzip.compress(body, 6)) if body else 0,
                    }
                )
            context.close()
            counted = [r for r in rows if r["type"] != "image"]
            results.append(
                {
                    "url": url,
                    "requests": len(rows),
                    "requests_without_images": len(counted),
                    "transferred_kb": sum(r["transferred"] for r in counted) / 1024,
                    "gzip_kb": sum(r["gzip"] for r in counted) / 1024,
                    "html_kb": sum(r["body"] for r in rows if r["type"] == "document") / 1024,
                    "with_images_kb": sum(r["transferred"] for r in rows) / 1024,
                    "rows": rows,
                }
            )
        browser.close()
    return results
