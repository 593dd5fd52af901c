from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search import admin_views


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [
        path("sokningar/", admin_views.query_report, name="search_query_report"),
        path("indexko/", admin_views.outbox_report, name="search_outbox_report"),
    ]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return MenuItem("Sökningar", reverse("search_query_report"), icon_name="search", order=700)


class OutboxMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_see_outbox(request.user)


@hooks.register("register_reports_menu_item")
def register_outbox_menu_item():
    return OutboxMenuItem("Indexkö", reverse("search_outbox_report"), icon_name="warning", order=710)
