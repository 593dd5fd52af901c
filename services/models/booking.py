"""Bookings of digital-help occurrences.

`SessionOccurrence` is a row per (series, date) that exists only once somebody books: it is what
every change to seats locks, so that seat counts are checked and bookings written in one
transaction, one change at a time per occurrence, on every database (see services/booking.py).

`ContactLock` rows are what a booking locks for its contact (e-mail, phone), so that the
per-contact limits, which count bookings across dates and series, are checked one booking at a time
per contact too. A row stands for a bucket of contacts (a hash), not a person: it holds no personal
data and the table never grows beyond `ContactLock.BUCKETS` rows.

`BookingMessage` is the mail outbox: a message is written in the same transaction as the change it
tells about, and sent after the commit. When the mail server does not answer the row stays unsent
and `send_booking_mail` retries it; a row is claimed before it is sent, so nobody is told twice.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from services.contacts import normalise_email, phone_key


class SessionOccurrence(models.Model):
    session = models.ForeignKey(
        "services.HelpSessionPage",
        on_delete=models.CASCADE,
        related_name="booked_occurrences",
        verbose_name=_("tillfälle"),
    )
    date = models.DateField(_("datum"))
    version = models.PositiveIntegerField(default=0, editable=False)
    # The time its bookers were told (on their receipt, or since then by mail): a series published
    # with another time tells them the new one (services.booking.apply_series).
    start_time = models.TimeField(_("börjar"), null=True, editable=False)
    end_time = models.TimeField(_("slutar"), null=True, editable=False)

    class Meta:
        verbose_name = _("bokningsbart datum")
        verbose_name_plural = _("bokningsbara datum")
        constraints = [models.UniqueConstraint(fields=["session", "date"], name="one_row_per_session_date")]
        ordering = ["date"]

    def __str__(self):
        return f"{self.session.title} {self.date:%Y-%m-%d}"


class ContactLock(models.Model):
    """One lock row per bucket of contacts (see the module's docstring); created when first needed."""

    BUCKETS = 4096

    bucket = models.PositiveIntegerField(primary_key=True)

    class Meta:
        verbose_name = _("kontaktlås")
        verbose_name_plural = _("kontaktlås")

    def __str__(self):
        return str(self.bucket)


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
    # Normalised contact (lower-case e-mail, +46 phone number) for the per-contact booking limits.
    email_key = models.CharField(max_length=254, blank=True, db_index=True, editable=False)
    phone_key = models.CharField(max_length=20, blank=True, db_index=True, editable=False)
    language = models.CharField(_("språk"), max_length=10, default="sv", editable=False)
    needs = models.TextField(_("vad du vill ha hjälp med"), blank=True, max_length=1000)
    accessibility_needs = models.TextField(_("behov av anpassning"), blank=True, max_length=500)
    status = models.CharField(_("läge"), max_length=20, choices=Status.choices, db_index=True)
    attended = models.BooleanField(_("kom"), default=False)
    created_at = models.DateTimeField(_("bokad"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("avbokad"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("påminnelse skickad"), null=True, blank=True, editable=False)
    # A change the person would have been told of by e-mail but gave none: its kind (BookingMessage.Kind)
    # until staff have phoned them (Bokningar → "Ringt"). Someone moved up from the waiting list
    # learns of their seat this way.
    call_about = models.CharField(_("att ringa om"), max_length=20, blank=True, editable=False)

    class Meta:
        verbose_name = _("bokning")
        verbose_name_plural = _("bokningar")
        ordering = ["created_at", "pk"]

    def save(self, *args, **kwargs):
        """The contact keys follow the contact, however the booking was made (services/contacts.py)."""
        self.email_key = normalise_email(self.email)
        self.phone_key = phone_key(self.phone)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"email", "phone"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "email_key", "phone_key"}
        super().save(*args, **kwargs)

    def __str__(self):
        return f"{self.name} – {self.occurrence}"

    @property
    def call_about_display(self) -> str:
        return str(dict(BookingMessage.Kind.choices).get(self.call_about, "")) if self.call_about else ""


class BookingMessage(models.Model):
    """One message to one person about one change to their booking (the outbox)."""

    class Kind(models.TextChoices):
        BOOKED = "booked", _("Bokad")
        WAITLISTED = "waitlisted", _("På väntelistan")
        PROMOTED = "promoted", _("Fått en plats")
        DEMOTED = "demoted", _("Flyttad till väntelistan")
        CANCELLED = "cancelled", _("Avbokad av biblioteket")
        DATE_CANCELLED = "date_cancelled", _("Tillfället inställt")
        TIME_CHANGED = "time_changed", _("Ny tid")
        REMINDER = "reminder", _("Påminnelse")

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("meddelande om bokning")
        verbose_name_plural = _("meddelanden om bokningar")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.booking}"
