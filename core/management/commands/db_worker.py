"""`db_worker` (django-tasks' database worker) that rides out a database restart.

The upstream worker re-raises any database error that is not SQLite's "database is locked", so a
PostgreSQL restart (or a failover, or a dropped connection) ends the worker process and the queue
stands still until someone restarts it. This one closes its connections, waits (0.5 s doubling up
to 5 s) and goes on polling. A task that was running when the database
went away is left as it was: the jobs and the mail queue each have their own sweep for that
(core/schedule.py: the job's claim times out; core/mail.py: the message's claim lapses).

Core is the first app in INSTALLED_APPS, so `manage.py db_worker` is this command.
"""

import logging
import time

from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands import db_worker as upstream

logger = logging.getLogger("django_tasks_db")
MAX_DELAY = 5.0


class ReconnectingWorker(upstream.Worker):
    def run(self) -> None:
        delay = 0.5
        while self.running:
            try:
                return super().run()
            except (OperationalError, InterfaceError) as exc:
                logger.warning("database unavailable (%s); the worker tries again in %.1f s", exc, delay)
                for connection in connections.all(initialized_only=True):
                    try:
                        connection.close()
                    except Exception:  # already broken: Django forgets it either way
                        pass
                self.startup_delay = False
                time.sleep(delay)
                delay = min(delay * 2, MAX_DELAY)
        return None


class Command(upstream.Command):
    help = upstream.Command.help + " (reconnecting when the database restarts)"

    def handle(self, *args, **options):
        upstream.Worker = ReconnectingWorker  # the upstream command builds its worker by this name
        return super().handle(*args, **options)
