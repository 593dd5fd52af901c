from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from broadband import views as broadband_views
from core.openapi import openapi_json
from core.sitemap import sitemap
from core.views import healthz, robots_txt
from search import views as search_views
from services import feeds as services_feeds
from services import views as services_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("api/openapi.json", openapi_json, name="openapi"),
    path("api/search/", search_views.search_api, name="search_api"),
    path("api/search/suggest/", search_views.suggest_api, name="search_suggest"),
    path("healthz", healthz, name="healthz"),
    path("api/coverage.csv", broadband_views.coverage_csv, name="coverage_csv"),
    path("api/coverage.json", broadband_views.coverage_json, name="coverage_json"),
    path("api/sessions.ics", services_feeds.sessions_ics, name="sessions_ics"),
    path("api/sessions.json", services_feeds.sessions_json, name="sessions_json"),
    path("api/libraries.geojson", services_feeds.libraries_geojson, name="libraries_geojson"),
    path("rapport/<int:page_id>/", broadband_views.submit_coverage_report, name="coverage_report_submit"),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # Uploaded files, on a developer's machine (`make run`); in production the proxy serves them.
    from core.views import serve_media

    media = settings.MEDIA_URL.strip("/")
    urlpatterns.append(
        re_path(rf"^{media}/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT})
    )

urlpatterns += i18n_patterns(
    path("sok/", search_views.search_page, name="search"),
    path("boka/<int:session_id>/<str:date>/", services_views.book, name="booking"),
    path("avboka/", services_views.cancel_by_code, name="booking_cancel_form"),
    path("avboka/<str:token>/", services_views.cancel, name="booking_cancel"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "home.errors.bad_request"
handler404 = "home.errors.page_not_found"
handler500 = "home.errors.server_error"
