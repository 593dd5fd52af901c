"""gunicorn's settings wherever the site is served with it (`make stack`, the tests and benchmarks
that start it, production): gunicorn reads this file from the directory it is started in.

A long search URL (a pasted text, up to about 8 KB) reaches the site, which cuts the query to its
own bound and answers with its own page, instead of gunicorn's bare "414" from 4 KB on.
"""

limit_request_line = 8190
