"""How a booking's contact is recognised for the fair-booking limits: one normalisation, used both
for what is stored (`Booking.save` keeps `email_key` and `phone_key`, and migration 0005 filled them
in for the bookings made before) and for what a new booker writes, so that the same person counts
the same however the number or address was written, and whenever it was stored.

- e-mail: trimmed and lower-cased;
- a Swedish number: +46 and the national number (070-123 45 67, +46 (0)70 123 45 67, 0046…);
- a number from another country written with its country code (+47 912 34 567, 0047 …): + and
  the digits (E.164, at most 15); the booking form asks for a Swedish number, but bookings made
  before it did, and by staff, may hold others, and they count too;
- anything else gives no key (it cannot be told apart from a typing error).
"""

import re

from core.forms import western_digits

PHONE_SEPARATORS = re.compile(r"[\s\-()./]")
SWEDISH_NATIONAL_NUMBER = re.compile(r"[1-9][0-9]{6,8}")
INTERNATIONAL_NUMBER = re.compile(r"[1-9][0-9]{6,14}")  # country code and number, E.164


def normalise_email(raw: str) -> str:
    return (raw or "").strip().lower()


def normalise_phone(raw: str) -> str | None:
    """A Swedish phone number as +46…, or None when it is not one (070-123 45 67, +46 70 123 45 67)."""
    digits = PHONE_SEPARATORS.sub("", western_digits(raw or ""))
    for prefix in ("+46", "0046", "0"):
        if digits.startswith(prefix):
            national = digits[len(prefix) :]
            break
    else:
        return None
    if prefix != "0" and national.startswith("0"):  # "+46 (0)70 …"
        national = national[1:]
    return f"+46{national}" if SWEDISH_NATIONAL_NUMBER.fullmatch(national) else None


def phone_key(raw: str) -> str:
    """The key a phone number counts under: Swedish as +46…, another country's as +<digits>, else ""."""
    swedish = normalise_phone(raw)
    if swedish:
        return swedish
    digits = PHONE_SEPARATORS.sub("", western_digits(raw or "").replace("(0)", ""))  # "+358 (0)40 …"
    for prefix in ("+", "00"):
        if digits.startswith(prefix):
            number = digits[len(prefix) :]
            if number.startswith("46"):
                return ""  # Sweden's code, but not a Swedish number
            return f"+{number}" if INTERNATIONAL_NUMBER.fullmatch(number) else ""
    return ""
