from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.http import require_GET

from search.query import PAGE_SIZE, SearchRequest, run_search
from search.types import TYPE_LABELS


@require_GET
def search_api(request):
    search_request = SearchRequest.from_params(request.GET)
    with translation.override(search_request.language):
        result = run_search(search_request)
    response = JsonResponse(result, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def search_page(request):
    search_request = SearchRequest.from_params(request.GET, language=translation.get_language())
    result = run_search(search_request)
    pages = max(1, -(-result["total"] // PAGE_SIZE))
    return TemplateResponse(
        request,
        "search/search_page.html",
        {
            "search": search_request,
            "result": result,
            "type_labels": TYPE_LABELS,
            "page_count": pages,
            "has_next": search_request.page < pages,
        },
    )
