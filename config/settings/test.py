import os

from .base import *  # noqa: F401,F403
from .base import BASE_DIR

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once in the test process (mail lands in mail.outbox); the fault tests switch to the
# database queue and a real worker themselves.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / ".cache" / "test-media"
OPENSEARCH_INDEX_PREFIX = os.environ.get("OPENSEARCH_INDEX_PREFIX", "envagin-test")
# Static files are served by WhiteNoise from the app folders in tests, as in development.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Search tests switch the engine on themselves (tests/search/conftest.py); everything else runs
# as `make run` does, with the database fallback.
TEST_OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "")
OPENSEARCH_URL = ""
# Patient timeouts: on a loaded test machine one pause of the node would turn an engine test into
# a test of the fallback. Tests of timeouts and of a frozen node set the site's own.
OPENSEARCH_TIMEOUT, OPENSEARCH_SUGGEST_TIMEOUT, OPENSEARCH_INDEX_TIMEOUT = 30, 10, 60
PAGE_CACHE_SECONDS = 0
# Each logged search is written at once, in the test's own transaction (tests/search/test_api_path.py
# runs the batched writer as production does).
SEARCH_LOG_FLUSH_SECONDS = 0
