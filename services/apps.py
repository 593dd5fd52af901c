from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = "Digital hjälp och e-tjänster"

    def ready(self):
        from core.signals import follow_models

        follow_models(self.get_models())

        from services.signals import connect

        connect()
