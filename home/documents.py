"""What home/ contributes to the search index (see search/registry.py)."""

from home.models import MunicipalityPage
from search.registry import register_page


@register_page(MunicipalityPage, "municipality")
def municipality_fields(page, ctx):
    return {"summary": page.summary or page.name}
