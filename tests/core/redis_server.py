"""A real Redis server for tests: Debian's `redis-server`, on 127.0.0.1 and a free port. It writes
nothing to disk unless a test asks it to keep its data over a restart (`save`), as a managed Redis
or one with persistence does.

Test modules import the fixtures: `from tests.core.redis_server import redis_cache_fixture, ...`.
"""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches

from core import cache_backends
from tests.conftest import free_port  # noqa: F401 - also imported from here


class RedisServer:
    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None
        self.directory = tempfile.mkdtemp(prefix="envagin-redis-")

    def start(self):
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.fail("redis-server is not installed (apt-get install redis-server; .ci/run does it)")
        self.process = subprocess.Popen(
            [binary, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no"]
            + ["--dir", self.directory],  # a snapshot there (`save`) is loaded when it starts again
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(16).startswith(b"+PONG"):
                        return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process is not None:
            if self.process.poll() is None:
                os.kill(self.process.pid, signal.SIGCONT)  # in case a test froze it
                self.process.terminate()
                self.process.wait(10)
            self.process = None

    def remove(self):
        self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)

    def save(self):
        """Write a snapshot that the next `start` loads: the data outlives a stop."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as conn:
            conn.sendall(b"SAVE\r\n")
            assert conn.recv(16).startswith(b"+OK")

    def freeze(self):
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self):
        os.kill(self.process.pid, signal.SIGCONT)


# Two seconds, not the site's 0.25: on a loaded test machine one slow reply would mark Redis down
# and drop a write the test then looks for. The frozen-Redis test asks for the short one.
PATIENT_TIMEOUT = 2.0


def redis_caches(url: str, timeout: float = PATIENT_TIMEOUT) -> dict:
    options = {"socket_timeout": timeout, "socket_connect_timeout": timeout}
    return {
        "default": {
            "BACKEND": "core.cache_backends.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "envagin",
            "OPTIONS": options,
        },
        "pages": {
            "BACKEND": "core.cache_backends.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "envagin-pages",
            "OPTIONS": options,
        },
    }


@pytest.fixture(name="redis_server")
def redis_server_fixture():
    server = RedisServer().start()
    yield server
    server.remove()


@pytest.fixture(name="redis_cache")
def redis_cache_fixture(redis_server, settings):
    """The site's caches in a real Redis server of the test's own (stopped afterwards)."""
    settings.CACHES = redis_caches(redis_server.url)
    cache_backends._down_until.clear()
    yield redis_server
    cache_backends._down_until.clear()
    for alias in django_settings.CACHES:
        caches[alias].close()
