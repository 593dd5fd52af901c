"""Reports of poor mobile coverage: the form residents fill in, spam protection, who may read them."""

import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import MarkedSelect, PublicForm, optional_text
from core.ratelimit import rate_limited
from home.localization import foreign_language

RATE_LIMIT = 5  # reports per address …
RATE_WINDOW = 600  # … per ten minutes
PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


class CommaDecimalField(forms.DecimalField):
    """Accepts both 59,85 (as Swedes write it) and 59.85: digits with a sign and a decimal point at
    most, not the rest of Python's number syntax ("5_9" was read as 59, "1e1" as 10)."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
            if value and not PLAIN_NUMBER.fullmatch(value):
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)
        attrs.update({"inputmode": "decimal"})
        return attrs


def coordinate(label, limit: int, help_text):
    """A latitude (limit 90) or longitude (limit 180) in degrees, typed in a plain text box."""
    return CommaDecimalField(
        label=label,
        required=False,
        min_value=-limit,
        max_value=limit,
        decimal_places=6,
        help_text=help_text,
        widget=forms.TextInput,
    )


class CoverageReportForm(PublicForm):
    digit_fields = ("latitude", "longitude", "occurred_on")
    municipality = forms.ChoiceField(label=_("Kommun"))
    place = forms.CharField(
        label=_("Plats"),
        max_length=200,
        help_text=_("Adress, by eller vägsträcka, till exempel: Storgatan 12 eller vid kyrkan i byn."),
    )
    latitude = coordinate(_("Latitud (om du vet den)"), 90, _("Till exempel 59,8. Kan lämnas tom."))
    longitude = coordinate(_("Longitud (om du vet den)"), 180, _("Till exempel 16,5. Kan lämnas tom."))
    operator = forms.ChoiceField(label=_("Din mobiloperatör"))
    problem = forms.ChoiceField(label=_("Vad är problemet?"), widget=forms.RadioSelect)
    occurred_on = forms.DateField(
        label=_("När hände det?"),
        help_text=_("Ungefärligt datum, till exempel 2026-11-20."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    description = optional_text(_("Berätta mer"), 2000, rows=4)
    contact = optional_text(_("E-post eller telefon"), 200, help_text=_("Bara om du vill att vi hör av oss."))

    def __init__(self, *args, municipalities=(), **kwargs):
        from broadband.models import CoverageReport

        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [("", _("Välj kommun"))] + [
            (m.code, m.name) for m in municipalities
        ]
        # A name not translated yet is Swedish, and says so (home.localization.written_in).
        self.fields["municipality"].widget = MarkedSelect(
            choices=self.fields["municipality"].choices,
            option_languages={m.code: language for m in municipalities if (language := foreign_language(m))},
        )
        self.fields["municipality"].widget.is_required = True
        self.fields["operator"].choices = [("", _("Välj operatör"))] + list(CoverageReport.Operator.choices)
        self.fields["problem"].choices = CoverageReport.Problem.choices

    def clean_occurred_on(self):
        value = self.cleaned_data["occurred_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("Datumet kan inte vara i framtiden."))
        if value < timezone.localdate() - datetime.timedelta(days=365 * 2):
            raise forms.ValidationError(_("Rapportera problem från de senaste två åren."))
        return value

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("latitude") is None) != bool(cleaned.get("longitude") is None):
            raise forms.ValidationError(_("Fyll i både latitud och longitud, eller ingen av dem."))
        return cleaned


def too_many_reports(request) -> bool:
    """True when this address has sent more than RATE_LIMIT reports in RATE_WINDOW seconds."""
    return rate_limited(request, "coverage-report", RATE_LIMIT, RATE_WINDOW)


PERSONAL_FIELDS = {"place": "", "latitude": None, "longitude": None, "description": "", "contact": ""}


def purge_reports(days: int, now: datetime.datetime | None = None) -> int:
    """Erase the resident's own words from reports older than `days` (kept: municipality, operator,
    problem, date, so the counts stay right). Returns how many reports were erased; idempotent."""
    from broadband.models import CoverageReport

    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=days)
    return CoverageReport.objects.filter(created_at__lt=cutoff, anonymised_at__isnull=True).update(
        anonymised_at=now, **PERSONAL_FIELDS
    )


def unanswered_reports(older_than_days: int, now: datetime.datetime | None = None):
    """Reports nobody has marked as answered within `older_than_days` of their arrival."""
    from broadband.models import CoverageReport

    now = now or timezone.now()
    return CoverageReport.objects.filter(
        answered_at__isnull=True, created_at__lt=now - datetime.timedelta(days=older_than_days)
    )
