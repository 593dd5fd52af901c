"""/api/openapi.json is a valid OpenAPI 3.1 document, and real requests and answers match it."""

import datetime
import json

import pytest
from openapi_core import Config, OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse
from openapi_spec_validator import validate

from tests.services.test_booking import bookable_session

pytestmark = pytest.mark.django_db


def text(data, **parameters) -> str:
    return data.decode(parameters.get("charset", "utf-8")) if isinstance(data, bytes) else data


@pytest.fixture
def spec(client, demo):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    document = response.json()
    validate(document)  # against the OpenAPI 3.1 meta-schema
    assert document["openapi"] == "3.1.0"
    config = Config(
        extra_media_type_deserializers={
            "text/csv": text,
            "text/calendar": text,
            "application/geo+json": lambda data, **parameters: json.loads(data),
        }
    )
    return document, OpenAPI.from_dict(document, config=config)


def test_the_description_covers_every_public_api(spec):
    document, _api = spec
    assert set(document["paths"]) == {
        "/healthz",
        "/api/search/",
        "/api/search/suggest/",
        "/api/sessions.json",
        "/api/sessions.ics",
        "/api/libraries.geojson",
        "/api/coverage.json",
        "/api/coverage.csv",
    }
    languages = next(p for p in document["paths"]["/api/search/"]["get"]["parameters"] if p["name"] == "lang")
    assert languages["schema"]["enum"] == ["sv", "en", "ar"]


def test_real_requests_and_answers_match_the_description(client, spec):
    _document, api = spec
    session, day = bookable_session(capacity=4)
    urls = [
        "/healthz",
        "/api/search/?q=bredband",
        "/api/search/?q=fiber&lang=en&kommun=1981&typ=library&typ=page&amne=bankid&page=1",
        "/api/search/?q=",
        "/api/search/?q=bankid&page=2",
        "/api/search/suggest/?q=bre",
        "/api/search/suggest/?q=sala&lang=ar",
        "/api/sessions.json",
        f"/api/sessions.json?session={session.pk}&date={day.isoformat()}",
        "/api/sessions.json?kommun=1980&topic=bankid",
        "/api/sessions.json?library=sala-stadsbibliotek",
        f"/api/sessions.ics?session={session.pk}&date={day}",
        "/api/sessions.ics?kommun=1981",
        "/api/libraries.geojson",
        "/api/coverage.json",
        "/api/coverage.csv",
    ]
    checked = 0
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        request = DjangoOpenAPIRequest(response.wsgi_request)
        api.validate_request(request)
        api.validate_response(request, DjangoOpenAPIResponse(response))
        checked += 1
    assert checked == len(urls)
    sessions = client.get(f"/api/sessions.json?session={session.pk}").json()["sessions"]
    assert sessions and sessions[0]["seats_left"] == 4 and sessions[0]["start"].startswith(day.isoformat())


# A parameter whose description says what is done with such values is lenient on purpose.
LENIENT = ("brought within", "ignored")


def refused_values(schema: dict) -> list[str]:
    """Values that a parameter's schema refuses."""
    if "enum" in schema:
        return ["de", "SV", "sv-SE"]
    if schema.get("type") == "integer":
        values = ["abc", "1.5", "١"]  # an Arabic-Indic one: no integer for the schema
        if "minimum" in schema:
            values.append(str(schema["minimum"] - 1))
        if "maximum" in schema:
            values.append(str(schema["maximum"] + 1))
        return values
    if schema.get("format") == "date":
        return ["2026-02-30", "imorgon"]
    return []


def test_every_value_the_description_refuses_is_answered_400_in_words(client, spec):
    """For every parameter of every public API: a value its schema refuses is a 400 that says why (in
    the description's own words: text, matching the 400 response described), never a quiet answer
    to another question – unless the parameter's description says such values are brought within or
    ignored. A new API or parameter is covered when it is described."""
    document, api = spec
    checked, languages = 0, 0
    for path, operations in document["paths"].items():
        for parameter in operations["get"].get("parameters", []):
            if any(word in parameter["description"] for word in LENIENT):
                continue
            for value in refused_values(parameter["schema"]):
                response = client.get(path, {parameter["name"]: value})
                assert response.status_code == 400, (path, parameter["name"], value, response.status_code)
                assert parameter["name"] in response.content.decode(), (path, value)
                assert response["Content-Type"].startswith("text/plain")
                request = DjangoOpenAPIRequest(response.wsgi_request)
                api.validate_response(request, DjangoOpenAPIResponse(response))
                checked += 1
                languages += parameter["name"] == "lang"
    assert checked >= 30
    assert languages == 3 * 6  # search, suggestions, both feeds, libraries and coverage


@pytest.mark.parametrize(
    "path", ["/api/search/?q=bibliotek", "/api/sessions.json", "/api/libraries.geojson", "/api/coverage.json"]
)
def test_an_answer_in_the_language_asked_for_says_so(client, demo, path):
    for language in ("sv", "en", "ar"):
        response = client.get(path, {"lang": language})
        assert response.status_code == 200
        assert response["Content-Language"] == language


def test_libraries_are_named_in_the_language_asked_for(client, demo):
    """The library map's names and addresses follow ?lang= like every other open-data answer: the
    demo's Västerås city library is translated into English."""
    english = {f["properties"]["name"]: f["properties"]["url"] for f in features(client, "?lang=en")}
    swedish = {f["properties"]["name"]: f["properties"]["url"] for f in features(client, "")}
    assert "Västerås City Library" in english and "Västerås stadsbibliotek" in swedish
    assert "Västerås stadsbibliotek" not in english and "/en/" in english["Västerås City Library"]
    assert "/en/" in english["Sala stadsbibliotek"]  # not translated: its English copy, in Swedish
    assert len(english) == len(swedish)


def features(client, query: str) -> list[dict]:
    response = client.get(f"/api/libraries.geojson{query}")
    assert response.status_code == 200
    return response.json()["features"]


def test_an_answer_that_breaks_the_description_is_caught(client, spec):
    """The check can fail: a response missing a required field does not validate."""
    from openapi_core.validation.response.exceptions import InvalidData

    _document, api = spec
    response = client.get("/api/coverage.json")
    data = response.json()
    data["figures"][0].pop("year")

    response.content = json.dumps(data).encode()
    with pytest.raises(InvalidData):
        api.validate_response(DjangoOpenAPIRequest(response.wsgi_request), DjangoOpenAPIResponse(response))
    assert datetime.date.today()  # the figures above are the demo's, whatever the date
