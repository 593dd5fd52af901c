"""Changes to the demo's pages that the cache and production tests make (also from other processes:
`manage.py shell -c "from tests.core.pages import publish_sala_broadband; ..."`)."""

from home.models import MunicipalityPage

SALA_BROADBAND_URL = "/kommuner/sala/bredband/"


def publish_sala_broadband(status_summary: str):
    """Publish a new revision of Sala's broadband page with this status line."""
    page = (
        MunicipalityPage.objects.get(code="1981", locale__language_code="sv")
        .get_children()
        .get(slug="bredband")
        .specific
    )
    page.status_summary = status_summary
    page.save_revision().publish()
    return page


def menu_section(slug: str = "e-tjanster"):
    """A section of the Swedish start page (shown in the main menu)."""
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="sv")
    return home.get_children().get(slug=slug).specific


def publish_menu_section(slug: str = "e-tjanster", **changes):
    """Publish a new revision of a main-menu section with these field values."""
    page = menu_section(slug)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page
