"""Who may reach what: one place for the questions every admin view of ours asks.

Page permissions are Wagtail's (a group's rights on a subtree: a municipality's editors on their
`MunicipalityPage`, a library's staff on their `LibraryPage`). Data beside the pages (reports,
operators, e-service links) is scoped by the municipalities whose pages a user may edit.
"""

from django.conf import settings
from wagtail.models import GroupPagePermission, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from home.models import MunicipalityPage


def editable_pages(user):
    """Every page (any language, any type) this user may edit."""
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


def editable_sources(user, model=Page):
    """The source-language pages of a type that this user may edit (their municipality or library)."""
    return model.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE, pk__in=editable_pages(user).values("pk")
    )


def editable_municipality_codes(user) -> set[str]:
    """Kommunkoder of the municipalities whose pages this user may edit."""
    return set(editable_sources(user, MunicipalityPage).values_list("code", flat=True))


def municipality_scope(user, see_all_permission: str) -> set[str] | None:
    """The municipalities a user may read data of: None means all (superusers and those holding
    `see_all_permission`, the region's staff), otherwise the ones whose pages they may edit."""
    if user.is_superuser or user.has_perm(see_all_permission):
        return None
    return editable_municipality_codes(user)


def staff_pages(user, model):
    """Source-language pages of `model` that are a permission root of one of the user's groups.

    That is what distinguishes a library's own staff (their group's rights start at the library
    page) from the municipality's and the region's editors (whose rights reach it from above).
    """
    rooted = GroupPagePermission.objects.filter(
        group__in=user.groups.all(), permission__codename="change_page"
    ).values("page_id")
    return model.objects.filter(locale__language_code=settings.LANGUAGE_CODE, pk__in=rooted)


def is_regional(user) -> bool:
    """Superusers and the region's editors: page rights rooted on a start page (depth 2)."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return GroupPagePermission.objects.filter(group__in=user.groups.all(), page__depth__lte=2).exists()
