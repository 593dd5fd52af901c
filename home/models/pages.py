"""The region's start page, the municipalities and the standard pages."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PagePermissionTester
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.cache import remembered
from home.blocks import PrivacyStreamBlock
from home.hub import MUNICIPALITY_PAGE_CONTEXT, START_PAGE_CONTEXT, add_contributions
from home.localization import prefer_active_locale
from home.tree import below_paths

from .base import BasePage, IndexPage, KeepsDependentsTester, intro_field, localized_fields, rich_text_field


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

    def latest_pages(self) -> list:
        """The five pages of this language published last."""
        pages = Page.objects.live().public().filter(locale=self.locale, depth__gt=self.depth)
        return list(pages.exclude(last_published_at=None).order_by("-last_published_at")[:5])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = remembered(
            ("start-page-sections", self.pk),
            lambda: list(self.get_children().live().in_menu().specific().order_by("path")),
        )
        context["sections"] = sections
        context["top_tasks"] = [
            p for p in sections if not isinstance(p, (MunicipalityIndexPage, StandardPage))
        ]
        context["municipality_index"] = next(
            (p for p in sections if isinstance(p, MunicipalityIndexPage)), None
        )
        context["municipalities"] = municipalities_for_reader()
        context["latest_pages"] = remembered(("latest-pages", self.pk), self.latest_pages)
        return add_contributions(START_PAGE_CONTEXT, self, request, context)


def municipalities_for_reader():
    """All municipalities, in the reader's language where translated, else Swedish; by name."""

    def find():
        pages = MunicipalityPage.objects.live().select_related("locale").order_by("title")
        return sorted(prefer_active_locale(pages), key=lambda p: p.title)

    return remembered(("municipalities-for-reader", translation.get_language()), find)


class MunicipalityIndexPage(IndexPage):
    intro = intro_field(_("Några meningar överst på sidan med alla kommuner."))

    subpage_types = ["home.MunicipalityPage"]

    class Meta:
        verbose_name = _("kommunlista")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["municipalities"] = municipalities_for_reader()
        return context


def may_manage_municipality(user, page) -> bool:
    """Whether a user may change a municipality's identity (kommunkod, address) or existence.

    That belongs to whoever may add municipalities: a page permission held on an ancestor of the
    municipality (the region), not the municipality's own editors, whose rights are rooted on it.
    """
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    tester = PagePermissionTester(user, page)
    return any(
        perm.permission.codename == "add_page"
        and page.path.startswith(perm.page.path)
        and perm.page.path != page.path
        for perm in tester.permission_policy.get_cached_permissions_for_user(user)
    )


class MunicipalityPermissionTester(KeepsDependentsTester):
    """A municipality's own editors edit and publish its content, but may not delete, unpublish,
    move or restrict the page itself: every scope (reports, operators, links, groups) hangs on it.

    Wagtail's delete, unpublish, move and privacy views and its bulk actions all ask this tester.
    """

    def _may_manage(self) -> bool:
        return may_manage_municipality(self.user, self.page)

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk=ignore_bulk) and self._may_manage()

    def can_unpublish(self):
        return super().can_unpublish() and self._may_manage()

    def can_move(self):
        return super().can_move() and self._may_manage()

    def can_set_view_restrictions(self):
        return super().can_set_view_restrictions() and self._may_manage()


IDENTITY_FIELDS = ("code", "slug")


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
    body = rich_text_field(
        _("text"), _("Kort om kommunen. Bredband, bibliotek och e-tjänster visas automatiskt under texten.")
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
    # A translation never has a code or an address of its own: both are the region's (an override of
    # the slug in wagtail-localize is written to the page before any revision is made).
    translatable_fields = [f for f in BasePage.translatable_fields if f.field_name != "slug"] + [
        SynchronizedField("slug", overridable=False),
        TranslatableField("name"),
        TranslatableField("body"),
        SynchronizedField("code", overridable=False),
        *localized_fields(synchronized=["website", "phone", "email", "localities"]),
    ]

    class Meta:
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")

    def __str__(self):
        return self.title

    def clean(self):
        """The kommunkod is the key of the municipality's reports, operators, e-service links and
        search documents, and its name names its editors' group and file collection: another
        municipality with either would be given this one's data."""
        super().clean()
        others = MunicipalityPage.objects.exclude(translation_key=self.translation_key)
        errors = {}
        if self.code and others.filter(code=self.code).exists():
            errors["code"] = _("Kommunkoden används redan av en annan kommun.")
        if (
            self.name
            and self.locale_id
            and others.filter(locale_id=self.locale_id, name__iexact=self.name).exists()
        ):
            errors["name"] = _("Det finns redan en kommun med det namnet.")
        if errors:
            raise ValidationError(errors)

    def permissions_for_user(self, user):
        return MunicipalityPermissionTester(user, self)

    def fields_fixed_for(self, user) -> dict[str, str]:
        """The kommunkod and the address are the region's: fixed for the municipality's own editors
        (shown in the form, and kept by every revision they make: a revert – also the admin API's –
        or a translation's slug set in wagtail-localize cannot bring another one)."""
        fixed = super().fields_fixed_for(user)
        if not may_manage_municipality(user, self):
            fixed.update(dict.fromkeys(IDENTITY_FIELDS, _("Bara regionen kan ändra detta.")))
        return fixed

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
