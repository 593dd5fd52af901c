from django.urls import path
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page

from core.panels import UserPanel, admin_urls, reports_menu_item
from editorial import freshness_views, translations
from editorial.freshness import FRESHNESS_COLUMNS
from editorial.freshness_columns import editorial_columns
from editorial.permissions import editable_pages
from editorial.review import due_pages, pages_due_for
from home.models import LinkCheck
from home.references import choosable_pages


class ReviewPanel(UserPanel):
    """Dashboard: the pages this editor may edit that are overdue or due within 30 days, oldest first."""

    name = "review_due"
    order = 90
    template_name = "editorial/admin/review_panel.html"

    def get_context_data(self, parent_context=None):
        return {"rows": pages_due_for(self.user)[:50]}


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    panels.append(ReviewPanel(request.user))


class BrokenLinksPanel(UserPanel):
    """Dashboard: broken external links on pages this editor may edit."""

    name = "broken_links"
    order = 95
    template_name = "editorial/admin/broken_links_panel.html"

    def get_context_data(self, parent_context=None):
        broken = list(LinkCheck.objects.filter(ok=False).order_by("url"))
        ids = {pk for check in broken for pk in check.page_ids}
        editable = set(editable_pages(self.user).filter(pk__in=ids).values_list("pk", flat=True))
        pages = Page.objects.in_bulk(editable)
        rows = [
            {"check": check, "pages": [pages[pk] for pk in check.page_ids if pk in pages]} for check in broken
        ]
        return {"rows": [row for row in rows if row["pages"]]}


@hooks.register("construct_homepage_panels")
def add_broken_links_panel(request, panels):
    panels.append(BrokenLinksPanel(request.user))


admin_urls(path("oversattningar/", translations.translations_report, name="translations_report"))


reports_menu_item("Översättningar", "translations_report", "globe", 710)


@hooks.register("construct_page_chooser_queryset")
def live_or_own_pages_in_choosers(pages, request):
    """The page chooser lists the public tree and the user's own drafts, never other organisations'
    drafts (their titles and addresses); see home.references.choosable_pages."""
    return choosable_pages(request.user, pages)


@hooks.register("construct_explorer_page_queryset")
def filter_explorer_by_review(parent_page, pages, request):
    """?granskning=forsenad in the page listing shows only pages whose review date has passed."""
    if request.GET.get("granskning") == "forsenad":
        pages = pages.filter(pk__in=[pk for pk, _day in due_pages(timezone.localdate())])
    return pages


admin_urls(
    path("aktualitet/", freshness_views.overview_view, name="freshness_overview"),
    path(
        "aktualitet/<str:organisation_key>/<str:column_key>/",
        freshness_views.detail_view,
        name="freshness_detail",
    ),
)


reports_menu_item("Aktualitet", "freshness_overview", "time", 690, freshness_views.may_see_overview)


@hooks.register(FRESHNESS_COLUMNS)
def register_editorial_freshness_columns():
    return editorial_columns()
