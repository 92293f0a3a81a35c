"""Rows (benchmark JSON contract) and the Markdown table of ``bench/fanout.py``."""

from __future__ import annotations


def _label(name: str) -> str:
    from bench.fanout import LABELS

    return LABELS[name]


def rows(args, results: dict) -> list[dict]:
    """Per variant: msg/s, delivered %, p99. The fan-out layer's msg/s is judged against
    pub/sub of the same run (≥ 1.5 ×), every variant's delivery against 100 %."""
    shape = f"{args.clients:,} clients × {args.broadcasts} broadcasts"
    pubsub = results.get("pubsub")
    plain = results.get("plain")
    out = []
    for name, result in results.items():
        ours = name.startswith("fanout")  # the others are references: reported, not judged
        judged = ours and pubsub is not None
        reference = pubsub["per_s"] if judged else None
        note = f"{result['servers']} uvicorn process(es); {result['open']:,} sockets open"
        if plain and name != "plain" and plain["per_s"]:
            note += f"; {result['per_s'] / plain['per_s']:.2f} × the plain ASGI limit"
        out.append(
            {
                "figure": f"WebSocket fan-out, {_label(name)}, {shape}",
                "value": result["per_s"],
                "unit": "msg/s",
                "target": f"≥ {TARGET} × pubsub" if judged else None,
                "reference": "RedisPubSubChannelLayer, same run" if judged else None,
                "reference_value": reference,
                "ratio": round(result["per_s"] / reference, 2) if reference else None,
                "ok": (result["per_s"] >= 1.5 * reference) if reference else None,
                "note": note + ("; the limit (no Django)" if name == "plain" else ""),
            }
        )
        out.append(
            {
                "figure": f"sockets opened, {_label(name)}",
                "value": result["open"],
                "unit": "sockets",
                "target": f"{args.clients:,}" if ours else None,
                "reference": None,
                "reference_value": None,
                "ratio": None,
                "ok": result["open"] == args.clients if ours else None,
                "note": "handshakes that failed (timeouts on an overloaded machine) count here",
            }
        )
        out.append(
            {
                "figure": f"delivered to the open sockets, {_label(name)}",
                "value": result["delivered_pct"],
                "unit": "%",
                "target": "100 %" if ours else None,
                "reference": None,
                "reference_value": None,
                "ratio": None,
                "ok": result["delivered_pct"] >= 100.0 if ours else None,
                "note": f"{result['delivered']:,} of {result['expected']:,}",
            }
        )
        ref_p99 = pubsub["p99_ms"] if pubsub and name != "pubsub" else None
        out.append(
            {
                "figure": f"latency send → arrival p99, {_label(name)}",
                "value": result["p99_ms"],
                "unit": "ms",
                "target": None,
                "reference": "RedisPubSubChannelLayer p99, same run" if ref_p99 else None,
                "reference_value": ref_p99,
                "ratio": round(result["p99_ms"] / ref_p99, 2)
                if ref_p99 and result["p99_ms"]
                else None,
                "ok": None,
                "note": f"p50 {result['p50_ms']} ms; ratio: lower is better "
                "(all 50 broadcasts are sent at once, so latency includes queueing)",
            }
        )
    return out


TARGET = 1.5


def table(args, results: dict, made: list[dict]) -> str:
    lines = [
        f"## WebSocket fan-out: {args.clients:,} sockets × {args.broadcasts} broadcasts "
        f"({'as fast as accepted' if not args.pace else f'{args.pace} s apart'})",
        "",
        "| variant | msg/s | vs pubsub | delivered | p50 ms | p99 ms | sockets |",
        "|---|---|---|---|---|---|---|",
    ]
    pubsub = results.get("pubsub")
    for name, result in results.items():
        ratio = f"{result['per_s'] / pubsub['per_s']:.2f} ×" if pubsub and pubsub["per_s"] else ""
        lines.append(
            f"| {_label(name)} | {result['per_s']:,} | {ratio} | {result['delivered_pct']} % "
            f"| {result['p50_ms']} | {result['p99_ms']} | {result['open']:,} |"
        )
    judged = [row for row in made if row["ok"] is not None]
    lines += [
        "",
        "Targets: fan-out ≥ 1.5 × pubsub, 100 % delivered – "
        + ("**met**" if judged and all(row["ok"] for row in judged) else "**missed**"),
    ]
    return "\n".join(lines)
