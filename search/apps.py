from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "envagin_search"
    verbose_name = "Sök"

    def ready(self):
        from core.health import register_check
        from search import (
            openapi,
            signals,  # noqa: F401
        )
        from search.registry import discover
        from search.views import outbox_length, search_health

        discover()
        register_check("search", search_health)
        register_check("outbox", outbox_length)
        openapi.register()
