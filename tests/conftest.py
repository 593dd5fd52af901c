"""Shared fixtures: the demo county is loaded once into the test database and every test runs in a
transaction on top of it. Tests that need commits (browser tests, live server) load it themselves.
"""

import errno
import ipaddress
import os
import socket

import pytest
from django.conf import settings
from django.core.cache import caches

# The live server's listen backlog (10 by default) would reset connections when the concurrency
# test sends thirty requests at the same moment; a real deployment sits behind gunicorn.
from django.core.servers.basehttp import WSGIServer  # noqa: E402

from demo.loader import DemoLoader
from home.models import HomePage

WSGIServer.request_queue_size = 64


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        DemoLoader(log=lambda *a: None).run()


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


@pytest.fixture
def demo_committed(transactional_db):
    """The demo site in a database that live-server tests can see (loaded if a flush emptied it)."""
    if not HomePage.objects.exists():
        DemoLoader(log=lambda *a: None).run()
    return HomePage.objects.get(locale__language_code="sv")


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
