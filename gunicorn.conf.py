"""gunicorn's settings wherever the site is served with it (`make stack`, the tests and benchmarks
that start it, production): gunicorn reads this file from the directory it is started in.

A long search URL (a pasted text, up to about 8 KB) reaches the site, which cuts the query to its
own bound and answers with its own page, instead of gunicorn's bare "414" from 4 KB on.

Each worker, once the site is loaded (`post_worker_init`), imports every view (the URL
configuration) and then freezes what it holds for the garbage collector (`gc.freeze`). Django,
Wagtail and the site are about 170,000 objects that live as long as the worker; a full collection
walked all of them (and what the first requests added), once every few hundred requests, for
50–100 ms during which all of the worker's threads waited (README, *What the API adds*).

Each worker tells the arbiter it is alive by touching a file, once per turn of its event loop (that
is, for every request and every kept-alive connection handed back). On a disk-backed filesystem that
write can wait for the journal; gunicorn's own advice is a directory in memory, so the file is in
/dev/shm wherever the machine has it.
"""

import gc
import os

limit_request_line = 8190
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None


def post_worker_init(worker):
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every view module now, not in a first request
    gc.collect()
    gc.freeze()
