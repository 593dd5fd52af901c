from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.cache import bump_generation

OWN_APPS = {"home", "broadband", "services"}

for signal in (page_published, page_unpublished, post_page_move):
    signal.connect(bump_generation, dispatch_uid=f"envagin-cache-{id(signal)}")
post_delete.connect(bump_generation, sender=Page, dispatch_uid="envagin-cache-page-delete")


def _bump_for_own_data(sender, instance, **kwargs):
    """Snippets and data of our own apps (operators, e-services, statistics) appear on many pages.

    Pages themselves are left to the publishing signals: a draft save changes nothing public.
    """
    if sender._meta.app_label in OWN_APPS and not isinstance(instance, Page):
        bump_generation()


post_save.connect(_bump_for_own_data, dispatch_uid="envagin-cache-own-save")
post_delete.connect(_bump_for_own_data, dispatch_uid="envagin-cache-own-delete")
