"""Building and running the OpenSearch query behind the search page and the JSON API
(opensearch-py DSL). The search service (search/service.py) decides when to use it and gathers
what it needs (synonyms, place names); this module never imports the service.

Relevance, in order of weight: title, then summary and place names, then body; words of five or more
letters tolerate typos; phrases found close together score higher; editor synonyms are expanded
here; guides and local broadband pages are boosted above plain pages (each document type's weight,
declared with the type); newer content gets a small lift. Filters: municipality (its own content
plus regional content), type, topic, and sessions that still have dates ahead. Facets count each
filter's values as if that filter alone were not set (aggregations + post_filter). User text only
ever goes into match queries, never into `query_string`.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils import timezone
from opensearchpy import A, Q, Search

from search.indexes import alias_name, client
from search.registry import REGION, type_weights

# Decompounded and stemmed words; å/ä/ö folded; whole words (weighted highest); unstemmed (typos).
TEXT_FIELDS = ["title^2", "summary", "places^3", "topic_names", "body^0.5"]
FOLDED_FIELDS = [
    "title.folded^3",
    "summary.folded^1.5",
    "places.folded^4",
    "topic_names.folded",
    "body.folded^0.5",
]
EXACT_FIELDS = ["title.exact^8", "summary.exact^4", "places.exact^4", "topic_names.exact^3", "body.exact^1.5"]
FUZZY_FIELDS = ["title.plain^3", "summary.plain^1.5", "places.plain^3", "topic_names.plain", "body.plain^0.5"]
PHRASE_FIELDS = ["title^4", "summary^2", "body"]
FACETS = {"typ": "type", "kommun": "municipalities", "amne": "topics"}
WORD = re.compile(r"\w+", re.UNICODE)
# "Did you mean" is offered only when a query finds this many hits or fewer.
SUGGEST_BELOW = 3


@dataclass
class EngineResult:
    total: int
    hits: list[dict]
    facets: dict
    suggestion: str | None


def fold(text: str) -> str:
    """Lower case without diacritics: "Bredbandsstöd" → "bredbandsstod"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def expand_synonyms(query: str, groups: list[list[str]]) -> list[str]:
    """Variants of the query with each synonym group's terms swapped in (pure; unit-tested)."""
    lowered = query.lower()
    variants = []
    for group in groups:
        for term in group:
            if re.search(rf"(?<!\w){re.escape(term)}(?!\w)", lowered):
                for other in group:
                    if other != term:
                        # the synonym is inserted as text, never read as a template (keeps a backslash)
                        pattern = rf"(?<!\w){re.escape(term)}(?!\w)"
                        variants.append(re.sub(pattern, lambda _match, o=other: o, lowered))
    seen, unique = {query.lower()}, []
    for variant in variants:
        if variant not in seen:
            seen.add(variant)
            unique.append(variant)
    return unique[:8]


def _text_query(text: str):
    def best(fields, **extra):
        return Q(
            "multi_match",
            query=text,
            fields=fields,
            type="best_fields",
            operator="or",
            minimum_should_match="2<70%",
            tie_breaker=0.3,
            **extra,
        )

    return Q(
        "bool",
        should=[
            best(TEXT_FIELDS),
            best(FOLDED_FIELDS),
            best(EXACT_FIELDS),
            best(FUZZY_FIELDS, fuzziness="AUTO:5,8", prefix_length=1, boost=0.6),
            Q("multi_match", query=text, fields=TEXT_FIELDS, type="cross_fields", operator="and"),
        ],
        minimum_should_match=1,
    )


def split_places(text: str, places: dict[str, str]) -> tuple[str, list[str], list[str]]:
    """Take place names out of the query: (the rest, place words, their kommunkoder). Pure.

    "bredband <kommun>" becomes a search for "bredband" that prefers that municipality's content,
    instead of requiring every document to contain the place name.
    """
    words = WORD.findall(text.lower())
    rest, found, codes = [], [], []
    for word in words:
        code = places.get(word) or places.get(fold(word)) or places.get(fold(word).removesuffix("s"))
        if code:
            found.append(word)
            codes.append(code)
        else:
            rest.append(word)
    if not rest:
        return text, found, sorted(set(codes))
    return " ".join(rest), found, sorted(set(codes))


def joined_variant(text: str) -> str | None:
    """ "bank id" → "bankid", "e leg" → "eleg": people split words that are written together."""
    words = WORD.findall(text.lower())
    return "".join(words) if 2 <= len(words) <= 3 else None


def build_search(request, synonym_groups: list[list[str]], places: dict[str, str] | None = None) -> Search:
    text, place_words, place_codes = split_places(request.query, places or {})
    variants = expand_synonyms(text, synonym_groups)
    joined = joined_variant(text)
    if joined:
        variants.append(joined)
    matches = [_text_query(text)] + [Q("bool", should=[_text_query(v)], boost=0.8) for v in variants]
    should = [Q("multi_match", query=request.query, fields=PHRASE_FIELDS, type="phrase", slop=3, boost=3)]
    if place_codes:
        should.append(Q("constant_score", filter=Q("terms", municipalities=place_codes), boost=5))
        should.append(
            Q(
                "multi_match",
                query=" ".join(place_words),
                fields=["places^2", "places.folded^2", "title.folded"],
            )
        )
    relevance = Q("bool", must=[Q("bool", should=matches, minimum_should_match=1)], should=should)
    now = timezone.now()
    # Only sessions carry a last occurrence: a series that has ended is not offered any more.
    upcoming_only = Q(
        "bool",
        should=[
            ~Q("exists", field="last_occurrence"),
            Q("range", last_occurrence={"gte": now.date().isoformat()}),
        ],
        minimum_should_match=1,
    )
    functions = [{"filter": Q("term", type=t).to_dict(), "weight": w} for t, w in type_weights().items()]
    if place_codes:
        # A place named in the query: that municipality's own content first, regional content next.
        functions.append({"filter": Q("terms", municipalities=place_codes).to_dict(), "weight": 3})
    functions.append(
        {
            "gauss": {
                "last_published": {"origin": now.isoformat(), "scale": "365d", "offset": "90d", "decay": 0.8}
            },
            "weight": 1,
        }
    )
    scored = Q(
        "function_score", query=relevance, functions=functions, score_mode="multiply", boost_mode="multiply"
    )

    search = Search(using=client(), index=alias_name(request.language)).query(
        Q("bool", must=[scored], filter=[upcoming_only])
    )
    facet_filters = {
        "typ": Q("terms", type=request.types) if request.types else None,
        "kommun": Q("terms", municipalities=[request.municipality, REGION]) if request.municipality else None,
        "amne": Q("terms", topics=request.topics) if request.topics else None,
    }
    active = [f for f in facet_filters.values() if f is not None]
    if active:
        search = search.post_filter(Q("bool", filter=active))
    for name, field in FACETS.items():
        others = [f for key, f in facet_filters.items() if f is not None and key != name]
        agg = A("filter", filter=Q("bool", filter=others) if others else Q("match_all"))
        agg.bucket("values", "terms", field=field, size=50)
        search.aggs.bucket(name, agg)
    search = search.highlight_options(
        encoder="html", pre_tags=["<mark>"], post_tags=["</mark>"], fragment_size=160, number_of_fragments=1
    ).highlight("summary", "body", "title")
    search = search.suggest(
        "spelling",
        request.query,
        phrase={
            "field": "title.trigram",
            "size": 1,
            "gram_size": 3,
            "max_errors": 2,
            "confidence": 1.0,
            "direct_generator": [{"field": "title.trigram", "suggest_mode": "always", "min_word_length": 4}],
        },
    )
    start = (request.page - 1) * request.page_size
    return search.extra(from_=start, size=request.page_size, track_total_hits=True)


def run_query(request, synonym_groups: list[list[str]], places: dict[str, str]) -> EngineResult:
    response = build_search(request, synonym_groups, places).execute()
    hits = []
    for hit in response.hits:
        highlight = ""
        if hasattr(hit.meta, "highlight"):
            for field in ("summary", "body", "title"):
                fragments = getattr(hit.meta.highlight, field, None)
                if fragments:
                    highlight = fragments[0]
                    break
        hits.append(
            {
                "title": hit.title,
                "url": hit.url,
                "type": hit.type,
                "municipalities": list(getattr(hit, "municipalities", []) or []),
                "topics": list(getattr(hit, "topics", []) or []),
                "summary": getattr(hit, "summary", "") or "",
                "highlight": highlight,
                "id": hit.meta.id,
            }
        )
    facets = {
        name: {bucket.key: bucket.doc_count for bucket in getattr(response.aggregations, name).values.buckets}
        for name in FACETS
    }
    suggestion = None
    options = response.suggest.spelling[0].options if "spelling" in response.suggest else []
    total = response.hits.total.value
    if options and total <= SUGGEST_BELOW:
        candidate = options[0].text
        if candidate.lower() != request.query.lower() and not touches_place_name(
            request.query, candidate, set(places)
        ):
            suggestion = candidate
    return EngineResult(total=total, hits=hits, facets=facets, suggestion=suggestion)


def touches_place_name(original: str, suggestion: str, place_names: set[str]) -> bool:
    """True when the suggestion changes a word that is a place name (place names are never 'corrected')."""
    before = WORD.findall(original.lower())
    after = WORD.findall(suggestion.lower())
    changed = set(before) - set(after)
    return any(word in place_names for word in changed)


def run_autocomplete(language: str, text: str, size: int = 8) -> list[dict]:
    """Titles that start with what has been typed (the search-as-you-type field), best first."""
    response = (
        Search(using=client(), index=alias_name(language))
        .query(
            Q(
                "multi_match",
                query=text,
                type="bool_prefix",
                fields=["title_suggest", "title_suggest._2gram", "title_suggest._3gram"],
            )
        )
        .source(["title", "url", "type"])
        .extra(size=size)
        .execute()
    )
    return [{"title": hit.title, "url": hit.url, "type": hit.type} for hit in response.hits]
