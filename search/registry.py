"""The document types residents see, and flattening pages and snippets into search documents.

Each app declares the document types it owns (`DocumentType`: name, label, ranking weight) and,
in its own `documents.py`, which page types and snippets it contributes and what is special about
them. The search app finds those modules itself (`discover`, run when the app is ready), so it
imports no feature app; the types of home's pages are declared in `search/documents.py`, as home
does not know about search. This module does what every document shares (title, summary, text of
the search fields, URL, municipality by tree ancestry, language). Builders return plain dicts,
which `search.indexing` sends to the index of the document's language.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property

from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from django.utils.module_loading import autodiscover_modules
from wagtail.blocks import StreamValue
from wagtail.models import Page, PageViewRestriction

from core.text import html_text
from home import tree
from home.models import Topic
from home.models.base import FOLDED_FIELDS

REGION = "region"
CONTRIBUTION_MODULE = "documents"


@dataclass(frozen=True)
class DocumentType:
    """A kind of search result, declared once by the app that owns it.

    `name` is what the index, the JSON API and the `typ` filter use; `label` (translated) is what
    residents see beside a hit and in the type facet, and is indexed as searchable text of pages,
    so "bibliotek" finds libraries; `weight` multiplies the relevance score (a guide beats a plain
    page). `shows` (translated) are headings every page of the type shows beside its own text, for
    what the page answers that its text does not say (a municipality's broadband page: coverage
    figures, who builds there): searchable like the label, in the language of the index, as a
    reader of an untranslated page sees them around its Swedish text.
    """

    name: str
    label: str
    weight: float
    shows: tuple = ()


DOCUMENT_TYPES: dict[str, DocumentType] = {}
PAGE_TYPES: dict[type, tuple[DocumentType, Callable | None]] = {}
SNIPPETS: dict[type, Callable] = {}
# Objects whose change changes a page's document → how to find that page (`register_page_part`).
PAGE_PARTS: dict[type, Callable] = {}
# The document type each snippet model is indexed as. Documents built from snippets have a body of
# words to be found by (a kind, place names, the Swedish description in every language), not prose
# to be shown.
SNIPPET_TYPES: dict[type, str] = {}


def _declare(doc_type: DocumentType) -> None:
    known = DOCUMENT_TYPES.setdefault(doc_type.name, doc_type)
    if known is not doc_type:
        raise ImproperlyConfigured(f"search document type {doc_type.name!r} is declared twice")


def register_page(model: type, doc_type: DocumentType):
    """Index pages of `model` (and of its subclasses) as `doc_type`.

    Registers at once; used as a decorator, the decorated `extra(page, ctx) -> dict` adds or
    replaces fields of those pages' documents.
    """
    _declare(doc_type)
    PAGE_TYPES[model] = (doc_type, None)

    def with_fields(extra: Callable) -> Callable:
        PAGE_TYPES[model] = (doc_type, extra)
        return extra

    return with_fields


def register_snippet(model: type, doc_type: DocumentType):
    """Decorator: `builder(obj, ctx) -> [(language, document), ...]` indexes `model` as `doc_type`."""
    _declare(doc_type)
    SNIPPET_TYPES[model] = doc_type.name

    def decorator(builder: Callable) -> Callable:
        SNIPPETS[model] = builder
        return builder

    return decorator


def register_page_part(model: type):
    """Decorator: saving or deleting an object of `model` changes pages' documents; the decorated
    `page_of(obj)` gives them (page ids or pages, maybe none), indexed again in the change's
    transaction (search/signals.py). A session's cancelled dates are its documents' words."""

    def decorator(page_of: Callable) -> Callable:
        PAGE_PARTS[model] = page_of
        return page_of

    return decorator


def discover() -> None:
    """Import every installed app's `documents.py`, so that its declarations and registrations run."""
    autodiscover_modules(CONTRIBUTION_MODULE)


def type_labels() -> dict[str, str]:
    """Each document type's name and its label (lazy: shown in the active language)."""
    return {name: doc_type.label for name, doc_type in DOCUMENT_TYPES.items()}


def type_weights() -> dict[str, float]:
    return {name: doc_type.weight for name, doc_type in DOCUMENT_TYPES.items()}


class IndexContext:
    """Lookups shared by all documents of one indexing run, each made once."""

    @cached_property
    def municipalities_by_path(self) -> dict:
        return tree.municipalities_by_path()

    def municipality_for(self, page: Page):
        return tree.nearest_ancestor(page.path, self.municipalities_by_path)

    @cached_property
    def topics(self) -> dict:
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
        # raw_data is a RawDataView (a sequence, not a list): walk its items.
        _walk(list(value.raw_data), parts)
        return " ".join(parts)
    return html_text(str(value))


def _walk(data, parts: list[str]) -> None:
    if isinstance(data, str):
        text = html_text(data)
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
    """Live, with no unpublished ancestor (below the tree root) and no view restriction on the way."""
    if not page.live:
        return False
    ancestors = page.get_ancestors(inclusive=True)
    if ancestors.filter(live=False, depth__gt=1).exists():
        return False
    return not PageViewRestriction.objects.filter(page__in=ancestors).exists()


def page_type(page: Page) -> tuple[DocumentType, Callable | None]:
    """The registration of the page's own class or of its nearest registered base class."""
    for cls in type(page).__mro__:
        if cls in PAGE_TYPES:
            return PAGE_TYPES[cls]
    raise ImproperlyConfigured(f"no search document type for {type(page).__name__} (is Page registered?)")


def type_for_page(page: Page) -> str:
    return page_type(page)[0].name


def page_document(page: Page, ctx: IndexContext) -> dict | None:
    """The document for a live, public page, or None when it must not be found."""
    page = page.specific
    if page.depth < 2:
        return None
    doc_type, extra = page_type(page)
    language = page.locale.language_code
    municipality = ctx.municipality_for(page)
    # Not the folded copies the database backend searches (the engine folds for itself): as methods
    # they were read as their names ("<bound method …>"), and every body began with "> >".
    skip = {"title", "summary", *FOLDED_FIELDS}
    body_parts = []
    for search_field in getattr(page, "search_fields", []):
        name = getattr(search_field, "field_name", None)
        if name and name not in skip and type(search_field).__name__ == "SearchField":
            skip.add(name)
            value = getattr(page, name, "")
            body_parts.append(text_of(value() if callable(value) else value))
    doc = {
        "title": page.title,
        "summary": getattr(page, "summary", "") or page.search_description or "",
        "body": " ".join(part for part in body_parts if part),
        "url": page.get_url(),
        "type": doc_type.name,
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
    """Add the type's name in the index's language ("Bibliotek", "Library") as searchable text, and
    the headings its pages show (`DocumentType.shows`)."""
    label = _type_label(doc["type"], language)
    return {**doc, "topic_names": f"{doc.get('topic_names', '')} {label}".strip()}


@cache
def _type_label(name: str, language: str) -> str:
    doc_type = DOCUMENT_TYPES.get(name)
    if doc_type is None:
        return ""
    with translation.override(language):
        return " ".join(str(text) for text in (doc_type.label, *doc_type.shows))


def page_doc_id(page_id: int) -> str:
    return f"page-{page_id}"
