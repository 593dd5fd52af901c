"""What public views accept."""

import logging

from django.middleware.csrf import CsrfViewMiddleware
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

logger = logging.getLogger("django.security.csrf")


def read_only(view):
    """A public view that only reads: GET and HEAD. Any other method gets 405 with `Allow: GET, HEAD`
    – a POST too, which would otherwise meet the CSRF check first and get the HTML 403 page (a JSON
    client of the APIs could not tell why). CSRF guards what writes; this view writes nothing."""
    return csrf_exempt(require_safe(view))


class _CsrfCheck(CsrfViewMiddleware):
    """Django's own CSRF check (token, cookie, Origin, Referer), answering with the reason it refuses
    instead of drawing the 403 page."""

    def _reject(self, request, reason):
        logger.warning(
            "Forbidden (%s): %s", reason, request.path, extra={"status_code": 403, "request": request}
        )
        return reason


def csrf_refused(request) -> str | None:
    """Why Django's CSRF check refuses this request, or None. For a form's view that is `csrf_exempt`
    so that it answers a refusal itself – with the form again, what was typed kept and a fresh token –
    rather than with the site's 403 page, where a resident's typing would be lost."""
    return _CsrfCheck(lambda request: None).process_view(request, None, (), {})
