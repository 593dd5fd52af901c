"""The database fallback behind the public search, and the local search node the suite runs against."""

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import free_port, search_engine_required


@pytest.mark.django_db
def test_search_api_answers_from_the_database_without_an_engine(client, demo):
    data = client.get("/api/search/", {"q": "bankid", "kommun": "1981"}).json()
    assert data["engine"] == "database"
    assert data["total"] > 0
    assert all(set(hit["municipalities"]) & {"1981", "region"} for hit in data["hits"])
    assert {"title", "url", "type", "municipalities", "topics", "summary", "highlight"} <= set(
        data["hits"][0]
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "written", "language"),
    [
        ("vasteras", "Västerås", "sv"),  # å and ä left out
        ("bredbandsstod", "bredbandsstöd", "sv"),
        ("الانترنت السريع", "الإنترنت السريع", "ar"),  # alef without its hamza
        ("الالكترونيه", "الإلكترونية", "ar"),  # and haa for taa marbuta
    ],
)
def test_the_database_fallback_reads_words_as_the_engine_does(client, demo, typed, written, language):
    """While the engine is away, letters typed without their marks (å, ä, ö, é) and Arabic letter
    forms (alef with or without hamza, taa marbuta or haa) find the same pages as the words written
    with them: pages index their text folded too, and the words are asked for both ways."""

    def found(query):
        data = client.get("/api/search/", {"q": query, "lang": language}).json()
        assert data["engine"] == "database"
        return data["total"], [hit["url"] for hit in data["hits"]]

    (total, hits), (typed_total, typed_hits) = found(written), found(typed)
    assert total > 0
    # The same pages, and what comes first as written comes near the top; the order may differ a
    # little (the words as written also match the text as written).
    assert typed_total == total and hits[0] in typed_hits[:3]


@pytest.mark.django_db
def test_the_database_fallback_knows_the_editors_synonyms(client, demo):
    """While the engine is away, a concept's other words are asked for too: "grant" finds the page
    about the broadband subsidy, as the engine does."""
    data = client.get("/api/search/", {"q": "grant", "lang": "en"}).json()
    assert data["engine"] == "database"
    assert "Broadband subsidy" in [hit["title"] for hit in data["hits"][:3]]
    # A Swedish word heard in Arabic letters, as the engine reads it: "bredbandsstöd"
    data = client.get("/api/search/", {"q": "بريدباندستود", "lang": "ar"}).json()
    assert data["engine"] == "database"
    assert "دعم الإنترنت السريع" in [hit["title"] for hit in data["hits"][:3]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "language", "title", "kind"),
    [
        ("fibra", "sv", "Fibra – stadsnät", "operator"),  # named by its snippet only
        ("kivra", "en", "Kivra", "e_service"),  # before the guides that mention it
        ("building permit", "en", "Apply for a building permit", "e_service"),
        ("forskola", "sv", "Ansök om plats i förskola", "e_service"),  # folded, as pages are
    ],
)
def test_the_database_fallback_finds_the_snippets_the_index_has(client, demo, query, language, title, kind):
    """While the engine is away, network operators and e-services are found too, as their documents
    in the reader's language have them; what has every word in its title comes first."""
    data = client.get("/api/search/", {"q": query, "lang": language}).json()
    assert data["engine"] == "database"
    first = data["hits"][0]
    assert (first["title"], first["type"]) == (title, kind)
    assert data["facets"]["typ"][kind] >= 1
    # Once: not the other languages' copies of an e-service too
    assert [hit["title"] for hit in data["hits"]].count(title) == 1
    # Filtered out by type, it is not looked for at all
    other_kind = client.get("/api/search/", {"q": query, "lang": language, "typ": "page"}).json()
    assert kind not in [hit["type"] for hit in other_kind["hits"]]


@pytest.mark.django_db
def test_the_fallbacks_snippets_cost_a_bounded_number_of_queries(demo, django_assert_max_num_queries):
    """Each snippet shown has its document built (a few queries apiece): a query that matches many
    of them reads a bounded number, whatever the words, and the pages' topics cost one query per
    page type, not one per page."""
    from wagtail.models import Locale, Page

    from search.registry import SNIPPETS
    from search.service import DATABASE_SNIPPETS, database_snippet_hits, topic_slugs

    words = "fiber bredband stadsnät fiberförening kivra bygglov förskola pension flytta bankid 1177"
    swedish = Locale.objects.get(language_code="sv")
    with django_assert_max_num_queries(10 * DATABASE_SNIPPETS * len(SNIPPETS)):  # 82 on the demo
        hits = database_snippet_hits(words, "sv", swedish)
    assert {hit["type"] for hit in hits} == {"operator", "e_service"}
    assert len(hits) <= 2 * DATABASE_SNIPPETS
    pages = list(Page.objects.live().specific()[:60])
    with django_assert_max_num_queries(len({type(page) for page in pages})):
        slugs = topic_slugs(pages)
    assert any(slugs.values())


@pytest.mark.django_db
def test_the_database_fallback_shows_no_page_the_index_leaves_out_in_any_language(client, demo):
    """A view restriction on a Swedish page or above it hides its untranslated English and Arabic
    copies too (Wagtail's `.public()` reads only the copy's own tree: they were shown, with their
    summaries, while the engine was away), and a live page below an unpublished one is not shown."""
    from wagtail.models import Page, PageViewRestriction

    alias = (
        Page.objects.filter(locale__language_code="en", alias_of__isnull=False, numchild__gt=0, live=True)
        .order_by("path")
        .first()
    )
    section = alias.alias_of
    child = section.get_children().live().first()

    def shown(page, language):
        found = set()
        for url, key in (("/api/search/", "hits"), ("/api/search/suggest/", "suggestions")):
            data = client.get(url, {"q": page.title, "lang": language}).json()
            assert data["engine"] == "database"
            found |= {hit["title"] for hit in data[key]}
        return page.title in found

    assert all(shown(page, language) for page in (section, child) for language in ("sv", "en", "ar"))
    restriction = PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert not any(shown(page, language) for page in (section, child) for language in ("sv", "en", "ar"))
    restriction.delete()
    assert shown(child, "en")
    Page.objects.filter(pk=section.pk).update(live=False)  # (its copies as they were: the child's are live)
    assert not shown(child, "sv")


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.text(max_size=5000) | st.sampled_from(['"', "'", "a AND (b", "*", "fiber*", "-", "NEAR(", "^~:"]))
def test_any_query_gets_an_answer_not_an_error(client, demo, q):
    for url in ("/api/search/", "/sok/"):
        response = client.get(url, {"q": q, "page": "x", "kommun": "'; drop"})
        assert response.status_code == 200


@pytest.mark.search_engine
def test_the_local_search_node_answers():
    url = os.environ.get("OPENSEARCH_URL")
    if not url:
        assert not search_engine_required(), "REQUIRE_SEARCH_ENGINE=1 but no OPENSEARCH_URL"
        pytest.skip("no search engine configured (make test starts one)")
    with urllib.request.urlopen(f"{url}/_cluster/health", timeout=10) as response:
        health = json.load(response)
    assert health["status"] in ("green", "yellow")
    with urllib.request.urlopen(url, timeout=10) as response:
        assert json.load(response)["version"]["number"].startswith("3.")


ROOT = Path(__file__).resolve().parents[2]


def search_node(command: str, node_port: int, *args: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k != "OPENSEARCH_URL"}
    done = subprocess.run(
        [sys.executable, "tools/search_node", command, *args],
        cwd=ROOT,
        env=dict(environment, OPENSEARCH_PORT=str(node_port)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.search_engine
def test_each_port_has_its_own_node_files_and_stop_ends_only_its_own_node():
    url = os.environ.get("OPENSEARCH_URL")
    node_port = urlsplit(url or "").port
    pid_file = ROOT / ".cache" / "search-node" / f"node-{node_port}.pid"
    if not url or not pid_file.exists():
        assert not search_engine_required(), "REQUIRE_SEARCH_ENGINE=1: run the tests with tools/search_node"
        pytest.skip("the node was not started by tools/search_node")
    node = int(pid_file.read_text())
    other_port = free_port()

    # `make run`'s node and `make test`'s are on different ports: stopping one leaves the other.
    assert "no node of ours" in search_node("stop", other_port)
    assert int(pid_file.read_text()) == node
    with urllib.request.urlopen(f"{url}/_cluster/health", timeout=10) as response:
        assert json.load(response)["status"] in ("green", "yellow")

    # Tests run against a node already answering there (`make run`'s) leave it running.
    output = search_node("run-tests", node_port, "--", sys.executable, "-c", "pass")
    assert "already answering" in output and "stopped" not in output
    assert int(pid_file.read_text()) == node
    with urllib.request.urlopen(f"{url}/_cluster/health", timeout=10) as response:
        assert json.load(response)["status"] in ("green", "yellow")

    # A stale pid file whose pid now belongs to another process: that process is not killed.
    bystander = subprocess.Popen(["sleep", "60"])
    stale = pid_file.with_name(f"node-{other_port}.pid")
    stale.write_text(str(bystander.pid))
    try:
        assert "no node of ours" in search_node("stop", other_port)
        assert bystander.poll() is None and not stale.exists()
    finally:
        bystander.kill()
        bystander.wait()


@pytest.mark.django_db
def test_search_log_is_purged_after_its_retention(client, demo):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    from search.models import QueryLog

    client.get("/api/search/", {"q": "fiber"})
    old = QueryLog.objects.create(query="gammal", language="sv", hits=0, engine="database")
    QueryLog.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=400))
    call_command("purge_search_log")
    assert list(QueryLog.objects.values_list("query", flat=True)) == ["fiber"]
