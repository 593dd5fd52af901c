import pytest
from django.conf import settings as django_settings
from django.core.cache import caches

from core import cache_backends
from tests.core.redis_server import RedisServer, redis_caches


@pytest.fixture
def redis_server():
    server = RedisServer().start()
    yield server
    server.stop()


@pytest.fixture
def redis_cache(redis_server, settings):
    """The site's caches in a real Redis server of the test's own (stopped afterwards)."""
    settings.CACHES = redis_caches(redis_server.url)
    cache_backends._down_until.clear()
    yield redis_server
    cache_backends._down_until.clear()
    for alias in django_settings.CACHES:
        caches[alias].close()
