"""The OpenAPI 3.1 description of the public APIs, served at /api/openapi.json.

core owns the document and the view; each app describes its own endpoints where it defines them
(`<app>/openapi.py`, registered from its `ready()` with `register_api(paths, schemas)`), so the
description sits beside the code it describes and core imports no app. Tests validate real requests
and responses against it (tests/core/test_openapi.py).
"""

import copy

from django.conf import settings
from django.views.decorators.http import require_safe

from core.opendata import open_json

PATHS: dict[str, dict] = {}
SCHEMAS: dict[str, dict] = {}

NULLABLE_STRING = {"type": ["string", "null"]}


def register_api(paths: dict, schemas: dict | None = None) -> None:
    PATHS.update(paths)
    SCHEMAS.update(schemas or {})


def language_parameter(description: str) -> dict:
    return {
        "name": "lang",
        "in": "query",
        "required": False,
        "description": description,
        "schema": {"type": "string", "enum": [code for code, _name in settings.LANGUAGES]},
    }


def json_response(description: str, schema: dict, media_type: str = "application/json") -> dict:
    return {"description": description, "content": {media_type: {"schema": schema}}}


def health_paths() -> dict:
    return {
        "/healthz": {
            "get": {
                "summary": "State of the parts the site stands on",
                "description": "503 only when the database does not answer; the cache and the search "
                "engine are reported but the site serves without them.",
                "operationId": "health",
                "tags": ["drift"],
                "responses": {
                    "200": json_response("Database answers", {"$ref": "#/components/schemas/Health"}),
                    "503": json_response("Database down", {"$ref": "#/components/schemas/Health"}),
                },
            }
        }
    }


HEALTH_SCHEMA = {
    "Health": {
        "type": "object",
        "required": ["database", "cache"],
        "properties": {
            "database": {"type": "string"},
            "cache": {"type": "string", "description": '"ok", "memory" (one process) or "unavailable: …"'},
        },
        "additionalProperties": True,
    }
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


@require_safe
def openapi_json(request):
    return open_json(document(), content_type="application/vnd.oai.openapi+json;version=3.1")
