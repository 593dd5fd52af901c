"""gunicorn's settings wherever the site is served with it (`make stack`, the tests and benchmarks
that start it, production): gunicorn reads this file from the directory it is started in.

A long search URL (a pasted text, up to about 8 KB) reaches the site, which cuts the query to its
own bound and answers with its own page, instead of gunicorn's bare "414" from 4 KB on.

Each worker, once the site is loaded (`post_worker_init`), imports every view (the URL
configuration) and then freezes what it holds for the garbage collector (`gc.freeze`). Django,
Wagtail and the site are about 170,000 objects that live as long as the worker; a full collection
walked all of them (and what the first requests added), once every few hundred requests, for
50–100 ms during which all of the worker's threads waited (README, *What the API adds*).
"""

import gc

limit_request_line = 8190


def post_worker_init(worker):
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every view module now, not in a first request
    gc.collect()
    gc.freeze()
