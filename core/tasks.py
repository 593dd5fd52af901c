"""The background tasks of `core`, run by the django-tasks worker (`manage.py db_worker`)."""

from django_tasks import task


@task()
def deliver_mail(mail_id: int) -> str:
    from core.mail import deliver

    return deliver(mail_id)


@task()
def run_job(name: str) -> str:
    from core.schedule import run

    return run(name)
