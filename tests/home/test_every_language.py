"""Every language, all the way: a crawl of every English and Arabic page that fails on Swedish interface
text outside content marked lang="sv", and a language switch from every Swedish page that lands.

What counts as Swedish (the site's own msgids and content, not a hand-kept list) is in tests/languages.py;
the same check runs in Chromium over the rendered DOM in tests/browser/test_every_page_type.py.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Locale, Page

from tests.languages import OTHERS, SOURCE, swedish_in, swedish_strings

pytestmark = pytest.mark.django_db

SWITCHER = re.compile(r'<nav class="language-switcher".*?</nav>', re.S)
MARKED = re.compile(r'<(?!html)\w+[^>]*\slang="(\w+)')


def third_languages(html: str, code: str) -> list[str]:
    """Languages marked on a page other than its own and the source language, outside the language
    switch: a reader of one language shown another language's copy (as each e-service stood on a
    municipality page once per translation, every copy marked with its language)."""
    return sorted(set(MARKED.findall(SWITCHER.sub("", html))) - {code, SOURCE})


@pytest.fixture(scope="module")
def swedish(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return swedish_strings()


def test_the_check_sees_unmarked_swedish_and_accepts_marked_swedish(swedish):
    page = '<html lang="en"><body><h2>{}</h2><p lang="sv">Vanliga ärenden</p></body></html>'
    assert swedish_in(page.format("Vanliga ärenden"), "en", swedish) == ["Vanliga ärenden"]
    assert swedish_in(page.format("Common tasks"), "en", swedish) == []
    chart = '<html lang="ar"><svg><title>Hushåll med minst 1 Gbit/s i Sala, per år</title></svg></html>'
    assert swedish_in(chart, "ar", swedish) == ["Hushåll med minst 1 Gbit/s i %(name)s, per år"]
    button = '<html lang="en"><button>Sök</button> <a href="#">kontakt@example.se</a> Phone: 1</html>'
    assert swedish_in(button, "en", swedish) == ["Sök"]
    assert swedish_in('<html lang="en"><p>Telefon: 021-10 00 00</p></html>', "en", swedish) == ["Telefon"]
    guide = Page.objects.get(locale__language_code=SOURCE, slug="fa-fiber")
    assert swedish_in(f'<html lang="en"><p>{guide.title}</p></html>', "en", swedish) == [guide.title]


@pytest.mark.parametrize("code", OTHERS)
def test_every_page_in_the_language_shows_no_unmarked_swedish(client, swedish, code):
    pages = Page.objects.live().filter(locale__language_code=code, depth__gt=1).order_by("path")
    urls = [page.url for page in pages]
    session = (
        Page.objects.live()
        .filter(locale__language_code=code, helpsessionpage__booking_required=True)
        .first()
        .specific
    )
    day = session.first_date.isoformat()
    urls += [
        f"/{code}/sok/",
        f"/{code}/sok/?q=fiber",
        f"/{code}/sok/?q=bibliotek&typ=library",
        f"/{code}/sok/?q=xyzzyqq",
        f"/{code}/boka/{session.pk}/{day}/",
        f"/{code}/finns-inte-har/",
    ]
    assert len(pages) == Page.objects.live().filter(locale__language_code=SOURCE, depth__gt=1).count()
    problems = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 400, 404), url
        html = response.content.decode()
        found = swedish_in(html, code, swedish) + third_languages(html, code)
        if found:
            problems[url] = found
    assert not problems, problems


def test_a_language_switch_from_every_swedish_page_lands_on_that_page(client):
    link = re.compile(r'<a href="([^"]+)" lang="(\w+)"')
    checked, shown_in_other_languages = set(), {}
    for page in Page.objects.live().filter(locale__language_code=SOURCE, depth__gt=1):
        html = client.get(page.url).content.decode()
        if found := third_languages(html, SOURCE):
            shown_in_other_languages[page.url] = found
        targets = dict((code, url) for url, code in link.findall(SWITCHER.search(html).group(0)))
        assert set(targets) == {code for code, _name in settings.LANGUAGES}, page.url
        for code in OTHERS:
            translation = page.get_translation(Locale.objects.get(language_code=code))
            assert targets[code] == translation.url, (page.url, code)
            if targets[code] not in checked:
                assert client.get(targets[code]).status_code == 200, targets[code]
                checked.add(targets[code])
    assert not shown_in_other_languages, shown_in_other_languages


def test_what_a_visitor_typed_is_escaped_and_isolated_and_only_that_is_in_a_bdi():
    from home.templatetags.site_tags import isolated

    assert isolated('<b>"x"</b>') == "<bdi>&lt;b&gt;&quot;x&quot;&lt;/b&gt;</bdi>"
    # The language check leaves a <bdi> out (what a visitor typed is no Swedish of the site's): the
    # site's own text must never be put in one by hand.
    templates = Path(settings.BASE_DIR) / "templates"
    by_hand = [str(path) for path in templates.rglob("*.html") if "<bdi" in path.read_text(encoding="utf-8")]
    assert by_hand == []
    html = '<html lang="en"><p>1 result for “<bdi>Sök</bdi>”</p><p><bdi>x</bdi>Sök</p></html>'
    assert swedish_in(html, "en", {"en": ({"Sök"}, [], [])}) == ["Sök"]
