from core import appconfig


class HomeConfig(appconfig.SiteAppConfig):
    name = "home"
    verbose_name = "Webbplatsen"
    # Link-check results and reminder records are for editors only: no public page changes.
    admin_only_models = ("LinkCheck", "ReviewReminder")

    def ready(self):
        super().ready()
        from wagtail.models import Page

        from home import facts
        from home.models.base import shown_title

        facts.connect()  # a source page's facts reach its translations when it is published

        # Every page the admin names (lists, choosers and their search, parents, breadcrumbs) is
        # named through this method, on specific pages and plain `Page` rows alike.
        if not getattr(Page.get_admin_display_title, "shown_title", False):
            draft_title = Page.get_admin_display_title

            def get_admin_display_title(page):
                return shown_title(page, draft_title(page))

            get_admin_display_title.shown_title = True
            Page.get_admin_display_title = get_admin_display_title
