"""Four people from four organisations, and one object of every kind that belongs to someone else.

Built on the demo county after `setup_editors`: a regional editor, a regional reviewer, Sala's
municipal editor and Sala stadsbibliotek's staff; Västerås's objects (its municipality page,
library, operator, e-service link, coverage report, booked date, images and documents), shared ones
(Open Infra serves Kungsör and Sala; the shared image collection) and regional ones (a guide).
"""

import datetime
import io
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Locale

from broadband.models import BroadbandGuidePage, CoverageReport, NetworkOperator
from home.models import MunicipalityPage
from services.models import Booking, EServiceMunicipalLink, LibraryPage, SessionOccurrence
from tests.factories import add_session

ROLES = {
    "region": "Region – redaktörer",
    "reviewer": "Region – granskare",
    "municipal": "Sala – redaktörer",
    "library": "Sala stadsbibliotek – personal",
}


def png() -> ContentFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="x.png")


@dataclass
class Org:
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.objects[name]
        except KeyError:
            raise AttributeError(name) from None


def _report(code: str, place: str) -> CoverageReport:
    return CoverageReport.objects.create(
        reference=f"R-{code}-{place[:3]}",
        municipality_code=code,
        place=place,
        operator=CoverageReport.Operator.choices[0][0],
        problem=CoverageReport.Problem.choices[0][0],
        occurred_on=timezone.localdate(),
        contact=f"{place}-kontakt@example.se",
    )


def _occurrence(library: LibraryPage, slug: str) -> SessionOccurrence:
    session = add_session(library, title=f"Boka hjälp {slug}", slug=slug, booking_required=True, capacity=5)
    occurrence = SessionOccurrence.objects.create(
        session=session, date=timezone.localdate() + datetime.timedelta(days=7)
    )
    Booking.objects.create(
        occurrence=occurrence, name=f"Bokare {slug}", email=f"{slug}@example.se", status="confirmed"
    )
    return occurrence


@pytest.fixture
def org(demo, django_user_model):
    call_command("setup_editors", verbosity=0)
    result = Org()
    for role, group in ROLES.items():
        user = django_user_model.objects.create_user(f"test-{role}", password="x", email=f"{role}@example.se")
        user.groups.add(Group.objects.get(name=group))
        result.users[role] = user
    sv = Locale.objects.get(language_code="sv")
    sala = MunicipalityPage.objects.get(code="1981", locale=sv)
    vasteras = MunicipalityPage.objects.get(code="1980", locale=sv)
    sala_library = LibraryPage.objects.get(slug="sala-stadsbibliotek", locale=sv)
    vasteras_library = LibraryPage.objects.get(slug="vasteras-stadsbibliotek", locale=sv)
    guide = BroadbandGuidePage.objects.get(slug="fa-fiber", locale=sv)
    root = Collection.get_first_root_node()
    collections = {c.name: c for c in Collection.objects.all()}
    media = {"Sala": "sala", "Västerås": "vasteras", "Region": "regionen", "Region – gemensamt": "gemensam"}
    images = {
        name: Image.objects.create(title=f"bild-{slug}", file=png(), collection=collections[name])
        for name, slug in media.items()
    }
    documents = {
        name: Document.objects.create(
            title=f"dokument-{slug}", file=ContentFile(b"x", name="x.txt"), collection=collections[name]
        )
        for name, slug in media.items()
    }
    result.objects.update(
        sala=sala,
        vasteras=vasteras,
        sala_library=sala_library,
        vasteras_library=vasteras_library,
        guide=guide,
        root_collection=root,
        images=images,
        documents=documents,
        fibra=NetworkOperator.objects.get(name="Fibra"),
        open_infra=NetworkOperator.objects.get(name="Open Infra"),
        sala_link=EServiceMunicipalLink.objects.filter(
            municipality__code="1981", eservice__locale=sv
        ).first(),
        vasteras_link=EServiceMunicipalLink.objects.filter(
            municipality__code="1980", eservice__locale=sv
        ).first(),
        sala_report=_report("1981", "Salbohed"),
        vasteras_report=_report("1980", "Skultunavägen"),
        sala_occurrence=_occurrence(sala_library, "sala-boka"),
        vasteras_occurrence=_occurrence(vasteras_library, "vasteras-boka"),
    )
    return result
