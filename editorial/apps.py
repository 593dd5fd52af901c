from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """How eleven organisations keep one site current: editor groups and permissions, review dates
    and reminders, link checking, translation status and the editors' dashboard panels.

    Imports `home` and `core` only; what feature apps contribute (the page types that have staff of
    their own, the fields that hold external links) is discovered, never imported."""

    name = "editorial"
    verbose_name = "Redaktionellt"
