from django.contrib.auth.models import Group
from django.db import models


class FreshnessDigest(models.Model):
    """The weekly freshness digest sent to a group: one per group and week, so running the command
    again (or twice at once) sends nothing twice."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="+")
    week = models.DateField(help_text="The Monday of the ISO week the digest is for.")
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "week"], name="one_freshness_digest_per_week")
        ]

    def __str__(self):
        return f"{self.group} {self.week:%G-W%V}"
