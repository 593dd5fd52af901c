"""Keeping the index in step with the content, without ever making publishing wait or fail.

A transactional outbox: every change the index must follow (publish, unpublish, move, delete, a
view restriction added or removed, a snippet saved) writes an `IndexOutbox` row in the change's own
transaction (`enqueue`, called by `search.signals`). After the commit the rows of that transaction
are applied at once, a bounded number of them and only while the breaker is closed; what is left
is enqueued as a `drain_index` task (search/tasks.py; a failed row at its back-off time), and
the scheduled `search_sync` catches up on anything else. `drain()` is the one entry point for the
task worker, the scheduler and `manage.py search_sync`. Applying a row reads the object's current
state, so it is idempotent and several rows for one object are applied once. A row that fails
while the engine answers backs off and is set aside after `SEARCH_OUTBOX_MAX_ATTEMPTS`, never
holding up the others; when the engine cannot be reached the breaker opens and the rows simply wait.

`rebuild()` builds fresh indexes in bulk (parallel, refresh off, no replicas), swaps the aliases in
one step and then replays every change applied or queued since it started.
"""

import datetime
import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from typing import NamedTuple

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from opensearchpy.exceptions import OpenSearchException, TransportError
from opensearchpy.helpers import bulk
from wagtail.models import Locale, Page

from search import breaker
from search.indexes import alias_name, build_index, client, engine_configured
from search.models import IndexOutbox
from search.opensearch_query import name_sounds
from search.registry import (
    SNIPPETS,
    IndexContext,
    is_public,
    page_doc_id,
    page_document,
    type_weights,
    with_type_label,
)

log = logging.getLogger(__name__)
ENGINE_ERRORS = (OpenSearchException, OSError, ConnectionError)
# Rows a worker or `search_sync` takes per call, and rows applied right after a commit (the rest of a
# moved subtree waits for the worker, so no request runs N index updates).
OUTBOX_BATCH = 500
AFTER_COMMIT_LIMIT = 20
BULK_CHUNK = 500
# The engine answers but takes no writes now, whatever the document (`refuses_writes`): a full
# disk's read-only block (`cluster_block_exception`: 429, or 403 on older nodes), a write block an
# operator set (403), a full write queue (`…rejected_execution_exception`: 429), credentials refused
# (401, or 403 `security_exception`). Not a row's fault: the rows wait, their attempts unchanged. A
# refusal of one document (a 429 `circuit_breaking_exception` for an oversized one, a 400) is.
REFUSING_ERRORS = ("cluster_block_exception", "rejected_execution_exception", "security_exception")


def refuses_writes(exc: BaseException) -> bool:
    if not isinstance(exc, TransportError):
        return False
    if exc.status_code == 401:
        return True
    return exc.status_code in (403, 429) and any(kind in str(exc.error) for kind in REFUSING_ERRORS)


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def snippet_key(obj) -> str:
    return f"{obj._meta.model_name}:{obj.pk}"


def page_key(page_or_pk) -> str:
    return f"page:{getattr(page_or_pk, 'pk', page_or_pk)}"


def parse_key(key: str):
    kind, _, pk = key.partition(":")
    return kind, int(pk)


# --- building documents ---------------------------------------------------------------------------
def documents_for_key(key: str, ctx: IndexContext) -> list[tuple[str, str, dict]]:
    """(language, doc id, body) for an object key; empty when the object is gone or not public."""
    kind, pk = parse_key(key)
    if kind == "page":
        page = Page.objects.filter(pk=pk).select_related("locale").first()
        if page is None or page.alias_of_id or not is_public(page):
            return []  # an alias (untranslated page) is found through its Swedish source's documents
        translated = set(
            page.get_translations()
            .live()
            .filter(alias_of__isnull=True)
            .values_list("locale__language_code", flat=True)
        )
        return page_documents(page.specific, ctx, translated)
    for model, builder in SNIPPETS.items():
        if model._meta.model_name == kind:
            obj = model.objects.filter(pk=pk).first()
            if obj is None:
                return []
            return [(language, key.replace(":", "-"), body) for language, body in builder(obj, ctx)]
    return []


def page_documents(page: Page, ctx: IndexContext, translated: set[str]) -> list[tuple[str, str, dict]]:
    """A page's document in its own language and, for an untranslated source page, in the others.

    Untranslated Swedish pages are found in the other languages too, as the listings show them.
    """
    doc = page_document(page, ctx)
    if not doc:
        return []
    language = page.locale.language_code
    documents = [(language, page_doc_id(page.pk), doc)]
    if language == settings.LANGUAGE_CODE:
        for other in languages():
            if other != language and other not in translated:
                documents.append((other, page_doc_id(page.pk), with_type_label(doc, other)))
    return documents


def all_documents(ctx: IndexContext, batch: int = 500) -> Iterator[tuple[str, str, dict]]:
    """Every document of the site, reading pages in batches (a fixed number of queries per batch)."""
    live = Page.objects.live().public().filter(depth__gt=1, alias_of__isnull=True)
    # A page below an unpublished page is not reachable as content: leave it out (`is_public`).
    hidden = set(Page.objects.filter(live=False, depth__gt=1).values_list("path", flat=True))
    step = Page.steplen
    translated: dict = {}
    pks = []
    for pk, path, key, language in live.order_by("path").values_list(
        "pk", "path", "translation_key", "locale__language_code"
    ):
        if hidden and any(path[:end] in hidden for end in range(step * 2, len(path), step)):
            continue
        translated.setdefault(key, set()).add(language)
        pks.append(pk)
    # `.specific()` fetches the pages again without select_related: give them their locale here.
    locales = {locale.pk: locale for locale in Locale.objects.all()}
    for start in range(0, len(pks), batch):
        pages = Page.objects.filter(pk__in=pks[start : start + batch]).specific()
        for page in pages:
            page.locale = locales[page.locale_id]
            yield from page_documents(
                page, ctx, translated.get(page.translation_key, set()) - {page.locale.language_code}
            )
    for model, builder in SNIPPETS.items():
        for obj in model.objects.all():
            key = f"{model._meta.model_name}-{obj.pk}"
            for language, body in builder(obj, ctx):
                yield language, key, body


def doc_id_for_key(key: str) -> str:
    kind, pk = parse_key(key)
    return page_doc_id(pk) if kind == "page" else key.replace(":", "-")


# --- applying changes ------------------------------------------------------------------------------
def missing_languages(timeout: float | None = None) -> list[str]:
    """Languages whose alias is missing: a new cluster, or one that lost its indexes (a local node
    restarted empty, a cluster restored without them)."""
    wanted = {alias_name(language): language for language in languages()}
    # One request for all of them (a 404 body still lists the ones that exist).
    found = client(timeout).indices.get_alias(name=",".join(wanted), ignore=[404])
    present = {
        alias for index in found.values() if isinstance(index, dict) for alias in index.get("aliases", {})
    }
    return [language for alias, language in wanted.items() if alias not in present]


def rebuild_if_missing(progress: Callable[[str], None] = lambda message: None) -> list[str]:
    """`search_sync`'s first step: when a language's index is missing, build them all from the
    database (`rebuild`, which also replays the waiting rows). An index made only of the latest
    changes would answer residents with almost nothing; until the rebuild, searches answer from
    the database. Returns the languages that were missing."""
    missing = missing_languages(settings.OPENSEARCH_INDEX_TIMEOUT)
    if missing:
        progress(f"index saknas för {', '.join(missing)}: bygger om alla från databasen")
        rebuild(progress=progress)
    return missing


def apply(key: str, action: str, ctx: IndexContext | None = None, timeout: float | None = None) -> None:
    """Make the index show the object as it is now in the database; raises on engine errors."""
    ctx = ctx or IndexContext()
    es = client(timeout)
    doc_id = doc_id_for_key(key)
    documents = documents_for_key(key, ctx) if action == IndexOutbox.Action.INDEX else []
    present = {language for language, _id, _body in documents}
    for language, _doc_id, body in documents:
        es.index(index=alias_name(language), id=_doc_id, body=_jsonable(body, language))
    for language in languages():
        if language in present:
            continue
        es.delete(index=alias_name(language), id=doc_id, ignore=[404])


def _jsonable(body: dict, language: str) -> dict:
    """The document as sent: dates as ISO strings, and its type's ranking weight as a field, so that
    a query multiplies by one field instead of testing every type (a re-index after a change of
    weight, as after any change of document shape). In the index of a language written from right
    to left (Arabic), also how the Latin names of its title sound in Arabic letters (`name_sounds`):
    an operator's name typed in Arabic letters finds it, though nobody wrote it so. (Not its
    places: every page of a municipality lists all its villages and districts there.)"""
    document = {
        key: (value.isoformat() if isinstance(value, datetime.date | datetime.datetime) else value)
        for key, value in body.items()
    }
    document.setdefault("type_weight", type_weights().get(document.get("type"), 1.0))
    if _written_right_to_left(language):
        document["heard"] = name_sounds(document.get("title", ""))
    return document


@cache
def _written_right_to_left(language: str) -> bool:
    try:
        return bool(translation.get_language_info(language)["bidi"])
    except KeyError:
        return False


def enqueue(keys: Iterable[str], action: str = IndexOutbox.Action.INDEX) -> None:
    """Write outbox rows for these objects in the caller's transaction; apply them after it commits.

    Without an engine configured nothing is written (a later `search_rebuild` builds everything).
    """
    if not engine_configured():
        return
    keys = list(dict.fromkeys(keys))
    if not keys:
        return
    IndexOutbox.objects.bulk_create(
        [IndexOutbox(object_key=key, action=action) for key in keys], batch_size=OUTBOX_BATCH
    )
    transaction.on_commit(lambda: drain_after_commit(keys), robust=True)


def drain_after_commit(keys: list[str]) -> None:
    """Apply the rows a transaction just wrote, a few of them, unless the engine is known to be down;
    hand what is left to the task worker (`drain_index`), a failed row at its back-off time.

    Uses the residents' timeout, so a publish waits at most that long for a hung node (once: the
    breaker then opens). Never raises: the rows stay in the outbox, and the scheduled `search_sync`
    applies whatever no task did (the engine was down, the queue was unreachable).
    """
    try:
        result = drain(
            keys=keys[:AFTER_COMMIT_LIMIT], limit=AFTER_COMMIT_LIMIT * 4, timeout=settings.OPENSEARCH_TIMEOUT
        )
        if result.engine_down:
            return  # search_sync retries once the breaker lets it
        waiting = IndexOutbox.objects.pending().filter(object_key__in=keys)
        first_due = waiting.order_by("next_attempt_at").values_list("next_attempt_at", flat=True).first()
        if first_due is not None:
            enqueue_drain(keys, first_due)
    except Exception:
        log.exception("applying index changes after commit failed; the outbox keeps them")


def enqueue_drain(keys: list[str], when: datetime.datetime) -> None:
    """A `drain_index` task for these objects' rows, deferred to `when` if the queue can defer."""
    from search.tasks import drain_index

    task = drain_index
    if when > timezone.now():
        if not task.get_backend().supports_defer:
            return  # search_sync picks the rows up when they are due
        task = task.using(run_after=when)
    task.enqueue(keys)


class DrainResult(NamedTuple):
    applied: int
    failed: int
    pending: int
    set_aside: int
    # The engine cannot be reached, or (with `refused`) takes no changes now: the rows wait.
    engine_down: bool
    # Why the engine takes no changes while it answers (`refuses_writes`), or "".
    refused: str = ""


def _backoff(attempts: int) -> datetime.timedelta:
    seconds = settings.SEARCH_OUTBOX_BACKOFF_SECONDS * 2 ** max(0, attempts - 1)
    return datetime.timedelta(seconds=min(seconds, settings.SEARCH_OUTBOX_BACKOFF_MAX_SECONDS))


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:2000]


def _record_failure(rows: list[IndexOutbox], exc: BaseException) -> None:
    now = timezone.now()
    for row in rows:
        row.attempts += 1
        row.last_error = _reason(exc)
        row.next_attempt_at = now + _backoff(row.attempts)
        if row.attempts >= settings.SEARCH_OUTBOX_MAX_ATTEMPTS:
            row.set_aside_at = now
            log.error("index update %s set aside after %s attempts: %s", row.object_key, row.attempts, exc)
        row.save(update_fields=["attempts", "last_error", "next_attempt_at", "set_aside_at", "updated_at"])


def _result(applied: int, failed: int, engine_down: bool, refused: str = "") -> DrainResult:
    return DrainResult(
        applied=applied,
        failed=failed,
        pending=IndexOutbox.objects.pending().count(),
        set_aside=IndexOutbox.objects.set_aside().count(),
        engine_down=engine_down,
        refused=refused,
    )


def drain(
    limit: int | None = OUTBOX_BATCH,
    keys: list[str] | None = None,
    progress: Callable[[str], None] | None = None,
    timeout: float | None = None,
    due_only: bool = True,
    respect_breaker: bool = True,
) -> DrainResult:
    """Apply waiting outbox rows, oldest first: THE entry point for the worker and the scheduler.

    Rows for the same object are applied once. A row that fails while the engine answers (a
    rejected document, a bug building it) backs off or is set aside, and the others go on; when the
    engine cannot be reached the breaker opens and the run stops, leaving the rows as they were.
    When the engine answers but takes no writes (`refuses_writes`: a full disk) the run stops too,
    the rows wait with their attempts unchanged (the reason noted on the one tried, for the admin's
    queue) and the breaker stays closed: residents' searches go on against the index as it is.
    """
    if not engine_configured():
        return _result(0, 0, True)
    taken = breaker.acquire() if respect_breaker else breaker.CLOSED
    if taken == breaker.OPEN:
        return _result(0, 0, True)
    timeout = settings.OPENSEARCH_INDEX_TIMEOUT if timeout is None else timeout
    rows = IndexOutbox.objects.pending()
    if due_only:
        rows = rows.filter(next_attempt_at__lte=timezone.now())
    if keys is not None:
        rows = rows.filter(object_key__in=keys)
    rows = rows.order_by("id")
    by_key: dict[str, list[IndexOutbox]] = {}
    for row in rows[:limit] if limit else rows:
        by_key.setdefault(row.object_key, []).append(row)
    # With nothing waiting, the scheduled sweep still takes a half-open breaker's probe (the index
    # check below), so that it closes after an outage while residents only type (suggestions never
    # take the probe); a drain for given keys gives it back.
    if not by_key and not (taken == breaker.PROBE and keys is None):
        breaker.release(taken)
        if keys is None:
            _purge_done()
        return _result(0, 0, False)
    try:
        missing = missing_languages(timeout)
    except ENGINE_ERRORS as exc:
        breaker.failed(exc)
        if not breaker.is_unreachable(exc):
            breaker.succeeded(taken)
        if refuses_writes(exc):  # (credentials refused: the check of the indexes is refused first)
            return _result(0, 0, True, refused=_reason(exc))
        return _result(0, 0, breaker.is_unreachable(exc))
    if missing or not by_key:  # (never an index of the latest changes only: search_sync rebuilds)
        breaker.succeeded(taken)
        if not by_key:
            _purge_done()
        return _result(0, 0, False)
    ctx = IndexContext()
    applied = failed = 0
    for key, key_rows in by_key.items():
        try:
            with transaction.atomic():  # a database error building one document spoils nothing else
                apply(key, key_rows[-1].action, ctx, timeout=timeout)
        except Exception as exc:
            if breaker.is_unreachable(exc):
                breaker.failed(exc)  # not the row's fault: it waits, with its attempts unchanged
                return _result(applied, failed, True)
            if refuses_writes(exc):
                reason = _reason(exc)
                log.error("the search engine takes no changes now; the outbox waits: %s", reason)
                IndexOutbox.objects.filter(pk__in=[row.pk for row in key_rows]).update(last_error=reason)
                breaker.succeeded(taken)
                return _result(applied, failed, True, refused=reason)
            log.warning("index update %s failed: %s", key, exc, exc_info=True)
            _record_failure(key_rows, exc)
            failed += 1
            continue
        IndexOutbox.objects.filter(pk__in=[row.pk for row in key_rows]).update(
            done_at=timezone.now(), last_error=""
        )
        applied += 1
        if progress:
            progress(key)
    breaker.succeeded(taken)
    if keys is None:
        _purge_done()
    return _result(applied, failed, False)


def _purge_done() -> None:
    cutoff = timezone.now() - datetime.timedelta(hours=settings.SEARCH_OUTBOX_KEEP_DONE_HOURS)
    IndexOutbox.objects.filter(done_at__lt=cutoff).delete()


def retry_set_aside(pks: Iterable[int] | None = None) -> int:
    """Give set-aside rows a fresh start (the admin's "try again"); they are applied by the next drain."""
    rows = IndexOutbox.objects.set_aside()
    if pks is not None:
        rows = rows.filter(pk__in=list(pks))
    return rows.update(set_aside_at=None, attempts=0, next_attempt_at=timezone.now())


# --- rebuilding ------------------------------------------------------------------------------------
def rebuild(progress: Callable[[str], None] = lambda message: None, threads: int = 2) -> dict[str, int]:
    """Build fresh indexes for every language, swap the aliases in one atomic step, then replay changes.

    During the build each new index has refresh off and no replicas, and documents go in parallel
    bulk requests; afterwards the index gets its normal refresh and `OPENSEARCH_REPLICAS`. Changes
    made while the build ran may be missing from it (the pages were read before they happened) or
    may have been applied to the old index by the worker: so every outbox row applied since the
    start (the high-water mark) and every row still waiting is applied again to the new indexes.
    """
    es = client(settings.OPENSEARCH_INDEX_TIMEOUT)
    ctx = IndexContext()
    started_at = timezone.now()
    started = time.monotonic()
    new_indexes = {}
    for language in languages():
        index = build_index(language)
        index.settings(refresh_interval="-1", number_of_replicas=0)
        index.create(using=es)
        new_indexes[language] = index._name
    counts = dict.fromkeys(languages(), 0)

    def actions():
        total = 0
        for language, doc_id, body in all_documents(ctx):
            if language not in new_indexes:
                continue
            counts[language] += 1
            total += 1
            if total % 10_000 == 0:
                progress(f"{total} dokument indexerade")
            yield {"_index": new_indexes[language], "_id": doc_id, "_source": _jsonable(body, language)}

    # Documents are built here, in this thread (its database connection and transaction); only the
    # bulk requests run in parallel, at most `threads * 2` chunks in flight.
    with ThreadPoolExecutor(max_workers=threads) as pool:
        in_flight: deque = deque()
        for chunk in _chunks(actions(), BULK_CHUNK):
            in_flight.append(pool.submit(_bulk_chunk, es, chunk))
            if len(in_flight) >= threads * 2:
                in_flight.popleft().result()
        while in_flight:
            in_flight.popleft().result()
    for name in new_indexes.values():
        es.indices.put_settings(
            index=name,
            body={"index": {"refresh_interval": None, "number_of_replicas": settings.OPENSEARCH_REPLICAS}},
        )
        es.indices.refresh(index=name)
        _warm(es, name)
    progress(f"{sum(counts.values())} dokument skrivna; byter alias")
    swap = []
    old = []
    for language, name in new_indexes.items():
        alias = alias_name(language)
        if es.indices.exists_alias(name=alias):
            for existing in es.indices.get_alias(name=alias):
                swap.append({"remove": {"index": existing, "alias": alias}})
                old.append(existing)
        elif es.indices.exists(index=alias):
            es.indices.delete(index=alias)
        swap.append({"add": {"index": name, "alias": alias}})
    es.indices.update_aliases(body={"actions": swap})
    for name in old:
        es.indices.delete(index=name, ignore_unavailable=True)
    replayed = replay_since(started_at)
    progress(
        f"klart på {time.monotonic() - started:.1f} s: "
        + ", ".join(f"{k}={v}" for k, v in counts.items())
        + f"; {replayed} ändringar under bygget spelades upp"
    )
    return counts


def _warm(es, name: str) -> None:
    """A search with facets, highlights and a suggestion against a new index before the alias points
    at it: the first resident after a rebuild (or after `make run`) does not pay for loading the
    index's structures, which on a cold node can take longer than a search waits
    (`OPENSEARCH_TIMEOUT`) and would open the breaker."""
    from search.opensearch_query import FACETS, FOLDED_FIELDS, HIGHLIGHT_FIELDS

    searches = [
        {
            "query": {"multi_match": {"query": "bredband bibliotek hjälp", "fields": FOLDED_FIELDS}},
            "aggs": {facet: {"terms": {"field": field}} for facet, field in FACETS.items()},
            "highlight": {"fields": {field: {} for field in HIGHLIGHT_FIELDS}},
            "track_total_hits": True,
        },
        {"query": {"multi_match": {"query": "bre", "type": "bool_prefix", "fields": ["title_suggest"]}}},
    ]
    for body in searches:
        try:
            es.search(index=name, body=body, request_timeout=settings.OPENSEARCH_INDEX_TIMEOUT)
        except OpenSearchException as exc:  # a cold first search costs time, not the rebuild
            log.warning("Warming %s failed: %s", name, exc)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _bulk_chunk(es, chunk: list[dict]) -> None:
    _ok, errors = bulk(es, chunk, request_timeout=120, raise_on_error=False, max_retries=2)
    if errors:
        raise RuntimeError(f"bulk indexing failed for {len(errors)} documents, e.g. {errors[0]}")


def replay_since(started_at: datetime.datetime) -> int:
    """Apply again every change applied since `started_at`, and every change still waiting."""
    IndexOutbox.objects.filter(done_at__gte=started_at).update(done_at=None, next_attempt_at=timezone.now())
    count = IndexOutbox.objects.pending().values("object_key").distinct().count()
    drain(limit=None, due_only=False, respect_breaker=False)
    return count


def refresh() -> None:
    """Make every change visible to search now (tests and commands; never needed in requests)."""
    es = client()
    for language in languages():
        es.indices.refresh(index=alias_name(language))
