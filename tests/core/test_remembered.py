"""Site-wide data remembered in each process (core.cache.remembered: the site for a host name, the
locales, the menu and footer, the listing filters' choices, the pages and cards of the occurrences
shown), valid while the shared `site` token is unchanged: in a real Redis, as in production."""

import pytest
import redis
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, Site

from core import cache as page_cache
from services.models import SessionCancellation
from tests.core.pages import menu_section, publish_menu_section
from tests.core.redis_server import redis_cache_fixture, redis_server_fixture  # noqa: F401 (fixtures)
from tests.factories import bookable_session
from tests.services.test_booking import post_booking

pytestmark = pytest.mark.django_db

URL = "/kommuner/sala/"
MENU_LINK = '<li><a href="/e-tjanster/">{}</a></li>'


def render(client, url=URL) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


def site_token(server) -> bytes | None:
    keys = redis.Redis.from_url(server.url).keys(f"*{page_cache.TOKEN_PREFIX}{page_cache.SITE}")
    return redis.Redis.from_url(server.url).get(keys[0]) if keys else None


@pytest.mark.parametrize("page_cache_seconds", [0, 300])
def test_a_published_menu_title_shows_at_once_in_the_chrome(
    client, demo, settings, redis_cache, page_cache_seconds
):
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    for url in (URL, "/digital-hjalp/", "/"):
        assert MENU_LINK.format("E-tjänster och livshändelser") in render(client, url)[1]
    publish_menu_section(title="Självservice på nätet")
    for url in (URL, "/digital-hjalp/", "/"):
        html = render(client, url)[1]
        assert MENU_LINK.format("Självservice på nätet") in html
        assert "E-tjänster och livshändelser" not in html


def test_a_section_taken_out_of_the_menu_leaves_it_at_once(client, demo, settings, redis_cache):
    settings.PAGE_CACHE_SECONDS = 0
    assert 'href="/e-tjanster/"' in render(client)[1]
    publish_menu_section(show_in_menus=False)
    assert 'href="/e-tjanster/"' not in render(client)[1].split('<main id="main"')[0]


def test_remembered_data_saves_queries_and_follows_a_token_replaced_by_another_process(
    client, demo, settings, redis_cache
):
    """Another worker's publish reaches this process only through the token in Redis: a change made
    without any signal here (a raw UPDATE) shows once the token in Redis is replaced."""
    settings.PAGE_CACHE_SECONDS = 0
    first, html = render(client)
    again, html = render(client)
    assert again < first  # the site, locales and menu come from memory
    section = menu_section()
    Page.objects.filter(pk=section.pk).update(title="Ändrad utan signal")
    assert "Ändrad utan signal" not in render(client)[1]  # remembered: the token is unchanged
    before = site_token(redis_cache)
    # What another worker's invalidate() does; this process is not told (its memory is not cleared).
    caches["default"].set(page_cache.TOKEN_PREFIX + page_cache.SITE, "replaced-elsewhere", timeout=None)
    assert site_token(redis_cache) not in (None, before)
    assert MENU_LINK.format("Ändrad utan signal") in render(client)[1]


def test_with_redis_stopped_nothing_is_remembered_and_pages_render(client, demo, settings, redis_cache):
    settings.PAGE_CACHE_SECONDS = 0
    render(client)
    remembered_count = render(client)[0]
    redis_cache.stop()
    section = menu_section()
    Page.objects.filter(pk=section.pk).update(title="Ändrad medan Redis är nere")
    for url in (URL, "/", "/digital-hjalp/"):
        assert MENU_LINK.format("Ändrad medan Redis är nere") in render(client, url)[1]
    assert 'dir="rtl"' in render(client, "/ar/")[1]
    assert render(client)[0] > remembered_count  # everything read again


def test_saving_a_site_or_a_locale_replaces_the_site_token(client, demo, settings, redis_cache):
    render(client)
    before = site_token(redis_cache)
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Ny webbplats"
    site.save()
    after_site = site_token(redis_cache)
    assert before and after_site and after_site != before
    Locale.objects.get(language_code="en").save()
    assert site_token(redis_cache) not in (None, after_site)


def test_occurrence_cards_follow_bookings_publishes_and_cancellations_at_once(
    client, demo, settings, redis_cache
):
    """The cards (rendered once per process: site_tags.include_remembered) with the page cache off."""
    settings.PAGE_CACHE_SECONDS = 0
    session, day = bookable_session(capacity=3, title="Kortets serie")
    library_url = session.get_parent().url
    for url in (library_url, library_url):
        html = render(client, url)[1]
        assert "Kortets serie" in html and "3 platser kvar" in html
    assert post_booking(client, session, day).status_code == 200
    assert "2 platser kvar" in render(client, library_url)[1]

    session.title = "Kortets nya namn"
    session.save_revision().publish()
    html = render(client, library_url)[1]
    assert "Kortets nya namn" in html and "Kortets serie" not in html

    SessionCancellation.objects.create(session=session, date=day, reason="Biblioteket är stängt")
    html = render(client, library_url)[1]
    assert "Biblioteket är stängt" in html and "Inställt" in html


def test_a_host_without_a_site_is_not_remembered(client, demo, settings, redis_cache):
    """A new server asked before its site exists (changed here without signals) finds it once made."""
    settings.PAGE_CACHE_SECONDS = 0
    site = Site.objects.get(is_default_site=True)
    Site.objects.filter(pk=site.pk).update(is_default_site=False, hostname="annan.example")
    assert client.get(URL).status_code == 404
    Site.objects.filter(pk=site.pk).update(is_default_site=True, hostname=site.hostname)
    assert client.get(URL).status_code == 200


def test_a_burst_of_dead_links_reads_the_top_tasks_once_and_follows_a_publish(
    client, demo, settings, redis_cache
):
    """The error pages' top tasks are remembered like the menu: a flood of 404s costs the database
    only Wagtail's redirect lookup and the settings, and a published title shows on the next one."""
    settings.PAGE_CACHE_SECONDS = 0

    def dead_link(url="/finns-inte-alls/") -> tuple[int, str]:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 404
        return len(captured), response.content.decode()

    first, html = dead_link()
    assert "E-tjänster och livshändelser" in html
    again, html = dead_link("/en-annan-dod-lank/")
    assert again < first and again <= 4, again
    assert "E-tjänster och livshändelser" in html
    publish_menu_section(title="Självservice på nätet")
    html = dead_link()[1]
    assert "Självservice på nätet" in html and "E-tjänster och livshändelser" not in html
