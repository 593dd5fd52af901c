"""Demo translations made the way an editor makes them: through wagtail-localize.

The texts give each page in Swedish and, for some pages, in English or Arabic in the same shape. The
Swedish page is created first; a translated page is then not created by hand but by wagtail-localize:
its segments (title, summary, each paragraph and block text) are paired with the translated text's
segments in document order, imported as the translation's strings, and the translation is published
with `Translation.save_target`. Editors then see the page as a translation in the admin and can edit
it and Sync it when the Swedish page changes.

Pages that have no translated text become aliases of the Swedish page through wagtail-localize's locale
synchronisation (`LocaleSynchronization`, sync from Swedish), so every page exists in every language.
"""

import re

import polib
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

_ID = re.compile(r"^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|None|\d+)$")


class SegmentMismatch(Exception):
    """The translated text does not have the Swedish text's shape (a paragraph or step more or less)."""


def _shape(path: str) -> str:
    """A segment's path without block and list-item ids, which differ between two built pages."""
    return ".".join(part for part in path.split(".") if not _ID.match(part))


def _strings(page) -> list[StringSegmentValue]:
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            field.get_prep_value(field.value_from_object(page))  # gives an unsaved page's blocks their ids
    return [segment for segment in extract_segments(page) if isinstance(segment, StringSegmentValue)]


def _import_strings(source, target) -> TranslationSource:
    """Pair the source's segments with the target's and import them as the translation's strings."""
    locale = target.locale
    source_record, _created = TranslationSource.update_or_create_from_instance(source)
    source_segments = _strings(source)
    target_segments = _strings(target)
    if [_shape(s.path) for s in source_segments] != [_shape(s.path) for s in target_segments]:
        raise SegmentMismatch(
            f"{source} ({locale.language_code}): the translated text has another shape than the Swedish "
            f"({len(target_segments)} segments against {len(source_segments)}): "
            f"{[_shape(s.path) for s in source_segments]} / {[_shape(s.path) for s in target_segments]}"
        )
    po = polib.POFile()
    for original, translated in zip(source_segments, target_segments, strict=True):
        po.append(
            polib.POEntry(msgctxt=original.path, msgid=original.string.data, msgstr=translated.string.data)
        )
    translation, _created = Translation.objects.get_or_create(
        source=source_record, target_locale=locale, defaults={"enabled": True}
    )
    warnings = translation.import_po(po)
    if warnings:
        raise SegmentMismatch(f"{source} ({locale.language_code}): {warnings[:3]}")
    return source_record


def translate_page(source: Page, target: Page) -> Page:
    """Publish `target` (an unsaved page holding the translated texts) as the translation of `source`."""
    locale = target.locale
    source_record = _import_strings(source, target)
    # What Translation.save_target(publish=True) does, except that the revision is published now rather
    # than when the loader's transaction commits (a deferred publish would save each translated page
    # with the number of children it had before its own children were translated).
    source_record.create_or_update_translation(locale, publish=False, copy_parent_pages=True, fallback=True)
    page = source.get_translation(locale).specific
    page.get_latest_revision().publish()
    return source.get_translation(locale).specific


def translate_snippet(source, target):
    """Save `target` (an unsaved snippet holding the translated texts) as the translation of `source`."""
    source_record = _import_strings(source, target)
    source_record.create_or_update_translation(target.locale, fallback=True)
    return source.get_translation(target.locale)


def synchronise_locales(source_locale: Locale) -> None:
    """Every other locale follows the source: pages without a translation become aliases of it."""
    for locale in Locale.objects.exclude(pk=source_locale.pk):
        # Saving it synchronises the tree at once (wagtail-localize's default, immediate job backend).
        LocaleSynchronization.objects.update_or_create(locale=locale, defaults={"sync_from": source_locale})
