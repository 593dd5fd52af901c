from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.privacy import RETENTION_PERIODS, RetentionPeriod
from search import admin_views


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [path("sokningar/", admin_views.query_report, name="search_query_report")]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return MenuItem("Sökningar", reverse("search_query_report"), icon_name="search", order=700)


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
