#!/usr/bin/env python
"""`make bench`, part two: what our search costs beside a plain query, and what the API adds.

On a fresh SQLite database with the demo county (and, with `--synthetic N`, N synthetic pages
from `generate_load_content` as well), for every query of tests/search/data/resident_queries.tsv,
side by side in one run, with 1 and with 10 concurrent clients:

  * plain   – one `multi_match` over title, summary and body on the same index (the floor);
  * engine  – our engine query as the site runs it (`run_query`: facets, highlights, type weights,
              synonyms, and the second round trip for partial recall or spelling when it is needed);
  * API     – `GET /api/search/` through HTTP, served by gunicorn with production settings (each
              client keeps its connection open, as the engine's client does to the node).

Reported: p50 and p95 of each, engine/plain at p50 and API/engine at p95. Printed as Markdown and
saved to .cache/bench-cost.json. With BENCH_POSTGRES set (a PostgreSQL server URL) the site runs on
PostgreSQL, as in production; else on SQLite. Needs OPENSEARCH_URL (`make bench` starts a local node); all
traffic stays on 127.0.0.1. Speed is measured here, never asserted in tests.
"""

import argparse
import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from benchlib import ROOT, percentile

DATABASE = ROOT / ".cache" / "bench-cost.sqlite3"
PREFIX = "envagin-bench-cost"
# BENCH_POSTGRES=postgres://user:password@127.0.0.1:5432/any: the benchmark (re)creates its own
# database `envagin_bench_cost` on that server, as production runs on PostgreSQL; else SQLite.
POSTGRES = os.environ.get("BENCH_POSTGRES", "")
POSTGRES_NAME = "envagin_bench_cost"


def database_url() -> str:
    if not POSTGRES:
        return f"sqlite:///{DATABASE}"
    server = urllib.parse.urlsplit(POSTGRES)
    return urllib.parse.urlunsplit(server._replace(path=f"/{POSTGRES_NAME}"))


def fresh_database() -> None:
    if not POSTGRES:
        DATABASE.unlink(missing_ok=True)
        return
    import psycopg

    with psycopg.connect(POSTGRES, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {POSTGRES_NAME}")
        connection.execute(f"CREATE DATABASE {POSTGRES_NAME}")


# The same production settings in this process (engine and plain) and in gunicorn (API).
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "127.0.0.1",
    "DATABASE_URL": database_url(),
    "OPENSEARCH_INDEX_PREFIX": PREFIX,
    "PAGE_CACHE_SECONDS": "0",
    "EMAIL_HOST": "127.0.0.1",  # production insists on a relay; nothing is mailed here
}
os.environ.update(PRODUCTION)
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(port: int) -> subprocess.Popen:
    env = dict(os.environ, **PRODUCTION)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(120):
        try:
            # As behind the TLS-terminating proxy production expects (no redirect to https).
            health = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers=PROXY_HEADERS)
            urllib.request.urlopen(health, timeout=2)
            return process
        except OSError:
            time.sleep(0.5)
    process.terminate()
    sys.exit("gunicorn did not answer")


_connections = threading.local()


def api_get(port: int, path: str) -> dict:
    """GET through a kept-alive connection per client, as a browser or an embedding site keeps its
    connection open, and as the engine's own client keeps its connections to the node: the ratio
    compares the server's work, not the cost of opening a TCP connection for every request."""
    connection = getattr(_connections, "http", None)
    if connection is not None:
        try:
            return _get(connection, path)
        except (http.client.HTTPException, OSError):
            connection.close()  # the server closed an idle connection: open a new one
    connection = _connections.http = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    return _get(connection, path)


def _get(connection: http.client.HTTPConnection, path: str) -> dict:
    connection.request("GET", path, headers=PROXY_HEADERS)
    return json.loads(connection.getresponse().read())


def measure(rows, clients: int, calls: int, port: int) -> dict:
    from django.db import connection
    from django.http import QueryDict

    from search.indexes import alias_name, client
    from search.opensearch_query import run_query
    from search.service import SearchRequest, vocabulary

    es = client()
    timings = {"plain": [], "engine": [], "api": []}

    def one(i):
        row = rows[i % len(rows)]
        params = {"q": row["query"], "lang": row["lang"] or "sv"}
        if row["kommun"]:
            params["kommun"] = row["kommun"]
        data = QueryDict(mutable=True)
        data.update(params)
        request = SearchRequest.from_params(data)
        plain = {"query": {"multi_match": {"query": request.query, "fields": ["title", "summary", "body"]}}}
        begin = time.perf_counter()
        es.search(index=alias_name(request.language), body=plain, size=request.page_size)
        timings["plain"].append(time.perf_counter() - begin)
        begin = time.perf_counter()
        words = vocabulary(request.language)  # as the API reads them: one cache round trip
        run_query(request, words.synonyms, words.places)
        timings["engine"].append(time.perf_counter() - begin)
        path = f"/api/search/?{urllib.parse.urlencode(params)}"
        begin = time.perf_counter()
        answer = api_get(port, path)
        timings["api"].append(time.perf_counter() - begin)
        assert answer["engine"] == "opensearch", answer["engine"]
        connection.close()

    for i in range(min(len(rows), 30)):  # warm up caches and connections
        one(i)
    for values in timings.values():
        values.clear()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(one, range(calls)))
    result = {
        name: {"p50": percentile(v, 0.5) * 1000, "p95": percentile(v, 0.95) * 1000}
        for name, v in timings.items()
    }
    result["engine/plain p50"] = result["engine"]["p50"] / result["plain"]["p50"]
    result["engine/plain p95"] = result["engine"]["p95"] / result["plain"]["p95"]
    result["api/engine p50"] = result["api"]["p50"] / result["engine"]["p50"]
    result["api/engine p95"] = result["api"]["p95"] / result["engine"]["p95"]
    return result


def report(title: str, results: dict) -> None:
    print(f"\n{title}\n")
    print(
        "| clients | plain p50 / p95 | engine p50 / p95 | API p50 / p95 | engine/plain p50 | API/engine p95 |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for clients, r in results.items():
        print(
            f"| {clients} | {r['plain']['p50']:.1f} / {r['plain']['p95']:.1f} ms "
            f"| {r['engine']['p50']:.1f} / {r['engine']['p95']:.1f} ms "
            f"| {r['api']['p50']:.1f} / {r['api']['p95']:.1f} ms "
            f"| {r['engine/plain p50']:.2f}× | {r['api/engine p95']:.2f}× |"
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=400, help="searches per run and client count")
    parser.add_argument("--synthetic", type=int, default=0, help="also measure with N synthetic pages")
    parser.add_argument("--synthetic-only", action="store_true", help="with --synthetic: skip the demo runs")
    parser.add_argument("--reuse", action="store_true", help="keep the database and index of an earlier run")
    args = parser.parse_args()
    if not os.environ.get("OPENSEARCH_URL"):
        sys.exit("OPENSEARCH_URL is not set: run `make bench`, which starts a local node")
    DATABASE.parent.mkdir(exist_ok=True)
    if not args.reuse:
        fresh_database()

    import django

    django.setup()
    from django.core.management import call_command

    from search.evaluation import RESIDENT_QUERIES, load_queries

    devnull = open(os.devnull, "w")
    if not args.reuse:
        call_command("migrate", verbosity=0)
        call_command("load_demo", verbosity=0)
        call_command("search_rebuild", verbosity=0, stdout=devnull)
    rows = load_queries(RESIDENT_QUERIES)
    port = free_port()
    server = start_gunicorn(port)
    summary = {"database": "postgresql" if POSTGRES else "sqlite"}
    try:
        if not (args.synthetic and args.synthetic_only):
            summary["demo"] = {clients: measure(rows, clients, args.calls, port) for clients in (1, 10)}
            title = f"Demo county, {len(rows)} resident queries, {args.calls} searches per run"
            report(title, summary["demo"])
        if args.synthetic:
            call_command("generate_load_content", documents=args.synthetic, verbosity=0, stdout=devnull)
            call_command("search_rebuild", verbosity=0, stdout=devnull)
            summary["synthetic"] = {clients: measure(rows, clients, args.calls, port) for clients in (1, 10)}
            report(f"Demo county + {args.synthetic} synthetic pages", summary["synthetic"])
    finally:
        server.terminate()
        server.wait(timeout=30)
    (ROOT / ".cache" / "bench-cost.json").write_text(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
