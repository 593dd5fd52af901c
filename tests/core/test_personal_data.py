"""Personal data: exports that cannot run formulas, a search log without personnummer, phone numbers
or e-mail addresses, and a privacy page whose retention periods come from the settings."""

import csv
import datetime
import io

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.exports import neutralise_formula
from core.personal_data import mask_personal_data
from search.models import QueryLog
from services import booking as bookings
from tests.factories import bookable_session, coverage_report
from tests.services.test_booking_admin import staff_of

DANGEROUS = ['=HYPERLINK("http://127.0.0.1/x","klicka")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("value", DANGEROUS)
def test_a_cell_that_starts_like_a_formula_is_made_text(value):
    assert neutralise_formula(value) == "'" + value


def test_plain_text_numbers_and_dates_are_left_alone():
    assert neutralise_formula("Salberget") == "Salberget"
    assert neutralise_formula(-16.5) == -16.5
    day = datetime.date(2026, 1, 2)
    assert neutralise_formula(day) is day


@given(st.text(max_size=60))
def test_no_neutralised_text_starts_with_a_formula_character(text):
    assert not str(neutralise_formula(text)).startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.django_db
def test_coverage_report_exports_neutralise_formulas_in_csv_and_xlsx(admin_client, demo):
    coverage_report("1981", '=HYPERLINK("http://127.0.0.1/")', description="@SUM(A1)", contact="+4670123")
    csv_text = b"".join(admin_client.get("/admin/mobilrapporter/?export=csv").streaming_content).decode()
    rows = list(csv.reader(io.StringIO(csv_text)))
    cells = [cell for row in rows[1:] for cell in row]
    assert '\'=HYPERLINK("http://127.0.0.1/")' in cells and "'@SUM(A1)" in cells and "'+4670123" in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)

    response = admin_client.get("/admin/mobilrapporter/?export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell.value for row in sheet.iter_rows(min_row=2) for cell in row]
    assert "'@SUM(A1)" in values and "'+4670123" in values


@pytest.mark.django_db
def test_bookings_csv_neutralises_formulas(client, demo, django_user_model):
    session, day = bookable_session(5, "Formler", slug="formler", days_ahead=4, lib="vasteras-stadsbibliotek")
    booking = bookings.book(
        session,
        day,
        name="=cmd|' /C calc'!A0",
        email="",
        phone="+46701234567",
        needs="-1+1",
        accessibility_needs="@hörslinga",
    )
    client.force_login(staff_of(django_user_model, "vasteras-stadsbibliotek"))
    text = client.get(f"/admin/bokningar/{booking.occurrence.pk}/?format=csv").content.decode()
    row = list(csv.reader(io.StringIO(text), delimiter=";"))[1]
    assert row[:5] == ["'=cmd|' /C calc'!A0", "", "'+46701234567", "'-1+1", "'@hörslinga"]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("bankid 19800101-1234", "bankid [personnummer]"),
        ("800101-1234 deklaration", "[personnummer] deklaration"),
        ("ring mig 070-123 45 67", "ring mig [telefon]"),
        ("+46 70 123 45 67 fiber", "[telefon] fiber"),
        ("anna.svensson@example.se lösenord", "[e-post] lösenord"),
        ("bredband sala 2024", "bredband sala 2024"),
        ("postnummer 733 30", "postnummer 733 30"),
        ("1177 vårdguiden", "1177 vårdguiden"),
    ],
)
def test_personal_data_is_masked(typed, stored):
    assert mask_personal_data(typed) == stored


@pytest.mark.django_db
def test_the_search_log_stores_no_personnummer_phone_or_email(client, demo):
    client.get("/api/search/", {"q": "Anna@Example.se 19800101-1234 070-1234567 bankid"})
    logged = QueryLog.objects.get()
    assert logged.query == "[e-post] [personnummer] [telefon] bankid"


@pytest.mark.django_db
def test_the_privacy_page_states_the_retention_periods_from_the_settings(client, demo, settings):
    settings.BOOKING_RETENTION_DAYS = 45
    settings.COVERAGE_REPORT_RETENTION_DAYS = 200
    settings.SEARCH_LOG_RETENTION_DAYS = 90
    settings.PAGE_CACHE_SECONDS = 0
    html = client.get("/personuppgifter/").content.decode()
    assert "45 dagar" in html and "200 dagar" in html and "90 dagar" in html
    assert "30 dagar" not in html
    settings.BOOKING_RETENTION_DAYS = 7
    assert "7 dagar" in client.get("/personuppgifter/").content.decode()


@pytest.mark.django_db
def test_the_english_privacy_page_shows_the_periods_in_english(client, demo, settings):
    settings.PAGE_CACHE_SECONDS = 0
    html = client.get("/en/personuppgifter/").content.decode()
    assert "How long we keep data" in html
    assert f"{settings.BOOKING_RETENTION_DAYS} days after the session" in html
