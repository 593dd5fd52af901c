"""Requests Django builds before any middleware (`core.handlers`), sent through the site's own WSGI
application (`config.wsgi.application`, what gunicorn and runserver serve): a Content-Type header
that Django could not read was a bare 500 on any URL; a CSRF cookie of the wrong shape made every
page set a cookie. The test client builds Django's own request, so these go through the application."""

import io
import logging
import sys
from urllib.parse import urlencode
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.exceptions import DisallowedHost
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from config.wsgi import application
from core.handlers import readable_charset
from services.models import Booking
from tests.factories import bookable_session

# Content-Types a client may send: parameters in an encoding Python does not know (RFC 2231),
# charsets that are no text encoding, or that do not read ASCII as ASCII.
ODD_CONTENT_TYPES = [
    "text/plain; charset=rot13",
    "text/plain; charset=base64",
    "text/plain; charset=zlib",
    "text/plain; charset=uu",
    "text/plain; charset=punycode",
    "text/plain; charset=utf-16",
    "text/plain; charset=" + "x" * 5000,
    "text/plain; a*=bogus''x",
    "text/plain; a*=rot13''x",
    "application/x-www-form-urlencoded; charset=hex_codec",
    "multipart/form-data; boundary=XX; charset=rot13",
    "multipart/form-data; boundary*=bogus''XX",
]
CSRF = "abcdefghijklmnopqrstuvwxyzABCDEF"  # of the shape Django sets (32 letters)


def call(path, method="GET", content_type=None, body=b"", cookie=None, length=None):
    """(status code, headers, body) of the WSGI application for one request."""
    environ = {}
    setup_testing_defaults(environ)
    path, _, query = path.partition("?")
    environ.update(
        REQUEST_METHOD=method,
        PATH_INFO=path,
        QUERY_STRING=query,
        HTTP_HOST="testserver",
        SERVER_NAME="testserver",
        CONTENT_LENGTH=str(len(body)) if length is None else length,
    )
    environ["wsgi.input"] = io.BytesIO(body)
    if content_type is not None:
        environ["CONTENT_TYPE"] = content_type
    if cookie is not None:
        environ["HTTP_COOKIE"] = cookie
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = int(status.split()[0]), headers

    # As Django's test client does: the test's transaction keeps its connection through the request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        response = application(environ, start_response)
        content = b"".join(response)
        response.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answer["status"], answer["headers"], content


def cookies_set(headers) -> list[str]:
    return [value.strip() for name, value in headers if name.lower() == "set-cookie"]


@pytest.mark.django_db
@pytest.mark.parametrize("content_type", ODD_CONTENT_TYPES)
def test_no_content_type_makes_a_server_error_on_any_url_or_method(demo, content_type):
    form = b'--XX\r\nContent-Disposition: form-data; name="q"\r\n\r\nfiber\r\n--XX--\r\n'
    for path in ("/?q=%FF", "/sok/?q=fiber", "/api/search/?q=fiber", "/healthz?x=1", "/finns-inte/"):
        for method, body in (("GET", b""), ("HEAD", b""), ("POST", form)):
            status, _headers, _content = call(path, method, content_type, body, cookie=f"csrftoken={CSRF}")
            assert status < 500, (path, method, content_type, status)
    status, _headers, _content = call("/sok/?q=fiber", "GET", content_type)
    assert status == 200


@pytest.mark.django_db
@pytest.mark.parametrize("charset", ["us-ascii", "ascii", "cp1252", "shift_jis", "latin-1", "utf-8"])
def test_the_query_string_is_utf8_whatever_charset_the_body_names(demo, charset):
    """Read in the body's charset, a byte it has no letter for became U+FFFD, which the language
    switcher and the pages' links could not write back in that charset."""
    content_type = f"text/plain; charset={charset}"
    for path in ("/?x=%C3%A4", "/kommuner/?x=%81", "/digital-hjalp/?amne=%C3%A4", "/sok/?q=%FF%FF"):
        for method in ("GET", "HEAD"):
            status, _headers, _content = call(path, method, content_type)
            assert status == 200, (path, method, status)
    status, _headers, content = call("/sok/?q=caf%C3%A9", "GET", content_type)
    assert status == 200 and "café".encode() in content
    # Too many fields: the plain 400 of the middleware, not an error inside the request's constructor.
    many = "&".join(f"f{number}=1" for number in range(1200))
    status, _headers, content = call(f"/?{many}", "GET", content_type)
    assert status == 400 and b"UTF-8" in content


@pytest.mark.django_db
def test_a_form_in_utf8_by_another_name_is_read_one_in_another_charset_is_refused_plainly(demo):
    session, day = bookable_session(capacity=10)
    path = f"/boka/{session.pk}/{day.isoformat()}/"
    cookie = f"csrftoken={CSRF}"
    for number, charset in enumerate(("utf8", "UTF8", "utf_8", "U8")):
        name, email = f"Åsa {number}", f"asa{number}@example.se"
        form = urlencode({"name": name, "email": email, "csrfmiddlewaretoken": CSRF})
        content_type = f"application/x-www-form-urlencoded; charset={charset}"
        status, _headers, _content = call(path, "POST", content_type, form.encode(), cookie)
        assert status in (200, 302), charset
        assert Booking.objects.filter(name=name).exists(), charset
    for charset in ("latin-1", "us-ascii", "ISO-8859-1"):
        content_type = f"application/x-www-form-urlencoded; charset={charset}"
        status, _headers, content = call(path, "POST", content_type, b"name=x", cookie)
        assert status == 400 and "UTF-8" in content.decode(), charset


def test_a_charset_is_read_only_as_a_text_encoding_that_keeps_ascii():
    assert readable_charset("utf8") == readable_charset("UTF-8") == "utf-8"
    assert readable_charset("latin-1") == "iso8859-1"
    for name in ("rot13", "base64", "utf-16", "utf-32", "punycode", "utf-7", "idna", "nonsense", "x" * 100):
        assert readable_charset(name) is None, name


@pytest.mark.django_db
def test_a_csrf_cookie_of_another_shape_makes_no_page_set_a_cookie(demo):
    for cookie in ("csrftoken=short", "csrftoken=" + "ä" * 32, "csrftoken=" + "a" * 33, "csrftoken="):
        for path in ("/", "/sok/?q=fiber", "/api/search/?q=fiber", "/api/sessions.json", "/finns-inte/"):
            status, headers, _content = call(path, cookie=cookie)
            assert status in (200, 404) and not cookies_set(headers), (path, cookie)
    # The booking form still gets its one cookie (a fresh one, for a visitor who had a broken one).
    session, day = bookable_session()
    status, headers, _content = call(f"/boka/{session.pk}/{day.isoformat()}/", cookie="csrftoken=short")
    assert status == 200 and any(c.startswith("csrftoken=") for c in cookies_set(headers))


def test_a_host_name_the_site_does_not_serve_is_logged_in_one_line():
    logger = logging.getLogger("django.security.DisallowedHost")
    try:
        raise DisallowedHost("Invalid HTTP_HOST header: 'robot.example'.")
    except DisallowedHost as error:
        record = logger.makeRecord(logger.name, logging.ERROR, __file__, 1, str(error), (), sys.exc_info())
    assert logger.handlers and not logger.propagate
    for handler in logger.handlers:
        assert handler.filter(record)
        line = handler.format(record)
        assert "robot.example" in line and "Traceback" not in line and "\n" not in line


@pytest.mark.django_db
@pytest.mark.parametrize("length", ["²", "³", "١", "abc", "-1", "1e3", " 3"])
def test_a_content_length_that_is_no_number_is_a_plain_400(demo, length):
    form = "application/x-www-form-urlencoded"
    for path in ("/", "/sok/", "/api/search/", "/avboka/"):
        status, _headers, _content = call(path, "POST", form, b"a=b", length=length)
        assert status == 400, (path, length, status)


def test_an_uploaded_files_name_the_file_system_refuses_is_not_found(rf, tmp_path):
    from django.http import Http404

    from core.views import serve_media

    (tmp_path / "bild.txt").write_text("x")
    assert serve_media(rf.get("/media/bild.txt"), "bild.txt", document_root=tmp_path).status_code == 200
    for name in ("a" * 300, "images/" + "å" * 200, "x\0y"):
        with pytest.raises(Http404):
            serve_media(rf.get("/media/x"), name, document_root=tmp_path)
