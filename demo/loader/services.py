"""The services app's part of the demo: e-services, the digital-help and e-service sections, life-event
guides, each municipality's libraries with their help-session series, and the per-municipality links of
municipal e-services. Texts: services.yaml, and local.yaml for translated local content.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.utils.text import slugify

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

from .localize import translate_snippet


class ServicesContent:
    def __init__(self, loader):
        self.loader = loader
        self.texts = loader.texts["services"]
        self.libraries = {lib["municipality"]: lib for lib in loader.facts.get("libraries", [])}
        self.session_turn = 0  # the series are handed out to the libraries in turn

    def snippets(self):
        """The e-services in Swedish, and their translations made through wagtail-localize."""
        loader = self.loader
        loader.eservices = {code: {} for code in loader.languages()}
        for slug, spec in self.texts["eservices"].items():
            source = None
            for code in sorted(loader.languages(), key=lambda c: c != settings.LANGUAGE_CODE):
                if code not in spec or code not in loader.locales:
                    continue
                t = loader.fill(spec[code])
                service = EService(
                    translation_key=loader.key("eservice", slug),
                    locale=loader.locales[code],
                    name=t["name"],
                    provider=loader.fill(spec["provider"]),
                    description=t["description"],
                    national_url=spec.get("url", ""),
                    needs_eid=spec["needs_eid"],
                )
                topics = [loader.topics[code][s] for s in spec["topics"]]
                events = loader.life_events[code] or loader.life_events[settings.LANGUAGE_CODE]
                events = [events[e] for e in spec["life_events"]]
                if source is not None:
                    service = translate_snippet(source, service)
                service.topics.set(topics)  # wagtail-localize copies the source's; these are the language's
                service.life_events.set(events)
                service.save()
                source = source or service
                loader.eservices[code][slug] = service

    def sections(self):
        for key, cls in (("help", HelpIndexPage), ("guides", GuideIndexPage)):
            self.loader.section(key, cls, self.texts[f"{key}_section"])

    def guides(self):
        loader = self.loader
        for guide in self.texts["guides"]:

            def make(code, parent, locale, t, guide=guide):
                t = loader.fill(t)
                services = loader.eservices.get(code) or loader.eservices[settings.LANGUAGE_CODE]
                steps = []
                for step in t["steps"]:
                    service = step.get("eservice")
                    service_obj = (
                        (services.get(service) or loader.eservices[settings.LANGUAGE_CODE].get(service))
                        if service
                        else None
                    )
                    steps.append(
                        (
                            "step",
                            {
                                "kind": step["kind"],
                                "title": step["title"],
                                "text": f"<p>{step['text']}</p>",
                                "eservice": service_obj,
                            },
                        )
                    )
                life_event = (
                    loader.life_events.get(code, {}).get(guide["life_event"])
                    or loader.life_events[settings.LANGUAGE_CODE][guide["life_event"]]
                )
                return loader.add(
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
                    m2m={"topics": [loader.topics[code][s] for s in guide["topics"]]},
                )

            loader.translated(guide, loader.sections["guides"], make)

    # --- libraries and sessions ----------------------------------------------------------------
    def municipality(self, row: dict, pages: dict):
        """The municipality's main library and branches, each with two or more session series."""
        library = self.libraries.get(row["name"])
        if not library:
            return
        loader = self.loader
        texts = self.texts["library"]
        local = loader.local(row["code"])
        municipality = pages[settings.LANGUAGE_CODE]
        entries = [(library["main"], True)] + [(branch, False) for branch in library.get("branches", [])]
        for title, is_main in entries:
            if is_main or texts["word"] in title.lower():
                full_title = title
            else:
                full_title = loader.fill(texts["branch_title"], name=title)
            stable_id = f"library/{row['code']}/{slugify(full_title)}"
            sv = loader.fill(texts[settings.LANGUAGE_CODE], title=full_title)
            fields = dict(
                title=full_title,
                slug=slugify(full_title),
                summary=sv["summary"],
                street_address=library.get("street", "") if is_main else "",
                town=row["town"] if is_main else branch_town(title, row.get("localities", []), texts["word"]),
                opening_hours=sv["opening_hours"],
                equipment=sv["equipment"],
                accessibility=sv["accessibility"],
                body=sv.get("body", ""),
                is_example=True,
            )
            if is_main:
                fields.update(loader.fill(local.get("library", {}).get(settings.LANGUAGE_CODE, {})))
                position = local.get("library_position")
                if position:
                    fields["latitude"] = Decimal(str(position["latitude"]))
                    fields["longitude"] = Decimal(str(position["longitude"]))
            page = loader.add(municipality, LibraryPage, stable_id, loader.sv, **fields)
            translations = {}
            if is_main:
                for lang, text in local.get("library", {}).items():
                    if lang != settings.LANGUAGE_CODE and lang in pages and lang in loader.locales:
                        translations[lang] = loader.add(
                            pages[lang],
                            LibraryPage,
                            stable_id,
                            loader.locales[lang],
                            **{**fields, **loader.fill(text)},
                        )
            self.sessions_for(page, is_main, local.get("sessions", {}) if is_main else {}, translations)

    def sessions_for(self, library: LibraryPage, is_main: bool, local_sessions: dict, translations: dict):
        series = self.texts["sessions"]
        keys = [s["key"] for s in series if s.get("at_every_main_library")] if is_main else []
        keys += [key for key in local_sessions if key not in keys]
        others = [s["key"] for s in series if not s.get("at_every_main_library")]
        while len(keys) < self.texts["sessions_per_library"]:
            keys.append(others[self.session_turn % len(others)])
            self.session_turn += 1
        for key in keys:
            spec = next(s for s in series if s["key"] == key)
            self.session(
                library,
                spec,
                {
                    lang: (translations[lang], text)
                    for lang, text in local_sessions.get(key, {}).items()
                    if lang in translations
                },
            )

    def session(self, library: LibraryPage, spec: dict, translations: dict):
        loader = self.loader
        today = loader.today
        start_day = today - datetime.timedelta(days=14)
        first = start_day + datetime.timedelta(days=(spec["weekday"] - start_day.weekday()) % 7)
        until = None
        if spec.get("weeks"):
            first = today + datetime.timedelta(days=(spec["weekday"] - today.weekday()) % 7)
            until = first + datetime.timedelta(weeks=spec["weeks"] - 1)
        texts = self.texts["session"]
        title, summary = loader.fill(spec["title"]), loader.fill(spec["summary"])
        stable_id = f"session/{library.slug}/{spec['key']}"
        fields = dict(
            title=loader.fill(texts["title"], session=title, library=library.title),
            slug=slugify(title),
            summary=summary,
            description=loader.fill(texts["description"], summary=summary),
            languages=spec["languages"],
            audience=spec["audience"],
            booking_required=spec["booking"],
            capacity=spec.get("capacity"),
            place=loader.fill(texts["place"]),
            first_date=first,
            start_time=datetime.time.fromisoformat(spec["start"]),
            end_time=datetime.time.fromisoformat(spec["end"]),
            repeat=spec["repeat"],
            until=until,
            is_example=True,
        )
        topics = [loader.topics[settings.LANGUAGE_CODE][t] for t in spec["topics"]]
        page = loader.add(library, HelpSessionPage, stable_id, loader.sv, m2m={"topics": topics}, **fields)
        for lang, (parent, text) in translations.items():
            loader.add(
                parent,
                HelpSessionPage,
                stable_id,
                loader.locales[lang],
                m2m={"topics": topics},
                **{**fields, **loader.fill(text)},
            )
        cancelled = spec.get("cancelled")
        if cancelled:
            SessionCancellation.objects.create(
                session=page,
                date=first + datetime.timedelta(weeks=cancelled["after_weeks"]),
                reason=loader.fill(cancelled["reason"]),
            )

    def municipal_eservice_links(self):
        loader = self.loader
        for slug, spec in self.texts["eservices"].items():
            if not spec.get("per_municipality"):
                continue
            for services in loader.eservices.values():
                service = services.get(slug)
                if service is None:
                    continue
                for row in loader.facts["municipalities"]:
                    EServiceMunicipalLink.objects.create(
                        eservice=service,
                        municipality=loader.municipality_pages[row["name"]],
                        url=loader.website(row),
                    )


def branch_town(title: str, localities: list[str], word: str) -> str:
    """Where a branch library is: the municipality's locality it is named after, also in the
    genitive ("<locality>s bibliotek"), so that its page is found as the locality's; else the
    branch's name as listed (a district, which the loader makes a place of its own)."""
    place = title.lower().replace(word, "").strip()
    for locality in localities:
        if place in (locality.lower(), f"{locality.lower()}s"):
            return locality
    return title
