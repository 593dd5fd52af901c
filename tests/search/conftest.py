"""The real OpenSearch node for search tests.

`make test` starts a local node and passes its URL; with REQUIRE_SEARCH_ENGINE=1 (CI) a missing
node fails these tests instead of skipping them. The demo county is indexed once per session under
a prefix of its own; tests that add pages remove their documents again afterwards.
"""

import uuid

import pytest
from django.conf import settings as django_settings

from tests.conftest import search_engine_required

PREFIX = f"envagin-test-{uuid.uuid4().hex[:8]}"


def _engine_url() -> str:
    url = getattr(django_settings, "TEST_OPENSEARCH_URL", "")
    if not url:
        if search_engine_required():
            pytest.fail("REQUIRE_SEARCH_ENGINE=1 but no OPENSEARCH_URL: the search node did not start")
        pytest.skip("no search engine configured (make test starts one)")
    return url


@pytest.fixture(scope="session")
def indexed_demo(django_db_setup, django_db_blocker):
    url = _engine_url()
    from django.test import override_settings

    from search.indexing import rebuild

    with override_settings(OPENSEARCH_URL=url, OPENSEARCH_INDEX_PREFIX=PREFIX), django_db_blocker.unblock():
        rebuild()
    yield url
    from opensearchpy import OpenSearch

    OpenSearch(hosts=[url]).indices.delete(index=f"{PREFIX}-*", ignore_unavailable=True)


@pytest.fixture
def engine(indexed_demo, settings, demo, django_capture_on_commit_callbacks):
    """The engine switched on for one test. Documents of pages the test creates are removed after."""
    from wagtail.models import Page

    from search.indexes import alias_name, client
    from search.indexing import languages, refresh

    settings.OPENSEARCH_URL = indexed_demo
    settings.OPENSEARCH_INDEX_PREFIX = PREFIX
    highest = Page.objects.order_by("-pk").values_list("pk", flat=True).first()
    yield django_capture_on_commit_callbacks
    es = client()
    for language in languages():
        es.delete_by_query(
            index=alias_name(language),
            body={"query": {"range": {"page_id": {"gt": highest}}}},
            refresh=True,
            conflicts="proceed",
        )
    refresh()
