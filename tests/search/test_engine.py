"""Search against the real OpenSearch node: index contents, sync with publishing, queries, facets."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from wagtail.models import Locale, Page

from home.models import MunicipalityPage, StandardPage
from search.indexes import alias_name, client
from search.indexing import refresh
from search.models import IndexOutbox, QueryLog
from services.models import HelpSessionPage, LibraryPage
from tests.search import DEMO_DOCUMENT_TYPES, api, publish_child, titles

pytestmark = [pytest.mark.django_db, pytest.mark.search_engine]


def publish(page):
    page.save_revision().publish()
    return page


def test_every_document_type_is_indexed_with_its_fields(engine):
    es = client()
    response = es.search(
        index=alias_name("sv"), body={"size": 0, "aggs": {"types": {"terms": {"field": "type", "size": 20}}}}
    )
    types = {b["key"] for b in response["aggregations"]["types"]["buckets"]}
    assert types == DEMO_DOCUMENT_TYPES
    sala_library = es.search(
        index=alias_name("sv"), body={"query": {"term": {"type": "library"}}, "size": 50}
    )
    doc = next(
        h["_source"] for h in sala_library["hits"]["hits"] if h["_source"]["title"] == "Sala stadsbibliotek"
    )
    assert doc["municipalities"] == ["1981"]
    assert doc["url"] == "/kommuner/sala/sala-stadsbibliotek/"
    session = es.search(index=alias_name("sv"), body={"query": {"match_phrase": {"title": "BankID Sala"}}})
    source = session["hits"]["hits"][0]["_source"]
    assert source["type"] == "help_session" and "bankid" in source["topics"] and source["next_occurrence"]
    guide = es.search(index=alias_name("sv"), body={"query": {"term": {"type": "broadband_guide"}}})
    assert all(h["_source"]["municipalities"] == ["region"] for h in guide["hits"]["hits"])
    skultuna = es.search(index=alias_name("sv"), body={"query": {"term": {"localities": "Skultuna"}}})
    assert skultuna["hits"]["total"]["value"] > 0


def test_publish_unpublish_move_delete_and_translate_follow_the_index(engine, client):
    capture = engine
    sala = MunicipalityPage.objects.get(code="1981", locale__language_code="sv")
    norberg = MunicipalityPage.objects.get(code="1962", locale__language_code="sv")
    with capture(execute=True):
        page = sala.add_child(instance=StandardPage(title="Gruvdagen i Sala", slug="gruvdagen", live=False))
        publish(page)
    refresh()
    hits = api(client, q="gruvdagen")["hits"]
    assert [h["url"] for h in hits] == ["/kommuner/sala/gruvdagen/"]
    assert hits[0]["municipalities"] == ["1981"]

    with capture(execute=True):
        page.move(norberg, pos="last-child")
    refresh()
    hits = api(client, q="gruvdagen")["hits"]
    assert [h["url"] for h in hits] == ["/kommuner/norberg/gruvdagen/"]
    assert hits[0]["municipalities"] == ["1962"]

    english_parent = norberg.get_translation(Locale.objects.get(language_code="en"))
    with capture(execute=True):
        translation = page.specific.copy_for_translation(Locale.objects.get(language_code="en"))
        translation.title = "Mining day"
        publish(translation)
    refresh()
    assert english_parent  # the municipality exists in English
    assert titles(api(client, q="mining day", lang="en"))[0] == "Mining day"  # then pages with "day"
    assert "Gruvdagen i Sala" not in titles(api(client, q="gruvdagen", lang="en"))
    assert "Mining day" not in titles(api(client, q="mining day", lang="sv"))

    with capture(execute=True):
        page.specific.unpublish()
    refresh()
    # Not found (a word found nowhere may be answered as read another way, never with this page).
    assert "Gruvdagen i Sala" not in titles(api(client, q="gruvdagen"))

    with capture(execute=True):
        publish(Page.objects.get(pk=page.pk).specific)
    refresh()
    assert len(api(client, q="gruvdagen")["hits"]) == 1
    with capture(execute=True):
        Page.objects.get(pk=page.pk).delete()
    refresh()
    # Not found (a word found nowhere may be answered as read another way, never with this page).
    assert "Gruvdagen i Sala" not in titles(api(client, q="gruvdagen"))


def test_kommun_filter_keeps_regional_content_and_facets_ignore_their_own_filter(engine, client):
    everything = api(client, q="fiber")
    sala = api(client, q="fiber", kommun="1981")
    assert sala["total"] < everything["total"]
    assert all(set(h["municipalities"]) & {"1981", "region"} for h in sala["hits"])
    assert any(h["municipalities"] == ["region"] for h in sala["hits"])
    assert any(h["municipalities"] == ["1981"] for h in sala["hits"])
    # The municipality facet still counts other municipalities while Sala is chosen.
    assert set(sala["facets"]["kommun"]) > {"1981", "region"}
    only_guides = api(client, q="fiber", typ="broadband_guide")
    assert {h["type"] for h in only_guides["hits"]} == {"broadband_guide"}
    assert len(only_guides["facets"]["typ"]) > 1
    assert only_guides["facets"]["typ"]["broadband_guide"] == only_guides["total"]
    topic = api(client, q="hjälp", amne="bankid")
    assert topic["total"] > 0 and all("bankid" in h["topics"] for h in topic["hits"])


def test_swedish_language_phenomena(engine, client):
    assert "Bredbandsstöd" in titles(api(client, q="stöd"))[:3]
    assert api(client, q="vasteras bibliotek")["hits"][0]["municipalities"] == ["1980"]
    assert "Bredband i Köping" in titles(api(client, q="bredband koping"))[:3]
    assert api(client, q="internet")["total"] > 0  # synonym of bredband
    assert any("fiber" in t.lower() for t in titles(api(client, q="fibern"))[:3])
    assert api(client, q="kolbäck")["hits"][0]["municipalities"] == ["1961"]
    assert "Bredband" in " ".join(titles(api(client, q="bredbnad"))[:3])


@pytest.mark.parametrize(
    ("query", "language", "url"),
    [
        ("bredband", "sv", "/bredband/"),  # not below the ten "Bredband i <kommun>" pages
        ("BREDBAND!", "sv", "/bredband/"),
        ("broadband", "en", "/en/bredband/"),
        ("الانترنت السريع", "ar", "/ar/bredband/"),  # written without the hamza of the title
        ("digital hjalp", "sv", "/digital-hjalp/"),
        ("hur bredband", "sv", "/bredband/"),  # a question word aside
        ("så får du fiber", "sv", "/bredband/fa-fiber/"),  # a title with stop words in it
        # With a letter wrong, on the second look (the page so named drowned among typo matches:
        # "conact" found ten broadband pages and not the contact page, "bredand" the moving guide)
        ("conact", "en", "/en/kontakt/"),
        ("bredand", "sv", "/bredband/"),
        ("digtal hjälp", "sv", "/digital-hjalp/"),
        ("المسعدة الرقمية", "ar", "/ar/digital-hjalp/"),
    ],
)
def test_a_query_that_is_a_pages_whole_title_finds_that_page_first(engine, client, query, language, url):
    assert api(client, q=query, lang=language)["hits"][0]["url"] == url


def test_a_whole_title_keeps_its_letters_whole_whatever_marks_they_carry(engine):
    """Arabic vowel signs are dropped, not made spaces: "معًا" (with tanwin) is the word "معا"."""

    def whole(text):
        analysed = client().indices.analyze(
            index=alias_name("ar"), body={"field": "title.whole", "text": text}
        )
        return [token["token"] for token in analysed["tokens"]]

    assert whole("جمعية الألياف – نبني الألياف معًا") == whole("جمعيه الالياف نبني الالياف معا")
    assert whole("قدّم طلبًا") == ["قدم طلبا"]
    assert whole("Bredband – så får du fiber!") == ["bredband sa far du fiber"]


def test_words_people_split_are_tried_joined_as_one_word_never_as_its_parts(engine, client):
    """ "bank id" is tried as "bankid"; that word's parts ("bank", or the "by" of "råbybiblotek")
    match nothing on their own: "råby biblotek" found every page with "by" (Bäckby, byalag)."""
    assert api(client, q="råby biblotek")["hits"][0]["title"] == "Råby bibliotek"
    assert "BankID" in " ".join(titles(api(client, q="bank id"))[:3])
    assert "BankID" in " ".join(titles(api(client, q="hur får jag bank id"))[:3])  # question words aside


def test_did_you_mean_never_corrects_a_place_name(engine, client):
    from search.opensearch_query import changes_a_word_of

    assert changes_a_word_of("hjälp sala", "hjälp sal", {"sala"})
    assert not changes_a_word_of("bredbnad sala", "bredband sala", {"sala"})
    data = api(client, q="fiberforenig")
    assert data["suggestion"] in (None, "fiberförening", "fiberforening")


def test_upcoming_sessions_only(engine, client):
    library = LibraryPage.objects.get(slug="sala-stadsbibliotek", locale__language_code="sv")
    ended = HelpSessionPage(
        title="Avslutad kurs i Zoom",
        slug="zoomkurs",
        first_date=datetime.date(2020, 1, 7),
        until=datetime.date(2020, 3, 1),
        start_time=datetime.time(10),
        end_time=datetime.time(11),
        repeat="weekly",
        languages=["sv"],
        live=False,
    )
    publish_child(engine, library, ended)
    # The day counts in the site's time zone: a series whose last date is today is still offered,
    # one that ended yesterday is not.
    today = timezone.localdate()
    for title, slug, day in (
        ("Sista dagen för Zoom", "zoom-idag", today),
        ("Slut i går för Zoom", "zoom-igar", today - datetime.timedelta(days=1)),
    ):
        session = HelpSessionPage(
            title=title,
            slug=slug,
            first_date=day,
            until=day,
            start_time=datetime.time(23, 30),
            end_time=datetime.time(23, 45),
            repeat="weekly",
            languages=["sv"],
            live=False,
        )
        publish_child(engine, library, session)
    found = titles(api(client, q="zoom"))
    assert "Avslutad kurs i Zoom" not in found
    assert "Sista dagen för Zoom" in found
    assert "Slut i går för Zoom" not in found


def test_autocomplete_suggests_titles(engine, client):
    data = client.get("/api/search/suggest/", {"q": "bredbandss"}).json()
    assert "Bredbandsstöd" in [s["title"] for s in data["suggestions"]]
    assert client.get("/api/search/suggest/", {"q": "x" * 5000}).status_code == 200


@pytest.mark.parametrize(
    ("typed", "written"), [("الانترنت", "الإنترنت"), ("الالياف", "الألياف"), ("احصل", "أحصل")]
)
def test_arabic_suggestions_do_not_depend_on_hamza(engine, client, typed, written):
    """Suggestions read Arabic letter forms as the search does (alef with or without hamza)."""

    def titles(q):
        return [
            s["title"]
            for s in client.get("/api/search/suggest/", {"q": q, "lang": "ar"}).json()["suggestions"]
        ]

    assert titles(written) and titles(typed) == titles(written)


@pytest.mark.parametrize("q", ["?", "*", "-", '"', "\\", "…", "\u200f"])
def test_punctuation_alone_finds_nothing_as_an_empty_box_does(engine, client, q):
    assert api(client, q=q)["total"] == 0
    assert api(client, q=q, lang="ar")["total"] == 0


@pytest.mark.parametrize("language", ["en", "ar"])
def test_readers_of_english_and_arabic_stay_in_their_language(engine, client, language):
    """A Swedish page not translated yet is found in English and Arabic too, and leads to its copy
    in the reader's language (their menus, the text marked Swedish), never to the Swedish site;
    suggestions say which titles are Swedish."""
    data = api(client, q="bankid", lang=language)
    swedish = [hit for hit in data["hits"] if hit["language"] == "sv" and hit["type"] == "help_session"]
    assert swedish, [(hit["language"], hit["url"]) for hit in data["hits"]]
    for hit in data["hits"]:
        if hit["url"].startswith("/"):
            assert hit["url"].startswith(f"/{language}/"), hit
    page = client.get(swedish[0]["url"]).content.decode()
    assert f'<html lang="{language}"' in page and 'lang="sv"' in page
    suggestions = client.get("/api/search/suggest/", {"q": "swish", "lang": language}).json()["suggestions"]
    assert suggestions and all(s["url"].startswith(f"/{language}/") for s in suggestions)
    assert {s.get("language") for s in suggestions if "Swish och" in s["title"]} == {"sv"}


@pytest.mark.parametrize(
    ("query", "language"),
    [
        ("somali help", "en"),
        ("مساعدة بالصومالية", "ar"),
        ("hjälp på somaliska", "sv"),
        ("help for seniors", "en"),
    ],
)
def test_whom_a_session_is_for_and_its_languages_are_found_in_the_readers_words(
    engine, client, query, language
):
    """A Swedish session not translated yet is found in English and Arabic by the words a reader
    uses for its language and audience ("Somali", "الصومالية"), not only by the Swedish ones."""
    data = api(client, q=query, lang=language)
    wanted = "somali" if "seniors" not in query else "senior"
    assert any(
        hit["type"] == "help_session" and wanted in hit["title"].lower() for hit in data["hits"][:3]
    ), [(hit["type"], hit["title"]) for hit in data["hits"][:5]]


def test_an_answer_reads_the_sites_root_paths_for_itself_not_per_hit(engine, client):
    """Each hit's link in the reader's language needs the sites' root paths: a cache round trip in
    production, read for the answer, not for every hit."""
    from django.core.cache import caches
    from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY

    from core.cache import forget

    api(client, q="bankid", lang="en")  # the root paths are in the cache
    forget()  # nothing remembered in this process: every copy's address is read again
    store, reads = caches["default"], []
    original = store.get
    store.get = lambda key, *args, **kwargs: reads.append(key) or original(key, *args, **kwargs)
    try:
        data = api(client, q="bankid", lang="en")
    finally:
        del store.get
    linked = [hit for hit in data["hits"] if hit["language"] == "sv" and hit["url"].startswith("/en/")]
    assert len(linked) >= 3, [(hit["language"], hit["url"]) for hit in data["hits"]]
    assert reads.count(SITE_ROOT_PATHS_CACHE_KEY) <= 2


def test_an_operators_hit_is_in_the_readers_language_and_its_description_still_found(engine, client):
    from broadband.models import NetworkOperator

    bastmora = NetworkOperator.objects.get(name="Bastmora fiber")
    swedish = api(client, q="bastmora")["hits"][0]
    assert swedish["summary"] == bastmora.description
    english = api(client, q="bastmora", lang="en")["hits"][0]
    assert english["language"] == "en" and english["summary"].startswith("Fibre association in ")
    assert english["summary"] != bastmora.description
    # The Swedish description is still searchable from English and Arabic.
    word = max(bastmora.description.split(), key=len).strip(".,")
    assert any(h["title"] == english["title"] for h in api(client, q=f"bastmora {word}", lang="en")["hits"])
    # … but an English reader is not shown it as the hit's text (found by probing: a jumble of the
    # document's index words, Swedish and unmarked); the hit shows its summary.
    unshown = max(
        (w.strip(".,") for w in bastmora.description.split() if w.strip(".,") not in english["summary"]),
        key=len,
    )
    hits = api(client, q=f"bastmora {unshown}", lang="en")["hits"]
    found = next(h for h in hits if h["title"] == english["title"])
    assert unshown.lower() not in found["highlight"].lower()


@pytest.mark.parametrize(
    ("language", "query"),
    [("sv", "avboka"), ("sv", "avboka min plats"), ("en", "cancel booking"), ("ar", "إلغاء الحجز")],
)
def test_how_to_cancel_a_booking_is_found(engine, client, language, query):
    """Found by probing: "avboka" found nothing and suggested "arboga". The contact page says how."""
    answer = api(client, q=query, lang=language)
    assert any(h["url"].rstrip("/").endswith("kontakt") for h in answer["hits"][:3]), answer["hits"]
    # A query that found something is not "corrected" into a place name (it said "Menade du arboga?").
    assert answer["suggestion"] != "arboga"


def test_a_municipal_eservice_leads_to_each_municipalitys_own_link(engine, client):
    """Found by probing: a hit for an e-service that each municipality has itself led to the list of
    guides, which did not mention it. It leads to its section there, with every municipality's link."""
    from services.models import EServiceMunicipalLink

    for language, query in (("sv", "bygglov"), ("en", "building permit"), ("ar", "رخصة بناء")):
        hit = next(h for h in api(client, q=query, lang=language)["hits"] if h["type"] == "e_service")
        path, _hash, anchor = hit["url"].partition("#")
        assert anchor.startswith("e-tjanst-"), hit["url"]
        html = client.get(path).content.decode()
        section = html.split(f'id="{anchor}"', 1)[1].split("</ul>", 1)[0]
        sala = EServiceMunicipalLink.objects.filter(municipality__code="1981").first()
        assert f'href="{sala.url}"' in section and section.count("<li>") == 10, language


def test_a_municipal_eservice_is_each_municipalitys_for_places_and_the_filter(engine, client):
    """Found by probing: "bygglov sala" ranked the e-service 4th, below operators in Sala whose text
    only shares a part of the word ("bygger"), because the e-service counted as regional content."""
    for language, query in (("sv", "bygglov sala"), ("en", "building permit sala")):
        first = api(client, q=query, lang=language)["hits"][0]
        assert first["type"] == "e_service" and "1981" in first["municipalities"], first
    sala = api(client, q="bygglov", kommun="1981")
    assert "e_service" in [hit["type"] for hit in sala["hits"]]
    assert sala["facets"]["kommun"]["1981"] >= 1


def test_best_bets_come_first(engine, client):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    accessibility = Page.objects.get(slug="tillganglighetsredogorelse", locale__language_code="sv")
    SearchPromotion.objects.create(
        query=Query.get("fiber"), page=accessibility, sort_order=0, description="Läs först"
    )
    data = api(client, q="fiber")
    assert data["hits"][0]["url"] == "/tillganglighetsredogorelse/"
    assert data["hits"][0]["promoted"] is True


def test_queries_are_logged_without_personal_data_and_zero_hits_reported(engine, client, admin_client):
    api(client, q="qwxzvkj")
    api(client, q="fiber")
    entry = QueryLog.objects.get(query="qwxzvkj")
    assert entry.hits == 0 and entry.engine == "opensearch"
    assert {f.name for f in QueryLog._meta.fields} == {
        "id",
        "query",
        "language",
        "municipality",
        "filters",
        "hits",
        "engine",
        "created_at",
    }
    report = admin_client.get("/admin/sokningar/").content.decode()
    assert "qwxzvkj" in report


def test_rebuild_swaps_aliases_and_search_keeps_answering(engine, client):
    from search.indexes import client as es_client

    before = set(es_client().indices.get_alias(name=alias_name("sv")))
    call_command("search_rebuild")
    after = set(es_client().indices.get_alias(name=alias_name("sv")))
    assert before and after and before.isdisjoint(after)
    assert api(client, q="fiber")["total"] > 0
    assert not es_client().indices.exists(index=list(before)[0])


def test_engine_down_publishing_works_outbox_grows_and_sync_catches_up(engine, client, settings):
    sala = MunicipalityPage.objects.get(code="1981", locale__language_code="sv")
    good_url = settings.OPENSEARCH_URL
    settings.OPENSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there: the engine is down
    with engine(execute=True):
        page = sala.add_child(
            instance=StandardPage(title="Vattenläcka på Norra Esplanaden", slug="vattenlacka", live=False)
        )
        publish(page)
    assert IndexOutbox.objects.filter(object_key=f"page:{page.pk}").exists()
    data = api(client, q="vattenläcka")
    assert data["engine"] == "database"
    assert "Vattenläcka på Norra Esplanaden" in titles(data)
    health = client.get("/healthz").json()
    assert health["outbox"] >= 1 and health["search"].startswith("unavailable")

    settings.OPENSEARCH_URL = good_url
    from django.core.cache import cache

    cache.clear()  # forget that the engine was down
    call_command("search_sync")
    assert not IndexOutbox.objects.pending().exists()
    refresh()
    data = api(client, q="vattenläcka")
    assert data["engine"] == "opensearch"
    assert titles(data) == ["Vattenläcka på Norra Esplanaden"]


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    q=st.text(max_size=5000)
    | st.sampled_from(['"', "\\", "a AND (b OR", "*:*", "title:x^3", "~!@#$%^&*()[]{}<>/", "🚀" * 3000])
)
def test_any_query_against_the_engine_answers(engine, client, q):
    for url in ("/api/search/", "/sok/", "/api/search/suggest/"):
        assert client.get(url, {"q": q}).status_code == 200


def test_search_page_escapes_highlights_and_filters_work_without_javascript(engine, client):
    sala = MunicipalityPage.objects.get(code="1981", locale__language_code="sv")
    summary = "<script>alert(1)</script> Fiberdagen i Sala med <b>kaffe</b>"
    publish_child(
        engine, sala, StandardPage(title="Fiberdagen", slug="fiberdagen", live=False, summary=summary)
    )
    html = client.get("/sok/", {"q": "fiberdagen"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>Fiberdagen</mark>" in html
    html = client.get("/sok/", {"q": "fiber", "typ": "operator"}).content.decode()
    assert 'name="typ" value="operator" checked' in html
    assert "Fibra" in html and "Så får du fiber" not in html
    assert 'href="?q=fiber">Ta bort: Nätägare eller fiberförening</a>' in html


def test_zero_results_page_helps(engine, client):
    html = client.get("/sok/", {"q": "qwxzvkj plopp"}).content.decode()
    assert "Vi hittade inget som passar." in html
    assert "Kontrollera stavningen." in html
    assert 'href="/bredband/"' in html


def test_a_page_beyond_the_last_says_so_and_leads_back(engine, client):
    html = client.get("/sok/", {"q": "bredband", "page": 99}).content.decode()
    assert "Vi hittade inget som passar." not in html
    assert "Sökningen har bara" in html and 'href="?q=bredband&amp;page=1"' in html


def test_the_search_pages_filters_name_places_and_topics_in_the_readers_language_or_mark_them(engine, client):
    """An Arabic reader's municipality filter names Västerås as its Arabic page does, and marks the
    names of municipalities not translated yet as Swedish (lang="sv"); English topics are English."""
    arabic = client.get("/ar/sok/", {"q": "bredband"}).content.decode()
    assert '<option value="1980">فيستروس (' in arabic
    assert '<option value="1981">سالا (' in arabic
    assert '<option value="1907" lang="sv">Surahammar (' in arabic
    english = client.get("/en/sok/", {"q": "bankid"}).content.decode()
    assert 'lang="sv">' not in english.split('id="facet-heading"')[1].split("</form>")[0]
