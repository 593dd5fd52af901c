"""wagtail-localize's PO upload, sent what it does not expect: never a 500, the editor is told
what is wrong and nothing is imported; a PO file downloaded from the translation still imports."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_guide(org):
    guide = org.objects["guide"]
    source, _created = TranslationSource.update_or_create_from_instance(guide)
    translation = Translation.objects.get(source=source, target_locale=Locale.objects.get(language_code="en"))
    return translation


def upload(client, translation, **files):
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    return client.post(f"{url}?next=/admin/", files)


def messages_of(response) -> list[str]:
    return [str(m) for m in response.wsgi_request._messages]


def test_an_upload_without_a_file_or_with_another_file_is_sent_back_with_a_message(
    client, org, english_guide
):
    client.force_login(org.users["region"])
    title = english_guide.get_target_instance().title
    for files in (
        {},
        {"file": SimpleUploadedFile("x.po", b'msgid ""\nmsgstr ""\n')},  # no translation header
        {"file": SimpleUploadedFile("x.po", "\ufffd\x00 inte en po-fil".encode() * 50)},
        {"file": SimpleUploadedFile("x.po", b"")},
    ):
        response = upload(client, english_guide, **files)
        assert response.status_code == 302, files
        assert response["Location"] == "/admin/"
        assert messages_of(response), files
    assert english_guide.get_target_instance().title == title
    url = reverse("wagtail_localize:upload_pofile", args=[english_guide.pk])
    assert client.get(url).status_code == 405


def test_the_po_file_of_the_translation_still_imports(client, org, english_guide):
    client.force_login(org.users["region"])
    po = english_guide.export_po()
    for entry in po:
        if entry.msgid == english_guide.source.get_source_instance().title:
            entry.msgstr = "Getting fibre, uploaded"
    response = upload(client, english_guide, file=SimpleUploadedFile("en.po", str(po).encode()))
    assert response.status_code == 302
    assert any("Successfully imported" in m or "import" in m.lower() for m in messages_of(response))
    english_guide.refresh_from_db()
    po_after = polib.pofile(str(english_guide.export_po()))
    assert "Getting fibre, uploaded" in [e.msgstr for e in po_after]


def test_another_organisations_translation_is_refused_before_its_input_is_looked_at(
    client, org, english_guide
):
    client.force_login(org.users["library"])
    assert upload(client, english_guide).status_code == 403
