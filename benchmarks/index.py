#!/usr/bin/env python
"""`make bench-index`: suggestions per keystroke and `search_rebuild`, on the demo and on a large county.

On a fresh SQLite database with the demo county, against the node at OPENSEARCH_URL:
  * `search_rebuild` of the demo site;
  * suggestions as residents type them: every prefix (2–10 characters) of words and titles of the
    demo in Swedish, English and Arabic, p50/p95 of (a) the engine query alone (`run_autocomplete`)
    and (b) the whole `/api/search/suggest/` view in process (Django's test client), and (c) the same
    view while the breaker is open (answered by the database);
  * then `generate_load_content` (50,000 synthetic pages; `--documents N`), `search_rebuild` of that
    county (parallel bulk, refresh off and no replicas during the build), and (a)–(c) again.
Figures are printed and saved to .cache/bench-index.json. Speed is measured here, never asserted in
tests. All traffic stays on 127.0.0.1.
"""

import argparse
import json
import os
import sys
import time

from benchlib import ROOT, percentile, use_settings

use_settings("config.settings.bench")


def figures(durations) -> dict:
    return {
        "n": len(durations),
        "p50_ms": round(percentile(durations, 0.5) * 1000, 2),
        "p95_ms": round(percentile(durations, 0.95) * 1000, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=50_000)
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--keystrokes", type=int, default=600, help="suggestion requests per measurement")
    parser.add_argument(
        "--reuse", action="store_true", help="measure the site already in .cache/bench.sqlite3 (no reload)"
    )
    args = parser.parse_args()
    if not os.environ.get("OPENSEARCH_URL"):
        sys.exit("OPENSEARCH_URL is not set: run `make bench-index`, which starts a local node")

    database = ROOT / ".cache" / "bench.sqlite3"
    database.parent.mkdir(exist_ok=True)
    if not args.reuse:
        database.unlink(missing_ok=True)

    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client
    from wagtail.models import Page

    from search import breaker
    from search.opensearch_query import run_autocomplete

    settings.ALLOWED_HOSTS = ["*"]
    quiet = open(os.devnull, "w")
    if not args.reuse:
        call_command("migrate", verbosity=0)
        call_command("load_demo", verbosity=0, stdout=quiet)

    def rebuild_seconds() -> float:
        started = time.perf_counter()
        call_command("search_rebuild", verbosity=0, stdout=quiet)
        return time.perf_counter() - started

    def keystrokes() -> list[tuple[str, str]]:
        """What residents type: each prefix of the demo's titles and of their words, per language."""
        typed = []
        titles = Page.objects.live().filter(depth__gt=2).exclude(url_path__contains="/lasttest/")
        for title, language in titles.values_list("title", "locale__language_code"):
            for word in [title, *title.split()]:
                for end in range(2, min(len(word), 10) + 1):
                    typed.append((language, word[:end].lower()))
        typed = sorted(set(typed))
        step = max(1, len(typed) // args.keystrokes)
        return typed[::step][: args.keystrokes]

    def measure(typed) -> dict:
        http = Client()
        for language, text in typed[:200]:  # warm up connections, caches and the node's JIT
            run_autocomplete(language, text)
            http.get("/api/search/suggest/", {"q": text, "lang": language})
        engine, view, fallback = [], [], []
        found = 0
        for language, text in typed:
            begin = time.perf_counter()
            found += bool(run_autocomplete(language, text))
            engine.append(time.perf_counter() - begin)
        for language, text in typed:
            begin = time.perf_counter()
            response = http.get("/api/search/suggest/", {"q": text, "lang": language})
            view.append(time.perf_counter() - begin)
            assert response.json()["engine"] == "opensearch", response.json()
        breaker.open_until(time.time() + 3600)
        for language, text in typed:
            begin = time.perf_counter()
            response = http.get("/api/search/suggest/", {"q": text, "lang": language})
            fallback.append(time.perf_counter() - begin)
            assert response.json()["engine"] == "database"
        breaker.reset()
        cache.clear()
        return {
            "engine_query": figures(engine),
            "api_view": figures(view),
            "api_view_breaker_open": figures(fallback),
            "keystrokes_with_suggestions": round(found / len(typed), 3),
        }

    if args.reuse:
        documents = Page.objects.filter(url_path__contains="/lasttest/").count()
        summary = {"site": {"documents": documents, "rebuild_s": round(rebuild_seconds(), 2)}}
        summary["site"]["suggestions"] = measure(keystrokes())
        print(json.dumps(summary, indent=2))
        return 0
    summary = {"demo": {"rebuild_s": round(rebuild_seconds(), 2)}}
    typed = keystrokes()
    summary["demo"]["suggestions"] = measure(typed)
    if not args.skip_load:
        call_command("generate_load_content", documents=args.documents, verbosity=0, stdout=quiet)
        summary["load"] = {"documents": args.documents, "rebuild_s": round(rebuild_seconds(), 2)}
        summary["load"]["suggestions"] = measure(typed)

    print("\n| site | search_rebuild | suggestion: engine p50 / p95 | API p50 / p95 | API, breaker open |")
    print("| --- | --- | --- | --- | --- |")
    for name, row in summary.items():
        s = row["suggestions"]
        label = "demo" if name == "demo" else f"demo + {row['documents']:,} synthetic pages"
        print(
            f"| {label} | {row['rebuild_s']:.1f} s "
            f"| {s['engine_query']['p50_ms']} / {s['engine_query']['p95_ms']} ms "
            f"| {s['api_view']['p50_ms']} / {s['api_view']['p95_ms']} ms "
            f"| {s['api_view_breaker_open']['p50_ms']} / {s['api_view_breaker_open']['p95_ms']} ms |"
        )
    print(f"\n{len(typed)} keystrokes per measurement (sv, en, ar prefixes of the demo's titles)")
    (ROOT / ".cache" / "bench-index.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
