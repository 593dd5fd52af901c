from core import appconfig


class HomeConfig(appconfig.SiteAppConfig):
    name = "home"
    verbose_name = "Webbplatsen"
    # Link-check results and reminder records are for editors only: no public page changes.
    admin_only_models = ("LinkCheck", "ReviewReminder")
