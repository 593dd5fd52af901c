"""Production: everything secret comes from the environment; refuses to start without it."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import EMAIL_HOST, env_bool, env_list

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("insecure"):
    raise ImproperlyConfigured("SECRET_KEY must be set to a random value of at least 50 characters.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's host names.")

STORAGES = {
    "default": {"BACKEND": os.environ.get("MEDIA_STORAGE", "django.core.files.storage.FileSystemStorage")},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "https://" + ALLOWED_HOSTS[0])
PUBLIC_URL = os.environ.get("PUBLIC_URL", "https://" + ALLOWED_HOSTS[0]).rstrip("/")

# Mail is delivered through an SMTP relay (EMAIL_HOST…). A backend that delivers nothing (console,
# memory, file, dummy) would print residents' names and valid cancellation links to a log: refused
# unless ALLOW_UNDELIVERED_MAIL=1 says so on purpose.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
_UNDELIVERED = ("console", "locmem", "dummy", "filebased")
if any(f".{name}." in EMAIL_BACKEND for name in _UNDELIVERED) and not env_bool("ALLOW_UNDELIVERED_MAIL"):
    raise ImproperlyConfigured(
        f"EMAIL_BACKEND {EMAIL_BACKEND} delivers no mail; set EMAIL_HOST (and EMAIL_PORT, "
        "EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS) for the SMTP relay, or "
        "ALLOW_UNDELIVERED_MAIL=1 if that is really meant."
    )
if EMAIL_BACKEND.endswith("smtp.EmailBackend") and not EMAIL_HOST:
    raise ImproperlyConfigured("EMAIL_HOST must name the SMTP relay that delivers the site's mail.")

# `make stack` serves production on plain http://127.0.0.1 (no TLS proxy in front). This switch is
# for that local stack only: it is refused for any host name that is not the machine itself.
if env_bool("LOCAL_STACK_PLAIN_HTTP"):
    if set(ALLOWED_HOSTS) - {"127.0.0.1", "localhost"}:
        raise ImproperlyConfigured("LOCAL_STACK_PLAIN_HTTP is for a stack on 127.0.0.1 only.")
    SECURE_SSL_REDIRECT = False
    SECURE_HSTS_SECONDS = 0
    SESSION_COOKIE_SECURE = False
    CSRF_COOKIE_SECURE = False
    PUBLIC_URL = os.environ.get("PUBLIC_URL", f"http://{ALLOWED_HOSTS[0]}:8000").rstrip("/")
    WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", PUBLIC_URL)
