"""sitemap.xml for every language: Wagtail's own sitemap lists only the active locale's tree.

Addresses are on the site's public address (`core.links.public_url`, as robots.txt, the feeds and
the hreflang alternates give them), not the host name stored in Wagtail's Site record, which an
installation may never have set ("localhost" on port 80 answers nobody)."""

from django.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.http import read_only
from core.links import public_url


class AllLocalesSitemap(Sitemap):
    def __init__(self, request):
        self.request = request

    def items(self):
        return Page.objects.live().public().filter(depth__gt=1).order_by("path").specific()

    def location(self, item):
        return item.get_url(request=self.request)

    def lastmod(self, item):
        return item.last_published_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = []
        for item in self.paginator.page(page).object_list:
            url = public_url(item.get_url(request=self.request) or "")
            if url:
                urls.append({"item": item, "location": url, "lastmod": item.last_published_at})
        return urls


@read_only
def sitemap(request):
    from django.contrib.sitemaps.views import sitemap as django_sitemap

    return django_sitemap(request, sitemaps={"pages": AllLocalesSitemap(request)})
