"""Site-wide snippets and settings: topics, life events, the organisation's contact details."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core.panels import field_panels


class NamedSnippet(TranslatableMixin, index.Indexed, models.Model):
    """A translatable name with a slug that is the same in every language, listed by name."""

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


@register_snippet
class Topic(NamedSnippet):
    """A subject residents look for (BankID, 1177, fiber …): filters the help listing and search."""

    name = models.CharField(
        _("namn"),
        max_length=80,
        help_text=_("Ämnets namn som invånarna ser det, till exempel BankID och e-legitimation."),
    )
    slug = models.SlugField(
        _("kortnamn"),
        max_length=80,
        help_text=_("Används i webbadresser, till exempel ?amne=bankid. Samma i alla språk."),
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(NamedSnippet.Meta):
        verbose_name = _("ämne")
        verbose_name_plural = _("ämnen")


@register_snippet
class LifeEvent(NamedSnippet):
    """A situation in life (moving, retiring …) that e-service guides are ordered by."""

    name = models.CharField(
        _("namn"), max_length=80, help_text=_("Livshändelsen med invånarens ord, till exempel Flytta.")
    )
    slug = models.SlugField(
        _("kortnamn"), max_length=80, help_text=_("Används i webbadresser. Samma i alla språk.")
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(NamedSnippet.Meta):
        verbose_name = _("livshändelse")
        verbose_name_plural = _("livshändelser")


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """Who runs the site. Another region changes these values, not the code."""

    organisation_name = models.CharField(
        _("organisation"),
        max_length=120,
        default="",
        help_text=_("Den som står bakom webbplatsen, visas i sidfoten."),
    )
    region_name = models.CharField(
        _("län"),
        max_length=120,
        default="",
        help_text=_("Länets namn så som det skrivs i löpande text."),
    )
    county_code = models.CharField(
        _("länskod"),
        max_length=2,
        blank=True,
        default="",
        help_text=_("SCB:s tvåsiffriga länskod. Länets siffror i täckningsstatistiken har den koden."),
    )
    phone = models.CharField(
        _("telefon"), max_length=40, blank=True, help_text=_("Telefonnummer i sidfoten.")
    )
    email = models.EmailField(_("e-post"), blank=True, help_text=_("E-postadress i sidfoten."))
    address = models.CharField(
        _("postadress"), max_length=200, blank=True, help_text=_("Postadress i sidfoten.")
    )
    contact_hours = models.CharField(
        _("telefontider"),
        max_length=120,
        blank=True,
        help_text=_("När telefonen är öppen, till exempel vardagar 8–16."),
    )

    panels = field_panels(
        "organisation_name", "region_name", "county_code", "phone", "email", "address", "contact_hours"
    )

    class Meta:
        verbose_name = _("organisation och kontakt")
