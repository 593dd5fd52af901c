"""Admin: importing coverage statistics (upload, preview, confirm) and the import history."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from broadband import admin_views


@hooks.register("register_admin_urls")
def register_coverage_urls():
    return [path("tackning/import/", admin_views.coverage_import, name="coverage_import")]


@hooks.register("register_admin_menu_item")
def register_coverage_menu_item():
    return MenuItem(
        "Täckningsstatistik",
        reverse("coverage_import"),
        icon_name="table",
        order=900,
    )
