"""A real SMTP server on 127.0.0.1 for the mail tests (aiosmtpd in a thread), and a worker process."""

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from email import message_from_bytes
from pathlib import Path

from aiosmtpd.controller import Controller

from tests.conftest import free_port  # noqa: F401 - also imported from here

ROOT = Path(__file__).resolve().parents[2]
LOGS = ROOT / ".cache" / "test-workers"


class Catcher:
    """Keeps every message it accepts; can hold a conversation at RCPT until released."""

    def __init__(self, hold: bool = False):
        self.messages = []
        self.hold = hold
        self.held = threading.Event()
        self.release = threading.Event()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.hold and not self.release.is_set():
            self.held.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"


class SMTPServer:
    def __init__(self, port: int, catcher: Catcher):
        self.port = port
        self.catcher = catcher
        self.controller = None

    def start(self):
        self.controller = Controller(self.catcher, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None


def database_url(settings_dict) -> str:
    host = settings_dict["HOST"] or "127.0.0.1"
    return (
        f"postgres://{settings_dict['USER']}:{settings_dict['PASSWORD']}@{host}"
        f":{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"
    )


def start_process(args: list[str], database: str, smtp_port: int, **extra) -> subprocess.Popen:
    """A manage.py command in a process of its own against the test database and the test's SMTP."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "MAIL_", "TASKS_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.base",
        DATABASE_URL=database,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        EMAIL_TIMEOUT="10",
        MAIL_RETRY_BASE_SECONDS="0.2",
        MAIL_RETRY_MAX_SECONDS="0.5",
        MAIL_CLAIM_SECONDS="2",
        MAIL_SWEEP_SECONDS="1",  # the scheduler's deliver_mail job (every process must agree)
        OPENSEARCH_URL="",
        SCHEDULED_JOBS_DISABLED="check_links",  # no requests to other hosts
        PYTHONUNBUFFERED="1",  # the log is whole however the process ends
        PYTHONFAULTHANDLER="1",  # a process that does not stop writes where it hangs (stop())
        **extra,
    )
    LOGS.mkdir(parents=True, exist_ok=True)
    log = (LOGS / f"{args[0]}-{time.time_ns()}.log").open("w")  # read it when a fault test fails
    process = subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    process.log_path = Path(log.name)
    return process


def log_tail(process: subprocess.Popen, lines: int = 30) -> str:
    """The end of a process's log (start_process), for the message of a failed fault test: CI keeps
    what the test printed, not the files it wrote."""
    text = process.log_path.read_text(errors="replace") if process.log_path.exists() else ""
    return f"--- {process.log_path.name} ---\n" + "\n".join(text.splitlines()[-lines:])


def start_worker(database: str, smtp_port: int) -> subprocess.Popen:
    return start_process(
        ["db_worker", "--interval", "0.1", "--no-startup-delay", "--no-reload", "--queue-name", "*"],
        database,
        smtp_port,
    )


def stop(process: subprocess.Popen, signum=signal.SIGTERM) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signum)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        # Hung: SIGABRT makes the fault handler write every thread's stack to the log first.
        os.killpg(process.pid, signal.SIGABRT)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wait_for(condition, seconds: float = 45, what: str = "condition"):
    """Polls a condition on real parts (a database row, a socket) until it holds, or fails."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")
