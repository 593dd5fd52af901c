from .base import (
    PAGE_MUST_STAY,
    BasePage,
    FoldedSearchText,
    IndexPage,
    KeepsDependentsTester,
    intro_field,
    localized_fields,
    rich_text_field,
)
from .links import LinkCheck
from .pages import HomePage, MunicipalityIndexPage, MunicipalityPage, StandardPage, municipalities_for_reader
from .review import ReviewReminder
from .snippets import LifeEvent, OrganisationSettings, Topic

__all__ = [
    "PAGE_MUST_STAY",
    "BasePage",
    "FoldedSearchText",
    "HomePage",
    "IndexPage",
    "KeepsDependentsTester",
    "LifeEvent",
    "LinkCheck",
    "MunicipalityIndexPage",
    "MunicipalityPage",
    "OrganisationSettings",
    "ReviewReminder",
    "StandardPage",
    "Topic",
    "intro_field",
    "localized_fields",
    "municipalities_for_reader",
    "rich_text_field",
]
