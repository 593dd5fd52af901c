"""What every page, and home's page types, contribute to the search index (see search/registry.py).

These live in the search app because home may not import search. Any page whose type no app
registers is a plain "page"; a municipality's start page is a "municipality".
"""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.models import MunicipalityPage
from search.registry import DocumentType, register_page

PAGE = DocumentType("page", _("Sida"), weight=0.8)
MUNICIPALITY = DocumentType("municipality", _("Kommun"), weight=1.2)

register_page(Page, PAGE)


@register_page(MunicipalityPage, MUNICIPALITY)
def municipality_fields(page, ctx):
    return {"summary": page.summary or page.name}
