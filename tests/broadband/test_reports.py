"""Reports of poor mobile coverage: the public form, spam protection, and who may read them."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from wagtail.models import GroupPagePermission, Page

from broadband.models import CoverageReport, MobileCoverageReportPage
from broadband.reports import CoverageReportForm
from home.models import MunicipalityPage
from tests.factories import coverage_report as report

pytestmark = pytest.mark.django_db


def form_url():
    page = MobileCoverageReportPage.objects.get(locale__language_code="sv")
    return page.url, f"/rapport/{page.pk}/"


def valid(**extra):
    data = {
        "municipality": "1904",
        "place": "Riddarhyttan, vid kyrkan",
        "operator": "telia",
        "problem": "dropped_calls",
        "occurred_on": (datetime.date.today() - datetime.timedelta(days=2)).isoformat(),
        "website": "",
    }
    data.update(extra)
    return data


def test_form_page_sets_no_cookie_and_posts_without_one(client, demo):
    page_url, post_url = form_url()
    response = client.get(page_url)
    assert response.status_code == 200 and not response.cookies
    assert f'action="{post_url}"' in response.content.decode()


def test_a_valid_report_is_stored_with_a_receipt(client, demo):
    _page, post_url = form_url()
    response = client.post(post_url, valid(latitude="59,85", longitude="15,7", contact="anna@example.se"))
    assert response.status_code == 200
    report = CoverageReport.objects.get()
    assert report.municipality_code == "1904" and report.problem == "dropped_calls"
    assert float(report.latitude) == 59.85
    html = response.content.decode()
    assert report.reference in html and "Det här händer nu" in html
    assert not response.cookies


def test_municipalities_are_named_in_the_readers_language_or_marked_as_swedish(client, demo):
    """The form's options and the receipt: a translated name (Västerås in Arabic) in the reader's
    language, one not translated yet marked `lang="sv"` (found by probing: the Arabic receipt said
    "Västerås")."""
    arabic = MobileCoverageReportPage.objects.get(locale__language_code="ar")
    form = client.get(arabic.url).content.decode()
    assert '<option value="1980">فيستروس</option>' in form
    assert '<option value="1907" lang="sv">Surahammar</option>' in form
    receipt = client.post(f"/rapport/{arabic.pk}/", valid(municipality="1980")).content.decode()
    assert "(<span>فيستروس</span>)" in receipt
    receipt = client.post(f"/rapport/{arabic.pk}/", valid(municipality="1907")).content.decode()
    assert '(<span lang="sv">Surahammar</span>)' in receipt


def test_the_receipts_address_opened_again_leads_to_the_form(client, demo):
    page_url, post_url = form_url()
    for method in (client.get, client.head):
        response = method(post_url)
        assert response.status_code == 302 and response["Location"] == page_url
    assert client.put(post_url).status_code == 405
    assert not CoverageReport.objects.exists()


def test_numbers_and_dates_typed_with_arabic_digits_are_understood(client, demo):
    _page, post_url = form_url()
    occurred = (datetime.date.today() - datetime.timedelta(days=2)).isoformat()
    arabic = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
    response = client.post(
        post_url, valid(latitude="٥٩٫٨٥", longitude="١٥٫٧", occurred_on=occurred.translate(arabic))
    )
    assert response.status_code == 200, response.content.decode()[:500]
    report = CoverageReport.objects.get()
    assert float(report.latitude) == 59.85 and float(report.longitude) == 15.7
    assert report.occurred_on.isoformat() == occurred


def test_a_date_is_read_day_first_or_year_first_never_month_first(client, demo):
    """Django's Swedish and English formats read 12/01 as 1 December; a resident means 12 January."""
    day = datetime.date.today() - datetime.timedelta(days=40)
    _page, post_url = form_url()
    for typed in (f"{day:%d/%m/%Y}", f"{day:%d.%m.%Y}", f"{day:%Y-%m-%d}"):
        for prefix in ("", "/en", "/ar"):
            with translation.override(prefix.strip("/") or "sv"):
                municipalities = MunicipalityPage.objects.all()
                form = CoverageReportForm(valid(occurred_on=typed), municipalities=municipalities)
                assert form.is_valid(), (typed, prefix, form.errors)
                assert form.cleaned_data["occurred_on"] == day, (typed, prefix)
    assert client.post(post_url, valid(occurred_on=f"{day:%d/%m/%Y}")).status_code == 200
    assert CoverageReport.objects.get().occurred_on == day


def test_a_coordinate_is_a_number_as_people_write_one(client, demo):
    _page, post_url = form_url()
    for latitude in ("5_9", "5_9,8", "1e1", "nan", "inf"):
        response = client.post(post_url, valid(latitude=latitude, longitude="15,7"))
        assert response.status_code == 400, latitude
    assert not CoverageReport.objects.exists()


def test_an_invalid_report_gets_field_errors_and_stores_nothing(client, demo):
    _page, post_url = form_url()
    future = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    response = client.post(post_url, valid(municipality="", place="", occurred_on=future, latitude="59"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Något behöver rättas" in html
    assert "Datumet kan inte vara i framtiden." in html
    assert "Fyll i både latitud och longitud" in html
    assert 'aria-describedby="id_place-error' in html
    assert not CoverageReport.objects.exists()
    # Every error in the summary leads to its field, a group of radio buttons to the first of them.
    response = client.post(post_url, valid(problem=""))
    html = response.content.decode()
    assert 'href="#id_problem_0"' in html and 'id="id_problem_0"' in html and 'href="#"' not in html


def test_the_form_says_how_long_reports_are_kept_as_the_purge_keeps_them(client, demo, settings):
    page_url, _post = form_url()
    settings.COVERAGE_REPORT_RETENTION_DAYS = 200
    html = client.get(page_url).content.decode()
    assert "raderas efter 200 dagar" in html and "två år" not in html
    # "(frivilligt)" once per optional field, from the template, not also in the label.
    assert (
        'Berätta mer <span class="hint">(frivilligt)</span>' in html
        and "Berätta mer (frivilligt)" not in html
    )
    assert "telefon (frivilligt)" not in html


def test_honeypot_stores_nothing_but_looks_fine(client, demo):
    _page, post_url = form_url()
    response = client.post(post_url, valid(website="http://spam.example"))
    assert response.status_code == 200
    assert not CoverageReport.objects.exists()


def test_a_flood_from_one_address_is_rate_limited(client, demo):
    _page, post_url = form_url()
    statuses = [client.post(post_url, valid(place=f"Plats {n}")).status_code for n in range(8)]
    assert statuses[:5] == [200] * 5
    assert statuses[5:] == [429] * 3
    assert CoverageReport.objects.count() == 5
    # Refused for the flood alone: what was written is kept, and no field is said to be wrong.
    html = client.post(post_url, valid(place="Vid kyrkan")).content.decode()
    assert 'value="Vid kyrkan"' in html and "Något behöver rättas" not in html and 'role="alert"' in html


def test_corrections_do_not_count_toward_the_limit(client, demo):
    """A resident who gets a field wrong a few times (or shares a library computer's address with
    others who did) can still send their report: only stored reports count."""
    _page, post_url = form_url()
    for _attempt in range(8):
        assert client.post(post_url, valid(municipality="")).status_code == 400
    assert client.post(post_url, valid()).status_code == 200
    assert CoverageReport.objects.count() == 1
    other = client.post(post_url, valid(place="Annan"), REMOTE_ADDR="127.0.0.2")
    assert other.status_code == 200


def test_rate_limit_behind_a_proxy_uses_the_forwarded_address(client, demo, settings):
    settings.TRUSTED_PROXY_HOPS = 1
    _page, post_url = form_url()
    for n in range(5):
        assert client.post(post_url, valid(place=f"A{n}"), HTTP_X_FORWARDED_FOR="10.9.9.1").status_code == 200
    assert client.post(post_url, valid(place="A6"), HTTP_X_FORWARDED_FOR="10.9.9.1").status_code == 429
    assert client.post(post_url, valid(place="B"), HTTP_X_FORWARDED_FOR="10.9.9.2").status_code == 200


def make_municipal_editor(django_user_model, code: str):
    user = django_user_model.objects.create_user(f"redaktor-{code}", password="x")
    group = Group.objects.create(name=f"Redaktörer {code}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    page = Page.objects.get(pk=MunicipalityPage.objects.get(code=code, locale__language_code="sv").pk)
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    return user


def body(response) -> str:
    return b"".join(response.streaming_content).decode()


def test_a_municipal_editor_reads_only_their_municipalitys_reports(client, demo, django_user_model):
    sala = report("1981", "Salberget")
    vasteras = report("1980", "Vallbyvägen")
    client.force_login(make_municipal_editor(django_user_model, "1981"))
    listing = client.get("/admin/mobilrapporter/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Salberget" in html and "Vallbyvägen" not in html
    assert client.get(f"/admin/mobilrapporter/inspect/{sala.pk}/").status_code == 200
    assert client.get(f"/admin/mobilrapporter/inspect/{vasteras.pk}/").status_code in (302, 403, 404)
    export = body(client.get("/admin/mobilrapporter/?export=csv"))
    assert "Salberget" in export and "Vallbyvägen" not in export
    dashboard = client.get("/admin/").content.decode()
    assert "Rapporter om dålig mobiltäckning" in dashboard and "Sala" in dashboard


def test_regional_staff_read_every_report_and_export_csv(admin_client, demo):
    report("1981", "Salberget")
    report("1980", "Vallbyvägen")
    html = admin_client.get("/admin/mobilrapporter/").content.decode()
    assert "Salberget" in html and "Vallbyvägen" in html
    export = admin_client.get("/admin/mobilrapporter/?export=csv")
    assert export.status_code == 200 and "Vallbyvägen" in body(export)


def test_admin_import_previews_then_imports_on_confirm(admin_client, demo):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from broadband.models import CoverageStatistic

    data = "kommunkod;år;hushåll_1gbit;källa\n1981;2026;97;PTS\n".encode("latin-1")
    preview = admin_client.post("/admin/tackning/import/", {"file": SimpleUploadedFile("pts.csv", data)})
    assert "Förhandsgranska: 1 rader för 2026" in preview.content.decode()
    assert not CoverageStatistic.objects.filter(year=2026).exists()
    done = admin_client.post(
        "/admin/tackning/import/", {"confirm": "1", "content": data.decode("latin-1"), "filename": "pts.csv"}
    )
    assert done.status_code == 302
    assert CoverageStatistic.objects.filter(year=2026, area_code="1981").exists()
    bad = admin_client.post(
        "/admin/tackning/import/",
        {"file": SimpleUploadedFile("x.csv", b"kommunkod;ar;hushall_1gbit\n0000;2026;5\n")},
    )
    assert "Rad 2: okänd kommunkod 0000" in bad.content.decode()


def test_a_municipal_editor_cannot_import_statistics(client, demo, django_user_model):
    client.force_login(make_municipal_editor(django_user_model, "1981"))
    response = client.get("/admin/tackning/import/")
    assert response.status_code in (302, 403)
    assert "Importera täckningsstatistik" not in response.content.decode()
    assert "Täckningsstatistik" not in client.get("/admin/").content.decode()
