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
