from django.core.management.base import BaseCommand

from editorial.links import check_links


class Command(BaseCommand):
    help = (
        "Provar de externa länkarna i publicerat innehåll (kort tidsgräns, ett begränsat antal åt gången) "
        "och sparar svaret; redaktörerna ser sina trasiga länkar på startsidan i admin. Kör den varje natt."
    )

    def add_arguments(self, parser):
        parser.add_argument("--only-prefix", default="", help="Prova bara länkar som börjar så här.")
        parser.add_argument("--timeout", type=float, default=5.0)
        parser.add_argument("--workers", type=int, default=8, help="Hur många länkar som provas samtidigt.")

    def handle(self, *args, only_prefix, timeout, workers, **options):
        result = check_links(only_prefix=only_prefix, timeout=timeout, workers=workers, log=self.stdout.write)
        self.stdout.write(f"{result['checked']} länkar provade, {result['broken']} trasiga.")
