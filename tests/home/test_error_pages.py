"""The site's own 404, 500 and CSRF-failure pages, in the language of the URL, with a way on."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, RequestFactory

from home.errors import server_error

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def html_lang(text: str) -> str:
    return re.search(r'<html lang="(\w+)" dir="(\w+)">', text).group(1, 2)


@pytest.mark.parametrize(
    "prefix,language,direction,heading",
    [
        ("", "sv", "ltr", "Sidan finns inte"),
        ("/en", "en", "ltr", "Page not found"),
        ("/ar", "ar", "rtl", "الصفحة غير موجودة"),
    ],
)
def test_404_is_in_the_language_of_the_url_with_search_and_top_tasks(
    client, demo, settings, prefix, language, direction, heading
):
    settings.DEBUG = False
    response = client.get(f"{prefix}/bredband/finns-inte-alls/")
    assert response.status_code == 404
    text = response.content.decode()
    assert html_lang(text) == (language, direction)
    assert f"<h1>{heading}</h1>" in text
    assert f'action="{prefix}/sok/"' in text and 'type="search"' in text
    tasks = re.search(r'<section aria-labelledby="top-tasks">.*?</section>', text, re.S).group(0)
    assert f'href="{prefix}/bredband/"' in tasks and f'href="{prefix}/digital-hjalp/"' in tasks
    assert not response.cookies


@pytest.mark.django_db
def test_the_language_switch_of_a_404_leads_to_another_language(client, demo):
    """An address no language has (a double slash) switches to that language's start page, never
    to the same 404 under another name."""
    for address in ("/ar/e-tjanster//", "/kommuner//vasteras/"):
        text = client.get(address).content.decode()
        switch = dict(re.findall(r'<a href="([^"]+)" lang="(\w+)" hreflang', text))
        switch = {language: url for url, language in switch.items()}
        assert set(switch) == {"sv", "en", "ar"}, switch
        for language, url in switch.items():
            here = address.startswith(f"/{language}/") or (
                language == "sv" and not address.startswith(("/en/", "/ar/"))
            )
            assert here or url != address, (address, language, url)


@pytest.mark.parametrize(
    ("prefix", "language", "heading"), [("", "sv", "Adressen kunde inte läsas"), ("/ar", "ar", None)]
)
def test_a_request_that_cannot_be_read_gets_the_sites_own_400_page(
    client, demo, settings, prefix, language, heading
):
    settings.DEBUG = False
    response = client.get(f"{prefix}/kommuner/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    text = response.content.decode()
    assert html_lang(text)[0] == language and 'type="search"' in text
    assert heading is None or f"<h1>{heading}</h1>" in text
    assert "urlpatterns" not in text.lower() and "Traceback" not in text


def settings_printed(module: str, names: str, **env) -> list[str]:
    """`names` (settings.X or r.urlconf_module.Y, comma-separated) as a fresh process with the
    settings `module` and `env` prints them, split on white space."""
    environment = {k: v for k, v in os.environ.items() if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "DEBUG")}
    environment.update(DJANGO_SETTINGS_MODULE=module, **env)
    script = (
        "from django.conf import settings; from django.urls import get_resolver; r = get_resolver(); "
        f"print({names})"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_make_run_serves_the_sites_error_pages_not_djangos_debug_pages():
    printed = settings_printed(
        "config.settings.dev", "settings.DEBUG, r.urlconf_module.handler400, r.urlconf_module.handler404"
    )
    assert printed[-3:] == ["False", "home.errors.bad_request", "home.errors.page_not_found"]


def test_500_is_in_the_language_of_the_url_and_needs_no_layout(demo):
    response = server_error(RequestFactory().get("/ar/kommuner/sala/"))
    assert response.status_code == 500
    text = response.content.decode()
    assert html_lang(text) == ("ar", "rtl")
    assert "<h1>حدث خطأ</h1>" in text
    assert 'action="/ar/sok/"' in text and 'href="/ar/bredband/"' in text


def test_refused_form_gets_the_sites_own_page_in_the_readers_language(demo, settings):
    """A form that does not answer a CSRF refusal itself (the booking form does: see
    test_a_refused_booking_form_keeps_what_was_typed) gets the site's page in the reader's language,
    with a way back to the form."""
    from home.errors import csrf_failure

    settings.DEBUG = False
    response = csrf_failure(RequestFactory().post("/ar/avboka/", {"kod": "Test"}))
    assert response.status_code == 403
    text = response.content.decode()
    assert html_lang(text) == ("ar", "rtl")
    assert "<h1>تعذّر إرسال النموذج</h1>" in text
    assert 'action="/ar/sok/"' in text
    # A way back to the form itself, not only search and top tasks.
    assert 'href="/ar/avboka/">افتح النموذج مرة أخرى</a>' in text


def test_a_refused_booking_form_keeps_what_was_typed(demo, settings, django_capture_on_commit_callbacks):
    """Sent without a valid token (a page left open, cookies stopped): nothing is booked, the form
    comes back in the reader's language with everything typed and a fresh token, and sent again it
    books."""
    from services.models import Booking
    from tests.services.test_booking import bookable_session

    settings.DEBUG = False
    session, day = bookable_session(capacity=3)
    url = f"/ar/boka/{session.pk}/{day.isoformat()}/"
    typed = {
        "name": "مريم العلي",
        "email": "maryam@example.se",
        "phone": "",
        "needs": "أريد مساعدة في BankID",
    }
    client = Client(enforce_csrf_checks=True)
    response = client.post(url, typed)
    assert response.status_code == 403
    text = response.content.decode()
    assert html_lang(text) == ("ar", "rtl")
    assert 'value="مريم العلي"' in text and 'value="maryam@example.se"' in text
    assert "أريد مساعدة في BankID</textarea>" in text
    assert 'role="alert"' in text and "لم يُحجز شيء" in text
    assert not Booking.objects.exists()
    token = response.cookies["csrftoken"].value  # a fresh one
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url, {**typed, "csrfmiddlewaretoken": token})
    assert again.status_code == 200
    assert Booking.objects.get().name == "مريم العلي"


def test_production_settings_use_the_sites_error_pages():
    printed = settings_printed(
        "config.settings.production",
        "settings.DEBUG, settings.CSRF_FAILURE_VIEW, "
        "r.urlconf_module.handler404, r.urlconf_module.handler500",
        SECRET_KEY="k" * 20 + "-production-check-" + "Zq8#vW2!pL5@xR9$" * 3,
        EMAIL_HOST="127.0.0.1",  # production insists on a relay; nothing is mailed here
        ALLOWED_HOSTS="envagin.example.se",
    )
    assert printed[-4:] == [
        "False",
        "home.errors.csrf_failure",
        "home.errors.page_not_found",
        "home.errors.server_error",
    ]
