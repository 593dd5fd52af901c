"""Search quality on the public query set (a copy of ../shared/eval/queries.tsv), scored as
../shared/eval/evaluate.py scores it: a query passes when a matching hit is among the first three."""

from pathlib import Path

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.search_engine]
QUERIES = Path(__file__).parent / "data" / "public_queries.tsv"


def load():
    rows, header = [], None
    for line in QUERIES.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


def matches(hit, row):
    types = [t for t in row["expect_type"].split("|") if t]
    if types and hit.get("type") not in types:
        return False
    if row["expect_municipality"] and row["expect_municipality"] not in hit.get("municipalities", []):
        return False
    texts = [t.lower() for t in row["expect_text"].split("|") if t]
    haystack = f"{hit.get('title', '')} {hit.get('summary', '')}".lower()
    return not texts or any(t in haystack for t in texts)


def test_success_at_3_is_at_least_0_9(engine, client):
    rows = load()
    misses = []
    for row in rows:
        params = {"q": row["query"], "lang": row["lang"] or "sv"}
        if row["kommun"]:
            params["kommun"] = row["kommun"]
        data = client.get("/api/search/", params).json()
        assert data["engine"] == "opensearch"
        if not any(matches(hit, row) for hit in data["hits"][:3]):
            misses.append(f"{row['query']!r} -> {[h['title'] for h in data['hits'][:3]]}")
    success = 1 - len(misses) / len(rows)
    assert success >= 0.9, "\n".join(misses)
