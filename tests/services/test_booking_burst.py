"""Thirty residents booking the last ten seats at the same moment, by real concurrent HTTP requests:
exactly ten get a seat, twenty are on the waiting list, and nobody gets an error.

Twice: on the embedded default exactly as `make run` serves it (a SQLite file, `manage.py
runserver` in its own process, the settings of config/settings/base.py), and on the database the
suite runs on through Django's live server (PostgreSQL in CI: the row lock).
"""

import http.cookiejar
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from services.models import Booking
from tests.conftest import free_port
from tests.factories import bookable_session

ROOT = Path(django_settings.BASE_DIR)
PEOPLE = 30
SEATS = 10

CREATE_SESSION = """
import datetime
from django.utils import timezone
from services.models import HelpSessionPage, LibraryPage
library = LibraryPage.objects.get(slug="sala-stadsbibliotek", locale__language_code="sv")
first = timezone.localdate() + datetime.timedelta(days=3)
session = library.add_child(instance=HelpSessionPage(
    title="Trängseltest", slug="trangseltest", first_date=first, start_time=datetime.time(10),
    end_time=datetime.time(11), repeat="weekly", languages=["sv"], booking_required=True, capacity=%d))
print(session.pk, first.isoformat())
"""


def at_once(requests: list[tuple[str, dict]]) -> list[int]:
    """Each person opens their form with their own cookies, then all post at the same moment; the
    answers' status codes, in the order of `requests`."""
    barrier = threading.Barrier(len(requests))
    results = [None] * len(requests)

    def person(n, url, fields):
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        html = opener.open(url, timeout=60).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
        request = urllib.request.Request(url, data=data, headers={"Referer": url})
        barrier.wait(timeout=60)
        try:
            results[n] = opener.open(request, timeout=120).status
        except urllib.error.HTTPError as error:
            results[n] = error.code

    threads = [threading.Thread(target=person, args=(n, *request)) for n, request in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    return results


def burst(url: str) -> list[int]:
    """PEOPLE residents, each with their own phone number, book one date at the same moment."""
    return at_once(
        [(url, {"name": f"Person {n}", "phone": f"070-123 {n:02d} 00", "email": ""}) for n in range(PEOPLE)]
    )


def test_a_burst_on_the_embedded_default_sqlite_file_as_make_run_serves_it(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")},
        "DATABASE_URL": f"sqlite:///{database}",
        "BOOKING_RATE_LIMIT": "1000",
        "OPENSEARCH_URL": "",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput"], ["load_demo"]):
        subprocess.run(manage + command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)
    created = subprocess.run(
        manage + ["shell", "-c", CREATE_SESSION % SEATS],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    session_id, day = created.stdout.split()[-2:]
    port = free_port()
    server = subprocess.Popen(
        manage + ["runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/boka/{session_id}/{day}/"
        deadline = time.monotonic() + 90
        while True:  # until the server listens (not waiting for a result: for the process to start)
            try:
                urllib.request.urlopen(url, timeout=10).read()
                break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None and time.monotonic() < deadline, "runserver did not start"
                time.sleep(0.2)
        results = burst(url)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert results == [200] * PEOPLE
    with sqlite3.connect(database) as db:
        rows = db.execute(
            "SELECT b.status, COUNT(*) FROM services_booking b JOIN services_sessionoccurrence o "
            "ON o.id = b.occurrence_id WHERE o.session_id = ? GROUP BY b.status",
            (int(session_id),),
        ).fetchall()
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert dict(rows) == {"confirmed": SEATS, "waitlisted": PEOPLE - SEATS}


def skip_on_in_memory_sqlite(connection):
    if connection.vendor == "sqlite":
        # The suite's SQLite database is shared in memory between threads and answers "table is
        # locked" instead of waiting; the SQLite file as `make run` uses it is tested above. CI runs
        # the suite on PostgreSQL, where this test runs.
        pytest.skip("the suite runs on in-memory SQLite; CI runs it on PostgreSQL")


@pytest.mark.django_db(transaction=True)
def test_a_burst_on_the_suites_database_through_the_live_server(live_server, demo_committed, settings):
    from django.db import connection

    skip_on_in_memory_sqlite(connection)
    settings.BOOKING_RATE_LIMIT = 1000
    session, day = bookable_session(capacity=SEATS, title="Trängseltest")
    results = burst(f"{live_server.url}/boka/{session.pk}/{day.isoformat()}/")
    assert results == [200] * PEOPLE
    statuses = list(Booking.objects.filter(occurrence__session=session).values_list("status", flat=True))
    assert statuses.count("confirmed") == SEATS
    assert statuses.count("waitlisted") == PEOPLE - SEATS


@pytest.mark.django_db(transaction=True)
def test_one_contact_booking_many_series_of_one_date_at_once_gets_the_per_date_limit(
    live_server, demo_committed, settings
):
    """The per-date limit counts bookings of different series, which lock different occurrences:
    the contact's own lock makes the checks take turns (the number written two ways)."""
    from django.db import connection

    skip_on_in_memory_sqlite(connection)
    settings.BOOKING_RATE_LIMIT = 1000
    settings.BOOKING_LIMIT_PER_DATE = 2
    requests = []
    for n in range(8):
        session, day = bookable_session(capacity=5, title=f"Gränstest {n}", slug=f"granstest-{n}")
        phone = "070-765 43 21" if n % 2 else "+46 (0)70 765 43 21"
        requests.append(
            (f"{live_server.url}/boka/{session.pk}/{day}/", {"name": "Bo", "phone": phone, "email": ""})
        )
    results = at_once(requests)
    assert sorted(results) == [200, 200] + [409] * 6
    assert Booking.objects.filter(phone_key="+46707654321").exclude(status="cancelled").count() == 2
