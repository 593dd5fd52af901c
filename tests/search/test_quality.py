"""Search quality on the public query set (a copy of ../shared/eval/queries.tsv), scored as
../shared/eval/evaluate.py scores it, through the JSON API against the real node."""

import pytest

from search.evaluation import load_queries, matches, score

pytestmark = [pytest.mark.django_db, pytest.mark.search_engine]


def test_success_at_3_is_at_least_0_9(engine, client):
    def search(query, language, kommun):
        params = {"q": query, "lang": language}
        if kommun:
            params["kommun"] = kommun
        data = client.get("/api/search/", params).json()
        assert data["engine"] == "opensearch"
        return data["hits"]

    result = score(load_queries(), search)
    assert result.success_at_3 >= 0.9, "\n".join(result.misses)


def test_matching_rules_are_those_of_the_shared_evaluator():
    row = {"expect_type": "library|help_session", "expect_municipality": "1981", "expect_text": "bank"}
    assert matches({"type": "library", "municipalities": ["1981"], "title": "BankID-hjälp"}, row)
    assert not matches({"type": "library", "municipalities": ["1980"], "title": "BankID"}, row)
    assert not matches({"type": "page", "municipalities": ["1981"], "title": "BankID"}, row)
