"""Keeping the index in step with publishing, without ever making publishing fail.

Every change is applied after the database transaction commits. If the engine does not answer,
the change goes to the `IndexOutbox` table and is retried by `manage.py search_sync` and after the
next successful update, so nothing is lost while the engine is down.
"""

import datetime
import logging
import time
from collections.abc import Callable, Iterator

from django.conf import settings
from django.db import transaction
from opensearchpy.exceptions import OpenSearchException
from opensearchpy.helpers import bulk
from wagtail.models import Page

from search.indexes import alias_name, build_index, client, engine_configured
from search.models import IndexOutbox
from search.registry import (
    SNIPPETS,
    IndexContext,
    is_public,
    page_doc_id,
    page_document,
    with_type_label,
)

log = logging.getLogger(__name__)
ENGINE_ERRORS = (OpenSearchException, OSError, ConnectionError)
OUTBOX_BATCH = 200


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def snippet_key(obj) -> str:
    return f"{obj._meta.model_name}:{obj.pk}"


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
    translated: dict = {}
    for key, language in live.values_list("translation_key", "locale__language_code"):
        translated.setdefault(key, set()).add(language)
    pks = list(live.order_by("path").values_list("pk", flat=True))
    for start in range(0, len(pks), batch):
        pages = Page.objects.filter(pk__in=pks[start : start + batch]).select_related("locale").specific()
        for page in pages:
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
def ensure_indexes() -> None:
    """Create each language's index and alias if missing (first run, or a new cluster)."""
    es = client()
    for language in languages():
        alias = alias_name(language)
        if not es.indices.exists_alias(name=alias):
            index = build_index(language)
            index.create(using=es)
            es.indices.put_alias(index=index._name, name=alias)


def apply(key: str, action: str, ctx: IndexContext | None = None) -> None:
    """Apply one change to the engine; raises on engine errors."""
    ctx = ctx or IndexContext()
    es = client()
    doc_id = doc_id_for_key(key)
    documents = documents_for_key(key, ctx) if action == IndexOutbox.Action.INDEX else []
    present = {language for language, _id, _body in documents}
    for language, _doc_id, body in documents:
        es.index(index=alias_name(language), id=_doc_id, body=_jsonable(body))
    for language in languages():
        if language in present:
            continue
        es.delete(index=alias_name(language), id=doc_id, ignore=[404])


def _jsonable(body: dict) -> dict:
    return {
        key: (value.isoformat() if isinstance(value, datetime.date | datetime.datetime) else value)
        for key, value in body.items()
    }


def update(key: str, action: str = IndexOutbox.Action.INDEX) -> bool:
    """Try to apply a change now; on failure queue it. True when applied."""
    if not engine_configured():
        return False
    try:
        ensure_indexes()
        apply(key, action)
    except ENGINE_ERRORS as exc:
        log.warning("search index update for %s queued: %s", key, exc)
        queue(key, action, str(exc))
        return False
    IndexOutbox.objects.filter(object_key=key).delete()
    drain(limit=OUTBOX_BATCH)
    return True


def queue(key: str, action: str, error: str = "") -> None:
    row, created = IndexOutbox.objects.get_or_create(
        object_key=key, defaults={"action": action, "last_error": error}
    )
    if not created:
        row.action = action
        row.attempts += 1
        row.last_error = error[:2000]
        row.save(update_fields=["action", "attempts", "last_error", "updated_at"])


def drain(limit: int | None = None, progress: Callable[[str], None] | None = None) -> tuple[int, int]:
    """Retry queued changes, oldest first. Returns (applied, still queued)."""
    if not engine_configured():
        return 0, IndexOutbox.objects.count()
    rows = IndexOutbox.objects.order_by("created_at")
    if limit:
        rows = rows[:limit]
    applied = 0
    ctx = IndexContext()
    try:
        ensure_indexes()
    except ENGINE_ERRORS:
        return 0, IndexOutbox.objects.count()
    for row in list(rows):
        try:
            apply(row.object_key, row.action, ctx)
        except ENGINE_ERRORS as exc:
            row.attempts += 1
            row.last_error = str(exc)[:2000]
            row.save(update_fields=["attempts", "last_error", "updated_at"])
            break
        row.delete()
        applied += 1
        if progress:
            progress(row.object_key)
    return applied, IndexOutbox.objects.count()


def on_commit_update(key: str, action: str = IndexOutbox.Action.INDEX) -> None:
    if not engine_configured():
        return
    transaction.on_commit(lambda: update(key, action))


# --- rebuilding ------------------------------------------------------------------------------------


def rebuild(progress: Callable[[str], None] = lambda message: None) -> dict[str, int]:
    """Build fresh indexes for every language, then swap the aliases in one atomic step."""
    es = client()
    ctx = IndexContext()
    started = time.monotonic()
    new_indexes = {}
    for language in languages():
        index = build_index(language)
        index.create(using=es)
        new_indexes[language] = index._name
    actions = []
    counts = dict.fromkeys(languages(), 0)
    total = 0
    for language, doc_id, body in all_documents(ctx):
        if language not in new_indexes:
            continue
        actions.append({"_index": new_indexes[language], "_id": doc_id, "_source": _jsonable(body)})
        counts[language] += 1
        total += 1
        if len(actions) >= 1000:
            bulk(es, actions, request_timeout=120)
            actions = []
            progress(f"{total} dokument indexerade")
    if actions:
        bulk(es, actions, request_timeout=120)
    for name in new_indexes.values():
        es.indices.refresh(index=name)
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
    IndexOutbox.objects.all().delete()
    progress(
        f"klart på {time.monotonic() - started:.1f} s: " + ", ".join(f"{k}={v}" for k, v in counts.items())
    )
    return counts


def refresh() -> None:
    """Make every change visible to search now (tests and commands; never needed in requests)."""
    es = client()
    for language in languages():
        es.indices.refresh(index=alias_name(language))
