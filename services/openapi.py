"""Help sessions and libraries as OpenAPI 3.1 (see core/openapi.py): what services/feeds.py answers."""

from core.openapi import (
    BOOLEAN,
    NULLABLE_STRING,
    STRING,
    array_of,
    get_operation,
    json_response,
    language_parameter,
    object_schema,
    query_parameter,
    ref,
    register_api,
    text_response,
)

FILTERS = [
    query_parameter("kommun", "A kommunkod."),
    query_parameter("library", "A library page's slug or id."),
    query_parameter("topic", "A topic slug."),
    query_parameter(
        "session",
        'One series (page id); with `date`, one occurrence ("add to calendar").',
        {"type": "integer", "minimum": 1},
    ),
    query_parameter("date", "YYYY-MM-DD.", {"type": "string", "format": "date"}),
    language_parameter("The feed's name, and each series' translation where there is one."),
]
WINDOW = "Occurrences from now to 180 days ahead; cancelled ones stay, marked as cancelled."

PATHS = {
    "/api/sessions.json": get_operation(
        "Digital-help occurrences at the libraries",
        "sessionsJson",
        {"200": json_response("Occurrences, soonest first", ref("Sessions"))},
        description=WINDOW,
        parameters=FILTERS,
    ),
    "/api/sessions.ics": get_operation(
        "The same occurrences as an iCalendar feed",
        "sessionsIcs",
        {"200": text_response("RFC 5545 calendar", "text/calendar", "^BEGIN:VCALENDAR")},
        description=WINDOW + " Stable UIDs (`<series>-<date>@envagin`), `STATUS:CANCELLED` for "
        "cancelled dates, a VTIMEZONE for Europe/Stockholm.",
        parameters=FILTERS,
    ),
    "/api/libraries.geojson": get_operation(
        "Libraries as GeoJSON points",
        "librariesGeojson",
        {"200": json_response("A FeatureCollection (RFC 7946)", ref("Libraries"), "application/geo+json")},
        parameters=[language_parameter("Each library's name in that language where it is translated.")],
    ),
}

URI = {"type": "string", "format": "uri"}
DATE_TIME = {"type": "string", "format": "date-time"}
STRINGS = array_of(STRING)
POINT = object_schema(
    {
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
    }
)
LIBRARY = object_schema(
    {
        "name": STRING,
        "url": URI,
        "address": STRING,
        "town": STRING,
        "example": {"type": "boolean", "description": "Coordinates are an example"},
    }
)

SCHEMAS = {
    "Session": object_schema(
        {
            "id": {"type": "string", "description": "Stable: `<series translation key>-<YYYYMMDD>@envagin`"},
            "title": STRING,
            "url": URI,
            "start": DATE_TIME,
            "end": DATE_TIME,
            "cancelled": BOOLEAN,
            "library": NULLABLE_STRING,
            "kommunkod": NULLABLE_STRING,
            "place": STRING,
            "topics": STRINGS,
            "languages": STRINGS,
            "audience": STRING,
            "booking_required": BOOLEAN,
            "seats_left": {"type": ["integer", "null"], "minimum": 0, "description": "null: drop-in"},
        },
        additionalProperties=False,
    ),
    "Sessions": object_schema({"sessions": array_of(ref("Session"))}),
    "Libraries": object_schema(
        {
            "type": {"const": "FeatureCollection"},
            "features": array_of(
                object_schema({"type": {"const": "Feature"}, "geometry": POINT, "properties": LIBRARY})
            ),
        }
    ),
}


def register() -> None:
    register_api(PATHS, SCHEMAS, tag="digital hjälp")
