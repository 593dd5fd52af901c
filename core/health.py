"""`/healthz`: what the site stands on, each part reported on its own.

core checks the database and the caches; other apps add their parts with `register_check(name,
function)` (search adds the engine and the outbox). A check returns a JSON value (usually "ok" or
"unavailable: …"); only the database is required, so the answer is 503 only when it is down: with
the cache or the engine down the site still serves pages (uncached, or searching the database), and
a load balancer must not take every app server out because of a shared part.
"""

from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.db import connection

from core.cache_backends import CacheUnavailable

CHECKS: dict[str, Callable[[], object]] = {}


def register_check(name: str, check: Callable[[], object]) -> None:
    CHECKS[name] = check


def check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # report, never raise
        return f"error: {type(exc).__name__}"
    return "ok"


def check_cache() -> str:
    """ "ok" (Redis answers), "memory" (each process its own: one machine only) or "unavailable: …"."""
    states = []
    for alias in settings.CACHES:
        backend = caches[alias]
        ping = getattr(backend, "ping", None)
        if ping is None:
            states.append("memory")
            continue
        try:
            ping()
        except CacheUnavailable as exc:
            return f"unavailable: {exc}"
        states.append("ok")
    return "ok" if all(state == "ok" for state in states) else "memory"


def run_checks() -> tuple[dict, bool]:
    status = {"database": check_database(), "cache": check_cache()}
    for name, check in CHECKS.items():
        try:
            status[name] = check()
        except Exception as exc:  # a check that fails is reported, never raised
            status[name] = f"error: {type(exc).__name__}"
    return status, status["database"] == "ok"
