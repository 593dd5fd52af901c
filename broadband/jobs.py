"""Scheduled jobs of the broadband app (run by core's scheduler)."""

from core.schedule import DAY, register_command

register_command(
    "purge_coverage_reports",
    DAY,
    "erases the personal fields of reports older than COVERAGE_REPORT_RETENTION_DAYS",
)
