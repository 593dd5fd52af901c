"""The demo county, page by page, as a resident's browser would ask for it."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Page

from demo.loader import DemoLoader, NonDemoContent
from home.models import HomePage, MunicipalityPage, StandardPage
from services.models import HelpSessionPage, LibraryPage, LifeEventGuidePage

pytestmark = pytest.mark.django_db


def live_pages():
    return list(Page.objects.live().filter(depth__gt=1).specific().order_by("path"))


def test_every_demo_page_answers_200_with_its_title_and_sets_no_cookie(client, demo):
    pages = live_pages()
    assert len(pages) > 100
    for page in pages:
        url = page.get_url()
        response = client.get(url)
        assert response.status_code == 200, url
        assert page.title in response.content.decode(), url
        assert not response.cookies, f"{url} set {list(response.cookies)}"
        assert "Set-Cookie" not in response.headers, url


def test_search_sitemap_and_robots_set_no_cookie(client, demo):
    for url in ["/sok/?q=fiber", "/api/search/?q=bankid", "/sitemap.xml", "/robots.txt", "/en/sok/?q=help"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url


def test_demo_has_the_county_the_issue_asks_for(demo):
    municipalities = MunicipalityPage.objects.filter(locale__language_code="sv")
    assert municipalities.count() == 10
    assert set(municipalities.values_list("code", flat=True)) == {
        "1984",
        "1982",
        "1961",
        "1960",
        "1983",
        "1962",
        "1981",
        "1904",
        "1907",
        "1980",
    }
    for municipality in municipalities:
        libraries = LibraryPage.objects.child_of(municipality)
        assert libraries.exists(), municipality
        for library in libraries:
            assert HelpSessionPage.objects.child_of(library).count() >= 2, library
    assert LibraryPage.objects.filter(title__icontains="Skultuna").exists()
    assert LibraryPage.objects.filter(title__icontains="Kolsva").exists()
    other_language = [s for s in HelpSessionPage.objects.all() if set(s.languages) - {"sv"}]
    assert len(other_language) >= 3
    assert LifeEventGuidePage.objects.filter(locale__language_code="sv").count() >= 8
    for page in HomePage.objects.all():
        assert page.locale.language_code in {"sv", "en", "ar"}


def test_accessibility_statement_has_every_required_part(client, demo):
    response = client.get("/tillganglighetsredogorelse/")
    text = response.content.decode()
    for part in [
        "delvis förenlig",
        "Innehåll som inte är tillgängligt",
        "Rapportera brister",
        "digg.se",
        "självskattning",
        "Senaste bedömningen",
    ]:
        assert part in text, part


def test_loader_is_idempotent(demo):
    before = sorted((p.url_path, p.title, p.locale_id) for p in Page.objects.filter(depth__gt=1))
    DemoLoader(log=lambda *a: None).run()
    after = sorted((p.url_path, p.title, p.locale_id) for p in Page.objects.filter(depth__gt=1))
    assert [(u, t) for u, t, _ in before] == [(u, t) for u, t, _ in after]


@pytest.mark.django_db(transaction=True)
def test_the_demo_copied_back_is_the_demo_loaded_and_takes_new_pages(demo_committed):
    """What tests that need the demo committed get after a flush (`DemoCopy`): the same rows, and
    a database that takes new ones (the search index's entries, which a trigger mirrors in SQLite's
    full-text table, were doubled by copying that table too, and the next page saved failed)."""
    from wagtail.search.models import IndexEntry

    from tests.conftest import DemoCopy

    def rows():
        pages = sorted(Page.objects.values_list("pk", "url_path", "title", "locale_id", "content_type_id"))
        return pages, IndexEntry.objects.count(), Group.objects.count()

    loaded = rows()
    DemoCopy.restore()
    assert rows() == loaded and loaded[1] > 0
    municipality = MunicipalityPage.objects.filter(locale__language_code="sv").first()
    page = municipality.add_child(instance=StandardPage(title="Kopians test", slug="kopians-test"))
    page.save_revision().publish()
    assert IndexEntry.objects.count() > loaded[1]
    assert Page.objects.get(slug="kopians-test").pk > max(pk for pk, *_ in loaded[0])


def test_loader_refuses_to_overwrite_an_editors_page(demo):
    municipality = MunicipalityPage.objects.get(code="1981", locale__language_code="sv")
    municipality.add_child(instance=StandardPage(title="Sala informerar", slug="sala-informerar"))
    with pytest.raises(NonDemoContent):
        DemoLoader(log=lambda *a: None).run()
    with pytest.raises(CommandError, match="replace-all-content"):
        call_command("load_demo")
    assert Page.objects.filter(slug="sala-informerar").exists()


def test_load_demo_if_empty_leaves_existing_site_alone(demo):
    home_id = demo.pk
    call_command("load_demo", "--if-empty")
    assert HomePage.objects.get(locale__language_code="sv").pk == home_id
