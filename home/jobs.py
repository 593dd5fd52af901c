"""Scheduled jobs of the page tree (run by core's scheduler)."""

import datetime

from core.schedule import Job, register

register(
    Job(
        "publish_scheduled",
        every=datetime.timedelta(minutes=1),
        command="publish_scheduled",
        description="publishes and unpublishes pages whose go-live or expiry time has come (Wagtail)",
    )
)
