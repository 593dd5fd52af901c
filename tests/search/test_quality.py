"""Search quality, scored as ../shared/eval/evaluate.py scores it, through the JSON API against
the real node: the public query set (a copy of ../shared/eval/queries.tsv), and the residents'
phrasings we wrote from the demo content (tests/search/data/resident_queries.tsv) with five held-out
sets (resident_queries_holdout*.tsv), each written before the changes measured against it."""

import pytest

from search.evaluation import (
    FIFTH_HELD_OUT_QUERIES,
    FOURTH_HELD_OUT_QUERIES,
    HELD_OUT_QUERIES,
    RESIDENT_QUERIES,
    SECOND_HELD_OUT_QUERIES,
    THIRD_HELD_OUT_QUERIES,
    load_queries,
    matches,
    score,
)

pytestmark = [pytest.mark.django_db, pytest.mark.search_engine]


def api_search(client):
    def search(query, language, kommun):
        params = {"q": query, "lang": language}
        if kommun:
            params["kommun"] = kommun
        data = client.get("/api/search/", params).json()
        assert data["engine"] == "opensearch"
        return data["hits"]

    return search


def test_success_at_3_is_at_least_0_9(engine, client):
    result = score(load_queries(), api_search(client))
    assert result.success_at_3 >= 0.9, "\n".join(result.misses)


def test_residents_phrasings_success_at_3_is_at_least_0_95_and_none_finds_nothing(engine, client):
    rows = load_queries(RESIDENT_QUERIES)
    assert len(rows) >= 150 and {row["lang"] for row in rows} == {"sv", "en", "ar"}
    search = api_search(client)
    # Every query was written for content the demo has: none may come back empty.
    empty = [row["query"] for row in rows if not search(row["query"], row["lang"], row["kommun"])]
    assert empty == []
    result = score(rows, search)
    assert result.success_at_3 >= 0.95, "\n".join(result.misses)


@pytest.mark.parametrize(
    "path",
    [
        HELD_OUT_QUERIES,
        SECOND_HELD_OUT_QUERIES,
        THIRD_HELD_OUT_QUERIES,
        FOURTH_HELD_OUT_QUERIES,
        FIFTH_HELD_OUT_QUERIES,
    ],
    ids=["holdout", "holdout2", "holdout3", "holdout4", "holdout5"],
)
def test_held_out_phrasings_find_something_and_the_right_thing_first(engine, client, path):
    """Not written to the engine's strengths; the README gives the scores and what still misses."""
    rows = load_queries(path)
    assert {row["lang"] for row in rows} == {"sv", "en", "ar"}
    search = api_search(client)
    empty = [row["query"] for row in rows if not search(row["query"], row["lang"], row["kommun"])]
    assert empty == []
    result = score(rows, search)
    assert result.success_at_3 >= 0.95, "\n".join(result.misses)


def test_matching_rules_are_those_of_the_shared_evaluator():
    row = {"expect_type": "library|help_session", "expect_municipality": "1981", "expect_text": "bank"}
    assert matches({"type": "library", "municipalities": ["1981"], "title": "BankID-hjälp"}, row)
    assert not matches({"type": "library", "municipalities": ["1980"], "title": "BankID"}, row)
    assert not matches({"type": "page", "municipalities": ["1981"], "title": "BankID"}, row)
