"""tools/run.py's supervisor (`make run`, `make stack`): a part that exits is brought back while the
rest go on; only a part that cannot start at all stops everything; Ctrl-C stops every part."""

import importlib.util
import os
import signal
import sys
import time
from pathlib import Path

import pytest

SPEC = importlib.util.spec_from_file_location(
    "run_tool", Path(__file__).resolve().parents[1] / "tools" / "run.py"
)
run_tool = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(run_tool)

SLEEPER = [sys.executable, "-c", "import time; time.sleep(120)"]


def until(condition, supervisor, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        results = [supervisor._check(child) for child in supervisor.children]
        if condition(results):
            return results
        time.sleep(0.05)
    raise AssertionError("the supervisor did not get there in time")


@pytest.fixture
def supervisor(monkeypatch):
    monkeypatch.setattr(run_tool, "SHARED_RESTART_SECONDS", 0.3)
    monkeypatch.setattr(run_tool, "say", lambda text: None)
    supervisor = run_tool.Supervisor()
    yield supervisor
    supervisor.stop()


def test_a_shared_part_that_dies_comes_back_and_the_app_goes_on(supervisor):
    supervisor.start("redis", SLEEPER, dict(os.environ), shared=True)
    supervisor.start("gunicorn", SLEEPER, dict(os.environ))
    redis, app = supervisor.children
    first, app_pid = redis.process.pid, app.process.pid
    os.kill(first, signal.SIGKILL)
    until(lambda results: redis.process.pid != first and redis.process.poll() is None, supervisor)
    assert app.process.pid == app_pid and app.process.poll() is None  # never stopped meanwhile
    assert redis.restart_after == 0.3 and app.restart_after == 1.0


def test_a_part_that_cannot_start_stops_everything_after_five_tries(supervisor, monkeypatch):
    supervisor.start("gunicorn", SLEEPER, dict(os.environ))
    supervisor.start("broken", [sys.executable, "-c", "raise SystemExit(3)"], dict(os.environ), shared=True)
    app, broken = supervisor.children
    results = until(lambda results: any(r is not None for r in results), supervisor)
    assert results[1] == 3 and broken.quick_exits == run_tool.GIVE_UP_AFTER
    assert app.process.poll() is None
    supervisor.stop()  # as wait() does then
    assert app.process.poll() is not None


def test_stop_ends_frozen_parts_too(supervisor):
    supervisor.start("redis", SLEEPER, dict(os.environ), shared=True)
    [redis] = supervisor.children
    os.kill(redis.process.pid, signal.SIGSTOP)  # a fault drill left it frozen
    started = time.monotonic()
    supervisor.stop()
    assert redis.process.poll() is not None and time.monotonic() - started < 9  # not the 10 s SIGKILL


def test_the_mail_catcher_shows_a_booking_confirmation_with_its_text_and_calendar_file(tmp_path, capsys):
    import mailbox

    from django.core.mail import EmailMultiAlternatives

    spec = importlib.util.spec_from_file_location(
        "mailcatcher", Path(__file__).resolve().parents[1] / "tools" / "mailcatcher.py"
    )
    catcher = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(catcher)
    message = EmailMultiAlternatives("Din bokning", "Välkommen på tisdag.", "a@envagin.localhost", ["b@x.se"])
    message.attach("bokning.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    mailbox.Maildir(tmp_path / "mail").add(message.message().as_bytes())
    assert catcher.show_message(tmp_path / "mail", 1) == 0
    shown = capsys.readouterr().out
    assert "Subject: Din bokning" in shown and "Välkommen på tisdag." in shown
    assert "[attachment bokning.ics, text/calendar]" in shown and "BEGIN:VCALENDAR" in shown
