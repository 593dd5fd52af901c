"""Shared fixtures: the demo county is loaded once into the test database and every test runs in a
transaction on top of it. Tests that need commits (browser tests, live server) get it back from a copy
of its tables taken right after that load (the flush after each such test empties every table).
"""

import errno
import ipaddress
import os
import socket

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management.color import no_style
from django.core.servers.basehttp import WSGIServer
from django.db import connection, transaction

from demo.loader import DemoLoader
from home.models import HomePage

# The live server's listen backlog (10 by default) would reset connections when the concurrency
# test sends thirty requests at the same moment; a real deployment sits behind gunicorn.
WSGIServer.request_queue_size = 64


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        DemoLoader(log=lambda *a: None).run()
        DemoCopy.take()


@pytest.fixture(autouse=True)
def _fresh_cache():
    for alias in settings.CACHES:
        caches[alias].clear()
    yield
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture
def demo(db):
    return HomePage.objects.get(locale__language_code="sv")


class DemoCopy:
    """A copy of every table as the session's demo load left it, in the test database itself.

    Loading the demo takes half a minute on PostgreSQL; copying its rows back takes a second. The
    copy is made with SQL alone (`CREATE TABLE … AS SELECT`, `INSERT … SELECT`), so every column
    type comes back as it was. Foreign keys are deferred to the commit on both databases, so the
    order of the tables does not matter. Tables a trigger fills (SQLite's full-text table of
    Wagtail's search index, a virtual table) are emptied, not copied: restoring the rows of the
    index entries fills them again, and copying them as well doubled every entry, so that the next
    page saved failed on its constraint.
    """

    SCHEMA = "demo_copy"  # PostgreSQL: a schema of its own; SQLite: a prefix on the table name

    @classmethod
    def tables(cls) -> list[str]:
        return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))

    @classmethod
    def copied(cls, tables: list[str]) -> list[str]:
        """The tables whose rows are copied: all but the virtual ones (filled by triggers)."""
        virtual = set()
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
                virtual = {name for (name,) in cursor.fetchall()}
        return [table for table in tables if table not in virtual]

    @classmethod
    def copy_of(cls, table: str) -> str:
        quote = connection.ops.quote_name
        if connection.vendor == "postgresql":
            return f"{cls.SCHEMA}.{quote(table)}"
        return quote(f"{cls.SCHEMA}__{table}")

    @classmethod
    def take(cls) -> None:
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP SCHEMA IF EXISTS {cls.SCHEMA} CASCADE")
                cursor.execute(f"CREATE SCHEMA {cls.SCHEMA}")
            for table in cls.copied(cls.tables()):
                cursor.execute(f"DROP TABLE IF EXISTS {cls.copy_of(table)}")
                cursor.execute(f"CREATE TABLE {cls.copy_of(table)} AS SELECT * FROM {quote(table)}")

    @classmethod
    def restore(cls) -> None:
        """Every table emptied and filled again from the copy, sequences past the highest id."""
        quote, tables = connection.ops.quote_name, cls.tables()
        with transaction.atomic(), connection.cursor() as cursor:
            for sql in connection.ops.sql_flush(no_style(), tables, allow_cascade=True):
                cursor.execute(sql)
            for table in cls.copied(tables):
                cursor.execute(f"INSERT INTO {quote(table)} SELECT * FROM {cls.copy_of(table)}")
            models = apps.get_models(include_auto_created=True)
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
        # The flush's post_migrate made content types with other ids; the copy's are back.
        ContentType.objects.clear_cache()


def committed_demo() -> HomePage:
    """The demo site committed, where live servers and other connections see it (back from the copy if
    a flush emptied the database)."""
    if not HomePage.objects.exists():
        DemoCopy.restore()
    return HomePage.objects.get(locale__language_code="sv")


@pytest.fixture
def demo_committed(transactional_db):
    """The demo site in a database that live-server tests can see."""
    return committed_demo()


def search_engine_required() -> bool:
    """CI (`.ci/run`): every part is there, so no test may skip itself."""
    return os.environ.get("REQUIRE_SEARCH_ENGINE") == "1"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under REQUIRE_SEARCH_ENGINE=1 a test that skips itself fails: a CI run that skips the engine,
    Redis, checker or PostgreSQL tests is a broken CI, whatever skip tomorrow's test adds."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and search_engine_required() and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped under REQUIRE_SEARCH_ENGINE=1, where every test must run: {reason}"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (for a server a test starts)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Loopback only: a test (or the code it runs, today's or tomorrow's) that tries to reach anything
# but this machine gets "network unreachable", as if offline, and the test fails saying where it
# tried to go. Servers the tests start (gunicorn, the task worker, Chromium) are separate
# processes: they are started with loopback addresses only.
_OUTSIDE: list[str] = []
_connect, _connect_ex, _getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo


def _on_this_machine(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if host is None or host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False  # a name that resolves elsewhere: a lookup is already traffic


def _refuse(where) -> OSError:
    _OUTSIDE.append(repr(where))
    return OSError(errno.ENETUNREACH, f"tests send traffic only to 127.0.0.1, not to {where!r}")


def _guarded_connect(method):
    def connect(self, address):
        if isinstance(address, tuple) and not _on_this_machine(address[0]):
            raise _refuse(address)
        return method(self, address)

    return connect


def _guarded_getaddrinfo(host, *args, **kwargs):
    if not _on_this_machine(host):
        _refuse(host)
        raise socket.gaierror(socket.EAI_NONAME, f"tests resolve only loopback names, not {host!r}")
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect = _guarded_connect(_connect)
socket.socket.connect_ex = _guarded_connect(_connect_ex)
socket.getaddrinfo = _guarded_getaddrinfo


@pytest.fixture(autouse=True)
def _loopback_only():
    seen = len(_OUTSIDE)
    yield
    tried = _OUTSIDE[seen:]
    assert not tried, f"the test tried to reach other machines (loopback only): {sorted(set(tried))}"
