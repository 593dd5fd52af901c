"""The background tasks of `core`, run by the django-tasks worker (`manage.py db_worker`)."""

from django_tasks import task


@task()
def deliver_mail(mail_id: int) -> str:
    from core.mail import deliver

    return deliver(mail_id)


@task()
def run_job(name: str, run_key: str = "") -> str:
    """One run of a scheduled job; the run key makes a repeated delivery of the task do nothing."""
    from core.schedule import run

    return run(name, run_key)


@task()
def send_cache_tokens(tags: list[str], since: float) -> str:
    """Page-cache tokens a change could not send while the cache was down (core.cache.send_later)."""
    from core.cache import send_tokens

    return send_tokens(tags, since)
