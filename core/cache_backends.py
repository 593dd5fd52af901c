"""Django's Redis cache, made to fail soft: when Redis does not answer, the site goes on without it.

Every operation has a short socket timeout (settings: `REDIS_TIMEOUT`, default 0.25 s). A connection
error or a timeout is logged and answered as a miss: `get` returns the default, `add`/`set`/`delete`
report nothing stored, `incr` returns None (the rate limits read that as "not counted" and allow the
request, logging it). After a failure the process does not try Redis again for `RETRY_SECONDS`, so a
dead or frozen Redis costs one timeout per worker every few seconds instead of one per request.
Pages then render uncached and `/healthz` reports the cache as unavailable.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("envagin.cache")

RETRY_SECONDS = 5.0

# Shared by every thread's backend instance in this process, per Redis location.
_down_until: dict[str, float] = {}
_lock = threading.Lock()


class CacheUnavailable(Exception):
    """Raised by `ping()` only: every other operation answers as if the key were missing."""


def _fail_soft(name: str, fallback):
    """Django's `RedisCache.<name>`, answering `fallback(*arguments)` when Redis does not."""
    operation = getattr(RedisCache, name)

    def method(self, *args, **kwargs):
        return self._try(name, lambda: operation(self, *args, **kwargs), fallback(*args, **kwargs))

    method.__name__ = name
    method.__doc__ = operation.__doc__
    return method


class ResilientRedisCache(RedisCache):
    def _location(self) -> str:
        return ",".join(self._servers)

    def is_down(self) -> bool:
        return _down_until.get(self._location(), 0.0) > time.monotonic()

    def _failed(self, operation: str, exc: Exception) -> None:
        with _lock:
            first = not self.is_down()
            _down_until[self._location()] = time.monotonic() + RETRY_SECONDS
        if first:
            logger.warning(
                "Cache unavailable (%s: %s): pages render uncached and rate limits allow every request "
                "until it answers; retrying in %.0f s.",
                operation,
                type(exc).__name__,
                RETRY_SECONDS,
            )

    def _try(self, operation: str, call, fallback):
        if self.is_down():
            return fallback
        try:
            return call()
        except RedisError as exc:
            self._failed(operation, exc)
            return fallback

    def ping(self) -> None:
        """For the health check: a real round trip, ignoring the back-off; raises CacheUnavailable."""
        try:
            self._cache.get_client(write=False).ping()
        except RedisError as exc:
            self._failed("ping", exc)
            raise CacheUnavailable(type(exc).__name__) from exc
        with _lock:
            _down_until.pop(self._location(), None)

    add = _fail_soft("add", lambda *args, **kwargs: False)
    get = _fail_soft("get", lambda key, default=None, version=None: default)
    set = _fail_soft("set", lambda *args, **kwargs: None)
    touch = _fail_soft("touch", lambda *args, **kwargs: False)
    delete = _fail_soft("delete", lambda *args, **kwargs: False)
    get_many = _fail_soft("get_many", lambda *args, **kwargs: {})
    has_key = _fail_soft("has_key", lambda *args, **kwargs: False)
    incr = _fail_soft("incr", lambda *args, **kwargs: None)
    set_many = _fail_soft("set_many", lambda data, *args, **kwargs: list(data))  # the keys not stored
    delete_many = _fail_soft("delete_many", lambda *args, **kwargs: None)

    def clear(self):
        """Deletes this alias's keys only (its KEY_PREFIX), not the whole Redis database."""
        if not self.key_prefix:
            base = super()
            return self._try("clear", lambda: base.clear(), False)

        def delete_prefixed():
            client = self._cache.get_client(write=True)
            keys = list(client.scan_iter(match=f"{self.key_prefix}:*", count=1000))
            for start in range(0, len(keys), 1000):
                client.delete(*keys[start : start + 1000])
            return bool(keys)

        return self._try("clear", delete_prefixed, False)
