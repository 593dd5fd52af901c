"""Pages the tests add to the demo county."""

import datetime

from django.utils import timezone

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
