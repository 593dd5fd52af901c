"""Cache anonymous page views per page, language and query string; invalidate on publish.

A generation number in the shared cache is part of every key. Publishing, unpublishing, moving or
deleting a page, or saving a snippet, bumps it, so every cached page is outdated at once (pages list
each other's content: the start page shows sessions, municipality pages show operators). Being in the
shared cache, it works across several app servers.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

GENERATION_KEY = "envagin:page-cache-generation"


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def bump_generation(**kwargs) -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def _cacheable(request) -> bool:
    if request.method not in ("GET", "HEAD") or settings.PAGE_CACHE_SECONDS <= 0:
        return False
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def serve_cached(page, request, produce):
    if not _cacheable(request):
        return produce()
    raw = f"{generation()}|{page.pk}|{translation.get_language()}|{request.get_full_path()}"
    key = "envagin:page:" + hashlib.sha256(raw.encode()).hexdigest()
    response = cache.get(key)
    if response is not None:
        return response
    response = produce()
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    if response.status_code == 200 and not response.cookies:
        cache.set(key, response, settings.PAGE_CACHE_SECONDS)
    return response
