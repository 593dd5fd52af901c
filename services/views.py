"""Booking a seat, the confirmation, and cancelling by the link in the confirmation."""

from django import forms
from django.conf import settings
from django.core import signing
from django.db import OperationalError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.forms import PublicForm, optional_text, unchecked, western_digits
from core.http import csrf_refused
from core.ratelimit import rate_limited
from services import booking as bookings
from services.contacts import normalise_phone
from services.models import Booking, HelpSessionPage
from services.occurrences import parse_date


class BookingForm(PublicForm):
    digit_fields = ("phone",)
    # What each field asks for, so that browsers can fill it in and phones show the right keyboard
    # (WCAG 1.3.5); numbers and addresses read left to right on the Arabic pages too.
    name = forms.CharField(
        label=_("Ditt namn"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-post"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
        help_text=_(
            "Skriv din e-post eller ditt telefonnummer (eller båda), så att biblioteket kan nå dig. "
            "Med e-post får du en bekräftelse och en länk för att avboka."
        ),
    )
    phone = forms.CharField(
        label=_("Telefon"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "dir": "ltr"}),
        help_text=_("Ett svenskt nummer, till exempel 070-123 45 67."),
    )
    needs = optional_text(_("Vad vill du ha hjälp med? (frivilligt)"), 1000, rows=3)
    accessibility_needs = optional_text(
        _("Behöver du någon anpassning? (frivilligt)"),
        500,
        rows=2,
        help_text=_("Till exempel hörslinga, tolk eller att någon möter dig i entrén."),
    )

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "").strip()
        if phone and normalise_phone(phone) is None:
            raise forms.ValidationError(_("Skriv ett svenskt telefonnummer, till exempel 070-123 45 67."))
        return phone

    def clean(self):
        cleaned = super().clean()
        # Only when neither was written: a mistyped e-mail is that field's error alone.
        if (
            not cleaned.get("email")
            and not cleaned.get("phone")
            and not {"email", "phone"} & set(self.errors)
        ):
            self.add_error(
                "phone", _("Skriv din e-post eller ditt telefonnummer, så att biblioteket kan nå dig.")
            )
        return cleaned


MAX_ID = 2**31 - 1  # page ids are 32-bit integers; a longer number in the URL finds nothing


def _session_and_day(session_id: int, date: str):
    """The series, and the date in the address (None when it is no date: 30 February, "2026-12-9";
    Arabic digits are read)."""
    if session_id > MAX_ID:
        raise Http404
    session = get_object_or_404(HelpSessionPage.objects.live().select_related("locale"), pk=session_id)
    return session, parse_date(western_digits(date))


def _limits() -> dict:
    return {
        "per_date": settings.BOOKING_LIMIT_PER_DATE,
        "per_series": settings.BOOKING_LIMIT_PER_SERIES,
        "period": settings.BOOKING_LIMIT_PERIOD_DAYS,
    }


@csrf_exempt  # checked below (`csrf_refused`), so that a refused form keeps what was typed
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def book(request, session_id: int, date: str):
    session, day = _session_and_day(session_id, date)
    language_urls = _booking_urls(session, date)
    if day is None:
        # A date that is no date: say so on the series' own terms, with the way to its dates – the
        # series in the reader's language (the id may name another language's page of it).
        shown = session.localized
        context = {
            "session": shown,
            "library": shown.get_parent().specific,
            "day": None,
            "page": None,
            "language_urls": language_urls,
        }
        context["problem"] = _(
            "Datumet i adressen går inte att läsa. Välj ett datum på sidan om tillfällena."
        )
        return render(request, "services/booking_form.html", context, status=400)
    language = translation.get_language()
    # The id names another language's page of the series (a link shared between readers): read as
    # the reader's own, so the page, its links and its language switch follow the reader's language.
    # Seats are shared by every language; a sent form is handled as it is.
    if request.method in ("GET", "HEAD") and session.locale.language_code != language:
        if language in language_urls:
            return redirect(language_urls[language])
    library = session.get_parent().specific
    context = {
        "session": session,
        "library": library,
        "day": day,
        "page": None,
        "limits": _limits(),
        "language_urls": language_urls,
    }
    try:
        bookings.check_bookable(bookings.source_session(session), day)
    except bookings.BookingError as exc:
        context["problem"] = str(exc)
        return render(request, "services/booking_form.html", context, status=400)
    if request.method == "POST" and csrf_refused(request):
        # Sent without a valid token (a page left open for long, cookies stopped): nothing is booked,
        # the form comes back with what was typed and a fresh token, and says what to do.
        context.update(
            form=unchecked(BookingForm(), request.POST),
            csrf_refused=True,
            availability=bookings.availability(session, day),
        )
        return render(request, "services/booking_form.html", context, status=403)
    form = BookingForm(request.POST or None)
    if request.method == "POST":
        if form.is_spam:
            return render(request, "services/booking_done.html", {**context, "booking": None})
        # Only a valid form counts toward the limit: corrections of a form sent
        # with a mistake do not (an older resident may need a few tries; a library's shared
        # computer has one address for everyone).
        if form.is_valid() and rate_limited(request, "booking", settings.BOOKING_RATE_LIMIT):
            context.update(
                form=unchecked(BookingForm(), request.POST),
                rate_limited=True,
                availability=bookings.availability(session, day),
            )
            return render(request, "services/booking_form.html", context, status=429)
        if form.is_valid():
            details = {k: v for k, v in form.cleaned_data.items() if k != "website"}
            try:
                booking = bookings.book(session, day, language=translation.get_language(), **details)
            except bookings.BookingLimitError as exc:
                form.add_error("email" if details.get("email") else "phone", str(exc))
                form.describe_errors()
                context.update(form=form, availability=bookings.availability(session, day))
                return render(request, "services/booking_form.html", context, status=409)
            except bookings.BookingError as exc:
                context["problem"] = str(exc)
                return render(request, "services/booking_form.html", context, status=409)
            except OperationalError:
                context.update(form=form, busy=True, availability=bookings.availability(session, day))
                return render(request, "services/booking_form.html", context, status=503)
            context.update(booking=booking, cancel_code=bookings.cancellation_token(booking))
            return render(request, "services/booking_done.html", context)
        form.describe_errors()
    context.update(form=form, availability=bookings.availability(session, day))
    return render(request, "services/booking_form.html", context, status=400 if form.errors else 200)


def _booking_urls(session, date: str) -> dict[str, str]:
    """The booking address of the same series and date in each language: the language switch, and
    where an address with another language's page id leads."""
    urls = {}
    series = HelpSessionPage.objects.live().filter(translation_key=session.translation_key)
    for pk, code in series.values_list("pk", "locale__language_code"):
        with translation.override(code):
            urls[code] = reverse("booking", args=[pk, date])
    return urls


CODE_MAX_LENGTH = 200


def _cancel_with_code(request, code: str, confirmed: bool, typed: bool = True):
    try:
        booking = bookings.booking_for_token(code[:CODE_MAX_LENGTH])
    except signing.BadSignature:
        # A code typed wrong: the form again, with what was typed and what to do; an old link
        # that no longer holds: say so.
        context = (
            {"ask_code": True, "code_error": True, "code": code[:CODE_MAX_LENGTH]}
            if typed
            else {"invalid": True}
        )
        return render(request, "services/booking_cancel.html", context, status=400)
    # The series in the reader's language when it is translated (its title is then marked by the template
    # when it is not: an alias or the Swedish page).
    context = {"booking": booking, "session": booking.occurrence.session.localized, "code": code}
    if booking.status == Booking.Status.CANCELLED:
        context["already"] = True
    elif confirmed:
        bookings.cancel(booking)
        context["done"] = True
    return render(request, "services/booking_cancel.html", context)


# Cancelling needs the booking's code, a secret only the booker has: a forged request from another
# site would need it too, so the cancel pages do without a CSRF token – and set no cookie (the
# booking form's is the only one a visitor gets).
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def cancel_by_code(request):
    """/avboka/: the cancellation code comes in the body of a POST, never in a URL, so it stays out
    of access logs. GET asks for the code (a script fills it in from the e-mail link's fragment);
    POST with the code asks "do you want to cancel?", and POST with `bekrafta=1` cancels."""
    code = request.POST.get("kod", "").strip() if request.method == "POST" else ""
    if not code:
        if request.method == "POST":
            context = {"ask_code": True, "code_missing": True}
            return render(request, "services/booking_cancel.html", context, status=400)
        return render(request, "services/booking_cancel.html", {"ask_code": True})
    return _cancel_with_code(request, code, confirmed=request.POST.get("bekrafta") == "1")


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request, token: str):
    """Links of the older form /avboka/<code>/ (already in people's mailboxes) keep working."""
    return _cancel_with_code(request, token, confirmed=request.method == "POST", typed=False)
