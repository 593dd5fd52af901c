"""A search on a large index asks for its hits and for its count apart (issue 13, speed with the
same quality): the hits without counting, so the node skips what cannot reach the page; the exact
count and facets with a filter, which scores nothing. Against the real node: both ways give the
same answer, and a refusal of either part is read as a refusal of the search."""

import pytest
from django.http import QueryDict
from opensearchpy.exceptions import RequestError

from search import breaker
from search.evaluation import RESIDENT_QUERIES, load_queries
from search.indexes import alias_name, client
from search.opensearch_query import _search, best_field_only, is_large, read_query, search_bodies
from search.service import SearchRequest
from tests.search import api

pytestmark = [pytest.mark.django_db, pytest.mark.search_engine]


def answer(client, **params):
    data = api(client, **params)
    assert data["engine"] == "opensearch"
    hits = [(hit["url"], hit["highlight"]) for hit in data["hits"]]
    return data["total"], data["facets"], hits, data.get("partial"), data.get("suggestion")


def test_hits_and_counts_asked_apart_give_the_answer_of_one_request(engine, client, settings):
    rows = load_queries(RESIDENT_QUERIES)
    searches = [
        {"q": row["query"], "lang": row["lang"], **({"kommun": row["kommun"]} if row["kommun"] else {})}
        for row in rows
    ]
    # Filters (facets counted as if their own filter were not set), later pages, few-hit queries.
    searches += [
        {"q": "fiber", "lang": "sv", "kommun": "1981"},
        {"q": "fiber", "lang": "sv", "typ": "broadband_guide"},
        {"q": "hjälp", "lang": "sv", "amne": "bankid", "kommun": "1980"},
        {"q": "hjälp", "lang": "sv", "page": "2"},
        {"q": "bredbnad", "lang": "sv"},
        {"q": "personuppgifter", "lang": "sv"},
        # Every first hit another municipality's: the place's own pages asked for alongside, and
        # (more than a page of hits) alone, with the first answer's count and facets.
        {"q": "nybörjarkurs på dator för pensionärer i Sala", "lang": "sv"},
        {"q": "lära swish på biblioteket i fagersta", "lang": "sv"},
        {"q": "lära swish på biblioteket i fagersta", "lang": "sv", "page": "2"},
    ]
    differ = []
    for params in searches:
        settings.SEARCH_SPLIT_FROM = 10**9  # every index is small: one request
        one = answer(client, **params)
        settings.SEARCH_SPLIT_FROM = 0  # every index is large: hits and counts apart
        two = answer(client, **params)
        if one != two:
            differ.append((params, one[:1], two[:1]))
    assert differ == []
    assert answer(client, q="hjälp", lang="sv", page="2")[2]  # the later page compared has hits


def test_a_large_index_is_asked_for_hits_without_a_count_and_for_a_count_without_scores(engine, settings):
    es, index = client(), alias_name("sv")
    request = SearchRequest.from_params(QueryDict("q=bredband+i+sala"))
    read = read_query(request, [], {"sala": "1981"})
    settings.SEARCH_SPLIT_FROM = 0
    assert is_large(es, index)
    hits, counts = search_bodies(request, read, split=True)
    assert hits["track_total_hits"] is False and "aggs" not in hits
    assert (
        counts["size"] == 0
        and counts["track_total_hits"] is True
        and set(counts["aggs"]) == {"typ", "kommun", "amne"}
    )
    assert "constant_score" in counts["query"]
    settings.SEARCH_SPLIT_FROM = 10**9
    assert not is_large(es, index)
    (one,) = search_bodies(request, read, split=False)
    assert one["track_total_hits"] is True and set(one["aggs"]) == {"typ", "kommun", "amne"}


def test_only_the_tie_breakers_differ_in_the_first_pass():
    def query(field_tie, reading_tie):
        reading = {"multi_match": {"query": "a", "tie_breaker": field_tie}}
        return {
            "bool": {
                "must": [{"dis_max": {"queries": [reading], "tie_breaker": reading_tie}}],
                "filter": [{"term": {"type": "page"}}],
            }
        }

    written = query(0.3, 0.1)
    assert best_field_only(written) == query(0.0, 0.0)
    assert written == query(0.3, 0.1)  # the query as written is kept


def test_a_refused_part_is_the_refusal_of_the_search_and_leaves_the_breaker_closed(engine):
    es, index = client(), alias_name("sv")
    good = {"query": {"match": {"title": "bredband"}}, "size": 1}
    for bodies in ([good, {"query": {"no_such_query": {}}}], [{"query": {"no_such_query": {}}}, good]):
        with pytest.raises(RequestError) as refused:
            _search(es, index, bodies)
        assert refused.value.status_code == 400
        assert not breaker.is_unreachable(refused.value)


def test_split_a_node_that_does_not_answer_still_opens_the_breaker(engine, client, settings):
    settings.SEARCH_SPLIT_FROM = 0
    assert api(client, q="fiber")["engine"] == "opensearch"  # the index's size is known from now on
    good_url = settings.OPENSEARCH_URL
    settings.OPENSEARCH_URL = "http://127.0.0.1:9"  # nothing listens: the two-part search fails
    assert api(client, q="fiber")["engine"] == "database"
    assert breaker.state() == breaker.OPEN
    settings.OPENSEARCH_URL = good_url  # the fixture cleans up through it
