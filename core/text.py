"""Text as a search compares it, the same for the engine's query builder and the database fallback's
index: lower case, no diacritics ("Bredbandsstöd" is "bredbandsstod"), Arabic letter forms unified (as the
engine's `arabic_normalization` does in the index)."""

import unicodedata

# Alef with hamza or madda → alef, taa marbuta → haa, alef maqsura → yaa.
ARABIC_LETTER_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})
TATWEEL = "\u0640"


def fold(text: str) -> str:
    """Lower case without diacritics: "Bredbandsstöd" → "bredbandsstod"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def normalise(text: str) -> str:
    """Folded, with Arabic letter forms unified (as the index's arabic_normalization does): alef
    with hamza or madda → alef, taa marbuta → haa, alef maqsura → yaa, tatweel and vowel signs
    removed."""
    return fold(text).replace(TATWEEL, "").translate(ARABIC_LETTER_FORMS)
