"""Libraries and the digital-help sessions they hold.

A session series is one page with a recurrence rule (weekly, every other week, monthly on the same
weekday) and a list of cancelled dates. Occurrences are computed from the rule when a listing is
shown, never stored one page per date: staff edit one page, and a cancelled Tuesday is one line.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.fields import choice_field, coordinate_field, optional_field
from core.panels import field_panels
from home.fields import MultipleChoiceListField
from home.models import (
    BasePage,
    IndexPage,
    KeepsDependentsTester,
    MunicipalityPage,
    intro_field,
    localized_fields,
    rich_text_field,
)
from services.models.booking import Booking

SESSION_LANGUAGES = [
    ("sv", _("svenska")),
    ("en", _("engelska")),
    ("ar", _("arabiska")),
    ("so", _("somaliska")),
    ("ti", _("tigrinja")),
    ("fa", _("persiska/dari")),
    ("fi", _("finska")),
    ("uk", _("ukrainska")),
    ("sgn", _("svenskt teckenspråk")),
]
LANGUAGE_LABELS = dict(SESSION_LANGUAGES)


class SessionListingMixin:
    """A page that lists dated session occurrences filtered by the query string: a date outside what
    the listing covers is answered 400 (and not cached)."""

    def serve(self, request, *args, **kwargs):
        from services.listing import date_problem

        if date_problem(request.GET):  # a date outside what the listing covers: 400, not cached
            response = Page.serve(self, request, *args, **kwargs)
            response.status_code = 400
            return response
        return super().serve(request, *args, **kwargs)


def bookings_ahead(page) -> bool:
    """Whether anyone holds a seat or a waiting-list place on a date ahead in a series that is
    `page` or below it (in any of its languages). Deleting such a page would take the bookings
    with it and tell nobody: staff cancel the dates first (`Bokningar` → cancel a date tells
    everyone). Asked by every page's `can_delete` (`home.models.PAGE_MUST_STAY`)."""
    kind = page.specific_class  # None for a page type that no longer exists
    if page.numchild == 0 and not (kind and issubclass(kind, HelpSessionPage)):
        return False  # nothing below it, and no series itself: no query
    keys = HelpSessionPage.objects.filter(path__startswith=page.path).values("translation_key")
    return Booking.objects.filter(
        occurrence__session__translation_key__in=keys,
        occurrence__date__gte=timezone.localdate(),
        status__in=[Booking.Status.CONFIRMED, Booking.Status.WAITLISTED],
    ).exists()


class LibraryPage(SessionListingMixin, BasePage):
    """A library (main or branch) and the root of its staff's sessions."""

    street_address = models.CharField(
        _("gatuadress"), max_length=120, blank=True, help_text=_("Gatuadress, till exempel Biskopsgatan 2.")
    )
    postal_code = models.CharField(
        _("postnummer"), max_length=10, blank=True, help_text=_("Postnummer, till exempel 722 15.")
    )
    town = models.CharField(_("ort"), max_length=80, blank=True, help_text=_("Orten där biblioteket ligger."))
    latitude = coordinate_field(_("latitud"), _("För kartan, till exempel 59,6099. Kan lämnas tom."))
    longitude = coordinate_field(_("longitud"), _("För kartan, till exempel 16,5448. Kan lämnas tom."))
    opening_hours = models.TextField(
        _("öppettider"),
        blank=True,
        help_text=_("En rad per dag eller period, till exempel: Måndag–fredag 10–19"),
    )
    equipment = rich_text_field(
        _("utrustning att låna eller använda"), _("Datorer, surfplattor, skrivare, skanner, wifi …")
    )
    accessibility = rich_text_field(
        _("tillgänglighet i lokalen"), _("Entré, hiss, toalett, hörslinga, parkering.")
    )
    phone = models.CharField(
        _("telefon"), max_length=40, blank=True, help_text=_("Telefonnummer till biblioteket.")
    )
    email = models.EmailField(_("e-post"), blank=True, help_text=_("E-post till biblioteket."))
    body = rich_text_field(_("om biblioteket"), _("Mer om biblioteket."))
    is_example = models.BooleanField(
        _("exempeluppgifter"),
        default=False,
        help_text=_("Öppettider och kontakter är exempel i demon och ska kontrolleras."),
    )

    parent_page_types = ["home.MunicipalityPage"]
    subpage_types = ["services.HelpSessionPage"]

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("town")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Adress"),
        ),
        *field_panels("opening_hours", "equipment", "accessibility"),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Kontakt")),
        FieldPanel("body"),
        FieldPanel("is_example"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("town", boost=2),
        index.SearchField("street_address"),
        index.SearchField("equipment"),
        index.SearchField("body"),
    ]
    translatable_fields = BasePage.translatable_fields + localized_fields(
        ["opening_hours", "equipment", "accessibility", "body"],
        ["street_address", "postal_code", "town", "latitude", "longitude", "phone", "email", "is_example"],
    )

    class Meta:
        verbose_name = _("bibliotek")
        verbose_name_plural = _("bibliotek")

    @property
    def opening_hours_lines(self) -> list[str]:
        return [line.strip() for line in self.opening_hours.splitlines() if line.strip()]

    @property
    def municipality(self) -> MunicipalityPage | None:
        return MunicipalityPage.objects.ancestor_of(self).first()

    def get_context(self, request, *args, **kwargs):
        from services.feeds import library_json_ld
        from services.listing import session_listing_context

        context = super().get_context(request, *args, **kwargs)
        context["municipality"] = self.municipality
        context.update(session_listing_context(request, library=self))
        context["json_ld"] = library_json_ld(request, self)
        return context


class SessionPermissionTester(KeepsDependentsTester):
    """Bookings are the library's where they were made: the form tells residents that its staff,
    and only they, read names, contacts and needs. A session with bookings (in any language, any
    state) therefore stays at its library – moved elsewhere, its bookings would go to the other
    library's staff. Wagtail's move view, its bulk move and the admin API's move action all ask
    `can_move_to`. A library that moves a series copies it to the new library instead."""

    def can_move_to(self, destination):
        if destination.pk != self.page.get_parent().pk and self.page.has_bookings():
            return False
        return super().can_move_to(destination)


class HelpSessionPage(BasePage):
    """A series of digital-help sessions at one library."""

    class Audience(models.TextChoices):
        EVERYONE = "everyone", _("Alla")
        SENIORS = "seniors", _("Seniorer")
        NEWCOMERS = "newcomers", _("Nyanlända")

    class Repeat(models.TextChoices):
        ONCE = "once", _("Ett tillfälle")
        WEEKLY = "weekly", _("Varje vecka")
        BIWEEKLY = "biweekly", _("Varannan vecka")
        MONTHLY = "monthly", _("En gång i månaden, samma veckodag")

    description = rich_text_field(_("beskrivning"), _("Vad man får hjälp med och vad man ska ta med sig."))
    topics = ParentalManyToManyField(
        "home.Topic", blank=True, verbose_name=_("ämnen"), help_text=_("Ämnen, för filtren och sökningen.")
    )
    languages = MultipleChoiceListField(
        _("språk"), item_choices=SESSION_LANGUAGES, help_text=_("Språk som hjälpen ges på.")
    )
    audience = choice_field(_("för vem"), Audience, Audience.EVERYONE, _("Vem tillfället främst är för."))
    booking_required = models.BooleanField(
        _("kräver bokning"), default=False, help_text=_("Lämna tomt för drop-in.")
    )
    capacity = optional_field(
        models.PositiveSmallIntegerField, _("antal platser"), _("Behövs när bokning krävs.")
    )
    place = models.CharField(
        _("plats i biblioteket"),
        max_length=150,
        blank=True,
        help_text=_("Var i biblioteket, till exempel Studierummet, plan 2."),
    )
    first_date = models.DateField(
        _("första datum"), help_text=_("Det första datumet. Veckodagen bestämmer när det upprepas.")
    )
    start_time = models.TimeField(_("börjar"), help_text=_("Till exempel 10:00."))
    end_time = models.TimeField(_("slutar"), help_text=_("Till exempel 12:00."))
    repeat = choice_field(_("upprepas"), Repeat, Repeat.WEEKLY, _("Hur ofta tillfället upprepas."))
    until = optional_field(models.DateField, _("sista datum"), _("Tomt: fortsätter tills vidare."))
    is_example = models.BooleanField(
        _("exempel"), default=False, help_text=_("Ett påhittat tillfälle i demon.")
    )

    parent_page_types = ["services.LibraryPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        *field_panels("description", "topics", "languages", "audience"),
        MultiFieldPanel(
            [FieldPanel("booking_required"), FieldPanel("capacity"), FieldPanel("place")],
            heading=_("Plats och bokning"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("first_date"), FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldRowPanel([FieldPanel("repeat"), FieldPanel("until")]),
            ],
            heading=_("När"),
        ),
        InlinePanel("cancellations", heading=_("Inställda datum"), label=_("Inställt datum")),
        FieldPanel("is_example"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("place"),
        index.FilterField("audience"),
    ]
    translatable_fields = BasePage.translatable_fields + localized_fields(
        ["description", "place"],
        [
            "topics",
            "languages",
            "audience",
            "booking_required",
            "capacity",
            "first_date",
            "start_time",
            "end_time",
            "repeat",
            "until",
            "is_example",
        ],
    )

    class Meta:
        verbose_name = _("tillfälle för digital hjälp")
        verbose_name_plural = _("tillfällen för digital hjälp")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("Sluttiden måste vara efter starttiden.")
        if self.until and self.first_date and self.until < self.first_date:
            errors["until"] = _("Sista datum kan inte vara före första datum.")
        if self.booking_required and not self.capacity:
            errors["capacity"] = _("Ange hur många platser det finns när bokning krävs.")
        if errors:
            raise ValidationError(errors)

    def permissions_for_user(self, user):
        return SessionPermissionTester(user, self)

    def has_bookings(self) -> bool:
        """Whether anyone has booked any date of this series, in any of its languages."""
        return Booking.objects.filter(occurrence__session__translation_key=self.translation_key).exists()

    def occurrence_dates(self, start: datetime.date, end: datetime.date) -> list[datetime.date]:
        from services.occurrences import recurrence_dates

        return recurrence_dates(self.first_date, self.repeat, self.until, start, end)

    def get_context(self, request, *args, **kwargs):
        from services.feeds import session_json_ld
        from services.occurrences import upcoming_occurrences

        context = super().get_context(request, *args, **kwargs)
        context["library"] = self.get_parent().specific
        occurrences = upcoming_occurrences(session_key=self.translation_key, limit=10)
        context["occurrences"] = occurrences
        context["json_ld"] = session_json_ld(request, self, occurrences)
        return context


class SessionCancellation(Orderable):
    session = ParentalKey(HelpSessionPage, on_delete=models.CASCADE, related_name="cancellations")
    date = models.DateField(_("datum"), help_text=_("Datumet som inte blir av."))
    reason = models.CharField(
        _("orsak"),
        max_length=200,
        blank=True,
        help_text=_("Visas för besökarna, till exempel Biblioteket är stängt."),
    )

    panels = [FieldPanel("date"), FieldPanel("reason")]

    class Meta(Orderable.Meta):
        verbose_name = _("inställt datum")


class HelpIndexPage(SessionListingMixin, IndexPage):
    """All digital-help sessions in the county, as dated occurrences, filterable without JavaScript."""

    intro = intro_field(_("Några meningar överst på sidan med alla tillfällen."))

    subpage_types = []

    class Meta:
        verbose_name = _("digital hjälp – alla tillfällen")

    def get_context(self, request, *args, **kwargs):
        from services.listing import session_listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(session_listing_context(request))
        return context
