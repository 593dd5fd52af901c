"""The broken-link check: find external links in published content, try each one, record the answer.

Pages are read field by field (text, URL and StreamField fields of every `BasePage` type). Data
beside the pages names its link fields itself: a model with `external_link_fields = ("website",)`
is checked too, so a new app's links are found without changing this module.

Links are tried with a short timeout and a limit on how many at once, HEAD first (GET when a server
refuses HEAD). Results are kept per URL with the pages that use it, so editors see their own broken
links on the dashboard.
"""

import re
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from django.apps import apps
from django.db import models
from django.utils import timezone
from wagtail.blocks import StreamValue

from home.models import BasePage, LinkCheck

URL = re.compile(r"https?://[^\s\"'<>]+")
USER_AGENT = "EnVagIn-lankkontroll/1.0"


def _urls_in(value) -> set[str]:
    if value is None:
        return set()
    if isinstance(value, StreamValue):
        value = value.raw_data
    if isinstance(value, dict | list | tuple):
        found = set()
        items = value.values() if isinstance(value, dict) else value
        for item in items:
            found |= _urls_in(item)
        return found
    if hasattr(value, "raw_data"):
        return _urls_in(value.raw_data)
    return set(URL.findall(str(value)))


def collect_links() -> dict[str, set[int]]:
    """External URL → ids of the live pages that link to it (snippet links have no page)."""
    links: dict[str, set[int]] = {}
    for model in apps.get_models():
        if not issubclass(model, BasePage) or model._meta.abstract:
            continue
        text_fields = [
            f.name
            for f in model._meta.get_fields()
            if f.concrete
            and f.model is model
            and (isinstance(f, models.TextField | models.URLField) or type(f).__name__ == "StreamField")
        ]
        for page in model.objects.live():
            for name in text_fields:
                for url in _urls_in(getattr(page, name, None)):
                    links.setdefault(url.rstrip(".,)"), set()).add(page.pk)
    for model in apps.get_models():
        for name in getattr(model, "external_link_fields", ()):
            for url in model.objects.values_list(name, flat=True):
                if url:
                    links.setdefault(url, set())
    return links


def check_url(url: str, timeout: float) -> tuple[int, str]:
    """(HTTP status, error text); status 0 when no answer came."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, ""
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return error.code, error.reason if isinstance(error.reason, str) else ""
        except (urllib.error.URLError, OSError, ValueError) as error:
            return 0, str(getattr(error, "reason", error))[:300]
    return 0, "inget svar"


def check_links(
    only_prefix: str = "", timeout: float = 5.0, workers: int = 8, log=lambda message: None
) -> dict:
    links = {url: pages for url, pages in collect_links().items() if url.startswith(only_prefix)}
    now = timezone.now()
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        results = dict(zip(links, pool.map(lambda url: check_url(url, timeout), links), strict=True))
    broken = 0
    for url, (status, error) in results.items():
        ok = 200 <= status < 400
        broken += not ok
        LinkCheck.objects.update_or_create(
            url=url[:1000],
            defaults={
                "status": status,
                "ok": ok,
                "error": error,
                "checked_at": now,
                "page_ids": sorted(links[url]),
            },
        )
        if not ok:
            log(f"  {status or 'inget svar'} {url} {error}")
    return {"checked": len(results), "broken": broken}
