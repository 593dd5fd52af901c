"""The per-locale indexes: the client, their names, and the one document shape (the mapping)
every searchable thing is flattened into.

Each locale has its own index behind an alias `<prefix>-<language>` (e.g. `envagin-prod-sv`), with
that language's analysis. The concrete index behind the alias has a timestamp, so
`search_rebuild` can build a new one and swap the alias with no moment of empty results.
"""

import datetime

from django.conf import settings
from opensearchpy import (
    Date,
    Float,
    Index,
    Keyword,
    Long,
    Mapping,
    OpenSearch,
    SearchAsYouType,
    Text,
)

from search.analysis import analyzers_for, plain, suggest_folded, trigram, whole

_clients: dict[tuple[str, float], OpenSearch] = {}
# Fields filtered, counted or returned as they are (facets, filters), and the dates.
KEYWORD_FIELDS = (
    "type",
    "municipalities",
    "localities",
    "topics",
    "life_events",
    "audience",
    "language",
    "session_languages",
    "heard",  # how the Latin names are heard in Arabic letters (`search.indexing`)
)
DATE_FIELDS = ("next_occurrence", "last_occurrence", "last_published")


def client(timeout: float | None = None) -> OpenSearch:
    """One client per process, URL and timeout; fails fast (no retries) so the site can fall back.

    The default timeout is `OPENSEARCH_TIMEOUT`, what a resident's search may wait; suggestions and
    index updates ask for their own (`OPENSEARCH_SUGGEST_TIMEOUT`, `OPENSEARCH_INDEX_TIMEOUT`).
    """
    url = settings.OPENSEARCH_URL
    timeout = settings.OPENSEARCH_TIMEOUT if timeout is None else timeout
    key = (url, timeout)
    if key not in _clients:
        _clients[key] = OpenSearch(
            hosts=[url],
            verify_certs=settings.OPENSEARCH_VERIFY_CERTS,
            timeout=timeout,
            max_retries=0,
            retry_on_timeout=False,
            pool_maxsize=settings.OPENSEARCH_POOL_SIZE,
        )
    return _clients[key]


def engine_configured() -> bool:
    return bool(settings.OPENSEARCH_URL)


def alias_name(language: str) -> str:
    return f"{settings.OPENSEARCH_INDEX_PREFIX}-{language}"


def new_index_name(language: str) -> str:
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d%H%M%S%f")
    return f"{alias_name(language)}-{stamp}"


def mapping_for(language: str) -> Mapping:
    text, folded, exact, folded_query, exact_query = analyzers_for(language)

    def searchable(with_trigram=False, highlighted=False, with_whole=False):
        # Highlighted fields keep their offsets, so the highlighter need not analyse the text again.
        offsets = {"index_options": "offsets"} if highlighted else {}
        fields = {
            "folded": Text(analyzer=folded, search_analyzer=folded_query, **offsets),
            "exact": Text(analyzer=exact, search_analyzer=exact_query),
            "plain": Text(analyzer=plain),
        }
        if with_trigram:
            fields["trigram"] = Text(analyzer=trigram)
        if with_whole:  # the whole text as one term, matched only as a whole (no scores needed)
            fields["whole"] = Text(analyzer=whole, index_options="docs", norms=False)
        return Text(analyzer=text, fields=fields)

    mapping = Mapping()
    mapping.field("title", searchable(with_trigram=True, with_whole=True))
    mapping.field("summary", searchable(highlighted=True))
    mapping.field("body", searchable(highlighted=True))
    mapping.field("places", searchable())
    mapping.field("topic_names", searchable())
    mapping.field("title_suggest", SearchAsYouType(analyzer=suggest_folded))
    mapping.field("url", Keyword(index=False))
    mapping.field("type_weight", Float())
    mapping.field("page_id", Long())
    for name in KEYWORD_FIELDS:
        mapping.field(name, Keyword())
    for name in DATE_FIELDS:
        mapping.field(name, Date())
    return mapping


def build_index(language: str, name: str | None = None) -> Index:
    index = Index(name or new_index_name(language))
    index.settings(number_of_shards=1, number_of_replicas=settings.OPENSEARCH_REPLICAS, max_ngram_diff=3)
    index.mapping(mapping_for(language))
    return index
