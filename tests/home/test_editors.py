"""Groups from the page tree: each municipality and library edits its own."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission

from home.models import MunicipalityPage
from services.models import LibraryPage

pytestmark = pytest.mark.django_db


def member_of(django_user_model, group_name):
    user = django_user_model.objects.create_user(group_name.split()[0].lower(), password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_setup_editors_is_idempotent_and_picks_up_new_libraries(demo):
    call_command("setup_editors")
    groups = Group.objects.count()
    permissions = GroupPagePermission.objects.count()
    assert Group.objects.filter(name="Sala – redaktörer").exists()
    assert Group.objects.filter(name="Sala stadsbibliotek – personal").exists()
    assert Group.objects.filter(name="Region – granskare").exists()
    call_command("setup_editors")
    assert (Group.objects.count(), GroupPagePermission.objects.count()) == (groups, permissions)
    sala = MunicipalityPage.objects.get(code="1981", locale__language_code="sv")
    sala.add_child(instance=LibraryPage(title="Möklinta bibliotek", slug="moklinta"))
    call_command("setup_editors")
    assert Group.objects.filter(name="Möklinta bibliotek – personal").exists()


def test_sala_editor_may_work_under_sala_only(demo, django_user_model, client):
    call_command("setup_editors")
    user = member_of(django_user_model, "Sala – redaktörer")
    sala = MunicipalityPage.objects.get(code="1981", locale__language_code="sv")
    vasteras = MunicipalityPage.objects.get(code="1980", locale__language_code="sv")
    assert sala.permissions_for_user(user).can_add_subpage()
    assert sala.permissions_for_user(user).can_publish()
    assert not vasteras.permissions_for_user(user).can_edit()
    assert not sala.get_parent().permissions_for_user(user).can_edit()  # regional page
    client.force_login(user)
    assert client.get(f"/admin/pages/{sala.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{vasteras.pk}/edit/").status_code in (302, 403)
    assert client.get(f"/admin/pages/add/home/standardpage/{sala.pk}/").status_code == 200
    assert client.get(f"/admin/pages/add/home/standardpage/{vasteras.pk}/").status_code in (302, 403)


def test_library_staff_may_add_sessions_under_their_library_only(demo, django_user_model, client):
    call_command("setup_editors")
    user = member_of(django_user_model, "Västerås stadsbibliotek – personal")
    client.force_login(user)
    own_pk = LibraryPage.objects.get(slug="vasteras-stadsbibliotek", locale__language_code="sv").pk
    other_pk = LibraryPage.objects.get(slug="skultuna-bibliotek", locale__language_code="sv").pk
    assert client.get(f"/admin/pages/add/services/helpsessionpage/{own_pk}/").status_code == 200
    assert client.get(f"/admin/pages/add/services/helpsessionpage/{other_pk}/").status_code in (302, 403)
    own = LibraryPage.objects.get(slug="vasteras-stadsbibliotek", locale__language_code="sv")
    other = LibraryPage.objects.get(slug="skultuna-bibliotek", locale__language_code="sv")
    assert own.permissions_for_user(user).can_add_subpage()
    assert not other.permissions_for_user(user).can_add_subpage()
    assert not other.permissions_for_user(user).can_edit()


def test_review_panel_lists_exactly_the_overdue_pages_the_user_may_edit(demo, django_user_model, client):
    import datetime

    from django.utils import timezone

    from broadband.models import MunicipalityBroadbandPage
    from editorial.review import pages_due_for

    call_command("setup_editors")
    user = member_of(django_user_model, "Sala – redaktörer")
    today = timezone.localdate()
    sala = MunicipalityBroadbandPage.objects.get(url_path__contains="/sala/", locale__language_code="sv")
    vasteras = MunicipalityBroadbandPage.objects.get(
        url_path__contains="/vasteras/", locale__language_code="sv"
    )
    MunicipalityBroadbandPage.objects.filter(pk=sala.pk).update(
        review_date=today - datetime.timedelta(days=3)
    )
    MunicipalityBroadbandPage.objects.filter(pk=vasteras.pk).update(
        review_date=today - datetime.timedelta(days=3)
    )
    rows = pages_due_for(user)
    assert [row["page"].pk for row in rows] == [sala.pk]
    assert rows[0]["overdue"]
    client.force_login(user)
    dashboard = client.get("/admin/").content.decode()
    assert "Bredband i Sala" in dashboard and "Bredband i Västerås" not in dashboard


def test_reminders_go_to_the_owning_group_at_most_weekly(
    demo, django_user_model, django_capture_on_commit_callbacks
):
    import datetime

    from django.core import mail
    from django.utils import timezone

    from broadband.models import MunicipalityBroadbandPage
    from editorial.review import send_review_reminders

    call_command("setup_editors")
    user = member_of(django_user_model, "Sala – redaktörer")
    user.email = "sala@example.se"
    user.save()
    sala = MunicipalityBroadbandPage.objects.get(url_path__contains="/sala/", locale__language_code="sv")
    MunicipalityBroadbandPage.objects.filter(pk=sala.pk).update(
        review_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    with django_capture_on_commit_callbacks(execute=True):  # mail is queued after the commit
        assert send_review_reminders() >= 1
    to_sala = [m for m in mail.outbox if m.to == ["sala@example.se"]]
    assert len(to_sala) == 1 and "Bredband i Sala" in to_sala[0].body
    with django_capture_on_commit_callbacks(execute=True):
        send_review_reminders()
    assert len([m for m in mail.outbox if m.to == ["sala@example.se"]]) == 1
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_review_reminders")
    assert len([m for m in mail.outbox if m.to == ["sala@example.se"]]) == 1


def test_regional_edits_go_to_review_and_municipal_ones_do_not(demo, django_user_model):
    from wagtail.models import TaskState

    from broadband.models import BroadbandGuidePage, MunicipalityBroadbandPage

    call_command("setup_editors")
    guide = BroadbandGuidePage.objects.get(slug="fa-fiber", locale__language_code="sv")
    local = MunicipalityBroadbandPage.objects.get(url_path__contains="/sala/", locale__language_code="sv")
    assert guide.get_workflow().name == "Regional granskning"
    assert local.get_workflow() is None
    editor = member_of(django_user_model, "Region – redaktörer")
    reviewer = django_user_model.objects.create_user("granskare", password="x")
    reviewer.groups.add(Group.objects.get(name="Region – granskare"))
    guide.title = "Så får du fiber – ny text"
    guide.save_revision(user=editor)
    state = guide.get_workflow().start(guide, editor)
    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(guide, reviewer)
    task_state.task.specific.on_action(task_state, reviewer, "approve")
    state.refresh_from_db()
    assert state.status == "approved"
    assert TaskState.objects.filter(workflow_state=state, status="approved").exists()
    guide.refresh_from_db()
    assert guide.title == "Så får du fiber – ny text"


def test_translations_report_marks_a_page_out_of_date_after_its_source_is_republished(demo, admin_client):
    from services.models import LifeEventGuidePage

    url = "/admin/oversattningar/"
    html = admin_client.get(url).content.decode()
    assert "Skaffa BankID" in html
    guide = LifeEventGuidePage.objects.get(slug="skaffa-bankid", locale__language_code="sv")
    row = html.split("Skaffa BankID")[1].split("</tr>")[0]
    assert row.count('data-status="current"') == 2
    guide.summary = "Ny sammanfattning"
    guide.save_revision().publish()
    row = admin_client.get(url).content.decode().split("Skaffa BankID")[1].split("</tr>")[0]
    assert row.count('data-status="outdated"') == 2
    sala = admin_client.get(url, {"kommun": "1981"}).content.decode()
    assert "Sala stadsbibliotek" in sala and "Västerås stadsbibliotek" not in sala
    missing = admin_client.get(url, {"status": "missing"}).content.decode()
    assert 'data-status="missing"' in missing


def test_a_municipal_editor_sees_and_translates_only_their_own_pages(demo, django_user_model, client):
    call_command("setup_editors")
    user = member_of(django_user_model, "Sala – redaktörer")
    client.force_login(user)
    html = client.get("/admin/oversattningar/").content.decode()
    assert (
        "Sala stadsbibliotek" in html
        and "Västerås stadsbibliotek" not in html
        and "Skaffa BankID" not in html
    )
    vasteras = MunicipalityPage.objects.get(code="1980", locale__language_code="sv")
    sala_en = MunicipalityPage.objects.get(code="1981", locale__language_code="en")
    vasteras_en = vasteras.get_translation(sala_en.locale)
    assert sala_en.permissions_for_user(user).can_edit()
    assert not vasteras_en.permissions_for_user(user).can_edit()


def test_a_municipal_editor_cannot_edit_another_municipalitys_operator_or_link(
    demo, django_user_model, client
):
    from broadband.models import NetworkOperator
    from services.models import EServiceMunicipalLink

    call_command("setup_editors")
    client.force_login(member_of(django_user_model, "Sala – redaktörer"))
    open_infra = NetworkOperator.objects.get(name="Open Infra")  # Kungsör and Sala: shared, the region's
    fibra = NetworkOperator.objects.get(name="Fibra")  # Västerås and Hallstahammar
    shared = client.get(f"/admin/snippets/broadband/networkoperator/edit/{open_infra.pk}/")
    assert shared.status_code in (302, 403)
    refused = client.get(f"/admin/snippets/broadband/networkoperator/edit/{fibra.pk}/")
    assert refused.status_code in (302, 403)
    response = client.post(
        f"/admin/snippets/broadband/networkoperator/edit/{fibra.pk}/", {"name": "Kapat", "kind": "commercial"}
    )
    assert response.status_code in (302, 403)
    fibra.refresh_from_db()
    assert fibra.name == "Fibra"
    listing = client.get("/admin/snippets/broadband/networkoperator/").content.decode()
    assert "Open Infra" not in listing and "Fibra" not in listing

    own = EServiceMunicipalLink.objects.filter(
        municipality__code="1981", eservice__locale__language_code="sv"
    ).first()
    other = EServiceMunicipalLink.objects.filter(
        municipality__code="1980", eservice__locale__language_code="sv"
    ).first()
    assert client.get(f"/admin/e-tjanstlankar/edit/{own.pk}/").status_code == 200
    assert client.get(f"/admin/e-tjanstlankar/edit/{other.pk}/").status_code in (302, 403)
    client.post(f"/admin/e-tjanstlankar/edit/{other.pk}/", {"url": "https://example.org/"})
    other.refresh_from_db()
    assert other.url == "https://www.vasteras.se/"
    client.post(f"/admin/e-tjanstlankar/edit/{own.pk}/", {"url": "https://www.sala.se/e-tjanster/"})
    own.refresh_from_db()
    assert own.url == "https://www.sala.se/e-tjanster/"


def test_admin_shows_which_municipality_a_page_or_operator_belongs_to(demo):
    from broadband.models import NetworkOperator
    from services.models import LibraryPage

    library = LibraryPage.objects.get(slug="sala-stadsbibliotek", locale__language_code="sv")
    assert library.get_admin_display_title() == "Sala stadsbibliotek (Sala)"
    assert (
        MunicipalityPage.objects.get(code="1981", locale__language_code="sv").get_admin_display_title()
        == "Sala"
    )
    assert str(NetworkOperator.objects.get(name="Fibra")) in (
        "Fibra (Västerås, Hallstahammar)",
        "Fibra (Hallstahammar, Västerås)",
    )


def test_every_field_editors_see_has_help_text():
    from django.apps import apps
    from wagtail.models import Page

    from home.models import BasePage

    editor_models = [m for m in apps.get_models() if issubclass(m, BasePage) and not m._meta.abstract]
    editor_models += [
        apps.get_model(*label.split("."))
        for label in (
            "home.Topic",
            "home.LifeEvent",
            "home.OrganisationSettings",
            "broadband.NetworkOperator",
            "broadband.PlannedExpansion",
            "services.EService",
            "services.EServiceMunicipalLink",
            "services.SessionCancellation",
        )
    ]
    skip = {f.name for f in Page._meta.get_fields()} | {
        "id",
        "translation_key",
        "locale",
        "sort_order",
        "site",
        "page",
        "session",
        "eservice",
    }
    missing = [
        f"{model.__name__}.{field.name}"
        for model in editor_models
        for field in model._meta.local_fields + list(model._meta.local_many_to_many)
        if field.editable
        and field.name not in skip
        and not field.name.endswith("_ptr")
        and not field.help_text
    ]
    assert missing == []
