import logging
import re

from django.conf import settings
from django.core.exceptions import BadRequest, DisallowedHost, SuspiciousOperation
from django.http import HttpResponseBadRequest
from django.http.request import split_domain_port
from django.middleware.csrf import InvalidTokenFormat, _check_token_format
from django.utils.translation import get_language_info

from core.cache import remembered

logger = logging.getLogger(__name__)

FORM_CONTENT_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy for public pages.

    The admin is left to Wagtail (it needs its own script and style rules); everything the public
    sees comes from this host only, with no inline script.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(("/admin/", "/django-admin/")):
            response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.setdefault(
            "Permissions-Policy", "geolocation=(), camera=(), microphone=(), interest-cohort=()"
        )
        return response


class ContentLanguageMiddleware:
    """`Content-Language` says the language a page is written in: the `lang` of its `<html>`.

    Django's LocaleMiddleware names the language active when the answer leaves (the address's), but
    some pages are made in another: a form's answer in its page's language (`/rapport/<id>/` for the
    English form), an error page in the reader's. A view that names its language itself (the open
    data and the APIs, `core.opendata.open_to_all`) keeps it.
    """

    HTML_LANG = re.compile(rb"<html\b[^>]*?\slang=\"([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)\"")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.streaming
            or response.has_header("Content-Language")
            or not response.get("Content-Type", "").startswith("text/html")
        ):
            return response
        found = self.HTML_LANG.search(response.content[:1024])
        if found:
            language = found.group(1).decode()
            response["Content-Language"] = language
            if _right_to_left(language):
                keep_numbers_together(response)
        return response


def _right_to_left(language: str) -> bool:
    try:
        return get_language_info(language.split("-")[0])["bidi"]
    except KeyError:
        return False


# In right-to-left text the bidirectional algorithm shows digit groups that a plain space separates
# ("19 900 كرونة", "070-123 45 67") in reverse order: "900 19". A no-break space between two digits
# is a number separator to it, so the groups stay one number, in order. Only in text, never in a
# text area (what a resident typed goes back as typed), a script or a style.
DIGIT_GROUP_SPACE = re.compile(r"(?<=[0-9]) (?=[0-9])")
DIGITS_APART = re.compile(rb"[0-9] [0-9]")
TEXT_NODE = re.compile(r">([^<]+)<")
UNTOUCHED = re.compile(r"(<(textarea|script|style|pre)\b.*?</\2>)", re.S | re.I)


def keep_numbers_together(response) -> None:
    """Digit groups in the text of an HTML page in a right-to-left language joined by no-break spaces."""
    if not DIGITS_APART.search(response.content):  # most pages: nothing to join, nothing decoded
        return
    charset = response.charset or "utf-8"
    html = response.content.decode(charset, errors="surrogateescape")
    parts = UNTOUCHED.split(html)
    for index in range(0, len(parts), 3):  # split gives: text, untouched block, its tag name, text …
        parts[index] = TEXT_NODE.sub(
            lambda m: ">" + DIGIT_GROUP_SPACE.sub("\u00a0", m.group(1)) + "<", parts[index]
        )
    changed = "".join(part for index, part in enumerate(parts) if index % 3 != 2)
    if changed != html:
        response.content = changed.encode(charset, errors="surrogateescape")
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))


class CacheControlMiddleware:
    """`Cache-Control` fit for a shared cache (a CDN or reverse proxy in front of the app servers).

    - Anything for a signed-in user, anything that sets a cookie (the booking forms' CSRF cookie, the
      admin's session), the admin itself, and answers other than 200/301/404/410 to GET or HEAD:
      `private, no-store` — never kept or shown to someone else.
    - Other public answers to GET and HEAD: `public, max-age=PAGE_CACHE_SECONDS` (the same lifetime
      as the app's own page cache, so a publish is seen everywhere within that time).
    - A view that set its own `Cache-Control` keeps it (WhiteNoise's static files, `never_cache`).
    """

    SHAREABLE = {200, 203, 301, 404, 410}
    PRIVATE_PREFIXES = ("/admin/", "/django-admin/", "/documents/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        private = (
            signed_in
            or response.cookies
            or request.path.startswith(self.PRIVATE_PREFIXES)
            or request.method not in ("GET", "HEAD")
            or response.status_code not in self.SHAREABLE
        )
        if private:
            if response.cookies or signed_in or not response.has_header("Cache-Control"):
                response["Cache-Control"] = "private, no-store"
        elif not response.has_header("Cache-Control"):
            seconds = settings.PAGE_CACHE_SECONDS
            response["Cache-Control"] = f"public, max-age={seconds}" if seconds > 0 else "no-cache"
        return response


class MalformedRequestMiddleware:
    """A request Django cannot parse (too many fields, a body over the limit) answers 400 at once.

    Django turns these into 400 by itself only with DEBUG off: with DEBUG on (`make run`) its debug
    page reads the query string and the form again and fails a second time, with a 500. Parsing the
    query string (and a form body) here, first, makes the answer the same plain 400 in every setting.
    A form sent in another charset than UTF-8 (Django's BadRequest) is one of these too: left to
    Django, its 400 page would read the form again (for the CSRF token) and fail with a 500.

    A CSRF cookie that is not one Django could have set (a value of another length or with other
    characters) is dropped from the request before Django's CSRF check sees it: else that check
    would set a new cookie on whatever page was asked for, and visitors get no cookie but the
    booking form's (the form's own page sets a fresh one, as for a visitor without any).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = request.META.get("CONTENT_LENGTH") or ""
        # Django's int() of it would raise: a 500 ("²" is a digit to isdigit, not to int).
        if length and not (length.isascii() and length.isdigit()):
            logger.warning("Malformed request to %s: Content-Length %r", request.path, length[:40])
            return self.bad_request()
        try:
            request.GET  # noqa: B018 - parsed here so a malformed request fails before any view
            if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
                request.POST  # noqa: B018
        except (SuspiciousOperation, BadRequest) as error:
            logger.warning("Malformed request to %s: %s", request.path, error)
            request._mark_post_parse_error()  # anything after this reads an empty form
            return self.bad_request()
        token = request.COOKIES.get(settings.CSRF_COOKIE_NAME)
        if token is not None:
            try:
                _check_token_format(token)  # the very check on which Django's would set a new cookie
            except InvalidTokenFormat:
                del request.COOKIES[settings.CSRF_COOKIE_NAME]
        return self.get_response(request)

    @staticmethod
    def bad_request():
        # Before any view: the reader's language is not known yet, so all three are said.
        return HttpResponseBadRequest(
            "Förfrågan kunde inte läsas (för många eller för stora fält, eller inte i UTF-8). / "
            "The request could not be read (too many or too large fields, or not in UTF-8). / "
            "تعذّرت قراءة الطلب (حقول كثيرة جدًا أو كبيرة جدًا، أو ليست بترميز UTF-8).",
            content_type="text/plain; charset=utf-8",
        )

    def process_exception(self, request, exception):
        """A form that cannot read what was sent – a field left out or altered by hand, such as a
        StreamField's `body-count` – answers 400, not 500: in any form, ours, Wagtail's or tomorrow's.
        Only errors raised while a widget reads the data (`value_from_datadict`) count; any other
        error stays a server error."""
        if request.method != "POST" or not isinstance(exception, READ_ERRORS):
            return None
        frames = []
        trace = exception.__traceback__
        while trace is not None:
            frames.append(trace.tb_frame.f_code.co_name)
            trace = trace.tb_next
        # Raised by the widget itself (`int(data["body-count"])`), by the form data it reads
        # (`data[key]`), or by a model field refusing a value it was sent (a chooser's page id
        # "abc": `get_prep_value`): anything else deeper down is a server error.
        read = frames[-1:] == ["value_from_datadict"] or frames[-2:] == ["value_from_datadict", "__getitem__"]
        refused = frames[-1:] == ["get_prep_value"] and "value_from_datadict" in frames
        if not (read or refused):
            return None
        logger.warning("Incomplete form sent to %s: %r", request.path, exception, exc_info=exception)
        return HttpResponseBadRequest(
            "Formuläret kom inte fram helt. Ladda om sidan och försök igen. / "
            "The form did not arrive complete. Reload the page and try again. / "
            "لم يصل النموذج كاملاً. أعد تحميل الصفحة وحاول مرة أخرى.",
            content_type="text/plain; charset=utf-8",
        )


# What reading form data raises when a field is missing (KeyError, Django's MultiValueDictKeyError)
# or is not what the form sent (a count that is no number: ValueError).
READ_ERRORS = (KeyError, ValueError)


class SiteLookupMiddleware:
    """Wagtail's site for the request's host name, remembered per host and port (core.cache.remembered)
    instead of a query on every request. Wagtail reads it from `request._wagtail_site`
    (`Site.find_for_request`); a host name not allowed is left to Django to refuse."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from wagtail.models import Site

        try:
            request.get_host()
        except DisallowedHost:
            return self.get_response(request)
        hostname = split_domain_port(request._get_raw_host())[0]
        key = ("wagtail-site", hostname, request.get_port())
        # No site for the host (none made yet, as on a new server): asked again on the next request.
        request._wagtail_site = remembered(key, lambda: Site._find_for_request(request), keep_none=False)
        return self.get_response(request)
