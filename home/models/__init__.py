from home.help_texts import apply as _apply_help_texts

from .base import BasePage
from .links import LinkCheck
from .pages import HomePage, MunicipalityIndexPage, MunicipalityPage, StandardPage, municipalities_for_reader
from .review import ReviewReminder
from .snippets import LifeEvent, OrganisationSettings, Topic

_apply_help_texts(
    [HomePage, MunicipalityIndexPage, MunicipalityPage, StandardPage, LifeEvent, Topic, OrganisationSettings]
)

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
