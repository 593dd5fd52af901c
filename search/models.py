"""Search data kept in the database: editors' synonyms, the index outbox and the query log."""

from django.db import models
from django.utils import timezone
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
    search_fields = [index.SearchField("terms"), index.AutocompleteField("terms")]

    class Meta:
        verbose_name = _("synonym")
        verbose_name_plural = _("synonymer")
        ordering = ["language", "terms"]

    def __str__(self):
        return self.terms

    @property
    def term_list(self) -> list[str]:
        return [term.strip().lower() for term in self.terms.split(",") if term.strip()]


class OutboxQuerySet(models.QuerySet):
    def pending(self):
        """Waiting to be applied (due or backing off), not set aside."""
        return self.filter(done_at__isnull=True, set_aside_at__isnull=True)

    def set_aside(self):
        return self.filter(done_at__isnull=True, set_aside_at__isnull=False)


class IndexOutbox(models.Model):
    """One change the index must follow, written in the same transaction as the change itself.

    The row is written by the signal handlers of `search.signals` while the publish, unpublish,
    move, delete, view-restriction change or snippet save is still in its transaction, so a change
    that commits always has its row (and one that rolls back has none). `search.indexing.drain`
    applies rows after the commit and from the worker or `search_sync`; applying reads the object's
    state from the database at that moment, so it is idempotent and rows for the same object are
    applied once. A row that fails while the engine answers is retried with back-off
    (`attempts`, `next_attempt_at`) and set aside after `SEARCH_OUTBOX_MAX_ATTEMPTS`
    (`set_aside_at`), without holding up the rest. Applied rows keep `done_at` for a day, so
    `search_rebuild` can replay what was applied to the old index while it built the new one.
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
    next_attempt_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)
    set_aside_at = models.DateTimeField(null=True, blank=True)

    objects = OutboxQuerySet.as_manager()

    class Meta:
        verbose_name = _("väntande indexuppdatering")
        verbose_name_plural = _("väntande indexuppdateringar")
        ordering = ["id"]
        indexes = [
            models.Index(fields=["done_at", "set_aside_at", "next_attempt_at"], name="outbox_due"),
            models.Index(fields=["object_key"], name="outbox_object_key"),
        ]

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
