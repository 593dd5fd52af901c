"""How demo content is marked, so that the loader can tell it from what editors made."""

import uuid

NAMESPACE = uuid.UUID("6f1d8a52-3c1e-5b7e-9a55-2f7c0e1d4b11")
# Ends the source of every coverage figure the demo writes; imported figures never end with it.
DEMO_SOURCE_SUFFIX = "(demo)"


def demo_key(*parts: str) -> uuid.UUID:
    """A stable translation key (uuid5); editors' objects get random ones (uuid4)."""
    return uuid.uuid5(NAMESPACE, "/".join(parts))
