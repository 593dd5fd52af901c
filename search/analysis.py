"""Text analysis per language, written with opensearch-py's DSL.

Swedish: standard tokens (a dot between two letters splits a word: "verksamt.se"), lower case,
Swedish stop words, a dictionary decompounder with the word list in
search/wordlists/sv_compounds.txt (so *bredbandsstöd* matches *stöd* and *bredband*), and the
Swedish snowball stemmer. A `folded` sub-field also folds å/ä/ö to a/a/o so *bredbandsstod* finds
*bredbandsstöd*. English and Arabic get their own stop words, normalisation and stemmers; Arabic
letter forms are normalised (alef with hamza or madda, taa marbuta, alef maqsura, diacritics and
tatweel: `arabic_normalization`) before the light stemmer (`arabic_stem`), and Eastern Arabic digits
become 0–9. Swedish pages that have no translation are also indexed in the English and Arabic
indexes, so those languages' `folded` fields also split Swedish compounds. The `plain` field (typos)
and the shingles ("did you mean") normalise Arabic the same way in every index.

Synonyms are not in the analysis chain: they come from the editor-managed `Synonym` snippet and are
expanded when the query is built (search/opensearch_query.py), so an editor's change works at once,
with no re-index.
"""

import unicodedata
from functools import cache
from pathlib import Path

from opensearchpy import analyzer, char_filter, token_filter

from core.text import normalise

WORDLISTS = Path(__file__).parent / "wordlists"
WORDLIST = WORDLISTS / "sv_compounds.txt"


@cache
def compound_words() -> tuple[str, ...]:
    """The word list, each word also without å/ä/ö, so that a compound typed without them
    ("bredbandsstod") is split as well."""
    lines = WORDLIST.read_text(encoding="utf-8").splitlines()
    words = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    folded = [
        "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c)) for w in words
    ]
    return tuple(dict.fromkeys(words + folded))


# Words that folding would hand to the Swedish stemmer as another word: "pensionär" folded is
# "pensionar", whose "-ar" the stemmer takes for a plural ending, so a pensioner was a pension and
# "pensionär datorhjälp" put the retirement guide first. Kept as folded (their plurals, "-arer",
# lose the "-er" and meet them).
FOLDED_KEPT = ("pensionar", "affar", "funktionar")


def _folded_kept():
    return token_filter("folded_kept", "keyword_marker", keywords=list(FOLDED_KEPT))


def _decompound():
    return token_filter(
        "sv_decompound",
        "dictionary_decompounder",
        word_list=list(compound_words()),
        min_subword_size=2,
        only_longest_match=False,
    )


# Words residents put around what they look for when they ask a question ("hur får jag …", "jag
# ska flytta, vad gör jag", "how do I get …", "كيف أحصل على …", "hur många …", "how much …",
# "كم …"). They are dropped from queries only (the `search_analyzer` of the `exact` and `folded`
# fields), never from the indexed text, so they neither count as words that must match nor favour
# pages that happen to contain them.
QUESTION_WORDS = {
    "sv": "jag ska skall vill behöver måste gör göra får få kan finns hitta hur vad var när vem vilken "
    "vilket vilka min mitt mina vi man bra hjälpa många nån "
    # What a resident says around the question, spoken to a phone or typed as to a librarian:
    # greetings and thanks, and the small words of speech ("alltså typ", "jag undrar", "ju", "snart")
    "hej hallå tack snälla undrar alltså typ liksom ju väl nog alls snart just lite också även redan "
    "fortfarande egentligen förresten kanske verkligen tyvärr bara "
    # Seeking, as "hitta" and "få": "söka hemtjänst" asked for pages with "söka" in them and missed
    # "Ansök om hemtjänst" (the verb the pages use, "ansöka", stays a word: it is in their titles)
    "söka söker sök leta letar "
    # Using, as doing: "jag kan inte använda internet" asks for internet help, not pages that say "använda"
    "använda använder".split(),
    "en": "i me my we our you your how what where when who which do does did can could should "
    "want need get find is are am have has there please many much someone somebody anyone anybody "
    "everything anything something "
    "hi hello hey thanks thank really actually basically sorry just also maybe already still very "
    "soon search searching seek seeking use using about".split(),
    "ar": "كيف ماذا ما اين أين متى من هل اريد أريد احتاج أحتاج يمكن يمكنني ممكن اجد أجد احصل أحصل كم "
    "شو ايش إيش شنو وش يعني بدي "  # spoken Arabic's "what", "(it) means", "I want"
    # spoken "who", "where", "how", "why", "when", a question's "so", "I want", "someone", "thing"
    "مين وين فين كيفاش شلون ازاي إزاي ليش امتى إمتى واش عايز عاوز بغيت ابغى أبغى حدا أحد احد شي شيء اشي "
    "زول "  # Sudanese "someone" ("في زول يساعد": is there someone who helps)
    "انا أنا لي "  # "I", "for me", as "jag", "min" in Swedish
    # greetings, thanks and the small words of speech ("هلق", now; "كمان", also; "برضو", too)
    "مرحبا السلام عليكم شكرا لو سمحت فضلك كتير كثير هلق هلأ هسه دلوقتي الحين كمان برضو طيب والله "
    "خلاص لسه لسا "
    "ودي ابغي "  # Gulf "I'd like" (as "بدي", "أبغى")
    "اعرف أعرف بعرف "  # "(I don't) know (how)": "ما اعرف استخدم", as "jag undrar"
    "استخدم استخدام استعمل استعمال "  # "use", as "använda"
    "ابحث أبحث بدور ادور أدور "  # "I look for" (standard, Levantine, Gulf)
    "رح راح صير اصير قربت "  # "will", "become", "I'm nearly" ("قربت صير ٦٥ سنة": I'm nearly 65)
    # The weekdays, when and not what: no Arabic page has them (a session's days are indexed in
    # Swedish and English only, services/documents.py), and the stemmer makes Friday ("الجمعة") an
    # association ("جمعية"): "جلسة سويش يوم الجمعة" found the fibre associations first.
    "الاثنين الإثنين الثلاثاء الاربعاء الأربعاء الخميس الجمعة السبت الاحد الأحد".split(),
}
# A Latin letter alone is a part of a word written apart ("e-recept", "e tjänst"), in every
# language: "e" matched every page with an e-service or an e-ID, before the prescriptions guide.
LONE_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


# A number of years ("65 år", "70-åring", "80 years old", "age 67", "عمري ٦٥ سنة"): an age or a
# duration says who asks or for how long, not what is asked for (`search.opensearch_query.
# read_query` takes it out of the words that must match). The words after the number, and those
# before it; in every language, as readers mix them.
YEARS_AFTER_NUMBER = (
    "år års åring åringar åriga årig gammal gamla ar ars aring aringar "  # (and without å)
    "years year yrs yr yo old "
    "سنة سنه سنوات سنين عام عاما عامًا اعوام أعوام"
).split()
YEARS_BEFORE_NUMBER = "ålder åldern alder aldern age aged عمر عمري بعمر العمر".split()


# Words a resident puts between the words of a synonym's term, which a term does not need to name:
# a possessive or an article ("pay with her phone" is "pay with phone", "betala med min mobil"
# "betala med mobil"). As `core.text.normalise` writes them (å, ä, ö folded).
BETWEEN_TERM_WORDS = (
    "my your his her our their the a an "
    "min mitt mina din ditt dina hans hennes sin sitt sina var vart vara er ert era en ett"
).split()

# The digits as a number is read out, one by one, on the phone or to a voice assistant ("ett ett sju
# sju", "one one seven seven", "واحد واحد سبعة سبعة": 1177); `search.opensearch_query.
# with_digits_spelt_out` reads DIGITS_SPELT_FROM or more in a row as the number. In every language,
# as readers mix them; matched as `core.text.normalise` writes a word (Arabic alef forms and taa
# marbuta as the analysers write them). Not "oh" for nought, nor "en" alone: both are also words;
# nor "etta", "tvåa", "trea" (flats by their rooms: "etta tvåa trea" is no 123).
DIGIT_WORDS = {
    "0": "noll zero صفر",
    "1": "ett one واحد واحده",
    "2": "två tva two اثنين اثنان اتنين تنين",
    "3": "tre three ثلاثه ثلاث تلاته تلات",
    "4": "fyra four اربعه اربع ربعه",
    "5": "fem five خمسه خمس",
    "6": "sex six سته ست",
    "7": "sju seven سبعه سبع",
    "8": "åtta atta eight ثمانيه ثمان تمنيه تمانيه تمنه",
    "9": "nio nine تسعه تسع",
}
DIGITS_SPELT_FROM = 3

# The languages a resident may ask to be helped in (the sessions' `session_languages`), by the
# words that name them in the site's languages and as residents type them ("på engelska", "in
# english", "بالعربي", "3arabi"). Swedish is left out: every session is given in it, and "lite
# svenska" or "learn swedish" asks for no language. Matched as `core.text.normalise` writes a word,
# an Arabic word also without its particles and article ("بالعربي").
LANGUAGES_ASKED_FOR = {
    "en": "engelska engelsk english inglish englis انجليزي انجليزيه انكليزي انكليزيه انقليزي englizi inglizi",
    "ar": "arabiska arabisk arabic arabi araby 3arabi 3rabi عربي عربيه",
    "so": "somaliska somalisk somali صومالي صوماليه",
    "ti": "tigrinja tigrinya tigrigna تغرينيا تيغرينيا",
    "fa": "persiska persisk persian farsi dari فارسي فارسيه",
    "fi": "finska finsk finnish suomi suomeksi فنلندي فنلنديه",
    "uk": "ukrainska ukrainsk ukrainian اوكراني اوكرانيه",
    "sgn": "teckenspråk teckensprak",
}
# Words that ask for help, a course or a library: with them a reader's own language is asked for
# too ("bankid help in english"); without, "kivra english" or "بالعربي" in the reader's own language
# asks for the content in that language, which the reader has already.
ASKING_FOR_HELP = (
    "hjälp hjälpa hjälper hjälpen handledning kurs kursen kurser bibliotek biblioteket bibblan drop-in "
    "help helping course courses class classes library session sessions support "
    "مساعدة مساعده مساعد يساعد يساعدني ساعدني دورة دوره دروس درس مكتبة مكتبه maktaba"
).split()
# Words that say the language is not the one wanted ("jag kan inte engelska", "ما بحكي انجليزي");
# "t" is what is left of "can't" and "don't" once the apostrophe splits the word.
NOT_THE_LANGUAGE = "inte ej utan not no dont cannot t without لا ما مش مو بدون".split()


# The standard tokenizer keeps a dot between letters inside one word ("verksamt.se",
# "skatteverket.se" in an address), so "verksamt" found nothing. A reader types the name, not the
# address: a dot between two letters splits the word, in the text and in the query alike.
dotted_words = char_filter(
    "dotted_words", "pattern_replace", pattern="(?<=\\p{L})\\.(?=\\p{L})", replacement=" "
)


def _analyzers(language, head, stop, after_stop, stemmer, before_stem=()):
    """(text, folded, exact, folded for queries, exact for queries) for one language.

    text and folded split compounds, exact does not; folded also folds å/ä/ö after the stop words
    (which are written with them). Swedish compounds are split in every language's `folded`, as
    untranslated Swedish pages are in every index; `text` splits them only in Swedish.
    """
    question = token_filter(f"{language}_question", "stop", stopwords=sorted(question_words(language)))
    decompound = _decompound()
    stem = [*before_stem, stemmer]
    text_chain = [*head, stop, *after_stop, *([decompound] if language == "sv" else []), *stem]
    folded_chain = [*head, stop, *after_stop, decompound, "asciifolding", _folded_kept(), *stem]
    exact_chain = [*head, stop, *after_stop, *stem]

    def with_question(chain):
        # After the stop words and what follows them (in Arabic the letters normalised, so that a
        # question word is dropped however its alef or alef maqsura is typed: "لى" is "لي").
        at = chain.index(stop) + 1 + len(after_stop)
        return [*chain[:at], question, *chain[at:]]

    def words(name, chain):
        return analyzer(name, tokenizer="standard", char_filter=[dotted_words], filter=chain)

    return (
        words(f"{language}_text", text_chain),
        words(f"{language}_folded", folded_chain),
        words(f"{language}_exact", exact_chain),
        words(f"{language}_folded_query", with_question(folded_chain)),
        words(f"{language}_exact_query", with_question(exact_chain)),
    )


def _swedish():
    stop = token_filter("sv_stop", "stop", stopwords="_swedish_")
    stem = token_filter("sv_stem", "stemmer", language="swedish")
    return _analyzers("sv", ["lowercase"], stop, [], stem)


def _english():
    stop = token_filter("en_stop", "stop", stopwords="_english_")
    stem = token_filter("en_stem", "stemmer", language="english")
    possessive = token_filter("en_possessive", "stemmer", language="possessive_english")
    return _analyzers("en", [possessive, "lowercase"], stop, [], stem)


def _arabic():
    # Normalise alef forms, taa marbuta, alef maqsura, diacritics and tatweel, then the light
    # stemmer (prefixes ال, وال, بال …; suffixes ها, ات, ين …). Eastern Arabic digits become 0–9.
    # The stop words are written with alef maqsura; readers type "علي" for "على" (on): after the
    # normalisation the stop words as normalised are dropped too.
    stop = token_filter("ar_stop", "stop", stopwords="_arabic_")
    normalised = token_filter("ar_stop_normalised", "stop", stopwords=sorted(normalised_stop_words("ar")))
    stem = token_filter("ar_stem", "stemmer", language="arabic")
    # The accusative's alef ("موعدًا", an appointment; "مجانًا", free), once the tanween is gone:
    # "موعد" did not find "احجز موعدًا". Off every word of four letters or more, in the text and in
    # the query alike (a name that ends in alef, "كندا", loses it on both sides); after the question
    # words, which are listed as typed ("ماذا", "شكرا").
    accusative = token_filter("ar_accusative", "pattern_replace", pattern="^(\\p{L}{3,})ا$", replacement="$1")
    # A noun in taa marbuta with a possessive ending ("شركتي", my company; "رخصتك", your licence;
    # "اجازتها"): the taa marbuta back (normalised, "ه"), which the stemmer takes off, so "شركتي" is
    # "شركة" as the pages write it; the stemmer alone left "شركت". Not after an alef ("معلوماتي" is
    # a plural, "ات" + "ي"), not off a word of two letters before the taa, with a particle or the
    # article on it or not ("بيتي", my house; "وبنتك"; "لبنتي" is no "لبن", milk), and never in
    # "انترنت" (internet, whose taa is its own). Not "ه" (his): after the normalisation it is also
    # the taa marbuta of a feminine ("ثابتة", fixed, is no "ثاب"). Before the accusative's alef
    # comes off ("شركتنا", our company, is no "شركتن").
    particle = "(?:[وفبلك]|ال|وال|بال|فال|كال|لل)?"
    endings = f"(?:{'|'.join(ARABIC_POSSESSIVES)})"
    possessive = token_filter(
        "ar_possessive",
        "pattern_replace",
        pattern=(f"^(?!.*نترن)(?!{particle}\\p{{L}}{{2}}ت{endings}$)(\\p{{L}}{{2,}}[^ا])ت{endings}$"),
        replacement="$1ه",
    )
    after_stop = ["arabic_normalization", normalised]
    return _analyzers(
        "ar", ["lowercase", "decimal_digit"], stop, after_stop, stem, before_stem=[possessive, accusative]
    )


# The possessive endings written onto a noun, longest first: my, your, her, our, their (`_arabic`;
# not "ه", his, which the normalisation makes the taa marbuta's letter too).
ARABIC_POSSESSIVES = ("كما", "هما", "كم", "كن", "هم", "هن", "ها", "نا", "ي", "ك")


# Languages whose analysers drop the stop words again after normalising the letters (`_arabic`).
NORMALISED_STOP_WORDS = ("ar",)


@cache
def normalised_stop_words(language: str) -> frozenset[str]:
    """The stop words of the language's list as `core.text.normalise` writes them, where they
    differ (indexed text loses them too; question words are dropped from queries only)."""
    words = _listed_stop_words(language)
    return frozenset({normalise(word) for word in words} - words)


def question_words(language: str) -> frozenset[str]:
    """The question words the query analysers drop (normalised too where the analysers normalise
    the letters before: `NORMALISED_STOP_WORDS`)."""
    words = set(QUESTION_WORDS.get(language, QUESTION_WORDS["en"])) | LONE_LETTERS
    if language in NORMALISED_STOP_WORDS:
        words |= {normalise(word) for word in words}
    return frozenset(words)


@cache
def stop_words(language: str) -> frozenset[str]:
    """The words the query analysers of a language drop: Lucene's stop words for it (the lists
    `_swedish_`, `_english_` and `_arabic_` name, copied in search/wordlists/stop_*.txt) and the
    question words. The query builder uses them to tell a real word from one that matches nothing."""
    words = _listed_stop_words(language) | question_words(language)
    if language in NORMALISED_STOP_WORDS:
        words |= normalised_stop_words(language)
    return frozenset(words)


@cache
def _listed_stop_words(language: str) -> frozenset[str]:
    path = WORDLISTS / f"stop_{language if language in QUESTION_WORDS else 'en'}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


LANGUAGE_ANALYZERS = {"sv": _swedish, "en": _english, "ar": _arabic}

# Unstemmed words, for typo tolerance (a stemmer changes a misspelt word unpredictably), and for
# autocomplete: the same in every language.
plain = analyzer(
    "plain",
    tokenizer="standard",
    char_filter=[dotted_words],
    filter=["lowercase", "decimal_digit", "arabic_normalization", "asciifolding"],
)
# Arabic letter forms unified as in the other fields: "الانترنت" suggests "الإنترنت" titles too.
suggest_folded = analyzer(
    "suggest_folded",
    tokenizer="standard",
    filter=["lowercase", "decimal_digit", "arabic_normalization", "asciifolding"],
)
# A title as one term: its letters and digits, lower case and folded, the rest one space. A query
# that is a page's whole title ("bredband", "Digital hjälp", "vården på nätet 1177") finds that
# page first, whatever the dashes, case, å/ä/ö or Arabic letter forms. Marks stay with their letter
# until `arabic_normalization` removes the vowel signs: as spaces they split "معًا" into two words.
whole = analyzer(
    "whole",
    tokenizer="keyword",
    char_filter=[
        char_filter("words_only", "pattern_replace", pattern="[^\\p{L}\\p{N}\\p{M}]+", replacement=" ")
    ],
    filter=["lowercase", "decimal_digit", "arabic_normalization", "asciifolding", "trim"],
)
trigram = analyzer(
    "trigram",
    tokenizer="standard",
    filter=[
        "lowercase",
        "arabic_normalization",
        token_filter("shingle_2_3", "shingle", min_shingle_size=2, max_shingle_size=3),
    ],
)


def analyzers_for(language: str):
    """(text, folded, exact, folded_query, exact_query) analyzers for a language; languages
    without their own use English.

    text: decompounded and stemmed; folded: the same with å/ä/ö folded; exact: stemmed but not
    decompounded, so a whole word ("stadsnät") scores above documents that only share its parts;
    the *_query analyzers also drop question words from what residents type.
    """
    return LANGUAGE_ANALYZERS.get(language, _english)()
