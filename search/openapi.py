"""The search API as OpenAPI 3.1 (registered in core/openapi.py): what search/views.py answers."""

from core.openapi import (
    STRING,
    array_of,
    get_operation,
    json_response,
    language_parameter,
    object_schema,
    query_parameter,
    ref,
    register_api,
    repeatable_parameter,
)

FILTERS = [
    query_parameter(
        "kommun", "A kommunkod: that municipality's and regional content; other values are ignored."
    ),
    repeatable_parameter("typ", "Content types (repeatable), as in the `typ` facet."),
    repeatable_parameter("amne", "Topic slugs (repeatable), as in the `amne` facet."),
]
QUERY = query_parameter(
    "q", "What the resident typed; cut at 200 characters. Empty: no hits.", allowEmptyValue=True
)
PAGE = query_parameter(
    "page",
    "Result page, 10 hits each; a value outside 1–100, or one that is no number, is brought within "
    "(no number: 1).",
    {"type": "integer", "minimum": 1, "maximum": 100, "default": 1},
)

PATHS = {
    "/api/search/": get_operation(
        "Search everything in one language",
        "search",
        {"200": json_response("Hits and facets", ref("SearchResult"))},
        parameters=[QUERY, language_parameter("Language of the index and the texts."), *FILTERS, PAGE],
    ),
    "/api/search/suggest/": get_operation(
        "Autocomplete: titles starting with what has been typed",
        "suggest",
        {"200": json_response("At most eight suggestions", ref("Suggestions"))},
        parameters=[QUERY, language_parameter("Language of the titles.")],
    ),
}

COUNTS = {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}}
SCHEMAS = {
    "SearchHit": object_schema(
        {
            "title": STRING,
            "url": STRING,
            "type": {"type": "string", "description": "Content type, e.g. `library`, `help_session`."},
            "municipalities": array_of(STRING, description="kommunkoder, or `region` for regional content"),
            "topics": array_of(STRING),
            "summary": STRING,
            "highlight": {"type": "string", "description": "HTML-escaped text with `<mark>` around matches"},
            "promoted": {"type": "boolean", "description": "An editor's best bet, pinned first"},
            "id": STRING,
        },
        required=["title", "url", "type", "municipalities", "topics", "summary", "highlight"],
    ),
    "SearchResult": object_schema(
        {
            "query": STRING,
            "engine": {"type": "string", "enum": ["opensearch", "database"]},
            "total": {"type": "integer", "minimum": 0},
            "hits": array_of(ref("SearchHit"), maxItems=30),
            "facets": object_schema({"typ": COUNTS, "kommun": COUNTS, "amne": COUNTS}),
            "suggestion": {"type": ["string", "null"], "description": "Did you mean"},
            "partial": {"type": "boolean", "description": "The first hits have only some of the words"},
            "corrected": {
                "type": ["string", "null"],
                "description": "The query searched instead of `query`, which found nothing at all: "
                "its spelling suggestion, or a word run together written apart",
            },
        }
    ),
    "Suggestions": object_schema(
        {
            "query": STRING,
            "suggestions": array_of(
                object_schema(
                    {
                        "title": STRING,
                        "url": STRING,
                        "type": STRING,
                        "language": {
                            "type": "string",
                            "description": "Only when the title is in another language than asked for "
                            "(a page not translated yet): the title's language",
                        },
                    },
                    required=["title", "url", "type"],
                ),
                maxItems=8,
            ),
        }
    ),
}


def register() -> None:
    register_api(PATHS, SCHEMAS, tag="sök")
