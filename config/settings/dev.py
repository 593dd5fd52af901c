"""`make run` and `manage.py` on a developer's machine: the base settings, served as residents see
the site – the site's own error pages in the reader's language, never Django's debug pages (which
are in English and show the URL patterns and file paths). `DEBUG=1 make run` turns them on.

Static files come from the apps' and the project's folders as they are (no collectstatic), and
uploaded images and documents are served by Django (`SERVE_MEDIA`), as the proxy does in production.
"""

from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = env_bool("DEBUG", False)
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
