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


class EditorGroup(models.Model):
    """The page a group built by `setup_editors` stands for: a municipality or a library (its
    Swedish page). `setup_editors` finds the group by this link, never by its name alone: the name
    follows the page's title, which editors may change – a library renamed, or a new one given
    another library's title, must not take over that library's group, its pages and its bookings."""

    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="editor_page")
    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    def __str__(self):
        return f"{self.group} → {self.page_id}"


class EditorCollection(models.Model):
    """The image and document collection a municipality's editors (and its libraries' staff) own,
    linked to the municipality's Swedish page. `setup_editors` finds it by this link, never by its
    name alone: the name follows the municipality's, which the region may change – a renamed
    municipality keeps its files, and a new one given an old name does not take them over."""

    collection = models.OneToOneField(
        "wagtailcore.Collection", on_delete=models.CASCADE, related_name="editor_page"
    )
    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    def __str__(self):
        return f"{self.collection} → {self.page_id}"
