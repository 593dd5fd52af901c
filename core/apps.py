from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app uses and no app owns. Imports no other app of ours."""

    name = "core"
    verbose_name = "Gemensamt"

    def ready(self):
        from core import signals

        signals.connect()
