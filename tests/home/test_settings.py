import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_production_settings_pass_check_deploy_without_warnings():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="k" * 20 + "-production-check-" + "Zq8#vW2!pL5@xR9$" * 3,
        ALLOWED_HOSTS="envagin.example.se",
        EMAIL_HOST="smtp.example.se",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = dict(
        os.environ, DJANGO_SETTINGS_MODULE="config.settings.production", SECRET_KEY="", ALLOWED_HOSTS="x"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def production_settings(**env) -> subprocess.CompletedProcess:
    """Loads config.settings.production in a fresh process and prints the settings asked for."""
    full = {k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "PUBLIC_URL", "ALLOW_"))}
    full.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="k" * 20 + "-production-check-" + "Zq8#vW2!pL5@xR9$" * 3,
        ALLOWED_HOSTS="envagin.example.se",
    )
    full.update(env)
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS, s.EMAIL_HOST_USER, "
        "s.DEFAULT_FROM_EMAIL, s.SERVER_EMAIL, s.ADMINS, s.PUBLIC_URL, s.SECURE_SSL_REDIRECT)"
    )
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=full, capture_output=True, text=True)


def test_production_refuses_mail_that_is_never_delivered():
    console = production_settings(EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend")
    assert console.returncode != 0 and "ALLOW_UNDELIVERED_MAIL" in console.stderr
    no_relay = production_settings()
    assert no_relay.returncode != 0 and "EMAIL_HOST" in no_relay.stderr
    asked_for = production_settings(
        EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend", ALLOW_UNDELIVERED_MAIL="1"
    )
    assert asked_for.returncode == 0, asked_for.stderr


def test_production_mail_settings_come_from_the_environment():
    result = production_settings(
        EMAIL_HOST="smtp.example.se",
        EMAIL_USE_TLS="1",
        EMAIL_HOST_USER="envagin",
        EMAIL_HOST_PASSWORD="secret",
        DEFAULT_FROM_EMAIL="noreply@example.se",
        SERVER_EMAIL="server@example.se",
        ADMINS="Drift <drift@example.se>, ops@example.se",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(" ")[:7] == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.se",
        "587",
        "True",
        "envagin",
        "noreply@example.se",
        "server@example.se",
    ]
    assert "[('Drift', 'drift@example.se'), ('', 'ops@example.se')]" in result.stdout
    assert "https://envagin.example.se" in result.stdout  # links in mail: the public site


def test_the_plain_http_switch_is_for_a_local_stack_only():
    local = production_settings(EMAIL_HOST="127.0.0.1", ALLOWED_HOSTS="127.0.0.1", LOCAL_STACK_PLAIN_HTTP="1")
    assert local.returncode == 0, local.stderr
    assert local.stdout.strip().endswith("http://127.0.0.1:8000 False")
    public = production_settings(EMAIL_HOST="127.0.0.1", LOCAL_STACK_PLAIN_HTTP="1")
    assert public.returncode != 0 and "LOCAL_STACK_PLAIN_HTTP" in public.stderr


@pytest.mark.django_db
def test_public_pages_send_security_headers(client, demo):
    response = client.get("/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"]
    assert response["X-Frame-Options"] == "DENY"
