from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home import admin_views
from home.panels import UserPanel
from home.review import pages_due_for


class ReviewPanel(UserPanel):
    """Dashboard: the pages this editor may edit that are overdue or due within 30 days, oldest first."""

    name = "review_due"
    order = 90
    template_name = "home/admin/review_panel.html"

    def get_context_data(self, parent_context=None):
        return {"rows": pages_due_for(self.user)[:50]}


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    panels.append(ReviewPanel(request.user))


class BrokenLinksPanel(UserPanel):
    """Dashboard: broken external links on pages this editor may edit."""

    name = "broken_links"
    order = 95
    template_name = "home/admin/broken_links_panel.html"

    def get_context_data(self, parent_context=None):
        from wagtail.models import Page
        from wagtail.permission_policies.pages import PagePermissionPolicy

        from home.models import LinkCheck

        broken = list(LinkCheck.objects.filter(ok=False).order_by("url"))
        ids = {pk for check in broken for pk in check.page_ids}
        editable = set(
            PagePermissionPolicy()
            .instances_user_has_permission_for(self.user, "change")
            .filter(pk__in=ids)
            .values_list("pk", flat=True)
        )
        pages = Page.objects.in_bulk(editable)
        rows = [
            {"check": check, "pages": [pages[pk] for pk in check.page_ids if pk in pages]} for check in broken
        ]
        return {"rows": [row for row in rows if row["pages"]]}


@hooks.register("construct_homepage_panels")
def add_broken_links_panel(request, panels):
    panels.append(BrokenLinksPanel(request.user))


@hooks.register("register_admin_urls")
def register_translation_report_url():
    return [path("oversattningar/", admin_views.translations_report, name="translations_report")]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return MenuItem("Översättningar", reverse("translations_report"), icon_name="globe", order=710)


@hooks.register("construct_explorer_page_queryset")
def filter_explorer_by_review(parent_page, pages, request):
    """?granskning=forsenad in the page listing shows only pages whose review date has passed."""
    if request.GET.get("granskning") == "forsenad":
        from django.utils import timezone

        from home.review import due_pages

        pages = pages.filter(pk__in=[pk for pk, _day in due_pages(timezone.localdate())])
    return pages
