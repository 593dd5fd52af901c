"""A second county on the same code: the fictional sample in demo/data/exempellan/ is loaded into an
otherwise empty database and read as a visitor would, in every language.

The test database holds the first county's demo. The loader clears it and loads the sample once for
this module, in a transaction that is rolled back after the module's last test, so the rest of the
suite is untouched; each test runs in a savepoint inside it.
"""

import html
import re
import uuid
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.models import Page

from broadband.models import BroadbandGuidePage
from demo.loader import DEFAULT_FACTS, DemoLoader
from demo.loader.texts import DATA
from home.models import HomePage, MunicipalityPage
from services.models import HelpIndexPage, LibraryPage, LifeEventGuidePage
from tests.conftest import search_engine_required

from .names import county_codes, county_names, pattern

SAMPLE = DATA / "exempellan" / "facts.yaml"
FACTS = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
# The first county's names as they are written in its Arabic texts.
FIRST_COUNTY_IN_ARABIC = {"فستمانلاند", "فيستروس", "سالا"}
FIRST_COUNTY = pattern(county_names(DEFAULT_FACTS) | FIRST_COUNTY_IN_ARABIC, county_codes(DEFAULT_FACTS))
OPEN_DATA = ["/api/coverage.json", "/api/sessions.json", "/api/libraries.geojson", "/api/sessions.ics"]
HREF = re.compile(r'(?:href|action)="([^"]*)"')


@pytest.fixture(scope="module")
def _sample_county_loaded(django_db_setup, django_db_blocker):
    """The sample loaded once (half a minute on PostgreSQL), never committed."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield DemoLoader(facts_path=SAMPLE, log=lambda *a: None).run().pk
        transaction.set_rollback(True)


@pytest.fixture
def sample_county(_sample_county_loaded, db):
    cache.clear()
    return HomePage.objects.get(pk=_sample_county_loaded)


def crawl(client, start: list[str], limit: int = 3000) -> dict[str, str]:
    """Every page reachable by links on this site from the start addresses: {address: text}."""
    seen, read, queue = set(start), {}, deque(start)
    while queue and len(read) < limit:
        url = queue.popleft()
        response = client.get(url)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        text = b"".join(response.streaming_content if response.streaming else [response.content]).decode()
        read[url] = text
        if "html" not in response.get("Content-Type", ""):
            continue
        for link in HREF.findall(text):
            target = urljoin(url, html.unescape(link))
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue  # another site, mailto:, tel:
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if parts.path.startswith(("/admin/", "/documents/", "/static/", "/rapport/")):
                continue
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return read


def test_sample_county_loads_with_its_own_names(sample_county):
    assert sample_county.title == f"{FACTS['county']['short_name']} – en väg in"
    codes = set(MunicipalityPage.objects.filter(locale__language_code="sv").values_list("code", flat=True))
    assert codes == {row["code"] for row in FACTS["municipalities"]}
    titles = set(LibraryPage.objects.filter(locale__language_code="sv").values_list("title", flat=True))
    assert {library["main"] for library in FACTS["libraries"]} <= titles
    assert {home.locale.language_code for home in HomePage.objects.all()} == {"sv", "en", "ar"}


def test_every_page_in_every_language_answers_200_and_names_nothing_of_the_first_county(
    client, sample_county
):
    pages = [page.specific for page in Page.objects.live().filter(depth__gt=1)]
    languages = {page.locale.language_code for page in pages}
    assert languages == {code for code, _name in settings.LANGUAGES}
    start = [page.get_url() for page in pages] + OPEN_DATA + ["/sitemap.xml", "/robots.txt"]
    # Regional pages with a municipality chosen show that municipality's local section.
    start += [
        f"{page.get_url()}?kommun={row['code']}"
        for page in pages
        if isinstance(page, (BroadbandGuidePage, LifeEventGuidePage, HelpIndexPage))
        for row in FACTS["municipalities"]
    ]
    start += [f"/{code}/sok/?q=bibliotek" for code in languages - {settings.LANGUAGE_CODE}] + [
        "/sok/?q=bibliotek"
    ]
    read = crawl(client, list(dict.fromkeys(start)))
    assert {page.get_url() for page in pages} <= set(read)
    found = sorted(
        {f"{url}: {match.group()}" for url, text in read.items() for match in FIRST_COUNTY.finditer(text)}
    )
    assert not found, "The first county shows through on the second county's site:\n" + "\n".join(found[:50])
    start_page = read["/"]
    assert FACTS["county"]["short_name"] in start_page
    assert FACTS["municipalities"][0]["name"] in start_page


def test_setup_editors_builds_the_sample_countys_groups(sample_county):
    call_command("setup_editors", stdout=open("/dev/null", "w"))
    groups = set(Group.objects.values_list("name", flat=True))
    for row in FACTS["municipalities"]:
        assert f"{row['name']} – redaktörer" in groups
    for library in FACTS["libraries"]:
        assert f"{library['main']} – personal" in groups
    assert not [name for name in groups if FIRST_COUNTY.search(name)]


@pytest.mark.search_engine
def test_search_finds_the_sample_countys_libraries_and_local_broadband_pages(client, sample_county):
    url = getattr(settings, "TEST_OPENSEARCH_URL", "")
    if not url:
        if search_engine_required():
            pytest.fail("REQUIRE_SEARCH_ENGINE=1 but no OPENSEARCH_URL: the search node did not start")
        pytest.skip("no search engine configured (make test starts one)")
    prefix = f"envagin-test-county-{uuid.uuid4().hex[:8]}"
    with override_settings(OPENSEARCH_URL=url, OPENSEARCH_INDEX_PREFIX=prefix):
        try:
            call_command("search_rebuild", stdout=open("/dev/null", "w"))
            for library in FACTS["libraries"]:
                data = client.get("/api/search/", {"q": library["main"]}).json()
                assert data["engine"] == "opensearch", data
                assert library["main"] in [hit["title"] for hit in data["hits"][:3]], library["main"]
            for row in FACTS["municipalities"]:
                data = client.get("/api/search/", {"q": f"bredband {row['name']}"}).json()
                hits = [hit for hit in data["hits"] if hit["type"] == "municipality_broadband"]
                assert hits and hits[0]["municipalities"] == [row["code"]], row["name"]
                assert not FIRST_COUNTY.search(str(data)), row["name"]
        finally:
            from opensearchpy import OpenSearch

            OpenSearch(hosts=[url]).indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
