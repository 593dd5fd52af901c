"""Open data: all coverage figures as CSV (in the import layout) and JSON."""

from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from broadband.coverage import SHARE_FIELDS, export_csv
from broadband.models import CoverageStatistic
from core.http import read_only
from core.opendata import in_requested_language, open_file, open_json

LICENCE = _(
    "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.sv). Ange källan som står på varje rad."
)


@read_only
def coverage_csv(request):
    return open_file(export_csv(), "text/csv; charset=utf-8", "tackning.csv")


@read_only
@in_requested_language
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
            "source_date": stat.source_date.isoformat() if stat.source_date else None,
            "example": stat.is_example,
        }
        for stat in CoverageStatistic.objects.order_by("year", "area_code")
    ]
    # The licence note in the language asked for (?lang=en|ar), else the site's source language.
    return open_json({"licence": str(LICENCE), "unit": "procent", "figures": figures})


@csrf_exempt  # so that the form page sets no cookie; a honeypot and a rate limit stop abuse instead
@require_http_methods(["GET", "HEAD", "POST"])
def submit_coverage_report(request, page_id: int):
    from broadband.models import MobileCoverageReportPage

    if page_id > 2**31 - 1:  # page ids are 32-bit integers; a longer number finds nothing
        raise Http404
    page = MobileCoverageReportPage.objects.live().filter(pk=page_id).select_related("locale").first()
    if page is None:
        raise Http404
    if request.method != "POST":
        # The receipt's address, opened again (history, a bookmark, a reload): the form itself.
        return redirect(page.url)
    with translation.override(page.locale.language_code):
        request.LANGUAGE_CODE = page.locale.language_code
        response = page.submit(request)
        response.render()
    return response
