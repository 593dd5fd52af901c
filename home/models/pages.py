"""The region's start page, the municipalities and the standard pages."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import RICH_FEATURES, PrivacyStreamBlock
from home.hub import MUNICIPALITY_PAGE_CONTEXT, START_PAGE_CONTEXT, add_contributions
from home.localization import prefer_active_locale
from home.tree import below_paths

from .base import BasePage, IndexPage, intro_field


class HomePage(BasePage):
    """The region's start page: search first, then the three top tasks, municipalities, sessions."""

    intro = models.CharField(
        _("ingress"),
        max_length=250,
        blank=True,
        help_text=_("En mening under rubriken som säger vad webbplatsen hjälper till med."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "broadband.BroadbandIndexPage",
        "services.HelpIndexPage",
        "services.GuideIndexPage",
        "home.MunicipalityIndexPage",
        "home.StandardPage",
    ]
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("intro")]

    class Meta:
        verbose_name = _("startsida")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = list(self.get_children().live().in_menu().specific().order_by("path"))
        context["sections"] = sections
        context["top_tasks"] = [
            p for p in sections if not isinstance(p, (MunicipalityIndexPage, StandardPage))
        ]
        context["municipality_index"] = next(
            (p for p in sections if isinstance(p, MunicipalityIndexPage)), None
        )
        context["municipalities"] = municipalities_for_reader()
        context["latest_pages"] = (
            Page.objects.live()
            .public()
            .filter(locale=self.locale, depth__gt=self.depth)
            .exclude(last_published_at=None)
            .order_by("-last_published_at")[:5]
        )
        return add_contributions(START_PAGE_CONTEXT, self, request, context)


def municipalities_for_reader():
    """All municipalities, in the reader's language where translated, else Swedish; by name."""
    pages = MunicipalityPage.objects.live().select_related("locale").order_by("title")
    return sorted(prefer_active_locale(pages), key=lambda p: p.title)


class MunicipalityIndexPage(IndexPage):
    intro = intro_field(_("Några meningar överst på sidan med alla kommuner."))

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.MunicipalityPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("kommunlista")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["municipalities"] = municipalities_for_reader()
        return context


class MunicipalityPage(BasePage):
    """One municipality's start page and the root of everything it owns.

    Its editors get page permissions on this subtree, so anything local (the broadband page,
    libraries, their sessions) lives below it. The kommunkod is the key other data uses
    (statistics, e-service links, search documents) because it is the same in every language.
    """

    code = models.CharField(
        _("kommunkod"),
        max_length=4,
        validators=[RegexValidator(r"^\d{4}$", _("Kommunkoden är fyra siffror."))],
        help_text=_("SCB:s fyrsiffriga kommunkod."),
    )
    name = models.CharField(
        _("kommunens namn"),
        max_length=80,
        help_text=_("Kommunens namn utan ordet kommun."),
    )
    website = models.URLField(
        _("kommunens webbplats"),
        blank=True,
        help_text=_("Adressen till kommunens egen webbplats, med https://."),
    )
    phone = models.CharField(
        _("telefon"), max_length=40, blank=True, help_text=_("Kommunens växel eller kontaktcenter.")
    )
    email = models.EmailField(_("e-post"), blank=True, help_text=_("Kommunens allmänna e-postadress."))
    localities = models.CharField(
        _("orter"),
        max_length=400,
        blank=True,
        help_text=_(
            "Tätorter och byar i kommunen, åtskilda med komma. Hjälper sökningen att hitta rätt kommun."
        ),
    )
    body = RichTextField(
        _("text"),
        blank=True,
        features=RICH_FEATURES,
        help_text=_("Kort om kommunen. Bredband, bibliotek och e-tjänster visas automatiskt under texten."),
    )

    parent_page_types = ["home.MunicipalityIndexPage"]
    subpage_types = ["broadband.MunicipalityBroadbandPage", "services.LibraryPage", "home.StandardPage"]

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("code"), FieldPanel("localities")], heading=_("Kommunen")
        ),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("phone"), FieldPanel("email")], heading=_("Kontakt")
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("name", boost=3),
        index.SearchField("localities", boost=2),
        index.SearchField("body"),
        index.FilterField("code"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("name"),
        TranslatableField("body"),
        SynchronizedField("code"),
        SynchronizedField("website"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("localities"),
    ]

    class Meta:
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")

    def __str__(self):
        return self.title

    @property
    def locality_list(self) -> list[str]:
        return [name.strip() for name in self.localities.split(",") if name.strip()]

    def subtree_filter(self) -> Q:
        """Pages below this municipality in any language (the translations share the code)."""
        return below_paths(MunicipalityPage.objects.filter(code=self.code).values_list("path", flat=True))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        return add_contributions(MUNICIPALITY_PAGE_CONTEXT, self, request, context)


class StandardPage(BasePage):
    """About the site, privacy, the accessibility statement, and other plain pages."""

    body = StreamField(
        PrivacyStreamBlock(),
        blank=True,
        verbose_name=_("innehåll"),
        help_text=_("Sidans innehåll. Välj blocktyp med plustecknet."),
    )

    parent_page_types = ["home.HomePage", "home.StandardPage", "home.MunicipalityPage"]
    subpage_types = ["home.StandardPage"]

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("body")]

    class Meta:
        verbose_name = _("standardsida")
