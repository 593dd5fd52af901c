"""A base for the apps' AppConfig: what an app of the site sets up when Django is ready.

apps.py modules import it as `from core import appconfig` (not the class itself), so that Django
finds one AppConfig class in each of them.
"""

import importlib

from django.apps import AppConfig
from django.utils.module_loading import module_has_submodule


class SiteAppConfig(AppConfig):
    """Registers the app's OpenAPI description (`<app>/openapi.py`, if it has one) and lets the page
    cache follow the app's models: saving or deleting one outdates the cached pages, except for the
    models named in `admin_only_models`, which no public page shows."""

    admin_only_models: tuple[str, ...] = ()

    def ready(self):
        from core.signals import follow_models

        if module_has_submodule(self.module, "openapi"):
            importlib.import_module(f"{self.name}.openapi").register()
        follow_models(self.get_models())
        follow_models([self.get_model(name) for name in self.admin_only_models], tags=())
