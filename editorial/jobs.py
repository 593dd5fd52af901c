"""Scheduled jobs of the editorial work (run by core's scheduler)."""

import datetime

from core.schedule import DAY, register_command

register_command(
    "send_review_reminders", DAY, "e-mails each editor group its overdue pages, a page at most once a week"
)
register_command(
    "check_links",
    DAY,
    "tries every external link in published content and records the answers",
    timeout=datetime.timedelta(hours=2),
)
register_command(
    "send_freshness_digest",
    DAY,
    "mails each organisation its row of the freshness overview and the region the whole table, at most "
    "once per group and ISO week (a daily run sends each week's digest once)",
)
