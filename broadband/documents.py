"""What broadband/ contributes to the search index (see search/registry.py)."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from broadband.models import BroadbandGuidePage, MunicipalityBroadbandPage, NetworkOperator
from search.registry import DocumentType, register_page, register_snippet

BROADBAND_GUIDE = DocumentType("broadband_guide", _("Bredbandsguide"), weight=1.6)
# Its coverage figures are not in the page's text ("täckning <kommun>"); its headings' questions
# ("hur många kan …") are too common to be searched by.
MUNICIPALITY_BROADBAND = DocumentType(
    "municipality_broadband", _("Bredband i kommunen"), weight=1.5, shows=(_("Täckning"),)
)
OPERATOR = DocumentType("operator", _("Nätägare eller fiberförening"), weight=1.1)
FIBRE = "fiber"  # the topic every operator's document is filed under


@register_page(BroadbandGuidePage, BROADBAND_GUIDE)
def guide_fields(page, ctx):
    return ctx.topic_fields(page.topics.all(), page.locale.language_code)


@register_page(MunicipalityBroadbandPage, MUNICIPALITY_BROADBAND)
def local_fields(page, ctx):
    municipality = ctx.municipality_for(page)
    operators = ""
    if municipality is not None:
        names = NetworkOperator.objects.filter(municipalities__code=municipality.code).values_list(
            "name", flat=True
        )
        operators = " ".join(names)
    # Beside its text, the page shows where fibre is planned and whom to ask.
    areas = " ".join(row.area for row in page.expansions.all())
    return {
        "summary": page.summary or page.status_summary,
        "topic_names": f"bredband fiber {operators} {areas} {page.contact_name}",
    }


@register_snippet(NetworkOperator, OPERATOR)
def operator_documents(operator, ctx):
    """An operator is the same in every language: one document per language index."""
    municipalities = list(operator.municipalities.all())
    codes = sorted({m.code for m in municipalities}) or ["region"]
    local_pages = {}
    for municipality in municipalities:
        for page in MunicipalityBroadbandPage.objects.live().filter(municipality.subtree_filter()):
            local_pages[(page.locale.language_code, municipality.code)] = page
    documents = []
    names = [m.name for m in municipalities]
    # Every operator here builds or runs fibre: the topic's name in each language is a word its
    # document has ("fibre operator" is an operator whose own words say only "commercial operator").
    fibre = [
        t for (_key, lang), t in ctx.topics.items() if lang == settings.LANGUAGE_CODE and t.slug == FIBRE
    ]
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            kind = str(operator.get_kind_display())
            where = str(_("%(kind)s i %(places)s.") % {"kind": kind, "places": ", ".join(names)})
        page = local_pages.get((language, codes[0])) or local_pages.get((settings.LANGUAGE_CODE, codes[0]))
        # The description is the editors' Swedish: shown to Swedish readers, searchable in every
        # language, and said in the reader's language elsewhere (a hit has one language).
        if language == settings.LANGUAGE_CODE and operator.description:
            summary = operator.description
        else:
            summary = where if names else kind
        documents.append(
            (
                language,
                {
                    "title": f"{operator.name} – {kind.lower()}",
                    "summary": summary,
                    "body": f"{kind} {' '.join(names)} {operator.description}".strip(),
                    "url": operator.website or (page.get_url() if page else ""),
                    "type": OPERATOR.name,
                    "municipalities": codes,
                    "localities": [],
                    "places": " ".join(names),
                    "topics": [FIBRE],
                    "topic_names": f"{kind} {ctx.topic_fields(fibre, language)['topic_names']}".strip(),
                    "life_events": [],
                    "language": language,
                    "last_published": None,
                    "title_suggest": operator.name,
                },
            )
        )
    return documents
