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


def test_library_staff_may_add_sessions_under_their_library_only(demo, django_user_model):
    call_command("setup_editors")
    user = member_of(django_user_model, "Västerås stadsbibliotek – personal")
    own = LibraryPage.objects.get(slug="vasteras-stadsbibliotek", locale__language_code="sv")
    other = LibraryPage.objects.get(slug="skultuna-bibliotek")
    assert own.permissions_for_user(user).can_add_subpage()
    assert not other.permissions_for_user(user).can_add_subpage()
    assert not other.permissions_for_user(user).can_edit()
