"""A query that finds nothing as typed is answered as a resident most likely meant it, and says so
(issue 13: no zero-hit answer where content exists): the spelling suggestion, a word run together
written apart, Arabic typed in Latin letters (Arabizi) read as the Arabic words it sounds like.
Against the real node, except the pure functions at the top."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from search.models import QueryLog
from search.opensearch_query import (
    MAX_RUN_TOGETHER,
    arabizi_words,
    latin_sound_skeletons,
    run_together_splits,
)
from tests.search import api, titles

# Groups as editors keep them: Arabic terms beside Swedish and English ones.
GROUPS = [
    ["fiberförening", "جمعية الألياف", "جمعيات الألياف", "fibre association"],
    ["fiber", "ألياف", "الألياف"],
    ["bygglov", "رخصة بناء", "building permit"],
    ["flytt", "الانتقال", "عنوان جديد"],
    ["pension", "التقاعد", "تقاعد"],
    ["barn", "طفل", "أطفال", "الطفل"],
    ["ny", "جديد"],
    ["iPad", "ايباد", "آيباد"],
    ["bank", "بنك"],
    ["contact", "اتصل بنا"],
]
PLACES = {"köping": "1983", "koping": "1983"}


# --- words run together ------------------------------------------------------------------------------
def test_a_long_word_is_cut_in_two_every_way_with_parts_of_three_letters_or_more():
    ways = run_together_splits("movinghouse", frozenset())
    assert ("moving house", "moving", "house") in ways
    assert all(len(first) >= 3 and len(second) >= 3 for _query, first, second in ways)
    assert len(ways) == len("movinghouse") - 5
    # The other words stay as typed, in their places.
    assert ("help moving house now", "moving", "house") in run_together_splits("help movinghouse now", set())


def test_place_names_stop_words_numbers_and_short_words_are_never_cut():
    assert run_together_splits("köping", {"köping"}) == []
    assert run_together_splits("because", {"because"}) == []
    assert run_together_splits("100mbit 1177 fiber", frozenset()) == []  # five letters: too short
    assert run_together_splits("x" * 31, frozenset()) == []  # longer than any word run together


@given(st.text(max_size=200))
def test_cutting_any_text_is_bounded(text):
    ways = run_together_splits(text, frozenset())
    assert len(ways) <= MAX_RUN_TOGETHER
    for query, first, second in ways:
        assert first + second in text and f"{first} {second}" in query


# --- Arabic in Latin letters ---------------------------------------------------------------------------
def test_arabizi_is_read_as_the_arabic_words_of_the_groups_it_sounds_like():
    read = arabizi_words("jam3iyat alyaf", GROUPS, PLACES)
    assert read["jam3iyat"] in {"جمعية", "جمعيات"}  # as the term has it, not normalised
    assert read["alyaf"] == "ألياف"
    assert arabizi_words("ro5sat bina2", GROUPS, PLACES)["ro5sat"] == "رخصة"
    assert arabizi_words("ta2a3od", GROUPS, PLACES) == {"ta2a3od": "تقاعد"}  # "2" as spoken ق
    assert arabizi_words("enti2al 3enwan jdeed", GROUPS, PLACES) == {
        "enti2al": "الانتقال",
        "3enwan": "عنوان",
        "jdeed": "جديد",
    }
    # Words of one group found by one sound: the shortest ("tefl": طفل, أطفال, الطفل).
    assert arabizi_words("tefl 3omro sana", GROUPS, PLACES)["tefl"] == "طفل"


def test_what_is_no_arabizi_is_read_as_typed():
    # Place names, words of a term (a Swedish or English word typed in the Arabic search), numbers
    # with their units, Swedish letters, short particles and words of no known sound.
    assert arabizi_words("fiber koping 5g 100mbit bygglov", GROUPS, PLACES) == {}
    assert arabizi_words("förening", GROUPS, PLACES) == {}
    assert arabizi_words("bel 3arabi fi", GROUPS, PLACES) == {}
    assert arabizi_words("جمعية الألياف", GROUPS, PLACES) == {}
    # A stop or question word as spoken is no term ("badi": بدي, I want; not "ايباد").
    assert "badi" not in arabizi_words("badi 7ada ysa3edni", GROUPS, PLACES)
    # Two letters of skeleton are too many words' unless the query is plainly Arabizi (a digit
    # for a sound) or found nothing as typed.
    assert arabizi_words("alyaf", GROUPS, PLACES) == {}
    assert arabizi_words("alyaf", GROUPS, PLACES, found_nothing=True) == {"alyaf": "ألياف"}
    # A sound of words of two groups is not guessed: "kabir" is كبير (big) or قبر (grave).
    assert arabizi_words("kabir", [["كبير", "x"], ["قبر", "y"]], PLACES) == {}
    assert arabizi_words("kabir", [["كبير", "قبر", "x"]], PLACES) == {"kabir": "قبر"}


def test_the_likeliest_reading_of_a_latin_spelling_comes_first():
    first, second, _third = latin_sound_skeletons("bina2")
    assert "bn" in first and "bnk" in second  # "2" a glottal stop before a ق
    first, *_ = latin_sound_skeletons("kh5")
    assert first == ["xx"]


@given(st.text(max_size=60))
def test_reading_any_text_as_arabizi_never_fails_and_reads_only_latin_words(text):
    read = arabizi_words(text, GROUPS, PLACES)
    assert all(word.isascii() and word in text for word in read)


# --- against the real node -----------------------------------------------------------------------------
@pytest.mark.django_db
def test_a_query_that_finds_nothing_is_answered_as_its_spelling_suggestion_and_says_so(engine, client):
    # (Not "frejaeid" any more: "freja" is in the compounds' dictionary, so it finds Freja eID as typed.)
    data = api(client, q="parentalbenefit", lang="en")
    assert data["corrected"] == "parental benefit"
    assert data["total"] > 0 and titles(data)[0].startswith("Parental benefit")
    assert data["suggestion"] is None  # no "did you mean" for what is already shown
    page = client.get("/en/sok/", {"q": "parentalbenefit"}).content.decode()
    assert (
        "No results for “<bdi>parentalbenefit</bdi>”. Showing results for “<bdi>parental benefit</bdi>”."
        in page
    )
    # A name run together with a word is found as typed, its part by the compounds' dictionary
    data = api(client, q="frejaeid", lang="en")
    assert data["corrected"] is None and titles(data)[0] == "Freja eID"


@pytest.mark.django_db
def test_a_word_run_together_is_searched_written_apart(engine, client):
    # No title says "moving house" (no suggestion); "moving" alone is found, "house" nowhere.
    data = api(client, q="movinghouse", lang="en")
    assert data["corrected"] == "moving house"
    assert "Moving" in titles(data)[:3]
    data = api(client, q="openinfra", lang="sv")
    assert data["corrected"] == "open infra"
    assert titles(data)[0].startswith("Open Infra")
    # A stop word is found on every page: "mining" is no "min" + "ing" ("ing" alone is half the word).
    assert api(client, q="mining day", lang="sv")["corrected"] is None
    # Swedish writes compounds as one word: a compound of something the site does not have is not
    # answered with the pages of its common part ("dagen"); in English, a part found is enough.
    assert api(client, q="gruvdagen", lang="sv")["total"] == 0


@pytest.mark.django_db
def test_arabizi_finds_the_arabic_pages(engine, client):
    data = api(client, q="jam3iyat alyaf", lang="ar")
    assert data["corrected"] is None  # read so at once: a digit for a sound
    assert any("جمعية" in title for title in titles(data)[:3]), titles(data)
    data = api(client, q="ro5sat bina2", lang="ar")
    assert any("رخصة" in title for title in titles(data)[:3]), titles(data)
    # Two letters of skeleton, no digit: read so once the query as typed finds nothing.
    data = api(client, q="rawda", lang="ar")
    assert data["corrected"] == "روضة"  # as the synonym has it
    assert any("الروضة" in title for title in titles(data)[:3]), titles(data)
    page = client.get("/ar/sok/", {"q": "rawda"}).content.decode()
    assert "لا توجد نتائج لـ ”<bdi>rawda</bdi>“" in page  # Latin, isolated in the Arabic sentence
    # In the Swedish search a Latin word is no Arabizi: "rawda" finds nothing there.
    assert api(client, q="rawda", lang="sv")["total"] == 0


@pytest.mark.django_db
def test_a_query_that_a_filter_leaves_without_hits_is_not_corrected(engine, client):
    # BankID is found, but no operator says it: the filter found nothing, not the words.
    data = api(client, q="bankid", typ="operator", lang="sv")
    assert data["total"] == 0 and data["corrected"] is None
    assert sum(data["facets"]["typ"].values()) > 0  # the facets count the hits beside the filter


@pytest.mark.django_db
def test_nonsense_still_finds_nothing_and_a_corrected_query_is_logged_as_finding_nothing(engine, client):
    data = api(client, q="qwxzvkjpl", lang="sv")
    assert data["total"] == 0 and data["hits"] == [] and data["corrected"] is None
    assert data["suggestion"] is None  # no "did you mean" that would find nothing either
    api(client, q="movinghouse", lang="en")
    # Editors look for queries without hits in the log (words for the synonym groups).
    assert dict(QueryLog.objects.values_list("query", "hits")) == {"qwxzvkjpl": 0, "movinghouse": 0}
