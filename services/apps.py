from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = "Digital hjälp och e-tjänster"

    def ready(self):
        from core.signals import follow_models
        from services import openapi
        from services.booking import cache_tags_for_booking

        openapi.register()
        follow_models(self.get_models())
        # A booking changes the seats left of one series' date: only pages showing that series change.
        follow_models([self.get_model("Booking")], tags=cache_tags_for_booking)
        # The lock row of a booked date is not shown anywhere.
        follow_models([self.get_model("SessionOccurrence"), self.get_model("BookingMessage")], tags=())

        from services.signals import connect

        connect()
