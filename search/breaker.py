"""The circuit breaker in front of the search engine, kept in the shared cache so that every app
server and worker agrees on it.

Closed: requests go to the engine. Only a sign that the engine cannot be reached – a connection
error, a timeout, or a 502/503/504 from a proxy or a node that is starting – opens it; a 400 for one
odd query says the engine is there and never does. While open (`SEARCH_BREAKER_SECONDS`), searches
and suggestions go straight to the database without waiting for the engine, and the outbox waits.
When that time is up the breaker is half-open: the first caller to take the probe token (an atomic
`cache.add`) tries the engine; success closes the breaker, a failure opens it again, and everyone
else keeps using the database meanwhile. If the cache itself is down the breaker counts as closed
(the engine's own client timeout still bounds every call).
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from opensearchpy.exceptions import ConnectionError as EngineConnectionError
from opensearchpy.exceptions import TransportError

log = logging.getLogger(__name__)

STATE_KEY = "envagin:search-breaker"
PROBE_KEY = "envagin:search-breaker-probe"
CLOSED, OPEN, PROBE = "closed", "open", "probe"
UNREACHABLE_STATUSES = {502, 503, 504}


def is_unreachable(exc: BaseException) -> bool:
    """True for errors that mean "the engine is not there" (as opposed to "it refused this request")."""
    if isinstance(exc, EngineConnectionError):  # also ConnectionTimeout and SSLError
        return True
    if isinstance(exc, TransportError):
        return exc.status_code in UNREACHABLE_STATUSES
    return isinstance(exc, OSError | TimeoutError)


def _seconds() -> float:
    return float(getattr(settings, "SEARCH_BREAKER_SECONDS", 30))


def state() -> str:
    """CLOSED, or OPEN (including half-open: the probe is free to take), without taking anything."""
    try:
        until = cache.get(STATE_KEY)
    except Exception:  # the shared cache is down: do not let that stop searches
        return CLOSED
    return CLOSED if until is None else OPEN


def acquire() -> str:
    """May the caller use the engine now? CLOSED (yes), PROBE (yes, as the one half-open probe), OPEN (no)."""
    try:
        until = cache.get(STATE_KEY)
        if until is None:
            return CLOSED
        if time.time() < until:
            return OPEN
        # Half-open: one caller at a time may try. The token expires by itself in case that caller dies.
        probe_seconds = max(settings.OPENSEARCH_TIMEOUT, settings.OPENSEARCH_INDEX_TIMEOUT) + 5
        return PROBE if cache.add(PROBE_KEY, True, timeout=probe_seconds) else OPEN
    except Exception:
        return CLOSED


def succeeded(taken: str) -> None:
    """The engine answered (with results or with a refusal of this one request)."""
    if taken == CLOSED:
        return
    try:
        cache.delete_many([STATE_KEY, PROBE_KEY])
        log.info("search engine answers again: breaker closed")
    except Exception:
        pass


def release(taken: str) -> None:
    """The caller took the probe but did not use the engine after all: let the next caller probe."""
    if taken == PROBE:
        try:
            cache.delete(PROBE_KEY)
        except Exception:
            pass


def failed(exc: BaseException) -> None:
    """Open the breaker if `exc` means the engine cannot be reached; other errors leave it alone."""
    if not is_unreachable(exc):
        return
    seconds = _seconds()
    try:
        # Kept well beyond the open time, so the next caller after it becomes the half-open probe.
        cache.set(STATE_KEY, time.time() + seconds, timeout=int(seconds) + 3600)
        cache.delete(PROBE_KEY)
    except Exception:
        pass
    log.warning("search engine unreachable (%s): breaker open for %s s", type(exc).__name__, seconds)


def reset() -> None:
    """Close the breaker (an operator's `search_sync --force`, tests)."""
    try:
        cache.delete_many([STATE_KEY, PROBE_KEY])
    except Exception:
        pass


def open_until(timestamp: float) -> None:
    """Set the time the breaker opens until (tests and operators: a past time makes it half-open)."""
    cache.set(STATE_KEY, timestamp, timeout=3600)
    cache.delete(PROBE_KEY)
