"""Query counts per page type stay fixed as content grows; anonymous views are cached until publish."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.cache import forget
from home.models import MunicipalityPage
from services.models import LibraryPage
from tests.factories import add_session

pytestmark = pytest.mark.django_db

PAGES = {
    "home": "/",
    "municipality_index": "/kommuner/",
    "municipality": "/kommuner/sala/",
    "municipality_broadband": "/kommuner/sala/bredband/",
    "broadband_index": "/bredband/",
    "broadband_guide": "/bredband/fa-fiber/?kommun=1981",
    "help_index": "/digital-hjalp/",
    "library": "/kommuner/sala/sala-stadsbibliotek/",
    "session": "/kommuner/sala/sala-stadsbibliotek/fa-hjalp-med-bankid/",
    "guide_index": "/e-tjanster/",
    "guide": "/e-tjanster/flytta/?kommun=1981",
    "standard": "/tillganglighetsredogorelse/",
    "arabic_home": "/ar/",
}
MAX_QUERIES = 40


def count_queries(client, url) -> int:
    """The queries of a render right after a publish: what each process remembers of the site
    (core.cache.remembered) is read again; a later render needs no more."""
    client.get(url)  # warm per-process caches (site root paths), as in a running server
    forget()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as again:
        assert client.get(url).status_code == 200
    assert len(again) <= len(queries)
    return len(queries)


def add_ten_libraries():
    sala = MunicipalityPage.objects.get(code="1981", locale__language_code="sv")
    for n in range(10):
        library = sala.add_child(instance=LibraryPage(title=f"Extra bibliotek {n}", slug=f"extra-{n}"))
        add_session(library, title=f"Extra hjälp {n}", slug="hjalp")


def test_query_counts_are_small_and_do_not_grow_with_content(client, demo, settings):
    settings.PAGE_CACHE_SECONDS = 0
    before = {name: count_queries(client, url) for name, url in PAGES.items()}
    for name, count in before.items():
        assert count <= MAX_QUERIES, f"{name}: {count} queries"
    add_ten_libraries()
    after = {name: count_queries(client, url) for name, url in PAGES.items()}
    # Not more; one fewer when none of the occurrences shown takes bookings (no seats to count),
    # which depends on the date the test runs.
    assert all(after[name] <= count for name, count in before.items()), (before, after)


def test_anonymous_views_are_cached_and_publishing_invalidates(client, demo, settings):
    url = "/kommuner/sala/bredband/"
    settings.PAGE_CACHE_SECONDS = 0
    uncached = count_queries(client, url)
    settings.PAGE_CACHE_SECONDS = 300
    cached = count_queries(client, url)
    assert cached < uncached
    page = (
        MunicipalityPage.objects.get(code="1981", locale__language_code="sv")
        .get_children()
        .get(slug="bredband")
        .specific
    )
    page.status_summary = "Ny mening om läget i Sala."
    page.save_revision().publish()
    assert "Ny mening om läget i Sala." in client.get(url).content.decode()


def test_logged_in_editors_are_not_served_cached_pages(client, demo, django_user_model, settings):
    settings.PAGE_CACHE_SECONDS = 300
    user = django_user_model.objects.create_superuser("redaktor", "r@example.se", "x")
    anonymous = count_queries(client, "/")
    client.force_login(user)
    assert count_queries(client, "/") > anonymous
