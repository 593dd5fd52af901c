"""Hypothesis over every public URL and form: query parameters of any type, dates at the extremes,
any Unicode, any length. Nothing answers 5xx, and nothing is stored that should not be."""

import datetime
import urllib.parse

import pytest
from django.core.cache import cache
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from broadband.models import CoverageReport, MobileCoverageReportPage
from services.models import Booking, HelpSessionPage, LibraryPage
from tests.factories import bookable_session

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
extreme_dates = st.one_of(
    st.dates().map(datetime.date.isoformat),
    st.sampled_from(["9999-12-31", "9999-12-01", "9000-01-01", "0001-01-01", "2025-02-30", "²⁰²⁵-01-01"]),
    st.datetimes().map(lambda d: d.isoformat()),
)
numbers = st.one_of(
    st.integers().map(str),
    st.sampled_from(["²", "¹²", "٣", "1e9", "NaN", "-0", "0x10", "9" * 40, "1.5", " 7 "]),
)
values = st.one_of(any_text, extreme_dates, numbers, st.text(max_size=1).map(lambda c: c * 5000))
PARAMETER_NAMES = [
    "kommun", "bibliotek", "amne", "sprak", "malgrupp", "typ", "fran", "till", "sida",
    "library", "session", "date", "topic", "q", "lang", "page",
]  # fmt: skip
queries = st.dictionaries(
    st.one_of(st.sampled_from(PARAMETER_NAMES), any_text.filter(bool)), values, max_size=6
)


def public_paths():
    session = HelpSessionPage.objects.live().filter(locale__language_code="sv").first()
    paths = [
        "/",
        "/digital-hjalp/",
        "/en/digital-hjalp/",
        "/ar/digital-hjalp/",
        LibraryPage.objects.get(slug="sala-stadsbibliotek", locale__language_code="sv").url,
        session.url,
        "/api/sessions.ics",
        "/api/sessions.json",
        "/api/libraries.geojson",
        "/api/coverage.csv",
        "/api/coverage.json",
        "/sok/",
        "/en/sok/",
        "/api/search/",
        "/api/search/suggest/",
        "/sitemap.xml",
        f"/boka/{session.pk}/{timezone.localdate() + datetime.timedelta(days=3)}/",
    ]
    return paths


@FUZZ
@given(query=queries, which=st.integers(min_value=0))
def test_no_public_url_answers_5xx_whatever_the_query(client, demo, query, which):
    paths = public_paths()
    path = paths[which % len(paths)]
    response = client.get(path, query)
    assert response.status_code < 500, (path, query)
    head = client.head(path, query)
    assert head.status_code < 500, (path, query)


@FUZZ
@given(session_id=numbers, day=st.one_of(extreme_dates, any_text))
def test_odd_booking_and_cancel_paths_never_answer_5xx(client, demo, session_id, day):
    for path in (
        f"/boka/{urllib.parse.quote(session_id, safe='')}/{urllib.parse.quote(day, safe='')}/",
        f"/avboka/{urllib.parse.quote(day, safe='')}/",
    ):
        assert client.get(path).status_code < 500, path
        assert client.post(path, {"name": day}).status_code < 500, path
    assert not Booking.objects.exists()


booking_forms = st.fixed_dictionaries(
    {},
    optional={
        "name": values,
        "email": st.one_of(st.emails().map(str), values),
        "phone": st.one_of(st.sampled_from(["070-123 45 67", "+46701234567", "08-123 456", "070²"]), values),
        "needs": values,
        "accessibility_needs": values,
        "website": st.sampled_from(["", "", "", "http://spam"]),
    },
)


@pytest.fixture
def bookable(demo, settings):
    settings.BOOKING_RATE_LIMIT = 100000
    settings.BOOKING_LIMIT_PER_DATE = settings.BOOKING_LIMIT_PER_SERIES = 100000
    return bookable_session(3, "Fuzz", slug="fuzz")


@FUZZ
@given(form=booking_forms, prefix=st.sampled_from(["", "/en", "/ar"]))
def test_the_booking_form_stores_only_what_it_should(client, bookable, form, prefix):
    session, day = bookable
    before = set(Booking.objects.values_list("pk", flat=True))
    response = client.post(f"{prefix}/boka/{session.pk}/{day}/", form)
    assert response.status_code < 500
    new = list(Booking.objects.exclude(pk__in=before))
    if response.status_code != 200 or form.get("website"):
        assert new == []
        return
    if not new:
        return
    [booking] = new
    assert booking.name == form["name"].strip() and 0 < len(booking.name) <= 120
    assert booking.email or booking.phone_key
    assert len(booking.needs) <= 1000 and len(booking.accessibility_needs) <= 500
    assert booking.language == (prefix.strip("/") or "sv")


report_forms = st.fixed_dictionaries(
    {},
    optional={
        "municipality": st.one_of(st.sampled_from(["1980", "1981", "0180"]), values),
        "place": values,
        "latitude": numbers,
        "longitude": numbers,
        "operator": st.one_of(st.sampled_from(["telia", "tre", "other"]), values),
        "problem": st.one_of(st.sampled_from(["no_coverage", "slow_data"]), values),
        "occurred_on": extreme_dates,
        "description": values,
        "contact": values,
        "website": st.sampled_from(["", "", "x"]),
    },
)


@FUZZ
@given(form=report_forms, page_id=st.one_of(st.none(), st.integers(min_value=0)))
def test_the_coverage_report_form_stores_only_what_it_should(client, demo, form, page_id):
    cache.clear()  # the per-address rate limit
    page = MobileCoverageReportPage.objects.live().first()
    before = CoverageReport.objects.count()
    response = client.post(f"/rapport/{page.pk if page_id is None else page_id}/", form)
    assert response.status_code < 500
    stored = CoverageReport.objects.count() - before
    if response.status_code != 200 or form.get("website"):
        assert stored == 0
    if stored:
        report = CoverageReport.objects.order_by("-pk").first()
        assert len(report.reference) == 12 and report.reference in response.content.decode()
