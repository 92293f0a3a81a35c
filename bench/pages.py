"""Page benchmark (issue #11): the town home page served from the app's page cache, from
Varnish, uncached – against nginx serving the same HTML from disk (the limit) and a bare
Wagtail starter page built in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/redi python bench/pages.py [--json PATH]

Uses the PostgreSQL server of ``DATABASE_URL`` but a database of its own
(``redi_h3_bench_pages`` unless ``--database``), which it drops, creates, migrates and
seeds with the demo (``seed_demo --port <the front port>``) – and drops at the end
(``--keep`` keeps it). Redis: ``--redis-url`` (default db 7) with a key prefix of its own,
whose keys are deleted at the end. Everything else lives in a temp directory.

Servers (all on loopback, free ports, stopped at the end – also on Ctrl-C or failure):
two uvicorn workers of ``portal.asgi:application`` (production settings, the page cache
on), two more with ``PAGE_CACHE=false``, two of the starter project (SQLite), one nginx
with an ``upstream`` of each pair (keep-alive; balancing the workers through nginx is the
production shape), a listener serving the saved HTML from disk and one passing to
Varnish (``deploy/varnish/redi.vcl``, backend = the app's nginx upstream): the
documented front nginx → Varnish → nginx → uvicorn.

Load: ``wrk -t2 -c64`` for throughput, ``-c16 --latency`` for the uncached page and the
starter, ``--seconds`` each after ``--warmup`` seconds unmeasured. SQL on a page-cache hit
is counted as PostgreSQL's transactions of the database (``pg_stat_database``) around the
hit run. Prints a Markdown table, writes ``--json`` and exits 1 when a target is missed.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import signal
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import pages_load as load  # noqa: E402
from bench import pages_report as report  # noqa: E402
from bench import pages_servers as servers  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/redi"
DEFAULT_REDIS = "redis://127.0.0.1:6379/7"
# the runs whose workers' CPU per request is reported (process names of pages_servers)
WORKERS = {
    "uncached": "uncached-",
    "starter": "starter-",
    "content_hit": "app-",
    "content_uncached": "uncached-",
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="redi_h3_bench_pages")
    parser.add_argument("--redis-url", default=DEFAULT_REDIS)
    parser.add_argument("--town", default="bruchsal", help="town slug: Host <slug>.localhost")
    parser.add_argument(
        "--content-path",
        default="/rathaus-service/buergerbuero/",
        help="a content page measured too (hit and uncached); empty: skip",
    )
    parser.add_argument("--seconds", type=float, default=10, help="each measured wrk run")
    parser.add_argument("--warmup", type=float, default=2, help="unmeasured wrk run before")
    parser.add_argument("--connections", type=int, default=64, help="throughput runs")
    parser.add_argument("--latency-connections", type=int, default=16, help="uncached runs")
    parser.add_argument("--json", help="write the rows (bench JSON contract) to this file")
    parser.add_argument("--keep", action="store_true", help="keep the database at the end")
    parser.add_argument(
        "--reuse", action="store_true", help="use the database as it is when it exists"
    )
    parser.add_argument("--keep-tmp", action="store_true", help="keep the temp dir (logs)")
    parser.add_argument(
        "--profile", action="store_true", help="py-spy on an uncached worker (py-spy on PATH)"
    )
    parser.add_argument(
        "--settings",
        default="portal.settings.production",
        help="settings module of the workers (to compare a variant; PYTHONPATH applies)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="5-s runs after 1 s of warm-up (make bench --quick)"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.seconds, args.warmup = min(args.seconds, 5), min(args.warmup, 1)
    return args


def _interrupt(signum, frame):  # SIGTERM ends the run like Ctrl-C: through `finally`
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    if not url.startswith(("postgres://", "postgresql://")):
        print("bench/pages.py needs DATABASE_URL=postgres://… (PostgreSQL).", file=sys.stderr)
        return 2
    for tool in ("wrk", "nginx", "varnishd"):
        if not shutil.which(tool) and not Path("/usr/sbin", tool).exists():
            print(f"{tool} is missing (apt-get install wrk nginx-light varnish).", file=sys.stderr)
            return 2
    tmp = Path(tempfile.mkdtemp(prefix="redi-bench-pages-"))
    prefix = f"redi-bench-pages-{os.getpid()}-{int(time.time())}"
    processes = servers.Processes()
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        return run(args, url, tmp, prefix, processes)
    except KeyboardInterrupt:
        print("interrupted – stopping the servers", file=sys.stderr)
        return 130
    finally:
        processes.stop_all()
        delete_redis_keys(args.redis_url, prefix)
        if not args.keep:
            drop_database(url, args.database)
        if args.keep_tmp:
            print(f"temp dir kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def admin_url(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/postgres"))


def database_url(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def drop_database(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin_url(url), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def delete_redis_keys(redis_url: str, prefix: str) -> None:
    """Only this run's keys (the cache prefix); never a flush."""
    import redis

    try:
        client = redis.Redis.from_url(redis_url)
        keys = list(client.scan_iter(match=f"*{prefix}*", count=1000))
        for start in range(0, len(keys), 500):
            client.delete(*keys[start : start + 500])
        client.close()
    except redis.RedisError as error:
        print(f"Redis keys of {prefix} not deleted: {error}", file=sys.stderr)


def stamp(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S', time.gmtime())} UTC] {message}", flush=True)


# --- setup -------------------------------------------------------------------------------


def setup_portal(args, url: str, env: dict, var: Path, processes) -> str:
    """Database: drop/create, migrate, seed (or reuse); then VACUUM ANALYZE, which
    autovacuum would have done in a running installation (the query plans depend on it)."""
    import psycopg

    name = args.database
    with psycopg.connect(admin_url(url), autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if args.reuse and exists:
            stamp(f"reusing database {name}")
        else:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
            exists = None
    log = var / "setup.log"
    if not exists:
        servers.manage(processes, env, "migrate", "--noinput", "-v0", cwd=var, log=log)
        stamp("migrated")
        servers.manage(
            processes, env, "seed_demo", "--port", env["BENCH_FRONT_PORT"], cwd=var, log=log
        )
        stamp("demo seeded")
    with psycopg.connect(database_url(url, name), autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
    return name


def setup_static_and_starter(env: dict, var: Path, starter: Path, processes) -> dict:
    servers.manage(
        processes, env, "collectstatic", "--noinput", "-v0", cwd=var, log=var / "static.log"
    )
    starter_env = servers.setup_starter(processes, starter)
    stamp("static files collected, starter project built")
    return starter_env


# --- run ---------------------------------------------------------------------------------


def run(args, url: str, tmp: Path, prefix: str, processes: servers.Processes) -> int:
    started = dt.datetime.now(dt.UTC)
    clock = time.monotonic()
    load_start = os.getloadavg()[0]
    var = tmp / "var"
    var.mkdir()
    ports = {
        name: servers.free_port()
        for name in ("front", "static", "app", "uncached", "starter", "varnish")
    }
    workers = {name: [servers.free_port(), servers.free_port()] for name in ports}
    env = servers.app_env(database_url(url, args.database), args.redis_url, prefix, var)
    env["DJANGO_SETTINGS_MODULE"] = args.settings
    env["BENCH_FRONT_PORT"] = str(ports["front"])
    stamp(f"setting up in {tmp} (database {args.database}, Redis {args.redis_url})")
    # no `with`: on Ctrl-C or a failure the caller stops the setup commands (tracked in
    # `processes`) instead of waiting for the other thread's seed to finish
    pool = ThreadPoolExecutor(2)
    try:
        portal = pool.submit(setup_portal, args, url, env, var, processes)
        starter = pool.submit(setup_static_and_starter, env, var, tmp / "starter", processes)
        portal.result()
        starter_env = starter.result()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    setup_s = time.monotonic() - clock

    uncached_env = {**env, "PAGE_CACHE": "false"}
    for n, port in enumerate(workers["app"]):
        processes.start(
            f"app-{n}",
            servers.uvicorn_command("portal.asgi:application", port),
            env=env,
            cwd=var,
            log_dir=tmp,
        )
    for n, port in enumerate(workers["uncached"]):
        processes.start(
            f"uncached-{n}",
            servers.uvicorn_command("portal.asgi:application", port),
            env=uncached_env,
            cwd=var,
            log_dir=tmp,
        )
    for n, port in enumerate(workers["starter"]):
        processes.start(
            f"starter-{n}",
            servers.uvicorn_command("starter.asgi:application", port),
            env=starter_env,
            cwd=tmp / "starter",
            log_dir=tmp,
        )
    static_root = tmp / "html"
    static_root.mkdir()
    conf = servers.nginx_conf(
        tmp,
        ports["static"],
        static_root,
        {
            ports["app"]: workers["app"],
            ports["uncached"]: workers["uncached"],
            ports["starter"]: workers["starter"],
            ports["front"]: [ports["varnish"]],
        },
    )
    servers.start_nginx(processes, tmp, conf)
    vcl, vcl_source = servers.vcl_text(ports["app"])
    servers.start_varnish(processes, tmp, ports["varnish"], vcl)
    host = f"{args.town}.localhost"
    for port in workers["app"] + workers["uncached"]:
        servers.wait_http(port, "/healthz", host, processes)
    for port in workers["starter"]:
        servers.wait_http(port, "/", "localhost", processes)
    servers.wait_http(ports["varnish"], "/healthz", host, processes)
    stamp(f"servers up (setup {setup_s:.0f} s); VCL: {vcl_source}")

    context = report.Context(
        load_start=load_start,
        started=started.isoformat(timespec="seconds"),
        host=host,
        content_path=args.content_path,
        vcl_source=vcl_source,
        setup_s=setup_s,
    )
    measure(args, ports, host, static_root, url, processes, context)
    context.total_s = time.monotonic() - clock
    context.load_end = os.getloadavg()[0]
    rows = report.rows(context)
    report.print_table(rows, context)
    if args.json:
        report.write_json(Path(args.json), rows, context)
    missed = [row for row in rows if row["ok"] is False]
    return 1 if missed else 0


def measure(args, ports, host, static_root, url, processes, context) -> None:
    """The runs in an order that leaves the bench database idle before and after the hit
    run for PostgreSQL's counters to settle (see pages_load.STATS_SETTLE_S)."""
    home, content = "/", args.content_path
    admin = admin_url(url)

    def throughput(name, port, path, host_header, connections=args.connections, latency=False):
        processes.check_alive()
        target = f"http://127.0.0.1:{port}{path}"
        context.warm[name] = load.wrk(
            target, host_header, connections=connections, seconds=args.warmup
        )
        workers = WORKERS.get(name)
        cpu = processes.cpu_seconds(workers) if workers else 0.0
        result = load.wrk(
            target, host_header, connections=connections, seconds=args.seconds, latency=latency
        )
        if workers and result.requests:
            context.cpu_ms[name] = (processes.cpu_seconds(workers) - cpu) * 1000 / result.requests
        context.runs[name] = result
        p99 = f", p99 {result.latency_ms['p99']:.0f} ms" if "p99" in result.latency_ms else ""
        stamp(f"{name}: {result.per_s:,.0f} req/s{p99} {result.problems()}")
        return result

    # samples: the first request fills the page cache, the next must be a hit
    context.samples["app_first"] = load.fetch(ports["app"], home, host)
    hit = load.fetch_until(ports["app"], home, host, "x-page-cache", "HIT")
    context.samples["app"] = hit
    (static_root / "index.html").write_bytes(hit.body)
    context.samples["static"] = load.fetch(ports["static"], home, host)
    context.samples["uncached"] = load.fetch(ports["uncached"], home, host)
    context.samples["varnish"] = load.fetch_until(ports["varnish"], home, host, "x-cache", "HIT")
    context.samples["front"] = load.fetch_until(ports["front"], home, host, "x-cache", "HIT")
    context.samples["starter"] = load.fetch(ports["starter"], "/", "localhost")

    # page-cache hit, SQL counted around it; nginx static afterwards lets the counters settle
    target = f"http://127.0.0.1:{ports['app']}{home}"
    context.warm["hit"] = load.wrk(target, host, connections=args.connections, seconds=args.warmup)
    time.sleep(load.STATS_SETTLE_S)
    before = load.transactions(admin, args.database)
    cpu = processes.cpu_seconds("app-")
    hit = load.wrk(target, host, connections=args.connections, seconds=args.seconds)
    context.runs["hit"] = hit
    if hit.requests:
        context.cpu_ms["hit"] = (processes.cpu_seconds("app-") - cpu) * 1000 / hit.requests
    stamp(f"hit: {context.runs['hit'].per_s:,.0f} req/s {context.runs['hit'].problems()}")
    throughput("static", ports["static"], home, host)
    time.sleep(1)
    after = load.transactions(admin, args.database)
    context.sql["hit"] = after - before
    throughput("varnish", ports["varnish"], home, host)
    throughput("front", ports["front"], home, host)
    time.sleep(1)
    before = load.transactions(admin, args.database)
    context.sql["proxies"] = before - after
    profiler = start_profile(args, processes, context)
    try:
        throughput("uncached", ports["uncached"], home, host, args.latency_connections, True)
    finally:
        stop_profile(profiler, processes, context)
    throughput("starter", ports["starter"], "/", "localhost", args.latency_connections, True)
    time.sleep(1)
    context.sql["uncached"] = load.transactions(admin, args.database) - before
    if content:
        context.samples["content"] = load.fetch_until(
            ports["app"], content, host, "x-page-cache", "HIT"
        )
        context.samples["content_uncached"] = load.fetch(ports["uncached"], content, host)
        throughput("content_hit", ports["app"], content, host)
        throughput(
            "content_uncached", ports["uncached"], content, host, args.latency_connections, True
        )


def start_profile(args, processes, context):
    """py-spy on the first uncached worker for the uncached run (``--profile``)."""
    if not args.profile:
        return None
    from bench import pages_profile

    return pages_profile.start(processes, context)


def stop_profile(profiler, processes, context) -> None:
    if profiler is not None:
        from bench import pages_profile

        context.profile = pages_profile.stop(profiler, processes)


if __name__ == "__main__":
    sys.exit(main())
