from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Webbplatsen"

    def ready(self):
        from . import signals  # noqa: F401
