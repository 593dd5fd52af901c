"""Build the demo county from a facts file and the text files beside it (README: another region).

One loader, with one part per app: `SiteContent` (home), `BroadbandContent` and `ServicesContent` each
build their app's pages and snippets from their text file. This module runs them in order.

Every object the loader makes gets a translation key derived from a stable name (uuid5), so a second
run makes the same site again, and content an editor made (random uuid4 keys, or any saved revision)
can be told apart from demo content.
"""

import datetime
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import (
    LocaleSynchronization,
    StringTranslation,
    TranslatableObject,
    TranslationContext,
    TranslationSource,
)

from broadband.models import CoverageStatistic, NetworkOperator
from home.models import HomePage, LifeEvent, Topic
from services.models import EService

from .broadband import BroadbandContent
from .localize import synchronise_locales, translate_page
from .marks import DEMO_SOURCE_SUFFIX, demo_key
from .services import ServicesContent
from .site import SiteContent
from .texts import DEFAULT_FACTS, check_facts, fill, read_texts


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
    # The loader's own revisions (translations published through wagtail-localize) have no user.
    if Revision.objects.filter(base_content_type__model="page", user__isnull=False).exists():
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
        self.facts_path = Path(self.facts_path)
        self.facts = yaml.safe_load(self.facts_path.read_text(encoding="utf-8"))
        check_facts(self.facts, self.facts_path)
        self.texts = read_texts(self.facts_path.parent)
        self.values = self.county_values()
        self.now = timezone.now()

    def county_values(self) -> dict:
        """What the county placeholders in the texts stand for: {region}, {region_name}, {organisation}."""
        county = self.facts["county"]
        values = {"region": county.get("short_name") or county["name"], "region_name": county["name"]}
        values["organisation"] = county.get("regional_body") or fill(
            self.texts["site"]["organisation"]["name"], values
        )
        return values

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
            self.sections = {}
            self.municipality_pages = {}
            site, broadband, services = SiteContent(self), BroadbandContent(self), ServicesContent(self)

            site.snippets()
            services.snippets()
            home = site.start_pages()
            broadband.section()
            services.sections()
            site.sections()
            broadband.guides()
            services.guides()
            for row in self.facts["municipalities"]:
                pages = site.municipality(row)
                broadband.municipality(row, pages)
                services.municipality(row, pages)
            broadband.operators_and_statistics()
            broadband.expansions()
            services.municipal_eservice_links()
            synchronise_locales(self.sv)
        return home

    def clear(self):
        Site.objects.all().delete()
        LocaleSynchronization.objects.all().delete()
        # The other languages' trees first: deleting a Swedish page would turn its aliases into pages.
        top = Page.objects.filter(depth=2)
        for page in [*top.exclude(locale__language_code=settings.LANGUAGE_CODE), *top]:
            if Page.objects.filter(pk=page.pk).exists():
                Page.objects.get(pk=page.pk).delete()
        # The demo's translation sources, strings and contexts, in the order their protected links allow.
        StringTranslation.objects.all().delete()
        TranslationSource.objects.all().delete()
        TranslationContext.objects.all().delete()
        TranslatableObject.objects.all().delete()
        for model in (EService, NetworkOperator, CoverageStatistic, Topic, LifeEvent):
            model.objects.all().delete()

    # --- helpers for the parts -----------------------------------------------------------------
    def key(self, *parts: str) -> uuid.UUID:
        return demo_key(*parts)

    def fill(self, value, **values):
        """The text with its placeholders filled from the facts (and the values given here)."""
        return fill(value, {**self.values, **values})

    def join(self, items, lang: str) -> str:
        """A list in running text, "A, B och C", with the language's words for it (site.yaml: lists)."""
        items = list(items)
        if len(items) < 2:
            return "".join(items)
        words = self.texts["site"]["lists"][lang]
        return words["separator"].join(items[:-1]) + words["and"] + items[-1]

    def local(self, code: str) -> dict:
        """The county's local texts for one municipality (by kommunkod)."""
        return self.texts["local"].get(code) or {}

    def add(self, parent: Page, cls, stable_id: str, locale: Locale, *, m2m=None, **fields) -> Page:
        """A Swedish page under `parent`; in another language, the translation of the Swedish page with the
        same stable id, made through wagtail-localize (localize.py) under the parent's translation."""
        if locale != self.sv:
            source = cls.objects.get(translation_key=demo_key("page", stable_id), locale=self.sv)
            target = cls(translation_key=source.translation_key, locale=locale, **fields)
            for name, values in (m2m or {}).items():
                getattr(target, name).set(values)
            return translate_page(source, target)
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

    def translated_page(
        self, texts: dict, parents: dict, cls, stable_id: str, text_fields=None, **fields
    ) -> dict:
        """The page `cls` with this stable id in every language that has text and whose parent exists:
        the `fields` given here, the same in every language, and the fields `text_fields(code, t)` makes
        of the language's text (by default the text itself filled from the facts, its keys named as
        the model's fields)."""
        text_fields = text_fields or (lambda code, t: self.fill(t))
        return self.translated(
            texts,
            parents,
            lambda code, parent, locale, t: self.add(
                parent, cls, stable_id, locale, **fields, **text_fields(code, t)
            ),
        )

    def section(self, key: str, cls, spec: dict) -> dict:
        """A section's index page (shown in menus) under the start page of every language, filed as
        `sections[key]` for the pages below it."""
        self.sections[key] = self.translated_page(
            spec, self.homes, cls, f"section/{key}", show_in_menus=True, slug=spec["slug"]
        )
        return self.sections[key]

    def languages(self):
        return [code for code, _name in settings.LANGUAGES]

    def translated(self, texts: dict, source_parent: dict, make) -> dict:
        """Create the page in every language that has text and whose parent exists; returns by code."""
        made = {}
        for code in self.languages():
            if code in texts and code in source_parent and code in self.locales:
                made[code] = make(code, source_parent[code], self.locales[code], texts[code])
        return made

    @staticmethod
    def website(row: dict) -> str:
        return f"https://www.{row['web']}/"
