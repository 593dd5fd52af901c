"""The page cache and the rate limits in a real Redis server, and what happens when it goes away."""

import datetime
import logging

import pytest
import redis
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.ratelimit import rate_limited
from tests.core.pages import SALA_BROADBAND_URL, publish_sala_broadband
from tests.core.redis_server import redis_cache_fixture, redis_caches, redis_server_fixture  # noqa: F401 (fixtures)
from tests.services.test_booking import bookable_session, post_booking

pytestmark = pytest.mark.django_db

SESSION_LISTING_FREE = "/e-tjanster/flytta/"  # a guide: shows no session seats


def queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


def page_keys(server) -> list[bytes]:
    return redis.Redis.from_url(server.url).keys("envagin-pages:*")


def test_pages_are_cached_in_redis_and_a_publish_outdates_them(client, demo, settings, redis_cache):
    settings.PAGE_CACHE_SECONDS = 300
    url = SALA_BROADBAND_URL
    uncached, _ = queries(client, url)
    cached, _ = queries(client, url)
    assert cached < uncached - 5  # routing only: the page itself is not rendered
    assert len(page_keys(redis_cache)) == 1
    publish_sala_broadband("Ny mening om läget i Sala.")
    assert "Ny mening om läget i Sala." in client.get(url).content.decode()


def test_a_booking_outdates_the_pages_showing_that_session_and_no_others(client, demo, settings, redis_cache):
    session, day = bookable_session(capacity=3)
    settings.PAGE_CACHE_SECONDS = 300
    library_url = session.get_parent().url
    for url in (session.url, library_url, SESSION_LISTING_FREE):
        queries(client, url)
    cached_guide, _ = queries(client, SESSION_LISTING_FREE)
    _, before = queries(client, session.url)
    assert "3 platser kvar" in before and "2 platser kvar" not in before

    assert post_booking(client, session, day).status_code == 200

    _, after = queries(client, session.url)
    assert "2 platser kvar" in after
    assert "2 platser kvar" in queries(client, library_url)[1]
    assert queries(client, SESSION_LISTING_FREE)[0] == cached_guide  # still served from the cache


def test_a_report_outdates_no_page(client, demo, settings, redis_cache):
    settings.PAGE_CACHE_SECONDS = 300
    url = "/bredband/"
    queries(client, url)
    cached, _ = queries(client, url)
    from broadband.models import CoverageReport

    CoverageReport.objects.create(
        reference="T-1",
        municipality_code="1981",
        place="Kumla by",
        operator=CoverageReport.Operator.choices[0][0],
        problem=CoverageReport.Problem.choices[0][0],
        occurred_on=datetime.date.today(),
    )
    assert queries(client, url)[0] == cached


def test_rate_limits_are_counted_in_redis(rf, redis_cache):
    request = rf.post("/", REMOTE_ADDR="192.0.2.7")
    results = [rate_limited(request, "test", limit=3) for _ in range(5)]
    assert results == [False, False, False, True, True]
    assert redis.Redis.from_url(redis_cache.url).keys("envagin:*rate:test:*")


def test_redis_stopped_mid_run_pages_render_uncached_limits_allow_and_healthz_says_so(
    client, demo, settings, redis_cache, rf, caplog
):
    settings.PAGE_CACHE_SECONDS = 300
    urls = [
        "/",
        "/kommuner/sala/",
        "/digital-hjalp/",
        "/e-tjanster/flytta/",
        "/sok/?q=bredband",
        "/api/search/?q=fiber",
    ]
    for url in urls:
        assert client.get(url).status_code == 200
    assert client.get("/healthz").json()["cache"] == "ok"
    cached, _ = queries(client, "/kommuner/sala/")

    redis_cache.stop()
    with caplog.at_level(logging.WARNING):
        statuses = {url: client.get(url).status_code for url in urls * 2}
        request = rf.post("/", REMOTE_ADDR="192.0.2.8")
        allowed = [rate_limited(request, "test", limit=1) for _ in range(3)]
    assert set(statuses.values()) == {200}, statuses
    assert allowed == [False, False, False]  # degraded openly: allowed ...
    assert "Rate limit 'test' not enforced" in caplog.text  # ... and logged
    assert "Cache unavailable" in caplog.text
    health = client.get("/healthz")
    assert health.status_code == 200 and health.json()["cache"].startswith("unavailable")
    # Rendered, not cached: every request does the page's queries.
    assert queries(client, "/kommuner/sala/")[0] > cached

    redis_cache.start()  # back on the same port: the next health check clears the back-off
    assert client.get("/healthz").json()["cache"] == "ok"
    queries(client, "/kommuner/sala/")
    assert queries(client, "/kommuner/sala/")[0] == cached


def test_a_frozen_redis_costs_a_timeout_not_an_error(client, demo, settings, redis_cache):
    settings.PAGE_CACHE_SECONDS = 300
    settings.CACHES = redis_caches(redis_cache.url, timeout=0.25)  # the site's own timeout
    redis_cache.freeze()
    try:
        assert [client.get(url).status_code for url in ("/", "/kommuner/sala/", "/")] == [200, 200, 200]
        assert client.get("/healthz").json()["cache"].startswith("unavailable")
    finally:
        redis_cache.thaw()


def test_a_publish_while_redis_is_away_reaches_every_worker_once_it_is_back(
    client, demo, settings, redis_cache
):
    """Redis comes back with its data (a managed Redis restarted, a failover): the old token and
    the old page are there again, and every worker would serve the old page until it expired."""
    from core import cache_backends
    from core.cache import SITE, TOKEN_PREFIX

    settings.PAGE_CACHE_SECONDS = 300
    queries(client, SALA_BROADBAND_URL)
    cached, _ = queries(client, SALA_BROADBAND_URL)
    old_token = caches["default"].get(TOKEN_PREFIX + SITE)
    redis_cache.save()
    redis_cache.stop()
    publish_sala_broadband("Skrivet medan Redis var borta.")
    assert "Skrivet medan Redis var borta." in client.get(SALA_BROADBAND_URL).content.decode()
    redis_cache.start()
    cache_backends._down_until.clear()  # as a few seconds later: the back-off is over
    assert caches["default"].get(TOKEN_PREFIX + SITE) == old_token and page_keys(redis_cache)
    # This process sends the token it could not send before it serves anything from the cache.
    uncached, text = queries(client, SALA_BROADBAND_URL)
    assert "Skrivet medan Redis var borta." in text and uncached > cached
    assert caches["default"].get(TOKEN_PREFIX + SITE) not in (None, old_token)
    assert queries(client, SALA_BROADBAND_URL)[0] == cached  # and is served from the cache again


def test_a_publish_by_a_process_that_exits_while_redis_is_away_is_sent_by_the_worker(
    client, demo, settings, redis_cache
):
    """A command or a shell publishes while Redis is away and exits: the task it queued (in the
    publish's transaction) sends the token once Redis is back, and is queued again until then."""
    from core import cache, cache_backends
    from core.tasks import send_cache_tokens

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.PAGE_CACHE_SECONDS = 300
    queries(client, SALA_BROADBAND_URL)
    cached, _ = queries(client, SALA_BROADBAND_URL)
    old_token = caches["default"].get(cache.TOKEN_PREFIX + cache.SITE)
    redis_cache.save()
    redis_cache.stop()
    publish_sala_broadband("Publicerat av ett kommando.")

    def queued():
        return [r for r in send_cache_tokens.get_backend().results if r.task.name == "send_cache_tokens"]

    first = queued()  # one per invalidation the publish made (sending a token twice costs nothing)
    for _ in range(3):  # requests meanwhile try to send it themselves, but queue nothing more
        assert "Publicerat av ett kommando." in client.get(SALA_BROADBAND_URL).content.decode()
        cache_backends._down_until.clear()
    assert len(queued()) == len(first)
    cache._unsent.clear()  # the command's process exits: what it kept in memory is gone
    assert first and all(cache.SITE in r.args[0] and r.task.run_after > r.enqueued_at for r in first)
    cache_backends._down_until.clear()
    assert send_cache_tokens.call(*first[0].args) == "the cache does not answer: queued again"
    assert len(queued()) == len(first) + 1  # tried again later, while an old page could be served

    redis_cache.start()  # back with its snapshot: the old token, the old page
    cache_backends._down_until.clear()
    assert caches["default"].get(cache.TOKEN_PREFIX + cache.SITE) == old_token
    assert send_cache_tokens.call(*queued()[-1].args) == "sent"  # what the worker does
    assert caches["default"].get(cache.TOKEN_PREFIX + cache.SITE) not in (None, old_token)
    uncached, text = queries(client, SALA_BROADBAND_URL)
    assert "Publicerat av ett kommando." in text and uncached > cached


def test_page_traffic_never_evicts_rate_limit_counters_in_the_memory_cache(rf, settings):
    assert settings.CACHES["default"]["LOCATION"] != settings.CACHES["pages"]["LOCATION"]
    request = rf.post("/", REMOTE_ADDR="192.0.2.9")
    assert rate_limited(request, "memory", limit=1) is False
    pages = caches["pages"]
    for n in range(5000):  # far more distinct pages than the page cache keeps
        pages.set(f"page:{n}", b"x" * 10, 300)
    assert rate_limited(request, "memory", limit=1) is True  # the count survived
