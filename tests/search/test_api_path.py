"""What the search API does besides asking the engine: the query log written in batches off the
request path, a bounded number of database queries per search, and searching and typing with the
shared cache (real Redis, started by the test) stopped."""

import time

import pytest
from django.core.cache import caches
from django.db import OperationalError, connection

from search import querylog
from search.models import QueryLog
from tests.core.redis_server import redis_cache_fixture, redis_caches, redis_server_fixture  # noqa: F401
from tests.search import api, suggest


@pytest.fixture
def batched_log(settings):
    """The log as production writes it: buffered, written by `flush()` (here never by the thread)."""
    querylog.flush()
    settings.SEARCH_LOG_FLUSH_SECONDS = 3600
    yield
    querylog._buffer.clear()
    stop_writer(settings)


def stop_writer(settings):
    """Back to writing at once (the test settings); the writer thread sees it and ends."""
    settings.SEARCH_LOG_FLUSH_SECONDS = 0
    querylog._wake.set()
    if querylog._thread is not None:
        querylog._thread.join(5)
        assert not querylog._thread.is_alive()


# --- the query log ----------------------------------------------------------------------------------
@pytest.mark.django_db
def test_searches_are_noted_without_a_write_and_written_in_one_batch(client, admin_client, demo, batched_log):
    with_personal_data = "Anna@Example.se 19800101-1234 bankid"
    api(client, q=with_personal_data)
    api(client, q="qwxzvkj")
    api(client, q="fiber", page=2)  # only first pages are logged
    assert not QueryLog.objects.exists()
    assert querylog.pending() == 2
    # Masked before it is kept in memory, not only before it is stored.
    assert all("anna" not in entry.query for entry in querylog._buffer)

    assert querylog.flush() == 2
    assert querylog.pending() == 0
    stored = dict(QueryLog.objects.values_list("query", "hits"))
    assert stored == {
        "[e-post] [personnummer] bankid": stored["[e-post] [personnummer] bankid"],
        "qwxzvkj": 0,
    }
    assert "qwxzvkj" in admin_client.get("/admin/sokningar/").content.decode()  # the zero-hit report


@pytest.mark.django_db
def test_a_write_the_database_refuses_keeps_every_entry_for_the_next_batch(client, demo, batched_log):
    api(client, q="fiber")
    api(client, q="bankid")

    def locked(execute, sql, params, many, context):
        if "search_querylog" in sql and sql.lstrip().upper().startswith("INSERT"):
            raise OperationalError("database is locked")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(locked):
        assert querylog.flush() == 0
    assert querylog.pending() == 2 and not QueryLog.objects.exists()
    assert querylog.flush() == 2
    assert sorted(QueryLog.objects.values_list("query", flat=True)) == ["bankid", "fiber"]


@pytest.mark.django_db(transaction=True)
def test_the_writer_thread_writes_the_log_after_the_answer(client, demo_committed, settings):
    QueryLog.objects.all().delete()
    settings.SEARCH_LOG_FLUSH_SECONDS = 0.05
    api(client, q="fiber 070-1234567")
    deadline = time.monotonic() + 10
    while not QueryLog.objects.exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # waiting for the writer thread's batch, not for indexing
    assert list(QueryLog.objects.values_list("query", flat=True)) == ["fiber [telefon]"]
    stop_writer(settings)
    QueryLog.objects.all().delete()


# --- queries per search -------------------------------------------------------------------------------
@pytest.mark.search_engine
@pytest.mark.django_db
def test_an_engine_search_makes_no_database_query_once_the_vocabulary_is_cached(
    engine, client, batched_log, django_assert_max_num_queries
):
    api(client, q="bredband sala")  # fills the cached synonyms, places and promoted queries
    with django_assert_max_num_queries(0):
        data = api(client, q="bredbandsstöd", kommun="1981")
    assert data["engine"] == "opensearch" and data["total"] > 0
    with django_assert_max_num_queries(0):
        assert suggest(client, q="bredbandss")["engine"] == "opensearch"
    assert querylog.pending() == 2


@pytest.mark.search_engine
@pytest.mark.django_db
def test_an_english_answer_links_the_readers_copies_without_a_query_once_known_and_follows_a_move(
    engine, client, batched_log, django_assert_max_num_queries
):
    from wagtail.models import Page

    def linked(data):
        return {
            hit["id"]: hit["url"]
            for hit in data["hits"]
            if hit["language"] == "sv" and hit["url"].startswith("/en/")
        }

    first = linked(api(client, q="bankid", lang="en"))
    assert len(first) >= 3
    with django_assert_max_num_queries(0):
        assert linked(api(client, q="bankid", lang="en")) == first
    # A copy moves (the site token is replaced): the next answer links its new address.
    doc_id, url = next(iter(first.items()))
    copy = Page.objects.get(alias_of_id=int(doc_id.partition("-")[2]), locale__language_code="en")
    copy.move(copy.get_parent().get_parent(), pos="last-child")
    copy.refresh_from_db()
    assert linked(api(client, q="bankid", lang="en"))[doc_id] == copy.get_url() != url


@pytest.mark.search_engine
@pytest.mark.django_db
def test_a_copy_made_after_a_search_is_linked_at_the_next(engine, client):
    """wagtail-localize makes a new page's copies after it is published, which replaces no token: a
    page without a copy is not remembered as having none."""
    from wagtail.models import Locale

    from home.models import MunicipalityPage, StandardPage
    from tests.search import publish_child

    sala = MunicipalityPage.objects.get(code="1981", locale__language_code="sv")
    page = publish_child(
        engine, sala, StandardPage(title="Kvarnlotsning i Sala", slug="kvarnlotsning", live=False)
    )
    before = api(client, q="kvarnlotsning", lang="en")["hits"]
    assert [hit["url"] for hit in before] == [page.get_url()]
    page.refresh_from_db()  # live, as wagtail-localize reads it
    copy = page.copy_for_translation(Locale.objects.get(language_code="en"), alias=True)
    assert copy.live
    after = api(client, q="kvarnlotsning", lang="en")["hits"]
    assert [hit["url"] for hit in after] == [copy.get_url()] and copy.get_url().startswith("/en/")


@pytest.mark.django_db
def test_the_vocabulary_is_one_cache_round_trip(demo, settings, redis_cache):
    from search.service import vocabulary

    first = vocabulary("sv")
    assert first.synonyms and "sala" in first.places
    calls = []
    store = caches["default"]
    original = store.get_many
    store.get_many = lambda keys, version=None: calls.append(list(keys)) or original(keys, version)
    try:
        again = vocabulary("sv")
    finally:
        del store.get_many
    assert len(calls) == 1 and len(calls[0]) == 3
    assert again == first


# --- the shared cache stopped ---------------------------------------------------------------------------
@pytest.mark.search_engine
@pytest.mark.django_db
@pytest.mark.parametrize(
    "backend",
    [
        "core.cache_backends.ResilientRedisCache",  # as the site runs (REDIS_URL)
        "django.core.cache.backends.redis.RedisCache",  # a cache that raises: search still answers
    ],
)
def test_search_and_suggestions_answer_from_the_engine_with_redis_stopped(
    engine, client, settings, redis_server, backend
):
    config = redis_caches(redis_server.url)
    for alias in config:
        config[alias]["BACKEND"] = backend
    settings.CACHES = config
    with_redis = api(client, q="bidrag bredband landsbygd")
    typed = suggest(client, q="bredbandss")
    assert with_redis["engine"] == "opensearch" and with_redis["total"] > 0
    assert typed["engine"] == "opensearch" and typed["suggestions"]

    redis_server.stop()
    for alias in config:
        caches[alias].close()
    without = api(client, q="bidrag bredband landsbygd")
    assert without["engine"] == "opensearch"
    assert [h["url"] for h in without["hits"]] == [h["url"] for h in with_redis["hits"]]
    assert suggest(client, q="bredbandss") == typed
    if backend.startswith("core."):
        # The page also renders Wagtail's parts, which read the cache themselves (site root paths).
        page = client.get("/sok/", {"q": "bidrag bredband landsbygd"})
        assert page.status_code == 200
        assert with_redis["hits"][0]["title"] in page.content.decode()
