"""Responses for open data and the embeddable APIs: JSON kept readable (å, ä, ö), open to other sites."""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import translation


def requested_language(request) -> str:
    """The language an answer is asked for (?lang=en|ar), else the site's source language."""
    language = request.GET.get("lang", "")
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def open_to_all(response: HttpResponse) -> HttpResponse:
    """Open to other sites, and saying the language it was made in (the views make an answer in the
    language asked for, `requested_language`, inside `translation.override`)."""
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
