from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.panels import UserPanel, admin_urls, reports_menu_item
from home.privacy import RETENTION_PERIODS, RetentionPeriod
from search import admin_views

admin_urls(
    path("sokningar/", admin_views.query_report, name="search_query_report"),
    path("indexko/", admin_views.outbox_report, name="search_outbox_report"),
)


reports_menu_item("Sökningar", "search_query_report", "search", 700, admin_views.may_read_query_log)
reports_menu_item("Indexkö", "search_outbox_report", "warning", 710, admin_views.can_see_outbox)


@hooks.register(RETENTION_PERIODS)
def search_log_retention():
    return [
        RetentionPeriod(
            _("Sökningar (vad som söktes, aldrig vem; personnummer, telefonnummer och e-post maskeras)"),
            settings.SEARCH_LOG_RETENTION_DAYS,
            _("efter sökningen"),
            _("Sökningen raderas."),
            "purge_search_log",
        )
    ]


class OutboxPanel(UserPanel):
    """Dashboard line for administrators: index changes set aside, and changes waiting."""

    name = "search_outbox"
    order = 200
    template_name = "search/admin/outbox_panel.html"

    def get_context_data(self, parent_context=None):
        from search.models import IndexOutbox

        return {
            "set_aside": IndexOutbox.objects.set_aside().count(),
            "pending": IndexOutbox.objects.pending().count(),
            "url": reverse("search_outbox_report"),
        }

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        return super().render_html(parent_context) if context["set_aside"] else ""


@hooks.register("construct_homepage_panels")
def add_outbox_panel(request, panels):
    if admin_views.can_see_outbox(request.user):
        panels.append(OutboxPanel(request.user))
