"""Scheduled jobs of search (run by core's scheduler)."""

import datetime

from core.schedule import DAY, MINUTE, register_command
from search.indexes import engine_configured

register_command(
    "search_sync",
    MINUTE,
    "retries the index updates waiting in the outbox (the engine did not answer)",
    timeout=datetime.timedelta(minutes=10),
    enabled=engine_configured,
)
register_command(
    "purge_search_log", DAY, "deletes logged searches older than SEARCH_LOG_RETENTION_DAYS (365)"
)
