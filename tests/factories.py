"""What the tests add to the demo county: pages, a bookable series, a coverage report."""

import datetime

from django.utils import timezone

from broadband.models import CoverageReport
from services.models import HelpSessionPage, LibraryPage


def add_session(
    library: LibraryPage, *, title: str, slug: str, first_date: datetime.date | None = None, **fields
):
    """A weekly session series, 10–11, in Swedish, under `library` (fields override the defaults)."""
    values = {
        "title": title,
        "slug": slug,
        "first_date": first_date or timezone.localdate(),
        "start_time": datetime.time(10),
        "end_time": datetime.time(11),
        "repeat": "weekly",
        "languages": ["sv"],
        **fields,
    }
    return library.add_child(instance=HelpSessionPage(**values))


def library(slug: str) -> LibraryPage:
    return LibraryPage.objects.get(slug=slug, locale__language_code="sv")


def bookable_session(
    capacity: int = 2,
    title: str = "Bokningstest",
    *,
    slug: str | None = None,
    days_ahead: int = 3,
    lib: str = "sala-stadsbibliotek",
) -> tuple[HelpSessionPage, datetime.date]:
    """A weekly series that needs booking, first held `days_ahead` days from today: (series, that date)."""
    first = timezone.localdate() + datetime.timedelta(days=days_ahead)
    session = add_session(
        library(lib),
        title=title,
        slug=slug or f"bokningstest-{capacity}",
        first_date=first,
        booking_required=True,
        capacity=capacity,
    )
    return session, first


def coverage_report(code: str, place: str, **extra) -> CoverageReport:
    """A report of poor mobile coverage in municipality `code`, dated today."""
    return CoverageReport.objects.create(
        reference=place[:6].upper(),
        municipality_code=code,
        place=place,
        operator="tre",
        problem="slow_data",
        occurred_on=datetime.date.today(),
        **extra,
    )
