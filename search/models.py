"""Search data kept in the database: editors' synonyms, the index outbox and the query log."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet


@register_snippet
class Synonym(index.Indexed, models.Model):
    """Words residents use for the same thing. Applied when a query is built, so a change works at once."""

    terms = models.CharField(
        _("ord som betyder samma sak"),
        max_length=300,
        help_text=_(
            "Skriv orden åtskilda med komma, till exempel: internet, bredband. "
            "Flera ord går bra: digital brevlåda."
        ),
    )
    language = models.CharField(
        _("språk"), max_length=10, default="sv", help_text=_("Språkkod: sv, en eller ar.")
    )

    panels = [FieldPanel("terms"), FieldPanel("language")]
    search_fields = [index.SearchField("terms")]

    class Meta:
        verbose_name = _("synonym")
        verbose_name_plural = _("synonymer")
        ordering = ["language", "terms"]

    def __str__(self):
        return self.terms

    @property
    def term_list(self) -> list[str]:
        return [term.strip().lower() for term in self.terms.split(",") if term.strip()]


class IndexOutbox(models.Model):
    """An index update that could not be made (engine down): retried by `search_sync`.

    One row per object and action; a newer failure for the same object replaces the older one,
    so the outbox never grows beyond the number of changed objects.
    """

    class Action(models.TextChoices):
        INDEX = "index", "index"
        DELETE = "delete", "delete"

    object_key = models.CharField(max_length=80, help_text="page:<id>, eservice:<id>, operator:<id>")
    action = models.CharField(max_length=10, choices=Action.choices)
    languages = models.JSONField(default=list, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("väntande indexuppdatering")
        verbose_name_plural = _("väntande indexuppdateringar")
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["object_key"], name="one_outbox_row_per_object")]

    def __str__(self):
        return f"{self.action} {self.object_key}"


class QueryLog(models.Model):
    """One search as residents made it: no IP, no user, no cookie – only what was asked and found."""

    query = models.CharField(max_length=200, db_index=True)
    language = models.CharField(max_length=10)
    municipality = models.CharField(max_length=10, blank=True)
    filters = models.JSONField(default=dict, blank=True)
    hits = models.PositiveIntegerField()
    engine = models.CharField(max_length=20)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("sökning")
        verbose_name_plural = _("sökningar")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.query} ({self.hits})"
