from .booking import Booking, BookingMessage, ContactLock, SessionOccurrence
from .eservices import EService, EServiceMunicipalLink, GuideIndexPage, LifeEventGuidePage
from .help import (
    LANGUAGE_LABELS,
    SESSION_LANGUAGES,
    HelpIndexPage,
    HelpSessionPage,
    LibraryPage,
    SessionCancellation,
)

__all__ = [
    "Booking",
    "BookingMessage",
    "ContactLock",
    "SessionOccurrence",
    "EService",
    "EServiceMunicipalLink",
    "GuideIndexPage",
    "HelpIndexPage",
    "HelpSessionPage",
    "LANGUAGE_LABELS",
    "LibraryPage",
    "LifeEventGuidePage",
    "SESSION_LANGUAGES",
    "SessionCancellation",
]
