"""Broadband: regional guides, each municipality's local page, operators and coverage figures.

Regional guides are written once for the whole county. A reader who has chosen a municipality
(?kommun=<kommunkod>) sees that municipality's local section beside the regional text: its broadband
contact, the operators that build there and its latest figures.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.fields import choice_field, coordinate_field, optional_field, optional_reference
from core.panels import field_panels
from home.blocks import ContentStreamBlock
from home.localization import prefer_active_locale
from home.models import (
    BasePage,
    FoldedSearchText,
    IndexPage,
    MunicipalityPage,
    OrganisationSettings,
    intro_field,
    localized_fields,
    municipalities_for_reader,
    rich_text_field,
)

PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


def percent_field(verbose_name):
    """A share of households or workplaces in percent (0–100, two decimals), empty when not measured."""
    return optional_field(
        models.DecimalField, verbose_name, max_digits=5, decimal_places=2, validators=PERCENT
    )


def source_locale_only():
    return {"locale__language_code": settings.LANGUAGE_CODE}


class NetworkOperator(FoldedSearchText, index.Indexed, models.Model):
    """Who builds or runs fibre somewhere in the county: a city network, a company or an association.

    Registered as a snippet in broadband/wagtail_hooks.py, which decides who may edit which one:
    municipal editors only the operators that serve their municipality.
    """

    external_link_fields = ("website",)  # checked by the link check

    class Kind(models.TextChoices):
        CITY_NETWORK = "stadsnat", _("Stadsnät")
        COMMERCIAL = "commercial", _("Kommersiell operatör")
        ASSOCIATION = "association", _("Fiberförening")

    name = models.CharField(_("namn"), max_length=120, help_text=_("Företagets eller föreningens namn."))
    kind = choice_field(
        _("slag"), Kind, help_text=_("Stadsnät ägs av kommunen, föreningar av de boende, övriga är företag.")
    )
    description = models.TextField(
        _("beskrivning"), blank=True, help_text=_("Vad de gör och var, med enkla ord.")
    )
    website = models.URLField(_("webbplats"), blank=True, help_text=_("Deras webbplats, med https://."))
    phone = models.CharField(
        _("telefon"), max_length=40, blank=True, help_text=_("Kundtjänst eller kontaktperson.")
    )
    email = models.EmailField(_("e-post"), blank=True, help_text=_("Kundtjänst eller kontaktperson."))
    municipalities = models.ManyToManyField(
        MunicipalityPage,
        verbose_name=_("kommuner"),
        blank=True,
        related_name="operators",
        limit_choices_to=source_locale_only,
        help_text=_("Kommuner där de bygger eller säljer fiber."),
    )

    panels = [
        *field_panels("name", "kind", "description"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("phone"), FieldPanel("email")], heading=_("Kontakt")
        ),
        FieldPanel("municipalities"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.SearchField("folded_text"),  # "vasteras", while the engine is away
        index.FilterField("id"),  # a municipal editor's listing is narrowed by id (editorial.policies)
    ]

    class Meta:
        verbose_name = _("nätägare eller fiberförening")
        verbose_name_plural = _("nätägare och fiberföreningar")
        ordering = ["name"]

    def __str__(self):
        """Shown in the admin's choosers: the name and the municipalities it serves."""
        if not self.pk:
            return self.name
        names = ", ".join(m.name for m in self.municipalities.all())
        return f"{self.name} ({names})" if names else self.name


class CoverageStatistic(models.Model):
    """Share of households and workplaces with access to fast broadband, per area and year.

    `area_code` is a kommunkod (four digits) or the county code (two digits), so county and
    municipal figures sit in one table and compare directly.
    """

    area_code = models.CharField(
        _("kommun- eller länskod"), max_length=4, validators=[RegexValidator(r"^\d{2}(\d{2})?$")]
    )
    year = models.PositiveSmallIntegerField(_("år"))
    gbit_households = percent_field(_("hushåll med minst 1 Gbit/s (%)"))
    gbit_workplaces = percent_field(_("arbetsställen med minst 1 Gbit/s (%)"))
    mbit100_households = percent_field(_("hushåll med minst 100 Mbit/s (%)"))
    mbit100_workplaces = percent_field(_("arbetsställen med minst 100 Mbit/s (%)"))
    urban_gbit_households = percent_field(_("tätort: hushåll med minst 1 Gbit/s (%)"))
    rural_gbit_households = percent_field(_("landsbygd: hushåll med minst 1 Gbit/s (%)"))
    source = models.CharField(_("källa"), max_length=200, blank=True)
    source_date = optional_field(
        models.DateField, _("källans datum"), _("När siffrorna mättes eller publicerades.")
    )
    is_example = models.BooleanField(
        _("exempelvärde"), default=False, help_text=_("Siffran är påhittad för demon och ska inte citeras.")
    )

    class Meta:
        verbose_name = _("täckningsstatistik")
        verbose_name_plural = _("täckningsstatistik")
        ordering = ["area_code", "year"]
        constraints = [models.UniqueConstraint(fields=["area_code", "year"], name="one_figure_per_area_year")]

    def __str__(self):
        return f"{self.area_code} {self.year}"


def coverage_for(area_code: str) -> list[CoverageStatistic]:
    return list(CoverageStatistic.objects.filter(area_code=area_code).order_by("year"))


class CoverageImport(models.Model):
    """Who imported which coverage figures, and when (kept when a year is replaced)."""

    user = optional_reference(settings.AUTH_USER_MODEL)
    filename = models.CharField(_("fil"), max_length=200, blank=True)
    years = models.CharField(_("år"), max_length=200)
    rows = models.PositiveIntegerField(_("rader"))
    replaced = models.PositiveIntegerField(_("ersatta rader"), default=0)
    imported_at = models.DateTimeField(_("importerad"), auto_now_add=True)

    class Meta:
        verbose_name = _("import av täckningsstatistik")
        verbose_name_plural = _("importer av täckningsstatistik")
        ordering = ["-imported_at"]

    def __str__(self):
        return f"{self.filename or 'import'} {self.years} ({self.imported_at:%Y-%m-%d})"


class BroadbandIndexPage(IndexPage):
    intro = intro_field(_("Några meningar överst på bredbandssidan."))

    children_in_context = "guides"
    subpage_types = ["broadband.BroadbandGuidePage", "broadband.MobileCoverageReportPage"]

    class Meta:
        verbose_name = _("bredband – översikt")

    def get_context(self, request, *args, **kwargs):
        from broadband.charts import comparison_chart

        context = super().get_context(request, *args, **kwargs)
        municipalities = municipalities_for_reader()
        context["municipalities"] = municipalities
        county_code = OrganisationSettings.for_request(request).county_code
        latest = {}
        for stat in CoverageStatistic.objects.filter(
            area_code__in=[m.code for m in municipalities] + [county_code]
        ):
            if stat.gbit_households is not None and stat.year >= getattr(
                latest.get(stat.area_code), "year", 0
            ):
                latest[stat.area_code] = stat
        rows = [(m, latest.get(m.code)) for m in municipalities]
        years = {stat.year for stat in latest.values()}
        context["comparison_rows"] = rows
        context["county_latest"] = latest.get(county_code)
        context["comparison_year"] = max(years) if years else None
        context["comparison_chart"] = comparison_chart(
            [(m.name, stat.gbit_households) for m, stat in rows if stat], max(years) if years else 0
        )
        return context


class LocalSectionMixin:
    """Adds the chosen municipality's local broadband section to a regional page's context."""

    def local_section(self, request) -> dict | None:
        code = request.GET.get("kommun", "").strip()
        if not code.isdigit():
            return None
        municipalities = prefer_active_locale(
            MunicipalityPage.objects.live().filter(code=code).select_related("locale")
        )
        if not municipalities:
            return None
        municipality = municipalities[0]
        local_pages = prefer_active_locale(
            MunicipalityBroadbandPage.objects.live()
            .filter(municipality.subtree_filter())
            .select_related("locale")
        )
        figures = coverage_for(code)
        return {
            "municipality": municipality,
            "page": local_pages[0] if local_pages else None,
            "operators": NetworkOperator.objects.filter(municipalities__code=code).distinct(),
            "latest": figures[-1] if figures else None,
        }


class BroadbandGuidePage(LocalSectionMixin, BasePage):
    body = StreamField(
        ContentStreamBlock(),
        blank=True,
        verbose_name=_("innehåll"),
        help_text=_("Guidens text. Använd steglista för det läsaren ska göra i ordning."),
    )
    topics = ParentalManyToManyField(
        "home.Topic",
        blank=True,
        verbose_name=_("ämnen"),
        help_text=_("Ämnen guiden handlar om, för sökningen."),
    )

    parent_page_types = ["broadband.BroadbandIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [FieldPanel("body"), FieldPanel("topics")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("body"),
        SynchronizedField("topics"),
    ]

    class Meta:
        verbose_name = _("bredbandsguide")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["local"] = self.local_section(request)
        context["municipalities"] = municipalities_for_reader()
        return context


class MunicipalityBroadbandPage(BasePage):
    """One municipality's broadband status: text, figures, who builds there, whom to call."""

    status_summary = models.CharField(
        _("läget i en mening"),
        max_length=250,
        help_text=_("Visas på kommunens startsida, till exempel: Nästan alla i tätorten kan få fiber."),
    )
    body = rich_text_field(_("text"), _("Mer om läget i kommunen. Siffror och nätägare visas automatiskt."))
    contact_name = models.CharField(
        _("kontakt för bredband"),
        max_length=120,
        blank=True,
        help_text=_("Vem invånarna frågar om bredband, till exempel bredbandssamordnaren."),
    )
    contact_phone = models.CharField(
        _("telefon"), max_length=40, blank=True, help_text=_("Telefonnummer till kontakten för bredband.")
    )
    contact_email = models.EmailField(
        _("e-post"), blank=True, help_text=_("E-post till kontakten för bredband.")
    )

    parent_page_types = ["home.MunicipalityPage"]
    subpage_types = []
    max_count_per_parent = 1

    # The questions the page's sections answer (the template's headings).
    headings = {
        "coverage": _("Täckning: hur många kan få snabbt bredband?"),
        "operators": _("Vem bygger och säljer fiber här?"),
        "expansion": _("Planerad utbyggnad"),
        "contact": _("Vem kontaktar jag?"),
    }

    content_panels = BasePage.content_panels + [
        FieldPanel("status_summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_phone"), FieldPanel("contact_email")],
            heading=_("Kontakt"),
        ),
        InlinePanel("expansions", heading=_("Planerad utbyggnad"), label=_("Område")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("status_summary", boost=2),
        index.SearchField("body"),
    ]
    translatable_fields = BasePage.translatable_fields + localized_fields(
        ["status_summary", "body", "contact_name"], ["contact_phone", "contact_email"]
    )

    class Meta:
        verbose_name = _("bredband i kommunen")

    @property
    def municipality(self) -> MunicipalityPage | None:
        return MunicipalityPage.objects.ancestor_of(self).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        municipality = self.municipality
        context["municipality"] = municipality
        if municipality:
            from broadband.charts import coverage_chart

            county_code = OrganisationSettings.for_request(request).county_code
            figures = coverage_for(municipality.code)
            county = coverage_for(county_code) if county_code else []
            context["figures"] = figures
            context["county_by_year"] = {row.year: row for row in county}
            context["chart"] = coverage_chart(municipality.name, figures, county)
            context["operators"] = NetworkOperator.objects.filter(
                municipalities__code=municipality.code
            ).distinct()
        context["expansions"] = self.expansions.select_related("operator").all()
        return context


class PlannedExpansion(Orderable):
    """An area where fibre is planned or being built, kept by the municipality's editors."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planerad")
        BUILDING = "building", _("Byggs")
        DONE = "done", _("Klar")

    page = ParentalKey(MunicipalityBroadbandPage, on_delete=models.CASCADE, related_name="expansions")
    area = models.CharField(_("område"), max_length=150, help_text=_("Område, by eller vägsträcka."))
    operator = optional_reference(NetworkOperator, _("vem bygger"), _("Den som bygger, om det är bestämt."))
    expected_year = optional_field(
        models.PositiveSmallIntegerField, _("klart år"), _("När det väntas vara klart, om det är känt.")
    )
    status = choice_field(_("läge"), Status, Status.PLANNED, _("Planerad, byggs eller klar."))

    panels = [FieldPanel("area"), FieldPanel("operator"), FieldPanel("expected_year"), FieldPanel("status")]

    class Meta(Orderable.Meta):
        verbose_name = _("planerad utbyggnad")

    def __str__(self):
        return self.area


class CoverageReport(models.Model):
    """A resident's report of poor mobile coverage. Stored as given; no address or cookie is kept."""

    class Operator(models.TextChoices):
        TELIA = "telia", "Telia"
        TELE2 = "tele2", "Tele2"
        TELENOR = "telenor", "Telenor"
        TRE = "tre", "Tre"
        OTHER = "other", _("Annan")
        UNKNOWN = "unknown", _("Vet inte")

    class Problem(models.TextChoices):
        NO_COVERAGE = "no_coverage", _("Ingen täckning alls")
        DROPPED_CALLS = "dropped_calls", _("Samtal bryts")
        SLOW_DATA = "slow_data", _("Långsam mobildata")

    reference = models.CharField(_("ärendenummer"), max_length=12, unique=True)
    municipality_code = models.CharField(_("kommunkod"), max_length=4, db_index=True)
    place = models.CharField(_("plats"), max_length=200)
    latitude = coordinate_field(_("latitud"))
    longitude = coordinate_field(_("longitud"))
    operator = models.CharField(_("operatör"), max_length=20, choices=Operator.choices)
    problem = models.CharField(_("problem"), max_length=20, choices=Problem.choices, db_index=True)
    occurred_on = models.DateField(_("när"))
    description = models.TextField(_("beskrivning"), blank=True)
    contact = models.CharField(_("kontakt"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("inkommen"), auto_now_add=True)
    answered_at = optional_field(
        models.DateTimeField,
        _("besvarad"),
        _("När kommunen tog hand om rapporten (svarade den som rapporterade, eller åtgärdade)."),
    )
    anonymised_at = optional_field(
        models.DateTimeField,
        _("personuppgifter raderade"),
        _("Plats, koordinater, beskrivning och kontakt raderas efter lagringstiden."),
    )

    class Meta:
        verbose_name = _("rapport om dålig mobiltäckning")
        verbose_name_plural = _("rapporter om dålig mobiltäckning")
        ordering = ["-created_at"]
        permissions = [("view_all_coveragereports", "Kan läsa alla kommuners rapporter om mobiltäckning")]

    def __str__(self):
        return f"{self.reference} {self.place}"

    @property
    def municipality_name(self) -> str:
        page = MunicipalityPage.objects.filter(code=self.municipality_code).first()
        return page.name if page else self.municipality_code


class MobileCoverageReportPage(BasePage):
    """The form "Rapportera dålig mobiltäckning". A page type with a fixed form (not Wagtail's form
    builder) because the answers are structured: counted per municipality and problem, and each
    municipality's editors may read only their own municipality's reports."""

    intro = intro_field(_("Några meningar överst på formuläret."))
    privacy_notice = rich_text_field(
        _("om personuppgifter"), _("Kort och på enkel svenska: vad som sparas, varför och hur länge.")
    )
    receipt = rich_text_field(_("kvitto: vad händer nu"), _("Visas när rapporten är skickad."))

    parent_page_types = ["home.HomePage", "broadband.BroadbandIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + field_panels("intro", "privacy_notice", "receipt")
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    translatable_fields = BasePage.translatable_fields + localized_fields(
        ["intro", "privacy_notice", "receipt"]
    )

    class Meta:
        verbose_name = _("rapportera dålig mobiltäckning")

    def form(self, data=None):
        from broadband.reports import CoverageReportForm

        return CoverageReportForm(data, municipalities=municipalities_for_reader())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("form", self.form())
        # Said from the setting the purge follows, so the page cannot promise another period.
        context["retention_days"] = settings.COVERAGE_REPORT_RETENTION_DAYS
        return context

    def submit(self, request):
        """Handle a POST (from broadband.views.submit_coverage_report): receipt, or the form with errors."""
        import secrets

        from django.db import IntegrityError, transaction
        from django.template.response import TemplateResponse

        from broadband.reports import too_many_reports
        from core.forms import unchecked

        form = self.form(request.POST)
        context = self.get_context(request)
        if form.is_spam:
            # Looks like a robot: answer as if it went well, store nothing.
            context.update(submitted=True, reference="")
            return TemplateResponse(request, self.get_template(request), context)
        if not form.is_valid():  # corrections do not count toward the limit: only reports stored do
            form.describe_errors()
            context.update(form=form)
            return TemplateResponse(request, self.get_template(request), context, status=400)
        if too_many_reports(request):
            context.update(form=unchecked(self.form(), request.POST), rate_limited=True)
            return TemplateResponse(request, self.get_template(request), context, status=429)
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("website", "municipality")}
        report = None
        for _attempt in range(5):  # 48 random bits: a collision is rare, and then a new one is drawn
            try:
                with transaction.atomic():
                    report = CoverageReport.objects.create(
                        reference=secrets.token_hex(6).upper(),
                        municipality_code=form.cleaned_data["municipality"],
                        **data,
                    )
                break
            except IntegrityError:
                continue
        # The municipality by its name in the reader's language where translated (marked when not).
        named = {m.code: m for m in municipalities_for_reader()}
        context.update(
            submitted=True,
            reference=report.reference,
            report=report,
            report_municipality=named.get(report.municipality_code),
        )
        return TemplateResponse(request, self.get_template(request), context)
