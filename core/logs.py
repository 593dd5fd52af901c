"""Logging filters for the site's LOGGING setting."""

import logging


class WithoutTraceback(logging.Filter):
    """Keeps the line, drops the traceback: for what the site answers well and needs no stack to
    understand (a request for a host name the site does not serve gets its own 400 page; robots send
    thousands, each logged by Django with the whole stack of the handler)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        return True
