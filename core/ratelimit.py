"""Per-address rate limits for public forms, kept in the shared cache (works across app servers).

The address is hashed with the secret key and only ever used as a cache key: nothing is stored.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


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
    return count > limit
