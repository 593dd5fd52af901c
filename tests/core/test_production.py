"""The site as it runs in production: gunicorn with two workers under config.settings.production,
static files collected by WhiteNoise's manifest storage, the caches in a real Redis server, the
database the tests use. Everything on 127.0.0.1."""

import http.client
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from tests.core.pages import SALA_BROADBAND_URL, publish_menu_section, publish_sala_broadband
from tests.core.redis_server import PATIENT_TIMEOUT, RedisServer, free_port, redis_caches

ROOT = Path(__file__).resolve().parents[2]
PUBLIC_PAGES = [
    "/",
    "/kommuner/sala/",
    "/kommuner/sala/bredband/",
    "/digital-hjalp/",
    "/kommuner/sala/sala-stadsbibliotek/",
    "/e-tjanster/flytta/?kommun=1981",
    "/sok/?q=bredband",
    "/api/search/?q=fiber",
    "/api/sessions.json",
    "/en/",
    "/ar/",
]


def production_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "OPENSEARCH_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="test-only-" + "Zq8#vW2!pL5@xR9$" * 4,
        EMAIL_HOST="127.0.0.1",  # production insists on a relay; nothing is mailed here
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        PAGE_CACHE_SECONDS="300",
        **extra,
    )
    return env


def database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip(
            "gunicorn needs a database another process can open: run with DATABASE_URL=postgres://… (CI)"
        )
    host, port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{host}:{port}/{db['NAME']}"


def request(port: int, method: str, path: str, headers=None, body=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body, headers={"Host": "127.0.0.1", **(headers or {})})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


@pytest.fixture(scope="module", name="static_root")
def static_root_fixture(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=production_env(STATIC_ROOT=str(root)),
        check=True,
    )
    return root


def start_gunicorn(env: dict, workers: int = 2) -> tuple[subprocess.Popen, int]:
    """gunicorn serving the site on a free port of 127.0.0.1; returns once it answers."""
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            if request(port, "GET", "/robots.txt")[0] == 200:
                return server, port
        except OSError:
            pass
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            pytest.fail("gunicorn did not start")
        time.sleep(0.2)


def stop_gunicorn(server: subprocess.Popen) -> None:
    server.terminate()
    server.wait(20)


@pytest.fixture
def stack(static_root, django_db_blocker):
    """Redis and gunicorn (two workers) under production settings; stopped afterwards."""
    with django_db_blocker.unblock():
        url = database_url()
    redis = RedisServer().start()
    env = production_env(
        STATIC_ROOT=str(static_root),
        REDIS_URL=redis.url,
        REDIS_TIMEOUT=str(PATIENT_TIMEOUT),
        DATABASE_URL=url,
    )
    try:
        server, port = start_gunicorn(env)
    except BaseException:
        redis.remove()
        raise
    yield port, redis
    stop_gunicorn(server)
    redis.remove()


@pytest.mark.django_db(transaction=True)
def test_hashed_static_files_are_compressed_and_cached_for_a_year(stack, static_root):
    port, _redis = stack
    hashed = next(
        p.name for p in (static_root / "css").iterdir() if re.fullmatch(r"site\.[0-9a-f]{12}\.css", p.name)
    )
    for encoding in ("br", "gzip"):
        status, headers, body = request(port, "GET", f"/static/css/{hashed}", {"Accept-Encoding": encoding})
        assert status == 200 and headers["Content-Encoding"] == encoding
        assert "immutable" in headers["Cache-Control"]
        max_age = int(re.search(r"max-age=(\d+)", headers["Cache-Control"]).group(1))
        assert max_age >= 31536000
        assert len(body) < (static_root / "css" / hashed).stat().st_size
    status, headers, _ = request(port, "HEAD", f"/static/css/{hashed}")
    assert status == 200 and "immutable" in headers["Cache-Control"]
    # Pages link the hashed name, so a new deployment's stylesheet is a new URL.
    status, _headers, body = request(port, "GET", "/robots.txt")
    assert status == 200


@pytest.mark.django_db(transaction=True)
def test_under_production_settings_with_two_workers_and_redis(stack, demo_committed, settings):
    port, redis = stack
    settings.CACHES = redis_caches(redis.url)  # this process publishes, as a third app server would
    status, headers, body = request(port, "GET", "/")
    html = body.decode()
    assert status == 200 and headers["Cache-Control"] == "public, max-age=300"
    assert re.search(r'href="/static/css/site\.[0-9a-f]{12}\.css"', html)
    status, headers, body = request(port, "HEAD", "/kommuner/sala/")
    assert status == 200 and body == b"" and headers["Content-Type"].startswith("text/html")

    status, headers, body = request(port, "GET", "/finns-inte/")
    assert status == 404 and 'role="search"' in body.decode() and 'class="site-header"' in body.decode()
    # A pasted text as a search (6 KB of URL): the site's own answer, not gunicorn's bare 414.
    status, _headers, body = request(port, "GET", "/sok/?q=" + "bredband+" * 700)
    assert status == 200 and 'role="search"' in body.decode()
    assert request(port, "GET", "/healthz")[2].decode().count('"cache": "ok"') == 1

    # A publish handled anywhere is seen by every worker on the next request.
    url = SALA_BROADBAND_URL
    for _ in range(12):
        assert request(port, "GET", url)[0] == 200
    publish_sala_broadband("Nytt om fibern i Sala.")
    answers = [request(port, "GET", url)[2].decode() for _ in range(12)]
    assert all("Nytt om fibern i Sala." in html for html in answers)
    # The chrome each worker remembers (core.cache.remembered) follows too.
    publish_menu_section(title="Självservice på nätet")
    answers = [request(port, "GET", url)[2].decode() for _ in range(12)]
    assert all('<a href="/e-tjanster/">Självservice på nätet</a>' in html for html in answers)

    # Redis stopped mid-run: every public page still answers, uncached; /healthz says so.
    redis.stop()
    statuses = [request(port, "GET", path)[0] for path in PUBLIC_PAGES * 2]
    assert [s for s in statuses if s >= 500] == []
    assert set(statuses) == {200}
    status, _headers, body = request(port, "GET", "/healthz")
    assert status == 200 and '"cache": "unavailable' in body.decode()


def test_gunicorn_started_in_the_checkout_reads_the_projects_settings():
    """gunicorn.conf.py: the long-URL bound, the workers' startup hook, the heartbeat file in memory."""
    printed = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--print-config", "config.wsgi:application"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    config = dict(re.findall(r"^(\w+)\s+= (.*)$", printed, re.MULTILINE))
    assert config["limit_request_line"] == "8190"
    assert config["post_worker_init"] == "<post_worker_init()>"
    assert config["worker_tmp_dir"] == "/dev/shm"  # Linux always has it; a disk-backed file can stall
