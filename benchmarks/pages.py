#!/usr/bin/env python
"""`make bench-pages`: how fast each page type answers through gunicorn under production settings.

On a fresh SQLite database with the demo county (or `--database-url`), with static files collected:
gunicorn (`--workers`, default 2) is started twice, once with the page cache off
(`PAGE_CACHE_SECONDS=0`: every request renders) and once with it on. Both use Redis as production
does (the page cache's tokens, which also validate what each worker remembers: core.cache.remembered)
when `redis-server` is installed, started here on a free port; else each worker's memory. For every
page type, p50/p95 of the response time seen by a loopback HTTP client, with 1 client and with 10
at once. Printed as a Markdown table and saved to .cache/bench-pages.json. With `--large-county`,
on the demo made ten times larger (`manage.py generate_large_county`: 200 libraries, 2,000
series): the start page, the help listing and a library, uncached, one client
(.cache/bench-pages-large.json). Figures go in the README; tests never assert times. All traffic
stays on 127.0.0.1.
"""

import argparse
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache"

# One page of each type, found in the loaded demo (whatever county it is): the first municipality in
# the tree with its broadband page, first library and that library's first session.
FIND_PAGES = """
import json
from home.models import MunicipalityPage
from broadband.models import BroadbandGuidePage, MunicipalityBroadbandPage
from services.models import HelpSessionPage, LibraryPage, LifeEventGuidePage
from home.models import StandardPage
sv = {"locale__language_code": "sv"}
first = lambda model: model.objects.live().filter(**sv).order_by("path").first()
m = MunicipalityPage.objects.live().filter(**sv).order_by("path").first()
library = LibraryPage.objects.live().filter(**sv).descendant_of(m).order_by("path").first()
pages = {
    "start page": "/",
    "municipality": m.url,
    "municipality broadband": MunicipalityBroadbandPage.objects.live().descendant_of(m).first().url,
    "broadband guide": first(BroadbandGuidePage).url + "?kommun=" + m.code,
    "help listing": "/digital-hjalp/",
    "library": library.url,
    "session": HelpSessionPage.objects.live().descendant_of(library).order_by("path").first().url,
    "guide": first(LifeEventGuidePage).url + "?kommun=" + m.code,
    "standard page": StandardPage.objects.live().filter(**sv, depth=3).order_by("path").first().url,
    "start page (ar)": "/ar/",
    "search page (database)": "/sok/?q=bredband",
}
print(json.dumps(pages))
"""


def manage(env: dict, *command: str) -> str:
    """`manage.py <command>` under `env` (the benchmark's settings); its output."""
    done = subprocess.run(
        [sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        sys.exit(f"manage.py {command[0]} failed:\n{done.stderr}")
    return done.stdout


def find_pages(env: dict) -> dict[str, str]:
    return json.loads(manage(env, "shell", "-c", FIND_PAGES).strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def fetch(port: int, path: str) -> float:
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1"})
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{path} answered {response.status}")
    finally:
        conn.close()
    return (time.perf_counter() - started) * 1000


def environment(database_url: str, static_root: Path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("OPENSEARCH_URL", "REDIS_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="bench-only-" + "Zq8#vW2!pL5@xR9$" * 4,
        EMAIL_HOST="127.0.0.1",  # nothing is mailed while benchmarking; production insists on a relay
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(static_root),
        LOG_LEVEL="ERROR",
        **extra,
    )
    return env


def wait_until_up(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("gunicorn stopped")
        try:
            fetch(port, "/robots.txt")
            return
        except (OSError, RuntimeError):
            time.sleep(0.2)
    sys.exit("gunicorn did not start")


def measure(port: int, path: str, calls: int, clients: int) -> tuple[float, float]:
    for _ in range(3):
        fetch(port, path)  # warm: per-process caches, and the page cache when it is on
    if clients == 1:
        times = [fetch(port, path) for _ in range(calls)]
    else:
        with ThreadPoolExecutor(clients) as pool:
            times = list(pool.map(lambda _n: fetch(port, path), range(calls)))
    return percentile(times, 0.5), percentile(times, 0.95)


def run_server(env: dict, pages: dict, workers: int, calls: int, concurrent_calls: int | None) -> dict:
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "--log-level=warning", f"--workers={workers}"]
    process = subprocess.Popen(
        [*command, f"--bind=127.0.0.1:{port}", "config.wsgi:application"], cwd=ROOT, env=env
    )
    try:
        wait_until_up(port, process)
        results = {}
        for name, path in pages.items():
            one = measure(port, path, calls, 1)
            results[name] = {"1 client": one}
            line = f"  {name:24} {one[0]:7.1f} / {one[1]:7.1f} ms"
            if concurrent_calls:
                ten = results[name]["10 clients"] = measure(port, path, concurrent_calls, 10)
                line += f"   {ten[0]:7.1f} / {ten[1]:7.1f} ms"
            print(line, flush=True)
        return results
    finally:
        process.terminate()
        process.wait(30)


LARGE_COUNTY_PAGES = ("start page", "help listing", "library")


def start_redis():
    """A throwaway Redis on a free port (None when redis-server is not installed) and its URL."""
    binary = shutil.which("redis-server")
    if not binary:
        return None, ""
    redis_port = free_port()
    redis = subprocess.Popen(
        [binary, "--bind", "127.0.0.1", "--port", str(redis_port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", redis_port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    return redis, f"redis://127.0.0.1:{redis_port}/0"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=40, help="requests per page type, one client")
    parser.add_argument(
        "--concurrent-calls", type=int, default=100, help="requests per page type, 10 clients"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--database-url", default="", help="an existing database with the demo (default: fresh SQLite)"
    )
    parser.add_argument(
        "--large-county",
        action="store_true",
        help="the demo made ten times larger (generate_large_county: 200 libraries, 2,000 series): "
        "start page, help listing and a library, uncached, one client",
    )
    parser.add_argument("--uncached-only", action="store_true", help="skip the pass with the page cache on")
    args = parser.parse_args()
    redis, redis_url = start_redis()
    try:
        return run(
            args, {"REDIS_URL": redis_url} if redis_url else {}, "Redis" if redis else "each worker's memory"
        )
    finally:
        if redis:
            redis.terminate()
            redis.wait(10)


def run(args, cache_env: dict, cache_kind: str) -> int:
    CACHE.mkdir(exist_ok=True)
    static_root = CACHE / "bench-static"
    database_url = args.database_url
    name = "bench-pages-large" if args.large_county else "bench-pages"
    setup_env = environment(database_url or f"sqlite:///{CACHE / (name + '.sqlite3')}", static_root)
    if not database_url:
        (CACHE / f"{name}.sqlite3").unlink(missing_ok=True)
        database_url = setup_env["DATABASE_URL"]
        manage(setup_env, "migrate", "--noinput", "-v", "0")
        manage(setup_env, "load_demo", "-v", "0")
    if args.large_county:
        print(manage(setup_env | {"DATABASE_URL": database_url}, "generate_large_county").strip())
    manage(setup_env, "collectstatic", "--noinput", "-v", "0")
    pages = find_pages(setup_env | {"DATABASE_URL": database_url})

    if args.large_county:
        pages = {page: pages[page] for page in LARGE_COUNTY_PAGES}
        print("large county, uncached (PAGE_CACHE_SECONDS=0)   p50 / p95, 1 client")
        figures = run_server(
            environment(database_url, static_root, PAGE_CACHE_SECONDS="0", **cache_env),
            pages,
            args.workers,
            args.calls,
            None,
        )
        print("\n| page type (200 libraries, 2,000 series) | uncached, 1 client |\n| --- | --- |")
        for page, found in figures.items():
            print(f"| {page} | {found['1 client'][0]:.1f} / {found['1 client'][1]:.1f} ms |")
        (CACHE / "bench-pages-large.json").write_text(
            json.dumps({"workers": args.workers, "figures": {"uncached": figures}}, indent=2)
        )
        return 0

    figures = {}
    passes = [("uncached", "0")] + ([] if args.uncached_only else [("cached", "300")])
    for mode, seconds in passes:
        print(f"{mode} (PAGE_CACHE_SECONDS={seconds}, {cache_kind})   p50 / p95: 1 client, 10 clients")
        figures[mode] = run_server(
            environment(database_url, static_root, PAGE_CACHE_SECONDS=seconds, **cache_env),
            pages,
            args.workers,
            args.calls,
            args.concurrent_calls,
        )

    print(f"\n{cache_kind} as cache")
    print("| page type |" + "".join(f" {mode}, 1 client | {mode}, 10 clients |" for mode in figures))
    print("| --- |" + " --- | --- |" * len(figures))
    for name in pages:
        cells = [
            f"{figures[mode][name][clients][0]:.1f} / {figures[mode][name][clients][1]:.1f} ms"
            for mode in figures
            for clients in ("1 client", "10 clients")
        ]
        print(f"| {name} | " + " | ".join(cells) + " |")
    (CACHE / "bench-pages.json").write_text(
        json.dumps({"workers": args.workers, "cache": cache_kind, "figures": figures}, indent=2)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
