"""Scheduled jobs of search (run by core's scheduler)."""

import datetime

from core.schedule import Job, register
from search.indexes import engine_configured

register(
    Job(
        "search_sync",
        every=datetime.timedelta(minutes=1),
        command="search_sync",
        description="retries the index updates waiting in the outbox (the engine did not answer)",
        timeout=datetime.timedelta(minutes=10),
        enabled=engine_configured,
    )
)
register(
    Job(
        "purge_search_log",
        every=datetime.timedelta(days=1),
        command="purge_search_log",
        description="deletes logged searches older than SEARCH_LOG_RETENTION_DAYS (365)",
    )
)
