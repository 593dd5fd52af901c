import datetime

import pytest
from django.utils import timezone

from services.models import SessionCancellation
from services.occurrences import recurrence_dates, upcoming_occurrences
from tests.factories import add_session, library

D = datetime.date


def test_weekly_rule_between_dates():
    assert recurrence_dates(D(2026, 1, 6), "weekly", None, D(2026, 1, 1), D(2026, 1, 31)) == [
        D(2026, 1, 6),
        D(2026, 1, 13),
        D(2026, 1, 20),
        D(2026, 1, 27),
    ]


def test_every_other_week_and_end_date():
    assert recurrence_dates(D(2026, 1, 6), "biweekly", D(2026, 2, 3), D(2026, 1, 1), D(2026, 3, 31)) == [
        D(2026, 1, 6),
        D(2026, 1, 20),
        D(2026, 2, 3),
    ]


def test_monthly_by_weekday_keeps_the_nth_weekday():
    # 2026-01-13 is the second Tuesday of January.
    assert recurrence_dates(D(2026, 1, 13), "monthly", None, D(2026, 1, 1), D(2026, 4, 30)) == [
        D(2026, 1, 13),
        D(2026, 2, 10),
        D(2026, 3, 10),
        D(2026, 4, 14),
    ]


def test_once_and_window_before_start():
    assert recurrence_dates(D(2026, 5, 1), "once", None, D(2026, 1, 1), D(2026, 12, 31)) == [D(2026, 5, 1)]
    assert recurrence_dates(D(2026, 5, 1), "weekly", D(2026, 4, 1), D(2026, 1, 1), D(2026, 12, 31)) == []


@pytest.mark.django_db
def test_weekly_session_with_cancelled_date_across_daylight_saving(demo):

    first = timezone.localdate() + datetime.timedelta(days=1)
    session = add_session(
        library("sala-stadsbibliotek"), title="Testtillfälle", slug="testtillfalle", first_date=first
    )
    cancelled = first + datetime.timedelta(weeks=2)
    SessionCancellation.objects.create(session=session, date=cancelled, reason="Stängt")
    occurrences = upcoming_occurrences(
        session_key=session.translation_key, date_to=first + datetime.timedelta(weeks=30)
    )
    assert [o.date for o in occurrences][:4] == [first + datetime.timedelta(weeks=n) for n in range(4)]
    assert [o.cancelled for o in occurrences][:4] == [False, False, True, False]
    assert occurrences[2].cancel_reason == "Stängt"
    # Wall-clock time stays 10:00 in Stockholm on both sides of a daylight-saving change.
    assert {o.start.hour for o in occurrences} == {10}
    assert len({o.start.utcoffset() for o in occurrences}) == 2
    assert len({o.uid for o in occurrences}) == len(occurrences)


@pytest.mark.django_db
def test_help_listing_filters_without_javascript(client, demo):
    text = client.get("/digital-hjalp/?kommun=1981&amne=bankid").content.decode()
    assert "Få hjälp med BankID – Sala stadsbibliotek" in text
    assert "Västerås stadsbibliotek" not in text.split('id="result-heading"')[1]
    text = client.get("/digital-hjalp/?sprak=ar").content.decode()
    assert "Digital hjälp på arabiska" in text
    assert "Swish och säkra betalningar –" not in text.split('id="result-heading"')[1]
    text = client.get("/digital-hjalp/?bibliotek=skultuna-bibliotek").content.decode()
    results = text.split('id="result-heading"')[1]
    assert "Skultuna bibliotek" in results and "Sala stadsbibliotek" not in results
    text = client.get("/digital-hjalp/?malgrupp=seniors&typ=bokning").content.decode()
    results = text.split('id="result-heading"')[1]
    assert "1177 och vården på nätet" in results and "Få hjälp med BankID" not in results
    later, earlier = (timezone.localdate() + datetime.timedelta(days=d) for d in (30, 10))
    text = client.get(f"/digital-hjalp/?fran={later}&till={earlier}").content.decode()
    assert "Slutdatumet är före startdatumet" in text
    far = client.get("/digital-hjalp/?fran=2099-01-01&till=2001-01-01")
    assert far.status_code == 400 and "Välj datum mellan" in far.content.decode()


@pytest.mark.django_db
def test_library_page_lists_its_own_occurrences_with_filters(client, demo):
    html = client.get("/kommuner/vasteras/vasteras-stadsbibliotek/").content.decode()
    results = html.split('id="result-heading"')[1]
    assert "Västerås stadsbibliotek" in results and "Skultuna bibliotek" not in results
    assert 'id="f-kommun"' not in html and 'id="f-amne"' in html
    filtered = client.get("/kommuner/vasteras/vasteras-stadsbibliotek/?sprak=ar").content.decode()
    results = filtered.split('id="result-heading"')[1]
    assert "Digital hjälp på arabiska" in results and "Få hjälp med BankID" not in results
