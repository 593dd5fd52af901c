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
