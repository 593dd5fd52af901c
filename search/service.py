"""The search a resident uses: parsed once from the request, answered by the best engine available.

The public page and the JSON API are built on the same `SearchRequest` and `run_search`, so they
cannot disagree; autocomplete (`suggestions`) follows the same rules. With no engine configured, or
when it does not answer, Wagtail's database backend answers instead (`engine: "database"`) – never
an error. When the engine cannot be reached (a connection error or a timeout, not a refused
query) the circuit breaker in the shared cache opens (`search.breaker`), so a dead or hung node
does not slow every request, searches and suggestions alike.
"""

import hashlib
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.db import DatabaseError, transaction
from django.db.models import Q
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page, PageViewRestriction, Site, TranslatableMixin
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from core.cache import remembered
from home.models import MunicipalityPage, OrganisationSettings
from home.tree import municipalities_by_path, nearest_ancestor
from search import breaker, querylog
from search.documents import PAGE
from search.indexes import engine_configured
from search.indexing import ENGINE_ERRORS
from search.models import Synonym
from search.opensearch_query import (
    PLACES_VERSION,
    apart_from_numbers,
    fold,
    meaningful_words,
    municipality_key,
    normalise,
    place_name,
    run_autocomplete,
    run_query,
    shown_hit,
    with_heard_words,
)
from search.registry import REGION, SNIPPET_TYPES, SNIPPETS, IndexContext, type_for_page

log = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
# NUL and other control characters cannot be stored or searched; they become spaces.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
# Dropped from what a visitor types: invisible format characters (Cf: soft hyphens, zero-width
# joiners, the direction marks that come along with pasted Arabic text) and the combining marks left
# once the text is composed (Mn, Me: Arabic vowel signs and shadda). Inside a word they split it
# ("دَعْمُ" would be read as four one-letter words); the index's analysers drop them too.
INVISIBLE_CATEGORIES = {"Cf", "Mn", "Me"}
WORDS_ONLY = re.compile(r"\w+", re.UNICODE)
PAGE_SIZE = 10
DATABASE_CANDIDATES = 200
# Snippets of each kind the fallback shows (each one's document is built: a few queries apiece).
DATABASE_SNIPPETS = 5
MAX_SUGGEST_LENGTH = 100
SUGGESTION_COUNT = 8
SYNONYM_CACHE_KEY = "envagin:synonyms:{language}"
PROMOTED_QUERIES_KEY = "envagin:promoted-queries"
PLACES_CACHE_KEY = "envagin:places"


@dataclass
class SearchRequest:
    query: str = ""
    language: str = "sv"
    municipality: str = ""
    types: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    page: int = 1
    page_size: int = PAGE_SIZE

    @classmethod
    def from_params(cls, params, language: str | None = None) -> "SearchRequest":
        query = " ".join(clean_text(params.get("q", "") or "").split())[:MAX_QUERY_LENGTH]
        if not WORDS_ONLY.search(query):
            query = ""  # punctuation alone ("?", "*", "-") asks for nothing, as an empty box does
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
            municipality=kommun if kommun.isdigit() and len(kommun) <= 4 else "",
            types=[t for t in params.getlist("typ") if t.isidentifier()][:10],
            topics=[t for t in params.getlist("amne") if re.fullmatch(r"[\w-]{1,80}", t)][:10],
            page=page,
        )

    @property
    def filters(self) -> dict:
        return {"kommun": self.municipality, "typ": self.types, "amne": self.topics}


def clean_text(raw: str) -> str:
    """A visitor's text as the search reads it: control characters become spaces, the text is
    composed in its compatibility form (NFKC: an "ö" typed as "o" and a combining diaeresis is one
    letter; full-width "ｂａｎｋ", ligatures and the Arabic presentation forms of text copied from a
    PDF become the plain letters) and what is invisible or only a mark on a letter is dropped
    (`INVISIBLE_CATEGORIES`). Pure."""
    composed = unicodedata.normalize("NFKC", CONTROL_CHARACTERS.sub(" ", raw))
    return "".join(c for c in composed if unicodedata.category(c) not in INVISIBLE_CATEGORIES)


# --- vocabulary: small data every search needs, cached -------------------------------------------------
def _cached(wanted: dict) -> dict:
    """`{key: (compute, seconds)}` → `{key: value}`, read from the shared cache in one round trip;
    what is missing is computed and stored. When the cache does not answer (or raises: a cache
    backend without the resilient guard), the values are computed from the database: slower, never
    an error."""
    try:
        found = cache.get_many(list(wanted))
        reachable = True
    except Exception as exc:
        log.warning("cache unavailable (%s): search vocabulary read from the database", type(exc).__name__)
        found, reachable = {}, False
    for key, (compute, seconds) in wanted.items():
        if key not in found:
            found[key] = compute()
            if reachable:
                try:
                    cache.set(key, found[key], seconds)
                except Exception:
                    reachable = False
    return found


def _read_places() -> dict[str, str]:
    found = {}
    for code, name, localities in MunicipalityPage.objects.values_list("code", "name", "localities"):
        for place in [name, *localities.split(",")]:
            for word in re.findall(r"\w+", place.lower()):
                if len(word) > 2:
                    found.setdefault(word, code)
                    found.setdefault(fold(word), code)
        # The whole name (in each language a page has), for a query that is only the municipality.
        found.setdefault(municipality_key(re.findall(r"\w+", name.lower())), code)
    # The county's name ("Gävleborgs län": "gävleborg") says nothing a page must have, as every
    # page is about the county: a place word, no municipality ("alla kommuner i <län>" finds the
    # municipalities' page, which does not name the county). Short and common words ("län",
    # "västra") are no name, nor a word that is a municipality's ("Uppsala län": Uppsala).
    for (region_name,) in OrganisationSettings.objects.values_list("region_name"):
        for word in re.findall(r"\w+", region_name.lower()):
            form = word.removesuffix("s")
            if len(form) >= 5 and form not in NOT_A_COUNTY_NAME and not place_name(word, found):
                for key in (word, form, fold(word), fold(form)):
                    found.setdefault(key, REGION)
    # "The county" itself ("vilka kommuner finns i länet") is as much a place word as its name.
    for word in THE_COUNTY:
        found.setdefault(word, REGION)
    # A fingerprint: what the query builder makes of the place words once is kept while it holds.
    found[PLACES_VERSION] = hashlib.sha1(repr(sorted(found.items())).encode()).hexdigest()[:16]
    return found


# Words of county names that name no county.
NOT_A_COUNTY_NAME = {"region", "regionen", "landsting", "västra", "norra", "östra", "södra", "mellersta"}
# Words for the county itself, whatever its name ("regionen" is also the organisation pages speak of).
THE_COUNTY = ("länet", "länets", "lanet", "lanets")


def _read_synonyms(language: str) -> list[list[str]]:
    return [s.term_list for s in Synonym.objects.filter(language=language)]


def _read_promoted() -> set[str]:
    return set(SearchPromotion.objects.values_list("query__query_string", flat=True))


def _wanted(language: str) -> dict:
    return {
        SYNONYM_CACHE_KEY.format(language=language): (lambda: _read_synonyms(language), 300),
        PLACES_CACHE_KEY: (_read_places, 600),
        PROMOTED_QUERIES_KEY: (_read_promoted, 300),
    }


@dataclass
class Vocabulary:
    synonyms: list[list[str]]
    places: dict[str, str]
    promoted: set[str]


def vocabulary(language: str) -> Vocabulary:
    """Synonym groups, place words and promoted queries for one search: one cache round trip."""
    wanted = _wanted(language)
    found = _cached(wanted)
    synonyms, place_words, promoted = (found[key] for key in wanted)
    return Vocabulary(synonyms=synonyms, places=place_words, promoted=promoted)


def places() -> dict[str, str]:
    """Place words (municipalities, towns, villages; also without å/ä/ö) → kommunkod."""
    return _cached({PLACES_CACHE_KEY: (_read_places, 600)})[PLACES_CACHE_KEY]


def synonym_groups(language: str) -> list[list[str]]:
    key = SYNONYM_CACHE_KEY.format(language=language)
    return _cached({key: (lambda: _read_synonyms(language), 300)})[key]


def promoted_queries() -> set[str]:
    """The queries editors have promoted results for (a small set, cached; forgotten when a
    promotion is saved or deleted), so that other searches need no database query for best bets."""
    return _cached({PROMOTED_QUERIES_KEY: (_read_promoted, 300)})[PROMOTED_QUERIES_KEY]


def municipality_codes(pages) -> dict[int, list[str]]:
    """Each page's kommunkod by tree ancestry (`region` for regional content), by page id."""
    by_path = municipalities_by_path()
    codes = {}
    for page in pages:
        municipality = nearest_ancestor(page.path, by_path)
        code = municipality.code if municipality else ""
        codes[page.pk] = [code] if code else [REGION]
    return codes


# --- the database fallback --------------------------------------------------------------------------
def shown_pages():
    """The pages the fallback may show, as the index has them (`search.registry.is_public`): live,
    with no unpublished page and no view restriction at or above them, nor above their source when
    they are an alias (an untranslated copy in English or Arabic). Wagtail's `.public()` reads the
    page's own tree only: a restricted Swedish page's copies were shown to English and Arabic readers.
    The pages that hide others are few (restrictions, unpublished pages with children), read first;
    the search backend filters on the pages' own fields only, so copies are left out by id."""
    hiding = [
        *PageViewRestriction.objects.values_list("page__path", flat=True),
        *Page.objects.filter(live=False, depth__gt=1, numchild__gt=0).values_list("path", flat=True),
    ]
    pages = Page.objects.live()
    if not hiding:
        return pages
    below, copies = Q(), Q()
    for path in set(hiding):
        below |= Q(path__startswith=path)
        copies |= Q(alias_of__path__startswith=path)
    hidden_copies = list(
        Page.objects.filter(alias_of__isnull=False).filter(copies).values_list("pk", flat=True)
    )
    pages = pages.exclude(below)
    return pages.exclude(pk__in=hidden_copies) if hidden_copies else pages


def database_search(request: SearchRequest) -> dict:
    """Wagtail's database backend over live public pages of the chosen language."""
    if not request.query:
        return {
            "total": 0,
            "hits": [],
            "facets": {"typ": {}, "kommun": {}, "amne": {}},
            "suggestion": None,
            "partial": False,
            "corrected": None,
        }
    locale = Locale.objects.filter(language_code=request.language).first()
    pages = shown_pages()
    if locale:
        pages = pages.filter(locale=locale)
    # The database backends parse their own query syntax (SQLite FTS, PostgreSQL tsquery): give them
    # words only, and treat any remaining syntax error as "nothing found", never as a server error.
    # Each word as typed and as a search compares it, which pages index too (`folded_text`):
    # "forskola" finds "förskola", "الكترونية" finds "إلكترونية".
    text = apart_from_numbers(request.query)  # "ل1177" is 1177, as for the engine
    typed = WORDS_ONLY.findall(text)
    # And the other terms of the concepts the query names (the editors' synonym groups, read from
    # the database as for the engine): "grant" finds the pages that say "subsidy"; a Swedish word
    # heard in Arabic letters ("بنسيون") is its group's term, as for the engine (`with_heard_words`).
    groups = synonym_groups(request.language)
    _rest, concepts = with_heard_words(text, groups, places(), request.language)
    related = [word for _typed, others in concepts for term in others for word in WORDS_ONLY.findall(term)]
    words = " ".join(dict.fromkeys(typed + WORDS_ONLY.findall(normalise(" ".join(typed))) + related))
    if not words:
        results = []
    else:
        try:
            with contained():
                results = list(pages.specific().search(words, operator="or")[:DATABASE_CANDIDATES])
        except DatabaseError:
            log.warning("database search failed for %r", request.query, exc_info=True)
            results = []
    codes = municipality_codes(results)
    topics = topic_slugs(results)
    rows = []
    for page in results:
        rows.append(
            {
                "title": page.title,
                "url": page.get_url(),
                "type": type_for_page(page),
                "municipalities": codes[page.pk],
                "topics": topics.get(page.pk, []),
                "summary": getattr(page, "summary", "") or page.search_description,
                "highlight": "",
                # an alias is the untranslated source page: its text is in the source language
                "language": settings.LANGUAGE_CODE if page.alias_of_id else page.locale.language_code,
            }
        )
    # After the pages, what the index has as snippets (network operators, e-services): without them
    # an operator's name or an e-service found nothing while the engine was down.
    if words:
        rows.extend(database_snippet_hits(words, request.language, locale, request.types))
    # The backend asks for any word: what has every meaningful word typed in its title first
    # ("kivra", "building permit": the e-service so named before every page that mentions it).
    asked = {normalise(word) for word in meaningful_words(text, request.language)}
    if asked:
        rows.sort(key=lambda row: not asked <= set(WORDS_ONLY.findall(normalise(row["title"]))))
    filters = {
        "typ": lambda r: not request.types or r["type"] in request.types,
        "kommun": lambda r: (
            not request.municipality or bool(set(r["municipalities"]) & {request.municipality, REGION})
        ),
        "amne": lambda r: not request.topics or bool(set(r["topics"]) & set(request.topics)),
    }

    def others(name):
        return [r for r in rows if all(f(r) for key, f in filters.items() if key != name)]

    facets = {
        "typ": dict(Counter(r["type"] for r in others("typ"))),
        "kommun": dict(Counter(c for r in others("kommun") for c in r["municipalities"])),
        "amne": dict(Counter(t for r in others("amne") for t in r["topics"])),
    }
    rows = [r for r in rows if all(f(r) for f in filters.values())]
    start = (request.page - 1) * request.page_size
    return {
        "total": len(rows),
        "hits": rows[start : start + request.page_size],
        "facets": facets,
        "suggestion": None,
        # The database backend asks for any word (operator "or"); it does not know which matched.
        "partial": False,
        "corrected": None,
    }


def topic_slugs(pages) -> dict[int, list[str]]:
    """Each page's topics (the slugs), by page id: one query per page type that has topics, not one
    per page."""
    by_model: dict[type, list[int]] = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page.pk)
    found: dict[int, set[str]] = {}
    for model, pks in by_model.items():
        try:
            field = model._meta.get_field("topics")
        except FieldDoesNotExist:
            continue
        through = field.remote_field.through
        page_column, topic_column = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = through.objects.filter(**{f"{page_column}__in": pks})
        for pk, slug in rows.values_list(f"{page_column}_id", f"{topic_column}__slug"):
            found.setdefault(pk, set()).add(slug)
    return {pk: sorted(slugs) for pk, slugs in found.items()}


def contained():
    """Around a search the database backend may refuse (its query syntax): a savepoint when a
    transaction is open, whose failure would spoil it (PostgreSQL), else nothing (a transaction of
    its own would take SQLite's write lock for a read)."""
    return transaction.atomic() if transaction.get_connection().in_atomic_block else nullcontext()


def database_snippet_hits(
    words: str, language: str, locale: Locale | None, types: Sequence[str] = ()
) -> list[dict]:
    """The snippets the index has (`search.registry.SNIPPETS`) that Wagtail's database backend finds
    for any of `words`, as their documents in `language` have them (what the engine's hits show),
    best first within each kind; a translatable snippet in the reader's language only, and no kind
    the reader filtered out. A snippet whose document cannot be built is left out, never an error."""
    backend = get_search_backend()
    ctx = None
    hits = []
    for model, builder in SNIPPETS.items():
        if types and SNIPPET_TYPES.get(model) not in types:
            continue
        objects = model.objects.all()
        if issubclass(model, TranslatableMixin):
            objects = objects.filter(locale=locale)
        try:
            with contained():
                found = list(backend.search(words, objects, operator="or")[:DATABASE_SNIPPETS])
        except DatabaseError:
            log.warning("database search of %s failed for %r", model.__name__, words, exc_info=True)
            continue
        ctx = ctx or IndexContext()
        for obj in found:
            try:
                documents = builder(obj, ctx)
            except Exception:
                log.exception("the fallback could not build the document of %s %s", model.__name__, obj.pk)
                continue
            hits.extend(shown_hit(body, language) for lang, body in documents if lang == language)
    return hits


# --- choosing the engine ------------------------------------------------------------------------------
def engine_search(request: SearchRequest, words: Vocabulary | None = None) -> dict | None:
    """The OpenSearch answer, or None when the engine is not configured or does not answer."""
    if not engine_configured() or not request.query:
        return None
    taken = breaker.acquire()
    if taken == breaker.OPEN:
        return None
    words = words or vocabulary(request.language)
    try:
        result = run_query(request, words.synonyms, words.places)
    except ENGINE_ERRORS as exc:
        # Unreachable: the breaker opens. Refused (a 400 for one odd query): this query alone falls back.
        log.warning("search engine did not answer, using the database: %r", exc)
        breaker.failed(exc)
        if not breaker.is_unreachable(exc):
            breaker.succeeded(taken)
        return None
    breaker.succeeded(taken)
    return {
        "total": result.total,
        "hits": in_reader_language(result.hits, request.language),
        "facets": result.facets,
        "suggestion": result.suggestion,
        "partial": result.partial,
        "corrected": result.corrected,
    }


# Reader-language addresses remembered per language and process; beyond this many they are read again.
REMEMBERED_READER_URLS = 5000


def in_reader_language(hits: list[dict], language: str) -> list[dict]:
    """Hits of Swedish pages not translated into the reader's language (the engine finds them through
    the Swedish page's document) link to the page's copy in the reader's language – its alias, with
    the reader's menus and links and the text marked Swedish – instead of the Swedish site.

    Each copy's address is remembered in the process while the site token is unchanged
    (`core.cache.remembered`: publishing, moving or deleting a page replaces it); the others are read
    in one database query, with two reads of the sites' root paths for the answer (not a cache round
    trip per hit). A page without a copy keeps its Swedish address, and is looked for again next
    time (a copy made later, as wagtail-localize makes them, replaces no token)."""
    if language == settings.LANGUAGE_CODE:
        return hits
    sources = {}
    for hit in hits:
        kind, _, pk = str(hit.get("id", "")).partition("-")
        if kind == "page" and pk.isdigit() and hit.get("language", language) != language:
            sources[int(pk)] = hit
    if not sources:
        return hits
    known = remembered(("reader-urls", language), dict)
    found = {pk: known.get(pk) for pk in sources}
    missing = [pk for pk, url in found.items() if url is None]
    if missing:
        live = Page.objects.live().filter(alias_of_id__in=missing, locale__language_code=language)
        copies = list(live.only("alias_of_id", "url_path"))
        read = {}
        if copies:
            # A local address when only one site is served, as `get_url` gives it.
            single_site = len({paths.site_id for paths in Site.get_site_root_paths()}) == 1
            # Wagtail keeps the root paths it reads on the object passed as `request`.
            answer = SimpleNamespace()
            for copy in copies:
                parts = copy.get_url_parts(request=answer)
                if parts and parts[2]:
                    _site_id, root_url, path = parts
                    read[copy.alias_of_id] = path if single_site else root_url + path
        if len(known) > REMEMBERED_READER_URLS:
            known.clear()
        known.update(read)
        found.update(read)
    for pk, hit in sources.items():
        if found[pk]:
            hit["url"] = found[pk]
    return hits


def best_bets(request: SearchRequest, promoted: set[str] | None = None) -> list[dict]:
    """Editor-managed promoted results (Wagtail's search_promotions) for this exact query."""
    if not request.query or request.page != 1:
        return []
    if promoted is None:
        promoted = promoted_queries()
    if normalise_query_string(request.query) not in promoted:
        return []
    promotions = (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(request.query))
        .select_related("page", "page__locale")
        .order_by("sort_order")
    )
    bets = []
    for promotion in promotions:
        page = promotion.page
        if page is not None:
            if not page.live or page.locale.language_code != request.language:
                continue
            specific = page.specific
            bets.append(
                {
                    "title": page.title,
                    "url": page.get_url(),
                    "type": type_for_page(specific),
                    "municipalities": [],
                    "topics": [],
                    "summary": promotion.description or getattr(specific, "summary", ""),
                    "highlight": "",
                    "promoted": True,
                }
            )
        elif getattr(promotion, "external_link_url", ""):
            bets.append(
                {
                    "title": promotion.external_link_text or promotion.external_link_url,
                    "url": promotion.external_link_url,
                    "type": PAGE.name,
                    "municipalities": [],
                    "topics": [],
                    "summary": promotion.description,
                    "highlight": "",
                    "promoted": True,
                }
            )
    return bets


def log_query(request: SearchRequest, total: int, engine: str) -> None:
    """Note a first-page search for the log (`search.querylog`: masked, written in batches off the
    request path; never an error)."""
    if not request.query or request.page != 1:
        return
    try:
        querylog.record(
            request.query,
            request.language,
            request.municipality,
            {"typ": request.types, "amne": request.topics},
            total,
            engine,
        )
    except Exception:  # the log must never break a search
        log.exception("could not log a search")


def run_search(request: SearchRequest, log_it: bool = True) -> dict:
    words = vocabulary(request.language) if request.query else None
    result = engine_search(request, words)
    engine = "opensearch"
    if result is None:
        result = database_search(request)
        engine = "database"
    bets = best_bets(request, words.promoted if words else None)
    if bets:
        promoted_urls = {b["url"] for b in bets}
        result["hits"] = bets + [h for h in result["hits"] if h["url"] not in promoted_urls]
    if log_it:
        # A query answered as corrected is logged as what it is, a query that found nothing: it is
        # what editors look for in the log (words to add to a synonym group).
        log_query(request, 0 if result.get("corrected") else result["total"], engine)
    return {"query": request.query, "engine": engine, **result}


def suggestions(request: SearchRequest) -> dict:
    """Autocomplete: titles that start with what has been typed, in the chosen language.

    From the engine's search-as-you-type field (`title_suggest`) when it is configured and the
    breaker is closed, with its own short timeout (`OPENSEARCH_SUGGEST_TIMEOUT`); otherwise from
    the database (titles starting with, then containing, the text). Returns
    `{"engine", "suggestions"}`.
    """
    text = request.query[:MAX_SUGGEST_LENGTH]
    if len(text) < 2:
        return {"engine": "none", "suggestions": []}
    # Only while the breaker is closed: a keystroke never waits as the half-open probe (searches and
    # the worker probe), so suggestions answer from the database at once while the engine is away.
    if engine_configured() and breaker.state() == breaker.CLOSED:
        try:
            found = run_autocomplete(request.language, text, SUGGESTION_COUNT)
        except ENGINE_ERRORS as exc:
            breaker.failed(exc)
        else:
            found = in_reader_language(found, request.language)
            for suggestion in found:  # said only when it is not the language asked for
                language = suggestion.pop("language", request.language)
                if language != request.language:
                    suggestion["language"] = language
                suggestion.pop("id", None)
            return {"engine": "opensearch", "suggestions": found}
    return {"engine": "database", "suggestions": database_suggestions(request.language, text)}


def database_suggestions(language: str, text: str) -> list[dict]:
    pages = shown_pages().filter(locale__language_code=language, depth__gt=1)
    found = list(pages.filter(title__istartswith=text).order_by("title")[:SUGGESTION_COUNT])
    if len(found) < SUGGESTION_COUNT:
        seen = [p.pk for p in found]
        found += list(
            pages.filter(title__icontains=text)
            .exclude(pk__in=seen)
            .order_by("title")[: SUGGESTION_COUNT - len(found)]
        )
    # An alias (a page not translated yet) has the Swedish title: say so, for lang= on the suggestion.
    return [
        {"title": p.title, "url": p.get_url(), "type": PAGE.name}
        | ({"language": settings.LANGUAGE_CODE} if p.alias_of_id else {})
        for p in found
    ]
