"""Helpers for a site whose content is written in Swedish and partly translated.

Municipal content (libraries, sessions) is often only in Swedish. A reader of the English or Arabic
site still needs to find it, so listings show the translation where there is one and otherwise the
Swedish original (marked with lang="sv" in the templates).
"""

import threading
from collections.abc import Iterable

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext
from wagtail.models import Locale, Page

from core.cache import remembered

# Locales looked up once per request (a listing asks for them several times), never across requests.
_this_request = threading.local()
request_started.connect(lambda **kwargs: setattr(_this_request, "locales", {}), weak=False)
request_finished.connect(lambda **kwargs: setattr(_this_request, "locales", None), weak=False)


def _once_per_request(key, find):
    known = getattr(_this_request, "locales", None)
    if known is None:
        return find()
    if key not in known:
        known[key] = find()
    return known[key]


def active_locale() -> Locale:
    return _once_per_request(("active", translation.get_language()), _find_active_locale)


def _find_active_locale() -> Locale:
    return remembered(("active-locale", translation.get_language()), _query_active_locale)


def _query_active_locale() -> Locale:
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def _source_locale_id() -> int:
    return remembered(("source-locale",), _query_source_locale_id)


def _query_source_locale_id() -> int:
    return Locale.objects.filter(language_code=settings.LANGUAGE_CODE).values_list("pk", flat=True)[0]


def prefer_active_locale(items: Iterable, locale: Locale | None = None) -> list:
    """Keep one item per translation_key: the one in the active locale, else the source (Swedish) one.

    Items must have `translation_key` and `locale_id`. Order of the input is kept.
    """
    locale = locale or active_locale()
    default_id = None
    chosen: dict = {}
    order: list = []
    for item in items:
        key = item.translation_key
        if key not in chosen:
            order.append(key)
            chosen[key] = item
            continue
        current = chosen[key]
        if current.locale_id == locale.id:
            continue
        if default_id is None:
            default_id = _once_per_request(("source",), _source_locale_id)
        if item.locale_id == locale.id or item.locale_id == default_id:
            chosen[key] = item
    return [chosen[key] for key in order]


def written_in(obj) -> str:
    """The language a page's or snippet's own text is written in ("" when it has no locale). An alias (a
    page not translated yet, kept in step with its source by wagtail-localize's locale synchronisation) is
    written in the language the locales are synchronised from: the source language."""
    if getattr(obj, "alias_of_id", None):
        return settings.LANGUAGE_CODE
    try:
        return obj.locale.language_code
    except AttributeError:
        return ""


def foreign_language(obj) -> str:
    """The language a page's or snippet's own text is written in, when it is not the reader's language
    (an alias, or a Swedish item listed on an English page); "" otherwise. Locale codes are remembered
    (`locale_codes`), so a long listing costs no query per item."""
    if obj is None or obj == "":
        return ""
    if getattr(obj, "alias_of_id", None):
        code = settings.LANGUAGE_CODE
    else:
        locale_id = getattr(obj, "locale_id", None)
        if locale_id is None:
            return ""
        code = locale_codes().get(locale_id, "")
    if code and code != (translation.get_language() or settings.LANGUAGE_CODE):
        return code
    return ""


def locale_homes() -> dict[str, Page]:
    """The start page of each language (the translations of the site's root page)."""
    return dict(remembered(("locale-homes",), _query_locale_homes))


def _query_locale_homes() -> dict[str, Page]:
    from home.models import HomePage

    return {home.locale.language_code: home for home in HomePage.objects.live().select_related("locale")}


def locale_codes() -> dict[int, str]:
    """Every locale's language code by its id."""
    return remembered(("locale-codes",), lambda: dict(Locale.objects.values_list("pk", "language_code")))


def is_rtl(language_code: str | None = None) -> bool:
    code = (language_code or translation.get_language() or "").split("-")[0]
    return code in settings.LANGUAGES_BIDI


def format_percent(value) -> str:
    """A share in the active language's form ("98,5 %" in Swedish, "98.5%" in English), one decimal."""
    value = round(float(value), 1)
    number = number_format(value, decimal_pos=0 if value == int(value) else 1)
    return gettext("%(value)s %%") % {"value": number}
