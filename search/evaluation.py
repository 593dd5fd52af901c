"""Scoring search quality on a query set (the format of ../shared/eval/queries.tsv).

Used by the quality test and by `make bench`, scoring exactly as ../shared/eval/evaluate.py does:
success@3 (share of queries with a matching hit among the first three) and MRR@10.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

QUERY_DATA = Path(__file__).resolve().parent.parent / "tests" / "search" / "data"
PUBLIC_QUERIES = QUERY_DATA / "public_queries.tsv"
# Residents' phrasings written from the demo content, and a held-out part never tuned on.
RESIDENT_QUERIES = QUERY_DATA / "resident_queries.tsv"
HELD_OUT_QUERIES = QUERY_DATA / "resident_queries_holdout.tsv"
# A second held-out set, written before the changes measured against it and never edited since.
SECOND_HELD_OUT_QUERIES = QUERY_DATA / "resident_queries_holdout2.tsv"
# A third, written on 5 December 2026 by someone who had not read the search code or the other sets.
THIRD_HELD_OUT_QUERIES = QUERY_DATA / "resident_queries_holdout3.tsv"
# A fourth and a fifth, written on 7 December 2026 from the content only (the fifth for English and
# Arabic readers meeting Swedish institutions), before the changes measured against them.
FOURTH_HELD_OUT_QUERIES = QUERY_DATA / "resident_queries_holdout4.tsv"
FIFTH_HELD_OUT_QUERIES = QUERY_DATA / "resident_queries_holdout5.tsv"


def load_queries(path: Path = PUBLIC_QUERIES) -> list[dict]:
    rows, header = [], None
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells[: len(header)], strict=True)))
    return rows


def matches(hit: dict, row: dict) -> bool:
    types = [t for t in row["expect_type"].split("|") if t]
    if types and hit.get("type") not in types:
        return False
    code = row["expect_municipality"]
    if code and code not in [str(c) for c in hit.get("municipalities", [])]:
        return False
    texts = [t.lower() for t in row["expect_text"].split("|") if t]
    haystack = f"{hit.get('title', '')} {hit.get('summary', '')}".lower()
    return not texts or any(t in haystack for t in texts)


@dataclass
class Score:
    success_at_3: float
    mrr_at_10: float
    misses: list[str]


def score(rows: list[dict], search: Callable[[str, str, str], list[dict]]) -> Score:
    """search(query, language, kommun) -> hits, best first."""
    success = rr = 0.0
    misses = []
    for row in rows:
        hits = search(row["query"], row["lang"] or "sv", row["kommun"])[:10]
        rank = next((i + 1 for i, hit in enumerate(hits) if matches(hit, row)), None)
        if rank and rank <= 3:
            success += 1
        else:
            misses.append(f"{row['query']!r} rank={rank} -> {[h.get('title') for h in hits[:3]]}")
        if rank:
            rr += 1.0 / rank
    n = len(rows) or 1
    return Score(success / n, rr / n, misses)
