"""How long personal data is kept, as the settings say: one list the privacy page renders.

Each app that stores personal data registers what it keeps and for how long with the Wagtail hook
`register_retention_periods`, reading the number of days from its setting at render time:

    @hooks.register(RETENTION_PERIODS)
    def bookings():
        return [RetentionPeriod(_("Bokningar"), settings.BOOKING_RETENTION_DAYS, _("efter tillfället"), ...)]

The privacy page shows them with the `retention` block (`home.blocks.RetentionPeriodsBlock`), so an
editor's text never states a number of days that the settings have since changed.
"""

from dataclasses import dataclass

from wagtail import hooks

RETENTION_PERIODS = "register_retention_periods"


@dataclass(frozen=True)
class RetentionPeriod:
    what: str  # what is kept, e.g. "Bokningar av digital hjälp"
    days: int  # from a setting
    counted_from: str  # e.g. "efter tillfället"
    details: str = ""  # what is kept and what happens after
    command: str = ""  # the management command that enforces it


def retention_periods() -> list[RetentionPeriod]:
    periods = [period for hook in hooks.get_hooks(RETENTION_PERIODS) for period in hook()]
    return sorted(periods, key=lambda period: str(period.what))
