"""Admin views of the freshness overview: the table (HTML and CSV) and the list behind each number."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from core.exports import neutralise_row
from editorial import freshness
from editorial.permissions import editable_pages

SORTS = {"name": "Namn", "total": "Summa"}


def may_see_overview(user) -> bool:
    """Cheap enough for the menu: the region, or anyone who may edit a municipality's or library's page."""
    if freshness.is_regional(user):
        return True
    models = [freshness.MunicipalityPage, *freshness.staff_page_types()]
    return any(editable_pages(user).type(model).exists() for model in models)


@require_safe
def overview_view(request):
    if not may_see_overview(request.user):
        raise PermissionDenied
    data = freshness.overview(request.user)
    if not data["rows"]:
        raise PermissionDenied
    sort = request.GET.get("sortera", "")
    rows = freshness.sort_rows(data["rows"], sort, data["columns"])
    if request.GET.get("format") == "csv":
        return _csv(rows, data)
    return render(
        request,
        "editorial/admin/freshness_overview.html",
        {
            "rows": rows,
            "columns": data["columns"],
            "totals": data["totals"],
            "sort": sort,
            "regional": freshness.is_regional(request.user),
        },
    )


def _csv(rows, data) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="aktualitet-{timezone.localdate():%Y-%m-%d}.csv"'
    writer = csv.writer(response, delimiter=";")
    writer.writerow(["organisation", "typ", "kommunkod", *[c.label for c in data["columns"]], "summa"])
    for row in rows:
        organisation = row.organisation
        counts = ["" if cell["count"] is None else cell["count"] for cell in row.cells]
        writer.writerow(
            neutralise_row(
                [
                    organisation.name,
                    freshness.KIND_LABELS[organisation.kind],
                    organisation.code,
                    *counts,
                    row.total,
                ]
            )
        )
    writer.writerow(["Totalt (varje sak en gång)", "", "", *data["totals"], ""])
    return response


@require_safe
def detail_view(request, organisation_key: str, column_key: str):
    """The list behind one number: only for an organisation the user may see."""
    organisation = next(
        (o for o in freshness.visible_organisations(request.user) if o.key == organisation_key[:40]), None
    )
    column = freshness.column(column_key[:40])
    if organisation is None or column is None:
        raise Http404
    items = column.collect([organisation]).get(organisation.key)
    return render(
        request,
        "editorial/admin/freshness_detail.html",
        {"organisation": organisation, "column": column, "items": items},
    )
