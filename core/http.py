"""What public views accept."""

from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe


def read_only(view):
    """A public view that only reads: GET and HEAD. Any other method gets 405 with `Allow: GET, HEAD`
    – a POST too, which would otherwise meet the CSRF check first and get the HTML 403 page (a JSON
    client of the APIs could not tell why). CSRF guards what writes; this view writes nothing."""
    return csrf_exempt(require_safe(view))
