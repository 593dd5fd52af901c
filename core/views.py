from django.http import Http404, HttpResponse
from django.views import static
from django.views.decorators.cache import never_cache

from core.health import run_checks
from core.http import read_only
from core.links import public_url
from core.opendata import open_json


@never_cache
@read_only
def healthz(request):
    """Each part's state as JSON; 503 only when the database is down (core/health.py)."""
    status, healthy = run_checks()
    return open_json(status, status=200 if healthy else 503)


@read_only
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        f"Sitemap: {public_url('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def serve_media(request, path, document_root):
    """Uploaded files on a developer's machine (`make run`; the proxy serves them in production):
    Django's static view, with a path the file system refuses (a name over 255 bytes: OSError) a
    404 like any other file that is not there, not a 500."""
    try:
        return static.serve(request, path, document_root=document_root)
    except OSError:
        raise Http404(path) from None
