"""Text analysis per language, written with opensearch-py's DSL.

Swedish: standard tokens, lower case, Swedish stop words, a dictionary decompounder with the word
list in search/wordlists/sv_compounds.txt (so *bredbandsstöd* matches *stöd* and *bredband*), and the
Swedish snowball stemmer. A `folded` sub-field also folds å/ä/ö to a/a/o so *bredbandsstod* finds
*bredbandsstöd*. English and Arabic get their own stop words, normalisation and stemmers.

Synonyms are not in the analysis chain: they come from the editor-managed `Synonym` snippet and are
expanded when the query is built (search/opensearch_query.py), so an editor's change works at once,
with no re-index.
"""

from functools import cache
from pathlib import Path

from opensearchpy import analyzer, token_filter

WORDLIST = Path(__file__).parent / "wordlists" / "sv_compounds.txt"


@cache
def compound_words() -> tuple[str, ...]:
    lines = WORDLIST.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _swedish():
    stop = token_filter("sv_stop", "stop", stopwords="_swedish_")
    decompound = token_filter(
        "sv_decompound",
        "dictionary_decompounder",
        word_list=list(compound_words()),
        min_subword_size=2,
        only_longest_match=False,
    )
    stem = token_filter("sv_stem", "stemmer", language="swedish")
    text = analyzer("sv_text", tokenizer="standard", filter=["lowercase", stop, decompound, stem])
    folded = analyzer(
        "sv_folded", tokenizer="standard", filter=["lowercase", stop, decompound, "asciifolding", stem]
    )
    exact = analyzer("sv_exact", tokenizer="standard", filter=["lowercase", stop, stem])
    return text, folded, exact


def _english():
    stop = token_filter("en_stop", "stop", stopwords="_english_")
    stem = token_filter("en_stem", "stemmer", language="english")
    possessive = token_filter("en_possessive", "stemmer", language="possessive_english")
    text = analyzer("en_text", tokenizer="standard", filter=[possessive, "lowercase", stop, stem])
    folded = analyzer(
        "en_folded", tokenizer="standard", filter=[possessive, "lowercase", "asciifolding", stop, stem]
    )
    exact = analyzer("en_exact", tokenizer="standard", filter=[possessive, "lowercase", stop, stem])
    return text, folded, exact


def _arabic():
    stop = token_filter("ar_stop", "stop", stopwords="_arabic_")
    stem = token_filter("ar_stem", "stemmer", language="arabic")
    text = analyzer(
        "ar_text",
        tokenizer="standard",
        filter=["lowercase", "decimal_digit", stop, "arabic_normalization", stem],
    )
    folded = analyzer(
        "ar_folded",
        tokenizer="standard",
        filter=["lowercase", "decimal_digit", "asciifolding", stop, "arabic_normalization", stem],
    )
    exact = analyzer(
        "ar_exact", tokenizer="standard", filter=["lowercase", "decimal_digit", "arabic_normalization"]
    )
    return text, folded, exact


LANGUAGE_ANALYZERS = {"sv": _swedish, "en": _english, "ar": _arabic}

# Unstemmed words, for typo tolerance (a stemmer changes a misspelt word unpredictably), and for
# autocomplete: the same in every language.
plain = analyzer("plain", tokenizer="standard", filter=["lowercase", "asciifolding"])
suggest_folded = analyzer("suggest_folded", tokenizer="standard", filter=["lowercase", "asciifolding"])
trigram = analyzer(
    "trigram",
    tokenizer="standard",
    filter=["lowercase", token_filter("shingle_2_3", "shingle", min_shingle_size=2, max_shingle_size=3)],
)


def analyzers_for(language: str):
    """(text, folded, exact) analyzers for a language; languages without their own use English.

    text: decompounded and stemmed; folded: the same with å/ä/ö folded; exact: stemmed but not
    decompounded, so a whole word ("stadsnät") scores above documents that only share its parts.
    """
    return LANGUAGE_ANALYZERS.get(language, _english)()
