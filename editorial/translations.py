"""The translations report: for each page and language, missing, up to date or out of date."""

from django.conf import settings
from django.shortcuts import render
from wagtail.models import Page

from editorial.permissions import editable_pages
from home.models import MunicipalityPage
from home.tree import below_paths

MISSING, CURRENT, OUTDATED = "missing", "current", "outdated"
LABELS = {MISSING: "Saknas", CURRENT: "Aktuell", OUTDATED: "Inaktuell"}


def translation_rows(user, municipality_code: str = "", state: str = "") -> list[dict]:
    """The rows of the report for the pages this user may edit (optionally one municipality's)."""
    sources = Page.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=1)
    sources = sources.filter(pk__in=editable_pages(user))
    if municipality_code:
        paths = MunicipalityPage.objects.filter(code=municipality_code).values_list("path", flat=True)
        sources = sources.filter(below_paths(paths))
    rows = translation_states(sources.order_by("path"))
    return [row for row in rows if not state or any(cell["status"] == state for cell in row["cells"])]


def translation_states(sources) -> list[dict]:
    """For each source page, per language: missing, current or out of date.

    A translation is out of date when its source was published after the translation last was.
    """
    languages = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    sources = list(sources)
    translations = {}
    for key, code, published in (
        Page.objects.live()
        .filter(alias_of__isnull=True)  # an alias is the untranslated Swedish page, kept in step with it
        .filter(translation_key__in=[p.translation_key for p in sources], locale__language_code__in=languages)
        .values_list("translation_key", "locale__language_code", "last_published_at")
    ):
        translations[(key, code)] = published
    rows = []
    for page in sources:
        cells = []
        for code in languages:
            published = translations.get((page.translation_key, code))
            if published is None:
                status = MISSING
            elif page.last_published_at and published < page.last_published_at:
                status = OUTDATED
            else:
                status = CURRENT
            cells.append({"language": code, "status": status, "label": LABELS[status]})
        rows.append({"page": page, "cells": cells})
    return rows


def translations_report(request):
    code = request.GET.get("kommun", "")
    state = request.GET.get("status", "")
    rows = translation_rows(request.user, code if code.isdigit() else "", state if state in LABELS else "")
    return render(
        request,
        "editorial/admin/translations_report.html",
        {
            "rows": rows,
            "languages": [(c, n) for c, n in settings.LANGUAGES if c != settings.LANGUAGE_CODE],
            "municipalities": MunicipalityPage.objects.filter(
                locale__language_code=settings.LANGUAGE_CODE
            ).order_by("title"),
            "chosen": code,
            "state": state,
            "states": LABELS.items(),
        },
    )
