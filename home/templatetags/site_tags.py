from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page

from core.cache import remembered
from core.links import public_url as _public_url
from home.localization import foreign_language, format_percent, is_rtl, locale_homes, written_in

register = template.Library()

FOOTER_SLUGS = ("om-webbplatsen", "tillganglighetsredogorelse", "personuppgifter", "kontakt")


@register.filter
def public_url(path):
    """An address on the public site (core.links), never on the Host header a visitor sent."""
    return _public_url(str(path or ""))


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """Everything the base layout needs, in a fixed handful of queries."""
    request = context.get("request")
    page = context.get("page")
    language = translation.get_language() or settings.LANGUAGE_CODE
    homes = locale_homes()
    home = homes.get(language) or homes.get(settings.LANGUAGE_CODE)
    sections, footer = [], {}
    if home:
        sections, footer = remembered(("menu", home.pk), lambda: _menu(home))
    languages = []
    if isinstance(page, Page) and page.pk:
        translations = remembered(("translations", page.translation_key), lambda: _translations(page))
        for code, name in settings.LANGUAGES:
            target = translations.get(code)
            url = (
                target.get_url(request)
                if target
                else (homes[code].get_url(request) if code in homes else None)
            )
            if url and target and request is not None and request.GET:
                # The same page in another language with the same choices (a municipality, a
                # filter, a page of the list): its parameters are the same in every language.
                url = f"{url}?{request.GET.urlencode()}"
            if url:
                languages.append(
                    {
                        "code": code,
                        "name": name,
                        "url": url,
                        "current": code == language,
                        "exists": bool(target) and not target.alias_of_id,
                    }
                )
    elif request is not None:
        # A view whose address names a page of one language (a booking) gives its own addresses.
        own = context.get("language_urls") or {}
        here = request.get_full_path()
        for code, name in settings.LANGUAGES:
            url = own.get(code) or translate_url(here, code)
            if url == here and code != language:
                # An address Django cannot translate (no such page: "/ar/e-tjanster//"): that
                # language's start page, never the same page again under another name.
                url = "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
            languages.append(
                {
                    "code": code,
                    "name": name,
                    "url": url,
                    "current": code == language,
                    "exists": True,
                }
            )
    untranslated = isinstance(page, Page) and bool(page.alias_of_id)
    return {
        "untranslated": untranslated,
        "source_language": settings.LANGUAGE_CODE,
        "home": home,
        "sections": sections,
        "footer": footer,
        "languages": languages,
        "language": language,
        "rtl": is_rtl(language),
    }


def _menu(home) -> tuple[list, dict]:
    """A start page's sections in the main menu, and its pages linked from the footer."""
    children = list(home.get_children().live().order_by("path"))
    sections = [child for child in children if child.show_in_menus]
    return sections, {child.slug: child for child in children if child.slug in FOOTER_SLUGS}


def _translations(page) -> dict:
    """The live translations of a page (itself included) by language code."""
    found = Page.objects.live().filter(translation_key=page.translation_key).select_related("locale")
    return {p.locale.language_code: p for p in found}


@register.simple_tag(takes_context=True)
def include_remembered(context, template_name, **values):
    """`{% include template_name with name=value %}` for a fragment every visitor sees alike (an
    occurrence's card in a listing), rendered once per process, language and site while the `site`
    token is unchanged (core.cache.remembered). Each value has `fragment_key()`: what the fragment
    shows that changes without a publish (seats left, a cancellation). The fragment sees only these
    values and `request`."""
    request = context.get("request")
    site = getattr(request, "_wagtail_site", None)
    key = (
        "fragment",
        template_name,
        translation.get_language(),
        getattr(site, "pk", None),
        tuple((name, value.fragment_key()) for name, value in sorted(values.items())),
    )
    return remembered(key, lambda: mark_safe(render_to_string(template_name, {**values, "request": request})))


@register.filter
def page_language(page):
    """The language a page is written in (for lang= on content shown outside its own locale)."""
    return written_in(page)


@register.simple_tag(takes_context=True)
def lang_attr(context, obj):
    """` lang="sv"` on an element showing a page's or snippet's own text in another language than the
    reader's (`home.localization.foreign_language`)."""
    code = foreign_language(obj)
    return format_html(' lang="{}"', code) if code else ""


@register.simple_tag(takes_context=True)
def marked(context, obj, text=None):
    """A page's or snippet's text (its title unless `text` is given) for use inside a translated sentence
    or anywhere without an element of its own: wrapped in `<span lang="…">` when it is written in another
    language than the reader's, else just escaped.

        {% marked session as what %}{% blocktrans %}Vill du avboka {{ what }}?{% endblocktrans %}
    """
    value = getattr(obj, "title", "") if text is None else text
    code = foreign_language(obj)
    if code:
        return format_html('<span lang="{}">{}</span>', code, value)
    return conditional_escape(value)


@register.simple_tag
def source_lang_attr():
    """` lang="sv"` on data kept only in the source language (operators' descriptions, expansion areas)."""
    if (translation.get_language() or settings.LANGUAGE_CODE) != settings.LANGUAGE_CODE:
        return format_html(' lang="{}"', settings.LANGUAGE_CODE)
    return ""


@register.simple_tag
def feed_url(name, **params):
    """An open-data address (iCalendar, JSON) with its filters, in the reader's language (`lang=en`) when
    it is not the source language; empty filters are left out."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language != settings.LANGUAGE_CODE:
        params["lang"] = language
    query = urlencode({key: value for key, value in params.items() if value not in (None, "")})
    return reverse(name) + (f"?{query}" if query else "")


@register.simple_tag(takes_context=True)
def with_query(context, **kwargs):
    """The current query string with some parameters replaced (empty value removes one)."""
    request = context["request"]
    query = request.GET.copy()
    for key, value in kwargs.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def isolated(text):
    """What a visitor typed, set in a sentence of the page's language: escaped, and isolated from
    the sentence's direction (`<bdi>`), so that a Latin query in an Arabic sentence, or an Arabic one
    in a Swedish sentence, keeps its own order and the quotes around it stay where they belong."""
    return format_html("<bdi>{}</bdi>", text)


@register.filter
def get_item(mapping, key):
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def percent(value):
    """A share formatted for the active language (home.localization.format_percent)."""
    if value in (None, ""):
        return ""
    return format_percent(value)


@register.simple_tag
def phone_link(number):
    """A phone number as a link that calls it on a phone (`tel:`, digits and + only), read left to
    right also on the Arabic pages (`dir="ltr"`: "070-123 45 67" would otherwise show its groups in
    reverse order there)."""
    number = str(number or "").strip()
    if not number:
        return ""
    dial = "".join(c for c in number if c.isdigit() or c == "+")
    if not dial:
        return format_html('<span dir="ltr">{}</span>', number)
    return format_html('<a href="tel:{}" dir="ltr">{}</a>', dial, number)
