"""Library staff's view of bookings: their own library's sessions only, whatever URL they try.

Bookings carry names, contact details and accessibility needs, so only the staff of the library
read them: the groups whose page permissions are rooted on that library (`setup_editors` makes one
per library). Municipal and regional editors, who may edit the library page from above, do not, and neither do
superusers: the booking form tells residents that only the library's staff see what they write. An
administrator who must help joins the library's group (a visible, audited change).
"""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from core.exports import neutralise_row
from editorial.permissions import staff_pages
from home.tree import below_paths
from services import booking as bookings
from services.models import Booking, LibraryPage, SessionCancellation, SessionOccurrence

REASON_MAX_LENGTH = SessionCancellation._meta.get_field("reason").max_length


def library_ids_for(user) -> set[int]:
    """Libraries whose bookings a user may handle: those whose staff group they belong to."""
    if not user.is_active:
        return set()
    return set(staff_pages(user, LibraryPage).values_list("pk", flat=True))


def may_see_bookings(user) -> bool:
    return bool(library_ids_for(user))


def _occurrences_for(user):
    occurrences = SessionOccurrence.objects.select_related("session")
    ids = library_ids_for(user)
    paths = LibraryPage.objects.filter(pk__in=ids).values_list("path", flat=True)
    return occurrences.filter(below_paths(paths, field="session__path"))


def _occurrence(request, occurrence_id) -> SessionOccurrence:
    occurrence = get_object_or_404(_occurrences_for(request.user), pk=occurrence_id)
    return occurrence


def booking_index(request):
    if not may_see_bookings(request.user):
        raise PermissionDenied
    occurrences = (
        _occurrences_for(request.user)
        .filter(date__gte=timezone.localdate())
        .annotate(
            confirmed=Count("bookings", filter=Q(bookings__status=Booking.Status.CONFIRMED)),
            waitlisted=Count("bookings", filter=Q(bookings__status=Booking.Status.WAITLISTED)),
            to_call=Count("bookings", filter=~Q(bookings__call_about="")),
        )
        .order_by("date", "session__title")
    )
    return render(request, "services/admin/booking_index.html", {"occurrences": occurrences})


def booking_detail(request, occurrence_id: int):
    occurrence = _occurrence(request, occurrence_id)
    rows = occurrence.bookings.order_by("status", "created_at", "pk")
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="bokningar-{occurrence.date:%Y-%m-%d}.csv"'
        writer = csv.writer(response, delimiter=";")
        writer.writerow(["namn", "e-post", "telefon", "behov", "anpassning", "läge", "kom", "bokad"])
        for b in rows:
            created = f"{timezone.localtime(b.created_at):%Y-%m-%d %H:%M}"
            status = b.get_status_display()
            writer.writerow(
                neutralise_row(
                    [
                        b.name,
                        b.email,
                        b.phone,
                        b.needs,
                        b.accessibility_needs,
                        status,
                        "ja" if b.attended else "",
                        created,
                    ]
                )
            )
        return response
    if request.method == "POST":
        return _act(request, occurrence)
    template = (
        "services/admin/booking_print.html"
        if request.GET.get("print")
        else "services/admin/booking_detail.html"
    )
    cancelled = SessionCancellation.objects.filter(session=occurrence.session, date=occurrence.date).exists()
    return render(request, template, {"occurrence": occurrence, "bookings": rows, "cancelled": cancelled})


def _act(request, occurrence: SessionOccurrence):
    """Staff actions; every change to seats goes through services.booking's locked path."""
    action = request.POST.get("action")
    if action == "cancel_occurrence":
        reason = request.POST.get("reason", "").strip()
        if len(reason) > REASON_MAX_LENGTH:
            messages.error(
                request, f"Orsaken får vara högst {REASON_MAX_LENGTH} tecken. Ingenting är ändrat."
            )
            return redirect("booking_detail", occurrence.pk)
        bookings.cancel_date(occurrence.session, occurrence.date, reason)
        messages.success(request, "Tillfället är inställt och alla som bokat får besked.")
        return redirect("booking_detail", occurrence.pk)
    booking_id = request.POST.get("booking", "")
    if not (booking_id.isascii() and booking_id.isdigit() and len(booking_id) <= 18):
        return HttpResponseBadRequest("Ogiltig bokning.")
    booking = get_object_or_404(occurrence.bookings, pk=int(booking_id))
    try:
        if action == "attended":
            booking.attended = not booking.attended
            booking.save(update_fields=["attended"])
        elif action == "cancel":
            bookings.staff_cancel(booking)
        elif action == "promote":
            bookings.move_up(booking)
        elif action == "called":  # staff have phoned someone without e-mail about a change
            booking.call_about = ""
            booking.save(update_fields=["call_about"])
        else:
            return HttpResponseBadRequest("Okänd åtgärd.")
    except bookings.BookingError as exc:
        messages.error(request, str(exc))
    return redirect("booking_detail", occurrence.pk)
