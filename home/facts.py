"""Facts follow the source page into its translations at once; the text waits for the translator.

A translation made with wagtail-localize is a page of its own: it takes the Swedish page's changes
only when someone syncs it. For its words that is right (a changed paragraph needs a translator),
but its synchronized fields are facts that are the same in every language – a help session's time,
dates and seats, a municipality's phone number and web address – and an English or Arabic reader
must not be shown last month's time. So when a page in the source language is published, each of
its translations (not aliases: Wagtail keeps those in step itself) takes the new values of those
fields: in the page readers see (a new published revision) and in a draft a translator is working
on, which keeps the translator's words. A value a translator overrode for their language stays.
"""

import logging

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from wagtail.fields import StreamField
from wagtail.models import Page

log = logging.getLogger(__name__)

# The address is the translation's own (a translated slug); the review dates are its editors' own
# schedule (reviewing the Swedish page is not reviewing the English one).
NOT_FACTS = {"slug", "review_date", "last_reviewed"}


def synchronized_facts(page) -> list[str]:
    """The page type's synchronized fields that hold plain values (dates, times, numbers, contact
    details), not relations or content blocks."""
    from wagtail_localize.fields import SynchronizedField

    names = []
    for declared in getattr(page, "translatable_fields", []):
        if not isinstance(declared, SynchronizedField) or declared.field_name in NOT_FACTS:
            continue
        try:
            field = page._meta.get_field(declared.field_name)
        except FieldDoesNotExist:
            continue
        if field.concrete and not field.is_relation and not isinstance(field, StreamField):
            names.append(declared.field_name)
    return names


def follow_the_source(page) -> int:
    """Give each translation of `page` (published, in the source language) its facts. Returns how
    many translations changed. A translation that cannot take them is logged and left as it was:
    the source's publish never fails because of a translation."""
    if page.locale.language_code != settings.LANGUAGE_CODE:
        return 0
    names = synchronized_facts(page)
    if not names:
        return 0
    changed = 0
    for translation in page.get_translations().filter(alias_of__isnull=True).specific():
        try:
            with transaction.atomic():
                changed += _take_facts(page, translation, names)
        except Exception:
            log.exception("could not bring the facts of %s to its translation %s", page.pk, translation.pk)
    return changed


def _take_facts(page, translation, names: list[str]) -> int:
    from wagtail_localize.models import SegmentOverride

    overridden = set(
        SegmentOverride.objects.filter(
            locale_id=translation.locale_id,
            context__object_id=page.translation_key,
            context__path__in=names,
        ).values_list("context__path", flat=True)
    )
    facts = {name: getattr(page, name) for name in names if name not in overridden}
    draft = translation.get_latest_revision_as_object()
    if all(getattr(translation, n) == v and getattr(draft, n) == v for n, v in facts.items()):
        return 0
    waiting = translation.has_unpublished_changes  # a translator's draft: it keeps their words
    for name, value in facts.items():
        setattr(draft, name, value)
    revision = draft.save_revision(clean=False, log_action=False)
    if translation.live and not waiting:
        revision.publish(log_action=False)
        # Facts that followed are no translator's publish: the translations report still counts the
        # translation from its last real one (it is out of date while the source is newer).
        Page.objects.filter(pk=translation.pk).update(last_published_at=translation.last_published_at)
    elif translation.live:
        # The live page takes the facts too (readers see them now); the draft waits for its translator.
        for name, value in facts.items():
            setattr(translation, name, value)  # the live row (the draft is another object)
        translation.save(update_fields=list(facts))
    return 1


def _published(sender, instance, **kwargs):
    follow_the_source(instance)


def connect() -> None:
    from wagtail.signals import page_published

    page_published.connect(_published, dispatch_uid="home.facts.follow_the_source")
