"""Text that may hold personal data, masked before it is stored where it is not needed.

Residents sometimes type their personnummer, phone number or e-mail address into a search box; the
search log keeps what was asked (to improve the site), never who asked, so these are replaced by a
placeholder before the query is written. The patterns err on the side of masking: a run of seven or
more digits is treated as a phone number, while years, kommunkoder and postcodes (four or five
digits) stay readable because editors act on them.
"""

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# 12 or 10 digits, optionally split as YYMMDD-NNNN / YYMMDD+NNNN (the + marks someone over 100).
PERSONNUMMER = re.compile(r"(?<![\d+])(?:19|20)?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4})(?!\d)")
# A run of digits with the separators people write in phone numbers, at least seven digits long.
NUMBER_RUN = re.compile(r"(?<![\w+])\+?\(?\d[\d\s\-()/.]*\d")

EMAIL_MASK = "[e-post]"
PERSONNUMMER_MASK = "[personnummer]"
PHONE_MASK = "[telefon]"


def _looks_like_personnummer(match: re.Match) -> bool:
    text = match.group(0)
    _year, month, day, _last = match.groups()
    if text.startswith("0") and text.isdigit() and len(text) == 10:
        return False  # 070… without a separator is far more often a mobile number
    day_number = int(day) - 60 if int(day) > 60 else int(day)  # samordningsnummer add 60 to the day
    return 1 <= int(month) <= 12 and 1 <= day_number <= 31


def _mask_numbers(match: re.Match) -> str:
    text = match.group(0)
    digits = sum(ch.isdigit() for ch in text)
    if digits < 7:
        return text
    stripped = text.rstrip()
    return PHONE_MASK + text[len(stripped) :]


def mask_personal_data(text: str) -> str:
    """`text` with e-mail addresses, personnummer and phone numbers replaced by placeholders."""
    text = EMAIL.sub(EMAIL_MASK, text)
    text = PERSONNUMMER.sub(lambda m: PERSONNUMMER_MASK if _looks_like_personnummer(m) else m.group(0), text)
    return NUMBER_RUN.sub(_mask_numbers, text)
