from django.apps import AppConfig


class BroadbandConfig(AppConfig):
    name = "broadband"
    verbose_name = "Bredband"

    def ready(self):
        from core.signals import follow_models

        follow_models(self.get_models())
