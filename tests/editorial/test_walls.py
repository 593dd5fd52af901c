"""The seven walls between organisations (issue "Trust between organisations"), one test or more
each, by the URLs a Sala editor, Sala library staff, a regional editor and a reviewer would use.
The permission matrix (test_permission_matrix.py) tries every other admin URL."""

import json

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation

from broadband.models import NetworkOperator
from home.models import HomePage, MunicipalityPage, StandardPage
from search.models import QueryLog
from tests.editorial.test_permission_matrix import admin_patterns

pytestmark = pytest.mark.django_db
PUBLISH = {"action-publish": "1"}


def municipality_form(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "name": page.name,
        "code": page.code,
        "localities": page.localities,
        "website": page.website,
        "phone": page.phone,
        "email": page.email,
        "body": rich_text(page.body or "<p>Text</p>"),
        "comments": inline_formset([]),
        **changes,
    }
    return nested_form_data(data)


# 1. A municipality's identity and existence belong to the region.


def test_a_municipal_editor_edits_their_page_but_not_its_code_or_slug(org, client):
    client.force_login(org.users["municipal"])
    response = client.post(
        f"/admin/pages/{org.sala.pk}/edit/",
        municipality_form(org.sala, code="1980", slug="vasteras-2", phone="0224-555 00", **PUBLISH),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    sala = MunicipalityPage.objects.get(pk=org.sala.pk)
    assert sala.phone == "0224-555 00"  # the content is theirs
    assert (sala.code, sala.slug) == ("1981", "sala")  # the identity is not
    form = client.get(f"/admin/pages/{org.sala.pk}/edit/").content.decode()
    assert "Bara regionen kan ändra detta." in form


def test_the_region_changes_a_municipalitys_code(org, client):
    client.force_login(org.users["region"])
    response = client.post(
        f"/admin/pages/{org.sala.pk}/edit/", municipality_form(org.sala, code="1999", **PUBLISH)
    )
    assert response.status_code == 302
    assert MunicipalityPage.objects.get(pk=org.sala.pk).code == "1999"


def test_no_two_municipalities_share_a_code_or_a_name(org, client):
    """The code keys a municipality's reports, operators and links; the name its group and files.
    A second page with Västerås's code (a new one, or Sala's changed) would be given Västerås's."""
    client.force_login(org.users["region"])
    parent = org.sala.get_parent()
    new = municipality_form(org.sala, title="Nya kommunen", slug="nya", name="Nya", code="1980", **PUBLISH)
    response = client.post(f"/admin/pages/add/home/municipalitypage/{parent.pk}/", new)
    assert response.status_code == 200 and "Kommunkoden används redan" in response.content.decode()
    response = client.post(
        f"/admin/pages/{org.sala.pk}/edit/", municipality_form(org.sala, code="1980", **PUBLISH)
    )
    assert response.status_code == 200 and "Kommunkoden används redan" in response.content.decode()
    response = client.post(
        f"/admin/pages/{org.sala.pk}/edit/", municipality_form(org.sala, name="västerås", **PUBLISH)
    )
    assert (
        response.status_code == 200
        and "Det finns redan en kommun med det namnet" in response.content.decode()
    )
    keys = MunicipalityPage.objects.filter(code="1980").values_list("translation_key", flat=True)
    assert len(set(keys)) == 1
    assert not MunicipalityPage.objects.filter(slug="nya").exists()
    assert MunicipalityPage.objects.get(pk=org.sala.pk).code == "1981"


@pytest.mark.parametrize("action", ["delete", "unpublish", "privacy"])
def test_a_municipal_editor_cannot_delete_unpublish_or_hide_their_municipality(org, client, action):
    client.force_login(org.users["municipal"])
    client.post(f"/admin/pages/{org.sala.pk}/{action}/", {"restriction": "login"})
    sala = Page.objects.filter(pk=org.sala.pk).first()
    assert sala is not None and sala.live and not sala.view_restrictions.exists()
    assert not org.sala.permissions_for_user(org.users["municipal"]).can_delete()
    assert not org.sala.permissions_for_user(org.users["municipal"]).can_move()
    assert org.sala.permissions_for_user(org.users["municipal"]).can_publish()
    assert org.sala.permissions_for_user(org.users["region"]).can_move()


def test_bulk_actions_do_not_delete_or_move_a_municipality(org, client):
    client.force_login(org.users["municipal"])
    for action, data in (("delete", {}), ("unpublish", {}), ("move", {"chooser": org.sala.pk})):
        client.post(f"/admin/bulk/wagtailcore/page/{action}/?id={org.sala.pk}", data)
    sala = Page.objects.get(pk=org.sala.pk)
    assert sala.live and sala.path == org.sala.path


def test_no_route_to_a_revision_changes_a_municipalitys_identity_or_expiry_for_its_own_editors(org, client):
    """Found by probing the served site: an expiry date sent with the edit form unpublished the
    municipality at the scheduler's next run; the admin API's revert brought an old code and address
    back (no form puts them back there); a slug set as a translation's override in wagtail-localize
    moved the English page. Every route ends in `save_revision`, which keeps what the user may not
    change."""
    import datetime

    from django.utils import timezone

    region, editor = org.users["region"], org.users["municipal"]
    client.force_login(editor)
    soon = (timezone.localtime() + datetime.timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M")
    # A publish date far ahead took a page without a live revision (all the demo's) offline.
    later = (timezone.localtime() + datetime.timedelta(days=3000)).strftime("%Y-%m-%d %H:%M")
    response = client.post(
        f"/admin/pages/{org.sala.pk}/edit/",
        municipality_form(org.sala, expire_at=soon, go_live_at=later, **PUBLISH),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    sala = MunicipalityPage.objects.get(pk=org.sala.pk)
    assert sala.expire_at is None and sala.go_live_at is None and sala.live
    assert client.get("/kommuner/sala/").status_code == 200
    assert (
        "Bara den som får avpublicera sidan kan ändra när den visas."
        in client.get(f"/admin/pages/{org.sala.pk}/edit/").content.decode()
    )

    # An old revision with another code and address, made by the region, then put back by it.
    sala.code, sala.slug = "1998", "sala-gamla"
    old = sala.save_revision(user=region)
    old.publish()
    sala = MunicipalityPage.objects.get(pk=org.sala.pk)
    sala.code, sala.slug = "1981", "sala"
    sala.save_revision(user=region).publish()
    api = f"/admin/api/main/pages/{org.sala.pk}/action/"
    client.post(api + "revert_to_page_revision/", {"revision_id": old.pk}, content_type="application/json")
    client.post(api + "publish/", {}, content_type="application/json")
    sala = MunicipalityPage.objects.get(pk=org.sala.pk)
    assert (sala.code, sala.slug, sala.url_path.rstrip("/").rsplit("/", 1)[-1]) == ("1981", "sala", "sala")
    assert sala.get_latest_revision().user == editor  # the revert did happen, without the identity

    english = sala.get_translation(Locale.objects.get(language_code="en")).specific
    english.slug = "kapad"
    english.save_revision(user=editor).publish()  # as wagtail-localize's publish of a translation
    assert Page.objects.get(pk=english.pk).slug == "sala"

    # The region may change the identity; library staff the dates of the pages they may unpublish.
    assert not {"code", "slug"} & set(org.sala.fields_fixed_for(region))
    from home.models.base import must_stay

    ahead = must_stay(org.sala_library)  # bookings ahead: nobody unpublishes it until they are cancelled
    expected = {"expire_at", "go_live_at"} if ahead else set()
    assert set(org.sala_library.fields_fixed_for(org.users["library"])) == expected
    assert set(org.sala.fields_fixed_for(editor)) == {"code", "slug", "expire_at", "go_live_at"}


def test_the_page_chooser_shows_other_organisations_drafts_to_nobody_else(org, client):
    """Found by probing the served site: the chooser opened at a draft page showed its title and
    address (ids are sequential), and the chooser's lists, search and chosen-pages answer showed
    another organisation's unpublished title of a live page."""
    from home.models import StandardPage

    draft = org.vasteras.add_child(instance=StandardPage(title="Hemligt utkast", slug="hemligt", live=False))
    library = org.vasteras_library
    live_title = library.title
    library.title = "Opublicerad rubrik"
    library.save_revision(user=org.users["region"])
    client.force_login(org.users["municipal"])
    assert client.get(f"/admin/choose-page/{draft.pk}/").status_code == 403
    parent = library.get_parent().pk
    for url in (
        f"/admin/choose-page/{parent}/",
        f"/admin/choose-page/search/?q={live_title.split()[0]}",
        f"/admin/choose-page/chosen-multiple/?id={library.pk}",
    ):
        text = shown(client.get(url))
        assert "Opublicerad rubrik" not in text and "Hemligt utkast" not in text, url
        assert live_title in text, url
    client.force_login(org.users["region"])  # who may edit it sees the draft's title
    assert "Opublicerad rubrik" in shown(client.get(f"/admin/choose-page/{parent}/"))


def shown(response) -> str:
    """What an admin answer shows (the chooser answers JSON holding its HTML), as readable text."""
    body = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(json.loads(body), ensure_ascii=False)
    return body


def test_the_code_is_the_same_in_every_language_and_not_overridable_in_translation():
    """Nor the address: wagtail-localize writes a slug override to the page before any revision is
    made (found by probing: a municipal editor moved the English page)."""
    from wagtail_localize.fields import SynchronizedField

    for name in ("code", "slug"):
        fields = [f for f in MunicipalityPage.translatable_fields if f.field_name == name]
        assert (
            len(fields) == 1 and isinstance(fields[0], SynchronizedField) and fields[0].overridable is False
        )


# 2. Shared operators are the region's.


def test_a_shared_operator_is_not_a_municipal_editors(org, client):
    client.force_login(org.users["municipal"])
    open_infra = org.open_infra  # serves Kungsör and Sala
    url = f"/admin/snippets/broadband/networkoperator/edit/{open_infra.pk}/"
    assert client.get(url).status_code in (302, 403)
    client.post(url, {"name": "Open Infra", "kind": "commercial", "website": "https://example.org/"})
    open_infra.refresh_from_db()
    assert open_infra.website != "https://example.org/"
    assert set(open_infra.municipalities.values_list("name", flat=True)) == {"Kungsör", "Sala"}


def test_a_municipal_editor_edits_their_own_operator_within_their_municipality(
    org, client, django_user_model
):
    user = django_user_model.objects.create_user("koping", password="x")
    user.groups.add(Group.objects.get(name="Köping – redaktörer"))
    client.force_login(user)
    operator = NetworkOperator.objects.get(name="Köpings Kabel-TV")  # serves Köping only
    koping = MunicipalityPage.objects.get(name="Köping", locale__language_code="sv")
    url = f"/admin/snippets/broadband/networkoperator/edit/{operator.pk}/"
    assert client.get(url).status_code == 200
    base = {"name": operator.name, "kind": operator.kind, "website": "https://kabeltv.example/"}
    # Adding Västerås or removing every municipality is refused, and nothing is saved.
    for municipalities in ([koping.pk, org.vasteras.pk], []):
        response = client.post(url, {**base, "municipalities": municipalities})
        assert response.status_code == 200  # the form again, with the error
        operator.refresh_from_db()
        assert operator.website != "https://kabeltv.example/"
    response = client.post(url, {**base, "municipalities": [koping.pk]})
    assert response.status_code == 302
    operator.refresh_from_db()
    assert operator.website == "https://kabeltv.example/"
    assert list(operator.municipalities.values_list("code", flat=True)) == [koping.code]


LISTINGS = ("index", "index_results", "list", "list_results", "choose", "choose_results", "chooser", "search")


@pytest.mark.parametrize("role", ["region", "municipal", "library", "reviewer"])
def test_every_listing_and_chooser_can_be_searched_by_every_role(org, client, role):
    """A listing narrowed to the user's own objects is still searchable (the search backend refuses
    filters on fields it was not told about): no listing or chooser answers 500 to a search."""
    client.force_login(org.users[role])
    routes = [r for name, r in admin_patterns() if "<" not in r and name.rsplit(":", 1)[-1] in LISTINGS]
    assert len(routes) > 30
    failed = [r for r in routes if client.get(f"/{r}", {"q": "a"}).status_code >= 500]
    assert failed == []


def test_bulk_action_pages_and_the_page_chooser_name_no_other_organisations_objects(org, client):
    """Bulk-action pages list every object whose id is sent (ids are sequential), the page chooser
    every page: other organisations' files and drafts are not named to a municipal editor."""
    from home.models import StandardPage

    draft = org.vasteras.add_child(
        instance=StandardPage(title="Hemligt utkast i Västerås", slug="utkast", live=False)
    )
    own_draft = org.sala.add_child(
        instance=StandardPage(title="Eget utkast i Sala", slug="utkast", live=False)
    )
    client.force_login(org.users["municipal"])
    others = org.images["Västerås"]
    for url in (
        f"/admin/bulk/wagtailimages/image/delete/?id={others.pk}",
        f"/admin/bulk/wagtailimages/image/add_tags/?id={org.images['Sala'].pk}&id={others.pk}",
        f"/admin/bulk/wagtaildocs/document/delete/?id={org.documents['Västerås'].pk}",
        f"/admin/bulk/wagtailcore/page/delete/?id={draft.pk}",
        f"/admin/choose-page/chosen-multiple/?id={draft.pk}",
    ):
        response = client.get(url)
        text = response.content.decode()
        assert response.status_code in (302, 403, 404), url
        assert "bild-vasteras" not in text and "dokument-vasteras" not in text and "Hemligt" not in text
    assert (
        client.get(f"/admin/bulk/wagtailimages/image/delete/?id={org.images['Sala'].pk}").status_code == 200
    )
    chooser = client.get("/admin/choose-page/search/", {"q": "utkast"}).content.decode()
    assert "Eget utkast i Sala" in chooser and "Hemligt utkast" not in chooser
    listing = client.get(f"/admin/choose-page/{org.vasteras.pk}/").json()["html"]
    assert "Hemligt utkast" not in listing and org.vasteras_library.title in listing  # the public tree stays
    assert client.get(f"/admin/choose-page/chosen-multiple/?id={own_draft.pk}").status_code == 200


def test_select_all_in_a_bulk_action_is_only_for_what_is_all_ones_own(org, client):
    """Found by probing: `?id=all` (the listing's "select all") was let through unchecked, and
    Wagtail then listed every page of the tree, other organisations' never-published ones too."""
    from home.models import StandardPage

    org.vasteras.add_child(
        instance=StandardPage(title="Hemligt utkast i Västerås", slug="hemligt", live=False)
    )
    client.force_login(org.users["municipal"])
    start = org.sala.get_parent()
    for url in (
        "/admin/bulk/wagtailcore/page/delete/?id=all",
        "/admin/bulk/wagtailcore/page/publish/?id=all&q=utkast",
        f"/admin/bulk/wagtailcore/page/move/?id=all&childOf={org.vasteras.pk}",
        f"/admin/bulk/wagtailcore/page/unpublish/?id=all&childOf={start.pk}",
        "/admin/bulk/wagtailcore/page/delete/?id=all&childOf=abc",
        "/admin/bulk/wagtailimages/image/delete/?id=all",
        "/admin/bulk/wagtaildocs/document/delete/?id=all",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert "Hemligt" not in response.content.decode() and "bild-vasteras" not in response.content.decode()
    own = client.get(f"/admin/bulk/wagtailcore/page/unpublish/?id=all&childOf={org.sala.pk}")
    assert own.status_code == 200


def test_another_organisations_never_published_page_is_named_by_nothing_of_its_own(org):
    """Found by probing: a link from one's own page to another organisation's draft, by its id, showed
    the draft's title in the editor (a page never published was named by its draft title to all)."""
    from home.models import StandardPage
    from home.models.base import ADMIN_VIEWER

    draft = org.vasteras.add_child(instance=StandardPage(title="Hemligt utkast", slug="hemligt", live=False))
    own = org.sala.add_child(instance=StandardPage(title="Eget utkast", slug="eget", live=False))
    viewer = ADMIN_VIEWER.set(org.users["municipal"])
    try:
        assert "Hemligt" not in Page.objects.get(pk=draft.pk).get_admin_display_title()
        assert Page.objects.get(pk=own.pk).get_admin_display_title() == "Eget utkast"
        assert Page.objects.get(pk=org.vasteras.pk).get_admin_display_title() == org.vasteras.title
    finally:
        ADMIN_VIEWER.reset(viewer)
    viewer = ADMIN_VIEWER.set(org.users["region"])
    try:
        assert "Hemligt utkast" in draft.get_admin_display_title()  # the region edits every page
    finally:
        ADMIN_VIEWER.reset(viewer)


def test_a_page_names_only_what_its_editor_could_have_chosen(org, client):
    """Found by probing: a link or chooser block saved with another organisation's draft or file by
    its id showed that draft's title and address, or the file's name, back in the editor."""
    draft = org.vasteras.add_child(instance=StandardPage(title="Hemligt utkast", slug="hemligt", live=False))

    def page_form(slug, html):
        body = streamfield([("text", rich_text(html))])
        data = {"title": slug, "slug": slug, "summary": "", "body": body, "comments": inline_formset([])}
        return nested_form_data(data)

    client.force_login(org.users["municipal"])
    add = f"/admin/pages/add/home/standardpage/{org.sala.pk}/"
    others_file = org.documents["Västerås"].pk
    for slug, html in (
        ("utkast-lank", f'<p><a linktype="page" id="{draft.pk}">x</a></p>'),
        ("fil-lank", f'<p><a linktype="document" id="{others_file}">x</a></p>'),
    ):
        response = client.post(add, page_form(slug, html))
        assert response.status_code == 200 and "som du inte kan välja" in response.content.decode(), slug
        assert not StandardPage.objects.filter(slug=slug).exists()
    # The public tree and one's own files are chosen as ever.
    public = f'<p><a linktype="page" id="{org.vasteras_library.pk}">x</a></p>'
    own = f'<p><a linktype="document" id="{org.documents["Sala"].pk}">y</a></p>'
    assert client.post(add, page_form("tillatet", public + own)).status_code == 302
    # What a page already names stays: a colleague with wider rights may have chosen it.
    client.force_login(org.users["region"])
    named = f'<p><a linktype="page" id="{draft.pk}">x</a></p>'
    assert client.post(add, page_form("regionens", named)).status_code == 302
    page = StandardPage.objects.get(slug="regionens", locale__language_code="sv")
    client.force_login(org.users["municipal"])
    response = client.post(f"/admin/pages/{page.pk}/edit/", page_form("regionens", named + "<p>Mer</p>"))
    assert response.status_code == 302


@pytest.mark.parametrize("role", ["region", "municipal", "library"])
def test_a_copy_or_move_to_no_page_and_an_odd_search_operator_are_refused_plainly(org, client, role):
    """Found by probing: Wagtail read these unchecked and answered 500."""
    client.force_login(org.users[role])
    own = {"region": org.sala, "municipal": org.sala, "library": org.sala_library}[role]
    for destination in ("", "abc", "99999999", "1" * 30):
        response = client.post(
            f"/admin/pages/{own.pk}/copy/",
            {"new_title": "Kopia", "new_slug": "kopia", "new_parent_page": destination},
        )
        assert response.status_code in (302, 403), destination
        response = client.post(f"/admin/bulk/wagtailcore/page/move/?id={own.pk}", {"chooser": destination})
        assert response.status_code in (302, 403), destination
    response = client.get("/admin/api/main/pages/", {"search": "a", "search_operator": "xx"})
    assert response.status_code == 400
    assert client.get("/admin/api/main/pages/", {"search": "a", "search_operator": "or"}).status_code == 200


# 3. Collections: each municipality its own files and the shared ones.


def test_choosers_list_own_and_shared_files_only_also_after_an_old_installation_is_fixed(org, client):
    region = Collection.objects.get(name="Region")
    sala_group = Group.objects.get(name="Sala – redaktörer")
    # An installation set up by the earlier version gave "choose" on the whole region.
    GroupCollectionPermission.objects.create(
        group=sala_group,
        collection=region,
        permission=sala_group.permissions.model.objects.get(codename="choose_image"),
    )
    client.force_login(org.users["municipal"])
    assert "bild-vasteras" in client.get("/admin/images/chooser/").content.decode()  # the wall, open
    call_command("setup_editors")
    html = client.get("/admin/images/chooser/").content.decode()
    assert "bild-sala" in html and "bild-gemensam" in html
    assert "bild-vasteras" not in html and "bild-regionen" not in html
    docs = client.get("/admin/documents/chooser/").content.decode()
    assert "dokument-sala" in docs and "dokument-gemensam" in docs and "dokument-vasteras" not in docs


# 4. Regional content goes through review.


def test_wagtails_own_groups_with_rights_on_the_whole_tree_are_removed_or_named(org, django_user_model):
    """Found by probing: Wagtail's Moderators and Editors groups (made by its migrations) could add,
    change and publish on the root page; anyone put in one could publish in every organisation's part
    of the tree, past the region's review."""
    from editorial.groups import setup_editors

    assert not Group.objects.filter(name__in=("Moderators", "Editors")).exists()  # the fixture ran it
    moderators = Group.objects.create(name="Moderators")
    GroupPagePermission.objects.create(
        group=moderators, page=Page.get_first_root_node(), permission_type="publish"
    )
    editors = Group.objects.create(name="Editors")
    django_user_model.objects.create_user("kvar", password="x").groups.add(editors)
    report = setup_editors()
    assert not Group.objects.filter(name="Moderators").exists()
    assert report.removed == ["Wagtails grupp Moderators (rättigheter i hela sidträdet, inga medlemmar)"]
    assert Group.objects.filter(name="Editors").exists() and "Editors" in report.warnings[0]


def test_no_regional_group_may_publish_regional_content_and_approval_still_publishes(org):
    homes = HomePage.objects.all()
    for group in ("Region – redaktörer", "Region – granskare"):
        assert not GroupPagePermission.objects.filter(
            group__name=group, page__in=homes, permission__codename="publish_page"
        ).exists()
    editor, reviewer = org.users["region"], org.users["reviewer"]
    guide = org.guide
    assert not guide.permissions_for_user(editor).can_publish()
    assert not guide.permissions_for_user(reviewer).can_publish()
    assert guide.permissions_for_user(editor).can_edit()
    assert org.sala.permissions_for_user(editor).can_publish()  # municipal content has no workflow
    guide.title = "Så får du fiber – granskad"
    guide.save_revision(user=editor)
    state = guide.get_workflow().start(guide, editor)
    assert guide.permissions_for_user(reviewer).can_edit()  # the task opens it to the reviewer
    task_state = state.current_task_state
    assert task_state.task.specific.get_actions(guide, editor) == []  # the editor cannot approve
    task_state.task.specific.on_action(task_state, reviewer, "approve")
    guide.refresh_from_db()
    assert guide.title == "Så får du fiber – granskad" and guide.live


# 5. Generic views of e-service links and operators check the object; no reorder of links.


def test_history_and_usage_of_others_links_and_operators_are_refused_and_links_not_reordered(org, client):
    client.force_login(org.users["municipal"])
    for url in (
        f"/admin/e-tjanstlankar/history/{org.vasteras_link.pk}/",
        f"/admin/e-tjanstlankar/usage/{org.vasteras_link.pk}/",
        f"/admin/snippets/broadband/networkoperator/history/{org.fibra.pk}/",
        f"/admin/snippets/broadband/networkoperator/usage/{org.fibra.pk}/",
    ):
        assert client.get(url).status_code in (302, 403, 404), url
    assert client.get(f"/admin/e-tjanstlankar/history/{org.sala_link.pk}/").status_code == 200
    assert not [route for _name, route in admin_patterns() if "e-tjanstlankar/reorder" in route]
    assert client.post(f"/admin/e-tjanstlankar/reorder/{org.sala_link.pk}/?position=0").status_code == 404


# 6. The search log and bookings: for those who act on them.


def test_the_query_report_is_for_regional_editors_only(org, client):
    QueryLog.objects.create(query="bredband sala", language="sv", hits=0)
    for role in ("library", "municipal", "reviewer"):
        client.force_login(org.users[role])
        assert client.get("/admin/sokningar/").status_code in (302, 403), role
        assert "/admin/sokningar/" not in client.get("/admin/").content.decode()
    client.force_login(org.users["region"])
    assert "bredband sala" in client.get("/admin/sokningar/").content.decode()


def test_bookings_are_read_by_the_librarys_staff_only(org, client, admin_user):
    occurrence = org.sala_occurrence
    for user in (org.users["municipal"], org.users["region"], org.users["reviewer"], admin_user):
        client.force_login(user)
        assert client.get(f"/admin/bokningar/{occurrence.pk}/").status_code in (302, 403, 404)
        assert client.get(f"/admin/bokningar/{occurrence.pk}/?format=csv").status_code in (302, 403, 404)
    client.force_login(org.users["library"])
    assert "Bokare sala-boka" in client.get(f"/admin/bokningar/{occurrence.pk}/").content.decode()
    notice = client.get(f"/boka/{occurrence.session.pk}/{occurrence.date:%Y-%m-%d}/").content.decode()
    assert "bara personalen på biblioteket ser det du skriver" in notice


def test_a_librarys_group_stays_with_its_library_whatever_another_library_is_called(org, client):
    """Groups are linked to their pages, not found by name: a library given another library's
    title, or renamed to it, does not take that library's group (its pages and bookings)."""
    from services.models import LibraryPage

    occurrence = org.sala_occurrence
    vasteras = org.vasteras
    copycat = vasteras.add_child(instance=LibraryPage(title="Sala stadsbibliotek", slug="kopia", summary="x"))
    call_command("setup_editors", verbosity=0)
    staff = Group.objects.get(name="Sala stadsbibliotek – personal")
    assert set(GroupPagePermission.objects.filter(group=staff).values_list("page_id", flat=True)) >= {
        org.sala_library.pk
    }
    assert copycat.pk not in GroupPagePermission.objects.filter(group=staff).values_list("page_id", flat=True)
    assert GroupPagePermission.objects.filter(
        group__name="Sala stadsbibliotek (Västerås) – personal", page_id=copycat.pk
    ).exists()

    # Sala's library renamed to Västerås's: each group keeps its own library, under a name of its own.
    org.sala_library.title = org.vasteras_library.title
    org.sala_library.save_revision().publish()
    call_command("setup_editors", verbosity=0)
    vasteras_staff = Group.objects.get(name=f"{org.vasteras_library.title} – personal")
    pages = set(GroupPagePermission.objects.filter(group=vasteras_staff).values_list("page_id", flat=True))
    assert org.vasteras_library.pk in pages and org.sala_library.pk not in pages
    assert staff.pk in org.users["library"].groups.values_list("pk", flat=True)
    client.force_login(org.users["library"])
    assert "Bokare sala-boka" in client.get(f"/admin/bokningar/{occurrence.pk}/").content.decode()


def test_a_municipalitys_files_stay_with_it_whatever_another_municipality_is_called(org):
    """File collections are linked to their municipality, not found by name: a renamed municipality
    keeps its images and documents, and a new municipality given the old name does not get them."""
    sala_files = org.images["Sala"].collection
    sala_group = Group.objects.get(name="Sala – redaktörer")
    org.sala.name = "Sala kommun"
    org.sala.save_revision().publish()
    call_command("setup_editors", verbosity=0)
    sala_files.refresh_from_db()
    assert sala_files.name == "Sala kommun"
    assert GroupCollectionPermission.objects.filter(group=sala_group, collection=sala_files).exists()
    assert Collection.objects.filter(name="Sala").count() == 0

    newcomer = MunicipalityPage(title="Sala", name="Sala", code="1999", slug="nya-sala", summary="x")
    org.sala.get_parent().add_child(instance=newcomer)
    newcomer.save_revision().publish()
    call_command("setup_editors", verbosity=0)
    theirs = GroupCollectionPermission.objects.filter(group__editor_page__page=newcomer)
    assert theirs.exists() and not theirs.filter(collection=sala_files).exists()
    assert GroupCollectionPermission.objects.filter(group=sala_group, collection=sala_files).exists()


# 7. Translating one's own pages, and only those.


def test_a_municipal_editor_translates_their_own_page_only(org, client):
    from home.models import StandardPage

    news = org.sala.add_child(instance=StandardPage(title="Nytt i Sala", slug="nytt-i-sala"))
    news.save_revision().publish()
    other = org.vasteras.add_child(instance=StandardPage(title="Nytt i Västerås", slug="nytt-i-vasteras"))
    other.save_revision().publish()
    english = Locale.objects.get(language_code="en")
    client.force_login(org.users["municipal"])
    assert org.users["municipal"].has_perm("wagtail_localize.submit_translation")
    response = client.post(f"/admin/localize/submit/page/{news.pk}/", {"locales": [english.pk]})
    assert response.status_code == 302, response.content.decode()[:1000]
    assert Translation.objects.filter(source__object_id=news.translation_key, target_locale=english).exists()
    assert news.get_translation(english).title == "Nytt i Sala"
    refused = client.post(f"/admin/localize/submit/page/{other.pk}/", {"locales": [english.pk]})
    assert refused.status_code in (302, 403)
    assert not Translation.objects.filter(source__object_id=other.translation_key).exists()


def test_a_page_form_that_arrives_incomplete_is_refused_with_400_not_a_server_error(org, client):
    """Found by probing: a page form sent without its StreamField's `body-count` (cut off, or made
    by hand) was a 500. Any form whose fields cannot read what was sent now answers 400."""
    client.force_login(org.users["municipal"])
    data = nested_form_data(
        {
            "title": "Ofullständig",
            "slug": "ofullstandig",
            "summary": "",
            "body": streamfield([("text", rich_text("<p>Text</p>"))]),
            "comments": inline_formset([]),
        }
    )
    complete = client.post(f"/admin/pages/add/home/standardpage/{org.sala.pk}/", data)
    assert complete.status_code == 302  # the same form, whole, is saved
    del data["body-count"]
    data["slug"] = "ofullstandig-2"
    response = client.post(f"/admin/pages/add/home/standardpage/{org.sala.pk}/", data)
    assert response.status_code == 400
    assert "The form did not arrive complete" in response.content.decode()
    assert not StandardPage.objects.filter(slug="ofullstandig-2").exists()
    # A chooser's page id altered by hand (found by a probe: a 500 from the id's conversion).
    altered = nested_form_data(
        {
            "title": "Ändrad",
            "slug": "andrad",
            "summary": "",
            "body": streamfield([("cta", {"text": "x", "url": "", "note": "", "page": "abc"})]),
            "comments": inline_formset([]),
        }
    )
    response = client.post(f"/admin/pages/add/home/standardpage/{org.sala.pk}/", altered)
    assert response.status_code == 400
    assert not StandardPage.objects.filter(slug="andrad").exists()
