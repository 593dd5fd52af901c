"""Help sessions and libraries as OpenAPI 3.1 (see core/openapi.py): what services/feeds.py answers."""

from core.openapi import json_response, register_api

FILTERS = [
    {"name": "kommun", "in": "query", "description": "A kommunkod.", "schema": {"type": "string"}},
    {
        "name": "library",
        "in": "query",
        "description": "A library page's slug or id.",
        "schema": {"type": "string"},
    },
    {"name": "topic", "in": "query", "description": "A topic slug.", "schema": {"type": "string"}},
    {
        "name": "session",
        "in": "query",
        "description": 'One series (page id); with `date`, one occurrence ("add to calendar").',
        "schema": {"type": "integer", "minimum": 1},
    },
    {
        "name": "date",
        "in": "query",
        "description": "YYYY-MM-DD.",
        "schema": {"type": "string", "format": "date"},
    },
]
WINDOW = "Occurrences from now to 180 days ahead; cancelled ones stay, marked as cancelled."

PATHS = {
    "/api/sessions.json": {
        "get": {
            "summary": "Digital-help occurrences at the libraries",
            "description": WINDOW,
            "operationId": "sessionsJson",
            "tags": ["digital hjälp"],
            "parameters": FILTERS,
            "responses": {
                "200": json_response("Occurrences, soonest first", {"$ref": "#/components/schemas/Sessions"})
            },
        }
    },
    "/api/sessions.ics": {
        "get": {
            "summary": "The same occurrences as an iCalendar feed",
            "description": WINDOW + " Stable UIDs (`<series>-<date>@envagin`), `STATUS:CANCELLED` for "
            "cancelled dates, a VTIMEZONE for Europe/Stockholm.",
            "operationId": "sessionsIcs",
            "tags": ["digital hjälp"],
            "parameters": FILTERS,
            "responses": {
                "200": {
                    "description": "RFC 5545 calendar",
                    "content": {
                        "text/calendar": {"schema": {"type": "string", "pattern": "^BEGIN:VCALENDAR"}}
                    },
                }
            },
        }
    },
    "/api/libraries.geojson": {
        "get": {
            "summary": "Libraries as GeoJSON points",
            "operationId": "librariesGeojson",
            "tags": ["digital hjälp"],
            "responses": {
                "200": json_response(
                    "A FeatureCollection (RFC 7946)",
                    {"$ref": "#/components/schemas/Libraries"},
                    media_type="application/geo+json",
                )
            },
        }
    },
}

SCHEMAS = {
    "Session": {
        "type": "object",
        "required": [
            "id",
            "title",
            "url",
            "start",
            "end",
            "cancelled",
            "library",
            "kommunkod",
            "place",
            "topics",
            "languages",
            "audience",
            "booking_required",
            "seats_left",
        ],
        "properties": {
            "id": {"type": "string", "description": "Stable: `<series translation key>-<YYYYMMDD>@envagin`"},
            "title": {"type": "string"},
            "url": {"type": "string", "format": "uri"},
            "start": {"type": "string", "format": "date-time"},
            "end": {"type": "string", "format": "date-time"},
            "cancelled": {"type": "boolean"},
            "library": {"type": ["string", "null"]},
            "kommunkod": {"type": ["string", "null"]},
            "place": {"type": "string"},
            "topics": {"type": "array", "items": {"type": "string"}},
            "languages": {"type": "array", "items": {"type": "string"}},
            "audience": {"type": "string"},
            "booking_required": {"type": "boolean"},
            "seats_left": {"type": ["integer", "null"], "minimum": 0, "description": "null: drop-in"},
        },
        "additionalProperties": False,
    },
    "Sessions": {
        "type": "object",
        "required": ["sessions"],
        "properties": {"sessions": {"type": "array", "items": {"$ref": "#/components/schemas/Session"}}},
    },
    "Libraries": {
        "type": "object",
        "required": ["type", "features"],
        "properties": {
            "type": {"const": "FeatureCollection"},
            "features": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["type", "geometry", "properties"],
                    "properties": {
                        "type": {"const": "Feature"},
                        "geometry": {
                            "type": "object",
                            "required": ["type", "coordinates"],
                            "properties": {
                                "type": {"const": "Point"},
                                "coordinates": {
                                    "type": "array",
                                    "prefixItems": [
                                        {"type": "number", "minimum": -180, "maximum": 180},
                                        {"type": "number", "minimum": -90, "maximum": 90},
                                    ],
                                    "minItems": 2,
                                    "maxItems": 2,
                                },
                            },
                        },
                        "properties": {
                            "type": "object",
                            "required": ["name", "url", "address", "town", "example"],
                            "properties": {
                                "name": {"type": "string"},
                                "url": {"type": "string", "format": "uri"},
                                "address": {"type": "string"},
                                "town": {"type": "string"},
                                "example": {"type": "boolean", "description": "Coordinates are an example"},
                            },
                        },
                    },
                },
            },
        },
    },
}


def register() -> None:
    register_api(PATHS, SCHEMAS)
