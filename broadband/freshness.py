"""Broadband's columns of the freshness overview (editorial discovers them through a hook)."""

from django.conf import settings
from django.db.models import Max
from django.urls import reverse

from broadband.models import CoverageStatistic
from broadband.reports import unanswered_reports
from editorial.freshness import MUNICIPALITY, REGION, FreshnessColumn, Item
from home.models import OrganisationSettings


def stale_statistics(organisations):
    """A municipality (or the county, on the region's row) whose newest figures are older than the
    newest year imported for anyone: one thing to do, import the new year."""
    newest = CoverageStatistic.objects.aggregate(newest=Max("year"))["newest"]
    latest = dict(
        CoverageStatistic.objects.values("area_code")
        .annotate(year=Max("year"))
        .values_list("area_code", "year")
    )
    county_codes = [s.county_code for s in OrganisationSettings.objects.all() if s.county_code]
    found = {}
    for organisation in organisations:
        if organisation.kind == MUNICIPALITY:
            codes = [organisation.code]
        elif organisation.kind == REGION and county_codes:
            codes = county_codes[:1]
        else:
            continue
        year = latest.get(codes[0])
        found[organisation.key] = (
            []
            if newest is None or year == newest
            else [
                Item(
                    f"Täckningsstatistik för {organisation.name}: senaste år {year or 'saknas'}",
                    reverse("coverage_import"),
                    f"senaste importerade år är {newest}",
                )
            ]
        )
    return found


def late_reports(organisations):
    """Reports of poor coverage nobody has marked answered within COVERAGE_REPORT_ANSWER_DAYS."""
    days = settings.COVERAGE_REPORT_ANSWER_DAYS
    by_code = {}
    for report in unanswered_reports(days).order_by("created_at"):
        by_code.setdefault(report.municipality_code, []).append(
            Item(
                f"{report.reference} {report.place}".strip(),
                reverse("coverage_reports:inspect", args=[report.pk]),
                f"inkom {report.created_at:%Y-%m-%d}",
            )
        )
    return {o.key: by_code.get(o.code, []) for o in organisations if o.kind == MUNICIPALITY}


def broadband_columns() -> list[FreshnessColumn]:
    return [
        FreshnessColumn(
            "coverage_statistics",
            "Täckningsstatistik äldre än senaste året",
            stale_statistics,
            "Kommuner vars senaste siffror är äldre än det senaste år som importerats.",
            order=40,
        ),
        FreshnessColumn(
            "coverage_reports",
            "Obesvarade rapporter om mobiltäckning",
            late_reports,
            f"Rapporter som ingen markerat som besvarade inom {settings.COVERAGE_REPORT_ANSWER_DAYS} dagar.",
            order=60,
        ),
    ]
