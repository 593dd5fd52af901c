"""Calendars and open data for digital help."""

import json

import icalendar
import pytest

from services.models import HelpSessionPage, LibraryPage

pytestmark = pytest.mark.django_db


def test_icalendar_parses_round_trips_and_marks_cancellations(client, demo):
    response = client.get("/api/sessions.ics", {"kommun": "1981"})
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = [c for c in calendar.walk("VEVENT")]
    assert events
    assert all("Sala" in str(e["location"]) for e in events)
    assert len({str(e["uid"]) for e in events}) == len(events)
    assert any(str(e["status"]) == "CANCELLED" for e in events)  # the demo cancels one BankID date
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Stockholm"
    first = events[0]
    assert first["dtstart"].dt.tzinfo is not None and first["dtstart"].dt.hour in range(8, 20)
    again = icalendar.Calendar.from_ical(calendar.to_ical())
    assert [str(e["uid"]) for e in again.walk("VEVENT")] == [str(e["uid"]) for e in events]
    # Stable UIDs: the same occurrence has the same UID in a second download.
    second = icalendar.Calendar.from_ical(client.get("/api/sessions.ics", {"kommun": "1981"}).content)
    assert {str(e["uid"]) for e in second.walk("VEVENT")} == {str(e["uid"]) for e in events}


def test_feed_filters_library_topic_and_single_occurrence(client, demo):
    library = client.get("/api/sessions.json", {"library": "sala-stadsbibliotek"}).json()["sessions"]
    assert library and {s["library"] for s in library} == {"Sala stadsbibliotek"}
    topic = client.get("/api/sessions.json", {"topic": "1177"}).json()["sessions"]
    assert topic and all("1177" in s["topics"] for s in topic)
    one = library[0]
    session = HelpSessionPage.objects.get(
        url_path__endswith="/sala-stadsbibliotek/fa-hjalp-med-bankid/", locale__language_code="sv"
    )
    single = icalendar.Calendar.from_ical(
        client.get("/api/sessions.ics", {"session": session.pk, "date": one["start"][:10]}).content
    )
    assert len(single.walk("VEVENT")) <= 1


def test_session_and_library_pages_carry_schema_org(client, demo):
    html = client.get("/kommuner/sala/sala-stadsbibliotek/fa-hjalp-med-bankid/").content.decode()
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data and all(e["@type"] == "Event" for e in data)
    for field in ("name", "startDate", "endDate", "location", "eventStatus"):
        assert field in data[0]
    assert data[0]["location"]["@type"] == "Library"
    html = client.get("/kommuner/sala/sala-stadsbibliotek/").content.decode()
    library = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert library["@type"] == "Library" and library["name"] == "Sala stadsbibliotek"


def test_libraries_geojson(client, demo):
    data = client.get("/api/libraries.geojson").json()
    assert data["type"] == "FeatureCollection"
    names = {f["properties"]["name"] for f in data["features"]}
    assert "Västerås stadsbibliotek" in names
    lon, lat = next(f for f in data["features"] if f["properties"]["name"] == "Sala stadsbibliotek")[
        "geometry"
    ]["coordinates"]
    assert 59 < lat < 61 and 15 < lon < 17
    assert LibraryPage.objects.exclude(latitude=None).filter(locale__language_code="sv").count() == len(
        data["features"]
    )


@pytest.mark.parametrize("session", [" 1", "1", "999999999"])
def test_a_session_id_that_finds_no_series_gives_an_empty_feed(client, demo, session):
    """Found by probing the served site: these answered 500 (a "none" translation key in a UUID query)."""
    assert client.get("/api/sessions.json", {"session": session}).json()["sessions"] == []
    response = client.get("/api/sessions.ics", {"session": session})
    assert response.status_code == 200
    assert not icalendar.Calendar.from_ical(response.content).walk("VEVENT")


@pytest.mark.parametrize("debug", [False, True], ids=["production", "debug"])
@pytest.mark.parametrize("path", ["/api/sessions.json", "/api/sessions.ics", "/digital-hjalp/"])
def test_a_query_with_thousands_of_parameters_is_a_bad_request(client, demo, settings, path, debug):
    """More parameters than DATA_UPLOAD_MAX_NUMBER_FIELDS: a plain 400, also with DEBUG on (`make
    run`), where Django's own debug page would read the query again and fail with a 500."""
    settings.DEBUG = debug
    response = client.get(path + "?" + "a=1&" * 2000)
    assert response.status_code == 400
    assert "request could not be read" in response.content.decode()


@pytest.mark.parametrize("debug", [False, True], ids=["production", "debug"])
@pytest.mark.parametrize("length", ["abc", "1.5", "0x10", "-1", " 12"])
@pytest.mark.parametrize("path", ["/healthz", "/sok/", "/api/search/"])
def test_a_content_length_that_is_no_number_is_a_bad_request(client, demo, settings, debug, length, path):
    settings.DEBUG = debug
    response = client.generic(
        "POST", path, "a=1", content_type="application/x-www-form-urlencoded", CONTENT_LENGTH=length
    )
    assert response.status_code == 400
    assert "request could not be read" in response.content.decode()


@pytest.mark.parametrize("debug", [False, True], ids=["production", "debug"])
def test_a_form_with_thousands_of_fields_is_a_bad_request(client, demo, settings, debug):
    settings.DEBUG = debug
    response = client.post("/sok/", "a=1&" * 2000, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
