from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Webbplatsen"

    def ready(self):
        from core.signals import follow_models

        follow_models(self.get_models())
        # Link-check results and reminder records are for editors only: no public page changes.
        follow_models([self.get_model("LinkCheck"), self.get_model("ReviewReminder")], tags=())
