from core import appconfig


class ServicesConfig(appconfig.SiteAppConfig):
    name = "services"
    verbose_name = "Digital hjälp och e-tjänster"
    # The lock row of a booked date is not shown anywhere; booking mail is the worker's.
    admin_only_models = ("SessionOccurrence", "BookingMessage")

    def ready(self):
        super().ready()
        from core.signals import follow_models
        from services.booking import cache_tags_for_booking
        from services.signals import connect

        # A booking changes the seats left of one series' date: only pages showing that series change.
        follow_models([self.get_model("Booking")], tags=cache_tags_for_booking)
        connect()
