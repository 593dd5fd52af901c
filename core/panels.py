from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component


class UserPanel(Component):
    """A dashboard panel whose content depends on what the logged-in editor may see."""

    def __init__(self, user):
        self.user = user


class PermittedMenuItem(MenuItem):
    """An admin menu item shown only to the users `may_see(user)` lets through (the view checks again)."""

    def __init__(self, label, url_name: str, may_see=None, **kwargs):
        super().__init__(label, reverse(url_name), **kwargs)
        self.may_see = may_see

    def is_shown(self, request):
        return self.may_see is None or self.may_see(request.user)


def admin_menu_item(label, url_name: str, icon_name: str, order: int, may_see=None) -> None:
    """Add an item to the admin menu, shown to the users `may_see(user)` lets through (all if None)."""
    hooks.register("register_admin_menu_item", _menu_item(label, url_name, icon_name, order, may_see))


def reports_menu_item(label, url_name: str, icon_name: str, order: int, may_see=None) -> None:
    """Add an item to the admin's reports menu, shown to the users `may_see(user)` lets through."""
    hooks.register("register_reports_menu_item", _menu_item(label, url_name, icon_name, order, may_see))


def _menu_item(label, url_name, icon_name, order, may_see):
    return lambda: PermittedMenuItem(label, url_name, may_see, icon_name=icon_name, order=order)


def field_panels(*names: str) -> list[FieldPanel]:
    """One `FieldPanel` per field, in this order."""
    return [FieldPanel(name) for name in names]


def admin_urls(*patterns) -> None:
    """Add URL patterns below /admin/ (Wagtail's `register_admin_urls` hook)."""
    hooks.register("register_admin_urls", lambda: list(patterns))
