"""The page cache follows publishing and the data apps show on their pages.

Any publish, unpublish, move or deletion of a page outdates every cached page. Apps say which of
their other models appear on public pages in their `ready()`:

- `follow_models(models)`: saving or deleting one outdates every cached page (snippets, statistics,
  operators appear on many pages);
- `follow_models(models, tags=function)`: only the pages that depend on the tags `function(instance)`
  returns (see `core.cache.depends_on`), e.g. a booking outdates the pages showing that series' seats;
- `follow_models(models, tags=())`: no public page shows them (reports, link checks): nothing.

A later call for the same model replaces the earlier one, so an app can follow all its models and
then narrow some. Wagtail's sites, locales and view restrictions outdate every cached page too.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.cache import invalidate, invalidate_site

# model → None (the whole site) or a function instance → tags (a constant () means nothing)
FOLLOWED: dict[type, object] = {}


def follow_models(models, tags=None) -> None:
    for model in models:
        if not issubclass(model, Page):
            FOLLOWED[model] = tags


def _changed(sender, instance, **kwargs):
    if sender not in FOLLOWED:
        return
    tags = FOLLOWED[sender]
    if tags is None:
        invalidate_site()
    elif callable(tags):
        found = tuple(tags(instance))
        if found:
            invalidate(*found)
    elif tags:
        invalidate(*tags)


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate_site, dispatch_uid=f"envagin-cache-{id(signal)}")
    post_delete.connect(invalidate_site, sender=Page, dispatch_uid="envagin-cache-page-delete")
    # Which site answers a host name, the languages content is in, which pages are public.
    for model in (Site, Locale, PageViewRestriction):
        for signal in (post_save, post_delete):
            uid = f"envagin-cache-{model.__name__}-{id(signal)}"
            signal.connect(invalidate_site, sender=model, dispatch_uid=uid)
    post_save.connect(_changed, dispatch_uid="envagin-cache-own-save")
    post_delete.connect(_changed, dispatch_uid="envagin-cache-own-delete")
