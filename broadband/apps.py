from django.apps import AppConfig


class BroadbandConfig(AppConfig):
    name = "broadband"
    verbose_name = "Bredband"
