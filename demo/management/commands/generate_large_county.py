"""Make the demo county ten times larger for the page-speed benchmark: 200 libraries, 2,000 series.

Run after `load_demo`. Libraries are added under the demo's Swedish municipalities (in turn) and
series under the new libraries until the county has `--libraries` libraries and `--series` series
in Swedish (the generated ones are not translated: English and Arabic readers see them in Swedish,
as they would a library that has not translated its page). The series vary as real ones do: weekly,
every other week or monthly, different weekdays and times, topics, languages, audiences, some with
booking and seats, some with a cancelled date. Pages are made through the page tree like an editor's
(`add_child`), so every table a listing reads is filled as it is in production. Running it again
replaces what it made before.
"""

import datetime
import random

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from home.models import MunicipalityPage, Topic
from services.models import HelpSessionPage, LibraryPage, SessionCancellation

SLUG = "genererat-bibliotek-"
REPEATS = ["weekly"] * 5 + ["biweekly"] * 3 + ["monthly"] * 2
TIMES = [(9, 11), (10, 12), (13, 15), (14, 16), (17, 19)]
LANGUAGES = [["sv"], ["sv"], ["sv", "en"], ["sv", "ar"], ["sv", "so"], ["sv", "ti"], ["sv", "fa", "uk"]]
SUBJECTS = ["BankID", "Swish", "1177", "e-post", "surfplatta", "Kivra", "mobilen", "deklarationen"]


class Command(BaseCommand):
    help = "Gör demolänet tio gånger större för mätningar: 200 bibliotek och 2 000 tillfällen (på svenska)."

    def add_arguments(self, parser):
        parser.add_argument("--libraries", type=int, default=200)
        parser.add_argument("--series", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=1)

    @transaction.atomic
    def handle(self, *args, libraries, series, seed, **options):
        rng = random.Random(seed)
        sv = {"locale__language_code": "sv"}
        for old in LibraryPage.objects.filter(slug__startswith=SLUG):
            old.delete()
        municipalities = list(MunicipalityPage.objects.filter(**sv).order_by("path"))
        topics = list(Topic.objects.filter(**sv))
        if not municipalities:
            raise SystemExit("Ladda demon först: manage.py load_demo")
        new_libraries = []
        for n in range(max(0, libraries - LibraryPage.objects.filter(**sv).count())):
            municipality = municipalities[n % len(municipalities)]
            town = f"{municipality.title} {n + 1}"
            library = LibraryPage(
                title=f"Genererat bibliotek {n + 1}, {municipality.title}",
                slug=f"{SLUG}{n + 1}",
                summary=f"Ett genererat filialbibliotek i {municipality.title} för mätningar.",
                street_address=f"Biblioteksgatan {n + 1}",
                postal_code="123 45",
                town=town,
                opening_hours="Måndag–fredag 10–19\nLördag 11–15",
                is_example=True,
            )
            municipality.add_child(instance=library)
            municipality.refresh_from_db()  # the tree keeps count of its children
            new_libraries.append(library)
        wanted = max(0, series - HelpSessionPage.objects.filter(**sv).count())
        today = timezone.localdate()
        for n in range(wanted):
            library = new_libraries[n % len(new_libraries)] if new_libraries else None
            if library is None:
                break
            self.series(rng, library, n, today, topics)
        made = HelpSessionPage.objects.filter(**sv).count()
        total = LibraryPage.objects.filter(**sv).count()
        self.stdout.write(
            self.style.SUCCESS(f"Länet har nu {total} bibliotek och {made} tillfällen på svenska.")
        )

    @staticmethod
    def series(rng: random.Random, library: LibraryPage, n: int, today: datetime.date, topics: list) -> None:
        library = Page.objects.get(pk=library.pk).specific  # fresh tree counters for add_child
        subject = rng.choice(SUBJECTS)
        start, end = rng.choice(TIMES)
        booking = rng.random() < 0.3
        first = today - datetime.timedelta(days=rng.randrange(0, 60))
        session = HelpSessionPage(
            title=f"Hjälp med {subject} {n + 1} – {library.title}",
            slug=f"hjalp-{n + 1}",
            summary=f"Vi hjälper dig med {subject}.",
            description=f"<p>Ta med din telefon eller dator. Vi hjälper dig med {subject}.</p>",
            languages=rng.choice(LANGUAGES),
            audience=rng.choice(["everyone", "everyone", "seniors", "newcomers"]),
            booking_required=booking,
            capacity=rng.randrange(6, 13) if booking else None,
            place="Studierummet",
            first_date=first,
            start_time=datetime.time(start),
            end_time=datetime.time(end),
            repeat=rng.choice(REPEATS),
            until=None if rng.random() < 0.8 else today + datetime.timedelta(days=rng.randrange(30, 200)),
            is_example=True,
        )
        session.topics.set(rng.sample(topics, min(len(topics), rng.randrange(1, 3))))
        library.add_child(instance=session)
        if rng.random() < 0.1:
            SessionCancellation.objects.create(
                session=session, date=first + datetime.timedelta(weeks=rng.randrange(2, 12)), reason="Stängt"
            )
