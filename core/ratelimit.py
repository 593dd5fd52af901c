"""Per-address rate limits for public forms, kept in the shared cache (works across app servers).

The address is hashed with the secret key and only ever used as a cache key: nothing is stored.
The counters live in the "default" cache, which page traffic never evicts. When the cache does not
answer, limits degrade openly: the request is allowed and a warning is logged (a form that works for
everyone beats a form that fails for everyone while Redis is away).
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger("envagin.ratelimit")


def client_key(request) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_HOPS
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [part.strip() for part in header.split(",") if part.strip()]
    if hops and len(forwarded) >= hops:
        address = forwarded[-hops]  # the address the first trusted proxy saw
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:24]


def rate_limited(request, scope: str, limit: int, window: int = 600) -> bool:
    """True when this address has made more than `limit` attempts in `window` seconds (counts this one)."""
    key = f"envagin:rate:{scope}:{client_key(request)}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, window)
        count = 1
    if count is None:  # the cache did not answer (core/cache_backends.py)
        logger.warning("Rate limit %r not enforced: the cache is unavailable; request allowed.", scope)
        return False
    return count > limit
