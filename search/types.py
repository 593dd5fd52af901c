"""The document types residents see in search results, one per public page type or snippet."""

from django.utils.translation import gettext_lazy as _

TYPE_LABELS = {
    "municipality": _("Kommun"),
    "municipality_broadband": _("Bredband i kommunen"),
    "broadband_guide": _("Bredbandsguide"),
    "operator": _("Nätägare eller fiberförening"),
    "library": _("Bibliotek"),
    "help_session": _("Digital hjälp"),
    "life_event_guide": _("Guide"),
    "e_service": _("E-tjänst"),
    "page": _("Sida"),
}

PAGE_TYPES = {
    "municipalitypage": "municipality",
    "municipalitybroadbandpage": "municipality_broadband",
    "broadbandguidepage": "broadband_guide",
    "librarypage": "library",
    "helpsessionpage": "help_session",
    "lifeeventguidepage": "life_event_guide",
}


def type_for_page(page) -> str:
    return PAGE_TYPES.get(page._meta.model_name, "page")
