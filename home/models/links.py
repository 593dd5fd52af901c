from django.db import models


class LinkCheck(models.Model):
    """The latest answer from an external link used in published content."""

    url = models.URLField(max_length=1000, unique=True)
    status = models.PositiveSmallIntegerField(default=0, help_text="HTTP-status, 0 om inget svar kom")
    ok = models.BooleanField(default=False, db_index=True)
    error = models.CharField(max_length=300, blank=True)
    checked_at = models.DateTimeField()
    page_ids = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = "länkkontroll"
        verbose_name_plural = "länkkontroller"

    def __str__(self):
        return f"{self.status} {self.url}"
