"""E-services and the life-event guides that lead to them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core.fields import optional_reference
from core.panels import field_panels
from home.blocks import ContentStreamBlock
from home.localization import active_locale, prefer_active_locale
from home.models import (
    BasePage,
    FoldedSearchText,
    IndexPage,
    intro_field,
    localized_fields,
    municipalities_for_reader,
)
from services.blocks import GuideStepBlock


@register_snippet
class EService(FoldedSearchText, TranslatableMixin, index.Indexed, ClusterableModel):
    """A service a resident uses online: national (one link) or municipal (one link per municipality)."""

    external_link_fields = ("national_url",)  # checked by the link check

    name = models.CharField(
        _("namn"), max_length=150, help_text=_("E-tjänstens namn som invånarna känner igen det.")
    )
    provider = models.CharField(
        _("vem som ger tjänsten"),
        max_length=200,
        help_text=_("Myndighet, region eller kommun som ger tjänsten."),
    )
    description = models.TextField(
        _("beskrivning"), blank=True, help_text=_("En eller två meningar om vad man gör i tjänsten.")
    )
    national_url = models.URLField(
        _("länk"),
        blank=True,
        help_text=_("För nationella tjänster. Kommunala tjänster får en länk per kommun."),
    )
    needs_eid = models.BooleanField(
        _("kräver e-legitimation"),
        default=False,
        help_text=_("Kryssa i om man måste logga in med BankID eller annan e-legitimation."),
    )
    topics = ParentalManyToManyField(
        "home.Topic", blank=True, verbose_name=_("ämnen"), help_text=_("Ämnen, för sökningen och filtren.")
    )
    life_events = ParentalManyToManyField(
        "home.LifeEvent",
        blank=True,
        verbose_name=_("livshändelser"),
        help_text=_("Livshändelser tjänsten hör till."),
    )

    panels = [
        *field_panels(
            "name", "provider", "description", "national_url", "needs_eid", "topics", "life_events"
        ),
        InlinePanel("municipal_links", heading=_("Länk per kommun"), label=_("Kommunens länk")),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("provider"),
        index.SearchField("description"),
        index.SearchField("folded_text"),  # "forskola", while the engine is away
        index.FilterField("locale"),  # the fallback shows the reader's language only
    ]
    translatable_fields = localized_fields(["name", "description"], ["provider", "national_url", "needs_eid"])

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("e-tjänst")
        verbose_name_plural = _("e-tjänster")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_municipal(self) -> bool:
        return not self.national_url


def source_municipalities():
    return {"locale__language_code": settings.LANGUAGE_CODE}


class EServiceMunicipalLink(Orderable):
    external_link_fields = ("url",)  # checked by the link check
    eservice = ParentalKey(EService, on_delete=models.CASCADE, related_name="municipal_links")
    municipality = models.ForeignKey(
        "home.MunicipalityPage",
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=source_municipalities,
        verbose_name=_("kommun"),
        help_text=_("Kommunen som länken gäller."),
    )
    url = models.URLField(
        _("länk till kommunens e-tjänst"),
        help_text=_("Adressen till kommunens egen e-tjänst, med https://."),
    )

    panels = [FieldPanel("municipality"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("kommunens länk")

    def __str__(self):
        return f"{self.eservice} – {self.municipality}"


class GuideIndexPage(IndexPage):
    intro = intro_field(_("Några meningar överst på sidan med alla guider."))

    children_in_context = "guides"
    subpage_types = ["services.LifeEventGuidePage"]

    class Meta:
        verbose_name = _("e-tjänster och livshändelser")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["municipal_eservices"] = municipal_eservices()
        return context


def municipal_eservices() -> list[tuple["EService", list]]:
    """The e-services each municipality offers itself, in the reader's language where translated,
    each with (the municipality, its own link) by municipality name – what a search hit for such an
    e-service leads to (`#e-tjanst-<translation key>` on the guide index), since it has no one
    address of its own."""
    services = prefer_active_locale(
        EService.objects.filter(national_url="")
        .select_related("locale")
        .prefetch_related("municipal_links__municipality")
    )
    names = {m.code: m for m in municipalities_for_reader()}
    listed = []
    for service in sorted(services, key=lambda s: s.name.casefold()):
        links = [
            (names[link.municipality.code], link.url)
            for link in service.municipal_links.all()
            if link.municipality.code in names
        ]
        if links:
            listed.append((service, sorted(links, key=lambda pair: pair[0].name.casefold())))
    return listed


class LifeEventGuidePage(BasePage):
    """Step by step through one situation in life, each step pointing at the right e-service.

    Steps are a StreamField of one block type so that editors can order, add and mark steps as
    optional or as an "and/or" alternative to the step before, without new code for new guides.
    """

    intro = intro_field(_("Vem guiden är för och vad den hjälper till med."))
    life_event = optional_reference(
        "home.LifeEvent", _("livshändelse"), _("Livshändelsen guiden handlar om.")
    )
    topics = ParentalManyToManyField(
        "home.Topic", blank=True, verbose_name=_("ämnen"), help_text=_("Ämnen, för sökningen.")
    )
    steps = StreamField(
        [("step", GuideStepBlock())],
        blank=True,
        verbose_name=_("steg"),
        help_text=_("Stegen i den ordning läsaren gör dem."),
    )
    body = StreamField(
        ContentStreamBlock(),
        blank=True,
        verbose_name=_("mer information"),
        help_text=_("Mer information efter stegen, till exempel vart man vänder sig för hjälp."),
    )

    parent_page_types = ["services.GuideIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + field_panels("intro", "life_event", "topics", "steps", "body")
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("steps"),
        index.SearchField("body"),
    ]
    translatable_fields = BasePage.translatable_fields + localized_fields(
        ["intro", "steps", "body"], ["life_event", "topics"]
    )

    class Meta:
        verbose_name = _("guide för livshändelse")
        verbose_name_plural = _("guider för livshändelser")

    def step_groups(self, municipality_code: str | None = None) -> list[dict]:
        """Steps grouped under their numbers, each with the e-service link for the reader.

        An "and/or" step joins the group of the step before it. The e-service is shown in the
        reader's language when translated, and a municipal e-service links to the chosen
        municipality's own service (or, with no municipality chosen, to the list of them).
        """
        blocks = [block.value for block in self.steps]
        services = {b["eservice"].pk: b["eservice"] for b in blocks if b.get("eservice")}
        localized = {}
        links = {}
        if services:
            locale = active_locale()
            keys = {s.translation_key for s in services.values()}
            localized = {
                s.translation_key: s for s in EService.objects.filter(translation_key__in=keys, locale=locale)
            }
            if municipality_code:
                for link in EServiceMunicipalLink.objects.filter(
                    eservice__translation_key__in=keys, municipality__code=municipality_code
                ).select_related("eservice"):
                    links[link.eservice.translation_key] = link.url
        groups: list[dict] = []
        for value in blocks:
            service = value.get("eservice")
            step = {
                "kind": value["kind"],
                "title": value["title"],
                "text": value["text"],
                "eservice": localized.get(service.translation_key, service) if service else None,
                "url": (service.national_url or links.get(service.translation_key)) if service else None,
            }
            if value["kind"] == "andor" and groups:
                groups[-1]["steps"].append(step)
            else:
                groups.append(
                    {"number": len(groups) + 1, "optional": value["kind"] == "optional", "steps": [step]}
                )
        return groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        code = request.GET.get("kommun", "").strip()
        municipalities = municipalities_for_reader()
        chosen = next((m for m in municipalities if m.code == code), None)
        context["municipalities"] = municipalities
        context["chosen_municipality"] = chosen
        context["step_groups"] = self.step_groups(chosen.code if chosen else None)
        return context
