#!/usr/bin/env python
"""`make bench`: our search beside Wagtail's built-in search, on the same content and queries.

In one process, on a fresh SQLite database with the demo county:
  * quality (success@3, MRR@10) on the public query set, and latency p50/p95 with 1 and 10
    concurrent clients, for: our OpenSearch query; Wagtail's `Page.objects.live().search()` on the
    database backend; the same on Wagtail's own OpenSearch backend (same node, its own index);
  * `search_rebuild` time for the demo site and for a synthetic 50,000-page site
    (`generate_load_content`; `--documents N` to change, `--skip-load` to leave it out).
The figures are printed as a Markdown table and saved to .cache/bench.json. Needs OPENSEARCH_URL
(`make bench` starts a local node). All traffic stays on 127.0.0.1.
"""

import argparse
import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from benchlib import ROOT, percentile, use_settings

use_settings("config.settings.bench")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=50_000)
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--calls", type=int, default=300, help="searches per latency run")
    args = parser.parse_args()
    if not os.environ.get("OPENSEARCH_URL"):
        sys.exit("OPENSEARCH_URL is not set: run `make bench`, which starts a local node")

    database = ROOT / ".cache" / "bench.sqlite3"
    database.parent.mkdir(exist_ok=True)
    database.unlink(missing_ok=True)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Locale, Page

    from search.evaluation import load_queries, score
    from search.registry import type_for_page
    from search.service import SearchRequest, municipality_codes, run_search

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    started = time.perf_counter()
    call_command("search_rebuild", verbosity=0, stdout=open(os.devnull, "w"))
    rebuild_demo = time.perf_counter() - started
    call_command("update_index", backend_name="opensearch", verbosity=0, stdout=open(os.devnull, "w"))

    rows = load_queries()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}

    def ours(query, language, kommun):
        params = {"q": query, "lang": language, "kommun": kommun}
        from django.http import QueryDict

        data = QueryDict(mutable=True)
        data.update({k: v for k, v in params.items() if v})
        return run_search(SearchRequest.from_params(data), log_it=False)["hits"]

    def wagtail(backend):
        def search(query, language, kommun):
            pages = Page.objects.live().public().filter(locale=locales.get(language)).specific()
            results = list(pages.search(query, backend=backend)[:50])
            codes = municipality_codes(results)
            hits = [
                {
                    "title": p.title,
                    "summary": getattr(p, "summary", ""),
                    "type": type_for_page(p),
                    "municipalities": codes[p.pk],
                }
                for p in results
            ]
            if kommun:
                hits = [h for h in hits if set(h["municipalities"]) & {kommun, "region"}]
            return hits

        return search

    engines = {
        "En väg in (OpenSearch, own index)": ours,
        "Wagtail database backend": wagtail("default"),
        "Wagtail OpenSearch backend": wagtail("opensearch"),
    }
    results = {}
    for name, search in engines.items():
        quality = score(rows, search)
        latency = {}
        for clients in (1, 10):
            durations = []

            def one(i, search=search, durations=durations):
                row = rows[i % len(rows)]
                begin = time.perf_counter()
                search(row["query"], row["lang"] or "sv", row["kommun"])
                durations.append(time.perf_counter() - begin)
                connection.close()

            with ThreadPoolExecutor(max_workers=clients) as pool:
                list(pool.map(one, range(args.calls)))
            latency[clients] = (percentile(durations, 0.5) * 1000, percentile(durations, 0.95) * 1000)
        results[name] = {
            "success_at_3": round(quality.success_at_3, 3),
            "mrr_at_10": round(quality.mrr_at_10, 3),
            "latency_ms": {
                f"{c} clients": {"p50": round(v[0], 1), "p95": round(v[1], 1)} for c, v in latency.items()
            },
        }
    rebuild_load = None
    if not args.skip_load:
        call_command(
            "generate_load_content", documents=args.documents, verbosity=0, stdout=open(os.devnull, "w")
        )
        started = time.perf_counter()
        call_command("search_rebuild", verbosity=0, stdout=open(os.devnull, "w"))
        rebuild_load = time.perf_counter() - started

    print("\n| search | success@3 | MRR@10 | p50 / p95, 1 client | p50 / p95, 10 clients |")
    print("| --- | --- | --- | --- | --- |")
    for name, r in results.items():
        one, ten = r["latency_ms"]["1 clients"], r["latency_ms"]["10 clients"]
        print(
            f"| {name} | {r['success_at_3']:.3f} | {r['mrr_at_10']:.3f} | {one['p50']} / {one['p95']} ms "
            f"| {ten['p50']} / {ten['p95']} ms |"
        )
    print(f"\nsearch_rebuild, demo site: {rebuild_demo:.1f} s")
    if rebuild_load is not None:
        print(f"search_rebuild, demo + {args.documents} synthetic pages: {rebuild_load:.1f} s")
    summary = {
        "engines": results,
        "rebuild_demo_s": rebuild_demo,
        "rebuild_load_s": rebuild_load,
        "documents": None if args.skip_load else args.documents,
        "queries": len(rows),
    }
    (ROOT / ".cache" / "bench.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
