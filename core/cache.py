"""Cache anonymous page views per page, language and query string; invalidate what changed.

Each cached page is stored (in the "pages" cache) together with the *tags* it depends on and the
token each tag had when the page was rendered. Tokens live in the "default" cache, never evicted by
page traffic. A cached page is served only while every one of its tokens is unchanged.

- Every page depends on the tag `site`. Publishing, unpublishing, moving or deleting a page, and
  saving a snippet or other content an app follows, replace the `site` token: every cached page is
  outdated at once, because pages list each other's content (the start page shows sessions,
  municipality pages show operators). Correct first; publishes are rare.
- Data that changes often and is shown on few pages gets tags of its own. Code that reads such data
  while a page renders calls `depends_on("<tag>", ...)` (e.g. the seats left of a help-session series:
  `help-session:<translation key>`); a change replaces only those tokens (`invalidate(...)`). A booking
  thus outdates the pages that show that series' seats, and nothing else.
- Data no public page shows (reports, link checks, reminders) invalidates nothing.

Tokens are unique random values, not counters: a token that was evicted or lost comes back as a new
value, so an old page can never match it again. When the cache does not answer, pages render
uncached (core/cache_backends.py).

Below the page cache, `remembered(key, compute)` keeps site-wide data every render needs (the site
for a host name, the locales, the menu, the filters' choices) in the memory of each process, valid
while the `site` token is unchanged: the token is read once per request, so a publish or a saved
snippet is seen by every worker at its next request, like the page cache. It works whether or not
pages are cached (PAGE_CACHE_SECONDS=0); when the cache does not answer, nothing is remembered.
"""

import contextvars
import datetime
import hashlib
import logging
import threading
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.utils import timezone, translation

logger = logging.getLogger("envagin.cache")

SITE = "site"
TOKEN_PREFIX = "envagin:page-tag:"
MAX_CACHED_QUERY = 200  # longer query strings are rendered but not cached (no cache flooding)

_tags: contextvars.ContextVar[dict | None] = contextvars.ContextVar("envagin_page_tags", default=None)


def _tokens(tags) -> dict[str, str]:
    """The current token of each tag, creating the missing ones. Empty when the cache is down."""
    store = caches["default"]
    keys = {TOKEN_PREFIX + tag: tag for tag in tags}
    found = store.get_many(list(keys))
    for key in keys.keys() - found.keys():
        store.add(key, uuid.uuid4().hex, timeout=None)
        value = store.get(key)
        if value is None:
            return {}  # the cache does not answer: nothing can be validated
        found[key] = value
    return {keys[key]: value for key, value in found.items()}


def depends_on(*tags: str) -> None:
    """The page being rendered shows data with these tags; call it before reading the data."""
    recorded = _tags.get()
    if recorded is None or not tags:
        return
    new = [tag for tag in tags if tag not in recorded]
    if new:
        tokens = _tokens(new)
        for tag in new:
            recorded[tag] = tokens.get(tag)  # None: unknown, so the page will not be stored


# Tags whose new token did not reach the cache (it did not answer when their data changed). The
# cache still holds the old tokens, so when it answers again every worker would serve the old pages
# (and remembered data) until they expire. Until the new tokens are sent, this process renders
# uncached and remembers nothing, and it sends them at the start of its next request or task.
_unsent: set[str] = set()
_unsent_lock = threading.Lock()


def _replace(tags, *, later: bool = True) -> bool:
    """New tokens for these tags; False (and kept for `catch_up`) when the cache did not take them.
    With `later`, a task is also queued to send them (the process may exit before it catches up)."""
    not_stored = caches["default"].set_many(
        {TOKEN_PREFIX + tag: uuid.uuid4().hex for tag in tags}, timeout=None
    )
    with _unsent_lock:
        if not_stored:
            _unsent.update(tags)
        else:
            _unsent.difference_update(tags)
    if not_stored and later:
        send_later(sorted(tags), time.time())
    return not not_stored


def _give_up_after() -> float:
    """After this long, no page or remembered value that an old token could keep valid is left."""
    return max(settings.PAGE_CACHE_SECONDS, REMEMBER_SECONDS) + 60


def send_later(tags: list[str], since: float) -> None:
    """Queue `core.tasks.send_cache_tokens`: a short-lived process (a command, a shell) may exit
    before its next request or task, and Redis may come back with the old tokens. The task row is
    written in the change's own transaction, so it is kept exactly when the change is."""
    from core.tasks import send_cache_tokens

    if not send_cache_tokens.get_backend().supports_defer:
        return  # tests' immediate backend: it would retry at once, in a loop; `catch_up` remains
    delay = min(60.0, 5.0 * 2 ** int((time.time() - since) // 60))
    try:
        run_after = timezone.now() + datetime.timedelta(seconds=delay)
        with transaction.atomic():  # a savepoint: a failure here never breaks the change's transaction
            send_cache_tokens.using(run_after=run_after).enqueue(tags, since)
    except Exception:  # the database is down too: this process still catches up by itself
        logger.warning("Could not queue the page-cache tokens %s; this process sends them itself.", tags)


def send_tokens(tags: list[str], since: float) -> str:
    """The task's work: new tokens for these tags now, or again later while it still matters."""
    if _replace(tags, later=False):
        return "sent"
    if time.time() - since > _give_up_after():
        return "given up: every page an old token kept valid has expired"
    send_later(tags, since)
    return "the cache does not answer: queued again"


def catch_up() -> bool:
    """Send the tokens a change could not send while the cache was down; True when none are left."""
    if not _unsent:
        return True
    with _unsent_lock:
        tags = sorted(_unsent)
    return _replace(tags, later=False)  # the failed change queued its task; no task per request


def invalidate(*tags: str) -> None:
    """Outdate every cached page that depends on these tags: now, and again once the transaction
    commits (a page rendered meanwhile from the old data must not survive the commit). When the
    cache does not answer, the new tokens are sent once it does (`catch_up`)."""

    def replace():
        _replace(tags)
        if SITE in tags:
            forget()

    replace()
    transaction.on_commit(replace)


def invalidate_site(**kwargs) -> None:
    """Outdate every cached page (signal receiver: any publish, unpublish, move or deletion)."""
    invalidate(SITE)


def _cacheable(request) -> bool:
    if request.method not in ("GET", "HEAD") or settings.PAGE_CACHE_SECONDS <= 0:
        return False
    if getattr(request, "is_preview", False) or len(request.META.get("QUERY_STRING", "")) > MAX_CACHED_QUERY:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _still_valid(entry) -> bool:
    stored = entry.get("tags") or {}
    if not stored or SITE not in stored:
        return False
    current = caches["default"].get_many([TOKEN_PREFIX + tag for tag in stored])
    return all(current.get(TOKEN_PREFIX + tag) == token for tag, token in stored.items())


def serve_cached(page, request, produce):
    if not _cacheable(request) or not catch_up():
        return produce()
    raw = f"{page.pk}|{translation.get_language()}|{request.get_full_path()}"
    key = "page:" + hashlib.sha256(raw.encode()).hexdigest()
    pages = caches["pages"]
    entry = pages.get(key)
    if isinstance(entry, dict) and _still_valid(entry):
        return entry["response"]
    recorded = dict(_tokens([SITE]))
    reset = _tags.set(recorded)
    try:
        response = produce()
        if hasattr(response, "render") and not getattr(response, "is_rendered", True):
            response.render()
    finally:
        _tags.reset(reset)
    storable = recorded.get(SITE) is not None and all(token is not None for token in recorded.values())
    if storable and response.status_code == 200 and not response.cookies:
        pages.set(key, {"tags": recorded, "response": response}, settings.PAGE_CACHE_SECONDS)
    return response


# The process's memory of site-wide data: key → (site token, time stored, value).
_remembered: dict = {}
REMEMBER_SECONDS = 600  # a bound even if a change ever bypassed the signals (a raw UPDATE)
REMEMBER_MAX = 5000  # keys (one per language, host, page translated...): forgotten all at once beyond
_request = threading.local()
_UNREAD = object()


def _request_started(**kwargs) -> None:
    _request.token = _UNREAD


def _request_finished(**kwargs) -> None:
    _request.token = None


request_started.connect(_request_started, weak=False, dispatch_uid="envagin-remembered-start")
request_finished.connect(_request_finished, weak=False, dispatch_uid="envagin-remembered-end")


def _site_token() -> str | None:
    """The `site` token, read once per request; None outside a request or when the cache is down."""
    token = getattr(_request, "token", None)
    if token is _UNREAD:
        try:
            token = _tokens([SITE]).get(SITE) if catch_up() else None
        except Exception:  # a cache backend without the resilient guard raises when it is down
            token = None
        _request.token = token
    return token


def remembered(key, compute, *, keep_none: bool = True):
    """`compute()`, kept in this process while the `site` token is unchanged (see the module's text).

    Only for data every visitor sees alike and whose every change replaces the `site` token (pages
    through publishing; snippets, settings, sites and locales through core/signals.py). Outside a
    request (commands, the admin's background work) and when the cache is down it computes each time.
    With `keep_none=False` a None (nothing found) is not kept: it is looked for again next time.
    """
    token = _site_token()
    if token is None:
        return compute()
    found = _remembered.get(key)
    now = time.monotonic()
    if found is not None and found[0] == token and now - found[1] < REMEMBER_SECONDS:
        return found[2]
    value = compute()
    if value is None and not keep_none:
        return value
    if len(_remembered) >= REMEMBER_MAX:
        _remembered.clear()
    _remembered[key] = (token, now, value)
    return value


def forget() -> None:
    """Drop what this process remembers (other processes see the new `site` token)."""
    _remembered.clear()
