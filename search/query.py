"""The search a resident uses: parsed once from the request, answered by the best engine available.

The public page and the JSON API are built on the same `SearchRequest` and `run_search`, so they
can never disagree. Without a search engine the database answers (Wagtail's database backend).
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from wagtail.models import Locale, Page

from search.types import type_for_page

MAX_QUERY_LENGTH = 200
# NUL and other control characters cannot be stored or searched; they become spaces.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
PAGE_SIZE = 10
DATABASE_CANDIDATES = 200


@dataclass
class SearchRequest:
    query: str = ""
    language: str = "sv"
    municipality: str = ""
    types: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    page: int = 1

    @classmethod
    def from_params(cls, params, language: str | None = None) -> "SearchRequest":
        raw = CONTROL_CHARACTERS.sub(" ", params.get("q", "") or "")
        query = " ".join(raw.split())[:MAX_QUERY_LENGTH]
        lang = params.get("lang") or language or settings.LANGUAGE_CODE
        if lang not in dict(settings.LANGUAGES):
            lang = settings.LANGUAGE_CODE
        kommun = (params.get("kommun") or "").strip()
        try:
            page = max(1, min(int(params.get("page") or params.get("sida") or 1), 100))
        except ValueError:
            page = 1
        return cls(
            query=query,
            language=lang,
            municipality=kommun if kommun.isdigit() else "",
            types=[t for t in params.getlist("typ") if t][:10],
            topics=[t for t in params.getlist("amne") if t][:10],
            page=page,
        )


def _municipality_codes(pages) -> dict[int, list[str]]:
    from home.models import MunicipalityPage

    by_path = {m.path: m.code for m in MunicipalityPage.objects.all().only("path", "code")}
    codes = {}
    for page in pages:
        code = next(
            (
                by_path[page.path[:end]]
                for end in range(len(page.path), 0, -Page.steplen)
                if page.path[:end] in by_path
            ),
            None,
        )
        codes[page.pk] = [code] if code else ["region"]
    return codes


def database_search(request: SearchRequest) -> dict:
    """Wagtail's database backend over live public pages of the chosen language."""
    if not request.query:
        return {"total": 0, "hits": [], "facets": {"typ": {}, "kommun": {}, "amne": {}}}
    locale = Locale.objects.filter(language_code=request.language).first()
    pages = Page.objects.live().public()
    if locale:
        pages = pages.filter(locale=locale)
    results = list(pages.specific().search(request.query, operator="or")[:DATABASE_CANDIDATES])
    codes = _municipality_codes(results)
    rows = []
    for page in results:
        municipalities = codes[page.pk]
        rows.append(
            {
                "title": page.title,
                "url": page.get_url(),
                "type": type_for_page(page),
                "municipalities": municipalities,
                "topics": [],
                "summary": getattr(page, "summary", "") or page.search_description,
                "highlight": "",
            }
        )
    facets = {
        "typ": dict(Counter(row["type"] for row in rows)),
        "kommun": dict(Counter(code for row in rows for code in row["municipalities"])),
        "amne": {},
    }
    if request.municipality:
        rows = [r for r in rows if set(r["municipalities"]) & {request.municipality, "region"}]
    if request.types:
        rows = [r for r in rows if r["type"] in request.types]
    start = (request.page - 1) * PAGE_SIZE
    return {"total": len(rows), "hits": rows[start : start + PAGE_SIZE], "facets": facets}


def run_search(request: SearchRequest) -> dict:
    result = database_search(request)
    return {
        "query": request.query,
        "engine": "database",
        "suggestion": None,
        **result,
    }
