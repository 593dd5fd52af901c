"""Open data: all coverage figures as CSV (in the import layout) and JSON."""

from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from broadband.coverage import SHARE_FIELDS, export_csv
from broadband.models import CoverageStatistic

LICENCE = (
    "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.sv). Ange källan som står på varje rad."
)


@require_GET
def coverage_csv(request):
    response = HttpResponse(export_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="tackning.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def coverage_json(request):
    figures = [
        {
            "kommunkod": stat.area_code,
            "year": stat.year,
            **{
                name: (float(getattr(stat, name)) if getattr(stat, name) is not None else None)
                for name in SHARE_FIELDS
            },
            "source": stat.source,
            "example": stat.is_example,
        }
        for stat in CoverageStatistic.objects.order_by("year", "area_code")
    ]
    response = JsonResponse(
        {"licence": LICENCE, "unit": "procent", "figures": figures}, json_dumps_params={"ensure_ascii": False}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
