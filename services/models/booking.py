"""Bookings of digital-help occurrences.

`SessionOccurrence` is a row per (series, date) that exists only once somebody books: it is what a
booking locks, so that the seat count is checked and the booking written in one transaction, one
booking at a time per occurrence, on every database (see services/booking.py).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SessionOccurrence(models.Model):
    session = models.ForeignKey(
        "services.HelpSessionPage",
        on_delete=models.CASCADE,
        related_name="booked_occurrences",
        verbose_name=_("tillfälle"),
    )
    date = models.DateField(_("datum"))
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("bokningsbart datum")
        verbose_name_plural = _("bokningsbara datum")
        constraints = [models.UniqueConstraint(fields=["session", "date"], name="one_row_per_session_date")]
        ordering = ["date"]

    def __str__(self):
        return f"{self.session.title} {self.date:%Y-%m-%d}"


class Booking(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Bokad")
        WAITLISTED = "waitlisted", _("På väntelistan")
        CANCELLED = "cancelled", _("Avbokad")

    occurrence = models.ForeignKey(
        SessionOccurrence, on_delete=models.CASCADE, related_name="bookings", verbose_name=_("datum")
    )
    name = models.CharField(_("namn"), max_length=120)
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    needs = models.TextField(_("vad du vill ha hjälp med"), blank=True, max_length=1000)
    accessibility_needs = models.TextField(_("behov av anpassning"), blank=True, max_length=500)
    status = models.CharField(_("läge"), max_length=20, choices=Status.choices, db_index=True)
    attended = models.BooleanField(_("kom"), default=False)
    created_at = models.DateTimeField(_("bokad"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("avbokad"), null=True, blank=True)

    class Meta:
        verbose_name = _("bokning")
        verbose_name_plural = _("bokningar")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.name} – {self.occurrence}"
