"""The OpenAPI 3.1 description of the public APIs, served at /api/openapi.json.

core owns the document and the view; each app describes its own endpoints where it defines them
(`<app>/openapi.py`, registered from its `ready()` with `register_api(paths, schemas)`), so the
description sits beside the code it describes and core imports no app. Tests validate real requests
and responses against it (tests/core/test_openapi.py).
"""

import copy

from django.conf import settings

from core.http import read_only
from core.opendata import open_json

PATHS: dict[str, dict] = {}
SCHEMAS: dict[str, dict] = {}

STRING = {"type": "string"}
BOOLEAN = {"type": "boolean"}
NULLABLE_STRING = {"type": ["string", "null"]}


def register_api(paths: dict, schemas: dict | None = None, tag: str = "") -> None:
    """Add an app's paths and schemas to the document; `tag` groups the app's operations."""
    if tag:
        for path in paths.values():
            for operation in path.values():
                operation["tags"] = [tag]
    PATHS.update(paths)
    SCHEMAS.update(schemas or {})


def ref(schema: str) -> dict:
    return {"$ref": f"#/components/schemas/{schema}"}


def query_parameter(name: str, description: str, schema: dict | None = None, **extra) -> dict:
    """A query-string parameter (a string unless `schema` says otherwise)."""
    return {"name": name, "in": "query", "description": description, "schema": schema or STRING, **extra}


def repeatable_parameter(name: str, description: str, max_items: int = 10) -> dict:
    """A parameter that may stand several times (`?typ=a&typ=b`)."""
    items = {"type": "array", "items": STRING, "maxItems": max_items}
    return query_parameter(name, description, items, style="form", explode=True)


def language_parameter(description: str = "Language of the texts; none: Swedish.") -> dict:
    languages = {"type": "string", "enum": [code for code, _name in settings.LANGUAGES]}
    return query_parameter("lang", description, languages, required=False)


def json_response(description: str, schema: dict, media_type: str = "application/json") -> dict:
    return {"description": description, "content": {media_type: {"schema": schema}}}


def text_response(description: str, media_type: str, pattern: str) -> dict:
    """A response that is text of its own format (CSV, iCalendar), described by how it starts."""
    return json_response(description, {"type": "string", "pattern": pattern}, media_type)


def get_operation(
    summary: str, operation_id: str, responses: dict, description: str = "", parameters=None
) -> dict:
    """A path answering GET (and HEAD) with `responses` keyed by status code. An operation that
    takes parameters also answers 400, in words, for a value it cannot use (`core.opendata`)."""
    operation = {"summary": summary, "description": description, "operationId": operation_id}
    if not description:
        del operation["description"]
    if parameters:
        operation["parameters"] = parameters
        responses = {
            "400": text_response("A parameter it cannot use, and why", "text/plain", "."),
            **responses,
        }
    return {"get": {**operation, "responses": responses}}


def object_schema(properties: dict, required: list | None = None, **extra) -> dict:
    """An object with these properties, all of them required unless `required` names fewer."""
    return {
        "type": "object",
        "required": list(properties) if required is None else required,
        "properties": properties,
        **extra,
    }


def array_of(items: dict, **extra) -> dict:
    return {"type": "array", "items": items, **extra}


def health_paths() -> dict:
    paths = {
        "/healthz": get_operation(
            "State of the parts the site stands on",
            "health",
            {
                "200": json_response("Database answers", ref("Health")),
                "503": json_response("Database down", ref("Health")),
            },
            description="503 only when the database does not answer; the cache and the search "
            "engine are reported but the site serves without them.",
        )
    }
    paths["/healthz"]["get"]["tags"] = ["drift"]
    return paths


HEALTH_SCHEMA = {
    "Health": object_schema(
        {
            "database": STRING,
            "cache": {"type": "string", "description": '"ok", "memory" (one process) or "unavailable: …"'},
        },
        additionalProperties=True,
    )
}


def document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{settings.WAGTAIL_SITE_NAME} – öppna API:er",
            "version": "1",
            "summary": "Search, help sessions, libraries and broadband coverage as open data.",
            "description": "Every endpoint answers GET and HEAD, needs no key, sets no cookie and may be "
            "called from other sites (`Access-Control-Allow-Origin: *`). Texts are in Swedish unless "
            "`lang` says otherwise.",
            "license": {"name": "CC BY 4.0", "identifier": "CC-BY-4.0"},
        },
        "servers": [{"url": "/"}],
        "paths": copy.deepcopy({**health_paths(), **PATHS}),
        "components": {"schemas": copy.deepcopy({**HEALTH_SCHEMA, **SCHEMAS})},
    }


@read_only
def openapi_json(request):
    return open_json(document(), content_type="application/vnd.oai.openapi+json;version=3.1")
