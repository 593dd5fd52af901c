"""The page tree only allows what the code expects."""

import pytest

from broadband.models import BroadbandGuidePage, BroadbandIndexPage, MunicipalityBroadbandPage
from home.models import HomePage, MunicipalityIndexPage, MunicipalityPage, StandardPage
from services.models import GuideIndexPage, HelpIndexPage, HelpSessionPage, LibraryPage, LifeEventGuidePage

ALLOWED_PARENTS = {
    BroadbandIndexPage: {HomePage},
    BroadbandGuidePage: {BroadbandIndexPage},
    MunicipalityIndexPage: {HomePage},
    MunicipalityPage: {MunicipalityIndexPage},
    MunicipalityBroadbandPage: {MunicipalityPage},
    HelpIndexPage: {HomePage},
    LibraryPage: {MunicipalityPage},
    HelpSessionPage: {LibraryPage},
    GuideIndexPage: {HomePage},
    LifeEventGuidePage: {GuideIndexPage},
    StandardPage: {HomePage, StandardPage, MunicipalityPage},
}
PARENT_TYPES = [
    HomePage,
    MunicipalityIndexPage,
    MunicipalityPage,
    BroadbandIndexPage,
    LibraryPage,
    GuideIndexPage,
    StandardPage,
    HelpIndexPage,
    BroadbandGuidePage,
    LifeEventGuidePage,
    HelpSessionPage,
    MunicipalityBroadbandPage,
]


def allowed_under(child, parent) -> bool:
    return child in parent.allowed_subpage_models() and parent in child.allowed_parent_page_models()


@pytest.mark.parametrize("page_type", list(ALLOWED_PARENTS), ids=lambda c: c.__name__)
def test_page_type_may_only_be_created_where_the_tree_allows(page_type):
    allowed = {parent for parent in PARENT_TYPES if allowed_under(page_type, parent)}
    assert allowed == ALLOWED_PARENTS[page_type]


def test_abstract_base_page_cannot_be_created():
    from home.models import BasePage

    assert BasePage.is_creatable is False


@pytest.mark.django_db
def test_every_demo_page_is_where_the_rules_allow(demo):
    from wagtail.models import Page

    for page in Page.objects.filter(depth__gt=2).specific():
        parent = page.get_parent().specific
        assert allowed_under(type(page), type(parent)), f"{page} under {parent}"
