"""HTTP as a client or a shared cache sees it: HEAD like GET on every public URL, Cache-Control,
the site's own 404 and 500 pages."""

import datetime
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern

from services import booking as bookings
from tests.services.test_booking import bookable_session, post_booking

PRIVATE_PREFIXES = ("admin/", "documents/")


def public_patterns(patterns=None, prefix=""):
    """(route, name) of every URL pattern outside the admin, from the resolver itself."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        pattern = entry.pattern
        route = "" if isinstance(pattern, LocalePrefixPattern) else str(pattern)
        if isinstance(entry, URLResolver):
            if (prefix + route).startswith(PRIVATE_PREFIXES):
                continue
            yield from public_patterns(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            yield prefix + route, entry.name


@pytest.fixture
def sample_urls(demo, client, django_capture_on_commit_callbacks):
    """Real URLs for each named pattern; a new pattern without a sample fails the test below."""
    session, day = bookable_session(capacity=3)
    with django_capture_on_commit_callbacks(execute=True):
        post_booking(client, session, day)
    booking = session.booked_occurrences.get().bookings.get()
    token = bookings.cancellation_token(booking)
    return {
        "sitemap": ["/sitemap.xml"],
        "robots_txt": ["/robots.txt"],
        "healthz": ["/healthz"],
        "openapi": ["/api/openapi.json"],
        "search_api": ["/api/search/?q=bredband", "/api/search/?q=fiber&kommun=1981&page=2"],
        "search_suggest": ["/api/search/suggest/?q=bred"],
        "coverage_csv": ["/api/coverage.csv"],
        "coverage_json": ["/api/coverage.json"],
        "sessions_ics": ["/api/sessions.ics?kommun=1981"],
        "sessions_json": ["/api/sessions.json?library=sala-stadsbibliotek"],
        "libraries_geojson": ["/api/libraries.geojson"],
        "coverage_report_submit": [f"/rapport/{session.pk}/"],  # POST only: 405 for GET and HEAD alike
        "search": ["/sok/?q=bankid", "/en/sok/?q=bankid"],
        "booking": [f"/boka/{session.pk}/{day.isoformat()}/", f"/boka/{session.pk}/{datetime.date.today()}/"],
        "booking_cancel": [f"/avboka/{token}/", "/avboka/trasig/"],
        "booking_cancel_form": ["/avboka/"],
        "wagtailcore_login": ["/_util/login/"],
        "wagtailcore_authenticate_with_password": ["/_util/authenticate_with_password/1/1/"],
        "wagtail_serve": [
            "/",
            "/kommuner/sala/",
            "/digital-hjalp/?kommun=1981",
            session.url,
            "/en/",
            "/ar/",
            "/finns-inte/",
        ],
    }


@pytest.mark.django_db
def test_every_public_url_answers_head_as_get(client, sample_urls):
    patterns = list(public_patterns())
    assert len(patterns) >= 15
    missing = [(route, name) for route, name in patterns if name not in sample_urls]
    assert not missing, f"add sample URLs for: {missing}"
    for _route, name in patterns:
        for url in sample_urls[name]:
            get = client.get(url)
            head = client.head(url)
            assert head.status_code == get.status_code, (url, head.status_code, get.status_code)
            assert head.status_code != 405 or name == "coverage_report_submit", url
            assert head["Content-Type"] == get["Content-Type"], url
            assert not head.content, url


# The public addresses that take a POST (forms); every other one only reads.
WRITABLE = {
    "booking",
    "booking_cancel",
    "booking_cancel_form",
    "coverage_report_submit",
    "wagtailcore_login",
    "wagtailcore_authenticate_with_password",
}


@pytest.mark.django_db
def test_an_address_that_only_reads_answers_other_methods_with_405_not_a_csrf_page(sample_urls):
    """A POST (or PUT, DELETE) to an API, a feed, a page or any other reading address gets 405 and
    `Allow: GET, HEAD`, with a CSRF token or without – not the HTML 403 page of a failed CSRF check
    (a JSON client cannot read it; a page has no form), nor the page itself. A new public address is
    reading unless it is listed above as taking a POST."""
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    token = browser.get(sample_urls["booking"][0]).cookies["csrftoken"].value  # the booking form's cookie
    for page in sample_urls["wagtail_serve"]:
        if browser.get(page).status_code == 404:
            continue  # no such page, whatever the method
        answer = browser.post(page, {"csrfmiddlewaretoken": token})
        assert answer.status_code == 405 and answer["Allow"] == "GET, HEAD", page
    for _route, name in public_patterns():
        for url in sample_urls[name]:
            for method in ("post", "put", "delete"):
                response = getattr(browser, method)(url)
                assert response.status_code < 500, (method, url)
                if name not in WRITABLE:
                    assert response.status_code == 405, (method, url, response.status_code)
                    assert response["Allow"] == "GET, HEAD", url


@pytest.mark.django_db
def test_a_form_refused_by_the_csrf_check_keeps_what_was_typed(sample_urls):
    """A resident's form sent without a valid token comes back with what was typed (or takes no
    token at all), never the bare 403 page where the typing is lost. Wagtail's password and login
    forms of view-restricted pages hold nothing but a name and a password. A new form is covered
    once it is listed in WRITABLE."""
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    marker = "Märta Ödmark-Lindqvist"
    typed = {"name": marker, "kod": marker, "comment": marker, "email": "marta@example.se"}
    refused = 0
    for _route, name in public_patterns():
        if name not in WRITABLE or name.startswith("wagtailcore_"):
            continue
        for url in sample_urls[name]:
            response = browser.post(url, typed)
            assert response.status_code < 500, url
            if response.status_code == 403:
                assert marker in response.content.decode(), url
                refused += 1
    assert refused >= 1  # the booking form, which alone of them needs a token


@pytest.mark.django_db
def test_content_language_names_the_language_each_answer_is_written_in(client, sample_urls):
    """Every page says in `Content-Language` what its `<html lang>` says – also a form's answer in
    its page's language and the site's own error pages – and the APIs the language asked for."""
    from broadband.models import MobileCoverageReportPage

    html_lang = re.compile(r'<html[^>]*\slang="([^"]+)"')
    checked = 0
    for urls in sample_urls.values():
        for url in urls:
            for response in (client.get(url), client.head(url)):
                if response["Content-Type"].startswith("text/html"):
                    written = html_lang.search(client.get(url).content.decode()).group(1)
                    assert response["Content-Language"] == written, url
                    checked += 1
    assert checked > 20
    for form in MobileCoverageReportPage.objects.live():
        answer = client.post(f"/rapport/{form.pk}/", {"problem": "nonsense"})
        language = form.locale.language_code
        assert f'<html lang="{language}"' in answer.content.decode()
        assert answer["Content-Language"] == language
    for language in ("sv", "en", "ar"):
        for url in ("/api/search/?q=fiber", "/api/search/suggest/?q=fib", "/api/sessions.json"):
            assert client.get(url, {"lang": language})["Content-Language"] == language, url


@pytest.mark.django_db
def test_public_pages_may_be_kept_by_shared_caches_private_ones_never(
    client, demo, settings, django_user_model
):
    settings.PAGE_CACHE_SECONDS = 300
    for url in ("/", "/kommuner/sala/", "/sok/?q=fiber", "/api/search/?q=fiber", "/api/sessions.ics"):
        response = client.get(url)
        assert response["Cache-Control"] == "public, max-age=300", url
        assert not response.cookies
    session, day = bookable_session()
    booking = client.get(f"/boka/{session.pk}/{day.isoformat()}/")
    assert (
        booking.cookies and "no-store" in booking["Cache-Control"] and "private" in booking["Cache-Control"]
    )
    assert "no-store" in client.get("/healthz")["Cache-Control"]
    assert "no-store" in client.get("/admin/login/")["Cache-Control"]
    editor = django_user_model.objects.create_superuser("r", "r@example.se", "x")
    client.force_login(editor)
    assert client.get("/")["Cache-Control"] == "private, no-store"
    assert client.get("/admin/")["Cache-Control"] == "private, no-store"
    client.logout()
    settings.PAGE_CACHE_SECONDS = 0
    assert client.get("/")["Cache-Control"] == "no-cache"


@pytest.mark.django_db
def test_a_missing_page_gets_the_sites_own_404_with_a_search_box(client, demo, settings):
    assert settings.DEBUG is False
    for url, lang in (("/finns-inte/", "sv"), ("/en/does-not-exist/", "en"), ("/api/inget/", "sv")):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 404
        assert f'<html lang="{lang}"' in html
        assert 'role="search"' in html and 'name="q"' in html
        assert 'class="site-header"' in html  # the site's layout, not Django's bare page
        assert "Content-Security-Policy" in response and not response.cookies


def test_the_500_page_renders_without_a_database(rf):
    """No `db` fixture: pytest-django refuses every query, as a dead database would."""
    from django.utils import translation
    from django.views.defaults import server_error

    with translation.override("sv"):
        response = server_error(rf.get("/kommuner/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Något gick fel" in html and 'role="search"' in html and 'href="/static/css/site.css"' in html
    assert 'action="/sok/"' in html
    with translation.override("ar"):
        html = server_error(rf.get("/ar/")).content.decode()
    assert 'dir="rtl"' in html and 'action="/ar/sok/"' in html


def test_a_database_that_does_not_answer_gets_503_with_the_sites_page_and_retry_after(rf):
    """The handler Django calls for an uncaught exception tells a database outage from a fault."""
    from django.db import OperationalError

    from home.errors import server_error

    try:
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")
    except OperationalError:
        response = server_error(rf.get("/kommuner/"))
    assert response.status_code == 503 and response["Retry-After"] == "10"
    assert 'class="site-header"' in response.content.decode()
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(rf.get("/kommuner/"))
    assert response.status_code == 500 and not response.has_header("Retry-After")
