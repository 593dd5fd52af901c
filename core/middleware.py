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
