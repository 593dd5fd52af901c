"""Coverage reports: the resident's words are erased after the retention period, and editors mark
reports answered (only reports they may read)."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from broadband.models import CoverageReport
from tests.broadband.test_reports import make_municipal_editor, report

pytestmark = pytest.mark.django_db


def aged(code, place, days):
    item = report(code, place)
    item.contact, item.description, item.latitude, item.longitude = "anna@example.se", "Inget nät", 59.9, 16.6
    item.save()
    CoverageReport.objects.filter(pk=item.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days)
    )
    return item


def test_purge_erases_personal_fields_of_old_reports_only_and_is_idempotent(demo, settings):
    settings.COVERAGE_REPORT_RETENTION_DAYS = 100
    old = aged("1981", "Gammal plats", 101)
    new = aged("1981", "Ny plats", 99)
    call_command("purge_coverage_reports")
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.place, old.contact, old.description, old.latitude, old.longitude) == ("", "", "", None, None)
    assert old.anonymised_at is not None and old.municipality_code == "1981" and old.problem == "slow_data"
    assert new.place == "Ny plats" and new.contact == "anna@example.se" and new.anonymised_at is None
    first = old.anonymised_at
    call_command("purge_coverage_reports")
    old.refresh_from_db()
    assert old.anonymised_at == first
    call_command("purge_coverage_reports", days=98)
    new.refresh_from_db()
    assert new.contact == ""


def test_a_municipal_editor_marks_their_own_report_answered_but_not_anothers(client, demo, django_user_model):
    own = report("1981", "Salberget")
    other = report("1980", "Vallbyvägen")
    client.force_login(make_municipal_editor(django_user_model, "1981"))
    page = client.get(f"/admin/mobilrapporter/inspect/{own.pk}/").content.decode()
    assert "Markera som besvarad" in page
    assert client.get(f"/admin/mobilrapporter/{own.pk}/besvarad/").status_code == 405
    response = client.post(f"/admin/mobilrapporter/{own.pk}/besvarad/", {"answered": "1"})
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.answered_at is not None
    refused = client.post(f"/admin/mobilrapporter/{other.pk}/besvarad/", {"answered": "1"})
    assert refused.status_code in (302, 403) and refused.get("Location", "/admin/") == "/admin/"
    other.refresh_from_db()
    assert other.answered_at is None
    client.post(f"/admin/mobilrapporter/{own.pk}/besvarad/", {"answered": "0"})
    own.refresh_from_db()
    assert own.answered_at is None
