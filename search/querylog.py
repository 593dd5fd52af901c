"""The search log, kept off the residents' path: a search is only noted in memory, and written in
batches by one thread per process.

A resident's request does no I/O for the log: `record()` masks what looks like personal data
(`core.personal_data`) and appends the entry to this process's buffer. A daemon thread writes the
buffer every `SEARCH_LOG_FLUSH_SECONDS` (2 s) in one `bulk_create`, so several app-server processes
on SQLite meet at most once per interval for the write lock, not once per search, and on
PostgreSQL the log costs one insert per interval. A write that fails (the database is locked past
its timeout, or down) keeps the entries for the next interval, up to `SEARCH_LOG_MAX_BUFFERED`
(the oldest beyond that are dropped and counted in the log); the process writes what is left when
it exits (gunicorn's graceful stop and restarts). Only a process killed outright loses the last
interval's searches. With `SEARCH_LOG_FLUSH_SECONDS = 0` (the tests) each entry is written at once.
The cache plays no part, so a cache outage cannot touch the log.
"""

import atexit
import logging
import threading
from collections import deque

from django.conf import settings
from django.db import close_old_connections, transaction

from core.personal_data import mask_personal_data
from search.models import QueryLog

log = logging.getLogger(__name__)

_buffer: deque = deque()
_lock = threading.Lock()  # one writer at a time (the thread, an explicit flush, exit)
_wake = threading.Event()
_thread: threading.Thread | None = None
_thread_lock = threading.Lock()
_dropped = 0
BATCH = 500


def _flush_seconds() -> float:
    return float(getattr(settings, "SEARCH_LOG_FLUSH_SECONDS", 2.0))


def _max_buffered() -> int:
    return int(getattr(settings, "SEARCH_LOG_MAX_BUFFERED", 10000))


def record(query: str, language: str, municipality: str, filters: dict, hits: int, engine: str) -> None:
    """Note one first-page search. No I/O unless the log is written synchronously (tests)."""
    global _dropped
    entry = QueryLog(
        query=mask_personal_data(query).lower()[:200],
        language=language,
        municipality=municipality,
        filters=filters,
        hits=hits,
        engine=engine,
    )
    _buffer.append(entry)
    overflow = len(_buffer) - _max_buffered()
    for _ in range(max(0, overflow)):
        try:
            _buffer.popleft()
            _dropped += 1
        except IndexError:
            break
    if _flush_seconds() <= 0:
        flush()
        return
    _ensure_thread()
    if len(_buffer) >= BATCH:
        _wake.set()  # a busy minute: write now rather than let the batch grow


def pending() -> int:
    """Entries noted and not yet written (in this process)."""
    return len(_buffer)


def flush() -> int:
    """Write every entry noted so far in one batch; returns how many were written. On a database
    error the entries go back to the front of the buffer for the next try (nothing is raised)."""
    global _dropped
    with _lock:
        batch = []
        while True:
            try:
                batch.append(_buffer.popleft())
            except IndexError:
                break
        if not batch:
            return 0
        try:
            with transaction.atomic():  # SQLite: BEGIN IMMEDIATE, waiting up to SQLITE_TIMEOUT
                QueryLog.objects.bulk_create(batch, batch_size=BATCH)
        except Exception:  # the log must never break anything; keep the entries for the next try
            log.warning("could not write %d logged searches yet; keeping them", len(batch), exc_info=True)
            _buffer.extendleft(reversed(batch))
            return 0
        if _dropped:
            log.error("the search log buffer was full: %d searches were not logged", _dropped)
            _dropped = 0
        return len(batch)


def _run() -> None:
    while True:
        seconds = _flush_seconds()
        if seconds <= 0:
            return  # entries are written at once now (settings changed): nothing for this thread
        _wake.wait(seconds)
        _wake.clear()
        if _buffer and _flush_seconds() > 0:
            close_old_connections()  # a connection the database dropped (a restart) is replaced
            flush()


def _ensure_thread() -> None:
    global _thread
    if _thread is not None and _thread.is_alive():
        return
    with _thread_lock:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_run, name="search-log-writer", daemon=True)
            _thread.start()


@atexit.register
def _flush_at_exit() -> None:
    if _buffer:
        try:
            flush()
        except Exception:  # at exit the database may be gone already
            log.exception("could not write the last logged searches")
