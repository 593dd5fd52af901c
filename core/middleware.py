from django.conf import settings


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
