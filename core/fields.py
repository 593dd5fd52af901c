"""Model field factories for shapes that recur across the apps (each deconstructs to the plain field,
so migrations see no difference)."""

from django.db import models


def optional_field(field_class, verbose_name, help_text="", **kwargs):
    """A field that may be left empty: NULL in the database, blank in forms (dates, numbers)."""
    return field_class(verbose_name, null=True, blank=True, help_text=help_text, **kwargs)


def coordinate_field(verbose_name, help_text=""):
    """A latitude or longitude in degrees with six decimals (about ten centimetres), empty if unknown."""
    return optional_field(models.DecimalField, verbose_name, help_text, max_digits=9, decimal_places=6)


def choice_field(verbose_name, choices, default=models.NOT_PROVIDED, help_text=""):
    """One of the values of `choices` (a TextChoices class), in a column of 20 characters."""
    return models.CharField(
        verbose_name, max_length=20, choices=choices.choices, default=default, help_text=help_text
    )


def optional_reference(to, verbose_name=None, help_text=""):
    """A link to another object that may be missing; deleting that object empties the link."""
    return models.ForeignKey(
        to,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=verbose_name,
        help_text=help_text,
    )
