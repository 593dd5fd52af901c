import datetime
import random

import pytest
from dateutil import rrule
from django.utils import timezone

from services.models import SessionCancellation
from services.occurrences import occurrence_list, recurrence_dates, upcoming_occurrences
from tests.factories import add_session, library

D = datetime.date


@pytest.mark.parametrize(
    ("first", "repeat", "until", "window", "expected"),
    [
        ("2026-01-06", "weekly", None, ("2026-01-01", "2026-01-31"), ["01-06", "01-13", "01-20", "01-27"]),
        ("2026-01-06", "biweekly", "2026-02-03", ("2026-01-01", "2026-03-31"), ["01-06", "01-20", "02-03"]),
        # 2026-01-13 is the second Tuesday of January.
        ("2026-01-13", "monthly", None, ("2026-01-01", "2026-04-30"), ["01-13", "02-10", "03-10", "04-14"]),
    ],
    ids=["weekly", "every other week, with an end date", "monthly keeps the nth weekday"],
)
def test_rules_between_dates(first, repeat, until, window, expected):
    until = D.fromisoformat(until) if until else None
    dates = recurrence_dates(D.fromisoformat(first), repeat, until, *map(D.fromisoformat, window))
    assert dates == [D.fromisoformat(f"2026-{day}") for day in expected]


def rrule_dates(first, repeat, until, start, end):
    """The rule as dateutil computes it (what `recurrence_dates` did before it did date arithmetic)."""
    last = min(end, until) if until else end
    if repeat == "once":
        return [first] if start <= first <= last else []
    options = {"dtstart": datetime.datetime.combine(first, datetime.time())}
    options["until"] = datetime.datetime.combine(last, datetime.time())
    if repeat == "monthly":
        nth = (first.day - 1) // 7 + 1
        weekday = rrule.weekday(first.weekday())(nth if nth < 5 else -1)
        rule = rrule.rrule(rrule.MONTHLY, byweekday=weekday, **options)
    else:
        rule = rrule.rrule(rrule.WEEKLY, interval=1 if repeat == "weekly" else 2, **options)
    begin = datetime.datetime.combine(start, datetime.time())
    return [moment.date() for moment in rule.between(begin, options["until"], inc=True)]


def test_date_arithmetic_gives_the_dates_of_dateutils_rules():
    randomly = random.Random(10)
    for _ in range(3000):
        first = D(2025, 1, 1) + datetime.timedelta(days=randomly.randrange(900))
        start = first + datetime.timedelta(days=randomly.randrange(-60, 700))
        end = start + datetime.timedelta(days=randomly.randrange(-5, 400))
        until = randomly.choice([None, first + datetime.timedelta(days=randomly.randrange(-10, 900))])
        repeat = randomly.choice(["once", "weekly", "biweekly", "monthly"])
        case = (first, repeat, until, start, end)
        assert recurrence_dates(*case) == rrule_dates(*case), case


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
        # 40 weeks: summer time lasts up to 31 weeks, so the window always crosses a change.
        session_key=session.translation_key,
        date_to=first + datetime.timedelta(weeks=40),
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

    # A value the form does not offer is no choice: every session is listed, as the form says ("Alla").
    def listed(text):
        return text.split('<ul class="occurrences">')[1].split("</ul>")[0]

    everything = listed(client.get("/digital-hjalp/").content.decode())
    for odd in ("kommun=9999", "amne=nope", "sprak=xx", "malgrupp=yy", "typ=zz", "bibliotek=stangt"):
        text = client.get(f"/digital-hjalp/?{odd}").content.decode()
        assert listed(text) == everything, odd
        assert " selected" not in text.split('id="result-heading"')[0], odd
    later, earlier = (timezone.localdate() + datetime.timedelta(days=d) for d in (30, 10))
    text = client.get(f"/digital-hjalp/?fran={later}&till={earlier}").content.decode()
    assert "Slutdatumet är före startdatumet" in text
    far = client.get("/digital-hjalp/?fran=2099-01-01&till=2001-01-01")
    assert far.status_code == 400 and "Välj datum mellan" in far.content.decode()
    # The field at fault is the one marked, and a date that is no date is said to be one.
    past_end = client.get(f"/digital-hjalp/?fran={later}&till=2001-01-01").content.decode()
    assert 'id="f-till" type="date" name="till" value="2001-01-01" aria-invalid="true"' in past_end
    assert f'name="fran" value="{later}" aria-invalid' not in past_end
    for typo in ("abc", "2026-02-30", "10/12"):
        wrong = client.get("/en/digital-hjalp/", {"fran": typo})
        html = wrong.content.decode()
        assert wrong.status_code == 400 and "Write the date as year-month-day" in html, typo
        assert f'name="fran" value="{typo}" aria-invalid="true"' in html, typo
    arabic = client.get(
        "/ar/digital-hjalp/", {"fran": later.isoformat().translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))}
    )
    assert arabic.status_code == 200


@pytest.mark.django_db
def test_library_page_lists_its_own_occurrences_with_filters(client, demo):
    html = client.get("/kommuner/vasteras/vasteras-stadsbibliotek/").content.decode()
    results = html.split('id="result-heading"')[1]
    assert "Västerås stadsbibliotek" in results and "Skultuna bibliotek" not in results
    assert 'id="f-kommun"' not in html and 'id="f-amne"' in html
    filtered = client.get("/kommuner/vasteras/vasteras-stadsbibliotek/?sprak=ar").content.decode()
    results = filtered.split('id="result-heading"')[1]
    assert "Digital hjälp på arabiska" in results and "Få hjälp med BankID" not in results


def listed(occurrences) -> list[tuple]:
    return [(o.session.pk, o.date, o.cancelled, o.library.pk, o.municipality.pk) for o in occurrences]


@pytest.mark.django_db
def test_listing_is_every_series_dates_in_order_of_start_then_title(demo):
    """The listing computed from a few columns equals the plain way: every series as a page, its dates."""
    from home.localization import prefer_active_locale
    from services.models import HelpSessionPage

    # Two series at the same time on the same day order by title.
    first = timezone.localdate() + datetime.timedelta(days=2)
    for title in ("Ö sist", "A först"):
        add_session(
            library("sala-stadsbibliotek"), title=title, slug=f"s-{len(title)}{title[0]}", first_date=first
        )
    SessionCancellation.objects.create(
        session=HelpSessionPage.objects.get(title="Ö sist"), date=first, reason="Stängt"
    )
    now = timezone.localtime()
    expected = []
    for session in prefer_active_locale(HelpSessionPage.objects.live().public().order_by("path")):
        cancelled = set(session.cancellations.values_list("date", flat=True))
        for day in session.occurrence_dates(now.date(), now.date() + datetime.timedelta(days=120)):
            end = datetime.datetime.combine(day, session.end_time, tzinfo=now.tzinfo)
            if end >= now:
                start = datetime.datetime.combine(day, session.start_time)
                expected.append((start, session.title, session.pk, day, day in cancelled))
    expected.sort(key=lambda row: row[:2])
    occurrences = upcoming_occurrences()
    assert [(o.session.pk, o.date, o.cancelled) for o in occurrences] == [row[2:] for row in expected]
    assert {o.session.title for o in occurrences if o.date == first and o.start.hour == 10} >= {
        "Ö sist",
        "A först",
    }
    assert listed(upcoming_occurrences(limit=7)) == listed(occurrences[:7])
    lazy = occurrence_list()
    assert len(lazy) == len(occurrences)
    assert listed(lazy[40:60]) == listed(occurrences[40:60])
    sala = [o for o in occurrences if o.municipality.code == "1981"]
    assert listed(upcoming_occurrences(municipality_code="1981")) == listed(sala)
