"""Flattening pages and snippets into search documents.

Apps say in their own `documents.py` which page types and snippets they contribute and what is
special about them; this module does what every document shares (title, summary, text of the
search fields, URL, municipality by tree ancestry, language). Builders return plain dicts, which
`search.indexing` sends to the index of the document's language.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.html import strip_tags
from wagtail.blocks import StreamValue
from wagtail.models import Page, PageViewRestriction

REGION = "region"

PAGE_TYPES: dict[type, tuple[str, Callable | None]] = {}
SNIPPETS: dict[type, Callable] = {}


def register_page(model: type, doc_type: str):
    def decorator(extra: Callable | None):
        PAGE_TYPES[model] = (doc_type, extra)
        return extra

    return decorator


def register_snippet(model: type):
    def decorator(builder: Callable):
        SNIPPETS[model] = builder
        return builder

    return decorator


def load_app_documents() -> None:
    """Import each app's documents.py so that its registrations run."""
    from importlib import import_module

    for app in ("home", "broadband", "services"):
        import_module(f"{app}.documents")


@dataclass
class IndexContext:
    """Lookups shared by all documents of one indexing run, each made once."""

    municipality_cache: dict | None = None
    topic_cache: dict | None = None
    extra: dict = field(default_factory=dict)

    @cached_property
    def municipalities_by_path(self) -> dict:
        from home.models import MunicipalityPage

        return {m.path: m for m in MunicipalityPage.objects.all()}

    @cached_property
    def municipalities_by_code(self) -> dict:
        result = {}
        for municipality in self.municipalities_by_path.values():
            result.setdefault(municipality.code, municipality)
        return result

    def municipality_for(self, page: Page):
        step = Page.steplen
        for end in range(len(page.path), 0, -step):
            found = self.municipalities_by_path.get(page.path[:end])
            if found is not None:
                return found
        return None

    @cached_property
    def topics(self) -> dict:
        from home.models import Topic

        return {
            (t.translation_key, t.locale.language_code): t for t in Topic.objects.select_related("locale")
        }

    def topic_fields(self, topics, language: str) -> dict:
        topics = list(topics)
        names = [self.topics.get((t.translation_key, language), t).name for t in topics]
        return {"topics": sorted({t.slug for t in topics}), "topic_names": " ".join(names)}


def text_of(value) -> str:
    """Plain text of a field: rich text, StreamField (walked, not rendered) or plain strings."""
    if value is None:
        return ""
    if isinstance(value, StreamValue):
        parts: list[str] = []
        _walk(value.raw_data, parts)
        return " ".join(parts)
    return " ".join(strip_tags(str(value)).split())


def _walk(data, parts: list[str]) -> None:
    if isinstance(data, str):
        text = " ".join(strip_tags(data).split())
        if text and not text.startswith(("http://", "https://")):
            parts.append(text)
    elif isinstance(data, dict):
        for key, item in data.items():
            if key in ("type", "id", "kind", "eservice", "page", "url"):
                continue
            _walk(item, parts)
    elif isinstance(data, list | tuple):
        for item in data:
            _walk(item, parts)
    elif hasattr(data, "raw_data"):
        _walk(data.raw_data, parts)


def is_public(page: Page) -> bool:
    if not page.live:
        return False
    return not PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists()


def page_type(page: Page) -> tuple[str, Callable | None]:
    for cls in type(page).__mro__:
        if cls in PAGE_TYPES:
            return PAGE_TYPES[cls]
    return "page", None


def page_document(page: Page, ctx: IndexContext) -> dict | None:
    """The document for a live, public page, or None when it must not be found."""
    page = page.specific
    if page.depth < 2:
        return None
    doc_type, extra = page_type(page)
    language = page.locale.language_code
    municipality = ctx.municipality_for(page)
    skip = {"title", "summary"}
    body_parts = []
    for search_field in getattr(page, "search_fields", []):
        name = getattr(search_field, "field_name", None)
        if name and name not in skip and type(search_field).__name__ == "SearchField":
            skip.add(name)
            body_parts.append(text_of(getattr(page, name, "")))
    doc = {
        "title": page.title,
        "summary": getattr(page, "summary", "") or page.search_description or "",
        "body": " ".join(part for part in body_parts if part),
        "url": page.get_url(),
        "type": doc_type,
        "municipalities": [municipality.code] if municipality else [REGION],
        "localities": municipality.locality_list if municipality else [],
        "places": " ".join([municipality.name, *municipality.locality_list]) if municipality else "",
        "topics": [],
        "topic_names": "",
        "life_events": [],
        "language": language,
        "last_published": page.last_published_at,
        "title_suggest": page.title,
        "page_id": page.pk,
    }
    if extra:
        doc.update(extra(page, ctx) or {})
    return with_type_label(doc, language)


def with_type_label(doc: dict, language: str) -> dict:
    """Add the type's name in the index's language ("Bibliotek", "Library") as searchable text."""
    from django.utils import translation

    from search.types import TYPE_LABELS

    with translation.override(language):
        label = str(TYPE_LABELS.get(doc["type"], ""))
    return {**doc, "topic_names": f"{doc.get('topic_names', '')} {label}".strip()}


def page_doc_id(page_id: int) -> str:
    return f"page-{page_id}"
