"""Model field factories for shapes that recur across the apps (each deconstructs to the plain field,
so migrations see no difference)."""

from django.db import models


def optional_field(field_class, verbose_name, help_text="", **kwargs):
    """A field that may be left empty: NULL in the database, blank in forms (dates, numbers)."""
    return field_class(verbose_name, null=True, blank=True, help_text=help_text, **kwargs)


def coordinate_field(verbose_name, help_text=""):
    """A latitude or longitude in degrees with six decimals (about ten centimetres), empty if unknown."""
    return optional_field(models.DecimalField, verbose_name, help_text, max_digits=9, decimal_places=6)
