"""Make a large synthetic site for benchmarks: N standard pages under one parent, inserted in bulk.

The pages are real Wagtail pages (rows in the page tree and in home_standardpage), written with bulk
inserts because creating 50,000 pages one by one through the tree API takes hours.
"""

import random
import uuid

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

from home.models import HomePage, StandardPage

WORDS = (
    "fiber bredband stöd förening bibliotek hjälp dator mobil kurs senior BankID e-tjänst flytta pension "
    "företag vård kommun region nät anslutning hastighet täckning operatör avtal grävning landsbygd tätort "
    "ansökan blankett kontakt öppettider drop-in bokning swish digital brevlåda legitimation"
).split()
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def encode(number: int, width: int) -> str:
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(width, "0")


class Command(BaseCommand):
    help = "Skapar N syntetiska sidor (standard 50 000) under sidan ”Lasttest” för prestandamätningar."

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=50_000)
        parser.add_argument("--seed", type=int, default=1)

    @transaction.atomic
    def handle(self, *args, documents, seed, **options):
        rng = random.Random(seed)
        home = HomePage.objects.get(locale__language_code="sv")
        Page.objects.filter(slug="lasttest").delete()
        parent = home.add_child(instance=StandardPage(title="Lasttest", slug="lasttest", show_in_menus=False))
        now = timezone.now()
        content_type = StandardPage().content_type
        pages = []
        for n in range(1, documents + 1):
            words = rng.sample(WORDS, 6)
            title = f"{' '.join(words[:3]).capitalize()} {n}"
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=f"sida-{n}",
                    content_type=content_type,
                    path=parent.path + encode(n, Page.steplen),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}sida-{n}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    locale_id=home.locale_id,
                    translation_key=uuid.uuid4(),
                )
            )
        created = Page.objects.bulk_create(pages, batch_size=2000)
        rows = []
        for page in created:
            text = " ".join(rng.choice(WORDS) for _ in range(40))
            body = '[{"type": "text", "value": "<p>' + text + '</p>", "id": "' + str(uuid.uuid4()) + '"}]'
            rows.append((page.pk, " ".join(rng.sample(WORDS, 8)), None, None, body))
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO home_standardpage (page_ptr_id, summary, review_date, last_reviewed, body) "
                "VALUES (%s, %s, %s, %s, %s)",
                rows,
            )
        Page.objects.filter(pk=parent.pk).update(numchild=documents)
        self.stdout.write(self.style.SUCCESS(f"{documents} sidor skapade under {parent.url_path}"))
