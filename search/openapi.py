"""The search API as OpenAPI 3.1 (registered in core/openapi.py): what search/views.py answers."""

from core.openapi import json_response, language_parameter, register_api

FILTERS = [
    {
        "name": "kommun",
        "in": "query",
        "description": "A kommunkod: that municipality's and regional content; other values are ignored.",
        "schema": {"type": "string"},
    },
    {
        "name": "typ",
        "in": "query",
        "description": "Content types (repeatable), as in the `typ` facet.",
        "schema": {"type": "array", "items": {"type": "string"}, "maxItems": 10},
        "style": "form",
        "explode": True,
    },
    {
        "name": "amne",
        "in": "query",
        "description": "Topic slugs (repeatable), as in the `amne` facet.",
        "schema": {"type": "array", "items": {"type": "string"}, "maxItems": 10},
        "style": "form",
        "explode": True,
    },
]
QUERY = {
    "name": "q",
    "in": "query",
    "description": "What the resident typed; cut at 200 characters. Empty: no hits.",
    "allowEmptyValue": True,
    "schema": {"type": "string"},
}
PAGE = {
    "name": "page",
    "in": "query",
    "description": "Result page, 10 hits each; values outside 1–100 are brought within.",
    "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 1},
}

PATHS = {
    "/api/search/": {
        "get": {
            "summary": "Search everything in one language",
            "operationId": "search",
            "tags": ["sök"],
            "parameters": [QUERY, language_parameter("Language of the index and the texts."), *FILTERS, PAGE],
            "responses": {
                "200": json_response("Hits and facets", {"$ref": "#/components/schemas/SearchResult"})
            },
        }
    },
    "/api/search/suggest/": {
        "get": {
            "summary": "Autocomplete: titles starting with what has been typed",
            "operationId": "suggest",
            "tags": ["sök"],
            "parameters": [QUERY, language_parameter("Language of the titles.")],
            "responses": {
                "200": json_response(
                    "At most eight suggestions", {"$ref": "#/components/schemas/Suggestions"}
                )
            },
        }
    },
}

COUNTS = {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}}
SCHEMAS = {
    "SearchHit": {
        "type": "object",
        "required": ["title", "url", "type", "municipalities", "topics", "summary", "highlight"],
        "properties": {
            "title": {"type": "string"},
            "url": {"type": "string"},
            "type": {"type": "string", "description": "Content type, e.g. `library`, `help_session`."},
            "municipalities": {
                "type": "array",
                "items": {"type": "string"},
                "description": "kommunkoder, or `region` for regional content",
            },
            "topics": {"type": "array", "items": {"type": "string"}},
            "summary": {"type": "string"},
            "highlight": {"type": "string", "description": "HTML-escaped text with `<mark>` around matches"},
            "promoted": {"type": "boolean", "description": "An editor's best bet, pinned first"},
            "id": {"type": "string"},
        },
    },
    "SearchResult": {
        "type": "object",
        "required": ["query", "engine", "total", "hits", "facets", "suggestion"],
        "properties": {
            "query": {"type": "string"},
            "engine": {"type": "string", "enum": ["opensearch", "database"]},
            "total": {"type": "integer", "minimum": 0},
            "hits": {"type": "array", "items": {"$ref": "#/components/schemas/SearchHit"}, "maxItems": 30},
            "facets": {
                "type": "object",
                "required": ["typ", "kommun", "amne"],
                "properties": {"typ": COUNTS, "kommun": COUNTS, "amne": COUNTS},
            },
            "suggestion": {"type": ["string", "null"], "description": "Did you mean"},
        },
    },
    "Suggestions": {
        "type": "object",
        "required": ["query", "suggestions"],
        "properties": {
            "query": {"type": "string"},
            "suggestions": {
                "type": "array",
                "maxItems": 8,
                "items": {
                    "type": "object",
                    "required": ["title", "url", "type"],
                    "properties": {
                        "title": {"type": "string"},
                        "url": {"type": "string"},
                        "type": {"type": "string"},
                        "language": {
                            "type": "string",
                            "description": "Only when the title is in another language than asked for "
                            "(a page not translated yet): the title's language",
                        },
                    },
                },
            },
        },
    },
}


def register() -> None:
    register_api(PATHS, SCHEMAS)
