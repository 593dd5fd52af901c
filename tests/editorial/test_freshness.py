"""The freshness overview and its weekly digest, read against the demo with pages made overdue,
links broken (a local HTTP server), a series left without dates, an old unanswered report and one
municipality's statistics left a year behind."""

import csv
import datetime
import email
import io

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from broadband.models import CoverageReport, CoverageStatistic
from editorial import freshness
from editorial.models import FreshnessDigest
from home.models import MunicipalityPage, StandardPage
from services.models import HelpSessionPage, LibraryPage
from tests.conftest import free_port
from tests.home.test_links import local_site  # noqa: F401  (the local HTTP server fixture)

pytestmark = pytest.mark.django_db

SALA, VASTERAS = "kommun-1981", "kommun-1980"


def counts(user=None, shown=None) -> dict:
    data = freshness.overview(user, organisations_shown=shown)
    return {
        row.organisation.key: {cell["column"].key: cell["count"] for cell in row.cells}
        for row in data["rows"]
    }


def sala_library():
    sala = MunicipalityPage.objects.get(code="1981", locale__language_code="sv")
    return (
        LibraryPage.objects.descendant_of(sala).filter(locale__language_code="sv").order_by("title").first()
    )


@pytest.fixture
def fallen_behind(demo, local_site):  # noqa: F811
    """Sala falls behind in every way the overview counts; returns what was done."""
    library = sala_library()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    before = counts(shown=freshness.organisations())
    # A page made overdue, with a broken link on it.
    page = library.add_child(
        instance=StandardPage(
            title="Öppettider i sommar",
            slug="oppettider-sommar",
            body=[
                ("text", f'<p><a href="{local_site}/borta">trasig</a> <a href="{local_site}/ok">bra</a></p>')
            ],
        )
    )
    page.save_revision().publish()
    StandardPage.objects.filter(pk=page.pk).update(review_date=yesterday - datetime.timedelta(days=10))
    call_command("check_links", only_prefix=local_site, timeout=3, workers=2)
    # A series left without dates ahead.
    series = HelpSessionPage.objects.live().child_of(library).filter(locale__language_code="sv").first()
    HelpSessionPage.objects.filter(pk=series.pk).update(
        repeat="weekly", first_date=yesterday - datetime.timedelta(days=60), until=yesterday
    )
    # A report nobody answered for three weeks, and one answered.
    for reference, answered in (("GAMMAL", None), ("SVARAD", timezone.now())):
        report = CoverageReport.objects.create(
            reference=reference,
            municipality_code="1981",
            place="Salbohed",
            operator="tre",
            problem="slow_data",
            occurred_on=yesterday,
            answered_at=answered,
        )
        CoverageReport.objects.filter(pk=report.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=21)
        )
    # Västerås gets next year's figures: everyone else is now a year behind.
    newest = CoverageStatistic.objects.order_by("-year").first()
    CoverageStatistic.objects.create(area_code="1980", year=newest.year + 1, source="test")
    return {"before": before, "page": page, "series": series, "library": library}


def test_the_overview_counts_exactly_what_fell_behind(fallen_behind):
    before, after = fallen_behind["before"], counts(shown=freshness.organisations())
    library_key = f"bibliotek-{fallen_behind['library'].pk}"

    def grew(key, column):
        return after[key][column] - before[key][column]

    for key in (SALA, library_key):  # a library's problem is also its municipality's
        assert grew(key, "overdue") == 1
        assert grew(key, "broken_links") == 1
        assert grew(key, "sessions_without_dates") == 1
    assert grew(SALA, "coverage_reports") == 1  # the answered one is not counted
    assert after[library_key]["coverage_reports"] is None  # does not apply to a library
    assert after[SALA]["coverage_statistics"] == 1 and after[VASTERAS]["coverage_statistics"] == 0
    for column in ("overdue", "broken_links", "sessions_without_dates", "coverage_reports"):
        assert grew(VASTERAS, column) == 0
        if after["region"][column] is not None:
            assert grew("region", column) == 0  # nothing of Sala's lands on the region's row
    assert after["region"]["sessions_without_dates"] is None


def test_each_number_links_to_the_list_behind_it(fallen_behind, admin_client):
    html = admin_client.get("/admin/aktualitet/").content.decode()
    assert "Sala" in html and "Västerås" in html and "Totalt" in html
    library_key = f"bibliotek-{fallen_behind['library'].pk}"
    detail = admin_client.get(f"/admin/aktualitet/{library_key}/overdue/").content.decode()
    assert "Öppettider i sommar" in detail and f"/admin/pages/{fallen_behind['page'].pk}/edit/" in detail
    assert "/borta" in admin_client.get(f"/admin/aktualitet/{SALA}/broken_links/").content.decode()
    sessions = admin_client.get(f"/admin/aktualitet/{SALA}/sessions_without_dates/").content.decode()
    assert fallen_behind["series"].title in sessions
    reports = admin_client.get(f"/admin/aktualitet/{SALA}/coverage_reports/").content.decode()
    assert "GAMMAL" in reports and "SVARAD" not in reports
    assert admin_client.get("/admin/aktualitet/kommun-9999/overdue/").status_code == 404
    assert admin_client.get(f"/admin/aktualitet/{SALA}/nonsense/").status_code == 404
    assert admin_client.get(f"/admin/aktualitet/{SALA}/overdue/" + "x" * 500 + "/").status_code == 404


def test_sorting_and_csv_export(fallen_behind, admin_client):
    sorted_html = admin_client.get(
        "/admin/aktualitet/", {"sortera": "sessions_without_dates"}
    ).content.decode()
    first_row = sorted_html.split("<tbody>")[1].split('data-organisation="')[1].split('"')[0]
    every = counts(shown=freshness.organisations())
    assert every[first_row]["sessions_without_dates"] == max(
        c["sessions_without_dates"] or 0 for c in every.values()
    )
    assert admin_client.get("/admin/aktualitet/", {"sortera": "<script>"}).status_code == 200
    response = admin_client.get("/admin/aktualitet/", {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    header = rows[0]
    sala = next(row for row in rows if row[0] == "Sala")
    assert sala[header.index("Sidor att granska")] == str(every[SALA]["overdue"])
    assert sala[header.index("Obesvarade rapporter om mobiltäckning")] == "1"
    assert rows[-1][0].startswith("Totalt")


def member(django_user_model, group_name, username, mail=""):
    user = django_user_model.objects.create_user(username, email=mail, password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_municipal_editors_and_library_staff_see_their_own_rows_only(
    fallen_behind, client, django_user_model
):
    call_command("setup_editors")
    library = fallen_behind["library"]
    client.force_login(member(django_user_model, "Sala – redaktörer", "sala"))
    html = client.get("/admin/aktualitet/").content.decode()
    assert f'data-organisation="{SALA}"' in html and f'data-organisation="bibliotek-{library.pk}"' in html
    assert f'data-organisation="{VASTERAS}"' not in html and 'data-organisation="region"' not in html
    assert client.get(f"/admin/aktualitet/{VASTERAS}/overdue/").status_code == 404
    assert client.get("/admin/aktualitet/region/broken_links/").status_code == 404
    csv_text = client.get("/admin/aktualitet/", {"format": "csv"}).content.decode()
    assert "Sala" in csv_text and "Västerås" not in csv_text

    client.force_login(member(django_user_model, f"{library.title} – personal", "bibliotek"))
    html = client.get("/admin/aktualitet/").content.decode()
    assert html.count('data-organisation="') == 1 and f'data-organisation="bibliotek-{library.pk}"' in html
    assert client.get(f"/admin/aktualitet/{SALA}/overdue/").status_code == 404
    assert (
        "Öppettider i sommar"
        in client.get(f"/admin/aktualitet/bibliotek-{library.pk}/overdue/").content.decode()
    )

    client.force_login(django_user_model.objects.create_user("ingen", password="x", is_staff=True))
    assert client.get("/admin/aktualitet/").status_code in (302, 403)


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, email.message_from_bytes(envelope.content)))
        return "250 OK"


@pytest.fixture
def smtp_server(settings):
    port = free_port()
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield inbox
    controller.stop()


def body_of(message) -> str:
    text = message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")
    return text.replace("\r\n", "\n")


def test_weekly_digest_mails_each_organisation_its_row_and_the_region_everything_once(
    fallen_behind, smtp_server, django_user_model
):
    call_command("setup_editors")
    library = fallen_behind["library"]
    member(django_user_model, "Sala – redaktörer", "sala", "sala@example.se")
    member(django_user_model, f"{library.title} – personal", "bibliotek", "bibliotek@example.se")
    member(django_user_model, "Region – redaktörer", "region", "region@example.se")
    member(django_user_model, "Västerås – redaktörer", "vasteras", "")  # no address: nothing sent

    monday = datetime.date(2026, 11, 23)
    call_command("send_freshness_digest", date=monday.isoformat())
    by_recipient = {tuple(to): message for to, message in smtp_server.messages}
    assert set(by_recipient) == {("sala@example.se",), ("bibliotek@example.se",), ("region@example.se",)}

    sala_mail = body_of(by_recipient[("sala@example.se",)])
    assert "Sala\n" in sala_mail and library.title in sala_mail and "Västerås" not in sala_mail
    assert "Obesvarade rapporter om mobiltäckning: 1" in sala_mail
    library_mail = body_of(by_recipient[("bibliotek@example.se",)])
    assert library.title in library_mail and "Sala\n" not in library_mail
    assert "Hjälptillfällen utan datum framåt: 1" in library_mail
    region_mail = body_of(by_recipient[("region@example.se",)])
    names = MunicipalityPage.objects.filter(locale__language_code="sv").values_list("title", flat=True)
    assert all(name in region_mail for name in names) and "Totalt" in region_mail

    call_command("send_freshness_digest", date=(monday + datetime.timedelta(days=3)).isoformat())
    assert len(smtp_server.messages) == 3  # the same week: nothing twice
    assert FreshnessDigest.objects.filter(week=monday).count() == 3
    call_command("send_freshness_digest", date=(monday + datetime.timedelta(days=7)).isoformat())
    assert len(smtp_server.messages) == 6  # next week: again


def test_a_digest_that_could_not_be_sent_is_tried_again(fallen_behind, settings, django_user_model):
    call_command("setup_editors")
    member(django_user_model, "Sala – redaktörer", "sala", "sala@example.se")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens there
    with pytest.raises(OSError):
        call_command("send_freshness_digest", date="2026-11-23")
    assert not FreshnessDigest.objects.exists()
