"""PostgreSQL restarted under load: the site recovers without restarting the app.

A private PostgreSQL server of the test's own (tests/core/postgres_server.py, so the shared server
other tests use is never touched) holds a copy of the test database with the demo. gunicorn (two
workers, production settings, Redis), the task worker and the scheduler use it; an SMTP server on
127.0.0.1 catches the mail. While pages, searches (the database fallback) and bookings go on, the
server is stopped with `-m fast` (every session ends, open transactions roll back) and started
again. Nothing else is restarted. What is counted: answers during and after the outage, bookings
confirmed to their bookers, mail, the worker and the scheduler after the restart.
"""

import datetime
import re
import subprocess
import sys
import threading
import time
from urllib.parse import urlencode

import psycopg
import pytest
from django.db import connection

from tests.core.pages import SALA_BROADBAND_URL
from tests.core.postgres_server import PostgresServer
from tests.core.redis_server import PATIENT_TIMEOUT, RedisServer, free_port
from tests.core.smtp import (
    Catcher,
    SMTPServer,
    database_url,
    log_tail,
    start_process,
    start_worker,
    stop,
    wait_for,
)
from tests.core.test_production import (  # noqa: F401 (static_root_fixture is a fixture)
    PUBLIC_PAGES,
    ROOT,
    production_env,
    request,
    start_gunicorn,
    static_root_fixture,
    stop_gunicorn,
)
from tests.services.test_booking import bookable_session

pytestmark = pytest.mark.django_db(transaction=True)

OUTAGE_SECONDS = 1.5  # how long the server stays down (the fault itself, not a wait for a result)


class Traffic:
    """Threads asking for public pages and making bookings until stopped; every answer is kept."""

    def __init__(self, port: int, booking_path: str):
        self.port = port
        self.booking_path = booking_path
        self.answers: list[tuple[float, float, str, int, str]] = []  # (started, finished, what, status, body)
        self.booked: list[str] = []  # e-mail addresses of bookings answered 2xx
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.count = 0
        self.threads = [threading.Thread(target=self.pages, args=(n,)) for n in range(2)]
        self.threads.append(threading.Thread(target=self.bookings))

    def ask(self, method: str, path: str, headers=None, body=None):
        started = time.monotonic()
        try:
            status, response_headers, content = request(self.port, method, path, headers, body)
        except OSError as exc:  # gunicorn itself did not answer: never allowed
            status, response_headers, content = 0, {}, str(exc).encode()
        with self.lock:
            self.answers.append(
                (started, time.monotonic(), f"{method} {path}", status, content.decode(errors="replace"))
            )
        return status, response_headers, content.decode(errors="replace")

    def pages(self, offset: int):
        n = offset
        while not self.stopping.is_set():
            self.ask("GET", PUBLIC_PAGES[n % len(PUBLIC_PAGES)])
            n += 1

    def book(self, email: str) -> int:
        status, headers, html = self.ask("GET", self.booking_path)
        if status != 200:
            return status
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        cookie = re.search(r"csrftoken=[^;]+", headers["Set-Cookie"]).group(0)
        form = {"name": email.split("@")[0], "email": email, "phone": "", "needs": "", "website": ""}
        status, _headers, _html = self.ask(
            "POST",
            self.booking_path,
            {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
            urlencode({**form, "accessibility_needs": "", "csrfmiddlewaretoken": token}),
        )
        if 200 <= status < 300:
            with self.lock:
                self.booked.append(email)
        return status

    def bookings(self):
        while not self.stopping.is_set():
            self.count += 1
            self.book(f"pg{self.count}@example.se")

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(60)


def query(url: str, sql: str, *params):
    with psycopg.connect(url, connect_timeout=5) as conn:
        return conn.execute(sql, params).fetchall()


def test_postgresql_restarted_the_site_recovers_without_restarting_the_app(demo_committed, static_root):
    if connection.vendor != "postgresql":
        pytest.skip("the fault is a PostgreSQL restart (CI runs the tests on PostgreSQL)")
    session, day = bookable_session(capacity=500, title="Feltest PostgreSQL")
    booking_path = f"/boka/{session.pk}/{day.isoformat()}/"
    postgres = PostgresServer().start()
    redis = RedisServer().start()
    smtp_port = free_port()
    catcher = Catcher()
    smtp = SMTPServer(smtp_port, catcher)
    worker = scheduler = server = None
    try:
        db = postgres.copy_database(database_url(connection.settings_dict), "envagin_fault")
        smtp.start()
        env = production_env(
            STATIC_ROOT=str(static_root),
            REDIS_URL=redis.url,
            REDIS_TIMEOUT=str(PATIENT_TIMEOUT),
            DATABASE_URL=db,
            EMAIL_PORT=str(smtp_port),
            BOOKING_RATE_LIMIT="10000",
        )
        worker = start_worker(db, smtp_port)
        scheduler = start_process(["run_scheduler", "--interval", "0.5"], db, smtp_port)
        server, port = start_gunicorn(env)
        for path in PUBLIC_PAGES:
            assert request(port, "GET", path)[0] == 200, path

        with Traffic(port, booking_path) as traffic:
            wait_for(lambda: len(traffic.booked) >= 2, what="bookings before the restart")
            outage_started = time.monotonic()
            postgres.stop("fast")
            time.sleep(OUTAGE_SECONDS)
            postgres.start()
            back = time.monotonic()
            back_at = datetime.datetime.now(datetime.UTC)
            booked_before = len(traffic.booked)
            wait_for(lambda: len(traffic.booked) >= booked_before + 2, what="bookings after the restart")

        # gunicorn answered everything; 5xx only while the server was down, each the site's own
        # page saying 503 (a passing outage), never a traceback.
        assert [a[2] for a in traffic.answers if a[3] == 0] == []
        failed = [a for a in traffic.answers if a[3] >= 500]
        assert failed, "no answer noticed the outage: the test did not test it"
        assert {a[3] for a in failed} == {503}
        assert all('class="site-header"' in a[4] and "Traceback" not in a[4] for a in failed)
        assert all(a[1] >= outage_started and a[0] < back for a in failed)  # in flight while it was down
        assert [a[2:4] for a in traffic.answers if a[0] >= back and a[3] >= 500] == []

        # Every public page answers again, on both workers, without restarting anything.
        statuses = [request(port, "GET", path)[0] for path in PUBLIC_PAGES * 2]
        assert set(statuses) == {200}
        assert server.poll() is None and worker.poll() is None and scheduler.poll() is None

        # A restart while the app servers are idle: their kept connections are dead, and the next
        # request on each notices it (a health check) and opens a new one instead of failing.
        postgres.stop("fast")
        postgres.start()
        statuses = [request(port, "GET", path)[0] for path in PUBLIC_PAGES * 2]
        assert set(statuses) == {200}

        # No booking confirmed to its booker was lost.
        stored = {row[0] for row in query(db, "SELECT email FROM services_booking")}
        assert set(traffic.booked) <= stored

        # A publish after the restart (another process, as an editor's app server) is seen by all.
        subprocess.run(
            [
                sys.executable,
                "manage.py",
                "shell",
                "-c",
                "from tests.core.pages import publish_sala_broadband as p; p('Efter omstarten.')",
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=60,
        )
        assert all(
            "Efter omstarten." in request(port, "GET", SALA_BROADBAND_URL)[2].decode() for _ in range(8)
        )

        # The worker carries on: a booking made now is mailed by it; the scheduler's jobs run again.
        assert Traffic(port, booking_path).book("efter@example.se") == 200
        wait_for(
            lambda: any(m["To"] == "efter@example.se" for m in catcher.messages),
            what="the booking mail queued after the restart",
        )
        try:
            wait_for(
                lambda: query(
                    db,
                    "SELECT 1 FROM core_scheduledjob WHERE name = 'deliver_mail' AND last_finished_at > %s",
                    back_at,
                ),
                what="a scheduled job run by the worker after the restart",
            )
        except AssertionError as failed:
            columns = "name, next_run_at, enqueued_at, run_key, last_finished_at"
            jobs = query(db, f"SELECT {columns} FROM core_scheduledjob")
            logs = "\n".join(log_tail(process) for process in (scheduler, worker))
            alive = f"scheduler {scheduler.poll()}, worker {worker.poll()}"
            raise AssertionError(f"{failed}; jobs {jobs}; exit codes {alive}\n{logs}") from None
        recipients = [m["To"] for m in catcher.messages]
        assert len(recipients) == len(set(recipients))  # nobody was mailed twice
    finally:
        if server is not None:
            stop_gunicorn(server)
        for process in (worker, scheduler):
            if process is not None:
                stop(process)
        smtp.stop()
        redis.remove()
        postgres.destroy()
