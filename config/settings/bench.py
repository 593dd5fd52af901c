"""`make bench`: its own SQLite file and index prefix; Wagtail's own OpenSearch backend beside ours."""

import os

from .base import *  # noqa: F401,F403
from .base import BASE_DIR, OPENSEARCH_URL

DEBUG = False
DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / ".cache" / "bench.sqlite3"}
}
OPENSEARCH_INDEX_PREFIX = os.environ.get("OPENSEARCH_INDEX_PREFIX", "envagin-bench")
PAGE_CACHE_SECONDS = 0
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
    "opensearch": {
        "BACKEND": "wagtail.search.backends.opensearch3",
        "URLS": [OPENSEARCH_URL or "http://127.0.0.1:9200"],
        "INDEX_PREFIX": "envagin-bench-wagtail-",
        "AUTO_UPDATE": False,
    },
}
