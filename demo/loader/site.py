"""The home app's part of the demo: topics, life events, the start page in every language, the site and
its organisation settings, the list of municipalities, the standard pages and one page per municipality.
Texts: site.yaml.
"""

from django.conf import settings
from django.utils.text import slugify
from wagtail.models import Page, Site

from home.models import (
    HomePage,
    LifeEvent,
    MunicipalityIndexPage,
    MunicipalityPage,
    OrganisationSettings,
    StandardPage,
    Topic,
)

from .localize import translate_snippet


def blocks(body: list[dict]) -> list[tuple]:
    """A StreamField body from the texts (a list of {type, value}) in the form Wagtail takes."""
    return [(block["type"], block["value"]) for block in body]


def text_page(loader, t: dict, **values) -> dict:
    """The title, summary and body (blocks) of a page of running text, filled from the facts."""
    return {
        "title": loader.fill(t["title"], **values),
        "summary": loader.fill(t["summary"], **values),
        "body": blocks(loader.fill(t["body"], **values)),
    }


class SiteContent:
    def __init__(self, loader):
        self.loader = loader
        self.texts = loader.texts["site"]

    def snippets(self):
        """Topics and life events in Swedish, and their translations made through wagtail-localize."""
        loader = self.loader
        for attribute, model, kind, texts in (
            ("topics", Topic, "topic", self.texts["topics"]),
            ("life_events", LifeEvent, "life-event", self.texts["life_events"]),
        ):
            made = {code: {} for code in loader.languages()}
            for slug, names in texts.items():
                source = model.objects.create(
                    translation_key=loader.key(kind, slug),
                    locale=loader.sv,
                    name=loader.fill(names[settings.LANGUAGE_CODE]),
                    slug=slug,
                )
                made[settings.LANGUAGE_CODE][slug] = source
                for code, name in names.items():
                    if code != settings.LANGUAGE_CODE and code in loader.locales:
                        target = model(
                            translation_key=source.translation_key,
                            locale=loader.locales[code],
                            name=loader.fill(name),
                            slug=slug,
                        )
                        made[code][slug] = translate_snippet(source, target)
            setattr(loader, attribute, made)

    def start_pages(self) -> HomePage:
        loader = self.loader
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=loader.sv)
        )
        county = loader.facts["county"]
        homes = {}
        for code, text in self.texts["home"].items():
            if code not in loader.locales:
                continue
            text = loader.fill(text)
            homes[code] = loader.add(
                root,
                HomePage,
                "home",
                loader.locales[code],
                title=text["title"],
                slug="hem" if code == settings.LANGUAGE_CODE else f"hem-{code}",
                intro=text["intro"],
                summary=text["summary"],
            )
        loader.homes = homes
        home = homes[settings.LANGUAGE_CODE]
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=loader.fill(self.texts["site_name"]),
        )
        organisation = loader.fill(self.texts["organisation"])
        OrganisationSettings.objects.update_or_create(
            site=Site.objects.get(is_default_site=True),
            defaults={
                "organisation_name": loader.values["organisation"],
                "region_name": county["name"],
                "county_code": county["county_code"],
                "email": organisation["email"],
                "contact_hours": organisation["contact_hours"],
            },
        )
        return home

    def sections(self):
        """The list of municipalities, then the standard pages, under the start page."""
        loader = self.loader
        loader.section("municipalities", MunicipalityIndexPage, self.texts["municipalities_section"])
        for spec in self.texts["standard_pages"]:
            loader.translated_page(
                spec,
                loader.homes,
                StandardPage,
                f"standard/{spec['slug']}",
                lambda code, t: text_page(loader, t),
                slug=spec["slug"],
            )

    def municipality(self, row: dict) -> dict:
        """The municipality's page in every language the texts cover; returns the pages by language."""
        loader = self.loader
        name, code = row["name"], row["code"]
        values = {"name": name, "population": f"{row['population']:,}".replace(",", " ")}
        texts = {lang: loader.fill(t, **values) for lang, t in self.texts["municipality_page"].items()}
        names = {}
        for lang, text in loader.local(code).get("municipality", {}).items():
            texts[lang] = loader.fill(text, **values)
            # A translation that gives the municipality a title of its own names it so
            # everywhere in that language (lists, filters, "I …"), unless it gives a name.
            names[lang] = texts[lang].pop("name", None) or (texts[lang]["title"] if "title" in text else name)
        # Its places: the main town, the localities, and the districts its library branches are
        # named after (a branch listed by its place alone, which the loader titles "<place>
        # bibliotek"): residents name them as they name a village. A branch listed with the word for
        # library in its name is left out: its place is not told apart from a genitive ("-s").
        word = loader.texts["services"]["library"]["word"]
        library = {lib["municipality"]: lib for lib in loader.facts.get("libraries", [])}.get(name, {})
        districts = [branch for branch in library.get("branches", []) if word not in branch.lower()]
        localities = ", ".join(dict.fromkeys([row.get("town", name)] + row.get("localities", []) + districts))
        pages = loader.translated_page(
            texts,  # title, summary and body
            loader.sections["municipalities"],
            MunicipalityPage,
            f"municipality/{code}",
            lambda lang, t: {**t, "name": names.get(lang, name)},
            slug=slugify(name),
            code=code,
            website=loader.website(row),
            localities=localities,
        )
        loader.municipality_pages[name] = pages[settings.LANGUAGE_CODE]
        return pages
