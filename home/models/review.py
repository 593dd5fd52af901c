from django.contrib.auth.models import Group
from django.db import models
from wagtail.models import Page


class ReviewReminder(models.Model):
    """A review reminder sent to a group about a page (so that nobody is reminded more than weekly)."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="+")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["group", "page", "sent_at"])]

    def __str__(self):
        return f"{self.group} {self.page_id} {self.sent_at:%Y-%m-%d}"
