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
        from search.views import breaker_state, outbox_length, outbox_set_aside, search_health

        discover()
        register_check("search", search_health)
        register_check("breaker", breaker_state)
        register_check("outbox", outbox_length)
        register_check("outbox_set_aside", outbox_set_aside)
        openapi.register()
