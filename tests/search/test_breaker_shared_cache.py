"""The breaker's state lives in the shared cache (real Redis, started on 127.0.0.1 by the test), so
every app server agrees on it; with the cache down it counts as closed and never raises."""

import time

import redis
from opensearchpy.exceptions import ConnectionError as EngineConnectionError
from opensearchpy.exceptions import ConnectionTimeout, RequestError

from search import breaker
from tests.core.redis_server import redis_server_fixture  # noqa: F401 (fixture)


def test_the_breaker_is_shared_through_redis_and_a_dead_cache_counts_as_closed(settings, redis_server):
    other_server = redis.Redis.from_url(redis_server.url)
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_server.url}
    }
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

    redis_server.stop()
    # The cache is gone: the breaker neither raises nor blocks; the engine's own timeout bounds calls.
    assert breaker.acquire() == breaker.CLOSED and breaker.state() == breaker.CLOSED
    breaker.failed(EngineConnectionError("N/A", "refused", None))
    breaker.succeeded(breaker.PROBE)
    breaker.release(breaker.PROBE)
