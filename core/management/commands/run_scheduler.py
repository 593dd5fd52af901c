import signal
import time

from django.core.management.base import BaseCommand
from django.db import Error as DatabaseFault
from django.db import close_old_connections, connection
from django.utils import timezone

from core import schedule
from core.models import ScheduledJob


class Command(BaseCommand):
    help = (
        "Startar de schemalagda jobben (core.schedule; varje apps jobs.py) när de ska köras, som "
        "uppgifter för arbetaren (db_worker). --list visar jobben, --once gör ett varv."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=10.0, help="seconds between checks")
        parser.add_argument("--once", action="store_true", help="check once, then exit")
        parser.add_argument("--list", action="store_true", help="list the jobs and their next run")

    def handle(self, *args, interval, once, list, **options):
        if list:
            return self.list_jobs()
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        names = ", ".join(schedule.all_jobs())
        self.say(f"scheduler: {names}; checking every {interval:g} s")
        while self.running:
            self.reconnect()
            try:
                for name in schedule.tick():
                    self.say(f"{timezone.now():%Y-%m-%d %H:%M:%S} enqueued {name}")
            except DatabaseFault as exc:
                # The database restarts (any error of the connection, a closed one included): keep
                # going, with a new connection next round.
                self.say(f"scheduler: database unavailable ({type(exc).__name__}: {exc}); retrying", True)
                self.reconnect()
            if once:
                break
            deadline = time.monotonic() + interval
            while self.running and time.monotonic() < deadline:
                time.sleep(min(0.5, interval))

    def say(self, line: str, error: bool = False):
        """A line of the log, written at once (a log read while the scheduler runs, or after it was
        killed, is whole)."""
        out = self.stderr if error else self.stdout
        out.write(line)
        out.flush()

    def reconnect(self):
        """Drop a connection the database closed (it restarted), never one inside a transaction; one
        that fails while being dropped is dropped all the same."""
        if connection.in_atomic_block:
            return
        try:
            close_old_connections()
        except DatabaseFault:
            pass  # closed all the same: Django forgets the connection even when closing it fails

    def stop(self, signum, frame):
        self.running = False

    def list_jobs(self):
        rows = {row.name: row for row in ScheduledJob.objects.all()}
        for job in schedule.all_jobs().values():
            row = rows.get(job.name)
            state = f"next {row.next_run_at:%Y-%m-%d %H:%M}" if row else "not run yet"
            if row and row.failures:
                state += f", {row.failures} failures: {row.last_error[:80]}"
            if not schedule.is_enabled(job):
                state = "off here"
            self.stdout.write(f"{job.name:24} every {job.every}  {state}  – {job.description}")
