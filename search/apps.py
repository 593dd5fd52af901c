from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "envagin_search"
    verbose_name = "Sök"

    def ready(self):
        from search import signals  # noqa: F401
        from search.registry import discover

        discover()
