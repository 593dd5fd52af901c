"""Coverage statistics as OpenAPI 3.1 (registered in core/openapi.py): what broadband/views.py answers."""

from broadband.coverage import SHARE_FIELDS
from core.openapi import json_response, register_api

PATHS = {
    "/api/coverage.json": {
        "get": {
            "summary": "Broadband coverage per municipality and year",
            "operationId": "coverageJson",
            "tags": ["bredband"],
            "responses": {"200": json_response("All figures", {"$ref": "#/components/schemas/Coverage"})},
        }
    },
    "/api/coverage.csv": {
        "get": {
            "summary": "The same figures as CSV, in exactly the import layout",
            "description": "`;`-separated, UTF-8, one row per municipality and year: "
            "`kommunkod;år;hushåll_1gbit;arbetsställen_1gbit;hushåll_100mbit;arbetsställen_100mbit;"
            "tätort_hushåll_1gbit;landsbygd_hushåll_1gbit;källa;källdatum`.",
            "operationId": "coverageCsv",
            "tags": ["bredband"],
            "responses": {
                "200": {
                    "description": "CSV with a header row",
                    "content": {"text/csv": {"schema": {"type": "string", "pattern": "^\ufeff?kommunkod;"}}},
                }
            },
        }
    },
}

SHARE = {"type": ["number", "null"], "minimum": 0, "maximum": 100}
SCHEMAS = {
    "CoverageFigure": {
        "type": "object",
        "required": ["kommunkod", "year", *SHARE_FIELDS, "source", "source_date", "example"],
        "properties": {
            "kommunkod": {"type": "string", "description": "A kommunkod, or the county's code"},
            "year": {"type": "integer"},
            **{name: SHARE for name in SHARE_FIELDS},
            "source": {"type": "string"},
            "source_date": {"type": ["string", "null"], "format": "date"},
            "example": {"type": "boolean", "description": "Invented figures for the demo"},
        },
        "additionalProperties": False,
    },
    "Coverage": {
        "type": "object",
        "required": ["licence", "unit", "figures"],
        "properties": {
            "licence": {"type": "string"},
            "unit": {"const": "procent"},
            "figures": {"type": "array", "items": {"$ref": "#/components/schemas/CoverageFigure"}},
        },
    },
}


def register() -> None:
    register_api(PATHS, SCHEMAS)
