"""The filterable list of upcoming occurrences (county-wide listing), driven by GET parameters."""

from typing import NamedTuple

from django.core.paginator import Paginator
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.cache import remembered
from core.forms import western_digits
from home.localization import prefer_active_locale
from home.models import MunicipalityPage, Topic
from services.models import SESSION_LANGUAGES, HelpSessionPage, LibraryPage
from services.occurrences import horizon, occurrence_list, parse_date

PAGE_SIZE = 20


class LibraryChoice(NamedTuple):
    """A library in the filter (what the form shows of it; every library of the county is one)."""

    pk: int
    title: str
    slug: str
    translation_key: object
    locale_id: int
    alias_of_id: int | None


class MunicipalityChoice(NamedTuple):
    """A municipality in the filter."""

    pk: int
    title: str
    name: str
    code: str
    translation_key: object
    locale_id: int
    # An untranslated municipality (an alias) has the Swedish name: marked lang="sv" in the filter.
    # A default, so a choice remembered by an earlier version still reads.
    alias_of_id: int | None = None


class TopicChoice(NamedTuple):
    """A topic in the filter."""

    pk: int
    name: str
    slug: str
    translation_key: object
    locale_id: int


def choices(kind, model) -> list:
    """Every live page of `model` as a `kind` (a few fields), in the reader's language where
    translated, else Swedish; by title. Remembered per language (core.cache.remembered)."""

    def find():
        rows = model.objects.live().order_by("title").values_list(*kind._fields)
        return prefer_active_locale(kind(*row) for row in rows)

    return remembered(("choices", kind.__name__, translation.get_language()), find)


def topic_choices() -> list:
    """Every topic as a TopicChoice, in the reader's language where translated; by name."""

    def find():
        rows = Topic.objects.order_by("name").values_list(*TopicChoice._fields)
        return prefer_active_locale(TopicChoice(*row) for row in rows)

    return remembered(("choices", "TopicChoice", translation.get_language()), find)


def _title(choice) -> str:
    return choice.title


MAX_PARAMETER_LENGTH = 100


def date_problem(params) -> tuple[str, str] | None:
    """(the field, a plain message) when `fran` or `till` is no date, or lies outside the dates the
    listing covers; else None."""
    first, last = horizon()
    for name in ("fran", "till"):
        text = western_digits(params.get(name, "").strip())
        if not text:
            continue
        day = parse_date(text)
        if day is None:
            return name, _("Skriv datumet som år-månad-dag, till exempel %(example)s.") % {
                "example": f"{first:%Y-%m-%d}"
            }
        if not first <= day <= last:
            return name, _("Välj datum mellan %(first)s och %(last)s.") % {
                "first": f"{first:%Y-%m-%d}",
                "last": f"{last:%Y-%m-%d}",
            }
    return None


def session_listing_context(request, library=None) -> dict:
    """Filters from the query string; with `library`, the listing of that one library."""
    params = request.GET
    filters = {
        name: params.get(name, "").strip()[:MAX_PARAMETER_LENGTH]
        for name in ("kommun", "bibliotek", "amne", "sprak", "malgrupp", "typ", "fran", "till")
    }
    # Dates typed on an Arabic or Persian keyboard are read as the dates they are.
    filters["fran"], filters["till"] = western_digits(filters["fran"]), western_digits(filters["till"])
    today = timezone.localdate()
    problem = date_problem(params)
    date_from = None if problem else parse_date(filters["fran"])
    date_from = max(date_from or today, today)
    date_to = None if problem else parse_date(filters["till"])
    errors = []
    if date_to and date_to < date_from:
        errors.append("till")
        date_to = None
    # The choices of library and municipality are shown only in the county-wide listing.
    libraries = [] if library else choices(LibraryChoice, LibraryPage)
    municipalities = [] if library else sorted(choices(MunicipalityChoice, MunicipalityPage), key=_title)
    topics = topic_choices()
    audiences = [(code, label) for code, label in HelpSessionPage.Audience.choices if code != "everyone"]
    # A value the form does not offer (an old link, a library since closed, typed by hand) is no
    # choice: left out, as the form shows it ("Alla"), rather than applied and finding nothing.
    offered = {
        "kommun": {m.code for m in municipalities},
        "bibliotek": {lib.slug for lib in libraries},
        "amne": {t.slug for t in topics},
        "sprak": {code for code, _label in SESSION_LANGUAGES},
        "malgrupp": {code for code, _label in audiences},
        "typ": {"dropin", "bokning"},
    }
    for name, values in offered.items():
        if filters[name] not in values:
            filters[name] = ""
    chosen_library = library or next((lib for lib in libraries if lib.slug == filters["bibliotek"]), None)
    occurrences = occurrence_list(
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
        "municipalities": municipalities,
        "libraries": libraries,
        "fixed_library": library,
        "topics": topics,
        "languages": SESSION_LANGUAGES,
        "audiences": audiences,
        "date_problem": problem[1] if problem else None,
        "date_problem_field": problem[0] if problem else None,
        "active_filter_count": sum(1 for key, value in filters.items() if value),
    }
