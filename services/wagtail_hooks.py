from django.conf import settings
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from core.panels import admin_menu_item, admin_urls
from editorial.freshness import FRESHNESS_COLUMNS
from editorial.policies import FilteredIndexMixin, MunicipalSnippetPolicy, ObjectCheckedViewSetMixin
from home.hub import MUNICIPALITY_PAGE_CONTEXT, START_PAGE_CONTEXT
from home.localization import prefer_active_locale
from home.models import PAGE_MUST_STAY
from home.privacy import RETENTION_PERIODS, RetentionPeriod
from services import admin_views
from services.freshness import services_columns
from services.models import EServiceMunicipalLink, LibraryPage
from services.models.help import bookings_ahead
from services.occurrences import upcoming_occurrences

admin_urls(
    path("bokningar/", admin_views.booking_index, name="booking_index"),
    path("bokningar/<int:occurrence_id>/", admin_views.booking_detail, name="booking_detail"),
)


admin_menu_item("Bokningar", "booking_index", "date", 150, admin_views.may_see_bookings)


class LinkPolicy(MunicipalSnippetPolicy):
    def filter_by_codes(self, queryset, codes):
        return queryset.filter(municipality__code__in=codes)


class LinkIndexView(FilteredIndexMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("eservice", "municipality")


class MunicipalLinkViewSet(ObjectCheckedViewSetMixin, ModelViewSet):
    """Each municipality keeps its own links to the e-services every municipality runs.

    Every view with a link (edit, history, usage…) checks it; reordering is off (the order is kept
    in the e-service's own form, by the region).
    """

    model = EServiceMunicipalLink
    icon = "link"
    menu_label = "Kommunens e-tjänstlänkar"
    menu_order = 920
    add_to_admin_menu = True
    url_prefix = "e-tjanstlankar"
    name = "municipal_links"
    list_display = ["eservice", "municipality", "url"]
    panels = [FieldPanel("url")]
    create_view_enabled = False
    index_view_class = LinkIndexView
    permission_policy = LinkPolicy(EServiceMunicipalLink, lambda link: {link.municipality.code})


@hooks.register("register_admin_viewset")
def register_municipal_links():
    return MunicipalLinkViewSet()


@hooks.register("register_staff_page_types")
def staff_page_types():
    """Each library has staff of its own (a group with rights on its page and sessions)."""
    return [LibraryPage]


# A series, library, municipality (or any page) with bookings ahead below it is not deleted.
hooks.register(PAGE_MUST_STAY, bookings_ahead)


@hooks.register(START_PAGE_CONTEXT)
def next_sessions_in_county(page, request, context):
    return {"next_sessions": upcoming_occurrences(limit=5)}


@hooks.register(MUNICIPALITY_PAGE_CONTEXT)
def libraries_sessions_and_eservices(page, request, context):
    """A municipality's libraries, its next sessions and its own links to e-services."""
    libraries = prefer_active_locale(
        LibraryPage.objects.live().filter(page.subtree_filter()).select_related("locale").order_by("path")
    )
    # Each e-service once, in the reader's language where it is translated (every translation of
    # an e-service carries its own copy of the municipal links).
    links = list(
        EServiceMunicipalLink.objects.filter(municipality__code=page.code).select_related("eservice")
    )
    shown = {eservice.pk for eservice in prefer_active_locale([link.eservice for link in links])}
    return {
        "libraries": libraries,
        "next_sessions": upcoming_occurrences(municipality_code=page.code, limit=6),
        "eservice_links": sorted(
            (link for link in links if link.eservice_id in shown),
            key=lambda link: link.eservice.name.casefold(),
        ),
    }


@hooks.register(RETENTION_PERIODS)
def booking_retention():
    return [
        RetentionPeriod(
            _("Bokningar av digital hjälp (namn, e-post, telefon, behov)"),
            settings.BOOKING_RETENTION_DAYS,
            _("efter tillfället"),
            _("Bokningen raderas helt."),
            "purge_bookings",
        )
    ]


@hooks.register(FRESHNESS_COLUMNS)
def register_services_freshness_columns():
    return services_columns()
