"""Responses for open data and the embeddable APIs: JSON kept readable (å, ä, ö), open to other sites."""

from django.http import HttpResponse, JsonResponse


def open_to_all(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"  # other municipal sites may embed and reuse it
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
