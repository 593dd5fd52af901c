"""The broken-link check, against a local HTTP server only (never the demo's real links)."""

import http.server
import threading

import pytest
from django.core.management import call_command

from home.models import LinkCheck, MunicipalityPage, StandardPage

pytestmark = pytest.mark.django_db


class Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):
        if self.path == "/no-head":
            self.send_response(405)
        else:
            self.send_response(200 if self.path in ("/ok", "/get-only") else 404)
        self.end_headers()

    def do_GET(self):
        self.send_response(200 if self.path in ("/ok", "/no-head") else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def local_site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_check_links_records_broken_links_and_editors_see_their_own(local_site, demo, admin_client):
    sala = MunicipalityPage.objects.get(code="1981", locale__language_code="sv")
    page = sala.add_child(
        instance=StandardPage(
            title="Länksida",
            slug="lanksida",
            body=[
                (
                    "text",
                    f'<p><a href="{local_site}/ok">bra</a> <a href="{local_site}/borta">trasig</a> '
                    f'<a href="{local_site}/no-head">utan HEAD</a></p>',
                )
            ],
        )
    )
    call_command("check_links", only_prefix=local_site, timeout=3, workers=2)
    checks = {c.url.removeprefix(local_site): c for c in LinkCheck.objects.filter(url__startswith=local_site)}
    assert set(checks) == {"/ok", "/borta", "/no-head"}
    assert checks["/ok"].ok and checks["/no-head"].ok
    assert not checks["/borta"].ok and checks["/borta"].status == 404
    assert checks["/borta"].page_ids == [page.pk]
    assert not LinkCheck.objects.exclude(url__startswith=local_site).exists()  # nothing outside was tried
    dashboard = admin_client.get("/admin/").content.decode()
    assert "Trasiga länkar på dina sidor" in dashboard and f"{local_site}/borta" in dashboard


def test_a_dead_host_is_recorded_without_waiting_long(demo):
    from editorial.links import check_url

    status, error = check_url("http://127.0.0.1:9/", timeout=1)
    assert status == 0 and error
