from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo county: facts and texts in demo/data/, built by one loader with a part for each app.

    Like config/, this is a composition root: it may import every app of ours; no app imports it.
    """

    name = "demo"
