"""The broadband app's part of the demo: the broadband section, the regional guides, the coverage report
form, each municipality's broadband page, operators, coverage statistics and planned expansions.
Texts: broadband.yaml; operators and county figures come from the facts.
"""

from django.utils import translation
from django.utils.formats import number_format

from broadband.models import (
    BroadbandGuidePage,
    BroadbandIndexPage,
    CoverageStatistic,
    MobileCoverageReportPage,
    MunicipalityBroadbandPage,
    NetworkOperator,
    PlannedExpansion,
)

from .marks import DEMO_SOURCE_SUFFIX
from .site import text_page

# The facts file's words for an operator's kind, and the model's.
OPERATOR_KINDS = {"stadsnät": "stadsnat", "commercial": "commercial", "fibre association": "association"}

# The municipality's broadband page: its fields, and the keys of their texts in broadband.yaml (local_page).
FIELDS_OF_LOCAL_TEXT = {
    "title": "title",
    "status_summary": "status",
    "summary": "summary",
    "contact_name": "contact_name",
}


class BroadbandContent:
    def __init__(self, loader):
        self.loader = loader
        self.texts = loader.texts["broadband"]
        self.facts = loader.facts.get("broadband") or {}
        self.operators_by_municipality = {}
        for operator in self.facts.get("operators") or []:
            for name in operator.get("municipalities", []):
                self.operators_by_municipality.setdefault(name, []).append(operator["name"])

    def section(self):
        self.loader.section("broadband", BroadbandIndexPage, self.texts["section"])

    def guides(self):
        """The regional guides, then the form for reporting poor mobile coverage."""
        loader = self.loader
        examples = {code: self.examples(code) for code in loader.languages()}
        for guide in self.texts["guides"]:
            loader.translated_page(
                guide,
                loader.sections["broadband"],
                BroadbandGuidePage,
                f"broadband/{guide['slug']}",
                lambda code, t, guide=guide: {
                    **text_page(loader, t, **examples[code]),
                    "m2m": {"topics": [loader.topics[code][s] for s in guide["topics"]]},
                },
                slug=guide["slug"],
            )
        spec = self.texts["report_page"]
        loader.translated_page(
            spec,
            loader.sections["broadband"],
            MobileCoverageReportPage,
            "broadband/report",
            slug=spec["slug"],
        )

    def municipality(self, row: dict, pages: dict):
        """The municipality's broadband page, under its municipality page in every language."""
        loader = self.loader
        spec = self.texts["local_page"]
        operators = self.operators_by_municipality.get(row["name"], [])
        texts = {}
        for lang in loader.languages():
            if lang not in spec:
                continue
            t = spec[lang]
            sentence = loader.fill(t["operators"], names=loader.join(operators, lang)) if operators else ""
            texts[lang] = {
                field: loader.fill(t[key], name=row["name"], operators=sentence)
                for field, key in FIELDS_OF_LOCAL_TEXT.items()
            }
        loader.translated_page(
            texts,
            pages,
            MunicipalityBroadbandPage,
            f"municipality/{row['code']}/broadband",
            lambda lang, t: t,
            slug=spec["slug"],
            contact_email=loader.fill(spec["contact_email"], web=row["web"]),
        )

    def operators_and_statistics(self):
        loader = self.loader
        for row in self.facts.get("operators") or []:
            description = loader.fill(
                self.texts["operator_description"],
                kind=self.texts["operator_kinds"].get(row["kind"], row["kind"]),
                municipalities=", ".join(row.get("municipalities", [])),
            )
            operator = NetworkOperator.objects.create(
                name=row["name"], kind=OPERATOR_KINDS.get(row["kind"], "commercial"), description=description
            )
            operator.municipalities.set(
                [
                    loader.municipality_pages[name]
                    for name in row.get("municipalities", [])
                    if name in loader.municipality_pages
                ]
            )
        statistics = self.texts["statistics"]
        county_code = loader.facts["county"]["county_code"]
        source = f"{loader.fill(statistics['county_source'])} {DEMO_SOURCE_SUFFIX}"
        for year, values in (self.facts.get("county") or {}).items():
            gbit = values.get("gbit_1_pct")
            mbit = values.get("mbit_100_pct")
            if not isinstance(gbit, (int, float)) and not isinstance(mbit, (int, float)):
                continue  # "almost 99" and the like are not figures
            CoverageStatistic.objects.create(
                area_code=county_code,
                year=int(year),
                gbit_households=gbit if isinstance(gbit, (int, float)) else None,
                mbit100_households=mbit if isinstance(mbit, (int, float)) else None,
                source=source,
            )
        example_source = f"{loader.fill(statistics['example_source'])} {DEMO_SOURCE_SUFFIX}"
        for index, row in enumerate(loader.facts["municipalities"]):
            for year, base in statistics["example_base"].items():
                CoverageStatistic.objects.create(
                    area_code=row["code"],
                    year=int(year),
                    gbit_households=min(99, base + (index % 5)),
                    mbit100_households=min(99.5, base + 2 + (index % 4)),
                    gbit_workplaces=min(99, base - 3 + (index % 6)),
                    source=example_source,
                    is_example=True,
                )

    def expansions(self):
        loader = self.loader
        operators = {o.name: o for o in NetworkOperator.objects.all()}
        for name, rows in (self.texts.get("expansions") or {}).items():
            municipality = loader.municipality_pages.get(name)
            if municipality is None:
                continue
            local = MunicipalityBroadbandPage.objects.child_of(municipality).first()
            for order, row in enumerate(rows):
                PlannedExpansion.objects.create(
                    page=local,
                    sort_order=order,
                    area=loader.fill(row["area"]),
                    operator=operators.get(row.get("operator")),
                    expected_year=row.get("year"),
                    status=row["status"],
                )

    # --- examples from the facts in the regional guides -----------------------------------------
    def examples(self, lang: str) -> dict:
        """Each example sentence (broadband.yaml: examples) in one language, or "" when the facts lack it."""
        loader = self.loader
        values = {}
        for key, spec in (self.texts.get("examples") or {}).items():
            text = spec.get(lang)
            values[key] = ""
            if not text:
                continue
            if "operator_kind" in spec:
                operators = [
                    row
                    for row in self.facts.get("operators") or []
                    if row.get("kind") == spec["operator_kind"] and row.get("municipalities")
                ][: spec.get("limit", 3)]
                if operators:
                    items = [
                        loader.fill(
                            text["item"],
                            operator=row["name"],
                            municipalities=loader.join(row["municipalities"], lang),
                        )
                        for row in operators
                    ]
                    values[key] = loader.fill(text["sentence"], list=loader.join(items, lang))
            elif "county_figure" in spec:
                figures = [
                    (int(year), row[spec["county_figure"]])
                    for year, row in (self.facts.get("county") or {}).items()
                    if isinstance((row or {}).get(spec["county_figure"]), (int, float))
                ]
                if figures:
                    year, share = max(figures)
                    with translation.override(lang):
                        share = number_format(share)
                    values[key] = loader.fill(text["sentence"], year=year, share=share)
        return values
