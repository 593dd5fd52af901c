from django.conf import settings
from django.db import DatabaseError
from django.template.response import TemplateResponse
from django.utils import translation

from core.http import read_only
from core.opendata import in_requested_language, open_json
from home.localization import foreign_language
from home.models import Topic, municipalities_for_reader
from search import breaker
from search.indexes import client, engine_configured
from search.indexing import ENGINE_ERRORS, missing_languages
from search.models import IndexOutbox
from search.registry import type_labels
from search.service import SearchRequest, run_search, suggestions


@read_only
@in_requested_language
def search_api(request):
    return open_json(run_search(SearchRequest.from_params(request.GET)))


@read_only
@in_requested_language
def suggest_api(request):
    """Autocomplete: titles that start with what has been typed, in the chosen language."""
    search_request = SearchRequest.from_params(request.GET)
    return open_json({"query": search_request.query, **suggestions(search_request)})


def names(objects: dict) -> dict:
    return {key: obj.name for key, obj in objects.items()}


def search_health():
    """For /healthz (core/health.py): the engine's cluster status, that an index is missing, or why
    the engine does not answer. While the breaker is open the engine is not asked."""
    if not engine_configured():
        return "not configured"
    if breaker.state() == breaker.OPEN:
        return "unavailable: breaker open"
    try:
        status = client().cluster.health(request_timeout=2)["status"]
        missing = missing_languages(timeout=2)
    except ENGINE_ERRORS as exc:
        breaker.failed(exc)
        return f"unavailable: {type(exc).__name__}"
    if missing:
        # A node restarted empty, a cluster restored without its indexes: searches in these
        # languages answer from the database until `search_sync` has rebuilt them.
        return f"degraded: no index for {', '.join(missing)} (search_sync rebuilds it)"
    return status


def breaker_state():
    return breaker.state()


def outbox_set_aside():
    """For /healthz: index changes that failed SEARCH_OUTBOX_MAX_ATTEMPTS times while the engine
    answered and need someone to look (admin → Reports → Indexkö)."""
    try:
        return IndexOutbox.objects.set_aside().count()
    except DatabaseError:
        return None


def outbox_length():
    """For /healthz: index updates waiting for the engine (None when the database does not answer)."""
    try:
        return IndexOutbox.objects.pending().count()
    except DatabaseError:
        return None


@read_only
def search_page(request):
    search_request = SearchRequest.from_params(request.GET, language=translation.get_language())
    result = run_search(search_request)
    pages = max(1, -(-result["total"] // search_request.page_size))
    labels_by_type = type_labels()
    # Names in the reader's language where translated; a Swedish one (an untranslated municipality,
    # a topic without a translation) is marked as such (the fourth value: its language, or "").
    municipalities = {m.code: m for m in municipalities_for_reader()}
    topics = {t.slug: t for t in Topic.objects.filter(locale__language_code=search_request.language)} or {
        t.slug: t for t in Topic.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    }

    def by_count(name):
        return sorted(result["facets"].get(name, {}).items(), key=lambda i: -i[1])

    facets = {
        "typ": [(key, labels_by_type.get(key, key), count, "") for key, count in by_count("typ")],
        "kommun": [
            (key, municipalities[key].name, count, foreign_language(municipalities[key]))
            for key, count in by_count("kommun")
            if key in municipalities
        ],
        "amne": [
            (key, topics[key].name, count, foreign_language(topics[key]))
            if key in topics
            else (key, key, count, "")
            for key, count in by_count("amne")
        ],
    }
    active_filters = []
    for name, values, labels in (
        ("typ", search_request.types, labels_by_type),
        (
            "kommun",
            [search_request.municipality] if search_request.municipality else [],
            names(municipalities),
        ),
        ("amne", search_request.topics, names(topics)),
    ):
        for value in values:
            query = request.GET.copy()
            query.setlist(name, [v for v in query.getlist(name) if v != value])
            query.pop("page", None)
            active_filters.append((labels.get(value, value), "?" + query.urlencode()))
    return TemplateResponse(
        request,
        "search/search_page.html",
        {
            "search": search_request,
            "result": result,
            "type_labels": labels_by_type,
            "facets": facets,
            "active_filters": active_filters,
            "page_count": pages,
            "has_next": search_request.page < pages,
            "has_previous": search_request.page > 1,
        },
    )
