"""Settings shared by every environment.

Everything that differs between machines is read from the environment here, in one place, with
defaults that are safe for a local run (SQLite, no search node, debug off unless dev.py turns it on).
"""

import os
from email.utils import parseaddr
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


def env_float(name: str, default: float) -> float:
    return float(os.environ.get(name) or default)


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "insecure-local-only-key-do-not-use-in-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "home",
    "editorial",
    "demo",
    "broadband",
    "services",
    "search",
    "django_tasks",
    "django_tasks_db",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.MalformedRequestMiddleware",  # 400 for what Django cannot parse, DEBUG or not
    "core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.CacheControlMiddleware",  # before sessions/CSRF: it sees the cookies they set
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.middleware.ContentLanguageMiddleware",  # after: its header is set before LocaleMiddleware's default
    "django.middleware.common.CommonMiddleware",
    "core.middleware.SiteLookupMiddleware",  # Wagtail's site per host name without a query each time
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "editorial.admin_guard.AdminGuardMiddleware",  # object checks in front of third-party admin views
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Connections are kept DATABASE_CONN_MAX_AGE seconds and checked before a request (or a worker's
# task) reuses one, so a database that restarted is reconnected to instead of answering errors.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default must take a burst: every transaction asks for the write lock when it
    # begins (IMMEDIATE, so two bookings never deadlock upgrading a read lock), waits for it up to
    # SQLITE_TIMEOUT seconds instead of failing at once, and WAL lets pages be read meanwhile.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": env_float("SQLITE_TIMEOUT", 20),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
elif DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    # No wait without an end: a connection attempt gives up after DATABASE_CONNECT_TIMEOUT seconds
    # (the server is restarting: the scheduler and the workers try again next round), and TCP
    # keepalives notice a server that vanished under an open connection instead of waiting forever.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": env_int("DATABASE_CONNECT_TIMEOUT", 5),
            "keepalives": 1,
            "keepalives_idle": 30,
            "keepalives_interval": 10,
            "keepalives_count": 3,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Two caches: "default" holds small shared state that must not be evicted by page traffic (rate-limit
# counters, the page cache's generation tokens, the "engine down" flag); "pages" holds rendered pages.
# With REDIS_URL both live in Redis, shared by every app server, under their own key prefixes; when
# Redis does not answer, the site goes on uncached (core/cache_backends.py). Without it each process
# keeps its own memory caches (fine for one process: `make run`).
REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_TIMEOUT = env_float("REDIS_TIMEOUT", 0.25)
if REDIS_URL:
    _redis_options = {"socket_timeout": REDIS_TIMEOUT, "socket_connect_timeout": REDIS_TIMEOUT}
    CACHES = {
        "default": {
            "BACKEND": "core.cache_backends.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "envagin",
            "OPTIONS": _redis_options,
        },
        "pages": {
            "BACKEND": "core.cache_backends.ResilientRedisCache",
            "LOCATION": os.environ.get("PAGE_CACHE_REDIS_URL", REDIS_URL),
            "KEY_PREFIX": "envagin-pages",
            "OPTIONS": _redis_options,
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "envagin-default",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "envagin-pages",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
    }

# Anonymous page views are cached this many seconds (0 turns the page cache off) and sent with
# `Cache-Control: public, max-age=<this>` for shared caches. A publish outdates every cached page; a
# booking only the pages that show that session's seats (core/cache.py).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Swedish is the source language of content and admin; the others are translations.
# A region that wants other languages changes SITE_LANGUAGES ("code:Name,code:Name").
_LANGUAGE_NAMES = {"sv": "Svenska", "en": "English", "ar": "العربية"}
SITE_LANGUAGES = env_list("SITE_LANGUAGES", "sv,en,ar")
LANGUAGE_CODE = SITE_LANGUAGES[0]
LANGUAGES = [(code, _LANGUAGE_NAMES.get(code, code)) for code in SITE_LANGUAGES]
LANGUAGES_BIDI = ["ar", "fa", "he", "ur", "ckb"]
# Dates typed year first or day first, never month first (config/formats; README, *Forms*).
FORMAT_MODULE_PATH = ["config.formats"]
from config.formats import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS  # noqa: E402,F401 - any other language

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sv", "Svenska"), ("en", "English")]
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "En väg in")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
# Approving the regional workflow publishes without the approver holding publish_page (editorial/workflow.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.workflow.publish_approved"

# The search engine. OPENSEARCH_URL unset means "no engine": search answers from the database.
OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "")
OPENSEARCH_INDEX_PREFIX = os.environ.get("OPENSEARCH_INDEX_PREFIX", "envagin-dev")
OPENSEARCH_VERIFY_CERTS = env_bool("OPENSEARCH_VERIFY_CERTS", True)
# Seconds a resident's search waits for the engine before the database answers instead (a hung
# node: the answer within a second); suggestions (one per keystroke) wait less; index updates by the
# worker and `search_sync` may wait longer. A search takes milliseconds (README, "What a query
# costs"); a new index is warmed before it is used (search/indexing.py).
OPENSEARCH_TIMEOUT = env_float("OPENSEARCH_TIMEOUT", 0.8)
OPENSEARCH_SUGGEST_TIMEOUT = env_float("OPENSEARCH_SUGGEST_TIMEOUT", 0.5)
OPENSEARCH_INDEX_TIMEOUT = env_float("OPENSEARCH_INDEX_TIMEOUT", 10)
# After a connection error or timeout the engine is left alone this long (then one probe tries it).
SEARCH_BREAKER_SECONDS = env_float("SEARCH_BREAKER_SECONDS", 30)
# From this many documents in a language's index, a search asks for its hits and its count apart
# (search/opensearch_query.py `search_bodies`): on a large index the node then skips most matches.
SEARCH_SPLIT_FROM = env_int("SEARCH_SPLIT_FROM", 10_000)
# The index outbox: a change that fails while the engine answers is retried with back-off
# (30 s, 60 s, … up to an hour) and set aside after this many attempts (shown in /healthz and the
# admin). Applied rows are kept a day, so `search_rebuild` can replay what was applied while it ran.
SEARCH_OUTBOX_MAX_ATTEMPTS = env_int("SEARCH_OUTBOX_MAX_ATTEMPTS", 8)
SEARCH_OUTBOX_BACKOFF_SECONDS = env_float("SEARCH_OUTBOX_BACKOFF_SECONDS", 30)
SEARCH_OUTBOX_BACKOFF_MAX_SECONDS = env_float("SEARCH_OUTBOX_BACKOFF_MAX_SECONDS", 3600)
SEARCH_OUTBOX_KEEP_DONE_HOURS = env_float("SEARCH_OUTBOX_KEEP_DONE_HOURS", 24)
OPENSEARCH_REPLICAS = env_int("OPENSEARCH_REPLICAS", 0)
SEARCH_LOG_RETENTION_DAYS = env_int("SEARCH_LOG_RETENTION_DAYS", 365)
# The search log is written in batches by one thread per process, every this many seconds (0: at once).
SEARCH_LOG_FLUSH_SECONDS = env_float("SEARCH_LOG_FLUSH_SECONDS", 2)
OPENSEARCH_POOL_SIZE = env_int("OPENSEARCH_POOL_SIZE", 10)

# Background work (django-tasks): mail, scheduled jobs and Wagtail's own tasks are rows in the
# database, run by `manage.py db_worker`; `manage.py run_scheduler` enqueues the scheduled jobs.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# Scheduled jobs (each app's jobs.py) this machine must not run, comma-separated.
SCHEDULED_JOBS_DISABLED = env_list("SCHEDULED_JOBS_DISABLED")

# Mail. With EMAIL_HOST set, Django's SMTP backend talks to that relay; without it (locally) mail
# is printed to the console. Production refuses a backend that delivers nothing (production.py).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)  # STARTTLS, usually port 587
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)  # implicit TLS, usually port 465
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set EMAIL_USE_TLS or EMAIL_USE_SSL, not both.")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587" if EMAIL_USE_TLS else "465" if EMAIL_USE_SSL else "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# "Name <address>, address": who gets Django's error mails.
ADMINS = [parseaddr(item) for item in env_list("ADMINS")]
# The public site's address, for links in mail (cancellation links): never the admin's address.
PUBLIC_URL = os.environ.get("PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
# Delivery of queued mail (core/mail.py): back-off from 30 s doubling to an hour, giving up after
# 48 attempts (about two days); a worker's claim on a message lapses after MAIL_CLAIM_SECONDS.
MAIL_RETRY_BASE_SECONDS = env_float("MAIL_RETRY_BASE_SECONDS", 30)
MAIL_RETRY_MAX_SECONDS = env_float("MAIL_RETRY_MAX_SECONDS", 3600)
MAIL_MAX_ATTEMPTS = env_int("MAIL_MAX_ATTEMPTS", 48)
MAIL_CLAIM_SECONDS = env_float("MAIL_CLAIM_SECONDS", 300)
MAIL_RETENTION_DAYS = env_int("MAIL_RETENTION_DAYS", 30)
MAIL_SWEEP_SECONDS = env_float("MAIL_SWEEP_SECONDS", 60)  # the deliver_mail job

# Sessions are for editors only. Public pages never touch the session, so visitors get no cookie.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A refused form gets the site's own page, in the reader's language, with a way on (home/errors.py).
CSRF_FAILURE_VIEW = "home.errors.csrf_failure"

# How many reverse proxies in front of the app append to X-Forwarded-For (0: use REMOTE_ADDR).
# Rate limits key on the client address this gives; it is hashed and never stored.
TRUSTED_PROXY_HOPS = env_int("TRUSTED_PROXY_HOPS", 0)
BOOKING_RETENTION_DAYS = env_int("BOOKING_RETENTION_DAYS", 30)
BOOKING_RATE_LIMIT = env_int("BOOKING_RATE_LIMIT", 10)  # bookings per address per 10 minutes
# Reports of poor mobile coverage: the resident's own words (place, coordinates, description, contact)
# are erased this many days after a report came in; what remains (municipality, operator, problem,
# date) keeps the counts. An unanswered report counts as late in the freshness overview after
# COVERAGE_REPORT_ANSWER_DAYS.
COVERAGE_REPORT_RETENTION_DAYS = env_int("COVERAGE_REPORT_RETENTION_DAYS", 365)
COVERAGE_REPORT_ANSWER_DAYS = env_int("COVERAGE_REPORT_ANSWER_DAYS", 14)
# Dates the public may ask for (listing, feeds, booking): from yesterday to this many days ahead.
BOOKING_HORIZON_DAYS = env_int("BOOKING_HORIZON_DAYS", 365)
# Fair booking: active bookings one contact (e-mail or phone) may hold on one date, and in one
# series within BOOKING_LIMIT_PERIOD_DAYS.
BOOKING_LIMIT_PER_DATE = env_int("BOOKING_LIMIT_PER_DATE", 2)
BOOKING_LIMIT_PER_SERIES = env_int("BOOKING_LIMIT_PER_SERIES", 4)
BOOKING_LIMIT_PERIOD_DAYS = env_int("BOOKING_LIMIT_PERIOD_DAYS", 30)

# The content-security policy for public pages: nothing from other hosts, no inline script.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; object-src 'none'"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"without_traceback": {"()": "core.logs.WithoutTraceback"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "console_line": {"class": "logging.StreamHandler", "filters": ["without_traceback"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        # A Host header the site does not serve: one line each, not Django's traceback.
        "django.security.DisallowedHost": {"handlers": ["console_line"], "propagate": False},
    },
}
