"""Coverage statistics as OpenAPI 3.1 (registered in core/openapi.py): what broadband/views.py answers."""

from broadband.coverage import SHARE_FIELDS
from core.openapi import (
    STRING,
    array_of,
    get_operation,
    json_response,
    language_parameter,
    object_schema,
    ref,
    register_api,
    text_response,
)

PATHS = {
    "/api/coverage.json": get_operation(
        "Broadband coverage per municipality and year",
        "coverageJson",
        {"200": json_response("All figures", ref("Coverage"))},
        parameters=[language_parameter("Language of the licence note.")],
    ),
    "/api/coverage.csv": get_operation(
        "The same figures as CSV, in exactly the import layout",
        "coverageCsv",
        {"200": text_response("CSV with a header row", "text/csv", "^\ufeff?kommunkod;")},
        description="`;`-separated, UTF-8, one row per municipality and year: "
        "`kommunkod;år;hushåll_1gbit;arbetsställen_1gbit;hushåll_100mbit;arbetsställen_100mbit;"
        "tätort_hushåll_1gbit;landsbygd_hushåll_1gbit;källa;källdatum`.",
    ),
}

SHARE = {"type": ["number", "null"], "minimum": 0, "maximum": 100}
SCHEMAS = {
    "CoverageFigure": object_schema(
        {
            "kommunkod": {"type": "string", "description": "A kommunkod, or the county's code"},
            "year": {"type": "integer"},
            **{name: SHARE for name in SHARE_FIELDS},
            "source": STRING,
            "source_date": {"type": ["string", "null"], "format": "date"},
            "example": {"type": "boolean", "description": "Invented figures for the demo"},
        },
        additionalProperties=False,
    ),
    "Coverage": object_schema(
        {"licence": STRING, "unit": {"const": "procent"}, "figures": array_of(ref("CoverageFigure"))}
    ),
}


def register() -> None:
    register_api(PATHS, SCHEMAS, tag="bredband")
