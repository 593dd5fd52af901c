"""The filterable list of upcoming occurrences (county-wide listing), driven by GET parameters."""

import datetime

from django.core.paginator import Paginator
from django.utils import timezone

from home.localization import prefer_active_locale
from home.models import Topic, municipalities_for_reader
from services.models import SESSION_LANGUAGES, HelpSessionPage, LibraryPage
from services.occurrences import upcoming_occurrences

PAGE_SIZE = 20


def _date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def session_listing_context(request, library=None) -> dict:
    """Filters from the query string; with `library`, the listing of that one library."""
    params = request.GET
    filters = {
        "kommun": params.get("kommun", "").strip(),
        "bibliotek": params.get("bibliotek", "").strip(),
        "amne": params.get("amne", "").strip(),
        "sprak": params.get("sprak", "").strip(),
        "malgrupp": params.get("malgrupp", "").strip(),
        "typ": params.get("typ", "").strip(),
        "fran": params.get("fran", "").strip(),
        "till": params.get("till", "").strip(),
    }
    today = timezone.localdate()
    date_from = _date(filters["fran"]) or today
    date_from = max(date_from, today)
    date_to = _date(filters["till"])
    errors = []
    if date_to and date_to < date_from:
        errors.append("till")
        date_to = None
    libraries = prefer_active_locale(LibraryPage.objects.live().select_related("locale").order_by("title"))
    chosen_library = library or next((lib for lib in libraries if lib.slug == filters["bibliotek"]), None)
    occurrences = upcoming_occurrences(
        library_key=chosen_library.translation_key if chosen_library else None,
        municipality_code=(filters["kommun"] or None) if library is None else None,
        topic=filters["amne"] or None,
        language=filters["sprak"] or None,
        audience=filters["malgrupp"] or None,
        booking=filters["typ"] or None,
        date_from=date_from,
        date_to=date_to,
    )
    paginator = Paginator(occurrences, PAGE_SIZE)
    page = paginator.get_page(params.get("sida"))
    query = params.copy()
    query.pop("sida", None)
    return {
        "filters": filters,
        "filter_errors": errors,
        "occurrences": page,
        "paginator": paginator,
        "filter_query": query.urlencode(),
        "municipalities": municipalities_for_reader(),
        "libraries": libraries,
        "fixed_library": library,
        "topics": prefer_active_locale(Topic.objects.select_related("locale").order_by("name")),
        "languages": SESSION_LANGUAGES,
        "audiences": HelpSessionPage.Audience.choices,
        "active_filter_count": sum(1 for key, value in filters.items() if value),
    }
