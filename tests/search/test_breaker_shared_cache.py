"""The breaker's state lives in the shared cache (real Redis, started on 127.0.0.1 by the test), so
every app server agrees on it; with the cache down it counts as closed and never raises."""

import shutil
import subprocess
import time

import pytest
from opensearchpy.exceptions import ConnectionError as EngineConnectionError
from opensearchpy.exceptions import ConnectionTimeout, RequestError

from search import breaker
from tests.conftest import free_port, search_engine_required


@pytest.fixture
def redis_server(tmp_path):
    binary = shutil.which("redis-server")
    if binary is None:
        if search_engine_required():
            pytest.fail("redis-server is not installed (apt-get install -y redis-server)")
        pytest.skip("redis-server is not installed")
    import redis

    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    connection = redis.Redis.from_url(url)
    for _ in range(100):
        try:
            connection.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)  # waiting for a server process to listen, not for indexing
    yield process, url, connection
    process.terminate()
    process.wait(timeout=10)


def test_the_breaker_is_shared_through_redis_and_a_dead_cache_counts_as_closed(settings, redis_server):
    process, url, other_server = redis_server
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}
    settings.SEARCH_BREAKER_SECONDS = 30

    breaker.failed(RequestError(400, "parsing_exception", {}))
    assert breaker.state() == breaker.CLOSED and not other_server.keys("*search-breaker*")

    breaker.failed(ConnectionTimeout("TIMEOUT", "read timed out", None))
    # Another app server (here: another connection to the same Redis) sees the breaker open.
    assert other_server.keys("*search-breaker*")
    assert breaker.state() == breaker.OPEN and breaker.acquire() == breaker.OPEN

    breaker.open_until(time.time() - 1)
    assert breaker.acquire() == breaker.PROBE
    assert breaker.acquire() == breaker.OPEN  # the probe token is taken, for every server
    breaker.succeeded(breaker.PROBE)
    assert not other_server.keys("*search-breaker*") and breaker.state() == breaker.CLOSED

    process.terminate()
    process.wait(timeout=10)
    # The cache is gone: the breaker neither raises nor blocks; the engine's own timeout bounds calls.
    assert breaker.acquire() == breaker.CLOSED and breaker.state() == breaker.CLOSED
    breaker.failed(EngineConnectionError("N/A", "refused", None))
    breaker.succeeded(breaker.PROBE)
    breaker.release(breaker.PROBE)
