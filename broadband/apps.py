from django.apps import AppConfig


class BroadbandConfig(AppConfig):
    name = "broadband"
    verbose_name = "Bredband"

    def ready(self):
        from broadband import openapi
        from core.signals import follow_models

        openapi.register()
        follow_models(self.get_models())
        # Reports from residents and the import log are read in the admin only: no page changes.
        follow_models([self.get_model("CoverageReport"), self.get_model("CoverageImport")], tags=())
