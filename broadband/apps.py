from core import appconfig


class BroadbandConfig(appconfig.SiteAppConfig):
    name = "broadband"
    verbose_name = "Bredband"
    # Reports from residents and the import log are read in the admin only: no page changes.
    admin_only_models = ("CoverageReport", "CoverageImport")
