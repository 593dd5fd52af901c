"""Text as a search compares it, the same for the engine's query builder and the database fallback's
index: lower case, no diacritics ("Bredbandsstöd" is "bredbandsstod"), Arabic letter forms unified (as the
engine's `arabic_normalization` does in the index)."""

import re
import unicodedata

from django.utils.html import strip_tags

# Alef with hamza or madda → alef, taa marbuta → haa, alef maqsura → yaa; and every decimal digit
# as an ASCII one, as the index's `decimal_digit` does ("١١٧٧", Arabic-Indic, is "1177").
ARABIC_LETTER_FORMS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"}
    | {
        chr(code): str(unicodedata.decimal(chr(code)))
        for code in range(0x80, 0x10000)
        if unicodedata.category(chr(code)) == "Nd"
    }
)
TATWEEL = "\u0640"


def fold(text: str) -> str:
    """Lower case without diacritics: "Bredbandsstöd" → "bredbandsstod"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def normalise(text: str) -> str:
    """Folded, with Arabic letter forms unified (as the index's arabic_normalization does): alef
    with hamza or madda → alef, taa marbuta → haa, alef maqsura → yaa, tatweel and vowel signs
    removed; digits of any script as ASCII digits."""
    return fold(text).replace(TATWEEL, "").translate(ARABIC_LETTER_FORMS)


# The end of a block (a paragraph, a heading, a list item, a line break) separates words: stripped
# of its tags without a space, "…biblioteket.</p><h2>Avboka" became one word, "biblioteket.Avboka",
# and neither word was found.
BLOCK_TAG = re.compile(
    r"</?(?:p|h[1-6]|li|ul|ol|dl|dt|dd|div|blockquote|pre|table|tr|td|th|br|hr|section)\b[^>]*>", re.I
)


def html_text(html: str) -> str:
    """The words of an HTML fragment (rich text) as plain text, blocks apart, spaces collapsed."""
    return " ".join(strip_tags(BLOCK_TAG.sub(" ", str(html))).split())
