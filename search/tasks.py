"""The background tasks of search, run by the django-tasks worker (`manage.py db_worker`)."""

from django_tasks import task


@task()
def drain_index(keys: list[str] | None = None) -> str:
    """Apply waiting index updates (these objects', or all that are due): idempotent, as applying
    a row reads the object's current state and marks the row done; a row done already is skipped."""
    from search.indexing import drain

    result = drain(keys=keys)
    return f"{result.applied} applied, {result.failed} failed, {result.pending} waiting"
