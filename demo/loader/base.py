"""Build the demo county from a facts file (home/demo/vastmanland.yaml) and the texts beside it.

Every object the loader makes gets a translation key derived from a stable name (uuid5), so a second
run makes the same site again, and content an editor made (random uuid4 keys, or any saved revision)
can be told apart from demo content.
"""

import datetime
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page, Revision, Site

from broadband.models import (
    BroadbandGuidePage,
    BroadbandIndexPage,
    CoverageStatistic,
    MobileCoverageReportPage,
    MunicipalityBroadbandPage,
    NetworkOperator,
    PlannedExpansion,
)
from home.models import (
    HomePage,
    LifeEvent,
    MunicipalityIndexPage,
    MunicipalityPage,
    OrganisationSettings,
    StandardPage,
    Topic,
)
from services.models import (
    EService,
    EServiceMunicipalLink,
    GuideIndexPage,
    HelpIndexPage,
    HelpSessionPage,
    LibraryPage,
    LifeEventGuidePage,
    SessionCancellation,
)

from . import texts_broadband, texts_guides, texts_site

DEFAULT_FACTS = Path(__file__).with_name("vastmanland.yaml")
NAMESPACE = uuid.UUID("6f1d8a52-3c1e-5b7e-9a55-2f7c0e1d4b11")
DEMO_SOURCE_SUFFIX = "(demo)"
OPERATOR_KINDS = {"stadsnät": "stadsnat", "commercial": "commercial", "fibre association": "association"}


def demo_key(*parts: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "/".join(parts))


class NonDemoContent(Exception):
    pass


def non_demo_content() -> list[str]:
    """What in the database was not made by this loader (empty list: safe to rebuild)."""
    found = []
    pages = Page.objects.filter(depth__gt=1)
    for page in pages.only("translation_key", "title", "content_type", "depth"):
        if page.depth == 2 and page.content_type.model_class() is Page:
            continue  # Wagtail's own welcome page from its first migration
        if uuid.UUID(str(page.translation_key)).version != 5:
            found.append(f"sidan ”{page.title}”")
    if Revision.objects.filter(base_content_type__model="page").exists():
        found.append("sidor som redaktörer har sparat")
    for model in (Topic, LifeEvent, EService):
        for obj in model.objects.all():
            if uuid.UUID(str(obj.translation_key)).version != 5:
                found.append(f"{model._meta.verbose_name} ”{obj}”")
    if CoverageStatistic.objects.exclude(source__endswith=DEMO_SOURCE_SUFFIX).exists():
        found.append("importerad täckningsstatistik")
    return found


@dataclass
class DemoLoader:
    facts_path: Path = DEFAULT_FACTS
    today: datetime.date = field(default_factory=timezone.localdate)
    log: callable = print

    def __post_init__(self):
        self.facts = yaml.safe_load(Path(self.facts_path).read_text(encoding="utf-8"))
        self.now = timezone.now()

    # --- the whole run -------------------------------------------------------------------------
    def run(self, replace_all: bool = False) -> HomePage:
        problems = non_demo_content()
        if problems and not replace_all:
            raise NonDemoContent(
                "Databasen innehåller annat än demoinnehåll: "
                + ", ".join(problems[:5])
                + (" …" if len(problems) > 5 else "")
                + ". Kör med --replace-all-content om du verkligen vill ersätta allt."
            )
        with transaction.atomic():
            self.clear()
            self.locales = {
                code: Locale.objects.get_or_create(language_code=code)[0]
                for code, _name in settings.LANGUAGES
            }
            self.sv = self.locales[settings.LANGUAGE_CODE]
            self.snippets()
            home = self.tree()
            self.operators_and_statistics()
            self.expansions()
            self.municipal_eservice_links()
        return home

    def clear(self):
        Site.objects.all().delete()
        for page in Page.objects.filter(depth=2):
            page.delete()
        for model in (EService, NetworkOperator, CoverageStatistic, Topic, LifeEvent):
            model.objects.all().delete()

    # --- helpers -------------------------------------------------------------------------------
    def add(self, parent: Page, cls, stable_id: str, locale: Locale, *, m2m=None, **fields) -> Page:
        page = cls(
            translation_key=demo_key("page", stable_id),
            locale=locale,
            live=True,
            has_unpublished_changes=False,
            first_published_at=self.now,
            last_published_at=self.now,
            **fields,
        )
        for name, values in (m2m or {}).items():
            getattr(page, name).set(values)
        parent.add_child(instance=page)
        return page

    def languages(self):
        return [code for code, _name in settings.LANGUAGES]

    def translated(self, texts: dict, source_parent: dict, make) -> dict:
        """Create the page in every language that has text and whose parent exists; returns by code."""
        made = {}
        for code in self.languages():
            if code in texts and code in source_parent and code in self.locales:
                made[code] = make(code, source_parent[code], self.locales[code], texts[code])
        return made

    # --- snippets ------------------------------------------------------------------------------
    def snippets(self):
        self.topics = {code: {} for code in self.languages()}
        for slug, names in texts_guides.TOPICS.items():
            for code, name in names.items():
                if code in self.locales:
                    self.topics[code][slug] = Topic.objects.create(
                        translation_key=demo_key("topic", slug),
                        locale=self.locales[code],
                        name=name,
                        slug=slug,
                    )
        self.life_events = {code: {} for code in self.languages()}
        for slug, names in texts_guides.LIFE_EVENTS.items():
            for code, name in names.items():
                if code in self.locales:
                    self.life_events[code][slug] = LifeEvent.objects.create(
                        translation_key=demo_key("life-event", slug),
                        locale=self.locales[code],
                        name=name,
                        slug=slug,
                    )
        self.eservices = {code: {} for code in self.languages()}
        for slug, row in texts_guides.ESERVICES.items():
            name_sv, name_en, provider, url, needs_eid, topics, events, desc_sv, desc_en = row
            for code, name, desc in (("sv", name_sv, desc_sv), ("en", name_en, desc_en)):
                if code not in self.locales:
                    continue
                service = EService(
                    translation_key=demo_key("eservice", slug),
                    locale=self.locales[code],
                    name=name,
                    provider=provider,
                    description=desc,
                    national_url=url or "",
                    needs_eid=needs_eid,
                )
                service.topics.set([self.topics[code][t] for t in topics])
                service.life_events.set([self.life_events[code][e] for e in events])
                service.save()
                self.eservices[code][slug] = service

    # --- the page tree -------------------------------------------------------------------------
    def tree(self) -> HomePage:
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=self.sv)
        )
        county = self.facts["county"]
        homes = {}
        for code, text in texts_site.HOME.items():
            if code not in self.locales:
                continue
            homes[code] = self.add(
                root,
                HomePage,
                "home",
                self.locales[code],
                title=text["title"],
                slug="hem" if code == settings.LANGUAGE_CODE else f"hem-{code}",
                intro=text["intro"],
                summary=text["summary"],
            )
        home = homes[settings.LANGUAGE_CODE]
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="En väg in"
        )
        OrganisationSettings.objects.update_or_create(
            site=Site.objects.get(is_default_site=True),
            defaults={
                "organisation_name": county["regional_body"],
                "region_name": county["name"],
                "county_code": county["county_code"],
                "email": "kontakt@example.se",
                "contact_hours": "Exempeluppgift i demon",
            },
        )

        sections = {}
        for key, cls in (
            ("broadband", BroadbandIndexPage),
            ("help", HelpIndexPage),
            ("guides", GuideIndexPage),
            ("municipalities", MunicipalityIndexPage),
        ):
            spec = texts_site.SECTIONS[key]
            sections[key] = self.translated(
                spec,
                homes,
                lambda code, parent, locale, t, cls=cls, spec=spec, key=key: self.add(
                    parent,
                    cls,
                    f"section/{key}",
                    locale,
                    title=t["title"],
                    slug=spec["slug"],
                    summary=t["summary"],
                    intro=t["intro"],
                    show_in_menus=True,
                ),
            )
        for spec in (texts_site.ABOUT, texts_site.ACCESSIBILITY, texts_site.PRIVACY, texts_site.CONTACT):
            self.translated(
                spec,
                homes,
                lambda code, parent, locale, t, spec=spec: self.add(
                    parent,
                    StandardPage,
                    f"standard/{spec['slug']}",
                    locale,
                    title=t["title"],
                    slug=spec["slug"],
                    summary=t["summary"],
                    body=t["body"],
                ),
            )
        self.broadband_guides(sections["broadband"])
        spec = texts_broadband.REPORT_PAGE
        self.translated(
            spec,
            sections["broadband"],
            lambda code, parent, locale, t: self.add(
                parent, MobileCoverageReportPage, "broadband/report", locale, slug=spec["slug"], **t
            ),
        )
        self.life_event_guides(sections["guides"])
        self.municipalities(sections["municipalities"])
        return home

    def broadband_guides(self, parents):
        for guide in texts_broadband.GUIDES:
            self.translated(
                guide,
                parents,
                lambda code, parent, locale, t, guide=guide: self.add(
                    parent,
                    BroadbandGuidePage,
                    f"broadband/{guide['slug']}",
                    locale,
                    title=t["title"],
                    slug=guide["slug"],
                    summary=t["summary"],
                    body=t["body"],
                    m2m={"topics": [self.topics[code][s] for s in guide["topics"]]},
                ),
            )

    def life_event_guides(self, parents):
        for guide in texts_guides.GUIDES:

            def make(code, parent, locale, t, guide=guide):
                services = self.eservices.get(code) or self.eservices[settings.LANGUAGE_CODE]
                services = services if services else self.eservices[settings.LANGUAGE_CODE]
                steps = []
                for kind, title, text, service in t["steps"]:
                    service_obj = (
                        (services.get(service) or self.eservices["sv"].get(service)) if service else None
                    )
                    steps.append(
                        (
                            "step",
                            {"kind": kind, "title": title, "text": f"<p>{text}</p>", "eservice": service_obj},
                        )
                    )
                life_event = (
                    self.life_events.get(code, {}).get(guide["life_event"])
                    or self.life_events["sv"][guide["life_event"]]
                )
                topics = [self.topics[code][s] for s in guide["topics"]]
                return self.add(
                    parent,
                    LifeEventGuidePage,
                    f"guide/{guide['slug']}",
                    locale,
                    title=t["title"],
                    slug=guide["slug"],
                    summary=t["summary"],
                    intro=f"<p>{t['summary']}</p>",
                    steps=steps,
                    life_event=life_event,
                    m2m={"topics": topics},
                )

            self.translated(guide, parents, make)

    # --- municipalities, libraries and sessions -----------------------------------------------
    def municipalities(self, parents):
        self.municipality_pages = {}
        libraries = {lib["municipality"]: lib for lib in self.facts.get("libraries", [])}
        operators_by_municipality = {}
        for operator in self.facts["broadband"].get("operators", []):
            for name in operator.get("municipalities", []):
                operators_by_municipality.setdefault(name, []).append(operator["name"])
        session_counter = 0
        for row in self.facts["municipalities"]:
            name, code = row["name"], row["code"]
            localities = ", ".join([row.get("town", name)] + row.get("localities", []))
            population = f"{row['population']:,}".replace(",", " ")
            texts = {
                "sv": {
                    "title": name,
                    "summary": f"Bredband, bibliotek med digital hjälp och e-tjänster i {name}.",
                    "body": f"<p>{name} kommun har {population} invånare (31 december 2024). Här hittar du läget för bredband, bibliotekens digitala hjälp och kommunens e-tjänster.</p>",
                },
                "en": {
                    "title": name,
                    "summary": f"Broadband, libraries with digital help and e-services in {name}.",
                    "body": f"<p>{name} municipality has {population} inhabitants (31 December 2024). Here you find broadband, the libraries' digital help and the municipality's e-services.</p>",
                },
            }
            local = texts_site.TRANSLATED_LOCAL.get(code, {})
            for lang, text in local.get("municipality", {}).items():
                texts[lang] = text
            pages = self.translated(
                texts,
                parents,
                lambda lang, parent, locale, t, code=code, name=name, row=row, localities=localities: (
                    self.add(
                        parent,
                        MunicipalityPage,
                        f"municipality/{code}",
                        locale,
                        title=t["title"],
                        slug=slugify(name),
                        name=name,
                        code=code,
                        website=f"https://www.{row['web']}/",
                        localities=localities,
                        summary=t["summary"],
                        body=t["body"],
                    )
                ),
            )
            self.municipality_pages[name] = pages[settings.LANGUAGE_CODE]
            operators = operators_by_municipality.get(name, [])
            op_text = (" Fiber byggs här av " + " och ".join(operators) + ".") if operators else ""
            op_text_en = (" Fibre is built here by " + " and ".join(operators) + ".") if operators else ""
            broadband_texts = {
                "sv": {
                    "title": f"Bredband i {name}",
                    "status": f"I tätorten kan nästan alla få fiber; på landsbygden pågår utbyggnaden.{op_text}",
                    "summary": f"Fiber, bredbandsstöd och vem du kontaktar i {name}.",
                },
                "en": {
                    "title": f"Broadband in {name}",
                    "status": f"Almost everyone in the main town can get fibre; in the countryside the build-out continues.{op_text_en}",
                    "summary": f"Fibre, subsidies and whom to contact in {name}.",
                },
            }
            self.translated(
                broadband_texts,
                pages,
                lambda lang, parent, locale, t, code=code, row=row: self.add(
                    parent,
                    MunicipalityBroadbandPage,
                    f"municipality/{code}/broadband",
                    locale,
                    title=t["title"],
                    slug="bredband",
                    status_summary=t["status"],
                    summary=t["summary"],
                    contact_name="Kommunens bredbandssamordnare (exempel)"
                    if lang == "sv"
                    else "The municipality's broadband coordinator (example)",
                    contact_email=f"bredband@{row['web']}",
                ),
            )
            library = libraries.get(name)
            if library:
                session_counter = self.library_tree(pages, library, row, session_counter)

    def library_tree(self, municipalities: dict, library: dict, row: dict, counter: int) -> int:
        municipality = municipalities[settings.LANGUAGE_CODE]
        local = texts_site.TRANSLATED_LOCAL.get(row["code"], {})
        entries = [(library["main"], True)] + [(branch, False) for branch in library.get("branches", [])]
        for title, is_main in entries:
            full_title = title if is_main or "bibliotek" in title.lower() else f"{title} bibliotek"
            note = library.get("note", "") if is_main else ""
            equipment = "<p>Datorer med internet, wifi, skrivare och skanner.</p>"
            if "lends computers" in note:
                equipment = "<p>Du kan låna en dator med dig hem. Datorer med internet, wifi och skrivare finns också på plats.</p>"
            body = ""
            if "staffless" in note:
                body = "<p>Meröppet: biblioteket är öppet utan personal klockan 8–21 varje dag. Här finns en IT-bibliotekarie, och biblioteket har haft e-tjänstemässa tillsammans med myndigheter.</p>"
            elif "state grant" in note:
                body = (
                    "<p>Biblioteket fick 2019 statligt bidrag för extra personal som ger digital hjälp.</p>"
                )
            elif "Kulturhuset" in note:
                body = "<p>Biblioteket ligger i Kulturhuset, som öppnade 2016.</p>"
            stable_id = f"library/{row['code']}/{slugify(full_title)}"
            fields = dict(
                title=full_title,
                slug=slugify(full_title),
                summary=f"Digital hjälp, datorer och wifi på {full_title}.",
                street_address=library.get("street", "") if is_main else "",
                town=row["town"] if is_main else title,
                opening_hours="Måndag–torsdag 10–19\nFredag 10–17\nLördag 11–15",
                equipment=equipment,
                accessibility="<p>Entrén saknar trappsteg. Hörslinga finns i lånedisken. (Exempel i demon.)</p>",
                body=body,
                is_example=True,
            )
            if is_main and row["code"] in texts_site.TOWN_CENTRES:
                latitude, longitude = texts_site.TOWN_CENTRES[row["code"]]
                fields["latitude"], fields["longitude"] = Decimal(str(latitude)), Decimal(str(longitude))
            page = self.add(municipality, LibraryPage, stable_id, self.sv, **fields)
            translations = {}
            if is_main:
                for lang, text in local.get("library", {}).items():
                    if lang in municipalities and lang in self.locales:
                        translations[lang] = self.add(
                            municipalities[lang],
                            LibraryPage,
                            stable_id,
                            self.locales[lang],
                            **{**fields, **text},
                        )
            keys = ["bankid"] if is_main else []
            if is_main and local.get("sessions"):
                keys += [key for key in local["sessions"] if key not in keys]
            others = [s["key"] for s in texts_site.SESSIONS if s["key"] != "bankid"]
            while len(keys) < 2:
                keys.append(others[counter % len(others)])
                counter += 1
            for key in keys:
                spec = next(s for s in texts_site.SESSIONS if s["key"] == key)
                session_texts = local.get("sessions", {}).get(key, {}) if is_main else {}
                self.session(
                    page,
                    spec,
                    {
                        lang: (translations[lang], text)
                        for lang, text in session_texts.items()
                        if lang in translations
                    },
                )
        return counter

    def session(self, library: LibraryPage, spec: dict, translations: dict | None = None):
        start_day = self.today - datetime.timedelta(days=14)
        first = start_day + datetime.timedelta(days=(spec["weekday"] - start_day.weekday()) % 7)
        until = None
        if spec.get("weeks"):
            first = self.today + datetime.timedelta(days=(spec["weekday"] - self.today.weekday()) % 7)
            until = first + datetime.timedelta(weeks=spec["weeks"] - 1)
        stable_id = f"session/{library.slug}/{spec['key']}"
        fields = dict(
            title=f"{spec['title']} – {library.title}",
            slug=slugify(spec["title"]),
            summary=spec["summary"],
            description=f"<p>{spec['summary']} Hjälpen är gratis. Ta med din mobil eller surfplatta och dina inloggningsuppgifter om du har dem.</p>",
            languages=spec["languages"],
            audience=spec["audience"],
            booking_required=spec["booking"],
            capacity=spec.get("capacity"),
            place="Studierummet (exempel)",
            first_date=first,
            start_time=datetime.time.fromisoformat(spec["start"]),
            end_time=datetime.time.fromisoformat(spec["end"]),
            repeat=spec["repeat"],
            until=until,
            is_example=True,
        )
        topics = [self.topics["sv"][t] for t in spec["topics"]]
        page = self.add(library, HelpSessionPage, stable_id, self.sv, m2m={"topics": topics}, **fields)
        for lang, (parent, text) in (translations or {}).items():
            self.add(
                parent,
                HelpSessionPage,
                stable_id,
                self.locales[lang],
                m2m={"topics": topics},
                **{**fields, **text},
            )
        if spec["key"] == "bankid":
            cancelled = first + datetime.timedelta(weeks=4)
            SessionCancellation.objects.create(
                session=page, date=cancelled, reason="Personalen är på utbildning."
            )

    # --- data beside the pages ----------------------------------------------------------------
    def operators_and_statistics(self):
        for row in self.facts["broadband"].get("operators", []):
            operator = NetworkOperator.objects.create(
                name=row["name"],
                kind=OPERATOR_KINDS.get(row["kind"], "commercial"),
                description=_operator_description(row),
            )
            operator.municipalities.set(
                [
                    self.municipality_pages[name]
                    for name in row.get("municipalities", [])
                    if name in self.municipality_pages
                ]
            )
        county_code = self.facts["county"]["county_code"]
        source = f"PTS bredbandskartläggning {DEMO_SOURCE_SUFFIX}"
        for year, values in self.facts["broadband"].get("county", {}).items():
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
        example_source = f"Exempelvärde, inte uppmätt {DEMO_SOURCE_SUFFIX}"
        for index, row in enumerate(self.facts["municipalities"]):
            for year, base in ((2021, 84), (2022, 88), (2023, 90), (2024, 93)):
                CoverageStatistic.objects.create(
                    area_code=row["code"],
                    year=year,
                    gbit_households=min(99, base + (index % 5)),
                    mbit100_households=min(99.5, base + 2 + (index % 4)),
                    gbit_workplaces=min(99, base - 3 + (index % 6)),
                    source=example_source,
                    is_example=True,
                )

    def expansions(self):
        operators = {o.name: o for o in NetworkOperator.objects.all()}
        for name, rows in texts_broadband.EXPANSIONS.items():
            municipality = self.municipality_pages.get(name)
            if municipality is None:
                continue
            local = MunicipalityBroadbandPage.objects.child_of(municipality).first()
            for order, (area, operator, year, status) in enumerate(rows):
                PlannedExpansion.objects.create(
                    page=local,
                    sort_order=order,
                    area=area,
                    operator=operators.get(operator),
                    expected_year=year,
                    status=status,
                )

    def municipal_eservice_links(self):
        for slug, row in texts_guides.ESERVICES.items():
            if row[3]:
                continue
            for services in self.eservices.values():
                service = services.get(slug)
                if service is None:
                    continue
                for facts in self.facts["municipalities"]:
                    EServiceMunicipalLink.objects.create(
                        eservice=service,
                        municipality=self.municipality_pages[facts["name"]],
                        url=f"https://www.{facts['web']}/",
                    )


def _operator_description(row: dict) -> str:
    kinds = {
        "stadsnät": "Stadsnät",
        "commercial": "Kommersiell operatör",
        "fibre association": "Fiberförening",
    }
    where = ", ".join(row.get("municipalities", []))
    return f"{kinds.get(row['kind'], row['kind'])} som bygger fiber i {where}."
