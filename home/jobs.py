"""Scheduled jobs of the page tree (run by core's scheduler)."""

from core.schedule import MINUTE, register_command

register_command(
    "publish_scheduled",
    MINUTE,
    "publishes and unpublishes pages whose go-live or expiry time has come (Wagtail)",
)
