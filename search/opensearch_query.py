"""Building and running the OpenSearch query behind the search page and the JSON API. Bodies are
built as plain dicts and sent with opensearch-py's low-level client (the DSL's objects cost more
than the rest of a search); the autocomplete query still uses the DSL. The search service
(search/service.py) decides when to use this module and gathers what it needs (synonyms, place
names); this module never imports the service.

Relevance, in order of weight: title, then summary and topics, then body; whole words above shared
compound parts; the query is read as concepts (synonym groups, see `find_concepts`) and other words
(stop and question words are no words of their own); place names in the query (also misspelt long
ones) prefer that municipality. The costly preferences are applied to the best 300 matches only, in
a `rescore`, not to every match: phrases found close together score higher, guides and local
broadband pages are boosted above plain pages (each document's `type_weight`, declared with its
type), the named municipality's own content and a page whose whole title is the query ("bredband":
the section "Bredband") are multiplied up, and newer content gets a small lift.
Filters: municipality (its own content plus regional content), type, topic, and sessions that still
have dates ahead. Facets count each filter's values as if that filter alone were not set
(aggregations + post_filter). User text only ever goes into match queries, never into
`query_string`.

Most searches are one round trip. A second is asked when the first finds too few (`few_hits`): at
most one hit for a query of several words (two pages with (nearly) all of them are an answer), at
most three for a query of one word (a rare word, or a misspelling a few pages share: "bredbnad"),
and up to a page of hits none of which is of the place the query names (`misses_the_place`; when
the second finds nothing of it either, a third asks for the place's pages as one of the words;
when the first three are all other municipalities' pages, the place's own best page of matches is
asked for alongside, or, with more than a page of hits, alone: `found_elsewhere`). It
asks for any of the words with typo tolerance (those with (nearly) every word, typos allowed, ranked
first): recall degrades gracefully (the pages with every word first, then the best of the others;
an answer that shows pages with only some of the words is marked `partial`: "Visar träffar för
några av orden"). Only when that too finds too few is the spelling suggester asked (a third round
trip, only for the few queries where a suggestion can be shown): the costly parts are paid for only
when they are shown. Highlights use a small query of their own over two fields whose offsets are
indexed; facets without an active filter are plain terms aggregations; only the shown fields come
back.

On a large index (SEARCH_SPLIT_FROM documents or more) a round trip is one `_msearch` of two bodies:
the hits, first scored by each field group's best field so the node can skip what cannot reach the
rescore window and then scored in full there (`best_field_only`), and the exact count and facets as
a filter that scores nothing (`search_bodies`). On a small index one body does both. The place's
own pages, when asked for alongside, are one more body in the same `_msearch` (`_search`).
"""

import difflib
import re
import secrets
import time
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from functools import lru_cache
from typing import Literal

from django.conf import settings
from django.utils import timezone, translation
from opensearchpy import TransportError
from opensearchpy.exceptions import HTTP_EXCEPTIONS

from core import text as text_forms
from search.analysis import (
    ASKING_FOR_HELP,
    BETWEEN_TERM_WORDS,
    DIGIT_WORDS,
    DIGITS_SPELT_FROM,
    LANGUAGES_ASKED_FOR,
    NOT_THE_LANGUAGE,
    YEARS_AFTER_NUMBER,
    YEARS_BEFORE_NUMBER,
    stop_words,
)
from search.breaker import UNREACHABLE_STATUSES, is_unreachable
from search.documents import MUNICIPALITY
from search.indexes import alias_name, client
from search.registry import REGION, SNIPPET_TYPES

# One best-fields clause over whole words (`exact`: stemmed, not decompounded, weighted highest)
# and decompounded, folded words (`folded`: "bredbandsstod" finds "bredbandsstöd"). The body, the
# longest field and the costliest to search on a large index, is searched once, folded and split.
# Place names are not among them: they are taken out of the query and asked for on their own.
WORD_FIELDS = [
    "title.exact^8",
    "summary.exact^4",
    "topic_names.exact^3",
    "title.folded^3",
    "summary.folded^1.5",
    "topic_names.folded",
    "body.folded^1.5",
]
FOLDED_FIELDS = [f for f in WORD_FIELDS if ".folded" in f]
# A concept's other terms are looked for where a page says what it is about (whole words), not in
# the body: a synonym in passing says little.
SYNONYM_FIELDS = [f for f in WORD_FIELDS if ".exact" in f]
# ... and in the second look (too few found), in the body too, as whole words and phrases.
SYNONYM_BODY_FIELDS = ["body.exact"]
# Unstemmed words, for typos (a stemmer changes a misspelt word unpredictably): where they matter.
FUZZY_FIELDS = ["title.plain^3", "summary.plain^1.5"]
# Words people split, joined ("bank id" → "bankid"): whole words, folded, never split into parts.
# In the decompounded fields the joined word's parts matched on their own ("bankid" was also
# "bank", and a branch library's name with a typo found every page whose name ends in "-by").
# Folded and unstemmed ("vard guiden" is "vårdguiden"), or stemmed and not split ("bred bandet").
JOINED_FIELDS = [
    *("title.plain^3", "summary.plain^1.5", "topic_names.plain", "body.plain^1.5"),
    *("title.exact^3", "summary.exact^1.5", "topic_names.exact", "body.exact^1.5"),
]
PHRASE_FIELDS = ["title^4", "summary^2", "body"]
# A lone concept's other terms as its phrase (`rescore`): a fixed amount where a page says one in
# its title, half that in its summary; about what the words typed add there (by BM25 6–18 in the
# title of a demo page, 3–7 in a summary), a little less.
OTHER_TERM_PHRASE = ((["title", "title.folded"], 9.0), (["summary", "summary.folded"], 4.5))
HIGHLIGHT_FIELDS = ("summary.folded", "body.folded")
FACETS = {"typ": "type", "kommun": "municipalities", "amne": "topics"}
# What a hit shows (the body, the longest field, is never sent back).
SHOWN_FIELDS = ["title", "url", "type", "municipalities", "topics", "summary", "language"]
WORD = re.compile(r"\w+", re.UNICODE)
# "Nearly every word": all of one or two words, 70 % of more.
STRICT = "2<70%"
# A query finds too few when it finds this many hits or fewer (`few_hits`): it is then asked again
# with any of its words and typos allowed, and offered a spelling ("did you mean") if still too few.
TOO_FEW_FOR_ONE_WORD = 3
TOO_FEW_FOR_WORDS = 1
# A query that names a place and finds at most this many pages (one page of hits), none of them
# the place's, is looked at again (`misses_the_place`); with more, only when the first of them are
# all other municipalities' pages (`found_elsewhere`): the county's pages hold for every place.
PLACE_MISSED_UP_TO = 10
FOUND_ELSEWHERE_FIRST = 3
MAX_ALTERNATIVES = 6
# Type weights, freshness, places' own content and phrases are applied to this many of the best
# matches only (a rescore), not to every match.
RESCORE_WINDOW = 300
# A page whose whole title is the query has its score multiplied by this in the rescore.
WHOLE_TITLE = 3
# ... and with one letter wrong (on the second look) from this many characters: "tv" is not "tb".
MIN_TYPO_TITLE = 5
# What a page with (nearly) every word gets in the rescore of an "any of the words" search: more
# than any text score, so they come first.
PREFERRED = 1000.0
# Endings a synonym may carry in the query and still be recognised ("pensionärer" → "pensionär").
ENDING_LIST = (
    *("s", "n", "en", "et", "na", "er", "ar", "or", "erna", "arna", "orna", "ns"),  # Swedish
    *("s", "es", "ed", "ing", "ies"),  # English
    *("ه", "ات", "ين", "ون"),  # Arabic (taa marbuta as normalised: ه)
)
ENDINGS = "(?:" + "|".join(dict.fromkeys(ENDING_LIST)) + ")?"
# A term's last word in Latin letters that drops its "e" before "-ed" and "-ing" ("relocate":
# "relocated"; in Swedish harmless, "äldre" is also "åldring").
LATIN_E_ENDING = re.compile(r"[a-z]{3,}e")
# What may stand between a term's words: a possessive or an article ("pay with her phone" is "pay
# with phone"; `BETWEEN_TERM_WORDS`), one, where the term has none.
BETWEEN_TERM_GAP = r"\W+(?:(?:" + "|".join(map(re.escape, BETWEEN_TERM_WORDS)) + r")\W+)?"
LONGEST_ENDING = max(map(len, ENDING_LIST))
# Arabic writes the article and some particles onto the word ("الولادة", "والولادة" for "ولادة"):
# a synonym is recognised with them or without. The prefixes Lucene's Arabic light stemmer (the
# index's `ar_stem`, search/analysis.py) removes, in its order (`_leaves_enough`: its length rule).
ARABIC_ARTICLE = "ال"
ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", ARABIC_ARTICLE, "و")
ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
# The particles written onto a name or a borrowed word, longest first: "and", "in", "to", "then",
# with the article or not ("عال": "on the", as spoken).
ARABIC_CLITICS = ("وبال", "وال", "بال", "فال", "عال", "لل", ARABIC_ARTICLE, "وب", "ول", "و", "ب", "ل", "ف")
# A synonym is recognised with either written onto its first word ("بسويش", with Swish; "لجلسة"):
# the stemmer leaves "ب", "ل" and "ف" on, so the term's own word would not match without its group.
ARABIC_WRITTEN_ON = tuple(sorted(dict.fromkeys(ARABIC_PREFIXES + ARABIC_CLITICS), key=len, reverse=True))


@dataclass
class EngineResult:
    total: int
    hits: list[dict]
    facets: dict
    suggestion: str | None
    partial: bool = False
    # The query searched instead of the one typed, which found nothing at all (`run_query`).
    corrected: str | None = None


# A query's words repeat (and are folded several times per search): remembered.
fold = lru_cache(maxsize=4096)(text_forms.fold)
normalise = lru_cache(maxsize=4096)(text_forms.normalise)


def _leaves_enough(word: str, prefix: str) -> bool:
    """The rule of Lucene's Arabic stemmer: after "و" three letters must remain, after the others two;
    after a particle the stemmer leaves on (`ARABIC_WRITTEN_ON`), three ("وبنت", and a girl, is no
    "و" + "ب" + "نت", the net)."""
    if prefix not in ARABIC_PREFIXES:
        return len(word) - len(prefix) >= 3
    return len(word) - len(prefix) >= (3 if len(prefix) == 1 else 2)


def _without_article(word: str) -> str:
    """An Arabic term's first word without the article ("الولادة" → "ولادة"); other words as they are."""
    if word.startswith(ARABIC_ARTICLE) and _leaves_enough(word, ARABIC_ARTICLE):
        return word[len(ARABIC_ARTICLE) :]
    return word


def _prefixes_of(word: str) -> list[str]:
    """The prefixes and particles an Arabic (normalised) word starts with (`ARABIC_WRITTEN_ON`),
    longest first."""
    if not ARABIC_LETTER.match(word):
        return []
    return [p for p in ARABIC_WRITTEN_ON if word.startswith(p) and _leaves_enough(word, p)]


def _bare_forms(word: str) -> set[str]:
    """A (normalised) query word, and the word without each prefix it may carry: the words a
    term's first word may be."""
    return {word} | {word[len(p) :] for p in _prefixes_of(word)}


def _found_as_written(found: str, term: str) -> bool:
    """The (normalised) text found is the term as written, but for an article or a particle on an
    Arabic word ("بالتقاعد", "التقاعد" and "تقاعد" are "التقاعد" as written), not the term with
    an ending ("pensionär" is no "pension" + "är")."""
    words, term_words = WORD.findall(found), WORD.findall(normalise(term))
    if not words or not term_words:
        return False
    term_words[0] = _without_article(term_words[0])
    return any([bare, *words[1:]] == term_words for bare in _bare_forms(words[0]))


def _first_word(term: str) -> str:
    return _without_article(WORD.findall(normalise(term))[0])


def _synonym_pattern(term: str) -> re.Pattern | None:
    words = WORD.findall(normalise(term))
    if not words:
        return None
    # An Arabic term is found with the article or a particle written onto it, or without them.
    prefix = ""
    if ARABIC_LETTER.match(words[0]):
        words[0] = _without_article(words[0])
        fitting = [p for p in ARABIC_WRITTEN_ON if _leaves_enough(p + words[0], p)]
        prefix = "(?:" + "|".join(fitting) + ")?" if fitting else ""
    escaped = [re.escape(word) for word in words]
    if LATIN_E_ENDING.fullmatch(words[-1]):
        # "relocate": "relocated", "relocating" (the "e" goes before "-ed" and "-ing"; a term
        # of one word is filed under it, hence the "+e" look-up in `_candidate_patterns`).
        escaped[-1] = re.escape(words[-1][:-1]) + "(?:e|ed|ing)"
    return re.compile(r"(?<!\w)" + prefix + BETWEEN_TERM_GAP.join(escaped) + ENDINGS + r"(?!\w)")


def frozen_groups(groups) -> tuple[tuple[str, ...], ...]:
    """The synonym groups as tuples, which the caches below are keyed by: made once per query
    (`read_query`, `with_heard_words`) and passed on as they are."""
    if isinstance(groups, tuple) and (not groups or isinstance(groups[0], tuple)):
        return groups
    return tuple(tuple(group) for group in groups)


@lru_cache(maxsize=16)
def _patterns(groups: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[int, str, re.Pattern]]]:
    """Each term's pattern, compiled once per set of synonym groups (they change when editors
    save one, and are cached per language by the service), filed under the term's first word: a
    term can only be found where a word of the query is that word (or, for a term of one word,
    that word and an ending)."""
    compiled: dict[str, list[tuple[int, str, re.Pattern]]] = {}
    for number, group in enumerate(groups):
        for term in group:
            pattern = _synonym_pattern(term)
            if pattern is not None:
                compiled.setdefault(_first_word(term), []).append((number, term, pattern))
    return compiled


def _candidate_patterns(joined: str, groups: list[list[str]]) -> list[tuple[int, str, re.Pattern]]:
    """The patterns worth trying on the (normalised) query: those whose first word is a word of
    the query, or the start of one that ends in one of `ENDINGS`."""
    by_first = _patterns(frozen_groups(groups))
    found: dict[int, tuple[int, str, re.Pattern]] = {}
    for word in {bare for typed in WORD.findall(joined) for bare in _bare_forms(typed)}:
        for cut in range(max(1, len(word) - LONGEST_ENDING), len(word) + 1):
            # ... or that word's start and an "e" ("relocating": "relocate").
            for key in (word[:cut], word[:cut] + "e"):
                for entry in by_first.get(key, ()):
                    found[id(entry)] = entry
    return list(found.values())


def find_concepts(text: str, groups: list[list[str]]) -> tuple[str, list[tuple[str, list[str]]]]:
    """Split the query into the words no synonym group knows and the concepts a group names:
    (the other words, [(the words as typed, the group's other terms), ...]). Pure; unit-tested.

    Terms are recognised without regard to case, å/ä/ö, Arabic letter forms or a common ending
    ("pensionärer" is "pensionär"), longest first, so "ny adress" is one concept, not "ny" and
    "adress". A concept then counts as one word when deciding how many words must match.
    """
    words = WORD.findall(text)
    normalised = [normalise(w) for w in words]
    joined = " ".join(normalised)
    word_at, position = {}, 0
    for index, word in enumerate(normalised):
        for offset in range(len(word) + 1):
            word_at[position + offset] = index
        position += len(word) + 1
    candidates = []
    for number, term, pattern in _candidate_patterns(joined, groups):
        for found in pattern.finditer(joined):
            first, last = word_at[found.start()], word_at[found.end() - 1]
            # Found as written, not only with an ending ("pensionär" is a word of its own, not
            # "pension" + "är"): that reading comes first.
            # The article or a particle on an Arabic word is no ending: "التقاعد" is "تقاعد" as written.
            as_written = _found_as_written(found.group(0), term)
            candidates.append((last - first + 1, -first, as_written, number, term))
    candidates.sort(reverse=True)
    # A term may be in several groups ("internet" is both *bredband* and *nätet*): the span then
    # stands for all of them, but a group that has it as written stands for it alone.
    groups_at: dict[tuple[int, int], list[int]] = {}
    for length, negative_first, as_written, number, _term in candidates:
        best = next(c[2] for c in candidates if c[:2] == (length, negative_first))
        numbers = groups_at.setdefault((-negative_first, length), [])
        if as_written == best and number not in numbers:
            numbers.append(number)
    taken: set[int] = set()
    concepts = []
    for length, negative_first, _as_written, _number, term in candidates:
        span = range(-negative_first, -negative_first + length)
        if taken & set(span):
            continue
        taken |= set(span)
        typed = " ".join(words[i] for i in span)
        seen = {normalise(typed), normalise(term)}
        others = []
        for number in sorted(groups_at[(span.start, length)]):
            for t in groups[number]:
                if normalise(t) not in seen and not _only_a_part_of(t, typed):
                    seen.add(normalise(t))
                    others.append(t)
        concepts.append((span.start, typed, others[:MAX_ALTERNATIVES]))
    rest = " ".join(w for i, w in enumerate(words) if i not in taken)
    return rest, [(typed, others) for _start, typed, others in sorted(concepts)]


def _only_a_part_of(term: str, typed: str) -> bool:
    """The term is, but for a word that is a stop word, only some of the words typed: "it help" (IT
    help, beside "computer help") is "help" to the index, which every page with "help" has, and the
    home-help e-service came first for "computer help"."""
    stop = _stop_words_of_every_language()
    words = {fold(word.lower()) for word in WORD.findall(term)}
    left = {word for word in words if word not in stop}
    typed_words = {fold(word.lower()) for word in WORD.findall(typed)} - stop
    return bool(left) and left != words and left < typed_words


def _multi_match(text: str, fields: list[str], **options) -> dict:
    return {"multi_match": {"query": text, "fields": fields, **options}}


def _words_query(text: str, minimum: str, fields=WORD_FIELDS, boost: float = 1.0) -> dict:
    return _multi_match(
        text,
        fields,
        type="best_fields",
        operator="or",
        minimum_should_match=minimum,
        tie_breaker=0.3,
        boost=boost,
    )


def _text_query(text: str, minimum: str, typos: bool = False, meaningful: Sequence[str] = ()) -> dict:
    """The words themselves: one best-fields clause, the words spread over fields, and (in the
    second round only) typo tolerance, for the `meaningful` words only: the fields it looks in keep
    stop words, and "i" matched every title with an "i" in it."""
    clauses = [
        _multi_match(
            text,
            WORD_FIELDS,
            type="best_fields",
            operator="or",
            minimum_should_match=minimum,
            tie_breaker=0.3,
        )
    ]
    if typos and meaningful:
        clauses.append(
            _multi_match(
                " ".join(meaningful),
                FUZZY_FIELDS,
                fuzziness="AUTO:4,8",
                prefix_length=1,
                max_expansions=10,
                operator="or",
                minimum_should_match=minimum,
                boost=0.6,
            )
        )
    if len(WORD.findall(text)) > 1:
        clauses.append(_multi_match(text, FOLDED_FIELDS, type="cross_fields", operator="and", boost=0.5))
    return {"bool": {"should": clauses, "minimum_should_match": 1}}


# What a concept's other term counts for beside the words as typed.
ANOTHER_TERM = 0.9


def _concept_query(typed: str, others: Sequence[str], wider: bool = False) -> dict:
    """A concept: the words as typed, or any other term of its synonym group (a little lower).

    The other terms are looked for where a page says what it is about; `wider` (the second look,
    when the first found too few) also finds them in the body, lower still: "power of attorney"
    then finds the guide whose step is "Become an agent at 1177", rather than nothing."""

    def term(words, fields, boost):
        return _multi_match(words, fields, type="best_fields", operator="and", tie_breaker=0.3, boost=boost)

    # The other terms are written by editors (with å/ä/ö), so their whole words are enough: in the
    # decompounded fields "mobilbetalning" would also match any page that mentions "mobil".
    readings = [term(typed, WORD_FIELDS, 1.0)]
    readings += [term(other, SYNONYM_FIELDS, ANOTHER_TERM) for other in others]
    if wider:
        readings += [_multi_match(other, SYNONYM_BODY_FIELDS, type="phrase", boost=0.3) for other in others]
    return {"dis_max": {"queries": readings, "tie_breaker": 0.1}}


def split_places(text: str, places: dict[str, str]) -> tuple[str, list[str], list[str], list[str]]:
    """Take place names out of the query: (the rest, place words, their kommunkoder, the place
    words as the places know them). Pure.

    The county's name is a place word without a kommunkod: every page is about the county.
    "bredband <kommun>" becomes a search for "bredband" that prefers that municipality's content,
    instead of requiring every document to contain the place name.
    """
    words = WORD.findall(text.lower())
    rest, found, codes, names = [], [], [], []
    for word in words:
        name = place_name(word, places)
        if name:
            found.append(word)
            names.append(name)
            if places[name] != REGION:  # the county's name: a place word, no municipality
                codes.append(places[name])
        else:
            rest.append(word)
    return (" ".join(rest) if rest else text), found, sorted(set(codes)), names


# The place words (`search.service.places`) also hold each municipality's whole name in every
# language, normalised, under this mark (no word of a query starts with it): "=<name>".
MUNICIPALITY_NAME = "="


def municipality_key(words: Sequence[str]) -> str:
    """The place words' key for a municipality's whole name (its words, lower case)."""
    return MUNICIPALITY_NAME + normalise(" ".join(words))


def place_name(word: str, places: dict[str, str]) -> str | None:
    """The place word (a key of `places`) that a word of a query is, as typed, folded, with a
    genitive s ("salas"), or misspelt (`misspelt_place`); None for a word that is no place."""
    for key in (word, fold(word), fold(word).removesuffix("s"), normalise(word)):
        if key in places:
            return key
    return misspelt_place(fold(word), places)


def misspelt_place(word: str, places: dict[str, str]) -> str | None:
    """The place word of a long place name typed with a letter too many, too few or wrong
    (a double consonant typed once): only for words of seven letters or more, so that short
    words never turn into places. From six letters, a name with other vowels in the same places
    (an "ä" for an "e", an "e" for an "i": vowels are what people who learnt Swedish late, and
    those who write as they speak, most often write otherwise). A name in Arabic letters is
    compared by its sound (`arabic_place`)."""
    if ARABIC_LETTER.match(word):
        return arabic_place(word, places)
    if len(word) >= VOWELS_ALIKE_FROM:
        alike = sound_index(places).vowels.get(word.translate(VOWELS_ALIKE))
        if alike:
            return alike
    if len(word) < 7:
        return None
    # A letter too many in a name of six ("kopping") is a word of seven too.
    names = [p for p in places if len(p) >= 6 and not p.startswith(MUNICIPALITY_NAME)]
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.88)
    return close[0] if close else None


# A Swedish name written in Arabic letters has no one spelling: a "k" before a front vowel is
# heard as ش, ك or تش, a "g" as ي, غ or ج, and the long vowels are written or left out.
# They are compared by their skeleton: the first letter, then the others without the long vowels
# (ا و ي), which writers put in or leave out, with ج and ق, other letters for a g, as غ.
ARABIC_SKELETON = str.maketrans({"ا": None, "و": None, "ي": None, "ج": "غ", "ق": "غ"})
# How long a skeleton must be to be taken for a place's: as its Arabic name's, exactly, three
# letters; as its Swedish name is heard (a guess), four; one letter apart, five, both ("اربع",
# four, is one letter from a four-letter name's). An ordinary word of four letters can still sound
# exactly like a village's name: on this site's subjects, rare.
ARABIC_NAME_SKELETON = 3
HEARD_NAME_SKELETON = 4
SKELETON_FOR_A_TYPO = 5
# A Latin word is compared with the places' names with every vowel alike from this many letters
# (`misspelt_place`): shorter words with another vowel are ordinary words ("sola", "kopia").
VOWELS_ALIKE_FROM = 6
VOWELS_ALIKE = str.maketrans(dict.fromkeys("eiouyåäöæø", "a"))
# The place words carry a fingerprint under this key (`search.service`): what is built from them
# once (`sound_index`) is kept while it is unchanged.
PLACES_VERSION = "~"


def arabic_skeleton(word: str) -> str:
    word = normalise(word)
    return word[:1] + word[1:].translate(ARABIC_SKELETON)


def arabic_place(word: str, places: dict[str, str]) -> str | None:
    """The place word of a place whose name sounds like `word`, typed in Arabic letters: its name in
    Arabic letters, or else its Swedish name as it is heard (`swedish_skeletons`); the same
    skeleton before one a letter apart, an Arabic name before a Swedish one."""
    index = sound_index(places)
    forms = arabic_forms(word)
    for form in forms:
        if form in places:  # a name as the places know it, once a particle is off ("ب<name>")
            return form
        if (typed := arabic_skeleton(form)) in index.exact:
            return index.exact[typed]
    for form in forms:  # only then one letter apart: a particle is itself one letter more
        typed = arabic_skeleton(form)
        if len(typed) >= SKELETON_FOR_A_TYPO:
            for variant in (typed, *sorted(_one_letter_out(typed))):
                for known, name in index.near.get(variant, ()):
                    if _one_letter_apart(typed, known):
                        return name
    return None


def arabic_forms(word: str) -> list[str]:
    """A word in Arabic letters as typed, then without each particle written onto it
    (`ARABIC_CLITICS`) that leaves three letters or more: "ب<name>" (in <name>) is "<name>"."""
    word = normalise(word)
    return [word] + [word[len(p) :] for p in ARABIC_CLITICS if word.startswith(p) and len(word) - len(p) >= 3]


# A Swedish word in Arabic letters, as it is heard ("بنسيون", "فيبرفورينينغ", "بيبليوتيك"): the term
# of a synonym group that sounds like it (the Latin terms editors give a group: "pension",
# "fiberförening", "bibliotek"), compared by skeleton as place names are heard (`swedish_skeletons`),
# for terms whose every way of hearing is this many letters of skeleton or more ("kivra", heard
# "تشفر" but also "كفر", is none: "تشفير" is encryption). A sound that several terms make is
# heard only when one group has them all.
HEARD_TERM_SKELETON = 4


@dataclass(frozen=True)
class HeardTerms:
    by_sound: dict[str, str | None]  # skeleton → the Latin term it is heard as (None: not one group's)
    written: frozenset[str]  # every word of every term, normalised: a word that is one is left as it is
    single: frozenset[str] = frozenset()  # every term of one word, normalised


@lru_cache(maxsize=8)
def heard_terms(groups: tuple[tuple[str, ...], ...]) -> HeardTerms:
    """What the Latin terms of these synonym groups sound like in Arabic letters, once per set of
    groups (they are cached per language by the service; a saved group is a new set). Independent
    of the order of the groups and of their terms."""
    candidates: dict[str, dict[str, set[int]]] = {}
    for number, group in enumerate(groups):
        for term in group:
            if ARABIC_LETTER.search(term) or not re.fullmatch(r"[^\W\d_]{4,}", term):
                continue
            sounds = swedish_skeletons(term)
            if not sounds or min(map(len, sounds)) < HEARD_TERM_SKELETON:
                continue
            for sound in sounds:
                candidates.setdefault(sound, {}).setdefault(term, set()).add(number)
    by_sound: dict[str, str | None] = {}
    for sound, terms in candidates.items():
        shared = set.intersection(*terms.values())
        by_sound[sound] = min(terms) if len(terms) == 1 or shared else None
    written = frozenset(normalise(word) for group in groups for term in group for word in WORD.findall(term))
    single = frozenset(normalise(term) for group in groups for term in group if len(WORD.findall(term)) == 1)
    return HeardTerms(by_sound=by_sound, written=written, single=single)


def heard_words(text: str, groups: Sequence[Sequence[str]], places: dict[str, str]) -> dict[str, str]:
    """Each word of `text` in Arabic letters that is no term's word (with a particle on it or not)
    and no place, but sounds like the Latin term of a synonym group → that term. A word with the
    article on it is heard without it only ("الدار" is no "äldre"); two or three neighbours may be
    heard as one term (the first → the term, the others → ""). {} for text without Arabic."""
    if not ARABIC_LETTER.search(text):
        return {}
    heard = heard_terms(frozen_groups(groups))
    words = WORD.findall(text)
    found: dict[str, str] = {}
    unheard: set[str] = set()  # words of no known sound
    for word in words:
        if word in found or not ARABIC_LETTER.match(word) or place_name(word, places):
            continue
        if heard.written.intersection(arabic_forms(word)):
            continue
        term = _heard_term(word, heard, compound=True)
        if term:
            found[word] = term
        elif term is False:
            unheard.add(word)
    # A word heard in two ("بريدباندس ستود", *bredbandsstöd*) or three ("ميندي هيتس بوست"): neighbours
    # of no known sound, each once in the query and no stop or question word, joined (a letter that
    # ends the one and starts the next once: the genitive s before "st"). The first is then heard as
    # the term, the others as "" (gone). Two before three.
    dropped = stop_words("ar")  # never part of a word heard in two or three ("امي بدي" is no "ombud")
    once = {word for word in unheard if words.count(word) == 1 and normalise(word) not in dropped}
    for size in (2, 3):
        for at in range(len(words) - size + 1):
            parts = words[at : at + size]
            if set(parts) <= once and not found.keys() & set(parts):
                term = next((t for word in _joined(parts) if (t := _heard_term(word, heard))), None)
                if term:
                    found.update({parts[0]: term, **dict.fromkeys(parts[1:], "")})
    return found


def _joined(parts: Sequence[str]) -> list[str]:
    """Words written apart joined, and also with each letter that ends one and starts the next once."""
    whole, shared = parts[0], parts[0]
    for part in parts[1:]:
        whole += part
        shared += part[1:] if shared[-1] == part[0] else part
    return list(dict.fromkeys((whole, shared)))


def _heard_term(word: str, heard: HeardTerms, compound: bool = False) -> str | None | Literal[False]:
    """The term `word` is heard as; None for a sound of several groups' terms, False for no known
    sound. A word with the article is heard without it only; the first form with a known sound
    decides. With `compound` (a word typed as one, never neighbours joined), a long word of no known
    sound is then heard as a compound (`HEARD_COMPOUND_FROM`)."""
    forms = arabic_forms(word)
    forms = forms[1:] if forms[0].startswith(ARABIC_ARTICLE) else forms
    sounds = [arabic_skeleton(form) for form in forms]
    for sound in sounds:
        if sound in heard.by_sound:
            return heard.by_sound[sound]
    if not compound or len(normalise(word)) < HEARD_COMPOUND_FROM:
        return False
    for sound in sounds:
        for cut in range(len(sound) - HEARD_COMPOUND_REST, HEARD_TERM_SKELETON - 1, -1):
            if sound[:cut] in heard.by_sound:
                return heard.by_sound[sound[:cut]]
    return False


# A Swedish compound heard in Arabic letters ("فورسكولبلاتس", förskoleplats; "بريدباندسكوأوردينيتور",
# bredbandskoordinator), which no group has whole: a word of this many letters or more is heard as
# the longest term its sound begins with, when a part of so many letters of skeleton is left after
# it (not an Arabic ending: "بدرجات", *by degrees*, is no "bidrag" + "ات"). Never neighbours joined.
HEARD_COMPOUND_FROM = 8
HEARD_COMPOUND_REST = 3


def as_heard(text: str, groups: Sequence[Sequence[str]], places: dict[str, str]) -> str:
    """`text` with each word `heard_words` hears replaced by its term: "كيف اقدم عالبنسيون" is "كيف اقدم
    pension". Text with no word heard is returned as it is."""
    return _with_terms(text, heard_words(text, groups, places))


def _with_terms(text: str, heard: dict[str, str]) -> str:
    """`text` with each word read as another (a word heard in two: its first part as the term, the
    second gone)."""
    if not heard:
        return text
    return " ".join(read for word in WORD.findall(text) if (read := heard.get(word, word)))


# "عال" ("on the", as spoken: "عالمعاش", "عالموبايل") and "هال" ("this", as spoken: "هالموقع")
# are no prefixes the stemmer removes, and the index has no word with them. A word that starts with
# one and has this many letters after it is also read with the article alone ("المعاش", "الموقع");
# shorter ones are mostly words of their own ("عالمي"), unless what is left is a synonym's word
# ("عالنت": "النت", *the net*).
SPOKEN_ARTICLES = ("عال", "هال")
SPOKEN_ARTICLE_LEAVES = 4
# A verb as it is said: the particle of the present or future ("ب", "ح") and the verb's own prefix
# (ي he, ت she or you, ن we, ا I), or one of them, before a stem of the fifth or sixth form, which
# starts with ت and is the noun as well ("بيتقاعد", he is retiring: "تقاعد", retirement; "اتواصل",
# I get in touch: "تواصل"). What is left must be a term of one word, of this many letters or more.
# A stem of another form is left alone: "تبريد" (cooling) is no "بريد", "تجوال" (roaming) no "جوال".
ARABIC_VERB_PARTICLES = ("", "ب", "ح")
ARABIC_VERB_PERSONS = ("", "ي", "ت", "ن", "ا")
VERB_STEM_LEAVES = 4


def spoken_verb_words(text: str, groups: Sequence[Sequence[str]], places: dict[str, str]) -> dict[str, str]:
    """Each word of `text` in Arabic letters that is no term's word, but a term of one word of the
    fifth or sixth form with a verb's prefixes on it (`ARABIC_VERB_PARTICLES`,
    `ARABIC_VERB_PERSONS`) → that term. No place, nothing shorter."""
    if not ARABIC_LETTER.search(text):
        return {}
    heard = heard_terms(frozen_groups(groups))
    found = {}
    for word in WORD.findall(text):
        bare = normalise(word)
        if not ARABIC_LETTER.match(bare) or bare in heard.written or place_name(word, places):
            continue
        for particle in ARABIC_VERB_PARTICLES:
            for person in ARABIC_VERB_PERSONS:
                prefix = particle + person
                stem = bare[len(prefix) :]
                if (
                    prefix
                    and bare.startswith(prefix)
                    and stem.startswith("ت")
                    and len(stem) >= VERB_STEM_LEAVES
                    and stem in heard.single
                ):
                    found[word] = stem
    return found


def spoken_article_words(
    text: str, groups: Sequence[Sequence[str]], places: dict[str, str]
) -> dict[str, str]:
    """Each word of `text` with the spoken "عال" or "هال" on it (no place) → the word with the article alone
    (a short one only if it is then a word of a synonym group's terms)."""
    if not ARABIC_LETTER.search(text):
        return {}
    found = {}
    written = heard_terms(frozen_groups(groups)).written
    for word in WORD.findall(text):
        bare = normalise(word)
        spoken = next((article for article in SPOKEN_ARTICLES if bare.startswith(article)), "")
        left = len(bare) - len(spoken)
        if not spoken or left < 2 or bare in written:  # (a term's own word is the term, as typed)
            continue
        read = ARABIC_ARTICLE + bare[len(spoken) :]
        if left < SPOKEN_ARTICLE_LEAVES:
            if not written & {read, read[len(ARABIC_ARTICLE) :]}:
                continue
        if not place_name(word, places):
            found[word] = read
    return found


def written_apart(text: str, groups: Sequence[Sequence[str]], language: str | None = None) -> dict[str, str]:
    """Two neighbouring words in Latin letters that are one term written apart ("föräldra peng",
    "fiber förening", with an ending or without): the first → the two joined, the second → "".
    Each word once in the query, neither a stop or question word (of `language`, Swedish or
    English), the second no ending ("dator är" is no "datorär", "phone or" no "phoneor")."""
    words = WORD.findall(text)
    if len(words) < 2:
        return {}
    dropped = (stop_words(language) if language else frozenset()) | _not_names()
    by_first = _patterns(frozen_groups(groups))
    found: dict[str, str] = {}
    for first, second in zip(words, words[1:], strict=False):
        if (
            found.keys() & {first, second}
            or words.count(first) > 1
            or words.count(second) > 1
            or ARABIC_LETTER.search(first + second)
            or dropped & {first.lower(), second.lower()}
            or normalise(second) in ENDING_LIST
        ):
            continue
        joined = normalise(first + second)
        cuts = range(max(1, len(joined) - LONGEST_ENDING), len(joined) + 1)
        if not any(joined[:cut] in by_first for cut in cuts):
            continue  # no term starts so: not worth reading the pair
        rest, concepts = find_concepts(first + second, groups)
        if concepts and not rest:
            found[first], found[second] = first + second, ""
    return found


# Arabic typed in Latin letters, with digits for the sounds Latin has no letter for ("mosa3ada",
# "ro5sat bina2", "jam3iyat alyaf"), as many type on a phone. Read in the Arabic search as the word
# of an Arabic term of the synonym groups that sounds alike: both are brought to a skeleton of
# consonant classes (the vowels, long or short, which the one writes and the other leaves out,
# dropped; letters a Latin spelling cannot tell apart in one class). A Latin letter that stands for
# several classes ("g": ج, غ or ق; "2": a glottal stop, or ق as it is spoken in many dialects)
# gives several skeletons.
ARABIZI_CLASSES = {
    **dict.fromkeys("بپ", "b"), **dict.fromkeys("تطث", "t"), **dict.fromkeys("جچ", "j"),
    **dict.fromkeys("حه", "h"), "خ": "x", **dict.fromkeys("دذضظ", "d"), "ر": "r", "ز": "z",
    **dict.fromkeys("سص", "s"), "ش": "c", "ع": "3", "غ": "g", **dict.fromkeys("فڤ", "f"),
    **dict.fromkeys("قكک", "k"), "ل": "l", "م": "m", "ن": "n",
}  # fmt: skip
# Latin spellings, longest first, → the classes each may stand for ("" : nothing, as a vowel).
ARABIZI_SOUNDS = (
    ("kh", ("x",)), ("gh", ("g",)), ("sh", ("c",)), ("ch", ("c",)),
    ("th", ("t", "d")), ("dh", ("d",)), ("ph", ("f",)),
    ("2", ("", "k")), ("3", ("3",)), ("5", ("x",)), ("6", ("t",)), ("7", ("h",)), ("8", ("g", "k")),
    ("9", ("k", "s")), ("b", ("b",)), ("p", ("b",)), ("t", ("t",)), ("j", ("j",)), ("g", ("j", "g", "k")),
    ("h", ("h",)), ("x", ("x",)), ("d", ("d",)), ("r", ("r",)), ("z", ("z", "d")), ("s", ("s",)),
    ("c", ("k", "s")), ("f", ("f",)), ("v", ("f",)), ("q", ("k",)), ("k", ("k",)), ("l", ("l",)),
    ("m", ("m",)), ("n", ("n",)),
)  # fmt: skip
ARABIZI_WORD = re.compile(r"[a-z0-9]+")
# A word with one of these digits among its letters is Arabic in Latin letters ("3arabi",
# "sandoo2"), not a number with its unit ("5g", "100mbit").
ARABIZI_DIGIT = re.compile(r"[2356789]")
NUMBER_WITH_UNIT = re.compile(r"\d+(?:g|[kmgt]b|[mg]bit|[mg]bps|kr|st|km|m|h|min)?")
# Skeletons of fewer classes are too many words' (two: "rawda", *روضة*, but also a hundred others);
# in a query that is plainly Arabic in Latin letters (a word with such a digit), two are enough.
ARABIZI_SKELETON = 3
ARABIZI_SKELETON_AMONG_DIGITS = 2
MAX_ARABIZI_SKELETONS = 32


def arabic_sound_skeletons(word: str) -> set[str]:
    """An Arabic word's skeletons of consonant classes: with the article and without, with a final
    taa marbuta (normalised: ه) and without."""
    bare = [word, word[2:]] if word.startswith(ARABIC_ARTICLE) and len(word) > 4 else [word]
    skeletons = set()
    for form in bare:
        letters = "".join(ARABIZI_CLASSES.get(letter, "") for letter in form)
        skeletons.add(letters)
        if form.endswith("ه"):
            skeletons.add(letters[:-1])
    return {skeleton for skeleton in skeletons if skeleton}


def latin_sound_skeletons(word: str) -> list[list[str]]:
    """The skeletons a word of Arabic in Latin letters may stand for, likeliest first, in rounds:
    each letter read its first way (and the word whole), then with one letter read another way or
    without the article ("al", "el") or a final "t" or "h" (a taa marbuta written as spoken), then
    with two."""
    word = word.lower()
    forms = {word: 0}
    for article in ("al", "el", "il"):
        if word.startswith(article) and len(word) - len(article) >= 3:
            forms.setdefault(word[len(article) :], 1)
    for form, cost in list(forms.items()):
        if len(form) > 3 and form[-1] in "th" and form[-2] in "aeiou":
            forms.setdefault(form[:-1], cost + 1)
    rounds: list[dict[str, None]] = [{}, {}, {}]
    for form, cost in forms.items():
        ways = [("", cost)]
        at = 0
        while at < len(form):
            spelling, classes = next(
                (
                    (spelling, classes)
                    for spelling, classes in ARABIZI_SOUNDS
                    if form.startswith(spelling, at)
                ),
                (form[at], ("",)),  # a vowel, "w", "y": nothing
            )
            if at and form[at] == form[at - 1] and len(spelling) == 1:
                classes = ("",)  # a letter doubled is one sound
            ways = [
                (way + one, spent + (choice > 0))
                for way, spent in ways
                for choice, one in enumerate(classes)
                if spent + (choice > 0) < len(rounds)
            ][:MAX_ARABIZI_SKELETONS]
            at += len(spelling)
        for way, spent in ways:
            if way:
                rounds[spent][way] = None
    return [list(found) for found in rounds]


@dataclass(frozen=True)
class ArabiziLexicon:
    sounds: dict[str, dict[str, frozenset[int]]]  # skeleton → normalised word → its groups
    written: dict[str, str]  # normalised word → as written in a term ("روضه" → "روضة"), to be shown


@lru_cache(maxsize=8)
def arabizi_lexicon(groups: tuple[tuple[str, ...], ...]) -> ArabiziLexicon:
    """Skeleton → the words (normalised) of the groups' Arabic terms that have it, each with the
    groups it is a word of, and each such word as an editor wrote it first; once per set of groups."""
    lexicon: dict[str, dict[str, set[int]]] = {}
    written: dict[str, str] = {}
    for number, group in enumerate(groups):
        for term in group:
            for word in WORD.findall(term):
                if ARABIC_LETTER.match(word):
                    written.setdefault(normalise(word), word)
                    for skeleton in arabic_sound_skeletons(normalise(word)):
                        lexicon.setdefault(skeleton, {}).setdefault(normalise(word), set()).add(number)
    sounds = {
        skeleton: {word: frozenset(numbers) for word, numbers in words.items()}
        for skeleton, words in lexicon.items()
    }
    return ArabiziLexicon(sounds, written)


# Shorter Latin words in such a query are particles ("bel", "fi", "3an") or pronouns ("ana").
ARABIZI_WORD_FROM = 4


def arabizi_words(
    text: str, groups: Sequence[Sequence[str]], places: dict[str, str], found_nothing: bool = False
) -> dict[str, str]:
    """Each word of `text` that is Arabic in Latin letters and sounds like words of the groups'
    Arabic terms, one word or words of one group ("jam3iyat": جمعية, جمعيات) → the shortest of them,
    as the term has it ("ro5sat" → "رخصة"). A word of a term, a place name, a stop or question word
    (also as spoken in Arabic: "badi", بدي), a number, a word with a letter Arabic is not typed with
    (å, ä, ö) is read as it is, and so is a sound that words of several groups make. A short skeleton
    is read only in a query with an Arabizi digit or one that `found_nothing` as typed. {} for text
    in Arabic letters."""
    words = [word for word in WORD.findall(text) if ARABIZI_WORD.fullmatch(word.lower())]
    if not words:
        return {}
    groups = frozen_groups(groups)
    lexicon, written = arabizi_lexicon(groups), heard_terms(groups).written
    among_digits = any(
        ARABIZI_DIGIT.search(word) and not NUMBER_WITH_UNIT.fullmatch(word.lower()) for word in words
    )
    short = among_digits or found_nothing
    shortest = ARABIZI_SKELETON_AMONG_DIGITS if short else ARABIZI_SKELETON
    never = _stop_words_of_every_language()
    read = {}
    for word in words:
        lower = word.lower()
        if len(lower) < ARABIZI_WORD_FROM or lower in written or lower in never or place_name(lower, places):
            continue
        if NUMBER_WITH_UNIT.fullmatch(lower) or not re.search(r"[a-z]", lower):
            continue
        ways = latin_sound_skeletons(lower)
        if not found_nothing and not _arabic_stop_skeletons().isdisjoint(ways[0]):
            continue  # a stop or question word as spoken ("badi", بدي: I want; "7ada", حدا: someone)
        for skeletons in ways:
            found: dict[str, frozenset[int]] = {}
            for skeleton in skeletons:
                if len(skeleton) >= shortest:
                    found.update(lexicon.sounds.get(skeleton, {}))
            if found:  # the likeliest round that sounds like some word decides
                if _one_reading(found):
                    read[word] = lexicon.written[min(sorted(found), key=len)]
                break
    return read


@lru_cache(maxsize=1)
def _stop_words_of_every_language() -> frozenset[str]:
    return frozenset().union(*(stop_words(language) for language, _name in settings.LANGUAGES))


@lru_cache(maxsize=1)
def _arabic_stop_skeletons() -> frozenset[str]:
    return frozenset(
        skeleton
        for word in stop_words("ar")
        if ARABIC_LETTER.match(word)
        for skeleton in arabic_sound_skeletons(normalise(word))
    )


# Words that begin alike for this many letters (the article off) are one word's forms
# ("الكترونية", "الكتروني").
ONE_STEM = 4


def _one_reading(found: dict[str, frozenset[int]]) -> bool:
    """The words a sound was found as are one: one word with the article or without, words of one
    group, or one word's forms."""
    groups: dict[str, frozenset[int]] = {}
    for word, numbers in found.items():
        bare = _without_article(_without_article(word))
        groups[bare] = groups.get(bare, frozenset()) | numbers
    if frozenset.intersection(*groups.values()):
        return True
    stems = {bare[:ONE_STEM] for bare in groups}
    return len(stems) == 1 and len(next(iter(stems))) == ONE_STEM


def with_heard_words(
    text: str, groups, places, language: str | None = None
) -> tuple[str, list[tuple[str, list[str]]]]:
    """`find_concepts` of `text` with the words heard as Latin terms (`heard_words`), two words that
    are one term written apart (`written_apart`), the words with the spoken article read with
    the article alone (`spoken_article_words`) and spoken verbs read as their stem
    (`spoken_verb_words`): such a word stays
    what was typed, with how it was read (and the group it names) as the alternatives. A word heard
    wrongly ("ركبت", I installed, sounds like a term) then only adds alternatives; it is never lost."""
    groups = frozen_groups(groups)
    heard = {**written_apart(text, groups, language), **heard_words(text, groups, places)}
    read_as = {
        # Arabic in Latin letters: kept beside its reading, as a word read with the article alone
        # is (below), so that a Latin name misread is never lost.
        **(arabizi_words(text, groups, places) if language == "ar" else {}),
        **spoken_article_words(text, groups, places),
        **spoken_verb_words(text, groups, places),
        **heard,
    }
    if not read_as:
        return find_concepts(text, groups)
    rest, concepts = find_concepts(_with_terms(text, read_as), groups)
    words, typed_as = WORD.findall(text), {}
    for at, word in enumerate(words):
        if term := read_as.get(word):  # (a word heard in two or three: the words, as typed)
            parts = [word]
            while at + len(parts) < len(words) and read_as.get(words[at + len(parts)]) == "":
                parts.append(words[at + len(parts)])
            typed_as.setdefault(term, " ".join(parts))
    concepts = [
        (typed_as[typed], [typed, *others][:MAX_ALTERNATIVES]) if typed in typed_as else (typed, others)
        for typed, others in concepts
    ]
    # A word read with the article alone that names no concept: both ways, as one word, the reading
    # looked for as a typed word is (in bodies too), what was typed beside it.
    read_alone = {form: word for word, form in read_as.items() if word not in heard}  # (never "")
    if read_alone and read_alone.keys() & set(rest_words := WORD.findall(rest)):
        concepts += [(word, [read_alone[word]]) for word in dict.fromkeys(rest_words) if word in read_alone]
        rest = " ".join(word for word in rest_words if word not in read_alone)
    return rest, concepts


@dataclass(frozen=True)
class SoundIndex:
    exact: dict[str, str]  # skeleton → place word
    near: dict[str, list[tuple[str, str]]]  # a skeleton, and it with a letter out → (skeleton, place word)
    # A Latin name of VOWELS_ALIKE_FROM letters or more with its vowels alike → its place word
    # (None where the names of two places would be alike: neither is guessed).
    vowels: dict[str, str | None] = dataclass_field(default_factory=dict)


_sound_indexes: dict[str, SoundIndex] = {}


def sound_index(places: dict[str, str]) -> SoundIndex:
    """The places' skeletons, built once per version of the place words (not per query)."""
    version = places.get(PLACES_VERSION)
    if version in _sound_indexes:
        return _sound_indexes[version]
    arabic = [(arabic_skeleton(name), name) for name in places if ARABIC_LETTER.match(name)]
    heard = [
        (known, name)
        for name in places
        if name[:1].isalpha() and not ARABIC_LETTER.match(name)
        for known in sorted(swedish_skeletons(name))
    ]
    exact, near = {}, {}
    for skeletons, shortest in ((arabic, ARABIC_NAME_SKELETON), (heard, HEARD_NAME_SKELETON)):
        for known, name in skeletons:
            if len(known) >= shortest:
                exact.setdefault(known, name)
    for known, name in arabic + heard:
        if len(known) >= SKELETON_FOR_A_TYPO:
            for variant in (known, *_one_letter_out(known)):
                near.setdefault(variant, []).append((known, name))
    vowels: dict[str, str | None] = {}
    for name in places:
        if len(name) >= VOWELS_ALIKE_FROM and name.isalpha() and not ARABIC_LETTER.match(name):
            alike = fold(name).translate(VOWELS_ALIKE)
            known = vowels.setdefault(alike, name)
            if known is not None and places[known] != places[name]:
                vowels[alike] = None  # (a name and its folded form are one place's)
    index = SoundIndex(exact=exact, near=near, vowels=vowels)
    if version is not None:
        _sound_indexes.clear()  # one version at a time: the place words change rarely
        _sound_indexes[version] = index
    return index


def _one_letter_out(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


# A Swedish place name as Arabic writers hear it, as skeletons (`arabic_skeleton`), one for each
# way of writing what may be heard two ways: "sj", "tj", "ch" as ش (or تش); at the start, "sk"
# before a front vowel as ش (or سك), "k" there as ش (or تش, ك), "g" there as ي (or غ); "ng" as نغ,
# "rs" as ش or رس, "rg" as ر (رج, ري: "berg") or رغ, "j" as ي or ج, a double consonant as one; "tj"
# also letter by letter (تي: "هيمتيانست" is *hemtjänst* read as written), the g of "igh" (silent
# in "-ighet") dropped or not, or the h with it ("ميندهيتسبوست", "ميونديتسبوست", *myndighetspost*);
# "-tion" and "-sion" as شن ("بانشون", *pension*) or letter by letter; the other consonants letter
# by letter, the vowels dropped but a first one (ا).
# So places without an Arabic name are found too: an untranslated municipality, every village.
SWEDISH_SOUNDS = [
    ("tion", ("شن", "تشن", "تين")), ("sion", ("شن", "سين")),
    ("skj", ("ش",)), ("stj", ("ش",)), ("sch", ("ش",)), ("rsj", ("رش", "ش")), ("sj", ("ش",)),
    ("tj", ("ش", "تش", "تي")), ("kj", ("ش",)), ("ch", ("ش", "تش")), ("rs", ("رس", "ش")),
    ("rg", ("ر", "رغ")), ("igh", ("يه", "يغه", "ي")), ("ng", ("نغ",)), ("ck", ("ك",)), ("x", ("كس",)),
    ("j", ("ي", "ج")),
]  # fmt: skip
SWEDISH_LETTERS = dict(zip("bcdfghjklmnpqrstvwz", "بكدفغهيكلمنبكرستففس", strict=True))
FRONT_VOWELS = "eiyäö"
VOWELS = "aeiouyåäö"
MAX_SKELETONS = 16


@lru_cache(maxsize=4096)
def swedish_skeletons(name: str) -> frozenset[str]:
    name = re.sub(r"(.)\1", r"\1", name.lower())  # a double consonant is one
    if not name:
        return frozenset()
    heads = [""]
    if name[:1] in VOWELS:
        heads, name = ["ا"], name[1:]
    elif name[:2] == "sk" and name[2:3] in FRONT_VOWELS:
        heads, name = ["ش", "سك"], name[2:]
    elif name[:2] in ("hj", "dj", "lj", "gj"):
        heads, name = ["ي"], name[2:]
    elif name[:1] in "kg" and name[1:2] in FRONT_VOWELS:
        heads, name = (["ش", "تش", "ك"] if name[:1] == "k" else ["ي", "غ"]), name[1:]
    # The skeletons so far, the first way of hearing first (kept when there are too many); each
    # sound already as a skeleton has it (without ا و ي), so that ways that end alike are one.
    found = dict.fromkeys(heads)
    at = 0
    while at < len(name):
        sound = next(((typed, said) for typed, said in SWEDISH_SOUNDS if name.startswith(typed, at)), None)
        if sound:
            alternatives, at = sound[1], at + len(sound[0])
        else:
            letter = SWEDISH_LETTERS.get(name[at])
            alternatives, at = ((letter,) if letter else ("",)), at + 1
        said = [part.translate(ARABIC_SKELETON) for part in alternatives]
        found = dict.fromkeys(
            list(dict.fromkeys(known + part for known in found for part in said))[:MAX_SKELETONS]
        )
    return frozenset(found)


# Latin names as readers of Arabic letters write them ("شيفرا" for Kivra; an operator, an
# e-service, a library's district). Each document of an index read in those letters carries the
# skeletons of its title's Latin words (`name_sounds`, the field `heard`), and a
# query's words in Arabic letters that no synonym or place took are compared with them
# (`typed_name_sounds`), as another reading of those words: a document so named matches them. On
# the first look from this many letters of skeleton; on the second look, when the words found
# (nearly) nothing, from two letters (a district's short name may be two); one more for those
# that start with ا (`word_sounds`).
NAME_SOUND_SKELETON = 3
NAME_SOUND_SKELETON_ON_SECOND_LOOK = 2
# What a name heard counts for: a fixed amount, more than a word of a title scores (BM25 gives
# 6–18 on the demo's titles): the name is what was asked for ("<district> ١١٧٧ مساعدة مكتبة").
HEARD_NAME = 20.0


def name_sounds(text: str) -> list[str]:
    """The skeletons of the Latin words of `text` (letters only, not the Swedish and English stop
    and question words: "med", "för", "min" are no names), as Arabic writers may hear them."""
    dropped = _not_names()
    sounds: set[str] = set()
    for word in WORD.findall(text):
        if word.isalpha() and not ARABIC_LETTER.search(word) and word.lower() not in dropped:
            sounds.update(sound for sound in swedish_skeletons(word) if len(sound) >= 2)
    return sorted(sounds)


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return stop_words(settings.LANGUAGE_CODE) | stop_words("en")


def typed_name_sounds(read: "ReadQuery", shortest: int) -> list[str]:
    """The skeletons of the query's other words in Arabic letters (not stop words, nor places), of
    `shortest` letters or more (`word_sounds`)."""
    return sorted(
        {
            sound
            for word in words_beside_places(read)
            if ARABIC_LETTER.match(word)
            for sound in word_sounds(word, shortest)
        }
    )


def word_sounds(word: str, shortest: int) -> set[str]:
    """The skeletons of a word in Arabic letters, with and without a particle written onto it, of
    `shortest` letters or more, one more if they start with ا (the first person's prefix and the
    article's alef make many ordinary words so: "ابي", I want; "ابني", my son, is "Open"'s)."""
    return {
        sound
        for form in arabic_forms(word)
        if len(sound := arabic_skeleton(form)) >= shortest + sound.startswith("ا")
    }


def _one_letter_apart(a: str, b: str) -> bool:
    """One letter added, dropped or changed."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]
    return True


def joined_variant(text: str) -> str | None:
    """ "bank id" → "bankid", "e leg" → "eleg": people split words that are written together."""
    words = WORD.findall(text.lower())
    return "".join(words) if 2 <= len(words) <= 3 else None


def meaningful_words(text: str, language: str) -> list[str]:
    """The words of `text` that the query analysers keep: not stop words, not question words (in
    Arabic letters also as normalised: "علي" for "على")."""
    dropped = stop_words(language)
    return [
        w
        for w in WORD.findall(text)
        if w.lower() not in dropped and not (ARABIC_LETTER.match(w) and normalise(w) in dropped)
    ]


@dataclass(frozen=True)
class ReadQuery:
    """What a query says, read once per search (both rounds use it): the place names taken out,
    their kommunkoder, the concepts synonym groups name and the other words."""

    text: str
    language: str
    place_words: tuple[str, ...]
    place_codes: tuple[str, ...]
    rest: str
    concepts: tuple[tuple[str, tuple[str, ...]], ...]
    # The kommunkod when the query asks for nothing but a municipality by its name ("<name>",
    # "i <name>", its Arabic name); None otherwise, and for a locality (a village is not its
    # municipality).
    only_municipality: str | None = None
    # The place words as the places know them, however typed (a letter missing, Arabic letters).
    place_names: tuple[str, ...] = ()
    # The place counts as one of the words (`relevance_query`): on the second look at a query that
    # found nothing at all.
    place_is_a_word: bool = False
    # The municipality the reader filtered to (`kommun`; the filter keeps the county's pages too).
    filtered_to: str = ""
    # The concepts of an age taken out of the words (`without_years`): they order what matches.
    ages: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The languages the help is asked in (`languages_asked`): still words to match, and the
    # sessions given in them first among what matches.
    asked_languages: tuple[str, ...] = ()

    @property
    def own_codes(self) -> tuple[str, ...]:
        """The municipalities whose own content comes first: the one filtered to ("bankid help"
        there is its library's session, then the county's guide), or else a place the query names."""
        if self.filtered_to and self.filtered_to not in self.place_codes:
            return (self.filtered_to,)  # (the filter leaves no other municipality's pages)
        return self.place_codes


# A particle written onto a number in Arabic ("ل1177", to 1177; "وب5"): one word to the tokenizer,
# and a one-letter word no page has once apart, so it goes; other letters on a number are a word
# apart ("3م"). Letters only: the Arabic decimal and thousands separators stay in their number.
PARTICLE_ON_NUMBER = re.compile(r"(?<!\w)(?:[وف]?[بكل]|[وف])ـ?(?=\d)")
ARABIC_ON_DIGITS = re.compile(
    r"(?<=[\u0620-\u064A\u066E-\u06D3])(?=\d)|(?<=\d)(?=[\u0620-\u064A\u066E-\u06D3])"
)


def apart_from_numbers(text: str) -> str:
    """`text` with particles written onto numbers gone and other letters written apart from them."""
    return ARABIC_ON_DIGITS.sub(" ", PARTICLE_ON_NUMBER.sub("", text))


_DIGIT_OF = {normalise(word): digit for digit, words in DIGIT_WORDS.items() for word in words.split()}
_DIGIT_GAP = re.compile(r"[\s\-–]*")
# Digits typed apart ("1 1 7 7") from this many: three ("barn 2 3 4 år") are more often a list.
NUMERALS_APART_FROM = 4


def with_digits_spelt_out(text: str) -> str:
    """`text` with digits said one by one ("ett ett sju sju", "one one seven seven", "1 1 7 7",
    "واحد واحد سبعة سبعة") written as their number, from DIGITS_SPELT_FROM in a row (digits typed
    apart from NUMERALS_APART_FROM; a comma parts them: "åk 7, 8, 9"): the number a resident heard
    or reads out is the one the pages write ("1177"). Fewer stay words ("ett två veckor", "one or
    two")."""
    runs, run = [], []
    for word in WORD.finditer(text):
        digit = word.group() if len(word.group()) == 1 and word.group().isdecimal() else None
        digit = digit or _DIGIT_OF.get(normalise(word.group()))
        if digit and run and not _DIGIT_GAP.fullmatch(text, run[-1][2], word.start()):
            runs.append(run)
            run = []
        if digit:
            run.append((digit, word.start(), word.end()))
        elif run:
            runs.append(run)
            run = []
    runs.append(run)

    def is_number(run) -> bool:
        said = any(not text[start:end].isdecimal() for _digit, start, end in run)
        return len(run) >= (DIGITS_SPELT_FROM if said else NUMERALS_APART_FROM)

    for run in reversed([run for run in runs if is_number(run)]):
        text = text[: run[0][1]] + "".join(digit for digit, _start, _end in run) + text[run[-1][2] :]
    return text


def _alternatives(words: Sequence[str]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


# A number of years (`search.analysis.YEARS_AFTER_NUMBER`): "65 år", "70-åring", "80 years old",
# "age 67", "٦٥ سنة" (the number is the group's first or second).
NUMBER_OF_YEARS = re.compile(
    rf"(?<!\w)(?:(?:{_alternatives(YEARS_BEFORE_NUMBER)})\s+)?(\d{{1,3}})"
    rf"(?:\s*[-–]?\s*(?:{_alternatives(YEARS_AFTER_NUMBER)}))+(?!\w)"
    rf"|(?<!\w)(?:{_alternatives(YEARS_BEFORE_NUMBER)})\s+(\d{{1,3}})(?!\w)",
    re.IGNORECASE,
)
# What the concept of an age ("65": the elderly) adds to a page that has what is asked for.
AGE_CONCEPT = 0.5


def without_years(text: str, language: str) -> tuple[str, list[str]]:
    """`text` without the numbers of years in it, and those numbers: "pension 65 år" asks for the
    pension, at 65; as three words that must match, "65" (the elderly) and "år" put home help
    first and the pension guide fourth. A query of nothing else ("65 år", "över 65 år") keeps them."""
    numbers = [found.group(1) or found.group(2) for found in NUMBER_OF_YEARS.finditer(text)]
    if not numbers:
        return text, []
    rest = " ".join(NUMBER_OF_YEARS.sub(" ", text).split())
    if not meaningful_words(rest, language):
        return text, []
    return rest, numbers


# What the help given in the language asked for ("bankid på engelska") counts for, as the
# municipality a place names does: its sessions first among those that have what is asked for
# (the language's word still counts as one to match: "hjälp på engelska" is the sessions that say
# "English"; taken out, "hjälp" alone was every page that helps).
ASKED_LANGUAGE = 3


@lru_cache(maxsize=1)
def _languages_by_word() -> dict[str, str]:
    named = LANGUAGES_ASKED_FOR.items()
    return {text_forms.normalise(word): code for code, words in named for word in words.split()}


@lru_cache(maxsize=1)
def _help_words() -> frozenset[str]:
    return frozenset(text_forms.normalise(word) for word in ASKING_FOR_HELP)


@lru_cache(maxsize=1)
def _negations() -> frozenset[str]:
    return frozenset(text_forms.normalise(word) for word in NOT_THE_LANGUAGE)


def _forms(word: str) -> list[str]:
    """A query word as the word lists are compared with it: normalised, shortest first without
    the Arabic particles and article it may carry ("بالعربي")."""
    return sorted(_bare_forms(text_forms.normalise(word)), key=len)


def asked_language(forms: Sequence[str]) -> str | None:
    """The session language a query word (its `_forms`) names (`LANGUAGES_ASKED_FOR`), however
    written: without å/ä/ö, with Arabic particles and article ("بالعربي"), alef and taa marbuta forms."""
    by_word = _languages_by_word()
    return next((by_word[form] for form in forms if form in by_word), None)


def languages_asked(text: str, language: str) -> list[str]:
    """The session languages a query asks the help to be in ("hjälp med bankid på engelska",
    "maktaba <by> 3arabi"): a language named, not after a word that says it is not the one
    wanted ("jag kan inte engelska"); the reader's own language only with a word that asks for
    help, a course or a library ("kivra english" asks for the e-service, in English)."""
    forms = [_forms(word) for word in WORD.findall(text)]
    asks_for_help = not _help_words().isdisjoint(form for word in forms for form in word)
    codes = []
    for at, word in enumerate(forms):
        code = asked_language(word)
        if code is None or code in codes or (code == language and not asks_for_help):
            continue
        # (the word as typed, normalised: the longest of its forms)
        if any(before[-1] in _negations() for before in forms[max(0, at - 3) : at]):
            continue
        codes.append(code)
    return codes


def read_query(request, synonym_groups, places) -> ReadQuery:
    places = places or {}
    synonym_groups = frozen_groups(synonym_groups or ())
    text, place_words, place_codes, names = split_places(
        with_digits_spelt_out(apart_from_numbers(request.query)), places
    )
    text, years = without_years(text, request.language)
    rest, concepts = with_heard_words(text, synonym_groups, places, request.language)
    ages = [concept for number in years for concept in find_concepts(number, synonym_groups)[1]]
    read = ReadQuery(
        text=request.query,
        language=request.language,
        place_words=tuple(place_words),
        place_codes=tuple(place_codes),
        rest=rest,
        concepts=tuple((typed, tuple(others)) for typed, others in concepts),
        place_names=tuple(names),
        filtered_to=request.municipality,
        ages=tuple((typed, tuple(others)) for typed, others in ages),
        asked_languages=tuple(languages_asked(text, request.language)),
    )
    if (
        place_words
        and all(names_the_municipality(concept, synonym_groups) for concept in concepts)
        and all(map(is_the_municipality_word, words_beside_places(read)))
    ):
        # The municipality's whole name, however typed (without å/ä/ö, in Arabic letters), alone
        # or with the word for a municipality ("<name> kommun", "بلدية <name>", "<name> council").
        read = replace(read, only_municipality=places.get(municipality_key(names)))
        if not read.only_municipality and not concepts:
            # Other places only (a village, a district): looked for as the places know them
            # (a district with no Arabic name, typed in Arabic letters, as its pages write it).
            read = replace(read, rest=" ".join(names))
    return read


def names_the_municipality(concept: tuple[str, Sequence[str]], groups) -> bool:
    """The concept is the word for a municipality: its group (whole, however many terms it has) has
    the municipality type's name in the source language, as each language's group does (readers mix
    the languages)."""
    terms = _municipality_terms(frozen_groups(groups))
    typed, others = concept
    return any(fold(term.lower()) in terms for term in (typed, *others))


@lru_cache(maxsize=8)
def _municipality_terms(groups: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """Every term, folded, of the groups that have the word for a municipality."""
    return frozenset(
        fold(term.lower()) for group in groups if any(map(is_the_municipality_word, group)) for term in group
    )


@lru_cache(maxsize=1)
def _municipality_word() -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return fold(str(MUNICIPALITY.label).lower())


def is_the_municipality_word(word: str) -> bool:
    """The municipality type's name in the source language, also with its article or genitive."""
    name = _municipality_word()
    return fold(word.lower()) in (name, f"{name}en", f"{name}s", f"{name}ens")


def words_beside_places(read: ReadQuery) -> list[str]:
    """The query's other words: not stop or question words, nor place names. (When every word is a
    place, `rest` is the whole query, or the places as the places know them: `read_query`.)"""
    places = {word.lower() for word in (*read.place_words, *read.place_names)}
    return [w for w in meaningful_words(read.rest, read.language) if w.lower() not in places]


def asks_beside_places(read: ReadQuery) -> bool:
    """The query names a place and asks for something there ("qwxzvkj i <by>")."""
    return bool(read.place_words) and bool(read.concepts or words_beside_places(read))


def relevance_query(read: ReadQuery, minimum: str = STRICT, typos: bool = False) -> dict:
    """What must match, and the cheap preferences that decide which documents reach the rescore
    window: the words and their synonyms (each concept and the other words as units), and a place
    named in the query. Type weights, freshness and phrases are applied to the top of the list
    only (`rescore`)."""
    rest = read.rest
    # Each concept and the other words (as one unit) must match, or most of them for long queries.
    # Words the analysers drop (stop and question words: "på", "hur", "how do i") are no unit: a
    # unit that matched every document would lower the bar for the real ones.
    units = [_concept_query(typed, others, wider=typos) for typed, others in read.concepts]
    meaningful = meaningful_words(rest, read.language)
    if rest and (meaningful or not units):
        readings = [_text_query(rest, minimum, typos=typos, meaningful=meaningful)]
        joined = joined_variant(" ".join(meaningful))
        if joined:  # people split words that are written together: "bank id"
            readings.append(_words_query(joined, "1", JOINED_FIELDS, boost=0.9))
        if read.only_municipality:
            # Only a municipality ("i <name>"): its content, also where it is written in another
            # script or language (its Arabic name, where its untranslated pages have the Swedish).
            place = {"term": {"municipalities": read.only_municipality}}
            readings.append({"constant_score": {"filter": place, "boost": 0.1}})
        shortest = NAME_SOUND_SKELETON_ON_SECOND_LOOK if typos else NAME_SOUND_SKELETON
        if sounds := typed_name_sounds(read, shortest):
            # A Latin name typed in Arabic letters: the document so named matches by its sound.
            readings.append(_heard_names(sounds))
        units.insert(0, {"dis_max": {"queries": readings, "tie_breaker": 0.1}})
    # A place named: its pages, first those named after it (every page of a municipality lists
    # its villages among its places).
    named_place = _multi_match(
        " ".join(read.place_names or read.place_words), ["places^2", "places.folded^2", "title.folded^3"]
    )
    if read.place_is_a_word:
        # What is asked for in a place matched nothing ("qwxzvkj i <by>"), while the place has
        # pages: those, said to be for some of the words.
        units.append(named_place)
    if not units:  # nothing that can match (no words): no hits, never every document
        units = [{"match_none": {}}]
    should = []
    if read.own_codes:
        should.append(
            {"constant_score": {"filter": {"terms": {"municipalities": list(read.own_codes)}}, "boost": 5}}
        )
    if read.place_codes:
        should.append(named_place)
    for typed, others in read.ages:
        # Who asks ("65": the elderly): among the pages that have what is asked for, theirs first.
        age = _concept_query(typed, others)
        age["dis_max"]["boost"] = AGE_CONCEPT
        should.append(age)
    # Only sessions carry a last occurrence: a series that has ended is not offered any more.
    # Written as "not ended" rather than "no last occurrence, or one ahead": the same documents,
    # but the node checks the few sessions instead of walking every page without the field.
    today = timezone.localdate().isoformat()
    upcoming_only = {"bool": {"must_not": [{"range": {"last_occurrence": {"lt": today}}}]}}
    query = {
        "bool": {
            "must": [{"bool": {"should": units, "minimum_should_match": minimum}}],
            "filter": [upcoming_only],
        }
    }
    if should:
        query["bool"]["should"] = should
    return query


def _heard_names(sounds: list[str]) -> dict:
    return {"constant_score": {"filter": {"terms": {"heard": sounds}}, "boost": HEARD_NAME}}


def best_field_only(query):
    """The same query with every tie breaker at 0: each group of fields scores by its best field.

    Which documents match does not change, only their first scores. The node can then skip the
    matches that cannot reach the rescore window (block-max WAND); with tie breakers it scored
    every match, which on a large index cost twice as much. The window is scored again with the
    query as written (`rescore`), so the order shown is that of the full score."""
    if isinstance(query, dict):
        return {key: 0.0 if key == "tie_breaker" else best_field_only(value) for key, value in query.items()}
    if isinstance(query, list):
        return [best_field_only(value) for value in query]
    return query


def rescore(
    read: ReadQuery,
    window: int,
    exact: dict | None = None,
    prefer: dict | None = None,
    typos: bool = False,
) -> list[dict]:
    """The costly preferences, over the top `window` documents only (not every match): words found
    close together (a phrase) add to the score, which is then multiplied by the document's type
    weight (a guide above a plain page), by 3 for the municipality a place in the query names (or
    else the one filtered to), and by a mild freshness decay. With
    `exact` (the query with its tie breakers, when the first pass was `best_field_only`), the
    score the phrase adds to is that query's, not the first pass's."""
    phrase = _multi_match(read.text, PHRASE_FIELDS, type="phrase", slop=3, boost=3)
    if (
        read.language != settings.LANGUAGE_CODE
        and len(read.concepts) == 1
        and not read.place_words
        and not words_beside_places(read)
    ):
        # A reader of a translation asks for one concept and nothing else: a page whose title or
        # summary says another of its terms (also as part of a Swedish compound) gets a fixed
        # amount. A page nobody has translated says "bibliotek" or "stadsbibliotek" where an
        # English reader typed "library", and was put below every page that mentions a library in
        # passing. Fixed, because scored like the words typed a rarer term ("internet" for
        # "broadband") outscored the page the query names, and the decompounded fields count a
        # word several times. (In the source language every page has its own words; with a
        # place, its own pages decide: "<name> kommun" is the municipality, not every page that
        # says "municipality".)
        others = [
            {"constant_score": {"filter": _multi_match(other, fields, type="phrase"), "boost": boost}}
            for other in read.concepts[0][1]
            for fields, boost in OTHER_TERM_PHRASE
        ]
        phrase = {"dis_max": {"queries": [phrase, *others]}}
    functions = [{"field_value_factor": {"field": "type_weight", "missing": 1}}]
    if read.own_codes:
        # A place named in the query, or the municipality filtered to: its own content first,
        # regional content next.
        functions.append({"filter": {"terms": {"municipalities": list(read.own_codes)}}, "weight": 3})
    if read.asked_languages:
        functions.append(
            {"filter": {"terms": {"session_languages": list(read.asked_languages)}}, "weight": ASKED_LANGUAGE}
        )
    if read.only_municipality:
        # Only a municipality's name, however spelt (in Arabic letters): its start page first, as
        # that page's whole title would put it when spelt as the page has it.
        start_page = [
            {"term": {"municipalities": read.only_municipality}},
            {"term": {"type": MUNICIPALITY.name}},
        ]
        functions.append({"filter": {"bool": {"filter": start_page}}, "weight": WHOLE_TITLE})
    # The query is a page's whole title ("bredband" and the section called "Bredband"): that page.
    # On the second look, typos allowed, also with one letter wrong, the first right ("bredand",
    # "conact", "digtal hjälp"): among typo matches the page so named would otherwise drown. Not
    # two: the automaton for two edits of a long query cost the node 3–6 ms, even on the demo.
    # Question and stop words aside, too ("hur bredband", "how do i broadband"), or with them ("så
    # får du fiber" is a title).
    meaningful = meaningful_words(read.text, read.language)
    asked = [read.text, " ".join(meaningful)]
    if read.place_words and not read.place_codes:
        # Only the county named ("bredband i länet"): the rest is the title asked for.
        named = {word.lower() for word in read.place_words}
        asked.append(" ".join(w for w in meaningful if w.lower() not in named))
    asked = [t for t in dict.fromkeys(asked) if t]
    wholes = [
        {"match": {"title.whole": {"query": text, "fuzziness": 1, "prefix_length": 1}}}
        if typos and len(text) >= MIN_TYPO_TITLE
        else {"match": {"title.whole": text}}
        for text in asked
    ]
    if wholes:
        functions.append({"filter": {"bool": {"should": wholes}}, "weight": WHOLE_TITLE})
    functions.append(
        {
            "gauss": {
                "last_published": {
                    "origin": timezone.now().isoformat(),
                    "scale": "365d",
                    "offset": "90d",
                    "decay": 0.8,
                }
            },
            "weight": 1,
        }
    )
    scored = [phrase] if exact is None else [exact, phrase]
    if prefer is not None:
        # The answer of "any of the words": those that have (nearly) all of them come first.
        scored.append({"constant_score": {"filter": prefer, "boost": PREFERRED}})
    return [
        {
            "window_size": window,
            "query": {
                "rescore_query": {"bool": {"should": scored}} if len(scored) > 1 else phrase,
                # The first pass's score is kept, or replaced by the full score.
                "query_weight": 1 if exact is None else 0,
                "rescore_query_weight": 1,
                "score_mode": "total",
            },
        },
        {
            "window_size": window,
            "query": {
                "rescore_query": {
                    "function_score": {
                        "functions": functions,
                        "score_mode": "multiply",
                        "boost_mode": "replace",
                    }
                },
                "query_weight": 1,
                "rescore_query_weight": 1,
                "score_mode": "multiply",
            },
        },
    ]


def search_bodies(
    request, read: ReadQuery, minimum: str = STRICT, typos: bool = False, split: bool = True
) -> list[dict]:
    """The request bodies of one search: the query, filters, facets, highlights and the page.

    On a large index (`split`), two, sent together (`_msearch`) and answered at once:
    * hits: the best page of matches, rescored and highlighted; it does not count them, so the
      node can skip the matches that cannot reach the rescore window (`best_field_only`);
    * counts: how many match and the facets, exactly, over every match but without scoring any
      (a filter), which is cheap.
    On a small index, one: every match scored in full, counted and faceted (the node has little to
    skip, and one request costs less than two). Both give the same total and facets, and the same
    hits in the same order whenever the best 300 by first score hold the page's hits (always on an
    index of up to 300 matches per shard; beyond, a page the full score would have put on the page
    can be missed, as with any rescore window: docs/search-log.md measures how often).
    """
    start = (request.page - 1) * request.page_size
    query = relevance_query(read, minimum, typos)
    hits = {
        "query": best_field_only(query) if split else query,
        "rescore": rescore(
            read,
            max(RESCORE_WINDOW, start + request.page_size),
            exact=query if split else None,
            # Any of the words: those with (nearly) every word, typos allowed, first.
            prefer=relevance_query(read, STRICT, typos) if minimum != STRICT else None,
            typos=typos,
        ),
        "_source": SHOWN_FIELDS,
        "from": start,
        "size": request.page_size,
        "track_total_hits": not split,
        "highlight": {
            "encoder": "html",
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "fragment_size": 160,
            "number_of_fragments": 1,
            "highlight_query": _multi_match(request.query, list(HIGHLIGHT_FIELDS)),
            "fields": {field: {} for field in HIGHLIGHT_FIELDS},
        },
    }
    counts = {"query": {"constant_score": {"filter": query}}, "size": 0, "track_total_hits": True}
    facet_filters = {
        "typ": {"terms": {"type": request.types}} if request.types else None,
        "kommun": {"terms": {"municipalities": [request.municipality, REGION]}}
        if request.municipality
        else None,
        "amne": {"terms": {"topics": request.topics}} if request.topics else None,
    }
    active = [f for f in facet_filters.values() if f is not None]
    if active:
        hits["post_filter"] = counts["post_filter"] = {"bool": {"filter": active}}
    aggs = {}
    for name, field in FACETS.items():
        others = [f for key, f in facet_filters.items() if f is not None and key != name]
        terms = {"terms": {"field": field, "size": 50}}
        if others:
            aggs[name] = {"filter": {"bool": {"filter": others}}, "aggs": {"values": terms}}
        else:  # no other filter to respect: a plain terms aggregation is enough
            aggs[name] = terms
    if not split:
        hits["aggs"] = aggs
        return [hits]
    counts["aggs"] = aggs
    return [hits, counts]


# How many documents each language's index holds, as last counted: (when, how many).
_index_sizes: dict[str, tuple[float, int]] = {}
INDEX_SIZE_SECONDS = 300


def is_large(es, index: str) -> bool:
    """Whether the index holds SEARCH_SPLIT_FROM documents or more (counted every five minutes
    in each process: one round trip, and an index grows slowly)."""
    now = time.monotonic()
    known = _index_sizes.get(index)
    if known is None or now - known[0] > INDEX_SIZE_SECONDS:
        known = _index_sizes[index] = (now, es.count(index=index)["count"])
    return known[1] >= settings.SEARCH_SPLIT_FROM


def _search(es, index: str, bodies: list[dict], place_pages: ReadQuery | None = None) -> dict:
    """One search's answer, whether asked in one body or in two (hits and counts, sent together).
    An error in either is raised as the client raises it for a single search (the breaker reads
    its status). With `place_pages` (a query that names a place), the best page of the place's own
    matches is asked for alongside, in the same round trip (`place_pages_body`), and is in the
    answer as "place_pages"."""
    if len(bodies) == 1 and place_pages is None:
        return es.search(index=index, body=bodies[0])
    also = [place_pages_body(bodies[0], place_pages)] if place_pages is not None else []
    # The parts on the same copies of the shards, so the count is of the hits' own index state.
    header = {"index": index, "preference": secrets.token_hex(8)}
    answers = _msearch(es, [line for body in (*bodies, *also) for line in (header, body)])
    hits = answers[0]
    if len(bodies) == 2:
        hits["hits"]["total"] = answers[1]["hits"]["total"]
        hits["aggregations"] = answers[1]["aggregations"]
    if also:
        hits["place_pages"] = answers[-1]["hits"]["hits"]
    return hits


def _place_pages_first(es, index, request, read, response: dict, split: bool) -> tuple[dict, bool]:
    """`response` with the place's own best pages (any of the words, typos allowed) first on its
    page of hits, then the county's and other pages of it in their order, other municipalities'
    last; and whether a page with only some of the words is shown (`partial`). One round trip."""
    bodies = search_bodies(request, read, "1", typos=True, split=split)
    own = _search(es, index, [place_pages_body(bodies[0], read)])["hits"]["hits"]
    first = response["hits"]["hits"]
    ids = {hit["_id"] for hit in first}
    added = [hit for hit in own if hit["_id"] not in ids]
    hits = place_and_county_first(added + first, read)[: request.page_size]
    response["hits"]["hits"] = hits
    shown = {hit["_id"] for hit in hits}
    return response, any(hit["_id"] in shown for hit in added)


def place_pages_body(hits: dict, read: ReadQuery) -> dict:
    """The hits body of a search, for the place's own pages only: its best page of them (neither
    counted nor faceted). Every other municipality's pages had outscored them ("lära swish på
    biblioteket i <kommun>": eleven libraries' Swish sessions elsewhere, the place's library
    twelfth), and a preference for the place's pages put the pages of every municipality (an
    e-service with a link for each) before the place's own library."""
    place = {"terms": {"municipalities": list(read.own_codes)}}
    body = {key: value for key, value in hits.items() if key not in ("aggs", "from")}
    body["query"] = {"bool": {"must": [hits["query"]], "filter": [place]}}
    body["track_total_hits"] = False
    return body


def _msearch(es, lines: list[dict]) -> list[dict]:
    """The answers of one `_msearch`. An error in any part is raised as the client raises it for a
    single search (the breaker reads its status), "not there" (502–504) first: the breaker must hear
    of it even if another part was refused."""
    answers = es.msearch(body=lines)["responses"]
    failed = sorted(
        (answer for answer in answers if "error" in answer),
        key=lambda answer: answer.get("status") not in UNREACHABLE_STATUSES,
    )
    if failed:
        status, error = failed[0].get("status", 500), failed[0]["error"]
        kind = error.get("type", "") if isinstance(error, dict) else str(error)
        raise HTTP_EXCEPTIONS.get(status, TransportError)(status, kind, failed[0])
    return answers


def spelling_body(request) -> dict:
    """Only the phrase suggester: asked for when a query finds few hits."""
    return {
        "size": 0,
        "track_total_hits": False,
        "suggest": {
            "spelling": {
                "text": request.query,
                "phrase": {
                    "field": "title.trigram",
                    "size": 1,
                    "gram_size": 3,
                    "max_errors": 2,
                    "confidence": 1.0,
                    "direct_generator": [
                        {"field": "title.trigram", "suggest_mode": "always", "min_word_length": 4}
                    ],
                },
            }
        },
    }


# Where no place is asked for, the first hits show at most this many local pages of one type (the
# same kind of page for other municipalities): "internet på landsbygden" showed three
# municipalities' broadband pages and the guides after them.
SAME_LOCAL_TYPE_ON_TOP = 2
TOP = 3


def varied(hits: list[dict], read: ReadQuery, request) -> list[dict]:
    """The first page with some variety at its top: a local page of a type already shown twice
    there waits until another kind of page has been shown. Only the order within the page changes
    (no hit moves to another page), and only when the query names no place and no filter is set: a
    resident who asked for a place, or filtered on help sessions, gets them as ranked."""
    if read.place_codes or request.municipality or request.types or request.page != 1:
        return hits
    top, waiting, shown = [], [], {}
    for at, hit in enumerate(hits):
        if len(top) == TOP:
            return top + waiting + hits[at:]
        kind = hit.get("type", "")
        local = REGION not in (hit.get("municipalities") or [REGION])
        if local and shown.get(kind, 0) >= SAME_LOCAL_TYPE_ON_TOP:
            waiting.append(hit)
            continue
        shown[kind] = shown.get(kind, 0) + 1
        top.append(hit)
    return top + waiting


def _hits(response: dict, language: str) -> list[dict]:
    hits = []
    for hit in response["hits"]["hits"]:
        source, highlights = hit["_source"], hit.get("highlight", {})
        # A snippet's body is only there to be found by (an operator's Swedish description in the
        # English index): its hit shows its summary, never a fragment of that body.
        shown = HIGHLIGHT_FIELDS[:1] if source.get("type") in SNIPPET_TYPES.values() else HIGHLIGHT_FIELDS
        fragments = next((highlights[f] for f in shown if highlights.get(f)), [""])
        hits.append(shown_hit(source, language, highlight=fragments[0], doc_id=hit["_id"]))
    return hits


def shown_hit(source: dict, language: str, highlight: str = "", doc_id: str = "") -> dict:
    """What a hit shows of a document (the engine's `_source`, or a document built for the database
    fallback): the fields of the API's answer, and the engine's id of the document when there is one."""
    hit = {
        "title": source.get("title", ""),
        "url": source.get("url", ""),
        "type": source.get("type", ""),
        "municipalities": list(source.get("municipalities") or []),
        "topics": list(source.get("topics") or []),
        "summary": source.get("summary") or "",
        "highlight": highlight,
        "language": source.get("language") or language,
    }
    if doc_id:
        hit["id"] = doc_id
    return hit


def _facets(response: dict) -> dict:
    facets = {}
    for name in FACETS:
        agg = response["aggregations"][name]
        buckets = agg["values"]["buckets"] if "values" in agg else agg["buckets"]
        facets[name] = {bucket["key"]: bucket["doc_count"] for bucket in buckets}
    return facets


def _suggestion(response: dict, request, places, found: bool, typed_places=(), known=()) -> str | None:
    spelling = response.get("suggest", {}).get("spelling") or [{}]
    options = spelling[0].get("options") or []
    if not options:
        return None
    candidate = options[0]["text"]
    # The place words as typed are place names too (a name misspelt, or in Arabic letters).
    names = set(places) | {word.lower() for word in typed_places}
    # Nor is a stop or question word misspelt: "how many" is not "how mean"; nor a word of a synonym
    # the query has (`known`): "feber" (a fever: a sick child) is no "fiber" the pages say more often.
    never_corrected = names | stop_words(request.language) | {word.lower() for word in known}
    if candidate.lower() == request.query.lower():
        return None
    if changes_a_word_of(request.query, candidate, never_corrected):
        return None
    if found and brings_a_place_name(request.query, candidate, names):
        return None  # a query that found something is no misspelt place name
    return candidate


def misses_the_place(response: dict, read: ReadQuery) -> bool:
    """The query names a municipality or a village and none of the pages found is of it: "is there
    fast internet in <municipality>" found two regional guides, which have every word, and never
    the municipality's broadband page, which has some of them. Read from the municipalities'
    facet (every match, whatever the page asked for), and of the municipality filtered to when
    there is one (the filter leaves the place's pages out)."""
    if not read.place_codes:
        return False
    counts = _facets(response)["kommun"]
    return not any(counts.get(code) for code in read.own_codes)


def found_elsewhere(response: dict) -> bool:
    """The first hits are all other municipalities' pages, none the county's: "lära swish på
    biblioteket i <kommun>" found the Swish sessions of eleven libraries elsewhere, and not the
    place's library. (The county's guides, first, answer for every place: "no bars on my phone in
    <kommun>" is the coverage guide's.) Called when no page found is of the place named."""
    first = response["hits"]["hits"][:FOUND_ELSEWHERE_FIRST]
    return (
        bool(first)
        and not any(map(of_the_county, first))
        and all(hit["_source"].get("municipalities") for hit in first)
    )


def place_and_county_first(hits: list[dict], read: ReadQuery) -> list[dict]:
    """`hits` with the place's and the county's pages first, other municipalities' last, each in
    their order: the place named rules those out."""
    return sorted(hits, key=lambda hit: not (of_the_place(hit, read) or of_the_county(hit)))


def of_the_place(hit: dict, read: ReadQuery) -> bool:
    return not set(read.own_codes).isdisjoint(hit["_source"].get("municipalities") or ())


def of_the_county(hit: dict) -> bool:
    return REGION in (hit["_source"].get("municipalities") or ())


def query_units(read: ReadQuery) -> int:
    """How many things a query asks for: each concept, and each other word that is not a stop or
    question word or a place name (a query of place names alone asks for one: its places)."""
    words = words_beside_places(read)
    return max(len(read.concepts) + len(words), 1 if read.place_words else 0)


def few_hits(read: ReadQuery) -> int:
    """How many hits or fewer make a query worth a second look (any of its words, typos allowed)
    and a spelling suggestion. A query that asks for several things (`query_units`) and that two
    pages have (nearly) all of is answered by them, in one round trip: of three words or more, about
    70 % must match in the first round (`STRICT`), so a misspelt word among them is then neither
    looked for again nor corrected. A query of one word found on three pages or fewer may be a
    misspelling that a few pages share, or a rare word with a commoner neighbour, and is looked at
    again."""
    return TOO_FEW_FOR_ONE_WORD if query_units(read) <= 1 else TOO_FEW_FOR_WORDS


# A word run together from two ("movinghouse", "openinfra") is looked for written apart from this
# many letters on, each part of at least so many, at most so many ways per query.
RUN_TOGETHER_FROM = 6
RUN_TOGETHER_UP_TO = 30
RUN_TOGETHER_PART = 3
MAX_RUN_TOGETHER = 24
# Languages that write a compound as one word: there a word found nowhere, one part of which is
# found ("gruvdagen": "dagen"), is most likely a compound of something the site does not have, not
# two words run together; it is written apart only when both parts are found.
WRITES_COMPOUNDS = frozenset({"sv"})


def run_query(request, synonym_groups: list[list[str]], places: dict[str, str]) -> EngineResult:
    """The answer to the query as typed, or, when no word of it is found at all (not even with a
    typo, not even a place's pages), to the query a resident most likely meant: the spelling
    suggestion ("frejaeid" → "freja eid"), or else a word run together written apart
    (`written_apart_of`: "movinghouse" → "moving house"), or else, in the Arabic search, Arabic in
    Latin letters read with short skeletons too ("rawda" → "روضة"). Such an answer says so
    (`corrected`: "Visar träffar för …") instead of a dead end behind a "did you mean" link. Only a
    query that found nothing pays for it: one `_msearch` of counts for the ways to write its words
    apart and a search (without a spelling suggester) of each reading tried; a query that a filter
    leaves without hits (the facets count hits beside it) is answered as it is: the filter, not the
    words, found nothing."""
    result = answer_query(request, synonym_groups, places)
    if result.total or not request.query:
        return result
    if any(count for counts in result.facets.values() for count in counts.values()):
        return result
    try:
        instead = answer_instead(request, result.suggestion, synonym_groups, places)
        if instead is None:
            # The suggestion, if any, finds nothing either: no "did you mean" that leads nowhere.
            result = replace(result, suggestion=None)
            instead = answer_instead(request, written_apart_of(request, places), synonym_groups, places)
        if instead is None:
            # A word no page has, a letter or two from a word the vocabulary has ("kindergarden"):
            # the engine's spelling reads the pages, which never say "kindergarten".
            spelt = vocabulary_spelling(request.query, synonym_groups, request.language)
            instead = answer_instead(request, spelt, synonym_groups, places)
        if instead is None and request.language == "ar":
            # Arabic in Latin letters whose words are short skeletons ("alyaf", "rawda"): too many
            # words' sounds to be read so in a query that finds something.
            read = arabizi_words(request.query, synonym_groups, places, found_nothing=True)
            instead = answer_instead(request, _with_terms(request.query, read), synonym_groups, places)
    except TransportError as exc:
        if is_unreachable(exc):
            raise  # the node is down or slow (a connection error, a 502, 503, 504): the breaker must hear
        instead = None  # a reading the node refuses costs the reading, not the answer
    return instead or result


# A word is read as a term of the vocabulary from this many letters, when this alike (difflib's
# ratio: one letter wrong in ten is 0.9) and with the same first letter.
VOCABULARY_SPELLING_FROM = 5
VOCABULARY_SPELLING_ALIKE = 0.84


@lru_cache(maxsize=16)
def _vocabulary_words(groups: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    """Every word of every term of the synonym groups, normalised, long enough to be corrected to."""
    words = {normalise(word) for group in groups for term in group for word in WORD.findall(term)}
    return tuple(sorted(word for word in words if len(word) >= VOCABULARY_SPELLING_FROM))


def vocabulary_spelling(query: str, synonym_groups, language: str) -> str | None:
    """The query with each word that is a letter or two from a word of the vocabulary (the synonym
    groups: what editors say residents type) written as the vocabulary writes it, or None when no
    word changes. For a query that found nothing at all: "kindergarden" is no page's word, and the
    engine's suggestions come from the pages, so nothing read it as "kindergarten"."""
    vocabulary = _vocabulary_words(frozen_groups(synonym_groups or ()))
    known, dropped = set(vocabulary), stop_words(language)
    changed, words = False, []
    for word in WORD.findall(query):
        typed = normalise(word)
        if len(typed) < VOCABULARY_SPELLING_FROM or typed in known or word.lower() in dropped:
            words.append(word)
            continue
        alike = [
            term
            for term in difflib.get_close_matches(typed, vocabulary, n=3, cutoff=VOCABULARY_SPELLING_ALIKE)
            if term[0] == typed[0]
        ]
        changed |= bool(alike)
        words.append(alike[0] if alike else word)
    return " ".join(words) if changed else None


def answer_instead(request, query: str | None, synonym_groups, places) -> EngineResult | None:
    """The answer to `query` in place of the one typed, or None when it finds nothing either."""
    if not query or query.lower() == request.query.lower():
        return None
    # No spelling suggestion for it (the costliest part, and it would not be shown).
    instead = answer_query(replace(request, query=query), synonym_groups, places, spelling=False)
    return replace(instead, suggestion=None, corrected=query) if instead.total else None


def run_together_splits(query: str, never: AbstractSet[str]) -> list[tuple[str, str, str]]:
    """The ways to write one long word of the query apart in two: (the query so written, first part,
    second part). Place names and stop and question words are never split; a number neither."""
    words = WORD.findall(query)
    ways = []
    for at, word in enumerate(words):
        if not RUN_TOGETHER_FROM <= len(word) <= RUN_TOGETHER_UP_TO or word.lower() in never:
            continue
        if any(letter.isdigit() for letter in word):
            continue
        for cut in range(RUN_TOGETHER_PART, len(word) - RUN_TOGETHER_PART + 1):
            first, second = word[:cut], word[cut:]
            ways.append((" ".join([*words[:at], first, second, *words[at + 1 :]]), first, second))
    return ways[:MAX_RUN_TOGETHER]


def written_apart_of(request, places: dict[str, str]) -> str | None:
    """The query with a word run together written apart: of the ways to cut it, the one whose found
    parts (a page has the word, and it is no stop or question word) are the longest, both parts
    before one ("freja eid"), one part before none ("moving house", where no page says "house"), and
    never when what is found is half the word or less ("asdfghj" + "use", "min" + "ing"); in a
    language that writes compounds as one word, both parts (`WRITES_COMPOUNDS`). One
    `_msearch` asks whether each part is found at all (`terminate_after`: one page is enough), so it
    costs as little on a large index as on the demo."""
    ways = run_together_splits(request.query, set(places) | stop_words(request.language))
    if not ways:
        return None
    parts = list(dict.fromkeys(part for _query, first, second in ways for part in (first, second)))
    header = {"index": alias_name(request.language)}
    lines = []
    for part in parts:
        body = {"size": 0, "terminate_after": 1, "track_total_hits": 1, "query": _words_query(part, "100%")}
        lines += [header, body]
    answers = _msearch(client(), lines)
    # A stop or question word is on every page and says nothing ("mining" is no "min" + "ing").
    never_found = _stop_words_of_every_language()
    found = {
        part
        for part, answer in zip(parts, answers, strict=False)  # (one not answered: not found)
        if answer.get("hits", {}).get("total", {}).get("value") and part.lower() not in never_found
    }

    def found_letters(way):
        _query, first, second = way
        return sum(len(part) for part in (first, second) if part in found)

    if request.language in WRITES_COMPOUNDS:
        ways = [way for way in ways if way[1] in found and way[2] in found]
    if not ways:
        return None
    best = max(ways, key=found_letters)
    return best[0] if found_letters(best) * 2 > len(best[1] + best[2]) else None


def answer_query(
    request, synonym_groups: list[list[str]], places: dict[str, str], spelling: bool = True
) -> EngineResult:
    """One round trip for most queries; a second only when there are few hits (see the module doc).

    The bodies are sent with the low-level client and the answers read as plain dicts (the DSL's
    response objects cost more than the rest of the parsing), with only the fields shown.
    """
    es, index = client(), alias_name(request.language)
    read = read_query(request, synonym_groups, places)
    split = is_large(es, index)
    response = _search(es, index, search_bodies(request, read, split=split))
    partial = False
    total = response["hits"]["total"]["value"]
    few = few_hits(read)
    missed = misses_the_place(response, read)
    place_missed = missed and total <= PLACE_MISSED_UP_TO
    # Only other municipalities' pages first: the place's own pages, whichever words they have,
    # are the answer, not those (a county's guide first answers for every place).
    elsewhere = missed and request.page == 1 and found_elsewhere(response)
    if elsewhere and not place_missed:
        # More than a page, none the place's: the answer stays the first one (its count, facets
        # and later pages); only its first page gets the place's best pages first.
        response, partial = _place_pages_first(es, index, request, read, response, split)
    # Else the place's best pages are asked for alongside the second look.
    with_place_pages = elsewhere and place_missed
    if total <= few or place_missed:
        # Too few, or a few that all miss the place asked for: one more round trip, any of the
        # words with typo tolerance (which also finds every word with a typo in it).
        bodies = search_bodies(request, read, "1", typos=True, split=split)
        any_word = _search(es, index, bodies, place_pages=read if with_place_pages else None)
        nothing = any_word["hits"]["total"]["value"] == 0
        if asks_beside_places(read) and (nothing or (place_missed and misses_the_place(any_word, read))):
            # Still nothing, or nothing of the place named ("ny i <kommun>" found four courses
            # elsewhere that say "nybörjare"): its pages, the place as one of the words (a third
            # round trip, for what would else be a dead end).
            read = replace(read, place_is_a_word=True)
            bodies = search_bodies(request, read, "1", typos=True, split=split)
            any_word = _search(es, index, bodies, place_pages=read if with_place_pages else None)
        if any_word["hits"]["total"]["value"] > total:
            # The pages with (nearly) every word first, then the best of the others: never an
            # (almost) empty page while other pages match some of the words (or match with a typo).
            first = response["hits"]["hits"]
            seen = {hit["_id"] for hit in first}
            # The place's own best pages (asked for alongside: `_search`), then the rest.
            extra = [*any_word.get("place_pages", ()), *any_word["hits"]["hits"]]
            extra = [hit for hit in extra if hit["_id"] not in seen and not seen.add(hit["_id"])]
            hits = first + extra
            if place_missed:
                # The place's own pages first (they have some of the words, or the place as one),
                # then the county's with (nearly) every word, and other municipalities' pages last,
                # whatever words they have: the place named rules them out ("ny i <kommun>" found
                # four courses elsewhere that say "nybörjare"; "internet connection <kommun>" the
                # county's guides, its broadband page fourth).
                own = [hit for hit in extra if of_the_place(hit, read)]
                hits = place_and_county_first(own + first + [hit for hit in extra if hit not in own], read)
            hits = hits[: request.page_size]
            any_word["hits"]["hits"] = hits
            # With one word (a place aside), the others are that word with a typo, not "some of
            # the words", unless the place's pages were looked for as a word of their own.
            added = {hit["_id"] for hit in extra}
            partial = any(hit["_id"] in added for hit in hits) and (
                query_units(read) > 1 or read.place_is_a_word
            )
            response = any_word
            total = response["hits"]["total"]["value"]
    suggestion = None
    if total <= few and spelling:
        # Still few: the spelling suggestion (a phrase suggester, the costliest part of a search),
        # only now, when it is shown; a failing suggester costs the suggestion, not the answer.
        try:
            suggested = es.search(index=index, body=spelling_body(request))
            suggestion = _suggestion(
                suggested,
                request,
                places,
                found=total > 0,
                typed_places=read.place_words,
                known=[word for typed, _others in read.concepts for word in WORD.findall(typed)],
            )
        except TransportError as exc:
            if is_unreachable(exc):
                raise  # the node is down or slow: the breaker must hear of it
            suggestion = None
    return EngineResult(
        total=total,
        hits=varied(_hits(response, request.language), read, request),
        facets=_facets(response),
        suggestion=suggestion,
        partial=partial,
    )


def changes_a_word_of(original: str, suggestion: str, words: AbstractSet[str]) -> bool:
    """True when the suggestion changes a word of `words`: place names and stop and question words
    are never 'corrected'."""
    before = WORD.findall(original.lower())
    after = WORD.findall(suggestion.lower())
    changed = set(before) - set(after)
    return any(word in words for word in changed)


def brings_a_place_name(original: str, suggestion: str, place_names: set[str]) -> bool:
    """True when the suggestion puts in a place name that was not typed."""
    before = set(WORD.findall(original.lower()))
    return any(word in place_names for word in set(WORD.findall(suggestion.lower())) - before)


def run_autocomplete(language: str, text: str, size: int = 8) -> list[dict]:
    """Titles that start with what has been typed, best first: one small query per keystroke.

    Only the dedicated search-as-you-type field (`title_suggest`, with its 2- and 3-word shingles
    and edge n-grams of the last word), only four stored fields back (and only they are parsed:
    `filter_path`), no total count, no highlighting and no phrase suggester; it waits at most
    `OPENSEARCH_SUGGEST_TIMEOUT`.
    """
    body = {
        "query": {
            "multi_match": {
                "query": text,
                "type": "bool_prefix",
                "fields": ["title_suggest", "title_suggest._2gram", "title_suggest._3gram"],
            }
        },
        "_source": ["title", "url", "type", "language"],
        "size": size,
        "track_total_hits": False,
    }
    response = client(settings.OPENSEARCH_SUGGEST_TIMEOUT).search(
        index=alias_name(language), body=body, filter_path=["hits.hits._source", "hits.hits._id"]
    )
    return [
        {
            "title": hit["_source"]["title"],
            "url": hit["_source"]["url"],
            "type": hit["_source"]["type"],
            "language": hit["_source"].get("language") or language,
            "id": hit["_id"],
        }
        for hit in response.get("hits", {}).get("hits", [])
    ]
