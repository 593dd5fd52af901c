from .base import BasePage
from .links import LinkCheck
from .pages import HomePage, MunicipalityIndexPage, MunicipalityPage, StandardPage, municipalities_for_reader
from .review import ReviewReminder
from .snippets import LifeEvent, OrganisationSettings, Topic

__all__ = [
    "BasePage",
    "HomePage",
    "LifeEvent",
    "LinkCheck",
    "MunicipalityIndexPage",
    "MunicipalityPage",
    "OrganisationSettings",
    "ReviewReminder",
    "StandardPage",
    "Topic",
    "municipalities_for_reader",
]
