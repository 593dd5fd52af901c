"""Editorial's own columns of the freshness overview: review dates, broken links, translations."""

import datetime

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

from editorial.freshness import FreshnessColumn, Item, items_by_path, page_items
from editorial.review import due_pages
from editorial.translations import CURRENT, translation_states
from home.models import LinkCheck


def overdue_pages(organisations):
    """Live pages (any language) whose review date has passed."""
    overdue = dict(due_pages(timezone.localdate() - datetime.timedelta(days=1)))
    pages = Page.objects.filter(pk__in=overdue).select_related("locale").only("path", "title", "locale")
    things = page_items(
        pages, lambda page: f"skulle granskas {overdue[page.pk]:%Y-%m-%d} ({page.locale.language_code})"
    )
    return items_by_path(organisations, things)


def broken_links(organisations):
    """Each broken external link, once per page that has it (links in data beside pages: the region's)."""
    broken = list(LinkCheck.objects.filter(ok=False).order_by("url"))
    pages = Page.objects.in_bulk({pk for check in broken for pk in check.page_ids})
    things = []
    for check in broken:
        answer = str(check.status or "inget svar")
        on_pages = [pages[pk] for pk in check.page_ids if pk in pages]
        for page in on_pages:
            items = page_items([page], lambda p, answer=answer, url=check.url: f"{url} ({answer})")
            things += [
                (path, Item(f"{page.title}: {check.url}", item.url, item.note)) for path, item in items
            ]
        if not on_pages:
            things.append(("", Item(check.url, "", f"{answer}, i data utanför sidorna")))
    return items_by_path(organisations, things)


def translations_behind(organisations):
    """Source-language pages with a translation missing or out of date."""
    sources = (
        Page.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=1).order_by("path")
    )
    things = []
    for row in translation_states(sources):
        late = [
            f"{cell['language']}: {cell['label'].lower()}"
            for cell in row["cells"]
            if cell["status"] != CURRENT
        ]
        if late:
            things += page_items([row["page"]], lambda page, late=late: ", ".join(late))
    return items_by_path(organisations, things)


def editorial_columns() -> list[FreshnessColumn]:
    return [
        FreshnessColumn(
            "overdue",
            "Sidor att granska",
            overdue_pages,
            "Sidor vars granskningsdatum har passerat.",
            order=10,
        ),
        FreshnessColumn(
            "broken_links",
            "Trasiga länkar",
            broken_links,
            "Externa länkar som inte svarade vid senaste kontrollen.",
            order=20,
        ),
        FreshnessColumn(
            "translations",
            "Översättningar saknas eller inaktuella",
            translations_behind,
            "Sidor där en översättning saknas eller är äldre än den svenska sidan.",
            order=30,
        ),
    ]
