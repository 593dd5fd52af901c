"""The site's own error pages (400, 404, 500 and a refused form, CSRF) in the reader's language.

The language comes from the URL prefix (/en/, /ar/), so a reader who followed a dead link on the
Arabic site reads Arabic. Each page offers the search box and the start page's top tasks, so there
is always a way on. The 500 page is rendered without the site's layout and survives a database that
does not answer (it is often why there is a 500); when that is the cause (the database restarts or
is out of reach) it answers 503 with `Retry-After`, a passing outage rather than a fault.
"""

import logging
import sys
from functools import wraps

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponseBadRequest, HttpResponseNotAllowed, HttpResponseServerError
from django.shortcuts import render
from django.urls import resolve
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import requires_csrf_token

from core.cache import remembered

logger = logging.getLogger(__name__)


def form_read_once(view):
    """An error page for a request whose form could not be read (often why there is an error page):
    Django's CSRF step (`requires_csrf_token`) reads the form again, which raised again, and the
    error page became a bare 500. The form is read first here; if it cannot be, it reads as empty."""

    @wraps(view)
    def handler(request, *args, **kwargs):
        if request.method == "POST":
            try:
                request.POST  # noqa: B018
            except Exception:
                request._mark_post_parse_error()
        return view(request, *args, **kwargs)

    return handler


def reader_language(request) -> str:
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def top_tasks(language: str) -> list:
    """The start page's task sections in the language, or none when the database does not answer.

    Remembered in the process while the site is unchanged (`core.cache.remembered`, as the menus
    are), so that a burst of dead links costs the database nothing for them; a failed read is not
    remembered."""
    return remembered(("error-top-tasks", language), lambda: _read_top_tasks(language), keep_none=False) or []


def _read_top_tasks(language: str) -> list | None:
    from home.models import HomePage, MunicipalityIndexPage, StandardPage

    try:
        homes = HomePage.objects.live().select_related("locale")
        home = (
            homes.filter(locale__language_code=language).first()
            or homes.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        )
        if home is None:
            return []
        sections = home.get_children().live().in_menu().specific().order_by("path")
        return [p for p in sections if not isinstance(p, (MunicipalityIndexPage, StandardPage))]
    except Exception:  # the error page must render even then
        logger.exception("Top tasks for an error page could not be read")
        return None


# The texts of the pages with the site's layout (error_page.html): heading and title, meta description, lead.
ERRORS = {
    404: {
        "title": _("Sidan finns inte"),
        "description": _("Sidan finns inte. Sök eller välj något av de vanliga ärendena."),
        "lead": _(
            "Vi hittar ingen sida på den adressen. Den kan ha flyttats, eller så är adressen felskriven."
        ),
    },
    400: {
        "title": _("Adressen kunde inte läsas"),
        "description": _("Adressen kunde inte läsas. Sök eller välj något av de vanliga ärendena."),
        "lead": _(
            "Adressen eller det som skickades innehöll något som webbplatsen inte kan läsa. "
            "Ingenting är sparat. Sök eller välj något av de vanliga ärendena."
        ),
    },
    403: {
        "title": _("Formuläret kunde inte skickas"),
        "description": _("Formuläret kunde inte skickas. Ladda om sidan och försök igen."),
        "lead": _(
            "Sidan var för gammal, eller så stoppade webbläsaren en nödvändig kaka. Ingenting är sparat. "
            "Gå tillbaka, ladda om sidan och försök igen."
        ),
    },
}


def _render(request, template: str, status: int, **extra):
    language = reader_language(request)
    with translation.override(language):
        request.LANGUAGE_CODE = language
        home_url = "/" if language == settings.LANGUAGE_CODE else f"/{language}/"
        context = {
            "top_tasks": top_tasks(language),
            "home_url": home_url,
            "error": ERRORS.get(status),
            **extra,
        }
        return render(request, template, context, status=status)


@form_read_once
@requires_csrf_token
def bad_request(request, exception=None):
    if isinstance(exception, DisallowedHost):
        # A host name the site does not answer to: the page is drawn for the site's own first host.
        request.META.pop("HTTP_X_FORWARDED_HOST", None)
        request.META["HTTP_HOST"] = next(
            (h.lstrip(".") for h in settings.ALLOWED_HOSTS if h != "*"), "localhost"
        )
    try:
        return _render(request, "error_page.html", 400)
    except Exception:
        logger.exception("The 400 page could not be rendered")
        return HttpResponseBadRequest(
            "Adressen kunde inte läsas. / The address could not be read. / تعذّرت قراءة العنوان.",
            content_type="text/plain; charset=utf-8",
        )


@form_read_once
@requires_csrf_token
def page_not_found(request, exception=None):
    return _render(request, "error_page.html", 404)


DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


@form_read_once
@requires_csrf_token
def server_error(request):
    # Django calls this handler while it handles the exception, so sys.exc_info() names the cause.
    unavailable = isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE)
    try:
        response = _render(request, "500.html", 503 if unavailable else 500)
    except Exception:
        logger.exception("The 500 page could not be rendered")
        response = HttpResponseServerError("<h1>Server Error (500)</h1>", content_type="text/html")
        if unavailable:
            response.status_code = 503
    if unavailable:
        response["Retry-After"] = "10"
    return response


def csrf_failure(request, reason=""):
    """A form sent without its token. A page (Wagtail's serve view) takes no form at all: that is
    405, as with the token (`BasePage.serve`), not "the form could not be sent"."""
    try:
        page_address = resolve(request.path_info).url_name == "wagtail_serve"
    except Http404:
        page_address = False
    if page_address:
        return HttpResponseNotAllowed(["GET", "HEAD"])
    # A way back to the form (opened again, with a fresh token), not only search and top tasks.
    return _render(request, "error_page.html", 403, form_url=request.path)
