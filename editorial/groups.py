"""Editor groups built from the page tree: the region, each municipality, each library.

`setup_editors` calls `setup_editors()`; running it again after a municipality or library has been
added gives the new ones their groups, and brings every managed group to exactly the design below
(so an installation built by an earlier version loses what it should no longer hold). Municipal
editors get page permissions on their MunicipalityPage (in every language), library staff on their
LibraryPage; each municipality has an image and document collection of its own under *Region*, and
everyone may choose from the sibling *Region – gemensamt* (Wagtail's collection permissions cover
child collections, so "choose" on *Region* would show every municipality's files).
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail import hooks
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from editorial.models import EditorCollection, EditorGroup
from home.models import HomePage, MunicipalityIndexPage, MunicipalityPage

REGION_EDITORS = "Region – redaktörer"
REGION_REVIEWERS = "Region – granskare"
REGIONAL_COLLECTION = "Region"
SHARED_COLLECTION = "Region – gemensamt"
# Regional content goes through the workflow: editors submit, reviewers approve through the
# GroupApprovalTask (which needs group membership, not publish_page). Nobody regional publishes
# regional pages directly; regional editors publish municipal content, which has no workflow.
REGIONAL_EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page", "bulk_delete_page"]
REGIONAL_EDITOR_MUNICIPAL_PERMISSIONS = ["publish_page"]  # on Kommuner, below the workflow's reach
MUNICIPAL_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "bulk_delete_page",
]  # on their own subtree; the MunicipalityPage itself stays the region's (home.MunicipalityPermissionTester)
LIBRARY_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
CHOOSE_ONLY = [("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document")]
REGIONAL_SNIPPETS = ("eservice", "networkoperator", "topic", "lifeevent", "synonym")
TRANSLATE = ("wagtail_localize", "submit_translation")  # checked per object in editorial.translation_guard
# The Sökningar report, for those who act on it; the search app is found by the codename (no import).
READ_SEARCH_LOG = (None, "view_querylog")


STAFF_PAGE_TYPES_HOOK = "register_staff_page_types"


def staff_page_types() -> list[type]:
    """Page types below a municipality whose pages have staff of their own (a library's staff).

    Feature apps register them with `@hooks.register("register_staff_page_types")`, returning a
    list of page models; editorial never imports them.
    """
    return [model for hook in hooks.get_hooks(STAFF_PAGE_TYPES_HOOK) for model in hook()]


@dataclass
class Report:
    created: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def note(self, text: str) -> None:
        self.created.append(text)


# Wagtail's own groups (its migrations make them) hold rights on the root page and the root
# collection: anyone put in one could publish in every organisation's part of the tree, past the
# region's review. Removed while nobody is in them; named when somebody is.
WAGTAIL_DEFAULT_GROUPS = ("Moderators", "Editors")


def _retire_wagtail_default_groups(report: Report) -> None:
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).order_by("name"):
        if group.user_set.exists():
            report.warnings.append(
                f"Wagtails grupp {group.name} har medlemmar och rättigheter i hela sidträdet: "
                "flytta dem till sin organisations grupp"
            )
        else:
            group.delete()
            report.removed.append(
                f"Wagtails grupp {group.name} (rättigheter i hela sidträdet, inga medlemmar)"
            )


@dataclass
class Grant:
    """Everything one managed group holds; `apply` makes the group hold exactly this."""

    pages: set = field(default_factory=set)  # (page id, codename)
    collections: set = field(default_factory=set)  # (collection id, app label, codename)
    models: set = field(default_factory=set)  # (app label, codename)

    def on_pages(self, pages, codenames) -> None:
        self.pages |= {(page.pk, codename) for page in pages for codename in codenames}

    def on_collection(self, collection: Collection, permissions) -> None:
        self.collections |= {(collection.pk, app, codename) for app, codename in permissions}


def _permission(app_label: str | None, codename: str) -> Permission | None:
    permissions = Permission.objects.filter(codename=codename)
    if app_label:
        permissions = permissions.filter(content_type__app_label=app_label)
    return permissions.first()


def _group(name: str, report: Report) -> Group:
    group, created = Group.objects.get_or_create(name=name)
    if created:
        report.note(f"grupp {name}")
    return group


def _linked(
    page,
    names: list[str],
    report: Report,
    *,
    link_model,
    target: str,
    kind: str,
    namespace,
    adoptable,
    create,
):
    """The group or collection (`target` of `link_model`) that stands for `page`, found by its link
    and named by the first of `names` that no other in `namespace` holds: the names follow the
    page's, and the last is unique. One an earlier version made by name alone is taken over only
    when `adoptable(it)` – never another page's that carries the same name; otherwise a new one is
    made by `create(name)`."""
    link = link_model.objects.select_related(target).filter(page_id=page.pk).first()
    if link is not None:
        found = getattr(link, target)
    else:
        found = namespace.filter(name__in=names, editor_page__isnull=True).first()
        if found is not None and not adoptable(found):
            found = None
        if found is None:
            found = create(_first_free(names, namespace))
            report.note(f"{kind} {found.name}")
        link_model.objects.create(**{target: found}, page_id=page.pk)
    wanted = _first_free(names, namespace.exclude(pk=found.pk))
    if found.name != wanted:
        report.note(f"{kind} {found.name} heter nu {wanted}")
        found.name = wanted
        found.save(update_fields=["name"])
    return found


def _first_free(names: list[str], others) -> str:
    """The first of `names` that none of `others` holds (the last one is unique)."""
    taken = set(others.filter(name__in=names).values_list("name", flat=True))
    return next((name for name in names if name not in taken), names[-1])


def _page_group(page, names: list[str], report: Report) -> Group:
    """The group that stands for `page` (a municipality or a library), linked by `EditorGroup`. A
    group made by name alone is taken over only when it holds rights on this page or none at all."""
    pages = {p.pk for p in _translations(page)}

    def adoptable(group):
        return set(GroupPagePermission.objects.filter(group=group).values_list("page_id", flat=True)) <= pages

    return _linked(
        page,
        names,
        report,
        link_model=EditorGroup,
        target="group",
        kind="grupp",
        namespace=Group.objects.order_by("pk"),
        adoptable=adoptable,
        create=lambda name: Group.objects.create(name=name),
    )


def _apply(group: Group, grant: Grant) -> None:
    """Make the group's page, collection and model permissions exactly the grant (idempotent):
    permissions an earlier version gave (publish on regional pages, "choose" on the whole region)
    are taken away on existing installations too."""
    keep = []
    for page_id, codename in sorted(grant.pages):
        permission = _permission("wagtailcore", codename)
        row, _created = GroupPagePermission.objects.get_or_create(
            group=group, page_id=page_id, permission=permission
        )
        keep.append(row.pk)
    GroupPagePermission.objects.filter(group=group).exclude(pk__in=keep).delete()
    keep = []
    for collection_id, app_label, codename in sorted(grant.collections):
        permission = _permission(app_label, codename)
        keep.append(
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection_id=collection_id, permission=permission
            )[0].pk
        )
    GroupCollectionPermission.objects.filter(group=group).exclude(pk__in=keep).delete()
    models = {("wagtailadmin", "access_admin")} | grant.models
    group.permissions.set([p for p in (_permission(*pair) for pair in models) if p])


def _collection(parent: Collection, name: str, report: Report) -> Collection:
    existing = parent.get_children().filter(name=name).first()
    if existing:
        return existing
    report.note(f"samling {name}")
    return parent.add_child(instance=Collection(name=name))


def _page_collection(page, parent: Collection, names: list[str], report: Report) -> Collection:
    """The collection that stands for `page` (a municipality) below `parent`, linked by
    `EditorCollection`. A collection made by name alone is taken over only when no group outside
    this municipality holds rights on it – never another municipality's files."""
    return _linked(
        page,
        names,
        report,
        link_model=EditorCollection,
        target="collection",
        kind="samling",
        namespace=parent.get_children(),
        adoptable=lambda collection: _only_theirs(collection, page),
        create=lambda name: parent.add_child(instance=Collection(name=name)),
    )


def _only_theirs(collection: Collection, page) -> bool:
    """Whether every group with rights on `collection` stands for `page` or a page below it (in any
    language), or for no page at all."""
    subtree = Page.objects.none()
    for translation in _translations(page):
        subtree |= Page.objects.descendant_of(translation, inclusive=True)
    groups = GroupCollectionPermission.objects.filter(collection=collection).values("group")
    return not EditorGroup.objects.filter(group__in=groups).exclude(page__in=subtree).exists()


def _translations(page) -> list:
    return list(type(page).objects.filter(translation_key=page.translation_key))


@transaction.atomic
def setup_editors() -> Report:
    """Build (or bring up to date) every editor group from the page tree; see README "Editors"."""
    report = Report()
    root_collection = Collection.get_first_root_node()
    regional = _collection(root_collection, REGIONAL_COLLECTION, report)
    shared = _collection(root_collection, SHARED_COLLECTION, report)
    homes = list(HomePage.objects.all())
    municipality_lists = list(MunicipalityIndexPage.objects.all())

    editors = Grant(models={TRANSLATE, READ_SEARCH_LOG})
    editors.on_pages(homes, REGIONAL_EDITOR_PAGE_PERMISSIONS)
    editors.on_pages(municipality_lists, REGIONAL_EDITOR_MUNICIPAL_PERMISSIONS)
    editors.on_collection(root_collection, MEDIA_PERMISSIONS)
    editors.models |= {
        (_snippet_app(model), f"{action}_{model}")
        for model in REGIONAL_SNIPPETS
        for action in ("add", "change", "delete")
        if _snippet_app(model)
    }
    _apply(_group(REGION_EDITORS, report), editors)

    # Reviewers need no page permissions: the approval task opens the pages in review to them.
    reviewers = Grant()
    reviewers.on_collection(root_collection, CHOOSE_ONLY)
    _apply(_group(REGION_REVIEWERS, report), reviewers)

    for municipality in MunicipalityPage.objects.filter(locale__language_code="sv").order_by("title"):
        collection = _page_collection(
            municipality, regional, [municipality.name, f"{municipality.name} ({municipality.code})"], report
        )
        grant = Grant(models={TRANSLATE})
        grant.on_pages(_translations(municipality), MUNICIPAL_PAGE_PERMISSIONS)
        grant.on_collection(collection, MEDIA_PERMISSIONS)
        grant.on_collection(shared, CHOOSE_ONLY)
        names = [
            f"{municipality.name} – redaktörer",
            f"{municipality.name} ({municipality.code}) – redaktörer",
        ]
        _apply(_page_group(municipality, names, report), grant)
        for model in staff_page_types():
            for library in model.objects.child_of(municipality):
                staff = Grant(models={TRANSLATE})
                staff.on_pages(_translations(library), LIBRARY_PAGE_PERMISSIONS)
                staff.on_collection(collection, MEDIA_PERMISSIONS)
                staff.on_collection(shared, CHOOSE_ONLY)
                names = [
                    f"{library.title} – personal",
                    f"{library.title} ({municipality.name}) – personal",
                    f"{library.title} ({municipality.name}, {library.pk}) – personal",
                ]
                _apply(_page_group(library, names, report), staff)
    _regional_workflow(homes, report)
    _retire_wagtail_default_groups(report)
    return report


def _snippet_app(model_name: str) -> str | None:
    """The app of a snippet model named by its model name (editorial discovers, never imports)."""
    permission = Permission.objects.filter(codename=f"change_{model_name}").first()
    return permission.content_type.app_label if permission else None


def _regional_workflow(homes, report: Report) -> None:
    """Regional pages (the start page and everything outside the municipalities) need approval."""
    workflow, created = Workflow.objects.get_or_create(name="Regional granskning")
    if created:
        report.note("arbetsflöde Regional granskning")
    task = GroupApprovalTask.objects.filter(name="Granskning av regionen").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Granskning av regionen")
    task.groups.add(Group.objects.get(name=REGION_REVIEWERS))
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for home in homes:
        WorkflowPage.objects.get_or_create(page=Page.objects.get(pk=home.pk), defaults={"workflow": workflow})
