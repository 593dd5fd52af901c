import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Skapar en administratör från DJANGO_SUPERUSER_USERNAME/_EMAIL/_PASSWORD, eller säger hur man gör."

    def handle(self, *args, **options):
        User = get_user_model()
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME")
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        if not username or not password:
            if not User.objects.filter(is_superuser=True).exists():
                self.stdout.write(
                    "Ingen administratör finns. Skapa en med:\n"
                    "  .venv/bin/python manage.py createsuperuser      (make run)\n"
                    "  make stack-manage ARGS=createsuperuser          (make stack)\n"
                    "eller sätt DJANGO_SUPERUSER_USERNAME, DJANGO_SUPERUSER_EMAIL och "
                    "DJANGO_SUPERUSER_PASSWORD "
                    "innan make run eller make stack."
                )
            return
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Administratören {username} finns redan.")
            return
        User.objects.create_superuser(username, os.environ.get("DJANGO_SUPERUSER_EMAIL", ""), password)
        self.stdout.write(self.style.SUCCESS(f"Administratören {username} är skapad. Logga in på /admin/."))
