"""What counts as unmarked Swedish on an English or Arabic page: shared by the crawl in Django's test client
(tests/home/test_every_language.py) and the one in Chromium (tests/browser/test_every_page_type.py).

What counts as Swedish is not a hand-kept word list. It is read from the site itself:
- the interface strings: every msgid of the catalogues (Swedish is the source language) whose
  translation in the language read differs from it, placeholders matching anything;
- the content: every translatable string of every Swedish page (wagtail-localize's own segments: titles,
  summaries, paragraphs, steps …), the Swedish snippets (topics, life events, e-services) and the data
  kept only in Swedish (operators' descriptions, expansion areas, cancellation reasons, sources),
  where it has two words or more (a lone name such as a municipality's is the same in every language);
minus whatever the language's own texts also say (as a whole, or as a name inside them: "En väg in").
A page passes when none of these appears in its text (SVG included) or its labels outside an element
marked lang="sv".
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
from django.conf import settings
from wagtail.models import Page
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from broadband.models import CoverageStatistic, NetworkOperator, PlannedExpansion
from home.models import LifeEvent, Topic
from services.models import EService, SessionCancellation

SOURCE = settings.LANGUAGE_CODE
OTHERS = [code for code, _name in settings.LANGUAGES if code != SOURCE]
LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
LABEL_ATTRIBUTES = ("aria-label", "placeholder", "title", "alt", "data-suggest-label", "data-suggest-hint")
TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    return SPACE.sub(" ", TAG.sub(" ", text)).strip()


class VisibleText(HTMLParser):
    """Text and labels of a page, except what is inside an element marked with the source language
    and what a visitor typed, shown back isolated in a `<bdi>`."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self, page_language: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, bool]] = []  # (tag, language, skipped)
        self.page_language = page_language
        self.parts: list[str] = []

    @property
    def language(self) -> str:
        return self.stack[-1][1] if self.stack else self.page_language

    @property
    def skipped(self) -> bool:
        return bool(self.stack) and self.stack[-1][2]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        language = (attrs.get("lang") or self.language).split("-")[0]
        if tag == "html":
            self.page_language = language
        # A <bdi> holds what the visitor typed (the template filter `isolated`), not the site's text.
        skipped = self.skipped or tag in ("script", "style", "bdi")
        if language != SOURCE and not skipped:
            self.parts.extend(attrs[name] for name in LABEL_ATTRIBUTES if attrs.get(name))
            if tag == "meta" and attrs.get("name") == "description":
                self.parts.append(attrs.get("content") or "")
        if tag not in self.VOID:
            self.stack.append((tag, language, skipped))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if self.language != SOURCE and not self.skipped and data.strip():
            self.parts.append(data)

    def nodes(self) -> list[str]:
        return [text for text in (normalise(part) for part in self.parts) if text]


def catalogue_pairs(code: str) -> list[tuple[str, str]]:
    po = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    pairs = []
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        if entry.msgid_plural:
            for form in entry.msgstr_plural.values():
                pairs.append((entry.msgid, form))
                pairs.append((entry.msgid_plural, form))
        else:
            pairs.append((entry.msgid, entry.msgstr))
    return pairs


def as_pattern(msgid: str) -> re.Pattern | None:
    """A msgid as a pattern over the page's text: placeholders match a stretch of text. A msgid whose own
    words are too short to tell Swedish from anything else ("I %(name)s") is left out."""
    text = normalise(msgid).replace("%%", "%")
    pieces = re.split(r"%\(\w+\)[sd]", text)
    if len(pieces) > 1 and sum(len(re.sub(r"\W", "", piece)) for piece in pieces) < 6:
        return None
    body = r".{1,80}?".join(re.escape(piece.strip()) for piece in pieces)
    return re.compile(r"(?<!\w)" + body + r"(?!\w)")


def page_strings(pages) -> set[str]:
    strings = set()
    for page in pages:
        for segment in extract_segments(page.specific):
            if isinstance(segment, StringSegmentValue):
                strings.add(normalise(segment.string.data))
    return strings


def snippet_strings(code: str) -> set[str]:
    strings = set()
    for model, fields in ((Topic, ["name"]), (LifeEvent, ["name"]), (EService, ["name", "description"])):
        for obj in model.objects.filter(locale__language_code=code):
            strings.update(normalise(getattr(obj, field) or "") for field in fields)
    return strings


def source_only_strings() -> set[str]:
    """Data that is kept in the source language only and shown as it is."""
    strings = set(NetworkOperator.objects.values_list("description", flat=True))
    strings |= set(PlannedExpansion.objects.values_list("area", flat=True))
    strings |= set(SessionCancellation.objects.values_list("reason", flat=True))
    strings |= set(CoverageStatistic.objects.values_list("source", flat=True))
    return {normalise(s) for s in strings if s}


def swedish_strings() -> dict:
    """Per language: (interface patterns, content strings) that are Swedish and not that language's."""
    source_pages = Page.objects.live().filter(locale__language_code=SOURCE, depth__gt=1)
    content = page_strings(source_pages) | snippet_strings(SOURCE) | source_only_strings()
    result = {}
    for code in OTHERS:
        pairs = catalogue_pairs(code)
        own = {normalise(translated) for _msgid, translated in pairs}
        translated_pages = Page.objects.live().filter(
            locale__language_code=code, depth__gt=1, alias_of__isnull=True
        )
        own |= page_strings(translated_pages) | snippet_strings(code)
        interface = {
            normalise(msgid)
            for msgid, translated in pairs
            if normalise(msgid) != normalise(translated) and normalise(msgid) not in own
        }
        # A Swedish name the translation itself uses ("En väg in" in the English about page) is not
        # a sign of Swedish where the translation uses it too.
        own_text = "\n".join(own)
        words = {
            s
            for s in content - own
            if " " in s and len(s) > 6 and not re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", own_text)
        }
        single = {msgid for msgid in interface if " " not in msgid and "%" not in msgid}
        patterns = [(msgid, as_pattern(msgid)) for msgid in sorted(interface - single)]
        patterns = [(m, p) for m, p in patterns if p and not p.search(own_text)]
        result[code] = (single, patterns, sorted(words))
    return result


def swedish_in(html: str, code: str, swedish) -> list[str]:
    """The Swedish strings found in a page outside elements marked lang="sv".

    A one-word interface string counts when it is a whole text node or label (or the part before its
    colon, "Telefon: 021 …"), so that "kontakt" in an e-mail address is not taken for the word; longer
    strings and content count wherever they stand.
    """
    parser = VisibleText(code)
    parser.feed(html)
    nodes = parser.nodes()
    whole = set(nodes) | {node.split(":")[0].strip() for node in nodes}
    text = " \n ".join(nodes)
    single, patterns, content = swedish[code]
    found = sorted(single & whole)
    found += [msgid for msgid, pattern in patterns if pattern.search(text)]
    found += [string for string in content if re.search(r"(?<!\w)" + re.escape(string) + r"(?!\w)", text)]
    return found
