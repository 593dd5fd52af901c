"""Editor groups built from the page tree: the region, each municipality, each library.

`setup_editors` calls `setup_editors()`; running it again after a municipality or library has been
added gives the new ones their groups and changes nothing else. Municipal editors get page
permissions on their MunicipalityPage (in every language), library staff on their LibraryPage, and
each municipality an image and document collection of its own under the regional one.
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

from home.models import HomePage, MunicipalityPage

REGION_EDITORS = "Region – redaktörer"
REGION_REVIEWERS = "Region – granskare"
REGIONAL_COLLECTION = "Region"
ALL_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "bulk_delete_page",
]
MUNICIPAL_PAGE_PERMISSIONS = ALL_PAGE_PERMISSIONS  # the same actions, on their own subtree
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

    def note(self, text: str) -> None:
        self.created.append(text)


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _group(name: str, report: Report) -> Group:
    group, created = Group.objects.get_or_create(name=name)
    if created:
        report.note(f"grupp {name}")
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    return group


def _page_permissions(group: Group, pages, codenames) -> None:
    for page in pages:
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=Page.objects.get(pk=page.pk),
                permission=_permission("wagtailcore", codename),
            )


def _collection_permissions(group: Group, collection: Collection, permissions) -> None:
    for app_label, codename in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )


def _collection(parent: Collection, name: str, report: Report) -> Collection:
    existing = parent.get_children().filter(name=name).first()
    if existing:
        return existing
    report.note(f"samling {name}")
    return parent.add_child(instance=Collection(name=name))


@transaction.atomic
def setup_editors() -> Report:
    report = Report()
    root_collection = Collection.get_first_root_node()
    regional = _collection(root_collection, REGIONAL_COLLECTION, report)
    homes = list(HomePage.objects.all())
    for name in (REGION_EDITORS, REGION_REVIEWERS):
        group = _group(name, report)
        _page_permissions(group, homes, ALL_PAGE_PERMISSIONS)
        _collection_permissions(group, root_collection, MEDIA_PERMISSIONS)
        for model in ("eservice", "networkoperator", "topic", "lifeevent", "synonym"):
            for action in ("add", "change", "delete"):
                permission = Permission.objects.filter(codename=f"{action}_{model}").first()
                if permission:
                    group.permissions.add(permission)
    for municipality in MunicipalityPage.objects.filter(locale__language_code="sv").order_by("title"):
        group = _group(f"{municipality.name} – redaktörer", report)
        pages = MunicipalityPage.objects.filter(code=municipality.code)
        _page_permissions(group, pages, MUNICIPAL_PAGE_PERMISSIONS)
        collection = _collection(regional, municipality.name, report)
        _collection_permissions(group, collection, MEDIA_PERMISSIONS)
        _collection_permissions(group, regional, CHOOSE_ONLY)
        for model in staff_page_types():
            for library in model.objects.child_of(municipality):
                staff = _group(f"{library.title} – personal", report)
                translations = model.objects.filter(translation_key=library.translation_key)
                _page_permissions(staff, translations, LIBRARY_PAGE_PERMISSIONS)
                _collection_permissions(staff, collection, MEDIA_PERMISSIONS)
                _collection_permissions(staff, regional, CHOOSE_ONLY)
    _regional_workflow(homes, report)
    return report


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
