"""The page cache follows publishing: any publish, unpublish, move or deletion of a page bumps the
generation, and so does any save or deletion of the data models an app says are shown on its pages
(snippets, statistics, operators appear on many pages): `follow_models(app_config.get_models())` in
that app's `ready()`."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.cache import bump_generation

FOLLOWED: set[type] = set()


def follow_models(models) -> None:
    """Saving or deleting one of these changes what public pages show (pages themselves excepted)."""
    FOLLOWED.update(model for model in models if not issubclass(model, Page))


def _bump_for_followed(sender, instance, **kwargs):
    if sender in FOLLOWED:
        bump_generation()


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_generation, dispatch_uid=f"envagin-cache-{id(signal)}")
    post_delete.connect(bump_generation, sender=Page, dispatch_uid="envagin-cache-page-delete")
    post_save.connect(_bump_for_followed, dispatch_uid="envagin-cache-own-save")
    post_delete.connect(_bump_for_followed, dispatch_uid="envagin-cache-own-delete")
