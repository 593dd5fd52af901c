from django.conf import settings
from django.db import connection
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.http import require_GET

from home.opendata import open_json
from search.query import MAX_QUERY_LENGTH, SearchRequest, run_search
from search.types import TYPE_LABELS


@require_GET
def search_api(request):
    search_request = SearchRequest.from_params(request.GET)
    with translation.override(search_request.language):
        result = run_search(search_request)
    return open_json(result)


@require_GET
def suggest_api(request):
    """Autocomplete: titles that start with what has been typed, in the chosen language."""
    from search.documents import alias_name, client, engine_configured
    from search.indexing import ENGINE_ERRORS

    search_request = SearchRequest.from_params(request.GET)
    text = search_request.query[:MAX_QUERY_LENGTH]
    suggestions = []
    if len(text) >= 2 and engine_configured():
        from opensearchpy import Q, Search

        try:
            response = (
                Search(using=client(), index=alias_name(search_request.language))
                .query(
                    Q(
                        "multi_match",
                        query=text,
                        type="bool_prefix",
                        fields=["title_suggest", "title_suggest._2gram", "title_suggest._3gram"],
                    )
                )
                .source(["title", "url", "type"])
                .extra(size=8)
                .execute()
            )
            suggestions = [{"title": h.title, "url": h.url, "type": h.type} for h in response.hits]
        except ENGINE_ERRORS:
            suggestions = []
    elif len(text) >= 2:
        from wagtail.models import Page

        pages = Page.objects.live().public().filter(locale__language_code=search_request.language)
        suggestions = [
            {"title": p.title, "url": p.get_url(), "type": "page"}
            for p in pages.filter(title__icontains=text)[:8]
        ]
    return open_json({"query": text, "suggestions": suggestions})


@require_GET
def healthz(request):
    from search.documents import client, engine_configured
    from search.indexing import ENGINE_ERRORS
    from search.models import IndexOutbox

    status = {"database": "ok", "search": "not configured", "outbox": None}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        status["outbox"] = IndexOutbox.objects.count()
    except Exception as exc:  # report, do not raise
        status["database"] = f"error: {type(exc).__name__}"
    if engine_configured():
        try:
            status["search"] = client().cluster.health(request_timeout=2)["status"]
        except ENGINE_ERRORS as exc:
            status["search"] = f"unavailable: {type(exc).__name__}"
    healthy = status["database"] == "ok"
    return open_json(status, status=200 if healthy else 503)


@require_GET
def search_page(request):
    search_request = SearchRequest.from_params(request.GET, language=translation.get_language())
    result = run_search(search_request)
    pages = max(1, -(-result["total"] // search_request.page_size))
    from home.models import municipalities_for_reader
    from home.models.snippets import Topic

    municipalities = {m.code: m.name for m in municipalities_for_reader()}
    topics = {
        t.slug: t.name for t in Topic.objects.filter(locale__language_code=search_request.language)
    } or {t.slug: t.name for t in Topic.objects.filter(locale__language_code=settings.LANGUAGE_CODE)}
    facets = {
        "typ": [
            (key, TYPE_LABELS.get(key, key), count)
            for key, count in sorted(result["facets"].get("typ", {}).items(), key=lambda i: -i[1])
        ],
        "kommun": [
            (key, municipalities.get(key, key), count)
            for key, count in sorted(result["facets"].get("kommun", {}).items(), key=lambda i: -i[1])
            if key in municipalities
        ],
        "amne": [
            (key, topics.get(key, key), count)
            for key, count in sorted(result["facets"].get("amne", {}).items(), key=lambda i: -i[1])
        ],
    }
    active_filters = []
    for name, values, labels in (
        ("typ", search_request.types, {k: label for k, label, _c in facets["typ"]} | TYPE_LABELS),
        ("kommun", [search_request.municipality] if search_request.municipality else [], municipalities),
        ("amne", search_request.topics, topics),
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
            "type_labels": TYPE_LABELS,
            "facets": facets,
            "active_filters": active_filters,
            "page_count": pages,
            "has_next": search_request.page < pages,
            "has_previous": search_request.page > 1,
        },
    )
