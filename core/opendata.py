"""Responses for open data and the embeddable APIs: JSON kept readable (å, ä, ö), open to other sites."""

import functools

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils import translation
from django.utils.translation import gettext


def in_requested_language(view):
    """An API view answered in the language asked for (`?lang=sv|en|ar`; none: the site's source
    language), inside `translation.override`. Any other value is a 400 that names the languages, not
    a quiet answer in Swedish that a client would take for the language it asked for."""

    @functools.wraps(view)
    def answer(request, *args, **kwargs):
        language = request.GET.get("lang", "") or settings.LANGUAGE_CODE
        if language not in dict(settings.LANGUAGES):
            languages = ", ".join(code for code, _name in settings.LANGUAGES)
            return bad_request(
                gettext("lang ska vara ett av språken %(languages)s.") % {"languages": languages}
            )
        with translation.override(language):
            return view(request, *args, **kwargs)

    return answer


def bad_request(message: str) -> HttpResponse:
    """A 400 for a query parameter an API cannot use, in words for whoever sent it."""
    return open_to_all(HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8"))


def open_to_all(response: HttpResponse) -> HttpResponse:
    """Open to other sites, and saying the language it was made in (the views make an answer in the
    language asked for, `in_requested_language`)."""
    response["Access-Control-Allow-Origin"] = "*"  # other municipal sites may embed and reuse it
    response["Content-Language"] = translation.get_language() or settings.LANGUAGE_CODE
    return response


def open_json(data, status: int = 200, content_type: str | None = None) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    if content_type:
        response["Content-Type"] = content_type
    return open_to_all(response)


def open_file(body, content_type: str, filename: str, *, attachment: bool = True) -> HttpResponse:
    """A file of open data (CSV, iCalendar) under a plain file name, open to other sites."""
    response = HttpResponse(body, content_type=content_type)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return open_to_all(response)
