from pathlib import Path

import yaml
from django.core.management.base import BaseCommand, CommandError

from demo.loader import DEFAULT_FACTS, DemoLoader, NonDemoContent
from home.models import HomePage


class Command(BaseCommand):
    help = (
        "Bygger demowebbplatsen för ett län ur en faktafil och textfilerna bredvid den "
        f"(standard: {DEFAULT_FACTS.relative_to(DEFAULT_FACTS.parents[3])}). "
        "Kan köras flera gånger; vägrar skriva över innehåll som redaktörer har gjort."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--facts",
            type=Path,
            default=DEFAULT_FACTS,
            help="YAML-fil med länets fakta; länets egna textfiler läses från samma mapp.",
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="Gör ingenting om det redan finns en startsida."
        )
        parser.add_argument(
            "--replace-all-content",
            action="store_true",
            help="Radera ALLT innehåll, även sådant som redaktörer gjort, och bygg demon på nytt.",
        )

    def handle(self, *args, facts, if_empty, replace_all_content, **options):
        if if_empty and HomePage.objects.exists():
            self.stdout.write("Det finns redan innehåll; demon laddas inte.")
            return
        if not facts.is_file():
            raise CommandError(f"Faktafilen {facts} finns inte.")
        try:
            home = DemoLoader(facts_path=facts).run(replace_all=replace_all_content)
        except (NonDemoContent, ValueError, yaml.YAMLError) as exc:
            raise CommandError(str(exc)) from exc
        count = home.get_descendants(inclusive=True).count()
        self.stdout.write(self.style.SUCCESS(f"Demon är laddad: {count} sidor under ”{home.title}”."))
