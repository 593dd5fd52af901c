"""The index follows publishing: publish, unpublish, move, delete and snippet saves."""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.indexing import on_commit_update, snippet_key
from search.models import IndexOutbox, Synonym
from search.registry import SNIPPETS
from search.service import PROMOTED_QUERIES_KEY, SYNONYM_CACHE_KEY


def _page_changed(sender, instance, **kwargs):
    on_commit_update(f"page:{instance.pk}")
    _source_changed(instance)


def _source_changed(page):
    """A translation appearing or going changes where its Swedish source is shown in place of it."""
    if page.locale.language_code != settings.LANGUAGE_CODE:
        source = Page.objects.filter(
            translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        if source is not None:
            on_commit_update(f"page:{source.pk}")


def _page_moved(sender, instance, **kwargs):
    # The URL of the page and of everything below it changed.
    for pk in Page.objects.descendant_of(instance, inclusive=True).live().values_list("pk", flat=True):
        on_commit_update(f"page:{pk}")


def _page_deleted(sender, instance, **kwargs):
    on_commit_update(f"page:{instance.pk}", IndexOutbox.Action.DELETE)
    try:
        _source_changed(instance)
    except Exception:  # the locale may already be gone in a cascade; the next rebuild settles it
        pass


def _snippet_saved(sender, instance, **kwargs):
    if type(instance) in SNIPPETS:
        on_commit_update(snippet_key(instance))


def _snippet_deleted(sender, instance, **kwargs):
    if type(instance) in SNIPPETS:
        on_commit_update(snippet_key(instance), IndexOutbox.Action.DELETE)


page_published.connect(_page_changed, dispatch_uid="search-page-published")
page_unpublished.connect(_page_changed, dispatch_uid="search-page-unpublished")
post_page_move.connect(_page_moved, dispatch_uid="search-page-moved")
post_delete.connect(_page_deleted, sender=Page, dispatch_uid="search-page-deleted")
post_save.connect(_snippet_saved, dispatch_uid="search-snippet-saved")
post_delete.connect(_snippet_deleted, dispatch_uid="search-snippet-deleted")


def _synonyms_changed(sender, instance, **kwargs):
    cache.delete_many([SYNONYM_CACHE_KEY.format(language=code) for code, _name in settings.LANGUAGES])


post_save.connect(_synonyms_changed, sender=Synonym, dispatch_uid="search-synonyms-saved")
post_delete.connect(_synonyms_changed, sender=Synonym, dispatch_uid="search-synonyms-deleted")


def _promotions_changed(sender, **kwargs):
    cache.delete(PROMOTED_QUERIES_KEY)


post_save.connect(_promotions_changed, sender=SearchPromotion, dispatch_uid="search-promotion-saved")
post_delete.connect(_promotions_changed, sender=SearchPromotion, dispatch_uid="search-promotion-deleted")
