"""The county ten times larger that `bench-pages --large-county` measures is made as asked."""

import io

import pytest
from django.core.management import call_command

from services.models import HelpSessionPage, LibraryPage

pytestmark = pytest.mark.django_db


def test_generated_county_has_the_numbers_asked_for_and_its_sessions_are_listed(client, demo):
    sv = {"locale__language_code": "sv"}
    for _run in range(2):  # a second run replaces what the first made
        call_command("generate_large_county", libraries=25, series=60, stdout=io.StringIO())
        assert LibraryPage.objects.filter(**sv).count() == 25
        assert HelpSessionPage.objects.filter(**sv).count() == 60
    html = client.get("/digital-hjalp/?bibliotek=genererat-bibliotek-1").content.decode()
    results = html.split('id="result-heading"')[1]
    assert "Genererat bibliotek 1," in results and "Hjälp med " in results
