"""The index follows the content: every change writes its outbox rows in the change's own transaction.

Pages are followed through their saves rather than through `page_published`/`post_page_move` alone,
because Wagtail sends those after its transaction (a move's `post_page_move` comes after the
atomic block): `Page.save` is atomic and sends `post_save` inside it, and a move saves the page
inside the move's atomic block, so rows written there commit or roll back with the change.
`page_published` is still followed (it is cheap: rows for one object are applied once).

- a live page saved (publish, or a programmatic save of a live page): that page;
- a page going live or going offline, or its URL changing (a move, a new slug): the page and its
  live subtree, as pages below an unpublished page are not public and URLs below a moved one change;
- a page deleted: that page (a deleted subtree sends one deletion per page);
- a view restriction saved or deleted: the restricted page and its live subtree;
- a registered snippet saved or deleted: that snippet;
- a registered part of a page saved or deleted (`register_page_part`: a session's cancelled date):
  that page.

A translation appearing or going also updates its Swedish source, which is shown in its place.
Nothing is written when no engine is configured.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published

from home.models import MunicipalityPage, OrganisationSettings
from search.indexes import engine_configured
from search.indexing import enqueue, page_key, snippet_key
from search.models import IndexOutbox, Synonym
from search.registry import PAGE_PARTS, SNIPPETS
from search.service import PLACES_CACHE_KEY, PROMOTED_QUERIES_KEY, SYNONYM_CACHE_KEY


def _source_keys(page) -> list[str]:
    """The Swedish source of a translation: it is shown in the other languages until translated."""
    try:
        if page.locale.language_code == settings.LANGUAGE_CODE:
            return []
    except Exception:  # the locale may already be gone in a cascade; the next rebuild settles it
        return []
    source = (
        Page.objects.filter(
            translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
        )
        .values_list("pk", flat=True)
        .first()
    )
    return [page_key(source)] if source else []


def _subtree_keys(page) -> list[str]:
    below = Page.objects.descendant_of(page).live().values_list("pk", flat=True)
    return [page_key(page)] + [page_key(pk) for pk in below]


def _page_before_save(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, Page) or not engine_configured():
        return
    instance._search_before = (
        Page.objects.filter(pk=instance.pk).values_list("live", "url_path").first() if instance.pk else None
    )


def _page_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    if raw or not isinstance(instance, Page) or not engine_configured() or instance.depth is None:
        return
    before = getattr(instance, "_search_before", None)
    instance._search_before = None
    if before is not None and (before[0] != instance.live or before[1] != instance.url_path):
        enqueue(_subtree_keys(instance) + _source_keys(instance))
    elif instance.live and (created or update_fields is None):
        enqueue([page_key(instance)] + _source_keys(instance))


def _page_published(sender, instance, **kwargs):
    enqueue([page_key(instance)] + _source_keys(instance))


def _page_deleted(sender, instance, **kwargs):
    enqueue([page_key(instance)] + _source_keys(instance), IndexOutbox.Action.DELETE)


def _restriction_changed(sender, instance, raw=False, **kwargs):
    if raw or not engine_configured():
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        enqueue(_subtree_keys(page))


def _snippet_saved(sender, instance, raw=False, **kwargs):
    if not raw and type(instance) in SNIPPETS:
        enqueue([snippet_key(instance)])


def _snippet_deleted(sender, instance, **kwargs):
    if type(instance) in SNIPPETS:
        enqueue([snippet_key(instance)], IndexOutbox.Action.DELETE)


pre_save.connect(_page_before_save, dispatch_uid="search-page-before-save")
post_save.connect(_page_saved, dispatch_uid="search-page-saved")
page_published.connect(_page_published, dispatch_uid="search-page-published")
post_delete.connect(_page_deleted, sender=Page, dispatch_uid="search-page-deleted")
post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="search-restriction-saved")
post_delete.connect(
    _restriction_changed, sender=PageViewRestriction, dispatch_uid="search-restriction-deleted"
)
post_save.connect(_snippet_saved, dispatch_uid="search-snippet-saved")
post_delete.connect(_snippet_deleted, dispatch_uid="search-snippet-deleted")


def _page_part_changed(sender, instance, raw=False, **kwargs):
    """A registered part of a page saved or deleted (a session's cancelled date): that page."""
    page_of = PAGE_PARTS.get(type(instance))
    if raw or page_of is None or not engine_configured():
        return
    enqueue([page_key(page) for page in page_of(instance)])


post_save.connect(_page_part_changed, dispatch_uid="search-page-part-saved")
post_delete.connect(_page_part_changed, dispatch_uid="search-page-part-deleted")


def _synonyms_changed(sender, instance, **kwargs):
    cache.delete_many([SYNONYM_CACHE_KEY.format(language=code) for code, _name in settings.LANGUAGES])


post_save.connect(_synonyms_changed, sender=Synonym, dispatch_uid="search-synonyms-saved")
post_delete.connect(_synonyms_changed, sender=Synonym, dispatch_uid="search-synonyms-deleted")


def _promotions_changed(sender, **kwargs):
    cache.delete(PROMOTED_QUERIES_KEY)


post_save.connect(_promotions_changed, sender=SearchPromotion, dispatch_uid="search-promotion-saved")
post_delete.connect(_promotions_changed, sender=SearchPromotion, dispatch_uid="search-promotion-deleted")


def _places_changed(sender, instance, **kwargs):
    """A municipality's name or localities changed (published, or the page deleted), or the
    county's name (the organisation settings): the place words a query is read with are read again
    at the next search, not after the cache expires."""
    cache.delete(PLACES_CACHE_KEY)


post_save.connect(_places_changed, sender=MunicipalityPage, dispatch_uid="search-places-saved")
post_delete.connect(_places_changed, sender=MunicipalityPage, dispatch_uid="search-places-deleted")
# The county's name is a place too (the whole region's).
post_save.connect(_places_changed, sender=OrganisationSettings, dispatch_uid="search-county-saved")
post_delete.connect(_places_changed, sender=OrganisationSettings, dispatch_uid="search-county-deleted")
