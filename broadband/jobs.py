"""Scheduled jobs of the broadband app (run by core's scheduler)."""

import datetime

from core.schedule import Job, register

register(
    Job(
        "purge_coverage_reports",
        every=datetime.timedelta(days=1),
        command="purge_coverage_reports",
        description="erases the personal fields of reports older than COVERAGE_REPORT_RETENTION_DAYS",
    )
)
